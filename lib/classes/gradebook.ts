import type { Accommodation, Assignment } from '@/db/schema';
import { attemptRules } from '@/lib/quiz/rules';
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

/**
 * A student's attempts at an assignment as the class figures keep them (db/queries/assignment-results.ts,
 * which decides the attempt that counts and takes the late penalty off); null before any attempt.
 */
export type Standing = {
  attempts: number;
  inProgress: boolean;
  bestAttemptId: string | null;
  /** The best submission's score after the late penalty, 0 to 1. */
  bestCounted: number | null;
  bestLate: boolean;
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
  standing: Standing | null,
  accommodation: Accommodation | null,
  now: Date,
): Cell {
  const rules = attemptRules(quizSettings, assignment, accommodation);
  const best = standing?.bestAttemptId
    ? { id: standing.bestAttemptId, counted: standing.bestCounted ?? 0, late: standing.bestLate }
    : null;
  const overdue = Boolean(rules.dueAt && now > rules.dueAt);
  const released = feedbackRelease(rules, now).score;
  const excused = Boolean(accommodation?.excused);
  let status: AssignmentStatus;
  if (excused) status = 'excused';
  else if (best) status = best.late ? 'late' : released ? 'graded' : 'submitted';
  else if (standing?.inProgress) status = 'in progress';
  else status = overdue ? 'missing' : 'not started';
  return {
    status,
    // An excused student's work, if any, does not count.
    score: best && !excused ? best.counted : null,
    attemptId: best?.id ?? null,
    attempts: standing?.attempts ?? 0,
    late: !excused && Boolean(best?.late),
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
