import 'server-only';
import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db';
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
  const [row] = await db.insert(attempts).values(values).onConflictDoNothing().returning();
  return row ?? null;
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

/**
 * Saves one answer. Only a save newer (by the browser's sequence number) than the stored one
 * is applied, so retries and late duplicates can never roll an answer back. Answers the row
 * as stored.
 */
export async function upsertResponse(values: {
  attemptId: string;
  questionId: string;
  response: Response | null;
  flagged: boolean;
  confidence: number | null;
  clientSeq: number;
  savedAt: Date;
}) {
  const db = await getDb();
  const [row] = await db
    .insert(attemptResponses)
    .values(values)
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
    .returning();
  if (row) return row;
  const [stored] = await db
    .select()
    .from(attemptResponses)
    .where(
      and(
        eq(attemptResponses.attemptId, values.attemptId),
        eq(attemptResponses.questionId, values.questionId),
      ),
    );
  return stored!;
}

export async function lockResponseWithGrade({
  attemptId,
  questionId,
  grade,
}: {
  attemptId: string;
  questionId: string;
  grade: StoredGrade;
}) {
  const db = await getDb();
  await db
    .update(attemptResponses)
    .set({ locked: true, grade, gradedBy: 'auto' })
    .where(and(eq(attemptResponses.attemptId, attemptId), eq(attemptResponses.questionId, questionId)));
}

/**
 * Submits an attempt once: in one transaction, moves it out of "in progress" (only one request
 * can), grades the responses as they stand at that moment, and stores grades and score.
 * Answers false when the attempt was already submitted.
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
}): Promise<boolean> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(attempts)
      .set({ status: 'submitted', submittedAt, autoSubmitted, late })
      .where(and(eq(attempts.id, attemptId), eq(attempts.status, 'in-progress')))
      .returning();
    if (!claimed) return false;
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
    return true;
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
