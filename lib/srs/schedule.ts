import { type Card, createEmptyCard, fsrs, type Grade, generatorParameters, Rating, State } from 'ts-fsrs';
import type { SchedulingFields } from '@/db/schema';

/**
 * FSRS through ts-fsrs with its default parameters (90% target retention). Fuzz is off so the
 * same history always gives the same schedule, which tests and students can both rely on.
 */
const scheduler = fsrs(generatorParameters({ enable_fuzz: false, request_retention: 0.9 }));

export const RATINGS = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
} as const;
export type RatingName = keyof typeof RATINGS;

/** A new card, due now. */
export function newCardFields(now: Date): SchedulingFields {
  return fromCard(createEmptyCard(now));
}

function toCard(row: SchedulingFields): Card {
  return {
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsed_days: row.elapsedDays,
    scheduled_days: row.scheduledDays,
    learning_steps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state as State,
    last_review: row.lastReview ?? undefined,
  };
}

function fromCard(card: Card): SchedulingFields {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ?? null,
  };
}

/** The card after a review with this rating, and what the log records. */
export function applyRating(row: SchedulingFields, rating: RatingName, now: Date) {
  const result = scheduler.next(toCard(row), now, RATINGS[rating] as Grade);
  return {
    fields: fromCard(result.card),
    log: { rating: result.log.rating, state: result.log.state, scheduledDays: result.card.scheduled_days },
  };
}

/** When each rating would bring the card back, for the buttons ("Good · 3 days"). */
export function previewIntervals(row: SchedulingFields, now: Date): Record<RatingName, Date> {
  const preview = scheduler.repeat(toCard(row), now);
  return {
    again: preview[Rating.Again].card.due,
    hard: preview[Rating.Hard].card.due,
    good: preview[Rating.Good].card.due,
    easy: preview[Rating.Easy].card.due,
  };
}

/**
 * The rating to suggest from how the answer went: wrong is Again, partly right is Hard, right
 * is Good, and right quickly (under 15 seconds, or 40 for free text) is Easy.
 */
export function suggestedRating(score: number, durationMs: number, freeText: boolean): RatingName {
  if (score < 0.5) return 'again';
  if (score < 0.999) return 'hard';
  return durationMs < (freeText ? 40_000 : 15_000) ? 'easy' : 'good';
}

export { State };
