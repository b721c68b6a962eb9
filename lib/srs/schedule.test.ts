import { describe, expect, it } from 'vitest';
import { applyRating, newCardFields, previewIntervals, State, suggestedRating } from './schedule';

const day = 86_400_000;
const t0 = new Date('2026-02-01T09:00:00Z');

describe('scheduling with FSRS (ts-fsrs)', () => {
  it('brings a card answered well back later and later', () => {
    let card = newCardFields(t0);
    expect(card.due.getTime()).toBe(t0.getTime());
    let now = t0;
    const gaps: number[] = [];
    for (let i = 0; i < 5; i++) {
      const next = applyRating(card, 'good', now);
      gaps.push(next.fields.due.getTime() - now.getTime());
      card = next.fields;
      now = card.due;
    }
    for (let i = 2; i < gaps.length; i++) expect(gaps[i]!).toBeGreaterThan(gaps[i - 1]!);
    expect(gaps.at(-1)!).toBeGreaterThan(7 * day);
    expect(card.state).toBe(State.Review);
  });

  it('brings a lapsed card back soon and counts the lapse', () => {
    let card = newCardFields(t0);
    let now = t0;
    for (let i = 0; i < 4; i++) {
      card = applyRating(card, 'good', now).fields;
      now = card.due;
    }
    const interval = card.scheduledDays;
    const lapse = applyRating(card, 'again', now);
    expect(lapse.fields.lapses).toBe(1);
    expect(lapse.fields.state).toBe(State.Relearning);
    expect(lapse.fields.due.getTime() - now.getTime()).toBeLessThan(day);
    expect(interval).toBeGreaterThan(1);
  });

  it('orders the four ratings: Again soonest, Easy latest', () => {
    const card = applyRating(newCardFields(t0), 'good', t0).fields;
    const when = previewIntervals(card, card.due);
    expect(when.again.getTime()).toBeLessThan(when.hard.getTime());
    expect(when.hard.getTime()).toBeLessThanOrEqual(when.good.getTime());
    expect(when.good.getTime()).toBeLessThan(when.easy.getTime());
  });

  it('suggests a rating from correctness and time', () => {
    expect(suggestedRating(0, 5_000, false)).toBe('again');
    expect(suggestedRating(0.6, 5_000, false)).toBe('hard');
    expect(suggestedRating(1, 30_000, false)).toBe('good');
    expect(suggestedRating(1, 8_000, false)).toBe('easy');
    expect(suggestedRating(1, 30_000, true)).toBe('easy');
  });
});
