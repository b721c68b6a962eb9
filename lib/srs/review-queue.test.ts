import { beforeAll, describe, expect, it } from 'vitest';
import { getDefaultQuiz } from '@/db/queries/quizzes';
import { getReadingBySlug, saveReadingProgress } from '@/db/queries/readings';
import { addQuestionCards, dueCards, ensureGlossaryCards, getCard, recordReview } from '@/db/queries/review';
import { insertUser } from '@/db/queries/users';
import type { Quiz, Reading } from '@/db/schema';
import { setUpTestDatabase } from '@/db/test-database';
import { saveAnswer, startOrResumeAttempt, submitAttempt } from '@/lib/quiz/attempts';
import { seedShippedReadings } from '@/lib/seed';
import { endOfDay, startOfDay } from '@/lib/time';
import { applyRating, newCardFields } from './schedule';
import { studentProgress } from './student-progress';

setUpTestDatabase();

const DAY = 86_400_000;
let reading: Reading;
let quiz: Quiz;
let n = 0;

beforeAll(async () => {
  await seedShippedReadings();
  reading = (await getReadingBySlug({ slug: 'burns-lead-with-diplomacy' }))!;
  quiz = (await getDefaultQuiz({ readingId: reading.id }))!;
});

const student = async () => (await insertUser({ email: `srs-${n++}@example.org`, name: 'SRS Student' }))!;

async function review(
  cardId: string,
  rating: 'again' | 'hard' | 'good' | 'easy',
  now: Date,
  score: number | null = 1,
) {
  const card = (await getCard({ cardId }))!;
  const { fields, log } = applyRating(card, rating, now);
  await recordReview({ card, fields, log: { ...log, score, durationMs: 10_000, reviewedAt: now } });
}

describe('the review queue', () => {
  it('puts missed quiz questions in tomorrow’s queue, moves them out when reviewed well, and brings a lapse back', async () => {
    const user = await student();
    const today = new Date('2026-04-01T10:00:00Z');
    const started = await startOrResumeAttempt({ quizId: quiz.id, userId: user.id, now: today });
    if (started.status !== 'ok') throw new Error(started.message);
    // Answer one question wrongly and flag another.
    await saveAnswer({
      session: 'checked',
      attemptId: started.data.attempt.id,
      userId: user.id,
      questionId: 'burns-tf-expulsions',
      response: { type: 'true-false', value: false },
      flagged: false,
      confidence: null,
      clientSeq: 1,
      now: today,
    });
    await saveAnswer({
      session: 'checked',
      attemptId: started.data.attempt.id,
      userId: user.id,
      questionId: 'burns-main-argument',
      response: null,
      flagged: true,
      confidence: null,
      clientSeq: 2,
      now: today,
    });
    await submitAttempt({ attemptId: started.data.attempt.id, userId: user.id, now: today });
    await addQuestionCards({
      userId: user.id,
      cards: [{ questionId: 'burns-tf-expulsions', readingId: reading.id, reason: 'missed' }],
      fields: newCardFields(today),
    });

    const tomorrow = new Date(today.getTime() + DAY);
    const queue = await dueCards({
      userId: user.id,
      window: { now: tomorrow, startOfDay: tomorrow, endOfDay: tomorrow },
    });
    expect(queue.map((c) => [c.questionId, c.reason]).sort()).toEqual([
      ['burns-main-argument', 'flagged'],
      ['burns-tf-expulsions', 'missed'],
    ]);

    const missed = queue.find((c) => c.questionId === 'burns-tf-expulsions')!;
    await review(missed.id, 'good', tomorrow);
    await review(queue.find((c) => c.questionId === 'burns-main-argument')!.id, 'again', tomorrow, 0);
    // "Again" brings a card back within minutes; "Good" on a new card waits for the next learning step.
    const after = await dueCards({
      userId: user.id,
      window: {
        now: new Date(tomorrow.getTime() + 5 * 60_000),
        startOfDay: new Date(tomorrow.getTime() + 5 * 60_000),
        endOfDay: new Date(tomorrow.getTime() + 5 * 60_000),
      },
    });
    expect(after.map((c) => c.questionId)).toEqual(['burns-main-argument']);
    const card = (await getCard({ cardId: missed.id }))!;
    expect(card.due.getTime()).toBeGreaterThan(tomorrow.getTime());
    expect(card.reps).toBe(1);
  });

  it('makes flashcards of the glossary terms of readings the student has opened', async () => {
    const user = await student();
    expect(await ensureGlossaryCards({ userId: user.id, fields: newCardFields(new Date()) })).toBe(0);
    await saveReadingProgress({
      userId: user.id,
      readingId: reading.id,
      lastParagraphId: 'p2',
      furthestParagraph: 2,
      sectionsRead: [],
      completed: false,
    });
    const added = await ensureGlossaryCards({ userId: user.id, fields: newCardFields(new Date()) });
    expect(added).toBe(13);
    expect(await ensureGlossaryCards({ userId: user.id, fields: newCardFields(new Date()) })).toBe(0);
    const queue = await dueCards({
      userId: user.id,
      window: { now: new Date(), startOfDay: new Date(), endOfDay: new Date() },
    });
    expect(queue.filter((c) => c.term).map((c) => c.term!.term)).toContain('revanchism');
  });
});

describe('progress figures from a seeded history', () => {
  it('shows mastery, quiz scores, streak and retention, and they change after reviews', async () => {
    const user = await student();
    const day1 = new Date('2026-05-01T09:00:00Z');
    const started = await startOrResumeAttempt({ quizId: quiz.id, userId: user.id, now: day1 });
    if (started.status !== 'ok') throw new Error(started.message);
    await saveAnswer({
      session: 'checked',
      attemptId: started.data.attempt.id,
      userId: user.id,
      questionId: 'burns-tf-expulsions',
      response: { type: 'true-false', value: false },
      flagged: false,
      confidence: null,
      clientSeq: 1,
      now: day1,
    });
    await submitAttempt({ attemptId: started.data.attempt.id, userId: user.id, now: day1 });

    const before = await studentProgress(user.id, 'UTC', day1);
    expect(before.quizScores).toHaveLength(1);
    const context = before.bySkill.find((s) => s.label === 'context')!;
    expect(context.mastery).toBe(0);
    expect(before.streak).toBe(0);

    await addQuestionCards({
      userId: user.id,
      cards: [{ questionId: 'burns-tf-expulsions', readingId: reading.id, reason: 'missed' }],
      fields: newCardFields(day1),
    });
    const [card] = await dueCards({
      userId: user.id,
      window: { now: day1, startOfDay: day1, endOfDay: day1 },
    });
    const day2 = new Date(day1.getTime() + DAY);
    await review(card!.id, 'good', day2, 1);
    const after = await studentProgress(user.id, 'UTC', day2);
    expect(after.bySkill.find((s) => s.label === 'context')!.mastery).toBeGreaterThan(context.mastery);
    expect(after.streak).toBe(1);
    expect(after.advice.length).toBeGreaterThan(20);
  });
});

describe('days in the student’s own time zone', () => {
  it('counts an evening review in California for that day, and a review card due this afternoon as due this morning', async () => {
    const user = await student();
    const zone = 'America/Los_Angeles';
    const afternoon = new Date('2026-06-01T15:00:00Z');
    await addQuestionCards({
      userId: user.id,
      cards: [{ questionId: 'burns-tf-expulsions', readingId: reading.id, reason: 'missed' }],
      fields: newCardFields(afternoon),
    });
    const [card] = await dueCards({
      userId: user.id,
      window: { now: afternoon, startOfDay: afternoon, endOfDay: endOfDay(afternoon, zone) },
    });
    // 22:30 on 1 June in Los Angeles is 05:30 on 2 June in UTC.
    const evening = new Date('2026-06-02T05:30:00Z');
    await review(card!.id, 'good', evening);
    await review(card!.id, 'good', new Date(evening.getTime() + 10 * 60_000));
    const inLosAngeles = await studentProgress(user.id, zone, evening);
    const inUtc = await studentProgress(user.id, 'UTC', evening);
    expect(inLosAngeles.streak).toBe(1);
    expect(inUtc.streak).toBe(1);
    // The next morning in Los Angeles is still "2 June" in UTC but a new day there: yesterday's review keeps the streak.
    const morning = new Date('2026-06-02T15:00:00Z'); // 08:00 on 2 June in Los Angeles
    expect((await studentProgress(user.id, zone, morning)).streak).toBe(1);
    // A day later the review was two Los Angeles days ago (the streak is over) but only one UTC day ago.
    const dayAfter = new Date('2026-06-03T15:00:00Z');
    expect((await studentProgress(user.id, zone, dayAfter)).streak).toBe(0);
    expect((await studentProgress(user.id, 'UTC', dayAfter)).streak).toBe(1);

    // A card in review that falls due later in the student's day is due today, not hours from now.
    const reviewed = (await getCard({ cardId: card!.id }))!;
    expect(reviewed.state).toBe(2);
    const earlyThatDay = new Date(startOfDay(reviewed.due, zone).getTime() + 60_000);
    expect(reviewed.due.getTime()).toBeGreaterThan(earlyThatDay.getTime() + 3_600_000);
    const window = { now: earlyThatDay, startOfDay: earlyThatDay, endOfDay: endOfDay(earlyThatDay, zone) };
    expect((await dueCards({ userId: user.id, window })).map((c) => c.id)).toContain(card!.id);
    expect(
      (
        await dueCards({
          userId: user.id,
          window: { now: earlyThatDay, startOfDay: earlyThatDay, endOfDay: earlyThatDay },
        })
      ).map((c) => c.id),
    ).not.toContain(card!.id);
  });
});

/** The first moment of the day `date` falls on in `zone`. */
