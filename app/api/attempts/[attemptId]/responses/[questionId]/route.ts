import { attemptRefusalResponse } from '@/lib/api-response';
import { saveAnswer } from '@/lib/quiz/attempts';
import { saveAnswerInput } from '@/lib/quiz/inputs';
import { authorizeJson } from '@/lib/route';

/** Saves one answer of an attempt in progress. */
export async function PUT(
  request: Request,
  { params }: RouteContext<'/api/attempts/[attemptId]/responses/[questionId]'>,
) {
  const authorized = await authorizeJson(request, saveAnswerInput);
  if (!authorized.ok) return authorized.response;
  const { attemptId, questionId } = await params;
  const result = await saveAnswer({ attemptId, questionId, userId: authorized.userId, ...authorized.body });
  if (result.status !== 'ok') return attemptRefusalResponse(result);
  return Response.json({
    saved: { questionId, clientSeq: result.saved.clientSeq, savedAt: result.saved.savedAt },
  });
}
