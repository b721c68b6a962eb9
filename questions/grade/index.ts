import nlp from 'compromise';
import { distance } from 'fastest-levenshtein';
import {
  type ClaimEvidenceReasoningQuestion,
  type ClozeQuestion,
  type MatchingQuestion,
  type MultipleAnswerQuestion,
  type OrderingQuestion,
  parseResponseFor,
  type Question,
  type ResponseOf,
  type ShortAnswerQuestion,
} from '../schema';
import { type GradeResult, levelOf, roundScore } from './result';
import { gradeShortAnswer, type InstructorExample, type SiblingQuestion } from './short-answer';

export { type AnswerGroup, type AnswerToGroup, groupAnswers } from './answer-groups';
export type { PointStatus } from './model';
export type { GradeLevel, GradeResult } from './result';
export type {
  InstructorExample,
  KeyPointGrade,
  KeyPointOutcome,
  ReviewReason,
  ShortAnswerGrade,
  SiblingQuestion,
} from './short-answer';
export { gradeAgainstReference, gradeShortAnswer, rubricFromReference } from './short-answer';

export type GradeOptions = {
  /**
   * The instructor's earlier grades of answers to this question (free-text types; for
   * claim-evidence-reasoning, grades of the reasoning): the grader leans on the nearest of them
   * for answers not graded yet.
   */
  examples?: readonly InstructorExample[];
  /**
   * The questions asked beside this one (a quiz's): a free-text answer that fits another of them
   * clearly better is read as an answer to it (`siblings.ts`). The question itself and the
   * types without a rubric are left out here.
   */
  siblings?: readonly Question[];
};

/** The free-text questions among `questions`, other than `question`, as the grader reads them. */
export function siblingRubrics(question: Question, questions: readonly Question[]): SiblingQuestion[] {
  return questions.flatMap((q) =>
    q.id === question.id
      ? []
      : q.type === 'short-answer' || q.type === 'claim-evidence-reasoning'
        ? [{ id: q.id, prompt: gradingPrompt(q), rubric: q.rubric }]
        : [],
  );
}

/** The prompt the grader reads beside a free-text answer (for claim-evidence-reasoning, with its claim). */
export const gradingPrompt = (question: ShortAnswerQuestion | ClaimEvidenceReasoningQuestion) =>
  question.type === 'claim-evidence-reasoning' ? `${question.prompt} ${question.claim}` : question.prompt;

export class InvalidResponseError extends Error {}

/**
 * Grades what a student submitted for a question of any type. The response is validated
 * against the question first (shape and ids); an invalid one throws InvalidResponseError,
 * since the quiz engine should have refused it with `parseResponseFor`.
 */
export function gradeResponse(question: Question, raw: unknown, options: GradeOptions = {}): GradeResult {
  const checked = parseResponseFor(question, raw);
  if (!checked.ok) throw new InvalidResponseError(checked.message);
  const response = checked.response;
  const base = {
    questionId: question.id,
    type: question.type,
    keyPointsMet: [],
    keyPointsMissed: [],
    keyPointsContradicted: [],
    keyPoints: [],
    needsReview: false,
    reviewReasons: [],
    otherQuestion: null,
    parts: [],
    evidence: question.evidence,
  };
  switch (question.type) {
    case 'multiple-choice': {
      const { optionId } = response as ResponseOf<'multiple-choice'>;
      const right = optionId === question.answer.optionId;
      const picked = question.options.find((o) => o.id === optionId)?.feedback;
      return { ...base, ...verdict(right ? 1 : 0, right, withFeedback(picked, question.explanation)) };
    }
    case 'true-false': {
      const { value } = response as ResponseOf<'true-false'>;
      const right = value === question.answer.value;
      return { ...base, ...verdict(right ? 1 : 0, right, question.explanation) };
    }
    case 'select-evidence': {
      const { sentenceId } = response as ResponseOf<'select-evidence'>;
      const right = question.answer.sentenceIds.includes(sentenceId);
      return { ...base, ...verdict(right ? 1 : 0, right, question.explanation) };
    }
    case 'multiple-answer':
      return { ...base, ...gradeMultipleAnswer(question, response as ResponseOf<'multiple-answer'>) };
    case 'cloze':
      return { ...base, ...gradeCloze(question, response as ResponseOf<'cloze'>) };
    case 'matching':
      return { ...base, ...gradeMatching(question, response as ResponseOf<'matching'>) };
    case 'ordering':
      return { ...base, ...gradeOrdering(question, response as ResponseOf<'ordering'>) };
    case 'short-answer': {
      const { text } = response as ResponseOf<'short-answer'>;
      const grade = gradeShortAnswer({
        rubric: question.rubric,
        answer: text,
        prompt: question.prompt,
        examples: options.examples,
        siblings: siblingRubrics(question, options.siblings ?? []),
      });
      return {
        ...base,
        score: grade.score,
        correct: grade.correct,
        feedback: grade.feedback,
        keyPointsMet: grade.keyPointsMet,
        keyPointsMissed: grade.keyPointsMissed,
        keyPointsContradicted: grade.keyPointsContradicted,
        keyPoints: grade.keyPoints,
        needsReview: grade.needsReview,
        reviewReasons: grade.reviewReasons,
        otherQuestion: grade.otherQuestion,
      };
    }
    case 'claim-evidence-reasoning':
      return {
        ...base,
        ...gradeClaimEvidenceReasoning(question, response as ResponseOf<'claim-evidence-reasoning'>, options),
      };
  }
}

/** The instructor's feedback on the options a student picked, before the explanation. */
function withFeedback(feedback: string | undefined | (string | undefined)[], explanation: string): string {
  const said = (Array.isArray(feedback) ? feedback : [feedback]).filter(Boolean);
  return said.length ? `${said.join(' ')} ${explanation}` : explanation;
}

function verdict(score: number, right: boolean, explanation: string) {
  const rounded = roundScore(score);
  return {
    score: rounded,
    correct: levelOf(rounded),
    feedback: right ? `Correct. ${explanation}` : `Not quite. ${explanation}`,
  };
}

/** One point per option handled right, minus one per wrong pick, over the number of keys. */
function gradeMultipleAnswer(question: MultipleAnswerQuestion, response: ResponseOf<'multiple-answer'>) {
  const keys = new Set(question.answer.optionIds);
  const picked = new Set(response.optionIds);
  const hits = [...picked].filter((id) => keys.has(id)).length;
  const wrongPicks = picked.size - hits;
  const score = roundScore((hits - wrongPicks) / keys.size);
  const parts = question.options.map((o) => ({ id: o.id, correct: keys.has(o.id) === picked.has(o.id) }));
  const explanation = withFeedback(
    question.options.filter((o) => picked.has(o.id)).map((o) => o.feedback),
    question.explanation,
  );
  const feedback =
    score >= 1
      ? `Correct. ${explanation}`
      : `You found ${hits} of ${keys.size} right answers${wrongPicks > 0 ? ` and picked ${wrongPicks} wrong one${wrongPicks > 1 ? 's' : ''}` : ''}. ${explanation}`;
  return { score, correct: levelOf(score), feedback, parts };
}

const ARTICLES = /^(the|a|an)\s+/;
const normaliseBlank = (value: string) =>
  value
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^\p{L}\p{N}' -]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(ARTICLES, '');

function rootOf(phrase: string): string {
  const doc = nlp(phrase);
  doc.compute('root');
  return (doc.json() as { terms: { root?: string; normal: string }[] }[])
    .flatMap((s) => s.terms.map((t) => t.root ?? t.normal))
    .join(' ');
}

/** A blank is right if it is an accepted word, an inflection of one, or one slip of the keyboard away. */
export function blankMatches(given: string, accepted: string[]): boolean {
  const answer = normaliseBlank(given);
  if (!answer) return false;
  const answerRoot = rootOf(answer);
  return accepted.some((option) => {
    const target = normaliseBlank(option);
    if (answer === target || answerRoot === rootOf(target)) return true;
    return (
      target.length >= 5 &&
      answer[0] === target[0] &&
      distance(answer, target) <= (target.length >= 9 ? 2 : 1)
    );
  });
}

function gradeCloze(question: ClozeQuestion, response: ResponseOf<'cloze'>) {
  const parts = question.answer.blanks.map((blank, i) => ({
    id: String(i + 1),
    correct: blankMatches(response.blanks[i] ?? '', blank.accepted),
  }));
  const score = roundScore(parts.filter((p) => p.correct).length / parts.length);
  const wrong = parts.filter((p) => !p.correct).map((p) => p.id);
  const feedback =
    wrong.length === 0
      ? `Correct. ${question.explanation}`
      : `${parts.length > 1 ? `Blank${wrong.length > 1 ? 's' : ''} ${wrong.join(', ')} ${wrong.length > 1 ? 'are' : 'is'} not right.` : 'Not quite.'} ${question.explanation}`;
  return { score, correct: levelOf(score), feedback, parts };
}

function gradeMatching(question: MatchingQuestion, response: ResponseOf<'matching'>) {
  const parts = question.left.map((term) => ({
    id: term.id,
    correct: response.pairs[term.id] === question.answer.pairs[term.id],
  }));
  const right = parts.filter((p) => p.correct).length;
  const score = roundScore(right / parts.length);
  const feedback =
    right === parts.length
      ? `Correct. ${question.explanation}`
      : `${right} of ${parts.length} matched correctly. ${question.explanation}`;
  return { score, correct: levelOf(score), feedback, parts };
}

/**
 * Ordering earns credit for each pair of items put in the right relative order (Kendall's
 * tau, floored at 0): one swap of neighbours among four items keeps most of the credit, a
 * random order keeps about none.
 */
function gradeOrdering(question: OrderingQuestion, response: ResponseOf<'ordering'>) {
  const key = question.answer.order;
  const position = new Map(response.order.map((id, i) => [id, i]));
  let concordant = 0;
  let pairs = 0;
  for (let i = 0; i < key.length; i++) {
    for (let j = i + 1; j < key.length; j++) {
      pairs++;
      const a = position.get(key[i]!);
      const b = position.get(key[j]!);
      if (a !== undefined && b !== undefined && a < b) concordant++;
    }
  }
  const score = roundScore(pairs === 0 ? 0 : (2 * concordant) / pairs - 1);
  const parts = key.map((id, i) => ({ id, correct: response.order[i] === id }));
  const feedback =
    score >= 1
      ? `Correct. ${question.explanation}`
      : `${parts.filter((p) => p.correct).length} of ${key.length} in the right place. ${question.explanation}`;
  return { score, correct: levelOf(score), feedback, parts };
}

/** Both parts count: the chosen sentence and the explanation of how it supports the claim. */
function gradeClaimEvidenceReasoning(
  question: ClaimEvidenceReasoningQuestion,
  response: ResponseOf<'claim-evidence-reasoning'>,
  options: GradeOptions,
) {
  const evidenceRight =
    response.sentenceId !== null && question.answer.sentenceIds.includes(response.sentenceId);
  const reasoning = gradeShortAnswer({
    rubric: question.rubric,
    answer: response.reasoning,
    prompt: gradingPrompt(question),
    examples: options.examples,
    siblings: siblingRubrics(question, options.siblings ?? []),
  });
  const score = roundScore(
    question.weights.evidence * (evidenceRight ? 1 : 0) + question.weights.reasoning * reasoning.score,
  );
  const evidenceFeedback = evidenceRight
    ? 'You chose a sentence that supports the claim.'
    : `That sentence does not support the claim best; look at ${question.answer.sentenceIds.join(' or ')}.`;
  return {
    score,
    correct: levelOf(score),
    feedback: `${evidenceFeedback} ${reasoning.feedback}`,
    keyPointsMet: reasoning.keyPointsMet,
    keyPointsMissed: reasoning.keyPointsMissed,
    keyPointsContradicted: reasoning.keyPointsContradicted,
    keyPoints: reasoning.keyPoints,
    needsReview: reasoning.needsReview,
    reviewReasons: reasoning.reviewReasons,
    otherQuestion: reasoning.otherQuestion,
    parts: [
      { id: 'evidence', correct: evidenceRight },
      { id: 'reasoning', correct: reasoning.correct === 'correct' },
    ],
  };
}
