import { describe, expect, it } from 'vitest';
import type { QuestionRow } from '@/db/schema';
import { sortBankRows } from './bank-order';

const row = (id: string, status: QuestionRow['status'], quality: number | undefined, evidence: string[]) =>
  ({ id, status, type: 'true-false', data: { id, quality, evidence } }) as unknown as QuestionRow;

describe('the order of the question bank', () => {
  const rows = [
    row('a', 'approved', 0.9, ['p2.s1']),
    row('b', 'draft', 0.6, ['p1.s1']),
    row('c', 'draft', 0.95, ['p3.s1']),
    row('d', 'draft', undefined, ['p2.s1']),
    row('e', 'retired', 0.99, ['p1.s1']),
  ];

  it('lists drafts first, best estimated quality first, written ones after', () => {
    expect(sortBankRows(rows, 'quality').map((r) => r.id)).toEqual(['c', 'b', 'd', 'a', 'e']);
    expect(sortBankRows(rows, 'quality-low').map((r) => r.id)).toEqual(['b', 'c', 'd', 'a', 'e']);
  });

  it('lists by the first sentence each rests on, in the reading’s order', () => {
    expect(sortBankRows(rows, 'text', ['p1.s1', 'p2.s1', 'p3.s1']).map((r) => r.id)).toEqual([
      'b',
      'd',
      'c',
      'a',
      'e',
    ]);
  });
});
