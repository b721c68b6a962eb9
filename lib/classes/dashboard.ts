import 'server-only';
import { listClassAssignments } from '@/db/queries/assignments';
import {
  listAccommodationsFor,
  listAssignmentAttempts,
  listMasteryTotals,
  listQuestionData,
  listStudents,
} from '@/db/queries/class-progress';
import type { Question } from '@/questions/schema';
import { type Cell, countedInAverage, gradebookCell } from './gradebook';

type Student = Awaited<ReturnType<typeof listStudents>>[number];

/** The gradebook of a class: every student against every assignment, from three queries. */
export async function classGradebook(classId: string, now = new Date()) {
  const [students, assigned] = await Promise.all([
    listStudents({ classId }),
    listClassAssignments({ classId }),
  ]);
  const ids = assigned.map((a) => a.assignment.id);
  const [attemptRows, accommodationRows] = await Promise.all([
    listAssignmentAttempts({ assignmentIds: ids }),
    listAccommodationsFor({ assignmentIds: ids }),
  ]);
  const attemptsBy = new Map<string, typeof attemptRows>();
  for (const a of attemptRows) {
    const key = `${a.assignmentId}:${a.userId}`;
    const list = attemptsBy.get(key);
    if (list) list.push(a);
    else attemptsBy.set(key, [a]);
  }
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
          attemptsBy.get(key) ?? [],
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

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** What the class dashboard shows: completion and distributions, students who need attention, and mastery by skill. */
export async function classProgress(classId: string, now = new Date()) {
  const book = await classGradebook(classId, now);
  const perAssignment = book.assigned.map(({ assignment, readingTitle, questionCount }) => {
    const cells = book.students.map((s) => book.cell(assignment.id, s.userId));
    // Missing work counts 0 once past due (countedInAverage), in the average and the distribution.
    const scores = cells.flatMap((c) => countedInAverage(c) ?? []);
    const buckets = [0, 0, 0, 0, 0];
    for (const score of scores) buckets[Math.min(4, Math.floor(score * 5))]! += 1;
    return {
      assignment,
      readingTitle,
      questionCount,
      submitted: cells.filter((c) => c.score !== null).length,
      /** How many scores the average and the distribution hold (submitted and missing). */
      counted: scores.length,
      students: book.students.length,
      average: mean(scores),
      distribution: buckets,
    };
  });

  const rows = book.students.map((s) => {
    const cells = book.assigned.map(({ assignment }) => book.cell(assignment.id, s.userId));
    // The student's class average: missing work counts 0 once past due; excused stays out.
    const scores = cells.flatMap((c) => countedInAverage(c) ?? []);
    return {
      student: s,
      cells,
      average: mean(scores),
      late: cells.filter((c) => c.late).length,
      missing: cells.filter((c) => c.missing).length,
    };
  });

  // Attention: any missing work, two or more late, a failing average, or
  // work due within two days and not started.
  const attention = rows.flatMap((r) => {
    const reasons: string[] = [];
    // Nothing handed in past a due date is worth a word at once; lateness only as a pattern.
    if (r.missing >= 1) reasons.push(`${r.missing} missing`);
    if (r.late >= 2) reasons.push(`${r.late} late`);
    if (r.average !== null && r.average < 0.5) reasons.push(`average ${Math.round(r.average * 100)}%`);
    const dueSoon = r.cells.filter(
      (c) =>
        c.status === 'not started' &&
        c.dueAt &&
        c.dueAt > now &&
        c.dueAt.getTime() - now.getTime() < 2 * 86_400_000,
    ).length;
    if (dueSoon) reasons.push(`${dueSoon} due within two days, not started`);
    return reasons.length ? [{ student: r.student, reasons }] : [];
  });

  // Mastery by skill and concept: each student's counted answers on the class's assignments,
  // totalled by the database (a large class has half a million answers).
  const bestAttempts = [...book.cells.values()].flatMap((c) => (c.attemptId ? [c.attemptId] : []));
  const totals = await listMasteryTotals({ attemptIds: bestAttempts });
  const questionData: Map<string, Question> = await listQuestionData({
    ids: totals.byQuestion.map((t) => t.questionId),
  });
  const skillTotals = new Map<string, Map<string, { total: number; answers: number }>>();
  for (const t of totals.bySkill) {
    const byStudent = skillTotals.get(t.skill) ?? new Map<string, { total: number; answers: number }>();
    byStudent.set(t.userId, t);
    skillTotals.set(t.skill, byStudent);
  }
  const conceptTotals = new Map<string, { total: number; answers: number }>();
  for (const t of totals.byQuestion) {
    for (const c of questionData.get(t.questionId)?.concepts ?? []) {
      const sum = conceptTotals.get(c) ?? { total: 0, answers: 0 };
      conceptTotals.set(c, { total: sum.total + t.total, answers: sum.answers + t.answers });
    }
  }
  const skills = [...skillTotals.keys()].sort();
  const heatmap = book.students.map((s) => ({
    student: s,
    bySkill: skills.map((skill) => {
      const t = skillTotals.get(skill)?.get(s.userId);
      return t ? t.total / t.answers : null;
    }),
  }));
  const concepts = [...conceptTotals.entries()]
    .map(([concept, t]) => ({ concept, mastery: t.total / t.answers, answers: t.answers }))
    .sort((a, b) => a.mastery - b.mastery);

  return { book, perAssignment, rows, attention, skills, heatmap, concepts };
}

export type StudentRow = { student: Student };

export type ClassProgress = Awaited<ReturnType<typeof classProgress>>;
