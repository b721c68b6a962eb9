import { describe, expect, it } from 'vitest';
import type { Accommodation, Assignment } from '@/db/schema';
import { gradebookCell, type Standing, workToDo } from './gradebook';

const DUE = new Date('2026-06-10T00:00:00Z');
const BEFORE = new Date('2026-06-09T00:00:00Z');
const AFTER = new Date('2026-06-11T00:00:00Z');

const assignment: Assignment = {
  id: 'a1',
  classId: 'c1',
  quizId: 'q1',
  title: 'Burns',
  opensAt: null,
  dueAt: DUE,
  attemptsAllowed: null,
  timeLimitMinutes: null,
  latePolicy: { kind: 'penalty', percent: 20 },
  feedbackRelease: 'after-submit',
  createdBy: null,
  createdAt: BEFORE,
};
const settings = {
  settings: { attemptsAllowed: null, timeLimitMinutes: null, feedback: 'after-submit' },
} as Parameters<typeof gradebookCell>[1];
/** One attempt's standing, as db/queries/assignment-results.ts keeps it (late penalty already taken off). */
const attempt = (status: 'in-progress' | 'submitted', late = false, counted = 0.5): Standing => ({
  attempts: 1,
  inProgress: status === 'in-progress',
  bestAttemptId: status === 'submitted' ? `t-${late}` : null,
  bestCounted: status === 'submitted' ? counted : null,
  bestLate: status === 'submitted' && late,
});
const excused: Accommodation = {
  assignmentId: 'a1',
  userId: 'u1',
  extraMinutes: 0,
  extraAttempts: 0,
  dueAt: null,
  excused: true,
};

describe('a student’s standing on an assignment', () => {
  it('is missing, not late, when nothing was handed in by the due date', () => {
    const cell = gradebookCell(assignment, settings, null, null, AFTER);
    expect(cell).toMatchObject({ status: 'missing', missing: true, late: false, score: null });
    expect(gradebookCell(assignment, settings, null, null, BEFORE)).toMatchObject({
      status: 'not started',
      missing: false,
    });
  });

  it('is late only when submitted after the due date, with its counted score', () => {
    const cell = gradebookCell(assignment, settings, attempt('submitted', true, 0.4), null, AFTER);
    expect(cell).toMatchObject({ status: 'late', late: true, missing: false });
    expect(cell.score).toBeCloseTo(0.4, 6);
  });

  it('is in progress while an attempt is open, past the due date too', () => {
    const cell = gradebookCell(assignment, settings, attempt('in-progress'), null, AFTER);
    expect(cell).toMatchObject({ status: 'in progress', missing: false, late: false });
  });

  it('is excused, neither missing nor counted, whatever was handed in', () => {
    expect(gradebookCell(assignment, settings, null, excused, AFTER)).toMatchObject({
      status: 'excused',
      missing: false,
      score: null,
    });
    const handedIn = gradebookCell(assignment, settings, attempt('submitted'), excused, AFTER);
    expect(handedIn).toMatchObject({ status: 'excused', score: null, late: false });
  });
});

describe('a student’s work still to do', () => {
  it('puts overdue work that is still accepted first, then work under way, then work not started', () => {
    const item = (id: string, latePolicy: Assignment['latePolicy'], dueAt: Date, mine: Standing | null) => {
      const a = { ...assignment, id, title: id, dueAt, latePolicy };
      return { assignment: a, cell: gradebookCell(a, settings, mine, null, AFTER) };
    };
    const later = new Date('2026-06-30T00:00:00Z');
    // In the order the home page gets them: by due date.
    const items = [
      item('refused, overdue', { kind: 'refuse' }, DUE, null),
      item('handed in', { kind: 'accept' }, DUE, attempt('submitted')),
      item('not started', { kind: 'accept' }, later, null),
      item('under way', { kind: 'accept' }, later, attempt('in-progress')),
      item('overdue, with a penalty', { kind: 'penalty', percent: 20 }, DUE, null),
      item('overdue, accepted', { kind: 'accept' }, DUE, null),
    ];
    expect(workToDo(items).map((i) => i.assignment.title)).toEqual([
      'overdue, with a penalty',
      'overdue, accepted',
      'under way',
      'not started',
    ]);
  });
});
