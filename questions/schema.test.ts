import { describe, expect, it } from 'vitest';
import { ACCEPTED_PHRASINGS_MOST, rubricSchema } from './schema';

describe('rubrics', () => {
  // Grading aligns every phrasing of every point with the answer: a rubric of twelve points with
  // hundreds of long phrasings held the server for about 40 s an answer (a static review's proof).
  it('takes at most twenty other phrasings of a key point, each of at most 500 characters, and 20,000 characters in all, and says so', () => {
    const point = (accept: string[]) => ({
      keyPoints: [{ id: 'p', text: 'Coalitions last longer.', accept }],
    });
    expect(
      rubricSchema.safeParse(point(Array(ACCEPTED_PHRASINGS_MOST).fill('Alliances endure.'))).success,
    ).toBe(true);
    const tooMany = rubricSchema.safeParse(
      point(Array(ACCEPTED_PHRASINGS_MOST + 1).fill('Alliances endure.')),
    );
    expect(tooMany.error?.issues[0]?.message).toBe('List at most 20 other phrasings of a key point.');
    const tooLong = rubricSchema.safeParse(point(['a'.repeat(501)]));
    expect(tooLong.error?.issues[0]?.message).toBe('A phrasing is at most 500 characters.');
    const points = Array.from({ length: 12 }, (_, i) => ({
      id: `p${i}`,
      text: 'x'.repeat(1900),
      accept: [],
    }));
    expect(rubricSchema.safeParse({ keyPoints: points }).error?.issues[0]?.message).toBe(
      "A rubric's key points and phrasings come to at most 20,000 characters.",
    );
  });
});
