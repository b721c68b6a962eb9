import { getAccommodation, getAssignment } from '@/db/queries/assignments';
import { getClass } from '@/db/queries/classes';
import {
  countAttempts,
  finalizeAttempt,
  findInProgressAttempt,
  getAttempt,
  getQuestionsByIds,
  getQuiz,
  getResponse,
  getSaveContext,
  guardedUpsertResponse,
  insertAttempt,
  lockResponseWithGrade,
} from '@/db/queries/quizzes';
import { addQuestionCards, attemptsWithUncardedFlags } from '@/db/queries/review';
import type { Assignment, Attempt, AttemptResponse, QuestionRow, Quiz, StoredGrade } from '@/db/schema';
import { emailVerificationRequired } from '@/lib/auth/accounts';
import { classExamples } from '@/lib/classes/answer-queue';
import {
  attemptNotYours,
  type FeedbackRelease,
  feedbackRelease,
  mayOwnAttempt,
  questionReachesStudents,
  quizToTake,
} from '@/lib/server/policy';
import { ok, REFUSALS, type Result, refuse } from '@/lib/server/result';
import { newCardFields } from '@/lib/srs/schedule';
import { type GradeResult, gradeResponse, type InstructorExample } from '@/questions/grade';
import { parseResponseFor, type Question, type Response } from '@/questions/schema';
import { whyQuestioned } from './feedback';
import { type AttemptRules, attemptRules, startAvailability } from './rules';
import { seededShuffle } from './shuffle';

const NOT_FOUND = refuse('not-found', 'That quiz attempt does not exist or is not yours.');
const SUBMITTED = refuse('conflict', 'This attempt has been submitted; answers can no longer change.', {
  reason: 'submitted',
});
/** A save may arrive this long after the deadline (network latency) and still count. */
export const DEADLINE_GRACE_MS = 5_000;

const pastDeadline = (attempt: Pick<Attempt, 'deadlineAt'>, now: Date) =>
  attempt.deadlineAt !== null && now.getTime() > attempt.deadlineAt.getTime() + DEADLINE_GRACE_MS;

/** The rules an attempt runs under: the quiz's, its assignment's and the student's accommodation. */
export async function rulesForAttempt(
  attempt: Attempt,
): Promise<{ quiz: Quiz; assignment: Assignment | null; rules: AttemptRules }> {
  const [quiz, assignment, accommodation] = await Promise.all([
    getQuiz({ quizId: attempt.quizId }),
    attempt.assignmentId ? getAssignment({ assignmentId: attempt.assignmentId }) : null,
    attempt.assignmentId
      ? getAccommodation({ assignmentId: attempt.assignmentId, userId: attempt.userId })
      : null,
  ]);
  if (!quiz) throw new Error(`Attempt ${attempt.id} has no quiz.`);
  return { quiz, assignment, rules: attemptRules(quiz, assignment, accommodation) };
}

/** What of this attempt's grade its student may see now (the same rule on every path). */
export async function releaseForStudent(attempt: Attempt, now = new Date()): Promise<FeedbackRelease> {
  return feedbackRelease((await rulesForAttempt(attempt)).rules, now);
}

/** Resumes the attempt in progress, or starts the next one if the quiz (or assignment) allows another. */
export async function startOrResumeAttempt({
  quizId,
  userId,
  assignmentId = null,
  now = new Date(),
}: {
  quizId: string;
  userId: string;
  assignmentId?: string | null;
  now?: Date;
}): Promise<Result<{ attempt: Attempt }>> {
  const granted = await quizToTake({ id: userId }, { quizId, assignmentId });
  if ('status' in granted) return granted;
  const { quiz, assignment } = granted;
  const accommodation = assignment ? await getAccommodation({ assignmentId: assignment.id, userId }) : null;
  const rules = attemptRules(quiz, assignment, accommodation);
  const current = await findInProgressAttempt({ quizId, userId, assignmentId });
  if (current) {
    const live = await currentAttempt(current, now);
    if (live.status === 'in-progress') return ok({ attempt: live });
  }
  // An archived class is over: what was started may be finished, nothing new begins.
  if (assignment && (await getClass({ classId: assignment.classId }))?.archivedAt)
    return refuse('forbidden', 'This class is archived: its assignments no longer take attempts.', {
      reason: 'archived',
    });
  const used = await countAttempts({ quizId, userId, assignmentId });
  const availability = startAvailability(rules, used, now);
  switch (availability.kind) {
    case 'not-open':
      return refuse('forbidden', 'This assignment is not open yet: its page says when it opens.', {
        reason: 'not-open',
      });
    case 'closed':
      return refuse('forbidden', 'This assignment was due and no longer accepts attempts.', {
        reason: 'closed',
      });
    case 'no-attempts-left':
      return refuse(
        'forbidden',
        `You have used all ${availability.allowed} attempt${availability.allowed === 1 ? '' : 's'} at this quiz.`,
        { reason: 'no-attempts-left' },
      );
  }
  // Questions retired (or sent back to draft) since the quiz was built no longer reach students.
  const rows = await getQuestionsByIds({ ids: quiz.questionIds });
  const live = quiz.questionIds.filter((id) => {
    const row = rows.get(id);
    return row !== undefined && questionReachesStudents(row);
  });
  if (live.length === 0) return refuse('conflict', 'This quiz has no questions open to students right now.');
  const order = quiz.settings.shuffleQuestions
    ? seededShuffle(live, `${userId}:${quizId}:${assignmentId ?? ''}:${used + 1}`)
    : live;
  const minutes = rules.timeLimitMinutes;
  let deadline = minutes ? new Date(now.getTime() + minutes * 60_000) : null;
  // When late work is refused, no attempt runs past the due date.
  if (rules.dueAt && rules.latePolicy.kind === 'refuse' && (!deadline || deadline > rules.dueAt))
    deadline = rules.dueAt;
  const attempt = await insertAttempt({
    quizId,
    userId,
    assignmentId,
    number: used + 1,
    questionIds: order,
    startedAt: now,
    deadlineAt: deadline,
  });
  // Another tab started the same attempt a moment earlier: resume that one.
  const started = attempt ?? (await findInProgressAttempt({ quizId, userId, assignmentId }));
  if (!started) return refuse('conflict', 'The attempt could not be started. Please try again.');
  return ok({ attempt: started });
}

/** The attempt if it belongs to the user, submitted on the spot if its time ran out. */
export async function attemptForUser(
  attemptId: string,
  userId: string,
  now = new Date(),
): Promise<Attempt | null> {
  const attempt = await getAttempt({ attemptId });
  if (!attempt || attempt.userId !== userId) return null;
  return currentAttempt(attempt, now);
}

/** The attempt as it stands: one whose time ran out is submitted now, with what was saved. */
export async function currentAttempt(attempt: Attempt, now = new Date()): Promise<Attempt> {
  if (attempt.status !== 'in-progress' || !pastDeadline(attempt, now)) return attempt;
  await submitAttempt({
    attemptId: attempt.id,
    userId: attempt.userId,
    now: attempt.deadlineAt!,
    auto: true,
  });
  return (await getAttempt({ attemptId: attempt.id }))!;
}

export type SaveInput = {
  attemptId: string;
  userId: string;
  questionId: string;
  response: unknown;
  flagged: boolean;
  confidence: number | null;
  clientSeq: number;
  /**
   * The session the save comes in: 'checked' when the caller has checked it against the user's
   * row (`currentUser`), or a session claim (lib/server/session.ts) that the write checks itself:
   * the token's session version must still be the user's, and `confirm` makes the full check
   * before anything else is read or said about the attempt.
   */
  session: 'checked' | { version: number; confirm: () => Promise<boolean> };
  now?: Date;
};

/**
 * The questions this process has validated answers against, with the version (a hash of the data,
 * db/queries/quizzes.ts) each was read at. A hint, never trusted: the save's statement writes only
 * if the stored question still has that version, so an edit made through another app server is
 * seen at the next save. Bounded: the oldest entry goes when it is full.
 */
const knownQuestions = new Map<string, { data: Question; version: string }>();
const KNOWN_QUESTIONS_MAX = 5_000;

function rememberQuestion(id: string, data: Question, version: string) {
  knownQuestions.delete(id);
  if (knownQuestions.size >= KNOWN_QUESTIONS_MAX) knownQuestions.delete(knownQuestions.keys().next().value!);
  knownQuestions.set(id, { data, version });
}

/** The answer as stored (null clears it), or why it cannot be: the shape the question's type takes. */
function checkedResponse(question: Question, raw: unknown) {
  if (raw === null) return { ok: true as const, response: null };
  const checked = parseResponseFor(question, raw);
  return checked.ok ? { ok: true as const, response: checked.response as Response } : checked;
}

/**
 * Saves one answer the moment it is given; refuses late, foreign and ill-typed answers.
 *
 * The rules, all kept from the earlier save (five statements over HTTP: the session, the attempt
 * twice, the question, the write), each refused with its own answer:
 *   1. the attempt exists and is the user's (policy rule own-attempt, `mayOwnAttempt`), else
 *      not-found, marked as the policy's refusal;
 *   2. it is in progress, else conflict "submitted";
 *   3. its deadline (time limit, or the due date when late work is refused: `deadlineAt`) plus
 *      DEADLINE_GRACE_MS is not past, else conflict "expired", and the attempt is submitted as
 *      saved on the spot;
 *   4. the question is one of this attempt's (the list fixed at start: questions retired or sent
 *      back to draft before the start are not in it; one retired since stays answerable, as the
 *      attempt page shows it and the submit grades it), else invalid;
 *   5. the question still exists, else invalid;
 *   6. the answer has the shape of the question's type and names only ids the question offers
 *      (zod, `parseResponseFor`), or is null (cleared), else invalid with the reason;
 *   7. an answer locked by checking it (each-question feedback) no longer changes, else conflict
 *      "locked";
 *   8. an older save (by the browser's sequence number) never overwrites a newer one: it is
 *      acknowledged with the newer answer, which is stored;
 *   9. a save and a submit of the same attempt never interleave: an acknowledged answer is graded.
 *
 * How: rules 1–5, 7 and 8 and the write are one guarded statement (`guardedUpsertResponse`:
 * INSERT … SELECT from the attempt, share-locked, joined to the question at the version the
 * answer was validated against, ON CONFLICT DO UPDATE). Rule 6 needs the question's data before
 * the write: this process keeps the questions it has seen, checked by version inside that
 * statement. The session's check (its version still the user's) can be made by that statement
 * too (`input.session`). A save of a known question is therefore one statement, session included;
 * the first save of a question in this process, and every refusal, also read the session and
 * `getSaveContext` (one statement each) to decide.
 */
export async function saveAnswer(input: SaveInput): Promise<Result<{ saved: AttemptResponse }>> {
  const now = input.now ?? new Date();
  let session = input.session;
  const write = (questionVersion: string, response: Response | null) =>
    guardedUpsertResponse({
      attemptId: input.attemptId,
      userId: input.userId,
      session:
        session === 'checked'
          ? null
          : { version: session.version, verifiedOnly: emailVerificationRequired() },
      questionId: input.questionId,
      questionVersion,
      response,
      flagged: input.flagged,
      confidence: input.confidence,
      clientSeq: input.clientSeq,
      savedAt: now,
      notAfter: new Date(now.getTime() - DEADLINE_GRACE_MS),
    });

  const known = knownQuestions.get(input.questionId);
  const checked = known && checkedResponse(known.data, input.response);
  if (known && checked?.ok) {
    const saved = await write(known.version, checked.response);
    if (saved) return ok({ saved });
  }
  // Not written (or not tried: a question new to this process, or an answer its copy refuses):
  // a session that has ended is told so before anything about the attempt is read; then read
  // what the save is decided on, and apply the rules in their order.
  if (session !== 'checked') {
    if (!(await session.confirm())) return REFUSALS.signedOut();
    session = 'checked';
  }
  for (let tries = 0; tries < 3; tries++) {
    const context = await getSaveContext({ attemptId: input.attemptId, questionId: input.questionId });
    if (!context || !mayOwnAttempt({ id: input.userId }, context.attempt)) return attemptNotYours();
    const { attempt, question, questionVersion, stored } = context;
    if (attempt.status === 'submitted') return SUBMITTED;
    if (pastDeadline(attempt, now)) return expire(attempt, now);
    if (!attempt.questionIds.includes(input.questionId))
      return refuse('invalid', 'That question is not part of this quiz.');
    if (!question || !questionVersion) return refuse('invalid', 'That question no longer exists.');
    rememberQuestion(input.questionId, question, questionVersion);
    const fresh = checkedResponse(question, input.response);
    if (!fresh.ok) return refuse('invalid', fresh.message);
    if (stored?.locked && stored.clientSeq !== input.clientSeq)
      return refuse('conflict', 'You already checked this answer; it can no longer change.', {
        reason: 'locked',
      });
    // A retry or an older save arriving late: the newer answer stays, and this one is acknowledged as superseded.
    if (stored && stored.clientSeq >= input.clientSeq) return ok({ saved: stored });
    const saved = await write(questionVersion, fresh.response);
    if (saved) return ok({ saved });
    // Something changed between the two statements (a submit, an edit of the question): again.
  }
  throw new Error(`Save of ${input.questionId} in ${input.attemptId} wrote nothing and found no reason.`);
}

async function expire(attempt: Attempt, now: Date) {
  await currentAttempt(attempt, now);
  return refuse(
    'conflict',
    'Time is up: this answer came after the time limit and was not saved. Your earlier answers were submitted.',
    { reason: 'expired' },
  );
}

const toStored = (result: GradeResult): StoredGrade => ({
  score: result.score,
  correct: result.correct,
  feedback: result.feedback,
  keyPointsMet: result.keyPointsMet,
  keyPointsMissed: result.keyPointsMissed,
  evidence: result.evidence,
  ...(result.keyPoints.length > 0 && {
    keyPoints: result.keyPoints.map((point) => {
      const questioned = whyQuestioned(point);
      return { id: point.id, text: point.text, status: point.status, ...(questioned && { questioned }) };
    }),
    needsReview: result.needsReview,
    reviewReasons: result.reviewReasons,
    ...(result.otherQuestion && { otherQuestion: result.otherQuestion }),
  }),
});

const ZERO = (row: QuestionRow): StoredGrade => ({
  score: 0,
  correct: 'incorrect',
  feedback: 'Not answered.',
  keyPointsMet: [],
  keyPointsMissed:
    row.data.type === 'short-answer' || row.data.type === 'claim-evidence-reasoning'
      ? row.data.rubric.keyPoints.map((k) => ({ id: k.id, text: k.text }))
      : [],
  evidence: row.data.evidence,
});

/**
 * Grades one saved response; unanswered questions score 0. `examples` are the class's instructor
 * grades of answers to this question, which the grader leans on for free-text answers;
 * `quizQuestions` are the attempt's questions, so that an answer to another of them is noticed.
 */
export function gradeSaved(
  row: QuestionRow,
  response: AttemptResponse | undefined,
  {
    examples,
    quizQuestions,
  }: { examples?: readonly InstructorExample[]; quizQuestions: readonly Question[] },
): StoredGrade {
  if (!response?.response) return ZERO(row);
  const checked = parseResponseFor(row.data, response.response);
  return checked.ok
    ? toStored(gradeResponse(row.data, checked.response, { examples, siblings: quizQuestions }))
    : ZERO(row);
}

/** The instructor grades an assigned attempt's free-text answers learn from (none outside a class). */
async function examplesForAttempt(assignment: Assignment | null, rows: Iterable<QuestionRow>) {
  if (!assignment) return new Map<string, InstructorExample[]>();
  return classExamples(
    assignment.classId,
    [...rows].map((r) => r.data),
  );
}

/** Each-question feedback: grades the saved answer, locks it, and answers the grade. */
export async function checkAnswer({
  attemptId,
  userId,
  questionId,
  now = new Date(),
}: {
  attemptId: string;
  userId: string;
  questionId: string;
  now?: Date;
}): Promise<Result<{ grade: StoredGrade; question: Question; assigned: boolean }>> {
  const attempt = await attemptForUser(attemptId, userId, now);
  if (!attempt) return NOT_FOUND;
  if (attempt.status === 'submitted') return SUBMITTED;
  const { quiz, assignment, rules } = await rulesForAttempt(attempt);
  // The quiz may offer checking as you go; an assignment that holds feedback until the due date wins.
  if (quiz.settings.feedback !== 'each-question' || !feedbackRelease(rules, now).keys) {
    return refuse('forbidden', 'This quiz shows feedback after you submit.', { reason: 'feedback-held' });
  }
  if (!attempt.questionIds.includes(questionId))
    return refuse('invalid', 'That question is not part of this quiz.');
  const quizRows = await getQuestionsByIds({ ids: attempt.questionIds });
  const row = quizRows.get(questionId);
  if (!row) return refuse('invalid', 'That question no longer exists.');
  const saved = await getResponse({ attemptId, questionId });
  if (!saved?.response) return refuse('invalid', 'Answer the question before checking it.');
  const examples = saved.locked ? undefined : (await examplesForAttempt(assignment, [row])).get(questionId);
  const grade =
    saved.locked && saved.grade
      ? saved.grade
      : gradeSaved(row, saved, { examples, quizQuestions: [...quizRows.values()].map((r) => r.data) });
  if (!saved.locked) {
    const locked = await lockResponseWithGrade({ attemptId, questionId, grade });
    if (!locked) return SUBMITTED;
  }
  return ok({ grade, question: row.data, assigned: Boolean(attempt.assignmentId) });
}

/**
 * Submits and grades an attempt. Submitting twice counts once: only the request that moves the
 * attempt out of "in progress" grades it, holding the attempt row locked until the grades are
 * stored; any other gets the same result.
 */
export async function submitAttempt({
  attemptId,
  userId,
  now = new Date(),
  auto = false,
}: {
  attemptId: string;
  userId: string;
  now?: Date;
  auto?: boolean;
}): Promise<Result<{ attempt: Attempt }>> {
  const attempt = await getAttempt({ attemptId });
  if (!attempt || attempt.userId !== userId) return NOT_FOUND;
  if (attempt.status === 'submitted') return ok({ attempt });
  const lateManual = !auto && pastDeadline(attempt, now);
  const questionRows = await getQuestionsByIds({ ids: attempt.questionIds });
  const submittedAt = lateManual ? attempt.deadlineAt! : now;
  const { quiz, assignment, rules } = await rulesForAttempt(attempt);
  const examples = await examplesForAttempt(assignment, questionRows.values());
  const quizQuestions = [...questionRows.values()].map((r) => r.data);
  const claimed = await finalizeAttempt({
    attemptId,
    submittedAt,
    autoSubmitted: auto || lateManual,
    late: Boolean(attempt.assignmentId && rules.dueAt && submittedAt > rules.dueAt),
    grade: (claimedAttempt, responses) => {
      const byQuestion = new Map(responses.map((r) => [r.questionId, r]));
      const grades = claimedAttempt.questionIds.flatMap((questionId) => {
        const row = questionRows.get(questionId);
        const saved = byQuestion.get(questionId);
        // An answer already checked during the attempt keeps the grade the student saw.
        return row
          ? [
              {
                questionId,
                grade:
                  saved?.locked && saved.grade
                    ? saved.grade
                    : gradeSaved(row, saved, { examples: examples.get(questionId), quizQuestions }),
              },
            ]
          : [];
      });
      const total = grades.reduce((sum, g) => sum + g.grade.score, 0);
      return { grades, score: grades.length ? Math.round((total / grades.length) * 10_000) / 10_000 : 0 };
    },
  });
  // Questions the student flagged go to their spaced review on their own, once the feedback is
  // out: a review card shows the key, so an attempt whose feedback waits for the due date keeps
  // its flags until then (cardReleasedFlags).
  if (claimed && feedbackRelease(rules, now).keys) {
    const flagged = claimed.responses.filter((r) => r.flagged).map((r) => r.questionId);
    await cardFlags(userId, quiz.readingId, flagged, now);
  }
  return ok({ attempt: (await getAttempt({ attemptId }))! });
}

async function cardFlags(userId: string, readingId: string, questionIds: string[], now: Date) {
  await addQuestionCards({
    userId,
    cards: questionIds.map((questionId) => ({ questionId, readingId, reason: 'flagged' as const })),
    fields: newCardFields(now),
  });
}

/**
 * Turns the flags of a student's attempts whose feedback has been released since they submitted
 * into review cards. Run wherever review cards are read (home, review, progress, the export), so
 * that a flag held until the due date shows up in review once the date has passed, and not before.
 */
export async function cardReleasedFlags({ userId, now = new Date() }: { userId: string; now?: Date }) {
  for (const { attempt, questionIds } of await attemptsWithUncardedFlags({ userId })) {
    const { quiz, rules } = await rulesForAttempt(attempt);
    if (feedbackRelease(rules, now).keys) await cardFlags(userId, quiz.readingId, questionIds, now);
  }
}
