import 'server-only';
import { listAssignmentAttempts, listGradedResponses, listQuestionData } from '@/db/queries/class-progress';
import { describeResponse } from '@/lib/quiz/describe';
import { countedScore } from '@/lib/quiz/rules';
import { toCsv } from './csv';
import { classGradebook } from './dashboard';
import { countedInAverage } from './gradebook';

const points = (score: number | null, questionCount: number) =>
  score === null ? '' : (score * questionCount).toFixed(2);

/** The grade-import layouts the gradebook is exported in, each as its importer reads it. */
export const GRADEBOOK_LAYOUTS = {
  canvas: { label: 'Canvas', file: 'canvas' },
  moodle: { label: 'Moodle', file: 'moodle' },
  google: { label: 'Google Classroom', file: 'google-classroom' },
} as const;
export type GradebookLayout = keyof typeof GRADEBOOK_LAYOUTS;

/** "Amara Okafor" → first "Amara", last "Okafor"; a single name is a first name. */
function splitName(name: string | null): { first: string; last: string } {
  const words = (name ?? '').trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return { first: words[0] ?? '', last: '' };
  return { first: words.slice(0, -1).join(' '), last: words.at(-1)! };
}

/**
 * Column titles: the assignment's title, made unique within the class. Canvas reads a title
 * ending in "(digits)" as the id of one of its own assignments, so a title never ends that way.
 */
function assignmentTitles(titles: string[]): string[] {
  const seen = new Map<string, number>();
  return titles.map((raw) => {
    const title = raw.replace(/\s*\((\d+)\)\s*$/, ' [$1]').trim();
    const n = (seen.get(title) ?? 0) + 1;
    seen.set(title, n);
    return n === 1 ? title : `${title} #${n}`;
  });
}

/**
 * The gradebook in points, one row per student and one column per assignment, in the layout
 * each importer accepts:
 * - Canvas: "Student, ID, SIS User ID, SIS Login ID, Section", then the assignments, with a
 *   "Points Possible" row. Canvas's ID is its own numeric user id, which this app cannot know, so
 *   ID and SIS User ID stay empty and students are matched on SIS Login ID (their email, the login
 *   most schools use); "EX" marks an excused grade. Missing work past due is 0 points (as on the
 *   class page), work not yet due or under way is empty.
 * - Moodle: matched on "Email address" (map it to the user's email on import); an excused grade
 *   is left empty, as Moodle's import has no excused value.
 * - Google Classroom: "Last Name, First Name, Email Address" and a "Points" row, its own layout.
 * All three open in Excel with accents intact (the response adds a UTF-8 byte-order mark).
 */
export async function gradebookCsv(
  classId: string,
  className: string,
  layout: GradebookLayout = 'canvas',
  now = new Date(),
): Promise<string> {
  const book = await classGradebook(classId, now);
  const titles = assignmentTitles(book.assigned.map((a) => a.assignment.title));
  const columns = book.assigned.map(({ assignment, questionCount }, i) => ({
    id: assignment.id,
    title: titles[i]!,
    questionCount,
  }));
  const cells = (userId: string, excused: string) =>
    columns.map((a) => {
      const cell = book.cell(a.id, userId);
      // The dashboard's rule (countedInAverage): missing work past due is 0 points, so the
      // importer's course total agrees with the class page; work not yet due stays empty.
      return cell.status === 'excused' ? excused : points(countedInAverage(cell), a.questionCount);
    });
  const possible = columns.map((a) => a.questionCount);
  const rows: (string | number | null)[][] = [];
  switch (layout) {
    case 'canvas':
      rows.push(['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', ...columns.map((a) => a.title)]);
      rows.push(['Points Possible', '', '', '', '', ...possible]);
      for (const s of book.students) {
        const { first, last } = splitName(s.name);
        const sortable = last ? `${last}, ${first}` : first || s.email;
        rows.push([sortable, '', '', s.email, className, ...cells(s.userId, 'EX')]);
      }
      break;
    case 'moodle':
      rows.push(['First name', 'Last name', 'Email address', ...columns.map((a) => a.title)]);
      for (const s of book.students) {
        const { first, last } = splitName(s.name);
        rows.push([first, last, s.email, ...cells(s.userId, '')]);
      }
      break;
    case 'google':
      rows.push(['Last Name', 'First Name', 'Email Address', ...columns.map((a) => a.title)]);
      rows.push(['Points', '', '', ...possible]);
      for (const s of book.students) {
        const { first, last } = splitName(s.name);
        rows.push([last, first, s.email, ...cells(s.userId, '')]);
      }
      break;
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
