import 'server-only';
import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { bankCopies, guidedAnswers, type QuestionRow, questions } from '@/db/schema';
import type { Question, Response } from '@/questions/schema';

const columnsOf = (readingId: string, question: Question, ownerId: string | null = null) => ({
  id: question.id,
  readingId,
  ownerId,
  type: question.type,
  skill: question.skill,
  source: question.source,
  status: question.status,
  data: question,
});

/** Which bank of a reading: its own (owner null) or an instructor's copy. */
const inBank = (readingId: string, ownerId: string | null) =>
  and(
    eq(questions.readingId, readingId),
    ownerId === null ? isNull(questions.ownerId) : eq(questions.ownerId, ownerId),
  );

/**
 * The authored bank that ships in content/: created, or refreshed to the shipped text and status,
 * except where a site administrator has changed a question in the app since (their review wins).
 */
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
      setWhere: sql`${questions.reviewedBy} is null and ${questions.ownerId} is null`,
    });
}

/** A question an instructor wrote into a bank they manage; it starts as a draft. */
export async function insertQuestion({
  readingId,
  ownerId,
  question,
}: {
  readingId: string;
  ownerId: string | null;
  question: Question;
}) {
  const db = await getDb();
  await db.insert(questions).values(columnsOf(readingId, question, ownerId));
}

/** Rows per statement when storing generated drafts (see insertGeneratedQuestions). */
export const GENERATED_BATCH_ROWS = 50;

/**
 * Newly generated questions arrive as drafts; a question already in the bank keeps its review.
 * A large reading gives hundreds of drafts; they are stored GENERATED_BATCH_ROWS at a time, with a
 * turn of the event loop between statements, because embedded PGlite runs each statement on the
 * server's own thread and one statement of hundreds of rows would hold up every request. Each
 * batch stands alone (no transaction, which on PGlite would hold the one connection throughout):
 * a job cut short leaves the drafts stored so far, and running it again adds only the rest.
 */
export async function insertGeneratedQuestions({
  readingId,
  ownerId = null,
  generated,
}: {
  readingId: string;
  ownerId?: string | null;
  generated: Question[];
}) {
  if (generated.length === 0) return 0;
  const db = await getDb();
  // A copy's questions get ids of their own, so the same generated question can sit in several banks.
  const idFor = (id: string) => (ownerId ? copyId(id, ownerId) : id);
  let added = 0;
  for (let start = 0; start < generated.length; start += GENERATED_BATCH_ROWS) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    const inserted = await db
      .insert(questions)
      .values(
        generated
          .slice(start, start + GENERATED_BATCH_ROWS)
          .map((q) => columnsOf(readingId, { ...q, id: idFor(q.id), status: 'draft' }, ownerId)),
      )
      .onConflictDoNothing({ target: questions.id })
      .returning({ id: questions.id });
    added += inserted.length;
  }
  return added;
}

/** The id of a question's copy in one instructor's bank: stable, so copying twice cannot duplicate. */
export function copyId(questionId: string, ownerId: string): string {
  const suffix = createHash('sha256').update(`${ownerId}:${questionId}`).digest('hex').slice(0, 10);
  return `${questionId.slice(0, 100)}~${suffix}`;
}

export async function listReadingQuestions({
  readingId,
  ownerId = null,
  statuses,
}: {
  readingId: string;
  /** The bank: null for the reading's own, else the owner of a copy. */
  ownerId?: string | null;
  statuses?: QuestionRow['status'][];
}): Promise<QuestionRow[]> {
  const db = await getDb();
  return db
    .select()
    .from(questions)
    .where(and(inBank(readingId, ownerId), statuses ? inArray(questions.status, statuses) : undefined))
    .orderBy(asc(questions.source), asc(questions.id));
}

/**
 * The sentences each live question of a reading rests on, over every bank of the reading (its own
 * and instructors' copies): what a change to the text would leave pointing at nothing.
 */
export async function listQuestionEvidence({ readingId }: { readingId: string }) {
  const db = await getDb();
  return db
    .select({
      id: questions.id,
      evidence: sql<string[]>`${questions.data}->'evidence'`,
    })
    .from(questions)
    .where(and(eq(questions.readingId, readingId), inArray(questions.status, ['draft', 'approved'])));
}

export async function hasBankCopy({ readingId, ownerId }: { readingId: string; ownerId: string }) {
  const db = await getDb();
  const [row] = await db
    .select({ ownerId: bankCopies.ownerId })
    .from(bankCopies)
    .where(and(eq(bankCopies.readingId, readingId), eq(bankCopies.ownerId, ownerId)))
    .limit(1);
  return Boolean(row);
}

/**
 * Gives an instructor their own copy of a reading's question bank: every question that is not
 * retired, with its review status, under new ids they own. Copying again adds nothing twice.
 */
export async function copyBank({ readingId, ownerId }: { readingId: string; ownerId: string }) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.insert(bankCopies).values({ readingId, ownerId }).onConflictDoNothing();
    const source = await tx
      .select()
      .from(questions)
      .where(and(inBank(readingId, null), inArray(questions.status, ['draft', 'approved'])));
    if (source.length === 0) return 0;
    const copied = await tx
      .insert(questions)
      .values(
        source.map((row) => ({
          ...columnsOf(readingId, { ...row.data, id: copyId(row.id, ownerId) }, ownerId),
          copiedFrom: row.id,
        })),
      )
      .onConflictDoNothing({ target: questions.id })
      .returning({ id: questions.id });
    return copied.length;
  });
}

export async function getQuestionRow({ id }: { id: string }): Promise<QuestionRow | null> {
  const db = await getDb();
  const [row] = await db.select().from(questions).where(eq(questions.id, id)).limit(1);
  return row ?? null;
}

export async function setQuestionStatus({
  ids,
  status,
  reviewerId,
}: {
  ids: string[];
  status: QuestionRow['status'];
  reviewerId: string;
}) {
  if (ids.length === 0) return [];
  const db = await getDb();
  return db
    .update(questions)
    .set({
      status,
      data: sql`jsonb_set(${questions.data}, '{status}', to_jsonb(${status}::text))`,
      reviewedBy: reviewerId,
      reviewedAt: new Date(),
      updatedAt: new Date(),
    })
    .where(inArray(questions.id, ids))
    .returning({ id: questions.id });
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

/** Several questions' data replaced at once (a retag of many), in one transaction. */
export async function replaceQuestionsData({
  changes,
  reviewerId,
}: {
  changes: Question[];
  reviewerId: string;
}) {
  if (changes.length === 0) return;
  const db = await getDb();
  const now = new Date();
  await db.transaction(async (tx) => {
    for (const data of changes) {
      await tx
        .update(questions)
        .set({
          data,
          type: data.type,
          skill: data.skill,
          reviewedBy: reviewerId,
          reviewedAt: now,
          updatedAt: now,
        })
        .where(eq(questions.id, data.id));
    }
  });
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
