import { z } from 'zod';
import { attemptRefusalResponse } from '@/lib/api-response';
import { startOrResumeAttempt } from '@/lib/quiz/attempts';
import { authorizeJson } from '@/lib/route';

/** Starts an attempt, or resumes the one in progress. */
export async function POST(request: Request, { params }: RouteContext<'/api/quizzes/[quizId]/attempts'>) {
  const authorized = await authorizeJson(request, z.object({}));
  if (!authorized.ok) return authorized.response;
  const result = await startOrResumeAttempt({ quizId: (await params).quizId, userId: authorized.userId });
  if (result.status !== 'ok') return attemptRefusalResponse(result);
  const { attempt } = result;
  return Response.json({
    attempt: {
      id: attempt.id,
      number: attempt.number,
      questionIds: attempt.questionIds,
      deadlineAt: attempt.deadlineAt,
    },
  });
}
