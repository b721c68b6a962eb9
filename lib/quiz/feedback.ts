import type { AttemptResponse } from '@/db/schema';
import type { GradeResult } from '@/questions/grade';
import type { PointStatus } from '@/questions/grade/credit';
import { levelOf } from '@/questions/grade/result';
import { reviewReasonForStudent } from '@/questions/grade/review';
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
  /** The grader was unsure of its grade. */
  provisional?: boolean;
  /** An instructor sees the answer in their queue (an assigned quiz); self-study has no one to. */
  instructorReviews?: boolean;
  /** Why the grade is provisional, in the student's words. */
  provisionalBecause?: string;
  /** The prompt of the question the answer reads as answering instead. */
  otherQuestion?: string;
  /** Points the answer seems to say the opposite of, or says of the wrong party (left out of the missed ones). */
  keyPointsQuestioned?: { id: string; text: string; why: Questioned }[];
  /** An instructor graded this answer; their comment, if any. */
  instructor?: { comment: string | null };
};

/** A key point as a stored grade or the grader gives it, with whatever it says of the answer's stance. */
type PointRead = {
  id: string;
  text: string;
  status: PointStatus;
  questioned?: Questioned;
  contradicted?: boolean;
  turnedRound?: boolean;
  wrongParty?: boolean;
};

type Questioned = 'opposite' | 'wrong-party';

/** Why a missed point is not simply missing: the answer seems to deny it, or says it of the wrong party. */
export function whyQuestioned(point: PointRead): Questioned | undefined {
  if (point.questioned) return point.questioned;
  if (point.status !== 'missed') return undefined;
  if (point.wrongParty) return 'wrong-party';
  return point.contradicted || point.turnedRound ? 'opposite' : undefined;
}

type Graded = Pick<
  GradeResult,
  'score' | 'correct' | 'feedback' | 'keyPointsMet' | 'keyPointsMissed' | 'evidence'
> & {
  needsReview?: boolean;
  reviewReasons?: readonly string[];
  keyPoints?: readonly PointRead[];
  otherQuestion?: { prompt: string } | null;
};

/** What a student is shown after answering: the grade, the explanation, and the evidence to look at. */
export function toFeedbackView(
  question: Question,
  result: Graded,
  { instructorReviews = false }: { instructorReviews?: boolean } = {},
): FeedbackView {
  // Grades stored before these flags existed read as without them.
  const questioned = (result.keyPoints ?? []).flatMap((k) => {
    const why = whyQuestioned(k);
    return why ? [{ id: k.id, text: k.text, why }] : [];
  });
  const provisional = Boolean(result.needsReview);
  return {
    score: result.score,
    correct: result.correct,
    feedback: result.feedback,
    explanation: question.explanation,
    keyPointsMet: result.keyPointsMet,
    keyPointsMissed: result.keyPointsMissed.filter((k) => !questioned.some((q) => q.id === k.id)),
    evidence: result.evidence,
    provisional,
    instructorReviews,
    ...(provisional && { provisionalBecause: reviewReasonForStudent(result.reviewReasons ?? []) }),
    ...(provisional && result.otherQuestion && { otherQuestion: result.otherQuestion.prompt }),
    keyPointsQuestioned: questioned,
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
export function storedFeedbackView(
  question: Question,
  answer: StoredAnswer,
  options: { instructorReviews?: boolean } = {},
): FeedbackView | null {
  if (!answer.grade) return null;
  const automatic = toFeedbackView(question, answer.grade, options);
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
    keyPointsQuestioned: [],
    provisional: false,
    provisionalBecause: undefined,
    otherQuestion: undefined,
    instructor: { comment: answer.overrideComment },
  };
}
