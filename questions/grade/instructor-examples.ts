import type { Rubric } from '../schema';
import { predictLogistic } from './logistic';
import { type GraderModel, type PointStatus, STATUS_CREDIT, statusFor } from './model';
import { type AnalysedText, analyseText } from './text-analysis';
import { cosine } from './vectors';

/**
 * Learning from the instructor: answers to the same question that an instructor has already
 * graded are labelled examples. For an answer not yet graded, the nearest examples (by meaning
 * and by words) vote on each key point, and a small fitted model weighs their vote against the
 * scorer's own probability: a near-copy of an answer graded "met" is met; a distant one
 * changes little.
 */

export type InstructorExample = {
  answer: string;
  /** The instructor's score for the answer, 0 to 1. */
  score: number;
  /** The instructor's verdict per key point, by id, when they graded point by point. */
  keyPoints?: Partial<Record<string, PointStatus>>;
};

/** How many nearest examples vote. */
export const NEIGHBOURS = 5;

/** Content lemmas of an answer, for word overlap. */
function lemmasOf(text: AnalysedText): Set<string> {
  return new Set(text.words.map((w) => w.lemma));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return common / (a.size + b.size - common);
}

export type Neighbour = { example: InstructorExample; cosine: number; overlap: number; similarity: number };

/** Similarity of two answers: the mean of their sentence-vector cosine and their word overlap. */
export function answerSimilarity(
  a: AnalysedText,
  b: AnalysedText,
): { cosine: number; overlap: number; similarity: number } {
  const c = Math.max(0, cosine(a.vector, b.vector));
  const o = jaccard(lemmasOf(a), lemmasOf(b));
  return { cosine: c, overlap: o, similarity: (c + o) / 2 };
}

/**
 * Examples read once, not once per answer graded against them: a class's queue grades every
 * answer against the same few hundred examples, and a submit grades against them again.
 */
const analysedExamples = new Map<string, AnalysedText>();
const ANALYSED_EXAMPLES_KEPT = 5000;

function analysedExample(text: string): AnalysedText {
  let analysed = analysedExamples.get(text);
  if (!analysed) {
    if (analysedExamples.size >= ANALYSED_EXAMPLES_KEPT) analysedExamples.clear();
    analysed = analyseText(text);
    analysedExamples.set(text, analysed);
  }
  return analysed;
}

export function nearestExamples(
  answer: AnalysedText,
  examples: readonly InstructorExample[],
  count = NEIGHBOURS,
): Neighbour[] {
  return examples
    .filter((example) => example.answer.trim())
    .map((example) => ({ example, ...answerSimilarity(answer, analysedExample(example.answer)) }))
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, count);
}

/** The instructor's credit for one point of an example: per point when given, else the answer's score. */
export function exampleCredit(example: InstructorExample, pointId: string): number {
  const status = example.keyPoints?.[pointId];
  return status ? STATUS_CREDIT[status] : Math.max(0, Math.min(1, example.score));
}

/** Two answers with the same content words read the same at this cosine (punctuation aside). */
const SAME_ANSWER_COSINE = 0.99;

const statusOfCredit = (credit: number): PointStatus =>
  credit >= 1 ? 'met' : credit >= STATUS_CREDIT.partly ? 'partly' : 'missed';

export const EXAMPLE_FEATURES = [
  'modelLogit',
  'vote',
  'nearestCredit',
  'nearestCosine',
  'nearestOverlap',
  'voteAgreement',
  'examples',
  'nearestPull',
  'votePull',
] as const;

const logit = (p: number) => Math.log(Math.max(p, 1e-4) / Math.max(1 - p, 1e-4));

/** What the blending model sees for one point: the scorer's view and the neighbours' vote. */
export function exampleFeatures(
  probability: number,
  neighbours: readonly Neighbour[],
  pointId: string,
): number[] {
  let weight = 0;
  let vote = 0;
  for (const n of neighbours) {
    weight += n.similarity;
    vote += n.similarity * exampleCredit(n.example, pointId);
  }
  const mean = weight > 0 ? vote / weight : 0.5;
  const nearest = neighbours[0];
  const credits = neighbours.map((n) => exampleCredit(n.example, pointId));
  const agreement = credits.length > 0 ? 1 - (Math.max(...credits) - Math.min(...credits)) : 0;
  const nearestCredit = nearest ? exampleCredit(nearest.example, pointId) : 0.5;
  const meanSimilarity = neighbours.length > 0 ? weight / neighbours.length : 0;
  return [
    logit(probability),
    mean,
    nearestCredit,
    nearest?.cosine ?? 0,
    nearest?.overlap ?? 0,
    agreement,
    Math.log1p(neighbours.length),
    // How hard the neighbours pull: their verdict, weighted by how alike they are.
    (nearestCredit - 0.5) * (nearest?.similarity ?? 0),
    (mean - 0.5) * meanSimilarity,
  ];
}

export function adjustWithExamples(input: {
  rubric: Rubric;
  answer: AnalysedText;
  points: { probability: number; status: PointStatus; denied: boolean }[];
  examples: readonly InstructorExample[];
  model: GraderModel;
}): { points: { probability: number; status: PointStatus }[]; examplesUsed: number } {
  const { model } = input;
  if (input.examples.length === 0 || !model.examples) return { points: input.points, examplesUsed: 0 };
  const neighbours = nearestExamples(input.answer, input.examples);
  if (neighbours.length === 0) return { points: input.points, examplesUsed: 0 };
  // The same words as an answer the instructor graded: their verdict is this answer's, even
  // against the stance check, since they read that very answer.
  const nearest = neighbours[0]!;
  const sameAnswer = nearest.overlap >= 1 && nearest.cosine >= SAME_ANSWER_COSINE;
  const points = input.rubric.keyPoints.map((point, i) => {
    const own = input.points[i]!;
    // Per point when the instructor graded point by point; from the whole score only when it
    // leaves no doubt (0 or full marks).
    const verdict = nearest.example.keyPoints?.[point.id];
    const wholeScore = nearest.example.score;
    if (sameAnswer && (verdict || wholeScore <= 0 || wholeScore >= 1)) {
      const credit = exampleCredit(nearest.example, point.id);
      return { probability: credit, status: statusOfCredit(credit) };
    }
    const probability = predictLogistic(
      model.examples!,
      exampleFeatures(own.probability, neighbours, point.id),
    );
    // A point the scorer thinks the answer denies stays uncredited, whatever the neighbours say.
    const alone = input.rubric.keyPoints.length === 1;
    const status = own.denied ? 'missed' : statusFor(probability, model.thresholds, alone);
    return { probability, status };
  });
  return { points, examplesUsed: neighbours.length };
}
