import { describe, expect, it } from 'vitest';
import { fitOtherQuestionCutOff, otherQuestionFit } from './siblings';

const question = (id: string) => ({ id, prompt: `Why ${id}?`, rubric: { keyPoints: [] } });

describe('otherQuestionFit', () => {
  it('names the best-fitting sibling when it beats this question by the cut-off', () => {
    const fit = otherQuestionFit(
      [0.7, 0.3, 0.2],
      [
        { question: question('a'), probabilities: [0.5, 0.5] },
        { question: question('b'), probabilities: [0.9, 0.8, 0.6] },
      ],
      0.2,
    );
    expect(fit?.id).toBe('b');
    expect(fit?.margin).toBeCloseTo(0.7667 - 0.4, 3);
    // Only a point the answer supports no better than that question's best point loses its credit.
    expect(
      otherQuestionFit([0.95, 0.3, 0.2], [{ question: question('b'), probabilities: [0.9, 0.8, 0.6] }], 0.2)
        ?.withheld,
    ).toEqual([false, true, true]);
  });

  it('reads nothing when no sibling fits clearly better, or there is none', () => {
    expect(
      otherQuestionFit([0.7, 0.6], [{ question: question('a'), probabilities: [0.8, 0.6] }], 0.2),
    ).toBeNull();
    expect(otherQuestionFit([0.1], [], 0)).toBeNull();
  });
});

describe('fitOtherQuestionCutOff', () => {
  it('is the lowest cut-off that flags at most one in twenty answers to their own question', () => {
    const margins = [...Array.from({ length: 36 }, (_, i) => -0.5 + i / 100), 0.12, 0.3, 0.31, 0.5];
    // 40 answers: two may be flagged, so the cut-off passes 0.3 and stops above it.
    expect(fitOtherQuestionCutOff(margins)).toBe(0.31);
    expect(fitOtherQuestionCutOff(margins.slice(0, 36))).toBe(0);
  });
});
