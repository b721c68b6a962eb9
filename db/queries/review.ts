import 'server-only';
import { and, asc, count, countDistinct, desc, eq, gte, inArray, lt, lte, not, or, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import {
  type Attempt,
  attemptResponses,
  attempts,
  glossaryTerms,
  questions,
  type ReviewCard,
  readingProgress,
  readings,
  reviewCards,
  reviewLogs,
  type SchedulingFields,
  users,
} from '@/db/schema';

/** Question cards for a student (missed or flagged questions); a question already in review is left as it is. */
export async function addQuestionCards({
  userId,
  cards,
  fields,
}: {
  userId: string;
  cards: { questionId: string; readingId: string; reason: 'missed' | 'flagged' }[];
  /** A new card's schedule (lib/srs/schedule.ts: newCardFields). */
  fields: SchedulingFields;
}): Promise<number> {
  if (cards.length === 0) return 0;
  const db = await getDb();
  const added = await db
    .insert(reviewCards)
    .values(cards.map((c) => ({ ...c, userId, ...fields })))
    .onConflictDoNothing()
    .returning({ id: reviewCards.id });
  return added.length;
}

/**
 * A student's submitted attempts with flagged questions that are not review cards yet, each with
 * those questions: the flags of an attempt whose feedback was held at submission wait here until
 * it is released (lib/quiz/attempts.ts: cardReleasedFlags).
 */
export async function attemptsWithUncardedFlags({
  userId,
}: {
  userId: string;
}): Promise<{ attempt: Attempt; questionIds: string[] }[]> {
  const db = await getDb();
  const rows = await db
    .select({ attempt: attempts, questionId: attemptResponses.questionId })
    .from(attemptResponses)
    .innerJoin(attempts, eq(attempts.id, attemptResponses.attemptId))
    .leftJoin(
      reviewCards,
      and(eq(reviewCards.userId, attempts.userId), eq(reviewCards.questionId, attemptResponses.questionId)),
    )
    .where(
      and(
        eq(attempts.userId, userId),
        eq(attempts.status, 'submitted'),
        eq(attemptResponses.flagged, true),
        sql`${reviewCards.id} is null`,
      ),
    );
  const byAttempt = new Map<string, { attempt: Attempt; questionIds: string[] }>();
  for (const { attempt, questionId } of rows) {
    const entry = byAttempt.get(attempt.id) ?? { attempt, questionIds: [] };
    entry.questionIds.push(questionId);
    byAttempt.set(attempt.id, entry);
  }
  return [...byAttempt.values()];
}

export async function listCardQuestionIds({
  userId,
  questionIds,
}: {
  userId: string;
  questionIds: string[];
}) {
  if (questionIds.length === 0) return new Set<string>();
  const db = await getDb();
  const rows = await db
    .select({ questionId: reviewCards.questionId })
    .from(reviewCards)
    .where(and(eq(reviewCards.userId, userId), inArray(reviewCards.questionId, questionIds)));
  return new Set(rows.flatMap((r) => (r.questionId ? [r.questionId] : [])));
}

/**
 * Flashcards for the glossary terms of the readings a student has opened (of one reading when
 * `readingId` is given); terms that already have a card are left alone.
 */
export async function ensureGlossaryCards({
  userId,
  readingId,
  fields,
}: {
  userId: string;
  readingId?: string;
  /** A new card's schedule (lib/srs/schedule.ts: newCardFields). */
  fields: SchedulingFields;
}) {
  const db = await getDb();
  const terms = await db
    .select({ id: glossaryTerms.id, readingId: glossaryTerms.readingId })
    .from(glossaryTerms)
    .innerJoin(
      readingProgress,
      and(eq(readingProgress.readingId, glossaryTerms.readingId), eq(readingProgress.userId, userId)),
    )
    .where(readingId ? eq(glossaryTerms.readingId, readingId) : undefined);
  if (terms.length === 0) return 0;
  const added = await db
    .insert(reviewCards)
    .values(
      terms.map((t) => ({
        userId,
        readingId: t.readingId,
        glossaryTermId: t.id,
        reason: 'glossary' as const,
        ...fields,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: reviewCards.id });
  return added.length;
}

export type QueueItem = ReviewCard & {
  question: (typeof questions.$inferSelect)['data'] | null;
  term: { term: string; definition: string } | null;
};

/**
 * A card comes back while what it asks still reaches students: a flashcard, or a question card
 * whose question is approved (lib/server/policy.ts: questionReachesStudents). Retired questions stop.
 */
const cardStillReviewed = sql`(${reviewCards.questionId} is null or ${questions.status} = 'approved')`;

/** When a card counts as due: the moment, and the start and end of the student's own day. */
export type DueWindow = { now: Date; startOfDay: Date; endOfDay: Date };

/**
 * Due for review, as Anki counts "due today": a card in its learning steps when its minute comes;
 * a card in review (FSRS state 2) for the whole of the student's day, so one reviewed in the
 * evening is due again the next morning, not at that evening hour.
 */
const isDue = ({ now, endOfDay }: DueWindow) =>
  or(lte(reviewCards.due, now), and(eq(reviewCards.state, 2), lt(reviewCards.due, endOfDay)));

/** A glossary flashcard never reviewed yet (FSRS state 0): what the daily limit counts. */
const isNewGlossaryCard = sql`(${reviewCards.reason} = 'glossary' and ${reviewCards.state} = 0)`;

/**
 * The student's limit on new glossary cards, as Anki's "new cards/day": how many they may begin a
 * day (users.new_glossary_cards_per_day), how many they have begun since the start of their own
 * day (a first review, logged from state 0), and so how many more today may bring. Question cards
 * are not limited: each one is a question the student missed or flagged, and they asked for it back.
 */
export async function newGlossaryCardsToday({ userId, window }: { userId: string; window: DueWindow }) {
  const db = await getDb();
  const begun = db
    .select({ n: countDistinct(reviewLogs.cardId) })
    .from(reviewLogs)
    .innerJoin(reviewCards, eq(reviewCards.id, reviewLogs.cardId))
    .where(
      and(
        eq(reviewLogs.userId, userId),
        eq(reviewLogs.state, 0),
        eq(reviewCards.reason, 'glossary'),
        gte(reviewLogs.reviewedAt, window.startOfDay),
      ),
    );
  // One statement: the limit, and the count as a scalar subquery beside it.
  const [row] = await db
    .select({ perDay: users.newGlossaryCardsPerDay, begunToday: sql<number>`(${begun})`.mapWith(Number) })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  const perDay = row?.perDay ?? 0;
  const begunToday = row?.begunToday ?? 0;
  return { perDay, begunToday, left: Math.max(0, perDay - begunToday) };
}

/**
 * Cards due, oldest first: question cards before flashcards on the same day. New glossary cards
 * come in only up to what the student's daily limit leaves today (newGlossaryCardsToday); the rest
 * wait, due, for a later day.
 */
export async function dueCards({
  userId,
  window,
  limit = 50,
  newGlossaryLeft,
}: {
  userId: string;
  window: DueWindow;
  limit?: number;
  /** What today's limit leaves (newGlossaryCardsToday), when the caller has it already. */
  newGlossaryLeft?: number;
}): Promise<QueueItem[]> {
  const db = await getDb();
  const base = and(eq(reviewCards.userId, userId), isDue(window), cardStillReviewed);
  const left = newGlossaryLeft ?? (await newGlossaryCardsToday({ userId, window })).left;
  const select = () =>
    db
      .select({
        card: reviewCards,
        question: questions.data,
        term: glossaryTerms.term,
        definition: glossaryTerms.definition,
      })
      .from(reviewCards)
      .leftJoin(questions, eq(questions.id, reviewCards.questionId))
      .leftJoin(glossaryTerms, eq(glossaryTerms.id, reviewCards.glossaryTermId));
  const order = [asc(reviewCards.due), asc(reviewCards.createdAt), asc(reviewCards.id)];
  const [begun, fresh] = await Promise.all([
    select()
      .where(and(base, not(isNewGlossaryCard)))
      .orderBy(...order)
      .limit(limit),
    left > 0
      ? select()
          .where(and(base, isNewGlossaryCard))
          .orderBy(...order)
          .limit(Math.min(left, limit))
      : Promise.resolve([]),
  ]);
  const byDue = (a: ReviewCard, b: ReviewCard) =>
    a.due.getTime() - b.due.getTime() ||
    a.createdAt.getTime() - b.createdAt.getTime() ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return [...begun, ...fresh]
    .sort((a, b) => byDue(a.card, b.card))
    .slice(0, limit)
    .map((r) => ({
      ...r.card,
      question: r.question,
      term: r.term && r.definition ? { term: r.term, definition: r.definition } : null,
    }));
}

/** Cards due now: those begun, and new glossary cards (before the daily limit). */
async function dueCounts({ userId, window }: { userId: string; window: DueWindow }) {
  const db = await getDb();
  const [row] = await db
    .select({
      begun: sql<number>`count(*) filter (where not (${isNewGlossaryCard}))`.mapWith(Number),
      fresh: sql<number>`count(*) filter (where ${isNewGlossaryCard})`.mapWith(Number),
    })
    .from(reviewCards)
    .leftJoin(questions, eq(questions.id, reviewCards.questionId))
    .where(and(eq(reviewCards.userId, userId), isDue(window), cardStillReviewed));
  return { begun: row?.begun ?? 0, fresh: row?.fresh ?? 0 };
}

/** How many cards are due now, with new glossary cards counted up to what today's limit leaves. */
export async function countDue({ userId, window }: { userId: string; window: DueWindow }) {
  const [counts, today] = await Promise.all([
    dueCounts({ userId, window }),
    newGlossaryCardsToday({ userId, window }),
  ]);
  return counts.begun + Math.min(today.left, counts.fresh);
}

/**
 * The review page's day: the queue, the daily limit's figures, and how many new glossary cards
 * the limit holds back for later days (the limit read once for all three).
 */
export async function reviewToday({
  userId,
  window,
  limit,
}: {
  userId: string;
  window: DueWindow;
  limit: number;
}) {
  const today = await newGlossaryCardsToday({ userId, window });
  const [queue, counts] = await Promise.all([
    dueCards({ userId, window, limit, newGlossaryLeft: today.left }),
    dueCounts({ userId, window }),
  ]);
  return { queue, today, waiting: Math.max(0, counts.fresh - today.left) };
}

export async function getCard({ cardId }: { cardId: string }) {
  const db = await getDb();
  const [row] = await db.select().from(reviewCards).where(eq(reviewCards.id, cardId)).limit(1);
  return row ?? null;
}

/** Stores a review: the card's new schedule and a log line, together. */
export async function recordReview({
  card,
  fields,
  log,
}: {
  card: ReviewCard;
  fields: SchedulingFields;
  log: {
    rating: number;
    state: number;
    scheduledDays: number;
    score: number | null;
    durationMs: number | null;
    reviewedAt: Date;
  };
}) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.update(reviewCards).set(fields).where(eq(reviewCards.id, card.id));
    await tx.insert(reviewLogs).values({ cardId: card.id, userId: card.userId, ...log });
  });
}

/** Days (UTC) on which the student reviewed, newest first, and how reviews went in a window. */
/** Review counts since a moment, and the days (in the student's time zone) they reviewed on. */
export async function reviewHistory({
  userId,
  since,
  timeZone,
}: {
  userId: string;
  since: Date;
  timeZone: string;
}) {
  const db = await getDb();
  const days = await db
    .selectDistinct({
      day: sql<string>`to_char(${reviewLogs.reviewedAt} at time zone ${timeZone}, 'YYYY-MM-DD')`,
    })
    .from(reviewLogs)
    .where(eq(reviewLogs.userId, userId))
    .orderBy(desc(sql`1`))
    .limit(400);
  const [window] = await db
    .select({
      reviews: count(),
      recalled:
        sql<number>`count(*) filter (where ${reviewLogs.rating} >= 2 and ${reviewLogs.state} = 2)`.mapWith(
          Number,
        ),
      matured: sql<number>`count(*) filter (where ${reviewLogs.state} = 2)`.mapWith(Number),
    })
    .from(reviewLogs)
    .where(and(eq(reviewLogs.userId, userId), gte(reviewLogs.reviewedAt, since)));
  return { days: days.map((d) => d.day), ...(window ?? { reviews: 0, recalled: 0, matured: 0 }) };
}

/**
 * Every card of a student that still comes back (a flashcard, or a question still approved), with
 * what its note shows, for the Anki export; and the readings they come from, each read once.
 */
export async function listCardsForExport({ userId }: { userId: string }) {
  const db = await getDb();
  const cards = await db
    .select({
      id: reviewCards.id,
      readingId: reviewCards.readingId,
      createdAt: reviewCards.createdAt,
      question: questions.data,
      questionUpdatedAt: questions.updatedAt,
      term: glossaryTerms.term,
      definition: glossaryTerms.definition,
    })
    .from(reviewCards)
    .leftJoin(questions, eq(questions.id, reviewCards.questionId))
    .leftJoin(glossaryTerms, eq(glossaryTerms.id, reviewCards.glossaryTermId))
    .where(and(eq(reviewCards.userId, userId), cardStillReviewed))
    .orderBy(asc(reviewCards.createdAt), asc(reviewCards.id));
  const readingIds = [...new Set(cards.map((c) => c.readingId))];
  const sources =
    readingIds.length === 0
      ? []
      : await db
          .select({
            id: readings.id,
            slug: readings.slug,
            title: readings.title,
            paragraphs: readings.paragraphs,
            updatedAt: readings.updatedAt,
          })
          .from(readings)
          .where(inArray(readings.id, readingIds));
  return { cards, readings: sources };
}

/** How many of a student's cards the Anki export would hold (listCardsForExport's cards). */
export async function countCardsForExport({ userId }: { userId: string }) {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(reviewCards)
    .leftJoin(questions, eq(questions.id, reviewCards.questionId))
    .where(and(eq(reviewCards.userId, userId), cardStillReviewed));
  return row?.n ?? 0;
}
