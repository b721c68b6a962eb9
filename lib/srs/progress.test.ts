import { describe, expect, it } from 'vitest';
import { latestByQuestion, masteryBy, nextStepAdvice, reviewStreak } from './progress';

const at = (iso: string) => new Date(iso);

describe('progress figures', () => {
  it('counts what a student knows now: the latest answer to each question', () => {
    const latest = latestByQuestion([
      { questionId: 'q1', score: 0, at: at('2026-01-01') },
      { questionId: 'q1', score: 1, at: at('2026-01-03') },
      { questionId: 'q2', score: 0.5, at: at('2026-01-02') },
    ]);
    expect(latest.get('q1')?.score).toBe(1);
    const tags = new Map([
      ['q1', { skill: 'evidence', concepts: ['sanctions'] }],
      ['q2', { skill: 'evidence', concepts: ['sanctions', 'coalitions'] }],
    ]);
    const { bySkill, byConcept } = masteryBy(latest, tags);
    expect(bySkill).toEqual([{ label: 'evidence', questions: 2, mastery: 0.75 }]);
    expect(byConcept).toEqual([
      { label: 'coalitions', questions: 1, mastery: 0.5 },
      { label: 'sanctions', questions: 2, mastery: 0.75 },
    ]);
  });

  it('counts a streak back from today, or from yesterday before today’s review', () => {
    const days = ['2026-03-10', '2026-03-09', '2026-03-08', '2026-03-05'];
    expect(reviewStreak(days, '2026-03-10')).toBe(3);
    expect(reviewStreak(days, '2026-03-11')).toBe(3);
    expect(reviewStreak(days, '2026-03-12')).toBe(0);
    // Across a month's end.
    expect(reviewStreak(['2026-03-01', '2026-02-28', '2026-02-27'], '2026-03-01')).toBe(3);
  });

  it('says what to work on next', () => {
    const advice = nextStepAdvice({
      due: 3,
      bySkill: [{ label: 'inference', questions: 4, mastery: 0.4 }],
      byConcept: [{ label: 'sanctions', questions: 3, mastery: 0.5 }],
      readingsInProgress: ['Lead with Diplomacy'],
    });
    expect(advice).toMatch(/3 review cards due today/);
    expect(advice).toMatch(/weakest skill is inference \(40% over 4 questions\)/);
    expect(advice).toMatch(/sanctions/);
    expect(nextStepAdvice({ due: 0, bySkill: [], byConcept: [], readingsInProgress: [] })).toMatch(
      /Read an essay/,
    );
  });
});
