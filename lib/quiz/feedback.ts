import type { FeedbackView } from '@/components/questions/grade-feedback';
import type { GradeResult } from '@/questions/grade';
import type { Question } from '@/questions/schema';

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
