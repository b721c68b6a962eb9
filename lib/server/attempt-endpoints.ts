import 'server-only';
import { z } from 'zod';
import { saveAnswerInput } from '@/lib/quiz/inputs';
import { field } from './input';
import { attemptToOwn, attemptToOwnOnWrite, quizToTake } from './policy';
import type { SessionClaim, SessionUser } from './session';

/**
 * What the quiz page's actions and the JSON attempt API share: the same input schemas and the
 * same policy checks, so the two ways in cannot drift apart.
 */
const attemptId = field.id('That quiz attempt');

export const startAttemptEndpoint = {
  input: z.object({ quizId: field.id('That quiz'), assignmentId: field.id('That assignment').nullish() }),
  rule: 'take-quiz',
  authorize: (user: SessionUser, input: { quizId: string; assignmentId?: string | null }) =>
    quizToTake(user, { quizId: input.quizId, assignmentId: input.assignmentId ?? null }),
} as const;

/**
 * Saving an answer applies own-attempt, and checks the session, inside its one guarded statement
 * (lib/quiz/attempts.ts saveAnswer): the gate hands it the session's claim.
 */
export const saveAnswerEndpoint = {
  input: saveAnswerInput.extend({ attemptId, questionId: field.key(120, 'That question') }),
  rule: 'own-attempt',
  session: 'claim',
  authorize: (user: SessionClaim, input: { attemptId: string }) => attemptToOwnOnWrite(user, input.attemptId),
} as const;

/** How a save made with a session claim checks that session: in its write, and in full when refused. */
export const sessionOfClaim = (claim: SessionClaim) => ({
  version: claim.sessionVersion,
  confirm: async () => (await claim.confirm()) !== null,
});

export const ownAttemptEndpoint = {
  input: z.object({ attemptId }),
  rule: 'own-attempt',
  authorize: (user: SessionUser, input: { attemptId: string }) => attemptToOwn(user, input.attemptId),
} as const;
