import 'server-only';
import {
  type InstructorGrade,
  listAnswersToQuestion,
  listInstructorGradedAnswers,
} from '@/db/queries/class-progress';
import type { KeyPointVerdicts } from '@/db/schema';
import {
  gradeShortAnswer,
  gradingPrompt,
  groupAnswers,
  type InstructorExample,
  type PointStatus,
  siblingRubrics,
} from '@/questions/grade';
import { scoreFromStatuses } from '@/questions/grade/credit';
import type {
  ClaimEvidenceReasoningQuestion,
  Question,
  Response,
  ShortAnswerQuestion,
} from '@/questions/schema';
import type { ClassGradebook } from './dashboard';

/**
 * Grading free-text answers at class scale. An instructor's grade of an answer is a labelled
 * example for its question within the class: the grader leans on the nearest of them when it
 * grades later answers, and the answer queue groups a question's answers by the points they
 * make so one decision grades many.
 */

export type FreeTextQuestion = ShortAnswerQuestion | ClaimEvidenceReasoningQuestion;

export const isFreeText = (question: Question): question is FreeTextQuestion =>
  question.type === 'short-answer' || question.type === 'claim-evidence-reasoning';

/** The words a free-text answer is graded on (for claim-evidence-reasoning, the reasoning). */
export function freeTextOf(question: FreeTextQuestion, response: Response | null): string {
  if (!response) return '';
  if (question.type === 'short-answer' && response.type === 'short-answer') return response.text;
  if (question.type === 'claim-evidence-reasoning' && response.type === 'claim-evidence-reasoning')
    return response.reasoning;
  return '';
}

/** Whether a claim-evidence-reasoning answer picked a supporting sentence (its automatic part). */
function evidenceRight(question: FreeTextQuestion, response: Response | null): boolean {
  return (
    question.type === 'claim-evidence-reasoning' &&
    response?.type === 'claim-evidence-reasoning' &&
    response.sentenceId !== null &&
    question.answer.sentenceIds.includes(response.sentenceId)
  );
}

const statusesOf = (question: FreeTextQuestion, verdicts: KeyPointVerdicts): PointStatus[] =>
  question.rubric.keyPoints.map((point) => verdicts[point.id] ?? 'missed');

/**
 * The score an answer counts for when an instructor grades its points: the share of points made
 * and, for claim-evidence-reasoning, the automatic evidence part beside it.
 */
export function scoreForVerdicts(
  question: FreeTextQuestion,
  verdicts: KeyPointVerdicts,
  response: Response | null,
): number {
  const points = scoreFromStatuses(question.rubric, statusesOf(question, verdicts));
  if (question.type !== 'claim-evidence-reasoning') return points;
  const { evidence, reasoning } = question.weights;
  const total = evidence + reasoning;
  const earned = evidence * (evidenceRight(question, response) ? 1 : 0) + reasoning * points;
  return Math.round((earned / total) * 1000) / 1000;
}

/** Turns instructor grades into the grader's labelled examples (the graded words and their credit). */
function toExample(
  question: FreeTextQuestion,
  row: { response: Response | null; score: number | null; keyPoints: KeyPointVerdicts | null },
): InstructorExample | null {
  const answer = freeTextOf(question, row.response);
  if (!answer.trim() || row.score === null) return null;
  if (row.keyPoints) {
    return {
      answer,
      score: scoreFromStatuses(question.rubric, statusesOf(question, row.keyPoints)),
      keyPoints: row.keyPoints,
    };
  }
  // A whole-answer regrade of claim-evidence-reasoning also counts the evidence; only point-by-point
  // grades say what the reasoning alone earned, so a whole score stands for the reasoning too.
  return { answer, score: row.score };
}

/** The class's instructor grades of the given free-text questions, as examples per question. */
export async function classExamples(
  classId: string,
  questions: readonly Question[],
): Promise<Map<string, InstructorExample[]>> {
  const freeText = new Map(questions.filter(isFreeText).map((q) => [q.id, q]));
  const out = new Map<string, InstructorExample[]>();
  if (freeText.size === 0) return out;
  const rows = await listInstructorGradedAnswers({ classId, questionIds: [...freeText.keys()] });
  for (const row of rows) {
    const question = freeText.get(row.questionId)!;
    const example = toExample(question, row);
    if (example) out.set(row.questionId, [...(out.get(row.questionId) ?? []), example]);
  }
  return out;
}

export type QueueAnswer = {
  attemptId: string;
  studentName: string;
  text: string;
  /** The grade that counts now, 0 to 1. */
  score: number;
  /** Who gave it: the instructor, or the grader (provisional when it was unsure). */
  gradedBy: 'instructor' | 'auto';
  needsReview: boolean;
  /** Why the grader's grade waits for the instructor (`questions/grade/review.ts`); empty when it does not. */
  reviewReasons: string[];
  /** What each point earned: the instructor's verdicts, or the grader's reading with the class's examples. */
  verdicts: KeyPointVerdicts;
  comment: string | null;
};

export type QueueGroup = {
  answers: QueueAnswer[];
  /** What the form starts with: the members' shared instructor verdicts, or the grader's suggestion. */
  suggested: KeyPointVerdicts;
  ungraded: number;
  needsReview: boolean;
};

export type AnswerQueue = {
  question: FreeTextQuestion;
  groups: QueueGroup[];
  answered: number;
  graded: number;
  examples: number;
};

const sameVerdicts = (a: KeyPointVerdicts, b: KeyPointVerdicts) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

/**
 * Every counted answer of the class's students to one free-text question of an assignment,
 * grouped by the points they make. Groups with answers still to grade come first, unsure ones
 * before sure ones, bigger before smaller.
 */
export async function answerQueue({
  classId,
  assignmentId,
  question,
  quizQuestions,
  book,
}: {
  classId: string;
  assignmentId: string;
  question: FreeTextQuestion;
  /** Every question of the assignment's quiz: an answer to another of them is noticed, as at submit. */
  quizQuestions: readonly Question[];
  book: ClassGradebook;
}): Promise<AnswerQueue> {
  const counted = book.students.flatMap((s) => {
    const cell = book.cell(assignmentId, s.userId);
    return cell.attemptId ? [{ attemptId: cell.attemptId, name: s.name ?? s.email ?? 'A student' }] : [];
  });
  const [rows, examplesByQuestion] = await Promise.all([
    listAnswersToQuestion({ attemptIds: counted.map((c) => c.attemptId), questionId: question.id }),
    classExamples(classId, [question]),
  ]);
  const examples = examplesByQuestion.get(question.id) ?? [];
  const byAttempt = new Map(rows.map((r) => [r.attemptId, r]));
  const prompt = gradingPrompt(question);
  const siblings = siblingRubrics(question, quizQuestions);

  const answers: QueueAnswer[] = [];
  const grades = new Map<string, ReturnType<typeof gradeShortAnswer>>();
  for (const { attemptId, name } of counted) {
    const row = byAttempt.get(attemptId);
    const text = freeTextOf(question, row?.response ?? null);
    const grade = gradeShortAnswer({ rubric: question.rubric, answer: text, prompt, examples, siblings });
    grades.set(attemptId, grade);
    const byInstructor = row?.overrideScore != null;
    // What the stored grade says (what the student was shown), else this reading.
    const needsReview = !byInstructor && Boolean(row?.grade?.needsReview ?? grade.needsReview);
    const suggestion = Object.fromEntries(grade.keyPoints.map((k) => [k.id, k.status])) as KeyPointVerdicts;
    answers.push({
      attemptId,
      studentName: name,
      text,
      score: row?.overrideScore ?? row?.grade?.score ?? 0,
      gradedBy: byInstructor ? 'instructor' : 'auto',
      needsReview,
      reviewReasons: needsReview ? (row?.grade?.reviewReasons ?? grade.reviewReasons) : [],
      verdicts: row?.overrideKeyPoints ?? suggestion,
      comment: row?.overrideComment ?? null,
    });
  }

  const byId = new Map(answers.map((a) => [a.attemptId, a]));
  const groups: QueueGroup[] = groupAnswers({
    rubric: question.rubric,
    prompt,
    answers: answers.map((a) => ({ id: a.attemptId, text: a.text })),
    examples,
    grades,
  }).map((group) => {
    const members = group.ids.map((id) => byId.get(id)!);
    const graded = members.filter((m) => m.gradedBy === 'instructor');
    const shared =
      graded.length === members.length && graded.every((m) => sameVerdicts(m.verdicts, graded[0]!.verdicts))
        ? graded[0]!.verdicts
        : null;
    return {
      answers: members,
      suggested:
        shared ?? (Object.fromEntries(group.statuses.map((s) => [s.id, s.status])) as KeyPointVerdicts),
      ungraded: members.length - graded.length,
      needsReview: members.some((m) => m.needsReview),
    };
  });
  groups.sort(
    (a, b) =>
      Number(b.ungraded > 0) - Number(a.ungraded > 0) ||
      Number(b.needsReview) - Number(a.needsReview) ||
      b.answers.length - a.answers.length,
  );
  return {
    question,
    groups,
    answered: answers.filter((a) => a.text.trim()).length,
    graded: answers.filter((a) => a.gradedBy === 'instructor').length,
    examples: examples.length,
  };
}

/**
 * The stored grades for one decision over a group: each member's score follows from the
 * verdicts (and its own evidence). Null when a member is not a submitted answer to this question
 * in this assignment.
 */
export async function gradesForGroup({
  assignmentId,
  question,
  attemptIds,
  verdicts,
}: {
  assignmentId: string;
  question: FreeTextQuestion;
  attemptIds: string[];
  verdicts: KeyPointVerdicts;
}): Promise<InstructorGrade[] | null> {
  const rows = await listAnswersToQuestion({ attemptIds, questionId: question.id });
  const byAttempt = new Map(rows.map((r) => [r.attemptId, r]));
  const members = attemptIds.map((id) => byAttempt.get(id));
  if (members.some((r) => r?.assignmentId !== assignmentId || r.attemptStatus !== 'submitted')) return null;
  return members.map((row) => ({
    attemptId: row!.attemptId,
    questionId: question.id,
    score: scoreForVerdicts(question, verdicts, row!.response),
    keyPoints: verdicts,
  }));
}
