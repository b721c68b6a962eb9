import type { BankOrder } from '@/db/queries/questions';
import type { QuestionRow } from '@/db/schema';

/**
 * The orders the question bank lists questions in. Drafts are reviewed best first: the
 * generator's quality estimate, high to low (a question without one, written by a person, after
 * the estimated ones), then by id for a stable order. The bank page has the database sort and cut
 * its pages (`listBankPage`); `sortBankRows` is the same order over rows already loaded.
 */
export const BANK_SORTS: Record<BankOrder, string> = {
  quality: 'Quality, best first',
  'quality-low': 'Quality, weakest first',
  text: 'Order in the text',
  type: 'Type',
};
export type BankSort = BankOrder;

/** Questions on one page of the bank: each is a card with its own forms. */
export const BANK_PAGE_SIZE = 25;

/** Compares by code unit, as the database's "C" collation does for these ASCII names and ids. */
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const STATUS_ORDER = { draft: 0, approved: 1, retired: 2 } as const;

function firstSentence(row: QuestionRow, position: Map<string, number>): number {
  return Math.min(...row.data.evidence.map((id) => position.get(id) ?? Number.MAX_SAFE_INTEGER));
}

/** Rows in the chosen order: drafts first, then approved, then rejected, each sorted. */
export function sortBankRows(
  rows: QuestionRow[],
  sort: BankSort,
  sentenceOrder: string[] = [],
): QuestionRow[] {
  const position = new Map(sentenceOrder.map((id, i) => [id, i]));
  const quality = (row: QuestionRow) => row.data.quality ?? -1;
  const by: Record<BankSort, (a: QuestionRow, b: QuestionRow) => number> = {
    quality: (a, b) => quality(b) - quality(a),
    'quality-low': (a, b) => (a.data.quality ?? 2) - (b.data.quality ?? 2),
    text: (a, b) => firstSentence(a, position) - firstSentence(b, position),
    type: (a, b) => byCode(a.type, b.type) || quality(b) - quality(a),
  };
  return [...rows].sort(
    (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || by[sort](a, b) || byCode(a.id, b.id),
  );
}
