import { paragraphIdsBySentence } from '@/questions/reading/edit';
import type { ReadingParagraph } from '@/questions/reading/types';
import type { Question, Response } from '@/questions/schema';

export type ScoredResponse = {
  attemptId: string;
  questionId: string;
  score: number;
  response: Response | null;
};

export type ItemStats = {
  questionId: string;
  answers: number;
  /** Mean score, 0 to 1 ("share correct", with partial credit). */
  facility: number;
  /** Upper-lower index: mean score of the top 27% of attempts minus that of the bottom 27%. */
  discrimination: number | null;
  /** How often each choice was picked, for choice questions. */
  choices: { id: string; label: string; count: number; correct: boolean }[];
};

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

function choicesOf(question: Question, responses: ScoredResponse[]): ItemStats['choices'] {
  switch (question.type) {
    case 'multiple-choice':
      return question.options.map((o) => ({
        id: o.id,
        label: o.text,
        correct: o.id === question.answer.optionId,
        count: responses.filter((r) => r.response?.type === 'multiple-choice' && r.response.optionId === o.id)
          .length,
      }));
    case 'multiple-answer':
      return question.options.map((o) => ({
        id: o.id,
        label: o.text,
        correct: question.answer.optionIds.includes(o.id),
        count: responses.filter(
          (r) => r.response?.type === 'multiple-answer' && r.response.optionIds.includes(o.id),
        ).length,
      }));
    case 'true-false':
      return [true, false].map((value) => ({
        id: String(value),
        label: value ? 'True' : 'False',
        correct: value === question.answer.value,
        count: responses.filter((r) => r.response?.type === 'true-false' && r.response.value === value)
          .length,
      }));
    case 'select-evidence':
    case 'claim-evidence-reasoning':
      return question.options.map((o) => ({
        id: o.id,
        label: o.text,
        correct: question.answer.sentenceIds.includes(o.id),
        count: responses.filter(
          (r) =>
            (r.response?.type === 'select-evidence' || r.response?.type === 'claim-evidence-reasoning') &&
            r.response.sentenceId === o.id,
        ).length,
      }));
    default:
      return [];
  }
}

/** Classical item analysis of one assignment's questions over the students' counted attempts. */
export function itemAnalysis(
  questions: Question[],
  responses: ScoredResponse[],
  attemptTotals: Map<string, number>,
): ItemStats[] {
  const ranked = [...attemptTotals.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  const groupSize = ranked.length >= 4 ? Math.max(1, Math.round(ranked.length * 0.27)) : 0;
  const upper = new Set(ranked.slice(0, groupSize));
  const lower = new Set(ranked.slice(ranked.length - groupSize));
  return questions.map((q) => {
    const mine = responses.filter((r) => r.questionId === q.id);
    return {
      questionId: q.id,
      answers: mine.length,
      facility: mean(mine.map((r) => r.score)),
      discrimination: groupSize
        ? mean(mine.filter((r) => upper.has(r.attemptId)).map((r) => r.score)) -
          mean(mine.filter((r) => lower.has(r.attemptId)).map((r) => r.score))
        : null,
      choices: choicesOf(q, mine),
    };
  });
}

/**
 * How often the questions resting on each paragraph were missed (1 − mean score), for shading the
 * reading. A sentence counts for the paragraph that holds it now (not the prefix of its id, which
 * a merge or a split leaves behind); evidence no longer in the reading counts for none.
 */
export function paragraphMissRates(
  questions: Question[],
  responses: ScoredResponse[],
  reading: { paragraphs: ReadingParagraph[] },
): Map<string, { missRate: number; answers: number }> {
  const byParagraph = new Map<string, number[]>();
  const byQuestion = new Map(questions.map((q) => [q.id, q]));
  const paragraphOf = paragraphIdsBySentence(reading);
  for (const r of responses) {
    const q = byQuestion.get(r.questionId);
    if (!q) continue;
    const paragraphs = q.evidence.flatMap((id) => {
      const paragraph = paragraphOf.get(id);
      return paragraph ? [paragraph] : [];
    });
    for (const paragraph of new Set(paragraphs)) {
      byParagraph.set(paragraph, [...(byParagraph.get(paragraph) ?? []), 1 - r.score]);
    }
  }
  return new Map(
    [...byParagraph.entries()].map(([p, misses]) => [p, { missRate: mean(misses), answers: misses.length }]),
  );
}
