import 'server-only';
import {
  listAssignmentResults,
  listItemTotals,
  listSkillTotals,
  listStandingsOf,
  summarizeClass,
} from '@/db/queries/assignment-results';
import { listClassAssignments } from '@/db/queries/assignments';
import { listAccommodationsFor, listStudents } from '@/db/queries/class-progress';
import { questionTags } from '@/db/queries/progress';
import { type Cell, gradebookCell } from './gradebook';

type Student = Awaited<ReturnType<typeof listStudents>>[number];

/** The gradebook of a class: every student against every assignment, from the kept standings. */
export async function classGradebook(classId: string, now = new Date()) {
  const [students, assigned] = await Promise.all([
    listStudents({ classId }),
    listClassAssignments({ classId }),
  ]);
  const ids = assigned.map((a) => a.assignment.id);
  const [results, accommodationRows] = await Promise.all([
    listAssignmentResults({ assignmentIds: ids }),
    listAccommodationsFor({ assignmentIds: ids }),
  ]);
  const standingBy = new Map(results.map((r) => [`${r.assignmentId}:${r.userId}`, r]));
  const accommodationBy = new Map(accommodationRows.map((a) => [`${a.assignmentId}:${a.userId}`, a]));
  const cells = new Map<string, Cell>();
  for (const { assignment, quizSettings } of assigned) {
    for (const s of students) {
      const key = `${assignment.id}:${s.userId}`;
      cells.set(
        key,
        gradebookCell(
          assignment,
          { settings: quizSettings },
          standingBy.get(key) ?? null,
          accommodationBy.get(key) ?? null,
          now,
        ),
      );
    }
  }
  return {
    students,
    assigned,
    cells,
    cell: (assignmentId: string, userId: string) => cells.get(`${assignmentId}:${userId}`)!,
  };
}

export type ClassGradebook = Awaited<ReturnType<typeof classGradebook>>;

export const STUDENT_SORTS = ['name', 'average', 'late'] as const;
export type StudentSort = (typeof STUDENT_SORTS)[number];
/** A page of students at a time: a lecture class of a thousand would otherwise render every cell. */
const STUDENTS_PER_PAGE = 50;

/**
 * What the class dashboard shows: completion and distributions, students who need attention, a
 * page of the student table (`view`), and mastery by skill for that page and by concept.
 */
export async function classProgress(
  classId: string,
  now = new Date(),
  view: { sort?: string; page?: number } = {},
) {
  const assignedRead = listClassAssignments({ classId });
  // Mastery by concept needs only the assignments, so on a pool of connections it is read while
  // the class is summed rather than after the page of students.
  const itemsRead = assignedRead.then(async (assigned) => {
    const byQuestion = await listItemTotals({ classId, assignmentIds: assigned.map((a) => a.assignment.id) });
    return { byQuestion, questionData: await questionTags({ ids: byQuestion.map((t) => t.questionId) }) };
  });
  const [students, assigned, summary, { byQuestion, questionData }] = await Promise.all([
    listStudents({ classId }),
    assignedRead,
    summarizeClass({ classId, now }),
    itemsRead,
  ]);
  const none = {
    counted: 0,
    average: null,
    submitted: 0,
    late: 0,
    missing: 0,
    dueSoon: 0,
    distribution: [0, 0, 0, 0, 0],
  };
  const perAssignment = assigned.map(({ assignment, readingTitle, questionCount }) => {
    const f = summary.byAssignment.get(assignment.id) ?? none;
    return {
      assignment,
      readingTitle,
      questionCount,
      submitted: f.submitted,
      /** How many scores the average and the distribution hold (submitted and missing). */
      counted: f.counted,
      students: students.length,
      average: f.average,
      distribution: f.distribution,
    };
  });

  // Each student's class average (missing work counts 0 once past due; excused stays out).
  const rows = students.map((student) => {
    const f = summary.byStudent.get(student.userId) ?? none;
    return { student, average: f.average, late: f.late, missing: f.missing, dueSoon: f.dueSoon };
  });

  // Attention: any missing work, two or more late, a failing average, or
  // work due within two days and not started.
  // Most urgent first: missing work, then late work, then the lowest average.
  const byUrgency = [...rows].sort(
    (a, b) => b.missing - a.missing || b.late - a.late || (a.average ?? 1) - (b.average ?? 1),
  );
  const attention = byUrgency.flatMap((r) => {
    const reasons: string[] = [];
    // Nothing handed in past a due date is worth a word at once; lateness only as a pattern.
    if (r.missing >= 1) reasons.push(`${r.missing} missing`);
    if (r.late >= 2) reasons.push(`${r.late} late`);
    if (r.average !== null && r.average < 0.5) reasons.push(`average ${Math.round(r.average * 100)}%`);
    if (r.dueSoon) reasons.push(`${r.dueSoon} due within two days, not started`);
    return reasons.length ? [{ student: r.student, reasons }] : [];
  });

  // The page of students the table shows.
  const sort: StudentSort = STUDENT_SORTS.includes(view.sort as StudentSort)
    ? (view.sort as StudentSort)
    : 'name';
  const sorted = [...rows].sort((a, b) =>
    sort === 'average'
      ? (a.average ?? -1) - (b.average ?? -1)
      : sort === 'late'
        ? b.late + b.missing - (a.late + a.missing)
        : (a.student.name ?? a.student.email).localeCompare(b.student.name ?? b.student.email),
  );
  const pageCount = Math.max(1, Math.ceil(sorted.length / STUDENTS_PER_PAGE));
  const pageNumber = Math.min(pageCount, Math.max(1, view.page ?? 1));
  const page = sorted.slice((pageNumber - 1) * STUDENTS_PER_PAGE, pageNumber * STUDENTS_PER_PAGE);
  // Their cells, from their own standings only.
  const pageScope = {
    assignmentIds: assigned.map((a) => a.assignment.id),
    userIds: page.map((r) => r.student.userId),
  };
  const [standings, pageAccommodations, bySkill] = await Promise.all([
    listStandingsOf(pageScope),
    listAccommodationsFor(pageScope),
    // Mastery by skill for the students shown (the heat map's rows), from the kept figures.
    listSkillTotals(pageScope),
  ]);
  const standingBy = new Map(standings.map((r) => [`${r.assignmentId}:${r.userId}`, r]));
  const accommodationBy = new Map(pageAccommodations.map((a) => [`${a.assignmentId}:${a.userId}`, a]));
  const shown = page.map((r) => ({
    ...r,
    cells: assigned.map(({ assignment, quizSettings }) => {
      const key = `${assignment.id}:${r.student.userId}`;
      return gradebookCell(
        assignment,
        { settings: quizSettings },
        standingBy.get(key) ?? null,
        accommodationBy.get(key) ?? null,
        now,
      );
    }),
  }));

  // Mastery by concept and the skills present, over the whole class.
  const skillTotals = new Map(bySkill.map((t) => [`${t.userId}:${t.skill}`, t]));
  const conceptTotals = new Map<string, { total: number; answers: number }>();
  for (const t of byQuestion) {
    for (const c of questionData.get(t.questionId)?.concepts ?? []) {
      const sum = conceptTotals.get(c) ?? { total: 0, answers: 0 };
      conceptTotals.set(c, { total: sum.total + t.total, answers: sum.answers + t.answers });
    }
  }
  const skills = [...new Set(byQuestion.flatMap((t) => questionData.get(t.questionId)?.skill ?? []))].sort();
  const heatmap = shown.map(({ student }) => ({
    student,
    bySkill: skills.map((skill) => {
      const t = skillTotals.get(`${student.userId}:${skill}`);
      return t ? t.total / t.answers : null;
    }),
  }));
  const concepts = [...conceptTotals.entries()]
    .map(([concept, t]) => ({ concept, mastery: t.total / t.answers, answers: t.answers }))
    .sort((a, b) => a.mastery - b.mastery);

  return {
    students,
    assigned,
    perAssignment,
    rows,
    attention,
    page: { sort, shown, pageNumber, pageCount, perPage: STUDENTS_PER_PAGE },
    skills,
    heatmap,
    concepts,
  };
}

export type StudentRow = { student: Student };

export type ClassProgress = Awaited<ReturnType<typeof classProgress>>;
