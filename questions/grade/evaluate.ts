import { contentLemmas } from '../language/tokens';
import type { Rubric } from '../schema';
import { fitBoosted, predictBoosted } from './boosting';
import {
  addRubricContext,
  FEATURE_NAMES,
  type Features,
  featureVector,
  pointFeatures,
  promptLemmas,
} from './features';
import {
  EXAMPLE_FEATURES,
  exampleFeatures,
  type InstructorExample,
  nearestExamples,
} from './instructor-examples';
import { fitLogistic, type LogisticModel, predictLogistic } from './logistic';
import { decidePoint, type GraderModel, type PointStatus, STATUS_CREDIT, statusFor } from './model';
import { pointProbabilities } from './short-answer';
import { fitOtherQuestionCutOff, otherQuestionFit } from './siblings';
import { analyseText } from './text-analysis';
import { foldsByQuestion, type IrQuestion, type SiblingAnswer, type TrainingRow } from './training-data';

/**
 * Fitting the scorer and measuring it honestly: every figure here comes from folds split by
 * question, so no question's answers are on both sides.
 */

export type FeatureMatrix = number[][];

const QUESTION_REVERSED = FEATURE_NAMES.indexOf('questionReversed');
const BARE_LIST = FEATURE_NAMES.indexOf('bareList');
const SWAPPED_ACTOR = FEATURE_NAMES.indexOf('swappedActor');
const DENIAL_COVER = FEATURE_NAMES.indexOf('denialCover');
const DENIAL_BY_ACTOR = FEATURE_NAMES.indexOf('denialByActor');
const POINT_COUNT = FEATURE_NAMES.indexOf('pointCount');

export function featureMatrix(rows: readonly TrainingRow[]): FeatureMatrix {
  const prompts = new Map<string, Set<string>>();
  const features = rows.map((row) => {
    let prompt = prompts.get(row.prompt);
    if (!prompt) {
      prompt = promptLemmas(row.prompt);
      prompts.set(row.prompt, prompt);
    }
    return pointFeatures(row.phrasings, row.answer, prompt);
  });
  // Each answer's points side by side, as grading sees them.
  const byAnswer = new Map<string, Features[]>();
  rows.forEach((row, i) => {
    const key = `${row.questionId}\u0000${row.answerId}`;
    const group = byAnswer.get(key);
    if (group) group.push(features[i]!);
    else byAnswer.set(key, [features[i]!]);
  });
  for (const group of byAnswer.values()) addRubricContext(group);
  return features.map((f) => featureVector(f));
}

/**
 * The IR set carries twice the science set's total weight: its rubrics of several points, with
 * paraphrases, denials and swapped actors, are what the app grades; the 5,000 science rows (one
 * reference each, mostly word-for-word answers) would otherwise drown its 1,200.
 */
const IR_WEIGHT = 2;

function sampleWeights(rows: readonly TrainingRow[], irWeight = IR_WEIGHT): number[] {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.dataset, (counts.get(row.dataset) ?? 0) + 1);
  const datasets = counts.size;
  return rows.map(
    (row) => (rows.length / datasets / counts.get(row.dataset)!) * (row.dataset === 'ir' ? irWeight : 1),
  );
}

/** The rows the point model is fitted on: all but those kept for the contradiction model. */
const forPointModel = (rows: readonly TrainingRow[]) => rows.flatMap((row, i) => (row.denialOnly ? [] : [i]));

export type AnswerLabel = { score: number };

/** The score of an answer from its points' statuses, as the rubric counts them. */
export function rubricScore(rubric: Rubric, credit: (pointId: string) => number): number {
  const total = rubric.keyPoints.reduce((sum, point) => sum + point.weight, 0);
  const needed = Math.min(rubric.pointsForFullCredit ?? total, total);
  const earned = rubric.keyPoints.reduce((sum, point) => sum + point.weight * credit(point.id), 0);
  return Math.min(1, earned / needed);
}

type AnswerGroup = {
  questionId: string;
  answerId: string;
  rows: number[];
  label: number;
  kind: string;
  /** A blind answer the contradiction model alone is fitted on (`TrainingRow.denialOnly`). */
  denialOnly: boolean;
};

export function answerGroups(rows: readonly TrainingRow[], questions: readonly IrQuestion[]): AnswerGroup[] {
  const rubrics = new Map(questions.map((q) => [q.id, q.rubric]));
  const groups = new Map<string, AnswerGroup>();
  rows.forEach((row, i) => {
    if (row.dataset !== 'ir' || row.synthetic) return;
    let group = groups.get(row.answerId);
    if (!group) {
      group = {
        questionId: row.questionId,
        answerId: row.answerId,
        rows: [],
        label: 0,
        kind: row.kind,
        denialOnly: row.denialOnly ?? false,
      };
      groups.set(row.answerId, group);
    }
    group.rows.push(i);
  });
  for (const group of groups.values()) {
    const rubric = rubrics.get(group.questionId)!;
    const byPoint = new Map(group.rows.map((i) => [rows[i]!.pointId, rows[i]!.target]));
    group.label = rubricScore(rubric, (id) => byPoint.get(id) ?? 0);
  }
  return [...groups.values()];
}

/**
 * Cut-offs for met and partly met. A rubric of several points: those that best reproduce the
 * labels of both datasets, counted alike (the share of IR answers scored within 0.25, plus the
 * share of science answers whose point is met exactly when they were labelled correct); the
 * science answers keep the cut-off from following the few IR questions of a fold. A single
 * point (one reference answer, right or wrong as a whole): the met cut-off that grades the most
 * such answers as labelled.
 */
function fitThresholds(
  rows: readonly TrainingRow[],
  x: FeatureMatrix,
  groups: readonly AnswerGroup[],
  probabilities: readonly number[],
  questions: readonly IrQuestion[],
): { met: number; partly: number; metAlone: number } {
  const rubrics = new Map(questions.map((q) => [q.id, q.rubric]));
  const alone = rows.flatMap((r, i) => (!r.synthetic && x[i]![POINT_COUNT] === 0 ? [i] : []));
  const aloneRight = (met: number) =>
    alone.filter((i) => probabilities[i]! >= met === rows[i]!.target >= 0.5).length;
  let best = { met: 0.5, partly: 0.3, objective: -1, error: Number.POSITIVE_INFINITY };
  let bestAlone = { met: 0.5, right: -1 };
  for (let met = 0.3; met <= 0.8001; met += 0.025) {
    const right = aloneRight(met);
    if (right > bestAlone.right) bestAlone = { met, right };
    for (let partly = 0.1; partly <= met + 1e-9; partly += 0.025) {
      const thresholds = { met, partly } as GraderModel['thresholds'];
      let agree = 0;
      let error = 0;
      for (const group of groups) {
        const byPoint = new Map(group.rows.map((i) => [rows[i]!.pointId, probabilities[i]!]));
        const score = rubricScore(
          rubrics.get(group.questionId)!,
          (id) => STATUS_CREDIT[statusFor(byPoint.get(id) ?? 0, thresholds)],
        );
        if (Math.abs(score - group.label) <= 0.25 + 1e-9) agree++;
        error += Math.abs(score - group.label);
      }
      const parts = [
        groups.length > 0 ? agree / groups.length : null,
        alone.length > 0 ? right / alone.length : null,
      ].filter((v): v is number => v !== null);
      const objective = parts.reduce((a, b) => a + b, 0) / Math.max(1, parts.length);
      if (
        objective > best.objective + 1e-12 ||
        (Math.abs(objective - best.objective) <= 1e-12 && error < best.error)
      ) {
        best = { met, partly, objective, error };
      }
    }
  }
  return { met: round(best.met), partly: round(best.partly), metAlone: round(bestAlone.met) };
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/**
 * The lowest probability above which nine in ten flagged rows are really `truth`; 1 where there
 * is none (the model is never trusted that far).
 */
function lowestReliable(probabilities: readonly number[], truth: readonly boolean[]): number {
  const order = probabilities.map((p, i) => [p, truth[i]!] as const).sort((a, b) => b[0] - a[0]);
  let cutoff = 1;
  let hits = 0;
  order.forEach(([p, real], k) => {
    if (real) hits++;
    if (k >= 4 && hits / (k + 1) >= 0.9 && k + 1 < order.length && order[k + 1]![0] < p) cutoff = p;
  });
  return round(cutoff);
}

/**
 * Cut-offs on the contradiction model, from out-of-fold probabilities on the IR set (the answers
 * it is fitted on): feedback names a contradiction above the lowest probability where nine in
 * ten flagged points were really contradicted; a point is denied credit above the lowest
 * probability where nine in ten of the points the denial changes (those the point model would
 * credit) were really not made. Counting the points already missed made the denial look surer
 * than it was.
 */
function fitContradictionCutoffs(
  contradicted: readonly boolean[],
  notMade: readonly boolean[],
  credited: readonly boolean[],
  probabilities: readonly number[],
): { contradiction: number; denies: number } {
  const changed = probabilities.flatMap((_, i) => (credited[i] ? [i] : []));
  return {
    contradiction: lowestReliable(probabilities, contradicted),
    denies: lowestReliable(
      changed.map((i) => probabilities[i]!),
      changed.map((i) => notMade[i]!),
    ),
  };
}

/**
 * The band around the met cut-off inside which a point's status is little better than a coin
 * toss: going outward from the cut-off in steps of 0.05, the band ends at the first step whose
 * points cross-validation got right at least 70 % of the time. Measured on the IR set, the
 * kind of question the app grades.
 */
export function fitReviewMargin(
  targets: readonly number[],
  probabilities: readonly number[],
  cutoff: number,
): number {
  const step = 0.05;
  for (let low = 0; low < 0.5; low += step) {
    let inside = 0;
    let right = 0;
    probabilities.forEach((p, i) => {
      const distance = Math.abs(p - cutoff);
      if (distance < low || distance >= low + step) return;
      inside++;
      if (p >= cutoff === targets[i]! >= 0.75) right++;
    });
    if (inside > 0 && right / inside >= 0.7) return round(low);
  }
  return 0.5;
}

/** Common defaults (100 trees of depth 3, learning rate 0.1), not tuned to these data. */
const BOOSTING = { trees: 100, depth: 3, learningRate: 0.1, minLeafWeight: 30, l2: 1, bins: 64 };

/** Out-of-fold contradiction probabilities of the IR rows, in four folds by question (0 elsewhere). */
function innerContradictions(
  rows: readonly TrainingRow[],
  x: FeatureMatrix,
  irIndex: readonly number[],
): number[] {
  const folds = foldsByQuestion(
    irIndex.map((i) => rows[i]!.questionId),
    4,
  );
  const out = new Array<number>(rows.length).fill(0);
  for (let fold = 0; fold < 4; fold++) {
    const train = irIndex.filter((i) => folds.get(rows[i]!.questionId) !== fold);
    const model = fitBoosted(
      FEATURE_NAMES,
      train.map((i) => x[i]!),
      train.map((i) => (rows[i]!.contradicted ? 1 : 0)),
      CONTRADICTION_BOOSTING,
    );
    for (const i of irIndex) {
      if (folds.get(rows[i]!.questionId) === fold) out[i] = predictBoosted(model, x[i]!);
    }
  }
  return out;
}

/** The contradiction model has ten times fewer rows (the IR set's), so its leaves may be smaller. */
const CONTRADICTION_BOOSTING = {
  trees: 100,
  depth: 3,
  learningRate: 0.1,
  minLeafWeight: 10,
  l2: 1,
  bins: 64,
};

export type FitOptions = {
  questions: readonly IrQuestion[];
  /**
   * Answers labelled against every question of their reading, for the other-question cut-off;
   * without them (the folds of a cross-validation, which measure points alone) no answer is read
   * as answering another question.
   */
  siblingSets?: readonly SiblingSet[];
};

export type SiblingSet = { questions: readonly IrQuestion[]; answers: readonly SiblingAnswer[] };

/**
 * How much better each answer of the sibling sets fits its best-fitting other question than the
 * question it was written for, by this model: the margin `otherQuestionFit` reads at grading.
 */
export function ownQuestionMargins(sets: readonly SiblingSet[], model: GraderModel): number[] {
  return sets.flatMap(({ questions, answers }) =>
    answers.flatMap((answer) => {
      const probabilities = (question: IrQuestion) =>
        pointProbabilities(question.rubric, answer.answer, question.prompt, model);
      const own = questions.find((q) => q.id === answer.writtenFor)!;
      const siblings = questions
        .filter((q) => q !== own)
        .map((question) => ({ question, probabilities: probabilities(question) }));
      const fit = otherQuestionFit(probabilities(own), siblings, Number.NEGATIVE_INFINITY);
      return fit ? [fit.margin] : [];
    }),
  );
}

/** Folds by question inside a training set, for the probabilities its cut-offs are read from. */
const INNER_FOLDS = 3;

/**
 * Out-of-fold P(point met) of every row, in folds by question inside these rows. Trees fit their
 * own rows too closely for a cut-off read from their in-sample probabilities: how far above the
 * truth those sit changes with every change of features, and the cut-off with it.
 */
function innerProbabilities(rows: readonly TrainingRow[], x: FeatureMatrix): number[] {
  const folds = foldsByQuestion(
    rows.map((r) => r.questionId),
    INNER_FOLDS,
  );
  const pointRows = forPointModel(rows);
  const weights = new Array<number>(rows.length).fill(0);
  sampleWeights(pointRows.map((i) => rows[i]!)).forEach((w, k) => {
    weights[pointRows[k]!] = w;
  });
  const out = new Array<number>(rows.length).fill(0);
  for (let fold = 0; fold < INNER_FOLDS; fold++) {
    const train = pointRows.filter((i) => folds.get(rows[i]!.questionId) !== fold);
    const model = fitBoosted(
      FEATURE_NAMES,
      train.map((i) => x[i]!),
      train.map((i) => rows[i]!.target),
      { sampleWeights: train.map((i) => weights[i]!), ...BOOSTING },
    );
    rows.forEach((r, i) => {
      if (folds.get(r.questionId) === fold) out[i] = predictBoosted(model, x[i]!);
    });
  }
  return out;
}

/** Fits the point model, the contradiction model and their cut-offs on the given rows. */
export function fitGrader(
  rows: readonly TrainingRow[],
  x: FeatureMatrix,
  options: FitOptions,
  crossValidated?: { probabilities: number[]; contradictions?: number[] },
): GraderModel {
  const pointRows = forPointModel(rows);
  const point = fitBoosted(
    FEATURE_NAMES,
    pointRows.map((i) => x[i]!),
    pointRows.map((i) => rows[i]!.target),
    { sampleWeights: sampleWeights(pointRows.map((i) => rows[i]!)), ...BOOSTING },
  );
  const irIndex = rows.flatMap((r, i) => (r.dataset === 'ir' ? [i] : []));
  const irMeasured = irIndex.filter((i) => !rows[i]!.synthetic);
  const irPointRows = irMeasured.filter((i) => !rows[i]!.denialOnly);
  const contradiction = fitBoosted(
    FEATURE_NAMES,
    irIndex.map((i) => x[i]!),
    irIndex.map((i) => (rows[i]!.contradicted ? 1 : 0)),
    CONTRADICTION_BOOSTING,
  );
  // Cut-offs come from out-of-fold probabilities: the caller's, else from folds by question
  // inside these rows (trees fit their own rows too closely for a cut-off read from them).
  const probabilities = crossValidated?.probabilities ?? innerProbabilities(rows, x);
  const contradictions = crossValidated?.contradictions ?? innerContradictions(rows, x, irIndex);
  const groups = answerGroups(rows, options.questions).filter((g) => !g.denialOnly);
  const thresholds = fitThresholds(rows, x, groups, probabilities, options.questions);
  const cutoffs = fitContradictionCutoffs(
    irMeasured.map((i) => rows[i]!.contradicted),
    irMeasured.map((i) => rows[i]!.target < 1),
    irMeasured.map((i) => probabilities[i]! >= thresholds.partly),
    irMeasured.map((i) => contradictions[i]!),
  );
  const answerWords = rows
    .filter((r) => r.dataset === 'scientsbank' && !r.synthetic)
    .map((r) => r.answer.split(/\s+/).length)
    .sort((a, b) => a - b);
  const p99 = answerWords[Math.floor(0.99 * (answerWords.length - 1))] ?? 100;
  const model: GraderModel = {
    version: 1,
    features: [...FEATURE_NAMES],
    point,
    contradiction,
    examples: null,
    thresholds: { ...thresholds, ...cutoffs, otherQuestion: NEVER },
    review: {
      margin: fitReviewMargin(
        irPointRows.map((i) => rows[i]!.target),
        irPointRows.map((i) => probabilities[i]!),
        thresholds.met,
      ),
      maxWords: 2 * p99,
    },
    training: {},
  };
  if (options.siblingSets?.length) {
    model.thresholds.otherQuestion = fitOtherQuestionCutOff(ownQuestionMargins(options.siblingSets, model));
  }
  return model;
}

/** A margin no answer reaches: mean point probabilities of 1 against 0. */
const NEVER = 1;

/**
 * The folds of the figures reported: science questions in ten folds by question, each IR question
 * alone, and the questions only the contradiction model's blind answers ask in eight folds by
 * question (each alone would be 53 more fits).
 */
export function outerFolds(rows: readonly TrainingRow[]): (row: TrainingRow) => string {
  const science = foldsByQuestion(
    rows.filter((r) => r.dataset === 'scientsbank').map((r) => r.questionId),
    10,
  );
  const pointQuestions = new Set(rows.flatMap((r) => (r.denialOnly ? [] : [r.questionId])));
  const blindOnly = foldsByQuestion(
    rows.filter((r) => !pointQuestions.has(r.questionId)).map((r) => r.questionId),
    8,
  );
  return (row) =>
    row.dataset === 'scientsbank'
      ? `sb${science.get(row.questionId)}`
      : pointQuestions.has(row.questionId)
        ? `ir:${row.questionId}`
        : `blind${blindOnly.get(row.questionId)}`;
}

export type CrossValidation = {
  /** Out-of-fold P(point met) per row. */
  probabilities: number[];
  contradictions: number[];
  /** Out-of-fold status credit per row, with the cut-offs fitted in that fold. */
  credits: number[];
};

/**
 * Out-of-fold predictions, in the folds by question of `outerFolds`; each fold's model is fitted
 * on every row of the other questions.
 */
export function crossValidate(
  rows: readonly TrainingRow[],
  x: FeatureMatrix,
  options: FitOptions,
): CrossValidation {
  const foldOf = outerFolds(rows);
  const folds = [...new Set(rows.map(foldOf))];
  const probabilities = new Array<number>(rows.length).fill(0);
  const contradictions = new Array<number>(rows.length).fill(0);
  const credits = new Array<number>(rows.length).fill(0);
  for (const fold of folds) {
    const train: number[] = [];
    const test: number[] = [];
    rows.forEach((row, i) => {
      (foldOf(row) === fold ? test : train).push(i);
    });
    const model = fitGrader(
      train.map((i) => rows[i]!),
      train.map((i) => x[i]!),
      options,
    );
    for (const i of test) {
      probabilities[i] = predictBoosted(model.point, x[i]!);
      contradictions[i] = predictBoosted(model.contradiction, x[i]!);
      const rules = {
        pointCount: x[i]![POINT_COUNT]!,
        questionReversed: x[i]![QUESTION_REVERSED]!,
        bareList: x[i]![BARE_LIST]!,
        swappedActor: x[i]![SWAPPED_ACTOR]!,
        denialCover: x[i]![DENIAL_COVER]!,
        denialByActor: x[i]![DENIAL_BY_ACTOR]!,
      };
      const { status } = decidePoint(probabilities[i]!, contradictions[i]!, rules, model.thresholds);
      credits[i] = STATUS_CREDIT[status];
    }
  }
  return { probabilities, contradictions, credits };
}

export type BinaryFigures = { accuracy: number; macroF1: number; n: number };

export function binaryFigures(truth: readonly boolean[], predicted: readonly boolean[]): BinaryFigures {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  truth.forEach((t, i) => {
    const p = predicted[i]!;
    if (p && t) tp++;
    else if (p) fp++;
    else if (t) fn++;
    else tn++;
  });
  const f1 = (a: number, b: number, c: number) => (2 * a + b + c === 0 ? 0 : (2 * a) / (2 * a + b + c));
  return {
    accuracy: (tp + tn) / Math.max(1, truth.length),
    macroF1: (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2,
    n: truth.length,
  };
}

export type AgreementFigures = {
  /** Share of answers whose score is within 0.25 of the labelled score. */
  agreement: number;
  meanAbsoluteError: number;
  n: number;
  /** Agreement per kind of answer. */
  byKind: Record<string, { agreement: number; n: number }>;
};

/** Answer scores from per-row credits, against the labelled scores. */
export function agreementFigures(
  rows: readonly TrainingRow[],
  groups: readonly AnswerGroup[],
  credits: readonly number[],
  questions: readonly IrQuestion[],
): AgreementFigures & { scores: Map<string, number> } {
  const rubrics = new Map(questions.map((q) => [q.id, q.rubric]));
  let agree = 0;
  let error = 0;
  const byKind: Record<string, { agreement: number; n: number }> = {};
  const scores = new Map<string, number>();
  for (const group of groups) {
    const byPoint = new Map(group.rows.map((i) => [rows[i]!.pointId, credits[i]!]));
    const score = rubricScore(rubrics.get(group.questionId)!, (id) => byPoint.get(id) ?? 0);
    scores.set(group.answerId, score);
    const ok = Math.abs(score - group.label) <= 0.25 + 1e-9;
    if (ok) agree++;
    error += Math.abs(score - group.label);
    const kind = byKind[group.kind] ?? { agreement: 0, n: 0 };
    byKind[group.kind] = kind;
    kind.n++;
    if (ok) kind.agreement++;
  }
  for (const kind of Object.values(byKind)) kind.agreement /= kind.n;
  return {
    agreement: agree / Math.max(1, groups.length),
    meanAbsoluteError: error / Math.max(1, groups.length),
    n: groups.length,
    byKind,
    scores,
  };
}

// ---- The baseline: plain content-word overlap with a tuned cut-off ----

/** Share of the point's content lemmas (any phrasing, the best) that the answer uses. */
export function overlapScore(row: Pick<TrainingRow, 'phrasings' | 'answer'>): number {
  const answer = new Set(contentLemmas(row.answer));
  let best = 0;
  for (const phrasing of row.phrasings) {
    const lemmas = [...new Set(contentLemmas(phrasing))];
    if (lemmas.length === 0) continue;
    best = Math.max(best, lemmas.filter((l) => answer.has(l)).length / lemmas.length);
  }
  return best;
}

/** The cut-off on overlap that is most accurate on the given rows. */
export function tuneOverlapCutoff(overlaps: readonly number[], targets: readonly number[]): number {
  let best = { cutoff: 0.5, right: -1 };
  for (let cutoff = 0.05; cutoff <= 0.95; cutoff += 0.05) {
    const right = overlaps.filter((o, i) => o >= cutoff === targets[i]! >= 0.5).length;
    if (right > best.right) best = { cutoff, right };
  }
  return best.cutoff;
}

/** Out-of-fold met/missed credits of the overlap baseline, with the cut-off tuned in each fold. */
export function crossValidateOverlap(rows: readonly TrainingRow[], overlaps: readonly number[]): number[] {
  const foldOf = outerFolds(rows);
  const credits = new Array<number>(rows.length).fill(0);
  for (const fold of new Set(rows.map(foldOf))) {
    // Tuned on the rows the point model is fitted on, as the grader's cut-offs are.
    const train = rows.flatMap((row, i) => (foldOf(row) === fold || row.denialOnly ? [] : [i]));
    const cutoff = tuneOverlapCutoff(
      train.map((i) => overlaps[i]!),
      train.map((i) => rows[i]!.target),
    );
    rows.forEach((row, i) => {
      if (foldOf(row) === fold) credits[i] = overlaps[i]! >= cutoff ? 1 : 0;
    });
  }
  return credits;
}

// ---- Learning from instructor-graded examples ----

export type ExampleRows = { x: number[][]; targets: number[]; rows: number[]; examples: number[] };

/** How many graded answers the simulated instructor has given, cycled over the answers. */
export const EXAMPLE_COUNTS = [1, 3, 5, 10, 20] as const;

/**
 * Simulates an instructor who has graded some answers to each question: for every answer, a
 * fixed pseudo-random draw of other answers to the same question (with their labels) are the
 * examples, and the blending model's inputs are computed from them and the scorer's
 * out-of-fold probability. `counts` picks how many examples each answer gets.
 */
export function simulateExamples(
  rows: readonly TrainingRow[],
  probabilities: readonly number[],
  counts: readonly number[] = EXAMPLE_COUNTS,
): ExampleRows {
  const answersByQuestion = new Map<string, string[]>();
  const rowsByAnswer = new Map<string, number[]>();
  rows.forEach((row, i) => {
    if (row.synthetic) return;
    const answers = answersByQuestion.get(row.questionId) ?? [];
    if (!rowsByAnswer.has(row.answerId)) answers.push(row.answerId);
    answersByQuestion.set(row.questionId, answers);
    rowsByAnswer.set(row.answerId, [...(rowsByAnswer.get(row.answerId) ?? []), i]);
  });
  const exampleOf = (answerId: string): InstructorExample => {
    const answerRows = rowsByAnswer.get(answerId)!;
    const first = rows[answerRows[0]!]!;
    const keyPoints: Record<string, PointStatus> = {};
    for (const i of answerRows) {
      const target = rows[i]!.target;
      keyPoints[rows[i]!.pointId] = target >= 1 ? 'met' : target > 0 ? 'partly' : 'missed';
    }
    const mean = answerRows.reduce((sum, i) => sum + rows[i]!.target, 0) / answerRows.length;
    return first.dataset === 'ir'
      ? { answer: first.answer, score: mean, keyPoints }
      : { answer: first.answer, score: mean };
  };
  let seed = 2024;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const out: ExampleRows = { x: [], targets: [], rows: [], examples: [] };
  let turn = 0;
  for (const answers of answersByQuestion.values()) {
    for (const answerId of answers) {
      const count = counts[turn++ % counts.length]!;
      const others = answers.filter((a) => a !== answerId);
      const chosen: string[] = [];
      while (chosen.length < Math.min(count, others.length)) {
        const pick = others[Math.floor(random() * others.length)]!;
        if (!chosen.includes(pick)) chosen.push(pick);
      }
      const examples = chosen.map(exampleOf);
      const answerRows = rowsByAnswer.get(answerId)!;
      const neighbours = nearestExamples(analyseText(rows[answerRows[0]!]!.answer), examples);
      for (const i of answerRows) {
        out.x.push(exampleFeatures(probabilities[i]!, neighbours, rows[i]!.pointId));
        out.targets.push(rows[i]!.target);
        out.rows.push(i);
        out.examples.push(examples.length);
      }
    }
  }
  return out;
}

/** The blending model, fitted on simulated examples (each dataset weighted alike). */
export function fitExampleModel(rows: readonly TrainingRow[], simulated: ExampleRows): LogisticModel {
  // Here the two sets weigh alike: the blend learns how far to trust a neighbour's grade, which
  // the science set's many graded answers per question show best.
  const weights = sampleWeights(
    simulated.rows.map((i) => rows[i]!),
    1,
  );
  return fitLogistic(EXAMPLE_FEATURES, simulated.x, simulated.targets, { sampleWeights: weights, l2: 1 });
}

/** Out-of-fold probabilities of the blending model, folds by question as everywhere else. */
export function crossValidateExamples(rows: readonly TrainingRow[], simulated: ExampleRows): number[] {
  const foldOf = outerFolds(rows);
  const out = new Array<number>(simulated.rows.length).fill(0);
  const folds = new Set(simulated.rows.map((i) => foldOf(rows[i]!)));
  for (const fold of folds) {
    const train = simulated.rows.flatMap((i, k) => (foldOf(rows[i]!) === fold ? [] : [k]));
    const model = fitExampleModel(rows, {
      x: train.map((k) => simulated.x[k]!),
      targets: train.map((k) => simulated.targets[k]!),
      rows: train.map((k) => simulated.rows[k]!),
      examples: train.map((k) => simulated.examples[k]!),
    });
    simulated.rows.forEach((i, k) => {
      if (foldOf(rows[i]!) === fold) out[k] = predictLogistic(model, simulated.x[k]!);
    });
  }
  return out;
}
