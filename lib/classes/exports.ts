import 'server-only';
import { listAssignmentAttempts, listGradedResponses, listQuestionData } from '@/db/queries/class-progress';
import { describeResponse } from '@/lib/quiz/describe';
import { countedScore } from '@/lib/quiz/rules';
import { toCsv } from './csv';
import { classGradebook } from './dashboard';

const points = (score: number | null, questionCount: number) =>
  score === null ? '' : (score * questionCount).toFixed(2);

/**
 * The gradebook as one row per student and one column per assignment, in points: the shape
 * Canvas ("Student, ID, SIS Login ID, Section" then one column per assignment, with a
 * "Points Possible" row), Moodle (CSV import matched on email) and Google Classroom
 * (email, first and last name) all accept.
 */
export async function gradebookCsv(classId: string, className: string, now = new Date()): Promise<string> {
  const book = await classGradebook(classId, now);
  const header = ['Student', 'ID', 'SIS Login ID', 'Email address', 'First name', 'Last name', 'Section'];
  const assignmentCols = book.assigned.map(({ assignment, questionCount }) => ({
    id: assignment.id,
    title: `${assignment.title} (${assignment.id.slice(0, 8)})`,
    questionCount,
  }));
  const rows: (string | number | null)[][] = [
    [...header, ...assignmentCols.map((a) => a.title)],
    ['Points Possible', '', '', '', '', '', '', ...assignmentCols.map((a) => a.questionCount)],
  ];
  for (const s of book.students) {
    const [first, ...rest] = (s.name ?? '').split(' ');
    rows.push([
      s.name ?? s.email,
      s.userId,
      s.email,
      s.email,
      first ?? '',
      rest.join(' '),
      className,
      ...assignmentCols.map((a) => {
        const cell = book.cell(a.id, s.userId);
        // "EX" is how Canvas and Moodle write an excused grade.
        return cell.status === 'excused' ? 'EX' : points(cell.score, a.questionCount);
      }),
    ]);
  }
  return toCsv(rows);
}

/** Every answer of every submitted attempt in the class, one row each, for analysis elsewhere. */
export async function responsesCsv(classId: string, now = new Date()): Promise<string> {
  const book = await classGradebook(classId, now);
  const all = await listAssignmentAttempts({ assignmentIds: book.assigned.map((a) => a.assignment.id) });
  const submitted = all.filter((a) => a.status === 'submitted');
  const responses = await listGradedResponses({ attemptIds: submitted.map((a) => a.id) });
  const questions = await listQuestionData({ ids: [...new Set(responses.map((r) => r.questionId))] });
  const student = new Map(book.students.map((s) => [s.userId, s]));
  const attemptById = new Map(submitted.map((a) => [a.id, a]));
  const assignmentById = new Map(book.assigned.map((a) => [a.assignment.id, a.assignment]));
  const rows: (string | number | null)[][] = [
    [
      'Student',
      'Email',
      'Assignment',
      'Attempt',
      'Submitted at (UTC)',
      'Late',
      'Question ID',
      'Question type',
      'Skill',
      'Answer',
      'Score (0-1)',
      'Counted attempt score (0-1)',
      'Graded by',
      'Instructor comment',
    ],
  ];
  for (const r of responses) {
    const attempt = attemptById.get(r.attemptId);
    const q = questions.get(r.questionId);
    const assignment = attempt?.assignmentId ? assignmentById.get(attempt.assignmentId) : undefined;
    if (!attempt || !q || !assignment) continue;
    const who = student.get(attempt.userId);
    rows.push([
      who?.name ?? '(removed student)',
      who?.email ?? '',
      assignment.title,
      attempt.number,
      attempt.submittedAt?.toISOString() ?? '',
      attempt.late ? 'yes' : 'no',
      r.questionId,
      q.type,
      q.skill,
      describeResponse(q, r.response),
      r.score.toFixed(3),
      countedScore(attempt.score, attempt.late, assignment.latePolicy)?.toFixed(3) ?? '',
      r.gradedBy ?? 'auto',
      r.overrideComment ?? '',
    ]);
  }
  return toCsv(rows);
}
