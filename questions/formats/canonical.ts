import type { Question, QuestionType } from '../schema';

/** The type each type comes back as from a file without the Statecraft comments. */
export const TYPE_WITHOUT_COMMENTS: Record<QuestionType, QuestionType> = {
  'multiple-choice': 'multiple-choice',
  'multiple-answer': 'multiple-answer',
  'true-false': 'true-false',
  cloze: 'cloze',
  'short-answer': 'short-answer',
  matching: 'matching',
  ordering: 'ordering',
  'select-evidence': 'multiple-choice',
  'claim-evidence-reasoning': 'multiple-choice',
};

/**
 * A question without what a file does not carry and the ids the app makes up: its texts and keys,
 * to compare a question with what comes back from a file (the format tests use it).
 */
export function canonical(q: Question): unknown {
  const { id: _id, status: _s, source: _src, quality: _q, ...rest } = q;
  const byText = (options: { id: string; text: string }[], ids: string[]) =>
    ids.map((id) => options.find((o) => o.id === id)?.text);
  switch (rest.type) {
    case 'multiple-choice':
      return {
        ...rest,
        options: rest.options.map(({ id: _, ...o }) => o),
        answer: byText(rest.options, [rest.answer.optionId]),
      };
    case 'multiple-answer':
      return {
        ...rest,
        options: rest.options.map(({ id: _, ...o }) => o),
        answer: byText(rest.options, rest.answer.optionIds),
      };
    case 'matching':
      return {
        ...rest,
        left: rest.left.map((o) => o.text),
        right: rest.right.map((o) => o.text).sort(),
        answer: Object.entries(rest.answer.pairs)
          .map(
            ([l, r]) =>
              `${rest.left.find((o) => o.id === l)?.text} = ${rest.right.find((o) => o.id === r)?.text}`,
          )
          .sort(),
      };
    default:
      return rest;
  }
}
