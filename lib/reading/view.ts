import type { SentenceSegment } from '@/lib/reading/glossary-marks';
import type { ReadingSection } from '@/questions/reading/types';

/** What the reading page hands its client components: plain data, nothing to render as HTML. */
export type ReadingHeader = {
  slug: string;
  title: string;
  author: string | null;
  authorNote: string | null;
  source: string | null;
  publishedOn: string | null;
  readingMinutes: number;
  wordCount: number;
  status: 'draft' | 'published';
};

/** A sentence as its pieces (text, glossary terms); its text is theirs joined, sent once. */
export type ViewSentence = { id: string; segments: SentenceSegment[] };
export const sentenceText = (sentence: ViewSentence) => sentence.segments.map((s) => s.text).join('');
export type ViewParagraph = { id: string; sentences: ViewSentence[] };
export type ViewGlossaryTerm = { id: string; term: string; definition: string };
export type ViewNote = { id: string; paragraphId: string; title: string; body: string };
export type ViewHighlight = { id: string; sentenceId: string; note: string | null };
export type ViewProgress = {
  lastParagraphId: string | null;
  furthestParagraph: number;
  sectionsRead: string[];
};
export type { ReadingSection };
