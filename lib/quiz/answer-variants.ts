import type { Question, Response } from '@/questions/schema';

/**
 * Answers for tests and benchmarks that save many times: valid for the question's type (so the
 * save's checks accept them), and a different one for each variant, so every save is a change.
 */
export function answerVariant(q: Question, variant: number): Response {
  const pick = <T>(list: readonly T[]) => list[variant % list.length]!;
  switch (q.type) {
    case 'multiple-choice':
      return { type: q.type, optionId: pick(q.options).id };
    case 'multiple-answer':
      return { type: q.type, optionIds: [pick(q.options).id] };
    case 'true-false':
      return { type: q.type, value: variant % 2 === 0 };
    case 'cloze':
      return { type: q.type, blanks: q.answer.blanks.map(() => `word${variant}`) };
    case 'short-answer':
      return { type: q.type, text: `Because coalitions last, reason ${variant}.` };
    case 'matching':
      return { type: q.type, pairs: { [q.left[0]!.id]: pick(q.right).id } };
    case 'ordering': {
      const ids = q.items.map((item) => item.id);
      const k = variant % ids.length;
      return { type: q.type, order: [...ids.slice(k), ...ids.slice(0, k)] };
    }
    case 'select-evidence':
      return { type: q.type, sentenceId: pick(q.options).id };
    case 'claim-evidence-reasoning':
      return { type: q.type, sentenceId: pick(q.options).id, reasoning: `It shows the claim, ${variant}.` };
  }
}
