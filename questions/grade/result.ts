import type { QuestionType } from '../schema';
import type { KeyPointGrade, KeyPointOutcome, ReviewReason } from './short-answer';

export type GradeLevel = 'correct' | 'partial' | 'incorrect';

/** What grading one response gives back, for every question type. */
export type GradeResult = {
  questionId: string;
  type: QuestionType;
  /** 0 to 1. */
  score: number;
  correct: GradeLevel;
  /** A sentence or two a student can act on. */
  feedback: string;
  /** Rubric key points made (short answer, claim-evidence-reasoning); empty for other types. */
  keyPointsMet: KeyPointOutcome[];
  keyPointsMissed: KeyPointOutcome[];
  keyPointsContradicted: KeyPointOutcome[];
  /** Free-text types: every rubric point with its status (met, partly, missed) and probability. */
  keyPoints: KeyPointGrade[];
  /** The grade is provisional and an instructor should check it (free-text types only). */
  needsReview: boolean;
  reviewReasons: ReviewReason[];
  /** Free-text types: the question asked beside this one that the answer fits clearly better, if any. */
  otherQuestion: { id: string; prompt: string } | null;
  /** Per option, blank, pair or item: whether the student got it right. */
  parts: { id: string; correct: boolean }[];
  /** Sentence ids the feedback points back to. */
  evidence: string[];
};

export const roundScore = (score: number) => Math.round(Math.max(0, Math.min(1, score)) * 1000) / 1000;

export function levelOf(score: number): GradeLevel {
  if (score >= 0.999) return 'correct';
  return score > 0 ? 'partial' : 'incorrect';
}
