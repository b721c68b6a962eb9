import type { QuizSettings } from '@/db/schema';
import type { Question } from '@/questions/schema';
import { seededShuffle } from './shuffle';

/**
 * Picks questions by rule: so many per skill, from the approved ones, varied in type, the same
 * pick for the same seed. Answers the ids, or a message naming a skill that has too few.
 */
export function pickByRule(
  approved: Question[],
  perSkill: Partial<Record<Question['skill'], number>>,
  seed: string,
): { ok: true; questionIds: string[] } | { ok: false; message: string } {
  const picked: string[] = [];
  for (const [skill, wanted] of Object.entries(perSkill)) {
    if (!wanted) continue;
    const pool = approved.filter((q) => q.skill === skill);
    if (pool.length < wanted)
      return {
        ok: false,
        message: `Only ${pool.length} approved ${skill} question(s); you asked for ${wanted}.`,
      };
    // Round-robin over types so a skill's share is not all one kind of question.
    const byType = new Map<string, Question[]>();
    for (const q of seededShuffle(pool, `${seed}:${skill}`))
      byType.set(q.type, [...(byType.get(q.type) ?? []), q]);
    const queues = [...byType.values()];
    while (picked.filter((id) => pool.some((q) => q.id === id)).length < wanted) {
      for (const queue of queues) {
        const next = queue.shift();
        if (next && picked.filter((id) => pool.some((q) => q.id === id)).length < wanted)
          picked.push(next.id);
      }
    }
  }
  return picked.length
    ? { ok: true, questionIds: picked }
    : { ok: false, message: 'Ask for at least one question.' };
}

/** A quiz an instructor builds or imports starts with these; an assignment can override most. */
export const DEFAULT_QUIZ_SETTINGS: Readonly<QuizSettings> = {
  shuffleQuestions: false,
  shuffleOptions: true,
  attemptsAllowed: null,
  timeLimitMinutes: null,
  passMark: 70,
  feedback: 'after-submit',
  confidence: true,
};
