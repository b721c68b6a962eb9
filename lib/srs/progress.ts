/** A student's progress figures, from their history (pure functions: the queries feed them). */

export type ScoredAnswer = { questionId: string; score: number; at: Date };
export type Mastery = { label: string; questions: number; mastery: number }[];

/** The latest answer to each question: what the student knows now, not what they once got wrong. */
export function latestByQuestion(answers: ScoredAnswer[]): Map<string, ScoredAnswer> {
  const latest = new Map<string, ScoredAnswer>();
  for (const a of answers) {
    const seen = latest.get(a.questionId);
    if (!seen || seen.at.getTime() < a.at.getTime()) latest.set(a.questionId, a);
  }
  return latest;
}

/** Mastery by skill and by concept: the average latest score of the questions tagged with it. */
export function masteryBy(
  latest: Map<string, ScoredAnswer>,
  tags: Map<string, { skill: string; concepts: string[] }>,
): { bySkill: Mastery; byConcept: Mastery } {
  const group = (keysOf: (t: { skill: string; concepts: string[] }) => string[]) => {
    const scores = new Map<string, number[]>();
    for (const [questionId, answer] of latest) {
      const t = tags.get(questionId);
      if (!t) continue;
      for (const key of keysOf(t)) scores.set(key, [...(scores.get(key) ?? []), answer.score]);
    }
    return [...scores.entries()]
      .map(([label, s]) => ({ label, questions: s.length, mastery: s.reduce((a, b) => a + b, 0) / s.length }))
      .sort((a, b) => a.mastery - b.mastery || b.questions - a.questions || a.label.localeCompare(b.label));
  };
  return { bySkill: group((t) => [t.skill]), byConcept: group((t) => t.concepts) };
}

/**
 * Consecutive days with a review, counting back from today (or from yesterday, if today has none
 * yet). Days are calendar days ("2026-12-04") in the student's own time zone.
 */
export function reviewStreak(daysWithReviews: string[], today: string): number {
  const days = new Set(daysWithReviews);
  // Stepping back a day on the calendar: plain date arithmetic on the day's own numbers.
  const cursor = new Date(`${today}T12:00:00Z`);
  const key = () => cursor.toISOString().slice(0, 10);
  if (!days.has(key())) cursor.setUTCDate(cursor.getUTCDate() - 1);
  let streak = 0;
  while (days.has(key())) {
    streak += 1;
    cursor.setUTCDate(cursor.getUTCDate() - 1);
  }
  return streak;
}

/** Skills as the advice names them inside a sentence ("practise choosing evidence"). */
const SKILL_PHRASES: Record<string, string> = {
  'main-idea': 'finding the main idea',
  'claim-and-reason': 'connecting claims to reasons',
  evidence: 'choosing evidence',
  'cause-and-effect': 'cause and effect',
  vocabulary: 'vocabulary',
  context: 'historical context',
  inference: 'inference',
};

/** What to do next, in words, from the figures. */
export function nextStepAdvice({
  due,
  bySkill,
  byConcept,
  readingsInProgress,
}: {
  due: number;
  bySkill: Mastery;
  byConcept: Mastery;
  readingsInProgress: string[];
}): string {
  const weakSkill = bySkill.find((s) => s.questions >= 2 && s.mastery < 0.7);
  const weakConcept = byConcept.find((c) => c.questions >= 2 && c.mastery < 0.7);
  const parts: string[] = [];
  if (due > 0) parts.push(`Start with your ${due} review card${due === 1 ? '' : 's'} due today.`);
  if (weakSkill) {
    parts.push(
      `Your weakest skill is ${SKILL_PHRASES[weakSkill.label] ?? weakSkill.label} (${Math.round(weakSkill.mastery * 100)}% over ${weakSkill.questions} questions): practise it next.`,
    );
  }
  if (weakConcept && weakConcept.label !== weakSkill?.label) {
    parts.push(`Revisit what the readings say about ${weakConcept.label}.`);
  }
  if (readingsInProgress[0]) parts.push(`Finish “${readingsInProgress[0]}”.`);
  if (parts.length === 0) {
    return bySkill.length === 0
      ? 'Read an essay and take its quiz: your progress will show here.'
      : 'You are on top of everything so far: start a new reading or practise at random.';
  }
  return parts.join(' ');
}
