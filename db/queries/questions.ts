import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { guidedAnswers, type QuestionRow, questions } from '@/db/schema';
import type { Question, Response } from '@/questions/schema';

const columnsOf = (readingId: string, question: Question) => ({
  id: question.id,
  readingId,
  type: question.type,
  skill: question.skill,
  source: question.source,
  status: question.status,
  data: question,
});

/** The authored bank that ships in content/: created, or refreshed to the shipped text and status. */
export async function upsertAuthoredQuestions({ readingId, bank }: { readingId: string; bank: Question[] }) {
  if (bank.length === 0) return;
  const db = await getDb();
  await db
    .insert(questions)
    .values(bank.map((q) => columnsOf(readingId, q)))
    .onConflictDoUpdate({
      target: questions.id,
      set: {
        type: sql`excluded.type`,
        skill: sql`excluded.skill`,
        status: sql`excluded.status`,
        data: sql`excluded.data`,
        updatedAt: new Date(),
      },
    });
}

/** Newly generated questions arrive as drafts; a question already in the bank keeps its review. */
export async function insertGeneratedQuestions({
  readingId,
  generated,
}: {
  readingId: string;
  generated: Question[];
}) {
  if (generated.length === 0) return 0;
  const db = await getDb();
  const inserted = await db
    .insert(questions)
    .values(generated.map((q) => columnsOf(readingId, { ...q, status: 'draft' })))
    .onConflictDoNothing({ target: questions.id })
    .returning({ id: questions.id });
  return inserted.length;
}

export async function listReadingQuestions({
  readingId,
  statuses,
}: {
  readingId: string;
  statuses?: QuestionRow['status'][];
}): Promise<QuestionRow[]> {
  const db = await getDb();
  return db
    .select()
    .from(questions)
    .where(
      and(eq(questions.readingId, readingId), statuses ? inArray(questions.status, statuses) : undefined),
    )
    .orderBy(asc(questions.source), asc(questions.id));
}

export async function getQuestionRow({ id }: { id: string }): Promise<QuestionRow | null> {
  const db = await getDb();
  const [row] = await db.select().from(questions).where(eq(questions.id, id)).limit(1);
  return row ?? null;
}

export async function setQuestionStatus({
  id,
  status,
  reviewerId,
}: {
  id: string;
  status: QuestionRow['status'];
  reviewerId: string;
}) {
  const db = await getDb();
  const [row] = await db
    .update(questions)
    .set({
      status,
      data: sql`jsonb_set(${questions.data}, '{status}', to_jsonb(${status}::text))`,
      reviewedBy: reviewerId,
      reviewedAt: new Date(),
      updatedAt: new Date(),
    })
    .where(eq(questions.id, id))
    .returning();
  return row ?? null;
}

export async function replaceQuestionData({
  id,
  data,
  reviewerId,
}: {
  id: string;
  data: Question;
  reviewerId: string;
}) {
  const db = await getDb();
  await db
    .update(questions)
    .set({
      data,
      type: data.type,
      skill: data.skill,
      status: data.status,
      reviewedBy: reviewerId,
      reviewedAt: new Date(),
      updatedAt: new Date(),
    })
    .where(eq(questions.id, id));
}

// ---- Guided questions beside a reading ----

export async function listGuidedAnswers({ userId, readingId }: { userId: string; readingId: string }) {
  const db = await getDb();
  return db
    .select()
    .from(guidedAnswers)
    .where(and(eq(guidedAnswers.userId, userId), eq(guidedAnswers.readingId, readingId)));
}

/** Records one more try at a guided question, keeping the best score. */
export async function recordGuidedAnswer({
  userId,
  questionId,
  readingId,
  response,
  score,
}: {
  userId: string;
  questionId: string;
  readingId: string;
  response: Response;
  score: number;
}) {
  const db = await getDb();
  const [row] = await db
    .insert(guidedAnswers)
    .values({
      userId,
      questionId,
      readingId,
      attempts: 1,
      bestScore: score,
      lastScore: score,
      lastResponse: response,
    })
    .onConflictDoUpdate({
      target: [guidedAnswers.userId, guidedAnswers.questionId],
      set: {
        attempts: sql`${guidedAnswers.attempts} + 1`,
        bestScore: sql`greatest(${guidedAnswers.bestScore}, excluded.best_score)`,
        lastScore: score,
        lastResponse: response,
        updatedAt: new Date(),
      },
    })
    .returning();
  return row!;
}
