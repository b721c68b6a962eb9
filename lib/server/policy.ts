import 'server-only';
import { cache } from 'react';
import { getAssignment } from '@/db/queries/assignments';
import { getClass, getMembership, teachesAnyClass } from '@/db/queries/classes';
import { hasBankCopy } from '@/db/queries/questions';
import { getAttempt, getQuestionsByIds, getQuiz } from '@/db/queries/quizzes';
import {
  getHighlight,
  getReadingById,
  getReadingBySlug,
  getReadingHeadBySlug,
  getReadingSummary,
  type ReadingHead,
  type ReadingSummary,
} from '@/db/queries/readings';
import { getCard } from '@/db/queries/review';
import type {
  Assignment,
  Attempt,
  Class,
  ClassRole,
  Highlight,
  QuestionRow,
  Quiz,
  Reading,
  ReviewCard,
} from '@/db/schema';
import { byPolicy, type Refusal, refuse } from './result';
import type { SessionUser } from './session';

/**
 * Every "who may" rule of the app, in one place. Each rule is a pure predicate over (user,
 * resource), and a loader that fetches the resource by its id and applies the predicate; every
 * page, action and route asks through a loader. `RULES` says, for each rule, which relationships
 * to the resource let a user through: the access-matrix test walks every page, action and route
 * for every role against this table.
 */

/** Who asks: the signed-in user (domain code that only knows an id passes `{ id }`). */
export type Who = Pick<SessionUser, 'id'> & Partial<Pick<SessionUser, 'siteAdmin'>>;

/** A user's relationships to a resource, as the access-matrix test names them. */
export type Audience =
  | 'anyone'
  | 'signed-in'
  | 'reader'
  | 'reading-author'
  | 'bank-manager'
  | 'instructor'
  | 'class-instructor'
  | 'class-student'
  | 'quiz-taker'
  | 'quiz-manager'
  | 'attempt-owner'
  | 'card-owner'
  | 'highlight-owner';

export const RULES = {
  public: { audiences: ['anyone'], about: 'Anyone, signed in or not.' },
  'signed-in': { audiences: ['signed-in'], about: 'Any signed-in user, on their own data only.' },
  'view-reading': {
    audiences: ['reader'],
    about: 'A published reading: every signed-in user. A draft: its author only.',
  },
  'edit-reading': {
    audiences: ['reading-author'],
    about: 'The author of a reading made in the app. Shipped readings are edited in content/.',
  },
  'manage-bank': {
    audiences: ['bank-manager'],
    about:
      "A reading's own question bank: its author, or a site administrator for a shipped reading. A copy of a bank: the instructor who made it.",
  },
  'copy-bank': {
    audiences: ['instructor'],
    about: 'Anyone who teaches a class and may read the reading, for their own classes.',
  },
  'teach-class': { audiences: ['class-instructor'], about: 'The instructors of the class.' },
  'attend-class': { audiences: ['class-instructor', 'class-student'], about: 'The members of the class.' },
  'take-quiz': {
    audiences: ['quiz-taker'],
    about:
      "Self-study: a reading's default quiz, by anyone who may read the reading, or a quiz by its author. An assignment: the students of its class.",
  },
  'manage-quiz': {
    audiences: ['quiz-manager'],
    about:
      "A quiz an instructor built: its author. A reading's default quiz: whoever manages that reading's own bank.",
  },
  'own-attempt': { audiences: ['attempt-owner'], about: 'The student who made the attempt.' },
  'review-attempt': {
    audiences: ['class-instructor'],
    about: "The instructors of the class the attempt's assignment belongs to.",
  },
  'own-card': { audiences: ['card-owner'], about: 'The student whose review card it is.' },
  'own-highlight': { audiences: ['highlight-owner'], about: 'The student who made the highlight or note.' },
} as const satisfies Record<string, { audiences: readonly Audience[]; about: string }>;

export type RuleName = keyof typeof RULES;

/** What a loader grants: the resources the rule checked, for the handler to use. */
export type Granted<T> = Promise<T | Refusal>;

const notFound = (what: string) => refuse('not-found', `${what} does not exist or is not open to you.`);

// ---- Readings ----

export function mayViewReading(user: Who, reading: Pick<Reading, 'status' | 'createdBy'>): boolean {
  return reading.status === 'published' || reading.createdBy === user.id;
}

export function mayEditReading(user: Who, reading: Pick<Reading, 'createdBy'>): boolean {
  return reading.createdBy !== null && reading.createdBy === user.id;
}

/** Whose bank a user manages for a reading: its own (null) or their copy (their id); undefined: none. */
export function managedBankOwner(
  user: Who,
  reading: Pick<Reading, 'createdBy'>,
  hasCopy: boolean,
): string | null | undefined {
  if (reading.createdBy === null ? user.siteAdmin === true : reading.createdBy === user.id) return null;
  return hasCopy ? user.id : undefined;
}

export async function readingToView(
  user: Who,
  ref: { slug: string } | { id: string },
): Granted<{ reading: Reading }> {
  const reading =
    'slug' in ref ? await getReadingBySlug({ slug: ref.slug }) : await getReadingById({ id: ref.id });
  return reading && mayViewReading(user, reading) ? { reading } : notFound('That reading');
}

/** Read once per request however many times a page asks (its metadata and its body both do). */
const readingHeadOnce = cache((slug: string) => getReadingHeadBySlug({ slug }));

/** The same check from the reading's head alone (its page reads the rest from a kept copy). */
export async function readingHeadToView(user: Who, slug: string): Granted<{ reading: ReadingHead }> {
  const reading = await readingHeadOnce(slug);
  return reading && mayViewReading(user, reading) ? { reading } : notFound('That reading');
}

export async function readingToEdit(user: Who, readingId: string): Granted<{ reading: Reading }> {
  const reading = await getReadingById({ id: readingId });
  if (!reading || !mayViewReading(user, reading)) return notFound('That reading');
  return mayEditReading(user, reading)
    ? { reading }
    : refuse('forbidden', 'Only the person who created this reading can change it.');
}

/** The question bank of a reading that this user manages: the reading's own, or their copy. */
async function bankOf<R extends Pick<Reading, 'id' | 'status' | 'createdBy'>>(
  user: Who,
  reading: R | null,
): Granted<{ reading: R; bankOwnerId: string | null }> {
  if (!reading || !mayViewReading(user, reading)) return notFound('That reading');
  const owner = managedBankOwner(
    user,
    reading,
    await hasBankCopy({ readingId: reading.id, ownerId: user.id }),
  );
  if (owner === undefined) {
    return refuse(
      'forbidden',
      reading.createdBy === null
        ? 'This question bank ships with the app and only site administrators change it. Make your own copy to change questions for your classes.'
        : "Only this reading's author manages its question bank. Make your own copy to change questions for your classes.",
      { reason: 'copy-needed' },
    );
  }
  return { reading, bankOwnerId: owner };
}

/** A bank this user manages, with its reading's title and ids but not its text, however long. */
export async function bankToManage(
  user: Who,
  readingId: string,
): Granted<{ reading: ReadingSummary; bankOwnerId: string | null }> {
  return bankOf(user, await getReadingSummary({ id: readingId }));
}

/** The same rule, with the reading's text: for writing questions against its sentences. */
export async function bankToWrite(
  user: Who,
  readingId: string,
): Granted<{ reading: Reading; bankOwnerId: string | null }> {
  return bankOf(user, await getReadingById({ id: readingId }));
}

/** Questions of a bank; any question that is not in it refuses the whole request. */
async function questionsIn<B extends { reading: { id: string }; bankOwnerId: string | null }>(
  bank: B | Refusal,
  questionIds: string[],
): Granted<B & { rows: QuestionRow[] }> {
  if ('status' in bank) return bank;
  const rows = await getQuestionsByIds({ ids: questionIds });
  const inBank = questionIds.map((id) => rows.get(id));
  if (
    inBank.length === 0 ||
    inBank.some((row) => !row || row.readingId !== bank.reading.id || row.ownerId !== bank.bankOwnerId)
  )
    return notFound('That question');
  return { ...bank, rows: inBank as QuestionRow[] };
}

/** Questions of a bank this user manages (their review status, their concepts). */
export async function bankQuestionsToManage(user: Who, ref: { readingId: string; questionIds: string[] }) {
  return questionsIn(await bankToManage(user, ref.readingId), ref.questionIds);
}

/** Questions of a bank this user manages, with the reading's text to check an edit against. */
export async function bankQuestionsToWrite(user: Who, ref: { readingId: string; questionIds: string[] }) {
  return questionsIn(await bankToWrite(user, ref.readingId), ref.questionIds);
}

export async function bankToCopy(user: Who, readingId: string): Granted<{ reading: ReadingSummary }> {
  const reading = await getReadingSummary({ id: readingId });
  if (!reading || !mayViewReading(user, reading)) return notFound('That reading');
  if (!(await teachesAnyClass({ userId: user.id })))
    return refuse('forbidden', 'Start a class first: a copy of a question bank is for your classes.');
  if (managedBankOwner(user, reading, false) === null)
    return refuse('conflict', 'You already manage this bank itself; there is nothing to copy.');
  return { reading };
}

// ---- Questions ----

/** Only approved questions reach students: drafts wait for review, retired ones are gone for good. */
export function questionReachesStudents(row: Pick<QuestionRow, 'status'>): boolean {
  return row.status === 'approved';
}

// ---- Classes ----

export async function classToAttend(user: Who, classId: string): Granted<{ klass: Class; role: ClassRole }> {
  const [klass, membership] = await Promise.all([
    getClass({ classId }),
    getMembership({ classId, userId: user.id }),
  ]);
  return klass && membership ? { klass, role: membership.role } : notFound('That class');
}

export async function classToTeach(user: Who, classId: string): Granted<{ klass: Class }> {
  const access = await classToAttend(user, classId);
  if ('status' in access) return access;
  return access.role === 'instructor'
    ? { klass: access.klass }
    : refuse('forbidden', 'Only the instructors of this class can do that.');
}

export async function assignmentToTeach(
  user: Who,
  ref: { classId: string; assignmentId: string },
): Granted<{ klass: Class; assignment: Assignment }> {
  const access = await classToTeach(user, ref.classId);
  if ('status' in access) return access;
  const assignment = await getAssignment({ assignmentId: ref.assignmentId });
  return assignment?.classId === access.klass.id
    ? { klass: access.klass, assignment }
    : notFound('That assignment');
}

/** An instructor may assign a reading's default quiz, or a quiz they built, on a published reading. */
export function mayAssignQuiz(
  user: Who,
  quiz: Pick<Quiz, 'isDefault' | 'createdBy'>,
  reading: Pick<Reading, 'status'>,
): boolean {
  return reading.status === 'published' && (quiz.isDefault || quiz.createdBy === user.id);
}

// ---- Quizzes and attempts ----

/** May this user start the quiz on their own (not through an assignment)? */
export function mayTakeQuizForSelfStudy(
  user: Who,
  quiz: Pick<Quiz, 'isDefault' | 'createdBy'>,
  reading: Pick<Reading, 'status' | 'createdBy'>,
): boolean {
  return quiz.createdBy === user.id || (quiz.isDefault && mayViewReading(user, reading));
}

export async function quizToTake(
  user: Who,
  ref: { quizId: string; assignmentId: string | null },
): Granted<{ quiz: Quiz; assignment: Assignment | null }> {
  const quiz = await getQuiz({ quizId: ref.quizId });
  if (!quiz) return notFound('That quiz');
  if (ref.assignmentId) {
    const assignment = await getAssignment({ assignmentId: ref.assignmentId });
    if (!assignment || assignment.quizId !== quiz.id) return notFound('That assignment');
    const membership = await getMembership({ classId: assignment.classId, userId: user.id });
    return membership?.role === 'student' ? { quiz, assignment } : notFound('That assignment');
  }
  const reading = await getReadingById({ id: quiz.readingId });
  return reading && mayTakeQuizForSelfStudy(user, quiz, reading)
    ? { quiz, assignment: null }
    : notFound('That quiz');
}

/**
 * A quiz with its answer keys (to export it): its author's, or for a reading's default quiz, the
 * manager of the reading's own bank. Anyone else is told it does not exist.
 */
export async function quizToManage(user: Who, quizId: string): Granted<{ quiz: Quiz; reading: Reading }> {
  const quiz = await getQuiz({ quizId });
  if (!quiz) return notFound('That quiz');
  const reading = await getReadingById({ id: quiz.readingId });
  if (!reading || !mayViewReading(user, reading)) return notFound('That quiz');
  const manages =
    quiz.createdBy === null ? managedBankOwner(user, reading, false) === null : quiz.createdBy === user.id;
  return manages ? { quiz, reading } : notFound('That quiz');
}

export function mayOwnAttempt(user: Who, attempt: Pick<Attempt, 'userId'>): boolean {
  return attempt.userId === user.id;
}

export async function attemptToOwn(user: Who, attemptId: string): Granted<{ attempt: Attempt }> {
  const attempt = await getAttempt({ attemptId });
  return attempt && mayOwnAttempt(user, attempt) ? { attempt } : notFound('That quiz attempt');
}

/**
 * own-attempt, applied by the write it guards: for saving an answer, where reading the attempt
 * here and again in the write cost a round trip per answer. Nothing is read here; what is granted
 * is the claim (this user, this attempt), and the save's one statement writes only where
 * `mayOwnAttempt` holds (`attempt.user_id` is the user: lib/quiz/attempts.ts saveAnswer,
 * db/queries/quizzes.ts guardedUpsertResponse). A missing or foreign attempt is refused there
 * with `attemptNotYours()`, the same answer `attemptToOwn` gives, marked as the policy's, before
 * anything about the attempt or the question is said.
 */
export async function attemptToOwnOnWrite(
  user: Who,
  attemptId: string,
): Granted<{ claim: { userId: string; attemptId: string } }> {
  return { claim: { userId: user.id, attemptId } };
}

/** The own-attempt refusal of a write that applied the rule itself (`attemptToOwnOnWrite`). */
export const attemptNotYours = (): Refusal => byPolicy(notFound('That quiz attempt'));

export async function attemptToReview(
  user: Who,
  ref: { classId: string; attemptId: string },
): Granted<{ klass: Class; attempt: Attempt; assignment: Assignment }> {
  const access = await classToTeach(user, ref.classId);
  if ('status' in access) return access.status === 'forbidden' ? notFound('That attempt') : access;
  const attempt = await getAttempt({ attemptId: ref.attemptId });
  const assignment = attempt?.assignmentId
    ? await getAssignment({ assignmentId: attempt.assignmentId })
    : null;
  return attempt && assignment?.classId === access.klass.id
    ? { klass: access.klass, attempt, assignment }
    : notFound('That attempt');
}

// ---- Review cards ----

export async function cardToOwn(user: Who, cardId: string): Granted<{ card: ReviewCard }> {
  const card = await getCard({ cardId });
  return card && card.userId === user.id
    ? { card }
    : refuse('not-found', 'That review card does not exist or is not yours.');
}

export async function highlightToOwn(user: Who, highlightId: string): Granted<{ highlight: Highlight }> {
  const highlight = await getHighlight({ highlightId });
  return highlight && highlight.userId === user.id
    ? { highlight }
    : refuse('not-found', 'That highlight does not exist or is not yours.');
}

// ---- Feedback release ----

/** What of a graded attempt its student may see now. */
export type FeedbackRelease = { score: boolean; keys: boolean; explanations: boolean; mastery: boolean };

/**
 * The one release rule, for every path that shows a student their own graded work (results, the
 * submit answer, the home page, progress and mastery, checking an answer during the attempt): with
 * "after the due date", nothing of the grade shows until the student's own due date has passed.
 */
export function feedbackRelease(
  rules: { feedbackRelease: 'after-submit' | 'after-due'; dueAt: Date | null },
  now: Date,
): FeedbackRelease {
  const released =
    rules.feedbackRelease === 'after-submit' || !rules.dueAt || now.getTime() >= rules.dueAt.getTime();
  return { score: released, keys: released, explanations: released, mastery: released };
}
