'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getQuiz, listResponses } from '@/db/queries/quizzes';
import { addQuestionCards } from '@/db/queries/review';
import { withUser } from '@/lib/action';
import { currentUser } from '@/lib/auth/session';
import type { FormState } from '@/lib/form-state';
import {
  attemptForUser,
  checkAnswer,
  saveAnswer,
  startOrResumeAttempt,
  submitAttempt,
} from '@/lib/quiz/attempts';
import { toFeedbackView } from '@/lib/quiz/feedback';
import { saveAnswerInput } from '@/lib/quiz/inputs';

const id = z.string().uuid();

export async function startAttemptAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  if (!user)
    return { status: 'forbidden', message: 'Your session has ended. Sign in again to start the quiz.' };
  const quizId = id.safeParse(formData.get('quizId'));
  if (!quizId.success) return { status: 'invalid', message: 'No quiz was named.' };
  const assignmentId = id.nullable().safeParse(formData.get('assignmentId') || null);
  if (!assignmentId.success) return { status: 'invalid', message: 'That assignment does not exist.' };
  const result = await startOrResumeAttempt({
    quizId: quizId.data,
    userId: user.id,
    assignmentId: assignmentId.data,
  });
  if (result.status !== 'ok') return { status: 'invalid', message: result.message };
  redirect(`/quizzes/${quizId.data}/attempts/${result.attempt.id}`);
}

/** Autosave: called the moment an answer changes. */
export const saveAnswerAction = withUser(
  saveAnswerInput.extend({ attemptId: id, questionId: z.string().min(1).max(120) }),
  async (input, user) => {
    const result = await saveAnswer({ ...input, userId: user.id });
    if (result.status !== 'ok') return result;
    return { status: 'ok' as const, clientSeq: result.saved.clientSeq };
  },
);

export const checkAnswerAction = withUser(
  z.object({ attemptId: id, questionId: z.string().min(1).max(120) }),
  async (input, user) => {
    const result = await checkAnswer({ ...input, userId: user.id });
    if (result.status !== 'ok') return result;
    return {
      status: 'ok' as const,
      feedback: toFeedbackView(result.question, result.grade),
    };
  },
);

export const submitAttemptAction = withUser(z.object({ attemptId: id }), async (input, user) => {
  const result = await submitAttempt({ attemptId: input.attemptId, userId: user.id });
  if (result.status !== 'ok') return result;
  return {
    status: 'ok' as const,
    resultsUrl: `/quizzes/${result.attempt.quizId}/attempts/${result.attempt.id}/results`,
  };
});

/** Sends missed questions of a submitted attempt to the student's spaced review. */
export const sendToReviewAction = withUser(
  z.object({ attemptId: id, questionIds: z.array(z.string().min(1).max(120)).min(1).max(200) }),
  async (input, user) => {
    const attempt = await attemptForUser(input.attemptId, user.id);
    if (attempt?.status !== 'submitted') {
      return {
        status: 'invalid' as const,
        message: 'Only questions of a submitted attempt can go to review.',
      };
    }
    const inAttempt = new Set((await listResponses({ attemptId: attempt.id })).map((r) => r.questionId));
    const chosen = input.questionIds.filter((q) => inAttempt.has(q));
    const quiz = await getQuiz({ quizId: attempt.quizId });
    const added = await addQuestionCards({
      userId: user.id,
      cards: chosen.map((questionId) => ({
        questionId,
        readingId: quiz!.readingId,
        reason: 'missed' as const,
      })),
    });
    return { status: 'ok' as const, added };
  },
);
