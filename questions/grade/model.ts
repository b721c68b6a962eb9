import { readFileSync } from 'node:fs';
import { type BoostedModel, predictBoosted } from './boosting';
import type { PointStatus } from './credit';
import { gradeDataFile } from './data-dir';
import { FEATURE_NAMES, type Features, featureVector } from './features';
import type { LogisticModel } from './logistic';

/**
 * The fitted scorer (`data/model.json`, written by `npm run grader:train`): gradient-boosted
 * trees giving the probability that an answer makes a key point, boosted trees again (fitted on
 * the IR set's contradicted points, on every feature) giving the probability that it says the
 * point's opposite, and the cut-offs fitted with them.
 */

export { type PointStatus, STATUS_CREDIT } from './credit';

export type GraderModel = {
  version: 1;
  features: string[];
  /** P(the answer makes the point); a point half made was a target of 0.5. */
  point: BoostedModel;
  /** P(the answer states the point's opposite), fitted on the IR set's contradicted points. */
  contradiction: BoostedModel;
  /** P(point made) from the scorer's probability and the nearest instructor-graded answers. */
  examples: LogisticModel | null;
  thresholds: {
    /** A point is met at or above this probability… */
    met: number;
    /** …partly met at or above this one, missed below it. */
    partly: number;
    /**
     * The met cut-off of a question with one key point (a reference answer): right or wrong as a
     * whole, read off answers graded that way, where a rubric of several points is read off
     * answers scored by the share of points they make.
     */
    metAlone: number;
    /** A contradiction is named in feedback only at or above this probability. */
    contradiction: number;
    /**
     * Above this probability a point the answer may deny is not credited: in a rubric of several
     * points, the kind of answer the contradiction model is fitted on (on science answers to one
     * reference it took credit from more right answers than wrong ones).
     */
    denies: number;
    /**
     * An answer whose key points of a question asked beside this one have a mean probability
     * this much above its own points' is read as an answer to that question (`siblings.ts`).
     */
    otherQuestion: number;
  };
  review: {
    /** A point whose probability lies this close to a cut-off makes the grade provisional. */
    margin: number;
    /** Answers with more words than this are beyond what the scorer was trained on. */
    maxWords: number;
  };
  /** How the model was made and how it measured, for the README and the bench. */
  training: Record<string, unknown>;
};

const MODEL_FILE = gradeDataFile('model.json');

let loaded: GraderModel | null = null;

export function graderModel(): GraderModel {
  if (!loaded) {
    const model = JSON.parse(readFileSync(MODEL_FILE, 'utf8')) as GraderModel;
    const expected = FEATURE_NAMES.join(',');
    if (model.features.join(',') !== expected) {
      throw new Error('data/model.json was fitted on other features: run npm run grader:train');
    }
    loaded = model;
  }
  return loaded;
}

export type PointScore = {
  probability: number;
  contradiction: number;
  /** The answer probably denies the point, so it is not credited. */
  denied: boolean;
  status: PointStatus;
};

/** A point's status from its probability; `alone` when it is the rubric's only point. */
export function statusFor(
  probability: number,
  thresholds: GraderModel['thresholds'],
  alone = false,
): PointStatus {
  const met = alone ? thresholds.metAlone : thresholds.met;
  if (probability >= met) return 'met';
  return probability >= Math.min(thresholds.partly, met) ? 'partly' : 'missed';
}

/** The rubric context feature says how many points the answer is graded on (its logarithm). */
export const onlyPoint = (features: Pick<Features, 'pointCount'>) => features.pointCount === 0;

/** The features the rules that hold whatever the model says read. */
export type RuleFeatures = Pick<
  Features,
  'pointCount' | 'questionReversed' | 'bareList' | 'swappedActor' | 'denialCover' | 'denialByActor'
>;

/**
 * A point's status from the two models' probabilities: a point the answer probably denies is
 * never credited, however many of its words it uses (the contradiction model only in rubrics of
 * several points, the answers it is fitted on), nor one a rule refuses. The scorer and the
 * cross-validation both decide through here.
 */
export function decidePoint(
  probability: number,
  contradiction: number,
  features: RuleFeatures,
  thresholds: GraderModel['thresholds'],
): { denied: boolean; status: PointStatus } {
  const denied = (contradiction >= thresholds.denies && !onlyPoint(features)) || deniedByRule(features);
  return { denied, status: denied ? 'missed' : statusFor(probability, thresholds, onlyPoint(features)) };
}

export function scorePoint(features: Features, model = graderModel()): PointScore {
  const probability = predictBoosted(model.point, featureVector(features, model.point.features));
  const contradiction = predictBoosted(
    model.contradiction,
    featureVector(features, model.contradiction.features),
  );
  return {
    probability,
    contradiction,
    ...decidePoint(probability, contradiction, features, model.thresholds),
  };
}

/**
 * The rule that holds whatever the model says: an answer recommending the opposite of what the
 * question takes as given ("the United States should avoid coalitions") makes none of its points.
 */
export const reversesTheQuestion = (features: RuleFeatures) => features.questionReversed === 1;

/** A point said of the wrong party ("America is isolated" for "Putin is isolated") is not made. */
export const saysOfWrongParty = (features: RuleFeatures) => features.swappedActor > 0;

/**
 * A point whose claim the answer turns round, by the stance check ("coordinated pressure can
 * never alter his calculus", "he is far from isolated"), is not made.
 */
export const turnsPointRound = (features: RuleFeatures) =>
  features.denialCover > 0 && features.denialByActor === 0;

/** Nor does a bare list of words ("loneliness, alliances, coalitions, slower, calculus"). */
export const deniedByRule = (features: RuleFeatures) =>
  reversesTheQuestion(features) ||
  features.bareList === 1 ||
  saysOfWrongParty(features) ||
  turnsPointRound(features);
