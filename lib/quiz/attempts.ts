import { getAccommodation, getAssignment } from '@/db/queries/assignments';
import { getMembership } from '@/db/queries/classes';
import {
  countAttempts,
  finalizeAttempt,
  findInProgressAttempt,
  getAttempt,
  getQuestionsByIds,
  getQuiz,
  insertAttempt,
  listResponses,
  lockResponseWithGrade,
  upsertResponse,
} from '@/db/queries/quizzes';
import { getReadingById } from '@/db/queries/readings';
import { addQuestionCards } from '@/db/queries/review';
import type { Attempt, AttemptResponse, QuestionRow, Quiz, StoredGrade } from '@/db/schema';
import { canViewReading } from '@/lib/reading/access';
import { type GradeResult, gradeResponse } from '@/questions/grade';
import { parseResponseFor, type Question, type Response } from '@/questions/schema';
import { attemptRules } from './rules';
import { seededShuffle } from './shuffle';

/** Expected refusals of the attempt lifecycle, each with words a student can act on. */
export type AttemptRefusal =
  | { status: 'not-found'; message: string }
  | { status: 'no-attempts-left'; message: string }
  | { status: 'expired'; message: string }
  | { status: 'submitted'; message: string }
  | { status: 'locked'; message: string }
  | { status: 'not-open'; message: string }
  | { status: 'closed'; message: string }
  | { status: 'invalid'; message: string };

const refuse = <S extends AttemptRefusal['status']>(status: S, message: string) =>
  ({ status, message }) as const;

const NOT_FOUND = refuse('not-found', 'That quiz attempt does not exist or is not yours.');
/** A save may arrive this long after the deadline (network latency) and still count. */
const DEADLINE_GRACE_MS = 5_000;

/** A quiz the user may take: its reading must be open to them. */
export async function quizForUser(quizId: string, userId: string): Promise<Quiz | null> {
  const quiz = await getQuiz({ quizId });
  if (!quiz) return null;
  const reading = await getReadingById({ id: quiz.readingId });
  return reading && canViewReading(reading, userId) ? quiz : null;
}

/** The quiz, and for an assignment its rules, as they apply to this student; null when not theirs to take. */
export async function attemptContext(quizId: string, userId: string, assignmentId: string | null) {
  if (!assignmentId) {
    const quiz = await quizForUser(quizId, userId);
    return quiz ? { quiz, assignment: null, rules: attemptRules(quiz, null, null) } : null;
  }
  const assignment = await getAssignment({ assignmentId });
  if (!assignment || assignment.quizId !== quizId) return null;
  const membership = await getMembership({ classId: assignment.classId, userId });
  if (membership?.role !== 'student') return null;
  const quiz = await getQuiz({ quizId });
  if (!quiz) return null;
  const accommodation = await getAccommodation({ assignmentId, userId });
  return { quiz, assignment, rules: attemptRules(quiz, assignment, accommodation) };
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
}): Promise<{ status: 'ok'; attempt: Attempt } | AttemptRefusal> {
  const context = await attemptContext(quizId, userId, assignmentId);
  if (!context) return refuse('not-found', 'That quiz does not exist or is not open to you.');
  const { quiz, rules } = context;
  const current = await findInProgressAttempt({ quizId, userId, assignmentId });
  if (current) {
    const live = await finishIfExpired(current, now);
    if (live.status === 'in-progress') return { status: 'ok', attempt: live };
  }
  if (rules.opensAt && now < rules.opensAt) {
    return refuse('not-open', `This assignment opens on ${rules.opensAt.toUTCString()}.`);
  }
  if (rules.dueAt && now > rules.dueAt && rules.latePolicy.kind === 'refuse') {
    return refuse('closed', 'This assignment was due and no longer accepts attempts.');
  }
  const used = await countAttempts({ quizId, userId, assignmentId });
  const allowed = rules.attemptsAllowed;
  if (allowed !== null && used >= allowed) {
    return refuse(
      'no-attempts-left',
      `You have used all ${allowed} attempt${allowed === 1 ? '' : 's'} at this quiz.`,
    );
  }
  const order = quiz.settings.shuffleQuestions
    ? seededShuffle(quiz.questionIds, `${userId}:${quizId}:${assignmentId ?? ''}:${used + 1}`)
    : quiz.questionIds;
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
  if (!started) return refuse('invalid', 'The attempt could not be started. Please try again.');
  return { status: 'ok', attempt: started };
}

/** The attempt if it belongs to the user, submitted on the spot if its time ran out. */
export async function attemptForUser(
  attemptId: string,
  userId: string,
  now = new Date(),
): Promise<Attempt | null> {
  const attempt = await getAttempt({ attemptId });
  if (!attempt || attempt.userId !== userId) return null;
  return finishIfExpired(attempt, now);
}

async function finishIfExpired(attempt: Attempt, now: Date): Promise<Attempt> {
  if (attempt.status !== 'in-progress' || !attempt.deadlineAt) return attempt;
  if (now.getTime() <= attempt.deadlineAt.getTime() + DEADLINE_GRACE_MS) return attempt;
  // Time is up: submit with what was saved, at the deadline.
  await submitAttempt({ attemptId: attempt.id, userId: attempt.userId, now: attempt.deadlineAt, auto: true });
  return (await getAttempt({ attemptId: attempt.id }))!;
}

async function quizAndQuestions(attempt: Attempt) {
  const quiz = await getQuiz({ quizId: attempt.quizId });
  const questionRows = await getQuestionsByIds({ ids: attempt.questionIds });
  return { quiz: quiz!, questionRows };
}

export type SaveInput = {
  attemptId: string;
  userId: string;
  questionId: string;
  response: unknown;
  flagged: boolean;
  confidence: number | null;
  clientSeq: number;
  now?: Date;
};

/** Saves one answer the moment it is given; refuses late, foreign and ill-typed answers. */
export async function saveAnswer(
  input: SaveInput,
): Promise<{ status: 'ok'; saved: AttemptResponse } | AttemptRefusal> {
  const now = input.now ?? new Date();
  const attempt = await getAttempt({ attemptId: input.attemptId });
  if (!attempt || attempt.userId !== input.userId) return NOT_FOUND;
  if (attempt.status === 'submitted')
    return refuse('submitted', 'This attempt has been submitted; answers can no longer change.');
  if (attempt.deadlineAt && now.getTime() > attempt.deadlineAt.getTime() + DEADLINE_GRACE_MS) {
    await finishIfExpired(attempt, now);
    return refuse(
      'expired',
      'Time is up: this answer came after the time limit and was not saved. Your earlier answers were submitted.',
    );
  }
  if (!attempt.questionIds.includes(input.questionId)) {
    return refuse('invalid', 'That question is not part of this quiz.');
  }
  const row = (await getQuestionsByIds({ ids: [input.questionId] })).get(input.questionId);
  if (!row) return refuse('invalid', 'That question no longer exists.');
  let response: Response | null = null;
  if (input.response !== null) {
    const checked = parseResponseFor(row.data, input.response);
    if (!checked.ok) return refuse('invalid', checked.message);
    response = checked.response;
  }
  const saved = await upsertResponse({
    attemptId: attempt.id,
    questionId: input.questionId,
    response,
    flagged: input.flagged,
    confidence: input.confidence,
    clientSeq: input.clientSeq,
    savedAt: now,
  });
  if (saved.locked && saved.clientSeq !== input.clientSeq) {
    return refuse('locked', 'You already checked this answer; it can no longer change.');
  }
  return { status: 'ok', saved };
}

const toStored = (result: GradeResult): StoredGrade => ({
  score: result.score,
  correct: result.correct,
  feedback: result.feedback,
  keyPointsMet: result.keyPointsMet,
  keyPointsMissed: result.keyPointsMissed,
  evidence: result.evidence,
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

/** Grades one saved response; unanswered questions score 0. */
export function gradeSaved(row: QuestionRow, response: AttemptResponse | undefined): StoredGrade {
  if (!response?.response) return ZERO(row);
  const checked = parseResponseFor(row.data, response.response);
  return checked.ok ? toStored(gradeResponse(row.data, checked.response)) : ZERO(row);
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
}): Promise<{ status: 'ok'; grade: StoredGrade; question: Question } | AttemptRefusal> {
  const attempt = await attemptForUser(attemptId, userId, now);
  if (!attempt) return NOT_FOUND;
  if (attempt.status === 'submitted') return refuse('submitted', 'This attempt has been submitted.');
  const { quiz, questionRows } = await quizAndQuestions(attempt);
  if (quiz.settings.feedback !== 'each-question')
    return refuse('invalid', 'This quiz shows feedback after you submit.');
  const row = questionRows.get(questionId);
  if (!row || !attempt.questionIds.includes(questionId))
    return refuse('invalid', 'That question is not part of this quiz.');
  const saved = (await listResponses({ attemptId })).find((r) => r.questionId === questionId);
  if (!saved?.response) return refuse('invalid', 'Answer the question before checking it.');
  const grade = saved.locked && saved.grade ? saved.grade : gradeSaved(row, saved);
  if (!saved.locked) await lockResponseWithGrade({ attemptId, questionId, grade });
  return { status: 'ok', grade, question: row.data };
}

/**
 * Submits and grades an attempt. Submitting twice counts once: only the request that moves the
 * attempt out of "in progress" grades it; any other gets the same result.
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
}): Promise<{ status: 'ok'; attempt: Attempt } | AttemptRefusal> {
  const attempt = await getAttempt({ attemptId });
  if (!attempt || attempt.userId !== userId) return NOT_FOUND;
  if (attempt.status === 'submitted') return { status: 'ok', attempt };
  const lateManual =
    !auto && attempt.deadlineAt && now.getTime() > attempt.deadlineAt.getTime() + DEADLINE_GRACE_MS;
  const questionRows = await getQuestionsByIds({ ids: attempt.questionIds });
  const submittedAt = lateManual ? attempt.deadlineAt! : now;
  const context = attempt.assignmentId
    ? await attemptContext(attempt.quizId, userId, attempt.assignmentId)
    : null;
  const dueAt = context?.rules.dueAt ?? null;
  const claimed = await finalizeAttempt({
    attemptId,
    submittedAt,
    autoSubmitted: auto || Boolean(lateManual),
    late: Boolean(dueAt && submittedAt > dueAt),
    grade: (claimed, responses) => {
      const byQuestion = new Map(responses.map((r) => [r.questionId, r]));
      const grades = claimed.questionIds.flatMap((questionId) => {
        const row = questionRows.get(questionId);
        const saved = byQuestion.get(questionId);
        // An answer already checked during the attempt keeps the grade the student saw.
        return row
          ? [{ questionId, grade: saved?.locked && saved.grade ? saved.grade : gradeSaved(row, saved) }]
          : [];
      });
      const total = grades.reduce((sum, g) => sum + g.grade.score, 0);
      return { grades, score: grades.length ? Math.round((total / grades.length) * 10_000) / 10_000 : 0 };
    },
  });
  if (claimed) {
    // Questions the student flagged go to their spaced review on their own.
    const flagged = (await listResponses({ attemptId })).filter((r) => r.flagged).map((r) => r.questionId);
    const quiz = await getQuiz({ quizId: attempt.quizId });
    if (quiz && flagged.length) {
      await addQuestionCards({
        userId,
        cards: flagged.map((questionId) => ({
          questionId,
          readingId: quiz.readingId,
          reason: 'flagged' as const,
        })),
        now,
      });
    }
  }
  return { status: 'ok', attempt: (await getAttempt({ attemptId }))! };
}
