import { z } from 'zod';
import { attemptRefusalResponse } from '@/lib/api-response';
import { submitAttempt } from '@/lib/quiz/attempts';
import { authorizeJson } from '@/lib/route';

/** Submits an attempt; submitting again answers the same result. */
export async function POST(request: Request, { params }: RouteContext<'/api/attempts/[attemptId]/submit'>) {
  const authorized = await authorizeJson(request, z.object({}));
  if (!authorized.ok) return authorized.response;
  const result = await submitAttempt({ attemptId: (await params).attemptId, userId: authorized.userId });
  if (result.status !== 'ok') return attemptRefusalResponse(result);
  return Response.json({
    attempt: { id: result.attempt.id, score: result.attempt.score, submittedAt: result.attempt.submittedAt },
  });
}
