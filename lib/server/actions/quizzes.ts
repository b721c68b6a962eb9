'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { listResponses } from '@/db/queries/quizzes';
import { addQuestionCards } from '@/db/queries/review';
import {
  checkAnswer,
  releaseForStudent,
  rulesForAttempt,
  saveAnswer,
  startOrResumeAttempt,
  submitAttempt,
} from '@/lib/quiz/attempts';
import { toFeedbackView } from '@/lib/quiz/feedback';
import {
  ownAttemptEndpoint,
  saveAnswerEndpoint,
  sessionOfClaim,
  startAttemptEndpoint,
} from '@/lib/server/attempt-endpoints';
import { action } from '@/lib/server/endpoint';
import { field } from '@/lib/server/input';
import { attemptToOwn } from '@/lib/server/policy';
import { ok, refuse } from '@/lib/server/result';
import { newCardFields } from '@/lib/srs/schedule';

const attemptId = field.id('That quiz attempt');
const questionId = field.key(120, 'That question');

/** Starts (or resumes) an attempt at a quiz, for self-study or for an assignment. */
export const startAttemptAction = action({
  name: 'quizzes.startAttempt',
  ...startAttemptEndpoint,
  run: async (input, { user }) => {
    const result = await startOrResumeAttempt({
      quizId: input.quizId,
      userId: user.id,
      assignmentId: input.assignmentId ?? null,
    });
    if (result.status !== 'ok') return result;
    redirect(`/quizzes/${input.quizId}/attempts/${result.data.attempt.id}`);
  },
});

/** Autosave: called the moment an answer changes. */
export const saveAnswerAction = action({
  name: 'quizzes.saveAnswer',
  ...saveAnswerEndpoint,
  run: async (input, { claim, user }) => {
    const result = await saveAnswer({ ...input, userId: claim.userId, session: sessionOfClaim(user) });
    if (result.status !== 'ok') return result;
    return ok({ clientSeq: result.data.saved.clientSeq });
  },
});

export const checkAnswerAction = action({
  name: 'quizzes.checkAnswer',
  input: z.object({ attemptId, questionId }),
  rule: 'own-attempt',
  authorize: (user, input) => attemptToOwn(user, input.attemptId),
  run: async (input, { user }) => {
    const result = await checkAnswer({ ...input, userId: user.id });
    if (result.status !== 'ok') return result;
    return ok({
      feedback: toFeedbackView(result.data.question, result.data.grade, {
        instructorReviews: result.data.assigned,
      }),
    });
  },
});

export const submitAttemptAction = action({
  name: 'quizzes.submitAttempt',
  ...ownAttemptEndpoint,
  run: async (input, { user }) => {
    const result = await submitAttempt({ attemptId: input.attemptId, userId: user.id });
    if (result.status !== 'ok') return result;
    const { attempt } = result.data;
    return ok({ resultsUrl: `/quizzes/${attempt.quizId}/attempts/${attempt.id}/results` });
  },
});

/** Sends missed questions of a submitted attempt, once its feedback is released, to spaced review. */
export const sendToReviewAction = action({
  name: 'quizzes.sendToReview',
  input: z.object({ attemptId, questionIds: field.list(questionId, 200) }),
  rule: 'own-attempt',
  authorize: (user, input) => attemptToOwn(user, input.attemptId),
  run: async (input, { user, attempt }) => {
    if (attempt.status !== 'submitted')
      return refuse('conflict', 'Only questions of a submitted attempt can go to review.');
    if (!(await releaseForStudent(attempt)).keys)
      return refuse(
        'forbidden',
        'Your feedback is released after the due date; send questions to review then.',
      );
    const inAttempt = new Set((await listResponses({ attemptId: attempt.id })).map((r) => r.questionId));
    const chosen = input.questionIds.filter((q) => inAttempt.has(q));
    if (chosen.length === 0) return refuse('invalid', 'Choose at least one question of this attempt.');
    const { quiz } = await rulesForAttempt(attempt);
    const added = await addQuestionCards({
      userId: user.id,
      cards: chosen.map((id) => ({ questionId: id, readingId: quiz.readingId, reason: 'missed' as const })),
      fields: newCardFields(new Date()),
    });
    return ok({ added });
  },
});
