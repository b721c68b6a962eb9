import 'server-only';
import { createHash } from 'node:crypto';
import { and, asc, count, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
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
export const GENERATED_BATCH_ROWS = 5;
/** The least time left to other requests between two of those statements. */
const GENERATED_BATCH_GAP_MS = 5;

/**
 * Newly generated questions arrive as drafts; a question already in the bank keeps its review.
 * A large reading gives hundreds of drafts; they are stored GENERATED_BATCH_ROWS at a time, because
 * embedded PGlite runs each statement on the server's own thread, and one statement of hundreds of
 * rows would hold up every request. Between two statements the thread is left to other requests
 * for as long as the last statement took (at least GENERATED_BATCH_GAP_MS): a request takes
 * several turns of the event loop to reach its own query, and with only a turn between statements
 * it would wait behind one statement per turn. Storing takes at most half the thread this way.
 * Each batch stands alone (no transaction, which on PGlite would hold the one connection
 * throughout): a job cut short leaves the drafts stored so far, and running it again adds only
 * the rest.
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
  const idFor = (id: string) => bankQuestionId(id, ownerId);
  let added = 0;
  let lastMs = 0;
  for (let start = 0; start < generated.length; start += GENERATED_BATCH_ROWS) {
    if (start > 0)
      await new Promise((resolve) => setTimeout(resolve, Math.max(GENERATED_BATCH_GAP_MS, lastMs)));
    const began = performance.now();
    const inserted = await db
      .insert(questions)
      .values(
        generated
          .slice(start, start + GENERATED_BATCH_ROWS)
          .map((q) => columnsOf(readingId, { ...q, id: idFor(q.id), status: 'draft' }, ownerId)),
      )
      .onConflictDoNothing({ target: questions.id })
      .returning({ id: questions.id });
    lastMs = performance.now() - began;
    added += inserted.length;
  }
  return added;
}

/**
 * The id a question gets in a bank: its own in a reading's bank; in a copy, an id of its own, so
 * the same generated or imported question can sit in several banks.
 */
export function bankQuestionId(questionId: string, ownerId: string | null): string {
  return ownerId ? copyId(questionId, ownerId) : questionId;
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

/** The orders a bank is listed in (lib/question-bank/bank-order.ts names them for people). */
export const BANK_ORDERS = ['quality', 'quality-low', 'text', 'type'] as const;
export type BankOrder = (typeof BANK_ORDERS)[number];

export type BankFilter = {
  type?: QuestionRow['type'];
  skill?: QuestionRow['skill'];
  status?: QuestionRow['status'];
};

const bankWhere = (readingId: string, ownerId: string | null, filter: BankFilter) =>
  and(
    inBank(readingId, ownerId),
    filter.type ? eq(questions.type, filter.type) : undefined,
    filter.skill ? eq(questions.skill, filter.skill) : undefined,
    filter.status ? eq(questions.status, filter.status) : undefined,
  );

const quality = sql`(${questions.data}->>'quality')::float8`;

/**
 * The bank's order as SQL: drafts, then approved, then rejected (the status type's own order),
 * each by the chosen order, then by id (byte order, as `sortBankRows` compares ids). A question
 * without a quality estimate comes after the estimated ones; by text, a question comes at the
 * first of its evidence sentences in `sentenceOrder` (one without any, last).
 */
function bankOrderBy(order: BankOrder, sentenceOrder: string[]): SQL[] {
  const position = JSON.stringify(Object.fromEntries(sentenceOrder.map((id, i) => [id, i])));
  const by: Record<BankOrder, SQL[]> = {
    quality: [sql`coalesce(${quality}, -1) desc`],
    'quality-low': [sql`coalesce(${quality}, 2) asc`],
    text: [
      sql`coalesce((select min((${position}::jsonb ->> e.id)::int) from jsonb_array_elements_text(${questions.data}->'evidence') as e(id)), 2147483647) asc`,
    ],
    type: [sql`${questions.type} collate "C" asc`, sql`coalesce(${quality}, -1) desc`],
  };
  return [asc(questions.status), ...by[order], sql`${questions.id} collate "C" asc`];
}

/**
 * One page of a bank as the bank page lists it, filtered, ordered and cut by the database, and
 * how many questions match in all: a bank of hundreds of drafts is never loaded whole to show a
 * page. A page past the last gives the last.
 */
export async function listBankPage({
  readingId,
  ownerId = null,
  filter = {},
  order,
  sentenceOrder = [],
  page,
  pageSize,
}: {
  readingId: string;
  ownerId?: string | null;
  filter?: BankFilter;
  order: BankOrder;
  /** The reading's sentence ids in reading order, for the order by text. */
  sentenceOrder?: string[];
  /** From 1. */
  page: number;
  pageSize: number;
}): Promise<{ rows: QuestionRow[]; total: number; page: number; pageCount: number }> {
  const db = await getDb();
  const where = bankWhere(readingId, ownerId, filter);
  const [matching] = await db.select({ n: count() }).from(questions).where(where);
  const total = matching?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const shown = Math.min(Math.max(1, Math.floor(page)), pageCount);
  if (total === 0) return { rows: [], total, page: shown, pageCount };
  const rows = await db
    .select()
    .from(questions)
    .where(where)
    .orderBy(...bankOrderBy(order, order === 'text' ? sentenceOrder : []))
    .limit(pageSize)
    .offset((shown - 1) * pageSize);
  return { rows, total, page: shown, pageCount };
}

/**
 * What the bank page says about the whole bank besides its current page: questions per status,
 * approved questions per skill (to build a quiz by rule), the concepts in use, and the approved
 * questions' prompts (to build a quiz by picking).
 */
export async function bankOverview({
  readingId,
  ownerId = null,
}: {
  readingId: string;
  ownerId?: string | null;
}) {
  const db = await getDb();
  const where = inBank(readingId, ownerId);
  const byStatus = await db
    .select({ status: questions.status, n: count() })
    .from(questions)
    .where(where)
    .groupBy(questions.status);
  const approvedBySkill = await db
    .select({ skill: questions.skill, n: count() })
    .from(questions)
    .where(and(where, eq(questions.status, 'approved')))
    .groupBy(questions.skill);
  const concepts = await db
    .selectDistinct({ concept: sql<string>`jsonb_array_elements_text(${questions.data}->'concepts')` })
    .from(questions)
    .where(where);
  const approved = await db
    .select({
      id: questions.id,
      type: questions.type,
      skill: questions.skill,
      prompt: sql<string>`${questions.data}->>'prompt'`,
    })
    .from(questions)
    .where(and(where, eq(questions.status, 'approved')))
    .orderBy(asc(questions.source), asc(questions.id));
  return {
    byStatus: Object.fromEntries(byStatus.map((r) => [r.status, r.n])) as Partial<
      Record<QuestionRow['status'], number>
    >,
    approvedBySkill: Object.fromEntries(approvedBySkill.map((r) => [r.skill, r.n])) as Partial<
      Record<QuestionRow['skill'], number>
    >,
    concepts: concepts.map((r) => r.concept).sort((a, b) => a.localeCompare(b)),
    approved,
  };
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
