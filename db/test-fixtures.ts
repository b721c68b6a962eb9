import { createAssignment } from '@/db/queries/assignments';
import type { Assignment } from '@/db/schema';

/** An assignment of `quizId` with the plainest rules (no dates or limits, late work accepted), for tests. */
export function assignForTest(
  values: { classId: string; quizId: string; createdBy: string } & Partial<
    Omit<Assignment, 'id' | 'createdAt'>
  >,
) {
  return createAssignment({
    title: 'Burns',
    opensAt: null,
    dueAt: null,
    attemptsAllowed: null,
    timeLimitMinutes: null,
    latePolicy: { kind: 'accept' },
    feedbackRelease: 'after-submit',
    ...values,
  });
}
