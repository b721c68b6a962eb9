/**
 * Why a grade waits for the instructor: each reason, as the student's feedback says it and as the
 * instructor's answer queue labels it. Free of the model's files, so the browser can read it.
 */
export const REVIEW_REASONS = {
  uncertain: { student: 'the grader is not sure of it', instructor: 'unsure' },
  'other-language': {
    student: 'it does not seem to be written in English',
    instructor: 'another language',
  },
  'too-long': {
    student: 'it is longer than the answers the grader was trained on',
    instructor: 'longer than it was trained on',
  },
  'no-overlap': {
    student: 'it shares no ideas the grader can recognise with the key points',
    instructor: 'nothing in common with the points',
  },
  'may-deny': {
    student: 'it seems to deny a point',
    instructor: 'may deny a point',
  },
  'other-question': {
    student: 'it reads like an answer to another of these questions',
    instructor: 'answers another question',
  },
} as const;

export type ReviewReason = keyof typeof REVIEW_REASONS;

/** The reasons as one audience reads them, joined; "unsure" for a grade stored without any. */
function reasonsFor(audience: 'student' | 'instructor', reasons: readonly string[], joiner: string): string {
  const said = reasons.flatMap((r) =>
    r in REVIEW_REASONS ? [REVIEW_REASONS[r as ReviewReason][audience]] : [],
  );
  return said.length > 0 ? said.join(joiner) : REVIEW_REASONS.uncertain[audience];
}

/** The instructor's label for a waiting grade's reasons ("unsure, may deny a point"). */
export const reviewLabel = (reasons: readonly string[]) => reasonsFor('instructor', reasons, ', ');

/** Why a grade waits, as the student reads it ("the grader is not sure of it and it seems to deny a point"). */
export const reviewReasonForStudent = (reasons: readonly string[]) => reasonsFor('student', reasons, ' and ');
