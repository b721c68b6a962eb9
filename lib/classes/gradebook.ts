import type { Accommodation, Assignment } from '@/db/schema';
import { attemptRules, countedScore } from '@/lib/quiz/rules';
import { feedbackRelease } from '@/lib/server/policy';

/**
 * Where a student stands on an assignment. Missing (past due, nothing submitted) is not late
 * (submitted after the due date); excused counts as neither and stays out of averages, where
 * missing work counts 0 (countedInAverage).
 */
export type AssignmentStatus =
  | 'not started'
  | 'in progress'
  | 'submitted'
  | 'graded'
  | 'late'
  | 'missing'
  | 'excused';

type AttemptRow = {
  id: string;
  assignmentId: string | null;
  userId: string;
  status: 'in-progress' | 'submitted';
  score: number | null;
  late: boolean;
  submittedAt: Date | null;
};

export type Cell = {
  status: AssignmentStatus;
  /** The counted score of the best submitted attempt (late penalty applied), 0 to 1. */
  score: number | null;
  attemptId: string | null;
  attempts: number;
  /** Submitted after the due date. */
  late: boolean;
  /** Past the due date with nothing submitted (not excused). */
  missing: boolean;
  dueAt: Date | null;
  /** Whether the student may see the score yet (the policy's feedback release). */
  released: boolean;
};

/**
 * One student's standing on one assignment: best submitted attempt, and a status a student
 * and an instructor both understand.
 */
export function gradebookCell(
  assignment: Assignment,
  quizSettings: { settings: Parameters<typeof attemptRules>[0]['settings'] },
  mine: AttemptRow[],
  accommodation: Accommodation | null,
  now: Date,
): Cell {
  const rules = attemptRules(quizSettings, assignment, accommodation);
  const submitted = mine.filter((a) => a.status === 'submitted');
  const best = submitted
    .map((a) => ({ a, counted: countedScore(a.score, a.late, assignment.latePolicy) ?? 0 }))
    .sort((x, y) => y.counted - x.counted)[0];
  const overdue = Boolean(rules.dueAt && now > rules.dueAt);
  const released = feedbackRelease(rules, now).score;
  const excused = Boolean(accommodation?.excused);
  let status: AssignmentStatus;
  if (excused) status = 'excused';
  else if (best) status = best.a.late ? 'late' : released ? 'graded' : 'submitted';
  else if (mine.some((a) => a.status === 'in-progress')) status = 'in progress';
  else status = overdue ? 'missing' : 'not started';
  return {
    status,
    // An excused student's work, if any, does not count.
    score: best && !excused ? best.counted : null,
    attemptId: best?.a.id ?? null,
    attempts: mine.length,
    late: !excused && Boolean(best?.a.late),
    missing: status === 'missing',
    dueAt: rules.dueAt,
    released,
  };
}

/**
 * What a cell counts in an average, the one rule the dashboard and the gradebook exports share:
 * the counted score of the best submission (late penalty applied); 0 for missing work, once its
 * due date (the student's own, with any extension) has passed and not before (Canvas with a
 * missing-submission policy of 0; Moodle counting empty grades); nothing for excused work, work
 * not yet due, or an attempt still under way, which stay out of the average (README, "Using it", classes).
 */
export function countedInAverage(cell: Cell): number | null {
  return cell.missing ? 0 : cell.score;
}

/** The cell as its student may see it: no score until the feedback is released. */
export function studentCell(cell: Cell): Cell {
  return cell.released ? cell : { ...cell, score: null };
}

/** Past its due date with nothing handed in, yet the late policy still takes it. */
export function overdueButAccepted(item: {
  assignment: Pick<Assignment, 'latePolicy'>;
  cell: Cell;
}): boolean {
  return item.cell.status === 'missing' && item.assignment.latePolicy.kind !== 'refuse';
}

/**
 * A student's work still to do, in the order their home page lists it: overdue work that is
 * still accepted first, then what is under way, then what is not started (each in the order
 * given, which is by due date). Work handed in, excused, or past due and refused is left out.
 */
export function workToDo<T extends { assignment: Pick<Assignment, 'latePolicy'>; cell: Cell }>(
  items: T[],
): T[] {
  const rank = (item: T) => (overdueButAccepted(item) ? 0 : item.cell.status === 'in progress' ? 1 : 2);
  return items
    .filter(
      (item) =>
        overdueButAccepted(item) || item.cell.status === 'not started' || item.cell.status === 'in progress',
    )
    .sort((a, b) => rank(a) - rank(b));
}
