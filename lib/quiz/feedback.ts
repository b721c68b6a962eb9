import type { AttemptResponse } from '@/db/schema';
import type { GradeResult } from '@/questions/grade';
import { levelOf } from '@/questions/grade/result';
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
  /** The grader was unsure: an instructor will look at this answer. */
  provisional?: boolean;
  /** An instructor graded this answer; their comment, if any. */
  instructor?: { comment: string | null };
};

type Graded = Pick<
  GradeResult,
  'score' | 'correct' | 'feedback' | 'keyPointsMet' | 'keyPointsMissed' | 'evidence'
> & { needsReview?: boolean };

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
    provisional: Boolean(result.needsReview),
  };
}

type StoredAnswer = Pick<
  AttemptResponse,
  'grade' | 'overrideScore' | 'overrideComment' | 'overrideKeyPoints'
>;

/**
 * A stored answer's feedback, with the instructor's grade winning over the grader's: the label,
 * the score and the points made follow the instructor, so a regrade from "Not yet" to half
 * credit reads "Partly correct" everywhere the student looks.
 */
export function storedFeedbackView(question: Question, answer: StoredAnswer): FeedbackView | null {
  if (!answer.grade) return null;
  const automatic = toFeedbackView(question, answer.grade);
  if (answer.overrideScore == null) return automatic;
  const score = answer.overrideScore;
  const verdicts = answer.overrideKeyPoints;
  const rubric =
    question.type === 'short-answer' || question.type === 'claim-evidence-reasoning'
      ? question.rubric.keyPoints
      : [];
  const point = ({ id, text }: { id: string; text: string }) => ({ id, text });
  return {
    ...automatic,
    score,
    correct: levelOf(score),
    // The grader's sentence and point lists would contradict the instructor; their verdicts replace them.
    feedback: '',
    keyPointsMet: verdicts ? rubric.filter((k) => verdicts[k.id] === 'met').map(point) : [],
    keyPointsMissed: verdicts
      ? rubric.filter((k) => verdicts[k.id] && verdicts[k.id] !== 'met').map(point)
      : [],
    provisional: false,
    instructor: { comment: answer.overrideComment },
  };
}
