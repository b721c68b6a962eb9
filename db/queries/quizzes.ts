import 'server-only';
import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { type Database, getDb } from '@/db';
import { refreshAssignmentResult } from '@/db/queries/assignment-results';
import {
  type Attempt,
  type AttemptResponse,
  attemptResponses,
  attempts,
  type QuestionRow,
  type Quiz,
  type QuizSettings,
  questions,
  quizzes,
  type StoredGrade,
  users,
} from '@/db/schema';
import type { Response } from '@/questions/schema';

// ---- Quizzes ----

export async function getQuiz({ quizId }: { quizId: string }): Promise<Quiz | null> {
  const db = await getDb();
  const [row] = await db.select().from(quizzes).where(eq(quizzes.id, quizId)).limit(1);
  return row ?? null;
}

export async function getDefaultQuiz({ readingId }: { readingId: string }): Promise<Quiz | null> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(quizzes)
    .where(and(eq(quizzes.readingId, readingId), eq(quizzes.isDefault, true)))
    .limit(1);
  return row ?? null;
}

/** The shipped default quiz of a reading: created once, then kept in step with content/. */
export async function upsertDefaultQuiz({
  readingId,
  title,
  questionIds,
  settings,
}: {
  readingId: string;
  title: string;
  questionIds: string[];
  settings: QuizSettings;
}): Promise<Quiz> {
  const db = await getDb();
  const existing = await getDefaultQuiz({ readingId });
  if (existing) {
    const [row] = await db
      .update(quizzes)
      .set({ title, questionIds, settings, updatedAt: new Date() })
      .where(eq(quizzes.id, existing.id))
      .returning();
    return row!;
  }
  const [row] = await db
    .insert(quizzes)
    .values({ readingId, title, questionIds, settings, isDefault: true })
    .returning();
  return row!;
}

export async function getQuestionsByIds({ ids }: { ids: string[] }): Promise<Map<string, QuestionRow>> {
  if (ids.length === 0) return new Map();
  const db = await getDb();
  const rows = await db.select().from(questions).where(inArray(questions.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

// ---- Attempts ----

export async function getAttempt({ attemptId }: { attemptId: string }): Promise<Attempt | null> {
  const db = await getDb();
  const [row] = await db.select().from(attempts).where(eq(attempts.id, attemptId)).limit(1);
  return row ?? null;
}

const sameContext = (quizId: string, userId: string, assignmentId: string | null) =>
  and(
    eq(attempts.quizId, quizId),
    eq(attempts.userId, userId),
    assignmentId ? eq(attempts.assignmentId, assignmentId) : isNull(attempts.assignmentId),
  );

/** The attempt in progress at this quiz: for self-study, or for one assignment. */
export async function findInProgressAttempt({
  quizId,
  userId,
  assignmentId = null,
}: {
  quizId: string;
  userId: string;
  assignmentId?: string | null;
}) {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(attempts)
    .where(and(sameContext(quizId, userId, assignmentId), eq(attempts.status, 'in-progress')))
    .limit(1);
  return row ?? null;
}

export async function countAttempts({
  quizId,
  userId,
  assignmentId = null,
}: {
  quizId: string;
  userId: string;
  assignmentId?: string | null;
}): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(attempts)
    .where(sameContext(quizId, userId, assignmentId));
  return row?.n ?? 0;
}

/**
 * A new attempt numbered after the last; two starts racing get one attempt each number at
 * most (the unique index), and the loser is answered with the winner's attempt.
 */
export async function insertAttempt(values: {
  quizId: string;
  userId: string;
  assignmentId: string | null;
  number: number;
  questionIds: string[];
  startedAt: Date;
  deadlineAt: Date | null;
}): Promise<Attempt | null> {
  const db = await getDb();
  const insert = (tx: Pick<Database, 'insert'>) =>
    tx.insert(attempts).values(values).onConflictDoNothing().returning();
  const { assignmentId, userId } = values;
  if (!assignmentId) return (await insert(db))[0] ?? null;
  // An assignment's attempt shows at once in the class's figures ("in progress").
  return db.transaction(async (tx) => {
    const [row] = await insert(tx);
    if (row) await refreshAssignmentResult(tx, { assignmentId, userId });
    return row ?? null;
  });
}

export async function listAttemptsForUser({
  quizId,
  userId,
  assignmentId = null,
}: {
  quizId: string;
  userId: string;
  assignmentId?: string | null;
}) {
  const db = await getDb();
  return db
    .select()
    .from(attempts)
    .where(sameContext(quizId, userId, assignmentId))
    .orderBy(desc(attempts.number));
}

export async function listResponses({ attemptId }: { attemptId: string }) {
  const db = await getDb();
  return db.select().from(attemptResponses).where(eq(attemptResponses.attemptId, attemptId));
}

export async function getResponse({ attemptId, questionId }: { attemptId: string; questionId: string }) {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(attemptResponses)
    .where(and(eq(attemptResponses.attemptId, attemptId), eq(attemptResponses.questionId, questionId)))
    .limit(1);
  return row ?? null;
}

/**
 * A question's version for the save path: the hash of its data as this database prints it. A
 * process may keep a question's data to validate answers against, with this hash; the save's one
 * statement writes only when the stored question still has it, so a question edited meanwhile
 * (on this app server or another) is never validated against a stale copy.
 */
const questionVersion = sql<string>`md5(${questions.data}::text)`;

/**
 * Saves one answer in one statement, guarded: the row is written only if the attempt exists, is
 * this user's, is in progress, its deadline is not past `notAfter` (now less the grace), it lists
 * the question, and the question's data still has `questionVersion` (the version the answer was
 * validated against). The attempt row is share-locked by the statement, so that a submit (which
 * updates that row) waits for the save or the save sees the submit. Only a save newer (by the
 * browser's sequence number) than the stored one, and not locked by a check, is applied. Answers
 * the row written, or null when nothing was; `getSaveContext` then says why.
 */
export async function guardedUpsertResponse(values: {
  attemptId: string;
  userId: string;
  /**
   * The session version the user's row must still have (and, with verifiedOnly, a confirmed
   * email): `liveSession`'s check, made by this statement; null when the caller made it.
   */
  session: { version: number; verifiedOnly: boolean } | null;
  questionId: string;
  questionVersion: string;
  response: Response | null;
  flagged: boolean;
  confidence: number | null;
  clientSeq: number;
  savedAt: Date;
  notAfter: Date;
}): Promise<AttemptResponse | null> {
  const db = await getDb();
  let statement = saveStatements.get(db);
  if (!statement) {
    statement = prepareSave(db);
    saveStatements.set(db, statement);
  }
  const { session, ...rest } = values;
  const [row] = await statement.execute({
    ...rest,
    sessionVersion: session?.version ?? null,
    verifiedOnly: session?.verifiedOnly ?? false,
    response: values.response === null ? null : JSON.stringify(values.response),
    savedAt: values.savedAt.toISOString(),
    notAfter: values.notAfter.toISOString(),
  });
  return row ?? null;
}

/**
 * The save's statement, built once per database client (drizzle builds a query's SQL on every
 * call otherwise, which costs the save path more than PostgreSQL's planning of it).
 */
function prepareSave(db: Database) {
  const value = (name: string) => sql.placeholder(name);
  const open = db
    .select({
      attemptId: attempts.id,
      questionId: questions.id,
      response: sql<Response | null>`${value('response')}::jsonb`.as('response'),
      clientSeq: sql<number>`${value('clientSeq')}::bigint`.as('client_seq'),
      flagged: sql<boolean>`${value('flagged')}::boolean`.as('flagged'),
      confidence: sql<number | null>`${value('confidence')}::integer`.as('confidence'),
      locked: sql<boolean>`false`.as('locked'),
      savedAt: sql<Date>`${value('savedAt')}::timestamptz`.as('saved_at'),
      grade: sql<null>`null::jsonb`.as('grade'),
      gradedBy: sql<null>`null::text`.as('graded_by'),
      overrideScore: sql<null>`null::real`.as('override_score'),
      overrideComment: sql<null>`null::text`.as('override_comment'),
      overrideKeyPoints: sql<null>`null::jsonb`.as('override_key_points'),
      overriddenBy: sql<null>`null::text`.as('overridden_by'),
      overriddenAt: sql<null>`null::timestamptz`.as('overridden_at'),
    })
    .from(attempts)
    .innerJoin(
      questions,
      and(
        sql`${questions.id} = ${value('questionId')}::text`,
        sql`${questionVersion} = ${value('questionVersion')}::text`,
      ),
    )
    .where(
      and(
        sql`${attempts.id} = ${value('attemptId')}::text`,
        sql`${attempts.userId} = ${value('userId')}::text`,
        eq(attempts.status, 'in-progress'),
        sql`(${attempts.deadlineAt} is null or ${attempts.deadlineAt} >= ${value('notAfter')}::timestamptz)`,
        sql`${attempts.questionIds} @> jsonb_build_array(${value('questionId')}::text)`,
        sql`(${value('sessionVersion')}::integer is null or exists (select 1 from ${users} where ${users.id} = ${attempts.userId} and ${users.sessionVersion} = ${value('sessionVersion')}::integer and (not ${value('verifiedOnly')}::boolean or ${users.emailVerified} is not null)))`,
      ),
    )
    .for('share', { of: attempts });
  return db
    .insert(attemptResponses)
    .select(open)
    .onConflictDoUpdate({
      target: [attemptResponses.attemptId, attemptResponses.questionId],
      set: {
        response: sql`excluded.response`,
        flagged: sql`excluded.flagged`,
        confidence: sql`excluded.confidence`,
        clientSeq: sql`excluded.client_seq`,
        savedAt: sql`excluded.saved_at`,
      },
      setWhere: sql`${attemptResponses.clientSeq} < excluded.client_seq and not ${attemptResponses.locked}`,
    })
    .returning()
    .prepare('save_answer');
}

const saveStatements = new WeakMap<Database, ReturnType<typeof prepareSave>>();

/**
 * Everything a save is decided on, in one statement: the attempt, the question (its data and
 * version) and the answer stored for it. Read when a process does not know the question yet, and
 * when the guarded save wrote nothing, to say why. Null when the attempt does not exist.
 */
export async function getSaveContext({ attemptId, questionId }: { attemptId: string; questionId: string }) {
  const db = await getDb();
  const [row] = await db
    .select({
      attempt: attempts,
      question: questions.data,
      // md5 of a missing question's data is null: no version, as no question.
      questionVersion: sql<string | null>`${questionVersion}`,
      stored: attemptResponses,
    })
    .from(attempts)
    .leftJoin(questions, eq(questions.id, questionId))
    .leftJoin(
      attemptResponses,
      and(eq(attemptResponses.attemptId, attempts.id), eq(attemptResponses.questionId, questionId)),
    )
    .where(eq(attempts.id, attemptId))
    .limit(1);
  return row ?? null;
}

/** Locks a checked answer with its grade, while the attempt is still in progress; false when it is not. */
export async function lockResponseWithGrade({
  attemptId,
  questionId,
  grade,
}: {
  attemptId: string;
  questionId: string;
  grade: StoredGrade;
}): Promise<boolean> {
  const db = await getDb();
  const stillOpen = db
    .select({ id: attempts.id })
    .from(attempts)
    .where(and(eq(attempts.id, attemptId), eq(attempts.status, 'in-progress')))
    .for('share');
  const locked = await db
    .update(attemptResponses)
    .set({ locked: true, grade, gradedBy: 'auto' })
    .where(
      and(
        eq(attemptResponses.attemptId, attemptId),
        eq(attemptResponses.questionId, questionId),
        inArray(attemptResponses.attemptId, stillOpen),
      ),
    )
    .returning({ attemptId: attemptResponses.attemptId });
  return locked.length > 0;
}

/**
 * Submits an attempt once: in one transaction, moves it out of "in progress" (only one request
 * can), grades the responses as they stand at that moment, and stores grades and score.
 * Answers null when the attempt was already submitted.
 */
export async function finalizeAttempt({
  attemptId,
  submittedAt,
  autoSubmitted,
  late,
  grade,
}: {
  attemptId: string;
  submittedAt: Date;
  autoSubmitted: boolean;
  late: boolean;
  grade: (
    attempt: Attempt,
    responses: AttemptResponse[],
  ) => { grades: { questionId: string; grade: StoredGrade }[]; score: number };
}): Promise<{ responses: AttemptResponse[] } | null> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(attempts)
      .set({ status: 'submitted', submittedAt, autoSubmitted, late })
      .where(and(eq(attempts.id, attemptId), eq(attempts.status, 'in-progress')))
      .returning();
    if (!claimed) return null;
    // Read after the claim: a save that held the attempt row committed before the claim, and is here.
    const responses = await tx
      .select()
      .from(attemptResponses)
      .where(eq(attemptResponses.attemptId, attemptId));
    const { grades, score } = grade(claimed, responses);
    for (const { questionId, grade: g } of grades) {
      await tx
        .insert(attemptResponses)
        .values({ attemptId, questionId, response: null, grade: g, gradedBy: 'auto' })
        .onConflictDoUpdate({
          target: [attemptResponses.attemptId, attemptResponses.questionId],
          set: { grade: g, gradedBy: 'auto' },
        });
    }
    await tx.update(attempts).set({ score }).where(eq(attempts.id, attemptId));
    if (claimed.assignmentId)
      await refreshAssignmentResult(tx, { assignmentId: claimed.assignmentId, userId: claimed.userId });
    return { responses };
  });
}

/** A quiz an instructor built from a reading's approved questions. */
export async function insertQuiz(values: {
  readingId: string;
  title: string;
  createdBy: string;
  questionIds: string[];
  settings: QuizSettings;
}): Promise<Quiz> {
  const db = await getDb();
  const [row] = await db
    .insert(quizzes)
    .values({ ...values, isDefault: false })
    .returning();
  return row!;
}

export async function listQuizzesForReading({ readingId }: { readingId: string }) {
  const db = await getDb();
  return db
    .select()
    .from(quizzes)
    .where(eq(quizzes.readingId, readingId))
    .orderBy(desc(quizzes.isDefault), desc(quizzes.createdAt));
}

/** Quizzes a student started on their own (not for a class) and has not submitted, newest first. */
export async function listSelfStudyAttemptsInProgress({ userId }: { userId: string }) {
  const db = await getDb();
  return db
    .select({
      attemptId: attempts.id,
      quizId: quizzes.id,
      title: quizzes.title,
      startedAt: attempts.startedAt,
    })
    .from(attempts)
    .innerJoin(quizzes, eq(quizzes.id, attempts.quizId))
    .where(
      and(eq(attempts.userId, userId), eq(attempts.status, 'in-progress'), isNull(attempts.assignmentId)),
    )
    .orderBy(desc(attempts.startedAt))
    .limit(10);
}
