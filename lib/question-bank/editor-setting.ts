import type { Reading } from '@/db/schema';
import type { Question } from '@/questions/schema';

/**
 * What the question editor offers beside a question, for writing one or editing one: the
 * concepts already used in the bank (suggested as tags) and the reading's paragraphs, numbered,
 * for the evidence picker.
 */
export function editorSetting(reading: Pick<Reading, 'paragraphs'>, bank: readonly { data: Question }[]) {
  return {
    knownConcepts: [...new Set(bank.flatMap((r) => r.data.concepts))].sort((a, b) => a.localeCompare(b)),
    paragraphs: reading.paragraphs.map((p, i) => ({ id: p.id, number: i + 1, sentences: p.sentences })),
  };
}
