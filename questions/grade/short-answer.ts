import type { Rubric } from '../schema';
import { relationsFor } from './alignment';
import { scoreFromStatuses } from './credit';
import { addRubricContext, type Features, type PromptWords, pointFeatures, promptLemmas } from './features';
import { adjustWithExamples, type InstructorExample } from './instructor-examples';
import {
  type GraderModel,
  graderModel,
  onlyPoint,
  type PointStatus,
  type RuleFeatures,
  reversesTheQuestion,
  saysOfWrongParty,
  scorePoint,
  statusFor,
  turnsPointRound,
} from './model';
import { type GradeLevel, levelOf } from './result';
import { type ReviewReason, reviewReasonForStudent } from './review';
import { type OtherQuestionFit, otherQuestionFit, type SiblingQuestion } from './siblings';
import { type AnalysedText, analyseText } from './text-analysis';

export type { InstructorExample } from './instructor-examples';
export type { SiblingQuestion } from './siblings';
export type { Support } from './support';
export { supportFor } from './support';

/**
 * Grades a free-text answer against a rubric of key points with the trained scorer: for each
 * point (and its accepted paraphrases) the answer's words are aligned to the point's through
 * lemmas, WordNet and word vectors, turned-round statements are noticed, and a fitted model
 * gives the probability that the point is made. A point is met, partly met or missed by
 * cut-offs fitted on labelled answers; the score is the share of points made (partly = half).
 * When the model is unsure, or the answer is beyond what it was trained on, the grade is
 * provisional and `needsReview` is set.
 */

export type KeyPointOutcome = { id: string; text: string };

export type KeyPointGrade = KeyPointOutcome & {
  status: PointStatus;
  /** Calibrated probability that the answer makes the point. */
  probability: number;
  /** Probability that the answer says the point's opposite. */
  contradiction: number;
  /** Said in feedback only when the model is confident the answer denies the point. */
  contradicted: boolean;
  /** The answer says the point of the wrong party ("America is isolated" for "Putin is isolated"). */
  wrongParty: boolean;
  /** The answer seems to turn the point's claim round ("can never alter"): no credit until an instructor checks. */
  turnedRound: boolean;
};

export type { ReviewReason };

export type ShortAnswerGrade = {
  score: number;
  correct: GradeLevel;
  feedback: string;
  /** Points made in full. */
  keyPointsMet: KeyPointOutcome[];
  /** Points not made in full (partly made ones included: there is more to say). */
  keyPointsMissed: KeyPointOutcome[];
  /** Points the answer confidently says the other way round; included in keyPointsMissed too. */
  keyPointsContradicted: KeyPointOutcome[];
  /** The answer reads as a list of words, not an explanation. */
  listOfWords: boolean;
  /** Every point with its status and probabilities, in rubric order. */
  keyPoints: KeyPointGrade[];
  /** The grade is provisional: an instructor should look at this answer. */
  needsReview: boolean;
  reviewReasons: ReviewReason[];
  /** How many of the instructor's graded answers to this question informed the grade. */
  examplesUsed: number;
  /** The question asked beside this one that the answer fits clearly better, if any. */
  otherQuestion: { id: string; prompt: string } | null;
};

export type ShortAnswerInput = {
  rubric: Rubric;
  answer: string;
  prompt?: string;
  /** The instructor's earlier grades of answers to this question; the nearest ones inform this grade. */
  examples?: readonly InstructorExample[];
  /** The other free-text questions asked beside this one (a quiz's): an answer to one of them is noticed. */
  siblings?: readonly SiblingQuestion[];
};

// ---- Caches: a rubric and a prompt are graded many times ----

const rubricPhrasings = new WeakMap<Rubric, AnalysedText[][]>();

function phrasingsOf(rubric: Rubric): AnalysedText[][] {
  let phrasings = rubricPhrasings.get(rubric);
  if (!phrasings) {
    phrasings = rubric.keyPoints.map((point) =>
      [point.text, ...point.accept].map((text) => analyseText(text)),
    );
    rubricPhrasings.set(rubric, phrasings);
  }
  return phrasings;
}

/**
 * Reads a rubric ahead of its first answer: its phrasings analysed and its words looked up in
 * WordNet (a few milliseconds per question, once per process). Grading does it on first use
 * anyway; a server can call it when a question is loaded.
 */
export function prepareRubric(rubric: Rubric, prompt = ''): void {
  for (const phrasings of phrasingsOf(rubric)) {
    for (const phrasing of phrasings) for (const word of phrasing.words) relationsFor(word);
  }
  // The question's words too: an answer that says their opposite turns the question round.
  for (const word of promptWordsOf(prompt).analysed?.words ?? []) relationsFor(word);
}

const prompts = new Map<string, PromptWords>();

function promptWordsOf(prompt: string): PromptWords {
  let words = prompts.get(prompt);
  if (!words) {
    if (prompts.size > 1000) prompts.clear();
    words = promptLemmas(prompt);
    prompts.set(prompt, words);
  }
  return words;
}

export { scoreFromStatuses };

const outcome = (point: { id: string; text: string }): KeyPointOutcome => ({
  id: point.id,
  text: point.text,
});

/**
 * The scorer's verdict on each key point of a rubric: its probability, its contradiction and its
 * status. A point given as names alone ("liberalism", "liberal") is made by naming one, and only
 * so: "realist" is near "liberal" in meaning, and is the wrong answer.
 */
function scorePoints(rubric: Rubric, analysed: AnalysedText, prompt: string, model: GraderModel) {
  const promptWords = promptWordsOf(prompt);
  const phrasings = phrasingsOf(rubric);
  const features = rubric.keyPoints.map((_, i) => pointFeatures(phrasings[i]!, analysed, promptWords));
  addRubricContext(features);
  return rubric.keyPoints.map((point, i) => {
    const score = scorePoint(features[i]!, model);
    const names = namesOf(point, phrasings[i]!);
    if (!names) return { point, features: features[i]!, ...score };
    const named = names.some((name) => saysName(analysed, name));
    return {
      point,
      features: features[i]!,
      ...score,
      denied: score.denied || !named,
      status: named && !score.denied ? ('met' as const) : ('missed' as const),
    };
  });
}

/** The probability of each key point for an answer, by the given model (the shipped one unless fitting). */
export function pointProbabilities(
  rubric: Rubric,
  answer: string,
  prompt = '',
  model: GraderModel = graderModel(),
): number[] {
  return scorePoints(rubric, analyseText(answer), prompt, model).map((s) => s.probability);
}

export function gradeShortAnswer({
  rubric,
  answer,
  prompt = '',
  examples = [],
  siblings = [],
}: ShortAnswerInput): ShortAnswerGrade {
  const model = graderModel();
  if (!answer.trim()) {
    const keyPoints = rubric.keyPoints.map((point) => ({
      ...outcome(point),
      status: 'missed' as const,
      probability: 0,
      contradiction: 0,
      contradicted: false,
      wrongParty: false,
      turnedRound: false,
    }));
    return {
      score: 0,
      correct: 'incorrect',
      feedback: 'No answer was given.',
      keyPointsMet: [],
      keyPointsMissed: keyPoints.map(outcome),
      keyPointsContradicted: [],
      listOfWords: false,
      keyPoints,
      needsReview: false,
      reviewReasons: [],
      examplesUsed: 0,
      otherQuestion: null,
    };
  }
  const analysed = analyseText(answer);
  const scored = scorePoints(rubric, analysed, prompt, model);
  const informed = adjustWithExamples({
    rubric,
    answer: analysed,
    points: scored.map((s) => ({ probability: s.probability, status: s.status, denied: s.denied })),
    examples,
    model,
  });
  // An instructor's grade of a near-identical answer settles whether it answers this question.
  const otherQuestion =
    informed.examplesUsed === 0
      ? otherQuestionFit(
          scored.map((s) => s.probability),
          siblings.map((question) => ({
            question,
            probabilities: scorePoints(question.rubric, analysed, question.prompt, model).map(
              (s) => s.probability,
            ),
          })),
          model.thresholds.otherQuestion,
        )
      : null;
  const keyPoints: KeyPointGrade[] = scored.map((s, i) => ({
    ...outcome(s.point),
    status: otherQuestion?.withheld[i] ? 'missed' : informed.points[i]!.status,
    probability: round(informed.points[i]!.probability),
    contradiction: round(s.contradiction),
    contradicted:
      s.contradiction >= model.thresholds.contradiction && informed.points[i]!.status === 'missed',
    wrongParty: saysOfWrongParty(s.features) && informed.points[i]!.status === 'missed',
    turnedRound:
      withheldByStance(s, model) &&
      informed.points[i]!.status === 'missed' &&
      s.contradiction < model.thresholds.contradiction,
  }));
  const score = scoreFromStatuses(
    rubric,
    keyPoints.map((k) => k.status),
  );
  const reviewReasons = reviewReasonsFor({
    rubric,
    answer: analysed,
    scored,
    statuses: keyPoints.map((k) => k.status),
    model,
    informedByExamples: informed.examplesUsed > 0,
    otherQuestion,
  });
  const listOfWords = analysed.listShare >= 0.5;
  const reversed = scored.some((s) => reversesTheQuestion(s.features));
  return {
    score,
    correct: levelOf(score),
    feedback: feedbackFor({
      keyPoints,
      score,
      listOfWords,
      reviewReasons,
      analysed,
      reversed,
      otherQuestion,
    }),
    keyPointsMet: keyPoints.filter((k) => k.status === 'met').map(outcome),
    keyPointsMissed: keyPoints.filter((k) => k.status !== 'met').map(outcome),
    keyPointsContradicted: keyPoints.filter((k) => k.contradicted).map(outcome),
    listOfWords,
    keyPoints,
    needsReview: reviewReasons.length > 0,
    reviewReasons,
    examplesUsed: informed.examplesUsed,
    otherQuestion: otherQuestion && { id: otherQuestion.id, prompt: otherQuestion.prompt },
  };
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/** Words at most in each accepted phrasing of a point that names something ("neorealism"). */
const NAME_WORDS = 2;

/** A point's accepted phrasings, analysed, when every one is a name of a word or two; else null. */
function namesOf(
  point: Rubric['keyPoints'][number],
  phrasings: readonly AnalysedText[],
): AnalysedText[] | null {
  if (point.accept.length === 0) return null;
  const names = phrasings.slice(1);
  return names.every((name) => name.tokenCount <= NAME_WORDS && name.words.length > 0) ? names : null;
}

/** The answer says every content word of the name, in order, side by side. */
function saysName(answer: AnalysedText, name: AnalysedText): boolean {
  const wanted = name.words.map((w) => w.lemma);
  const said = answer.words.map((w) => w.lemma);
  return said.some((_, i) => wanted.every((lemma, k) => said[i + k] === lemma));
}

/** Credit the scorer gives a point and the stance check takes away (the answer seems to turn it round). */
const withheldByStance = (s: { probability: number; features: RuleFeatures }, model: GraderModel): boolean =>
  turnsPointRound(s.features) &&
  !saysOfWrongParty(s.features) &&
  statusFor(s.probability, model.thresholds, onlyPoint(s.features)) !== 'missed';

/**
 * Why an answer needs an instructor: another language, longer than anything trained on, no
 * overlap with the key points at all, or a point whose probability sits so near the met cut-off
 * that the other verdict would move the score by a quarter point or more.
 */
function reviewReasonsFor(input: {
  rubric: Rubric;
  answer: AnalysedText;
  scored: {
    probability: number;
    features: Pick<Features, 'alignedRecall' | 'novelAlignedPrecision' | 'promptShare'> & RuleFeatures;
  }[];
  statuses: PointStatus[];
  model: GraderModel;
  informedByExamples: boolean;
  otherQuestion: OtherQuestionFit | null;
}): ReviewReason[] {
  const { answer, scored, model } = input;
  const reasons: ReviewReason[] = [];
  if (answer.language !== 'eng' && answer.language !== 'und') reasons.push('other-language');
  if (answer.tokenCount > model.review.maxWords) reasons.push('too-long');
  const noOverlap = scored.every(
    (s) =>
      s.features.alignedRecall === 0 &&
      s.features.novelAlignedPrecision === 0 &&
      s.features.promptShare === 0,
  );
  if (noOverlap && !reasons.includes('other-language')) reasons.push('no-overlap');
  const otherVerdict = input.statuses.map((status, i) => {
    const met = onlyPoint(scored[i]!.features) ? model.thresholds.metAlone : model.thresholds.met;
    if (Math.abs(scored[i]!.probability - met) >= model.review.margin) return status;
    return status === 'met' ? 'partly' : 'met';
  });
  const score = scoreFromStatuses(input.rubric, input.statuses);
  const swing = Math.abs(scoreFromStatuses(input.rubric, otherVerdict) - score);
  // An instructor's grade of a near-identical answer settles what the model was unsure of.
  if (swing >= 0.25 - 1e-9 && !input.informedByExamples) reasons.push('uncertain');
  // A point the scorer would credit but the stance check withholds, since the answer seems to
  // turn its claim round ("pressure can never alter his calculus"): of the points it withholds
  // in answers written blind, about one in five was made, so the grade waits for the instructor.
  const mayDeny = scored.some((s) => withheldByStance(s, model));
  if (mayDeny && !input.informedByExamples) reasons.push('may-deny');
  if (input.otherQuestion) reasons.push('other-question');
  return reasons;
}

const quote = (points: KeyPointOutcome[]) =>
  points.map((p) => `“${p.text.replace(/[.!;,]+$/, '')}”`).join('; ');

function feedbackFor(input: {
  keyPoints: KeyPointGrade[];
  score: number;
  listOfWords: boolean;
  reviewReasons: ReviewReason[];
  analysed: AnalysedText;
  reversed: boolean;
  otherQuestion: OtherQuestionFit | null;
}): string {
  const { keyPoints, score } = input;
  const met = keyPoints.filter((k) => k.status === 'met');
  const partly = keyPoints.filter((k) => k.status === 'partly');
  const contradicted = keyPoints.filter((k) => k.contradicted && !k.wrongParty);
  const wrongParty = keyPoints.filter((k) => k.wrongParty);
  const turnedRound = keyPoints.filter((k) => k.turnedRound);
  const missed = keyPoints.filter(
    (k) => k.status === 'missed' && !k.contradicted && !k.wrongParty && !k.turnedRound,
  );
  const parts: string[] = [];
  if (input.reviewReasons.length > 0) {
    parts.push(
      `This grade is provisional: an instructor will check it, since ${reviewReasonForStudent(input.reviewReasons)}.`,
    );
  }
  if (met.length === keyPoints.length) parts.push('You made every key point.');
  else if (score >= 1) parts.push('You made enough key points for full credit.');
  else if (met.length > 0)
    parts.push(`You made ${met.length === 1 ? 'this point' : 'these points'}: ${quote(met)}.`);
  if (partly.length > 0 && score < 1) {
    parts.push(
      `You touched on ${partly.length === 1 ? 'this point' : 'these points'} without making it clear: ${quote(partly)}.`,
    );
  }
  if (contradicted.length > 0) {
    parts.push(
      `Your answer seems to say the opposite of the text on: ${quote(contradicted)}. Reread that passage.`,
    );
  }
  if (wrongParty.length > 0) {
    parts.push(
      `Your answer says ${wrongParty.length === 1 ? 'this point' : 'these points'} of the wrong party: ${quote(wrongParty)}. Check who does what in the text.`,
    );
  }
  if (turnedRound.length > 0) {
    parts.push(
      `Your answer seems to say the opposite of ${turnedRound.length === 1 ? 'this point' : 'these points'}, so ${turnedRound.length === 1 ? 'it earns' : 'they earn'} no credit unless the instructor reads it otherwise: ${quote(turnedRound)}.`,
    );
  }
  if (missed.length > 0 && score < 1) parts.push(`Still missing: ${quote(missed)}.`);
  if (input.otherQuestion) {
    parts.unshift(
      `Your answer reads like an answer to another question: “${input.otherQuestion.prompt}” Reread what this one asks.`,
    );
  } else if (input.reversed) {
    parts.unshift(
      'Your answer argues for the course the question sets aside; the question asks why the text takes the other one.',
    );
  } else if (
    met.length === 0 &&
    partly.length === 0 &&
    contradicted.length === 0 &&
    wrongParty.length === 0 &&
    turnedRound.length === 0
  ) {
    if (input.listOfWords) {
      parts.unshift(
        'A list of key words is not an explanation. Write the answer in sentences that say how the ideas connect.',
      );
    } else if (input.analysed.words.length < 4 && !input.reviewReasons.includes('other-language')) {
      parts.unshift('Your answer is too short to explain the reasoning.');
    } else {
      parts.unshift('Your answer does not make the points this question asks about.');
    }
  }
  return parts.join(' ');
}

// ---- Grading from model answers alone ----

/**
 * A rubric from one or more reference answers: one key point, the first reference, with the
 * others as accepted phrasings, as the scorer was trained on SciEntsBank's references.
 */
export function rubricFromReference(reference: string | readonly string[], _prompt = ''): Rubric {
  const references = (typeof reference === 'string' ? [reference] : [...reference])
    .map((r) => r.trim())
    .filter(Boolean);
  if (references.length === 0) throw new Error('A reference answer is needed');
  const [first, ...others] = references;
  return { keyPoints: [{ id: 'reference', text: first!, accept: others, weight: 1 }] };
}

export function gradeAgainstReference(input: {
  question: string;
  reference: string | readonly string[];
  answer: string;
  examples?: readonly InstructorExample[];
}) {
  const rubric = rubricFromReference(input.reference, input.question);
  return {
    rubric,
    ...gradeShortAnswer({ rubric, answer: input.answer, prompt: input.question, examples: input.examples }),
  };
}
