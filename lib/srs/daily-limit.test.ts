import { beforeAll, describe, expect, it } from 'vitest';
import { getReadingBySlug, saveReadingProgress } from '@/db/queries/readings';
import {
  addQuestionCards,
  countDue,
  dueCards,
  ensureGlossaryCards,
  getCard,
  newGlossaryCardsToday,
  recordReview,
  reviewToday,
} from '@/db/queries/review';
import { insertUser, setNewGlossaryCardsPerDay } from '@/db/queries/users';
import type { Reading } from '@/db/schema';
import { setUpTestDatabase } from '@/db/test-database';
import { seedShippedReadings } from '@/lib/seed';
import { NEW_GLOSSARY_CARDS_PER_DAY, reviewDay } from './daily-limit';
import { applyRating, newCardFields } from './schedule';

setUpTestDatabase();

let reading: Reading;
let n = 0;

beforeAll(async () => {
  await seedShippedReadings();
  reading = (await getReadingBySlug({ slug: 'burns-lead-with-diplomacy' }))!;
});

/** A student who has opened the Burns reading: its 13 glossary terms are new flashcards, due from `since`. */
async function studentWithFlashcards(since: Date) {
  const user = (await insertUser({ email: `limit-${n++}@example.org`, name: 'Capped Student' }))!;
  await saveReadingProgress({
    userId: user.id,
    readingId: reading.id,
    lastParagraphId: 'p1',
    furthestParagraph: 1,
    sectionsRead: [],
    completed: false,
  });
  expect(await ensureGlossaryCards({ userId: user.id, fields: newCardFields(since) })).toBe(13);
  return user;
}

async function review(cardId: string, now: Date, rating: 'again' | 'good' = 'good') {
  const card = (await getCard({ cardId }))!;
  const { fields, log } = applyRating(card, rating, now);
  await recordReview({ card, fields, log: { ...log, score: null, durationMs: 5_000, reviewedAt: now } });
}

const newFlashcards = (queue: Awaited<ReturnType<typeof dueCards>>) =>
  queue.filter((c) => c.reason === 'glossary' && c.state === 0);

describe('the daily limit on new glossary cards', () => {
  it('is 20 by default, so a reading of 13 terms comes in whole', async () => {
    const now = new Date('2026-06-01T12:00:00Z');
    const user = await studentWithFlashcards(now);
    const window = reviewDay(now, 'UTC');
    expect(await newGlossaryCardsToday({ userId: user.id, window })).toEqual({
      perDay: NEW_GLOSSARY_CARDS_PER_DAY.default,
      begunToday: 0,
      left: 20,
    });
    expect(newFlashcards(await dueCards({ userId: user.id, window }))).toHaveLength(13);
  });

  it('lets in only what the limit leaves today, counting cards begun today, and never holds back a begun card', async () => {
    const morning = new Date('2026-06-01T08:00:00Z');
    const user = await studentWithFlashcards(morning);
    await setNewGlossaryCardsPerDay({ userId: user.id, perDay: 5 });
    const window = reviewDay(morning, 'UTC');
    const queue = await dueCards({ userId: user.id, window });
    expect(newFlashcards(queue)).toHaveLength(5);
    expect(await countDue({ userId: user.id, window })).toBe(5);
    expect((await reviewToday({ userId: user.id, window, limit: 50 })).waiting).toBe(8);

    // Three begun ("Again" keeps them in learning, due again in minutes): two new ones are left today.
    for (const card of queue.slice(0, 3)) await review(card.id, morning, 'again');
    const later = new Date(morning.getTime() + 30 * 60_000);
    const laterQueue = await dueCards({ userId: user.id, window: reviewDay(later, 'UTC') });
    expect(newFlashcards(laterQueue)).toHaveLength(2);
    // The begun cards come back whatever the limit says.
    expect(laterQueue.filter((c) => c.state !== 0).map((c) => c.id)).toEqual(
      expect.arrayContaining(queue.slice(0, 3).map((c) => c.id)),
    );
    expect(await countDue({ userId: user.id, window: reviewDay(later, 'UTC') })).toBe(5);

    // Lowering the limit below what was begun lets no new card in; the next day starts afresh.
    await setNewGlossaryCardsPerDay({ userId: user.id, perDay: 2 });
    expect(newFlashcards(await dueCards({ userId: user.id, window: reviewDay(later, 'UTC') }))).toEqual([]);
    const nextDay = new Date('2026-06-02T08:00:00Z');
    expect(
      newFlashcards(await dueCards({ userId: user.id, window: reviewDay(nextDay, 'UTC') })),
    ).toHaveLength(2);
  });

  it('counts the student’s own day: an afternoon in California does not end at midnight UTC', async () => {
    const zone = 'America/Los_Angeles';
    const afternoon = new Date('2026-06-01T23:30:00Z'); // 16:30 on 1 June in Los Angeles
    const user = await studentWithFlashcards(afternoon);
    await setNewGlossaryCardsPerDay({ userId: user.id, perDay: 3 });
    for (const card of newFlashcards(await dueCards({ userId: user.id, window: reviewDay(afternoon, zone) })))
      await review(card.id, afternoon);

    // An hour later it is 2 June in UTC, but still 1 June in Los Angeles: none left.
    const later = new Date('2026-06-02T00:30:00Z');
    expect(await newGlossaryCardsToday({ userId: user.id, window: reviewDay(later, zone) })).toEqual({
      perDay: 3,
      begunToday: 3,
      left: 0,
    });
    expect(newFlashcards(await dueCards({ userId: user.id, window: reviewDay(later, zone) }))).toEqual([]);
    // Counted in UTC, the same moment would wrongly be a new day with three more.
    expect(newFlashcards(await dueCards({ userId: user.id, window: reviewDay(later, 'UTC') }))).toHaveLength(
      3,
    );
    // The next morning in Los Angeles brings three more.
    const morning = new Date('2026-06-02T15:00:00Z'); // 08:00 on 2 June in Los Angeles
    expect(newFlashcards(await dueCards({ userId: user.id, window: reviewDay(morning, zone) }))).toHaveLength(
      3,
    );
  });

  it('limits glossary cards only: a missed question comes back with the limit at 0', async () => {
    const now = new Date('2026-06-01T12:00:00Z');
    const user = await studentWithFlashcards(now);
    await setNewGlossaryCardsPerDay({ userId: user.id, perDay: 0 });
    await addQuestionCards({
      userId: user.id,
      cards: [{ questionId: 'burns-tf-expulsions', readingId: reading.id, reason: 'missed' }],
      fields: newCardFields(now),
    });
    const window = reviewDay(now, 'UTC');
    expect((await dueCards({ userId: user.id, window })).map((c) => c.questionId)).toEqual([
      'burns-tf-expulsions',
    ]);
    expect(await countDue({ userId: user.id, window })).toBe(1);
    expect((await reviewToday({ userId: user.id, window, limit: 50 })).waiting).toBe(13);
  });
});
