import 'server-only';
import { listCardsForExport } from '@/db/queries/review';
import { sentenceOfTerm } from '@/lib/reading/glossary-marks';
import { writeApkg } from './anki/apkg';
import { cardsToNotes, type ExportCard } from './anki/notes';
import { writeAnkiText } from './anki/text';

/** A student's review cards for Anki: a package (.apkg), or Anki's plain text with its header lines. */
export const ANKI_FORMATS = ['apkg', 'txt'] as const;
export type AnkiFormat = (typeof ANKI_FORMATS)[number];

export type AnkiExport = { body: Uint8Array | string; filename: string; contentType: string; notes: number };

const latest = (...dates: (Date | null | undefined)[]) =>
  new Date(Math.max(...dates.map((d) => d?.getTime() ?? 0)));

/** The student's cards as lib/srs/anki/notes.ts takes them: each with its sentences and reading. */
export async function reviewCardsForExport({ userId }: { userId: string }): Promise<ExportCard[]> {
  const { cards, readings } = await listCardsForExport({ userId });
  const byId = new Map(readings.map((r) => [r.id, r]));
  // Each reading's sentences once, not once per card.
  const sentencesOf = new Map(
    readings.map((r) => [r.id, new Map(r.paragraphs.flatMap((p) => p.sentences.map((s) => [s.id, s.text])))]),
  );
  return cards.flatMap((card): ExportCard[] => {
    const reading = byId.get(card.readingId);
    if (!reading) return [];
    const base = {
      id: card.id,
      readingId: reading.id,
      readingSlug: reading.slug,
      readingTitle: reading.title,
    };
    if (card.question) {
      const sentences = sentencesOf.get(reading.id)!;
      return [
        {
          ...base,
          kind: 'question',
          question: card.question,
          evidence: card.question.evidence.flatMap((id) => sentences.get(id) ?? []),
          modifiedAt: latest(card.createdAt, card.questionUpdatedAt, reading.updatedAt),
        },
      ];
    }
    if (card.term && card.definition) {
      return [
        {
          ...base,
          kind: 'glossary',
          term: card.term,
          definition: card.definition,
          sentence: sentenceOfTerm(reading.paragraphs, card.term),
          modifiedAt: latest(card.createdAt, reading.updatedAt),
        },
      ];
    }
    return [];
  });
}

export async function exportForAnki({
  userId,
  format,
}: {
  userId: string;
  format: AnkiFormat;
}): Promise<AnkiExport> {
  const notes = cardsToNotes(await reviewCardsForExport({ userId }));
  if (format === 'apkg')
    return {
      body: await writeApkg(notes),
      filename: 'statecraft-review.apkg',
      contentType: 'application/apkg',
      notes: notes.length,
    };
  return {
    body: writeAnkiText(notes),
    filename: 'statecraft-review.txt',
    contentType: 'text/plain; charset=utf-8',
    notes: notes.length,
  };
}
