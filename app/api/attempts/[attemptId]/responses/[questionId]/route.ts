import { saveAnswer } from '@/lib/quiz/attempts';
import { saveAnswerEndpoint, sessionOfClaim } from '@/lib/server/attempt-endpoints';
import { route } from '@/lib/server/endpoint';
import { ok } from '@/lib/server/result';

/** Saves one answer of an attempt in progress. */
export const PUT = route({
  name: 'api.saveAnswer',
  ...saveAnswerEndpoint,
  run: async (input, { claim, user }) => {
    const result = await saveAnswer({ ...input, userId: claim.userId, session: sessionOfClaim(user) });
    if (result.status !== 'ok') return result;
    const { saved } = result.data;
    return ok({
      saved: { questionId: saved.questionId, clientSeq: saved.clientSeq, savedAt: saved.savedAt },
    });
  },
});
