import { releaseForStudent, submitAttempt } from '@/lib/quiz/attempts';
import { ownAttemptEndpoint } from '@/lib/server/attempt-endpoints';
import { route } from '@/lib/server/endpoint';
import { ok } from '@/lib/server/result';

/**
 * Submits an attempt; submitting again answers the same result. The score is in the answer only
 * once the attempt's feedback is released (null until the due date when the assignment holds it).
 */
export const POST = route({
  name: 'api.submitAttempt',
  ...ownAttemptEndpoint,
  run: async (input, { user }) => {
    const result = await submitAttempt({ attemptId: input.attemptId, userId: user.id });
    if (result.status !== 'ok') return result;
    const { attempt } = result.data;
    const release = await releaseForStudent(attempt);
    return ok({
      attempt: {
        id: attempt.id,
        score: release.score ? attempt.score : null,
        scoreReleased: release.score,
        submittedAt: attempt.submittedAt,
      },
    });
  },
});
