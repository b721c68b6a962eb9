import { type AttemptResponse, effectiveScore, type QuestionRow } from '@/db/schema';
import type { Question } from '@/questions/schema';

type Line = { question: Question; response: AttemptResponse | undefined };

export type Breakdown = { label: string; questions: number; score: number }[];

function averageBy(lines: Line[], keysOf: (q: Question) => string[]): Breakdown {
  const groups = new Map<string, number[]>();
  for (const line of lines) {
    for (const key of keysOf(line.question))
      groups.set(key, [...(groups.get(key) ?? []), effectiveScore(line.response)]);
  }
  return [...groups.entries()]
    .map(([label, scores]) => ({
      label,
      questions: scores.length,
      score: scores.reduce((a, b) => a + b, 0) / scores.length,
    }))
    .sort((a, b) => a.score - b.score || a.label.localeCompare(b.label));
}

/** Results of one attempt: by skill, by concept, and how well confidence matched correctness. */
export function summariseAttempt(
  rows: Map<string, QuestionRow>,
  order: string[],
  responses: AttemptResponse[],
) {
  const byId = new Map(responses.map((r) => [r.questionId, r]));
  const lines: Line[] = order.flatMap((id) => {
    const row = rows.get(id);
    return row ? [{ question: row.data, response: byId.get(id) }] : [];
  });
  const confidence = [1, 2, 3].map((level) => {
    const at = lines.filter((l) => l.response?.confidence === level);
    return {
      level,
      answers: at.length,
      correct: at.length ? at.filter((l) => effectiveScore(l.response) >= 0.999).length / at.length : null,
    };
  });
  return {
    lines,
    bySkill: averageBy(lines, (q) => [q.skill]),
    byConcept: averageBy(lines, (q) => q.concepts),
    confidence,
    missed: lines.filter((l) => effectiveScore(l.response) < 0.999),
  };
}
