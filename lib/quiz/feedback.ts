import type { GradeResult } from '@/questions/grade';
import type { Question } from '@/questions/schema';

/** A grade as the student sees it: the verdict, the points made and missed, and where in the text to look. */
export type FeedbackView = {
  score: number;
  correct: 'correct' | 'partial' | 'incorrect';
  feedback: string;
  explanation: string | null;
  keyPointsMet: { id: string; text: string }[];
  keyPointsMissed: { id: string; text: string }[];
  evidence: string[];
};

type Graded = Pick<
  GradeResult,
  'score' | 'correct' | 'feedback' | 'keyPointsMet' | 'keyPointsMissed' | 'evidence'
>;

/** What a student is shown after answering: the grade, the explanation, and the evidence to look at. */
export function toFeedbackView(question: Question, result: Graded): FeedbackView {
  return {
    score: result.score,
    correct: result.correct,
    feedback: result.feedback,
    explanation: question.explanation,
    keyPointsMet: result.keyPointsMet,
    keyPointsMissed: result.keyPointsMissed,
    evidence: result.evidence,
  };
}
