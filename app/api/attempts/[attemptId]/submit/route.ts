import { rulesForAttempt, submitAttempt } from '@/lib/quiz/attempts';
import { attemptGrade } from '@/lib/quiz/rules';
import { ownAttemptEndpoint } from '@/lib/server/attempt-endpoints';
import { route } from '@/lib/server/endpoint';
import { feedbackRelease } from '@/lib/server/policy';
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
    const { assignment, rules } = await rulesForAttempt(attempt);
    const release = feedbackRelease(rules, new Date());
    const grade = attemptGrade(attempt, assignment);
    return ok({
      attempt: {
        id: attempt.id,
        // The grade that counts (late penalty taken off), as the results page and gradebook show it.
        score: release.score ? grade.counted : null,
        latePenaltyPercent: release.score ? grade.penaltyPercent : null,
        scoreReleased: release.score,
        submittedAt: attempt.submittedAt,
      },
    });
  },
});
