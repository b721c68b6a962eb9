import { startOrResumeAttempt } from '@/lib/quiz/attempts';
import { startAttemptEndpoint } from '@/lib/server/attempt-endpoints';
import { route } from '@/lib/server/endpoint';
import { ok } from '@/lib/server/result';

/** Starts an attempt, or resumes the one in progress (self-study, or an assignment given in the body). */
export const POST = route({
  name: 'api.startAttempt',
  ...startAttemptEndpoint,
  run: async (input, { user }) => {
    const result = await startOrResumeAttempt({
      quizId: input.quizId,
      userId: user.id,
      assignmentId: input.assignmentId ?? null,
    });
    if (result.status !== 'ok') return result;
    const { attempt } = result.data;
    return ok({
      attempt: {
        id: attempt.id,
        number: attempt.number,
        questionIds: attempt.questionIds,
        deadlineAt: attempt.deadlineAt,
      },
    });
  },
});
