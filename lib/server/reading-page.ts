import 'server-only';
import { listReadingQuestions } from '@/db/queries/questions';
import { getDefaultQuiz } from '@/db/queries/quizzes';
import { getReadingById, listGlossary, listNotes, type ReadingHead } from '@/db/queries/readings';
import type { Reading } from '@/db/schema';
import { markGlossaryTerms } from '@/lib/reading/glossary-marks';
import { pickGuidedQuestions } from '@/lib/reading/guided';
import type { ReadingHeader, ViewGlossaryTerm, ViewNote, ViewParagraph } from '@/lib/reading/view';
import type { Question } from '@/questions/schema';
import { type Granted, readingHeadToView, type Who } from './policy';
import { refuse } from './result';

/**
 * What a reading's page shows every student alike: the text with its glossary terms marked, the
 * glossary, the context notes, the guided questions by section and the quiz to take at the end.
 * Only each student's own part (their place, highlights and guided answers) is read per request.
 */
export type ReadingPageShared = {
  /** The whole row, as the reading's actions check places and sentences against it. */
  reading: Reading;
  header: ReadingHeader;
  paragraphs: ViewParagraph[];
  glossary: ViewGlossaryTerm[];
  notes: ViewNote[];
  guided: Map<string, Question[]>;
  quizId: string | null;
};

/**
 * Kept per app server, by reading, under the revision it was read at. The database moves a
 * reading's revision on any change to it or to its glossary, notes, questions or quizzes (migration
 * 0019), and every request reads the revision anyway (with the reading's access fields), so a copy
 * kept here is used only while it is current, on however many servers share the database.
 */
const kept = new Map<string, { revision: number; shared: Promise<ReadingPageShared | null> }>();
/** Readings kept at once; the longest reading allowed is about 25,000 words, a few MB kept. */
const KEPT_MOST = 50;

/** Null when the reading was deleted after its head was read. */
export function readingPageShared(
  head: Pick<ReadingHead, 'id' | 'revision'>,
): Promise<ReadingPageShared | null> {
  const entry = kept.get(head.id);
  if (entry && entry.revision >= head.revision) {
    // Most recently used last, so the oldest is the one let go.
    kept.delete(head.id);
    kept.set(head.id, entry);
    return entry.shared;
  }
  const shared = loadShared(head.id);
  const fresh = { revision: head.revision, shared };
  kept.set(head.id, fresh);
  while (kept.size > KEPT_MOST) kept.delete(kept.keys().next().value!);
  shared.then(
    // Labelled with the revision of the row actually read, which may be newer than the head's.
    (loaded) => {
      if (kept.get(head.id) !== fresh) return;
      if (loaded) fresh.revision = loaded.reading.revision;
      else kept.delete(head.id);
    },
    () => {
      if (kept.get(head.id) === fresh) kept.delete(head.id);
    },
  );
  return shared;
}

async function loadShared(readingId: string): Promise<ReadingPageShared | null> {
  // The row first, the rest after: a change made between the reads moves the revision past the
  // row's, so this copy is read again next time rather than kept with a part older than its label.
  const reading = await getReadingById({ id: readingId });
  if (!reading) return null;
  const [glossary, notes, approved, quiz] = await Promise.all([
    listGlossary({ readingId }),
    listNotes({ readingId }),
    listReadingQuestions({ readingId, statuses: ['approved'] }),
    getDefaultQuiz({ readingId }),
  ]);
  const segments = markGlossaryTerms(
    new Map(reading.paragraphs.map((p) => [p.id, p.sentences])),
    reading.sections,
    glossary,
  );
  return {
    reading,
    header: {
      slug: reading.slug,
      title: reading.title,
      author: reading.author,
      authorNote: reading.authorNote,
      source: reading.source,
      publishedOn: reading.publishedOn,
      readingMinutes: reading.readingMinutes,
      wordCount: reading.wordCount,
      status: reading.status,
    },
    paragraphs: reading.paragraphs.map((p) => ({
      id: p.id,
      sentences: p.sentences.map((s) => ({
        id: s.id,
        segments: segments.get(s.id) ?? [{ text: s.text }],
      })),
    })),
    glossary: glossary.map((g) => ({ id: g.id, term: g.term, definition: g.definition })),
    notes: notes.map((n) => ({ id: n.id, paragraphId: n.paragraphId, title: n.title, body: n.body })),
    guided: pickGuidedQuestions(
      approved.map((q) => q.data),
      reading,
    ),
    quizId: quiz?.id ?? null,
  };
}

/** `readingToView` by slug for the reading's own actions (a place saved as the student scrolls), from the kept copy. */
export async function keptReadingToView(
  user: Who,
  slug: string,
): Granted<{ reading: Reading; guided: ReadingPageShared['guided'] }> {
  const granted = await readingHeadToView(user, slug);
  if ('status' in granted) return granted;
  const shared = await readingPageShared(granted.reading);
  return shared
    ? { reading: shared.reading, guided: shared.guided }
    : refuse('not-found', 'That reading does not exist or is not open to you.');
}
