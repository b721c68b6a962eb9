import { loadShippedReading } from '@/lib/reading/content';
import { sentenceOfTerm } from '@/lib/reading/glossary-marks';
import { loadAuthoredBank } from '@/questions/bank';
import type { ExportCard } from './notes';

/**
 * Cards for tests of the Anki export: every authored Burns question and its glossary as a student
 * would have them, plus a glossary card whose texts hold what must be escaped.
 */
export function burnsCards(modifiedAt = new Date('2026-03-01T12:00:00Z')): ExportCard[] {
  const slug = 'burns-lead-with-diplomacy';
  const shipped = loadShippedReading(slug);
  const sentences = new Map(
    shipped.reading.paragraphs.flatMap((p) => p.sentences.map((s) => [s.id, s.text])),
  );
  const base = {
    readingId: 'reading-burns',
    readingSlug: slug,
    readingTitle: shipped.reading.title,
    modifiedAt,
  };
  const questions = loadAuthoredBank(slug).map(
    (question): ExportCard => ({
      ...base,
      id: `card-${question.id}`,
      kind: 'question',
      question,
      evidence: question.evidence.flatMap((id) => sentences.get(id) ?? []),
    }),
  );
  const glossary = shipped.glossary.map(
    (g, i): ExportCard => ({
      ...base,
      id: `card-term-${i}`,
      kind: 'glossary',
      term: g.term,
      definition: g.definition,
      sentence: sentenceOfTerm(shipped.reading.paragraphs, g.term),
    }),
  );
  return [...questions, ...glossary, HOSTILE];
}

/** A card a teacher could write: markup, a tab, a line break, quotes, an ampersand, a unit separator. */
export const HOSTILE: ExportCard = {
  id: 'card-hostile',
  readingId: 'reading-hostile',
  readingSlug: 'realism-vs-liberalism',
  readingTitle: 'Realism :: Liberalism & "Power"',
  modifiedAt: new Date('2026-03-02T08:00:00Z'),
  kind: 'glossary',
  term: '<script>alert(1)</script> "balance"\tof & power',
  definition: 'First line\nsecond line\x1fthird\r\n#not a comment',
  sentence: 'States "balance" — the <b>power</b> of others.',
};
