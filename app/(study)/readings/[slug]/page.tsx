import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ReadingView } from '@/components/reading/reading-view';
import {
  getReadingBySlug,
  getReadingProgress,
  listGlossary,
  listHighlights,
  listNotes,
} from '@/db/queries/readings';
import { requireUser } from '@/lib/auth/session';
import { canViewReading } from '@/lib/reading/access';
import { markGlossaryTerms } from '@/lib/reading/glossary-marks';

export async function generateMetadata({ params }: PageProps<'/readings/[slug]'>): Promise<Metadata> {
  const reading = await getReadingBySlug({ slug: (await params).slug });
  return { title: reading?.title ?? 'Reading' };
}

export default async function ReadingPage({ params }: PageProps<'/readings/[slug]'>) {
  const { slug } = await params;
  const user = await requireUser(`/readings/${slug}`);
  const reading = await getReadingBySlug({ slug });
  if (!reading || !canViewReading(reading, user.id)) notFound();

  const [glossary, notes, progress, highlights] = await Promise.all([
    listGlossary({ readingId: reading.id }),
    listNotes({ readingId: reading.id }),
    getReadingProgress({ userId: user.id, readingId: reading.id }),
    listHighlights({ userId: user.id, readingId: reading.id }),
  ]);
  const segments = markGlossaryTerms(
    new Map(reading.paragraphs.map((p) => [p.id, p.sentences])),
    reading.sections,
    glossary,
  );

  return (
    <ReadingView
      reading={{
        slug: reading.slug,
        title: reading.title,
        author: reading.author,
        authorNote: reading.authorNote,
        source: reading.source,
        publishedOn: reading.publishedOn,
        readingMinutes: reading.readingMinutes,
        wordCount: reading.wordCount,
        status: reading.status,
      }}
      paragraphs={reading.paragraphs.map((p) => ({
        id: p.id,
        sentences: p.sentences.map((s) => ({
          id: s.id,
          text: s.text,
          segments: segments.get(s.id) ?? [{ text: s.text }],
        })),
      }))}
      sections={reading.sections}
      glossary={glossary.map((g) => ({ id: g.id, term: g.term, definition: g.definition }))}
      notes={notes.map((n) => ({ id: n.id, paragraphId: n.paragraphId, title: n.title, body: n.body }))}
      initialProgress={
        progress
          ? {
              lastParagraphId: progress.lastParagraphId,
              furthestParagraph: progress.furthestParagraph,
              sectionsRead: progress.sectionsRead,
            }
          : null
      }
      initialHighlights={highlights.map((h) => ({ id: h.id, sentenceId: h.sentenceId, note: h.note }))}
    />
  );
}
