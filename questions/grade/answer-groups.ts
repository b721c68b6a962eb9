import type { Rubric } from '../schema';
import { answerSimilarity } from './instructor-examples';
import type { PointStatus } from './model';
import { gradeShortAnswer, type InstructorExample, type ShortAnswerGrade } from './short-answer';
import { analyseText } from './text-analysis';

/**
 * Groups the answers to one free-text question for an instructor's queue: answers that make the
 * same key points (by the grader's statuses) go together, and within that, answers worded alike
 * (average-linkage clustering on answer similarity). Grading a group's representative is a good
 * guess for its members; each member still opens alone. Pure: no storage, no clock.
 */

export type AnswerToGroup = { id: string; text: string };

export type AnswerGroup = {
  /** Answer ids, the representative first. */
  ids: string[];
  /** The member most like the others. */
  representative: string;
  /** Status of each key point shared by the group, in rubric order. */
  statuses: { id: string; status: PointStatus }[];
  /** The grader's score for answers making these points. */
  score: number;
  /** Some member's grade is provisional. */
  needsReview: boolean;
};

/** Answers at least this similar (mean of vector cosine and word overlap) are worded alike. */
export const WORDED_ALIKE = 0.5;

type Cluster = { members: number[] };

function averageLinkage(similarity: number[][], a: Cluster, b: Cluster): number {
  let total = 0;
  for (const i of a.members) for (const j of b.members) total += similarity[i]![j]!;
  return total / (a.members.length * b.members.length);
}

/** Agglomerative clustering: merge the most similar pair until no pair is similar enough. */
function cluster(similarity: number[][], indices: number[], threshold: number): number[][] {
  const clusters: Cluster[] = indices.map((i) => ({ members: [i] }));
  for (;;) {
    let best: { a: number; b: number; value: number } | null = null;
    for (let a = 0; a < clusters.length; a++) {
      for (let b = a + 1; b < clusters.length; b++) {
        const value = averageLinkage(similarity, clusters[a]!, clusters[b]!);
        if (value >= threshold && (!best || value > best.value)) best = { a, b, value };
      }
    }
    if (!best) break;
    clusters[best.a]!.members.push(...clusters[best.b]!.members);
    clusters.splice(best.b, 1);
  }
  return clusters.map((c) => c.members);
}

export function groupAnswers(input: {
  rubric: Rubric;
  prompt?: string;
  answers: readonly AnswerToGroup[];
  examples?: readonly InstructorExample[];
  /** Grades already computed, by answer id (saves grading twice). */
  grades?: ReadonlyMap<string, ShortAnswerGrade>;
}): AnswerGroup[] {
  const { rubric, answers } = input;
  const grades = answers.map(
    (answer) =>
      input.grades?.get(answer.id) ??
      gradeShortAnswer({ rubric, answer: answer.text, prompt: input.prompt, examples: input.examples }),
  );
  const analysed = answers.map((answer) => analyseText(answer.text));
  const similarity = answers.map((_, i) =>
    answers.map((__, j) => {
      if (i === j) return 1;
      const blankI = !answers[i]!.text.trim();
      const blankJ = !answers[j]!.text.trim();
      if (blankI || blankJ) return blankI && blankJ ? 1 : 0;
      return answerSimilarity(analysed[i]!, analysed[j]!).similarity;
    }),
  );
  const byProfile = new Map<string, number[]>();
  grades.forEach((grade, i) => {
    const profile = grade.keyPoints.map((k) => k.status).join(',');
    byProfile.set(profile, [...(byProfile.get(profile) ?? []), i]);
  });
  const groups: AnswerGroup[] = [];
  for (const indices of byProfile.values()) {
    for (const members of cluster(similarity, indices, WORDED_ALIKE)) {
      const centrality = (i: number) => members.reduce((sum, j) => sum + similarity[i]![j]!, 0);
      const ordered = [...members].sort((a, b) => centrality(b) - centrality(a) || a - b);
      const first = grades[ordered[0]!]!;
      groups.push({
        ids: ordered.map((i) => answers[i]!.id),
        representative: answers[ordered[0]!]!.id,
        statuses: first.keyPoints.map((k) => ({ id: k.id, status: k.status })),
        score: first.score,
        needsReview: ordered.some((i) => grades[i]!.needsReview),
      });
    }
  }
  // Biggest groups first: grading them settles the most answers.
  return groups.sort((a, b) => b.ids.length - a.ids.length || b.score - a.score);
}
