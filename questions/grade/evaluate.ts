import { contentLemmas } from '../language/tokens';
import type { Rubric } from '../schema';
import { fitBoosted, predictBoosted } from './boosting';
import {
  CONTRADICTION_FEATURES,
  FEATURE_NAMES,
  featureVector,
  pointFeatures,
  promptLemmas,
} from './features';
import { fitLogistic, predictLogistic } from './logistic';
import { type GraderModel, STATUS_CREDIT, statusFor } from './model';
import {
  foldsByQuestion,
  type IrQuestion,
  type PointStatusLabel,
  STATUS_VALUE,
  type TrainingRow,
} from './training-data';

/**
 * Fitting the scorer and measuring it honestly: every figure here comes from folds split by
 * question, so no question's answers are on both sides.
 */

export type FeatureMatrix = number[][];

const pick = (row: readonly number[], names: readonly string[]) =>
  names.map((name) => row[FEATURE_NAMES.indexOf(name as (typeof FEATURE_NAMES)[number])]!);

export function featureMatrix(rows: readonly TrainingRow[]): FeatureMatrix {
  const prompts = new Map<string, Set<string>>();
  return rows.map((row) => {
    let prompt = prompts.get(row.prompt);
    if (!prompt) {
      prompt = promptLemmas(row.prompt);
      prompts.set(row.prompt, prompt);
    }
    return featureVector(pointFeatures(row.phrasings, row.answer, prompt));
  });
}

/** Each dataset carries the same total weight, so the 5,000 science rows do not drown the IR set. */
function sampleWeights(rows: readonly TrainingRow[]): number[] {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.dataset, (counts.get(row.dataset) ?? 0) + 1);
  const datasets = counts.size;
  return rows.map((row) => rows.length / datasets / counts.get(row.dataset)!);
}

export type AnswerLabel = { score: number };

/** The score of an answer from its points' statuses, as the rubric counts them. */
export function rubricScore(rubric: Rubric, credit: (pointId: string) => number): number {
  const total = rubric.keyPoints.reduce((sum, point) => sum + point.weight, 0);
  const needed = Math.min(rubric.pointsForFullCredit ?? total, total);
  const earned = rubric.keyPoints.reduce((sum, point) => sum + point.weight * credit(point.id), 0);
  return Math.min(1, earned / needed);
}

type AnswerGroup = { questionId: string; answerId: string; rows: number[]; label: number; kind: string };

export function answerGroups(rows: readonly TrainingRow[], questions: readonly IrQuestion[]): AnswerGroup[] {
  const rubrics = new Map(questions.map((q) => [q.id, q.rubric]));
  const groups = new Map<string, AnswerGroup>();
  rows.forEach((row, i) => {
    if (row.dataset !== 'ir') return;
    let group = groups.get(row.answerId);
    if (!group) {
      group = { questionId: row.questionId, answerId: row.answerId, rows: [], label: 0, kind: row.kind };
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
 * Cut-offs for met and partly met: those that best reproduce the labels, counting each dataset
 * alike (the share of IR answers scored within 0.25, plus the share of science answers whose
 * point is met exactly when they were labelled correct).
 */
function fitThresholds(
  rows: readonly TrainingRow[],
  groups: readonly AnswerGroup[],
  probabilities: readonly number[],
  questions: readonly IrQuestion[],
): { met: number; partly: number } {
  const rubrics = new Map(questions.map((q) => [q.id, q.rubric]));
  const science = rows.flatMap((r, i) => (r.dataset === 'scientsbank' ? [i] : []));
  let best = { met: 0.5, partly: 0.3, objective: -1, error: Number.POSITIVE_INFINITY };
  for (let met = 0.3; met <= 0.8001; met += 0.025) {
    const scienceRight = science.filter((i) => probabilities[i]! >= met === rows[i]!.target >= 0.5).length;
    for (let partly = 0.1; partly <= met + 1e-9; partly += 0.025) {
      let agree = 0;
      let error = 0;
      for (const group of groups) {
        const rubric = rubrics.get(group.questionId)!;
        const byPoint = new Map(group.rows.map((i) => [rows[i]!.pointId, probabilities[i]!]));
        const score = rubricScore(
          rubric,
          (id) =>
            STATUS_CREDIT[statusFor(byPoint.get(id) ?? 0, { met, partly } as GraderModel['thresholds'])],
        );
        if (Math.abs(score - group.label) <= 0.25 + 1e-9) agree++;
        error += Math.abs(score - group.label);
      }
      const parts = [
        groups.length > 0 ? agree / groups.length : null,
        science.length > 0 ? scienceRight / science.length : null,
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
  return { met: round(best.met), partly: round(best.partly) };
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/**
 * The smallest probability above which CV says a contradiction is real nine times in ten (for
 * naming it in feedback), and the one above which it is more likely than not (for not crediting).
 */
function fitContradictionCutoffs(targets: readonly boolean[], probabilities: readonly number[]) {
  const order = probabilities.map((p, i) => [p, targets[i]!] as const).sort((a, b) => b[0] - a[0]);
  let named = 0.99;
  let hits = 0;
  order.forEach(([p, real], k) => {
    if (real) hits++;
    if (hits / (k + 1) >= 0.9 && k >= 4) named = Math.min(named, p);
  });
  return { contradiction: round(Math.max(named, 0.5)), denies: 0.5 };
}

/**
 * The band around the met cut-off inside which a point's status is little better than a coin
 * toss: the widest margin whose points cross-validation got right less than 70 % of the time.
 */
export function fitReviewMargin(
  targets: readonly number[],
  probabilities: readonly number[],
  cutoff: number,
): number {
  let margin = 0;
  for (let m = 0.01; m <= 0.3 + 1e-9; m += 0.01) {
    let inside = 0;
    let right = 0;
    probabilities.forEach((p, i) => {
      if (Math.abs(p - cutoff) >= m) return;
      inside++;
      if (p >= cutoff === targets[i]! >= 0.75) right++;
    });
    if (inside >= 20 && right / inside < 0.7) margin = m;
  }
  return round(margin);
}

/** Common defaults (100 trees of depth 3, learning rate 0.1), not tuned to these data. */
const BOOSTING = { trees: 100, depth: 3, learningRate: 0.1, minLeafWeight: 30, l2: 1, bins: 64 };

export type FitOptions = { questions: readonly IrQuestion[] };

/** Fits the point model, the contradiction model and their cut-offs on the given rows. */
export function fitGrader(
  rows: readonly TrainingRow[],
  x: FeatureMatrix,
  options: FitOptions,
  crossValidated?: { probabilities: number[]; contradictions: number[] },
): GraderModel {
  const weights = sampleWeights(rows);
  const point = fitBoosted(
    FEATURE_NAMES,
    x,
    rows.map((r) => r.target),
    { sampleWeights: weights, ...BOOSTING },
  );
  const irIndex = rows.flatMap((r, i) => (r.dataset === 'ir' ? [i] : []));
  const contradiction = fitLogistic(
    CONTRADICTION_FEATURES,
    irIndex.map((i) => pick(x[i]!, CONTRADICTION_FEATURES)),
    irIndex.map((i) => (rows[i]!.contradicted ? 1 : 0)),
    { l2: 1 },
  );
  // Cut-offs come from out-of-fold probabilities when the caller has them, else in-sample ones.
  const probabilities = crossValidated?.probabilities ?? x.map((row) => predictBoosted(point, row));
  const contradictions =
    crossValidated?.contradictions ??
    x.map((row) => predictLogistic(contradiction, pick(row, CONTRADICTION_FEATURES)));
  const groups = answerGroups(rows, options.questions);
  const thresholds = fitThresholds(rows, groups, probabilities, options.questions);
  const cutoffs = fitContradictionCutoffs(
    irIndex.map((i) => rows[i]!.contradicted),
    irIndex.map((i) => contradictions[i]!),
  );
  const answerWords = rows
    .filter((r) => r.dataset === 'scientsbank')
    .map((r) => r.answer.split(/\s+/).length)
    .sort((a, b) => a - b);
  const p99 = answerWords[Math.floor(0.99 * (answerWords.length - 1))] ?? 100;
  return {
    version: 1,
    features: [...FEATURE_NAMES],
    point,
    contradiction,
    thresholds: { ...thresholds, ...cutoffs },
    review: {
      margin: fitReviewMargin(
        rows.map((r) => r.target),
        probabilities,
        thresholds.met,
      ),
      maxWords: 2 * p99,
    },
    training: {},
  };
}

export type CrossValidation = {
  /** Out-of-fold P(point met) per row. */
  probabilities: number[];
  contradictions: number[];
  /** Out-of-fold status credit per row, with the cut-offs fitted in that fold. */
  credits: number[];
};

/**
 * Out-of-fold predictions: SciEntsBank in ten folds by question, each IR question held out on
 * its own; each fold's model is fitted on every row of the other questions of both sets.
 */
export function crossValidate(
  rows: readonly TrainingRow[],
  x: FeatureMatrix,
  options: FitOptions,
): CrossValidation {
  const sbFolds = foldsByQuestion(
    rows.filter((r) => r.dataset === 'scientsbank').map((r) => r.questionId),
    10,
  );
  const foldOf = (row: TrainingRow) =>
    row.dataset === 'scientsbank' ? `sb${sbFolds.get(row.questionId)}` : `ir:${row.questionId}`;
  const folds = [...new Set(rows.map(foldOf))];
  const probabilities = new Array<number>(rows.length).fill(0);
  const contradictions = new Array<number>(rows.length).fill(0);
  const credits = new Array<number>(rows.length).fill(0);
  for (const fold of folds) {
    const train: number[] = [];
    const test: number[] = [];
    rows.forEach((row, i) => (foldOf(row) === fold ? test : train).push(i));
    const model = fitGrader(
      train.map((i) => rows[i]!),
      train.map((i) => x[i]!),
      options,
    );
    for (const i of test) {
      probabilities[i] = predictBoosted(model.point, x[i]!);
      contradictions[i] = predictLogistic(model.contradiction, pick(x[i]!, CONTRADICTION_FEATURES));
      const status =
        contradictions[i]! >= model.thresholds.denies
          ? 'missed'
          : statusFor(probabilities[i]!, model.thresholds);
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
    const kind = (byKind[group.kind] ??= { agreement: 0, n: 0 });
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
export function overlapScore(row: TrainingRow): number {
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
  const sbFolds = foldsByQuestion(
    rows.filter((r) => r.dataset === 'scientsbank').map((r) => r.questionId),
    10,
  );
  const foldOf = (row: TrainingRow) =>
    row.dataset === 'scientsbank' ? `sb${sbFolds.get(row.questionId)}` : `ir:${row.questionId}`;
  const credits = new Array<number>(rows.length).fill(0);
  for (const fold of new Set(rows.map(foldOf))) {
    const train = rows.flatMap((row, i) => (foldOf(row) === fold ? [] : [i]));
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

export const labelCredit = (status: PointStatusLabel) => STATUS_VALUE[status];
