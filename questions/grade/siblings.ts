import type { Rubric } from '../schema';

/**
 * Answers written under the wrong question. The questions of one reading share its actors and
 * words, so an answer to "Why coordinated sanctions?" typed under "Why coalitions?" shares much
 * with the coalitions points, and the scorer, which reads each point alone, credits it. Read
 * beside the reading's other free-text questions (a quiz's), such an answer fits one of them
 * clearly better than its own: then the grade is provisional, and each of its own points that
 * the answer supports no better than that question's best point loses its credit until an
 * instructor reads it.
 */

/** Another free-text question asked beside the one graded. */
export type SiblingQuestion = { id: string; prompt: string; rubric: Rubric };

export type OtherQuestionFit = {
  id: string;
  prompt: string;
  /** Mean probability of that question's points minus the mean of this question's. */
  margin: number;
  /** This question's points whose credit is withheld, in rubric order. */
  withheld: boolean[];
};

const mean = (values: readonly number[]) =>
  values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;

/**
 * The sibling question an answer fits by `cutOff` or more above its own, or null. `own` and each
 * sibling's `probabilities` are the scorer's point probabilities for the answer.
 */
export function otherQuestionFit(
  own: readonly number[],
  siblings: readonly { question: SiblingQuestion; probabilities: readonly number[] }[],
  cutOff: number,
): OtherQuestionFit | null {
  let best: (typeof siblings)[number] | null = null;
  for (const sibling of siblings) {
    if (!best || mean(sibling.probabilities) > mean(best.probabilities)) best = sibling;
  }
  if (!best) return null;
  const margin = mean(best.probabilities) - mean(own);
  if (margin < cutOff) return null;
  const strongest = Math.max(...best.probabilities);
  return {
    id: best.question.id,
    prompt: best.question.prompt,
    margin,
    withheld: own.map((p) => p <= strongest),
  };
}

/** At most this share of answers written for their own question may be read as answering another. */
export const OWN_ANSWERS_FLAGGED = 0.05;

/**
 * The cut-off, from each answer's margin under the question it was written for: the lowest (in
 * steps of 0.01) that flags at most `OWN_ANSWERS_FLAGGED` of them. Lower catches more answers to
 * another question; what it costs is honest answers whose grade waits for the instructor.
 */
export function fitOtherQuestionCutOff(ownMargins: readonly number[]): number {
  for (let step = 0; step <= 100; step++) {
    const cutOff = step / 100;
    const flagged = ownMargins.filter((m) => m >= cutOff).length;
    if (flagged <= OWN_ANSWERS_FLAGGED * ownMargins.length) return cutOff;
  }
  return 1;
}
