import { beforeAll, describe, expect, it } from 'vitest';
import { setExcused } from '@/db/queries/assignments';
import { addMember, createClass } from '@/db/queries/classes';
import { getDefaultQuiz } from '@/db/queries/quizzes';
import { getReadingBySlug } from '@/db/queries/readings';
import { insertUser } from '@/db/queries/users';
import type { Assignment } from '@/db/schema';
import { setUpTestDatabase } from '@/db/test-database';
import { assignForTest } from '@/db/test-fixtures';
import { saveAnswer, startOrResumeAttempt, submitAttempt } from '@/lib/quiz/attempts';
import { seedShippedReadings } from '@/lib/seed';
import { classGradebook, classProgress } from './dashboard';
import { gradebookCsv } from './exports';
import { countedInAverage } from './gradebook';

/**
 * How missing work counts, on the class page and in the gradebook CSV alike: 0 once the due date
 * has passed (and not before), excused work left out; and who needs attention, including a
 * student who handed in nothing and one who joined after the due date.
 */
setUpTestDatabase();

const t = (iso: string) => new Date(iso);
const FIRST_DUE = t('2026-06-10T00:00:00Z');
const SECOND_DUE = t('2026-06-20T00:00:00Z');
/** Between the two due dates, and after both. */
const BETWEEN = t('2026-06-12T00:00:00Z');
const AFTER_BOTH = t('2026-06-21T00:00:00Z');

let classId: string;
let first: Assignment;
let second: Assignment;
const ids: Record<'tomas' | 'kim' | 'ana' | 'lee', string> = { tomas: '', kim: '', ana: '', lee: '' };

/** Hands in the assignment at `now` with one question right, as a student would. */
async function handIn(assignment: Assignment, userId: string, now: Date) {
  const started = await startOrResumeAttempt({
    quizId: assignment.quizId,
    userId,
    assignmentId: assignment.id,
    now,
  });
  if (started.status !== 'ok') throw new Error(started.message);
  await saveAnswer({
    session: 'checked',
    attemptId: started.data.attempt.id,
    userId,
    questionId: 'burns-tf-expulsions',
    response: { type: 'true-false', value: true },
    flagged: false,
    confidence: null,
    clientSeq: 1,
    now,
  });
  const done = await submitAttempt({ attemptId: started.data.attempt.id, userId, now });
  if (done.status !== 'ok') throw new Error(done.message);
}

/**
 * Two assignments (the first with a 20 % late penalty). Tomás hands both in on time; Kim hands
 * in nothing; Ana is excused from the first and hands in nothing; Lee joined after the first
 * due date and hands in nothing.
 */
beforeAll(async () => {
  await seedShippedReadings();
  const reading = await getReadingBySlug({ slug: 'burns-lead-with-diplomacy' });
  const quiz = (await getDefaultQuiz({ readingId: reading!.id }))!;
  const teacher = (await insertUser({ email: 'averages-teacher@example.org', name: 'Amara Okafor' }))!;
  const klass = await createClass({ name: 'IR 101', userId: teacher.id, joinCode: 'AVERAGE1' });
  classId = klass.id;
  const assign = (title: string, dueAt: Date) =>
    assignForTest({
      classId,
      quizId: quiz.id,
      createdBy: teacher.id,
      title,
      dueAt,
      latePolicy: { kind: 'penalty', percent: 20 },
    });
  first = await assign('Week 1', FIRST_DUE);
  second = await assign('Week 2', SECOND_DUE);
  const student = async (key: keyof typeof ids, name: string, joinedAt: Date) => {
    const user = (await insertUser({ email: `${key}-averages@example.org`, name }))!;
    await addMember({ classId, userId: user.id, role: 'student', joinedAt });
    ids[key] = user.id;
  };
  await student('tomas', 'Tomás Pérez', t('2026-06-01T00:00:00Z'));
  await student('kim', 'Kim Lee', t('2026-06-01T00:00:00Z'));
  await student('ana', 'Ana Silva', t('2026-06-01T00:00:00Z'));
  await student('lee', 'Lee Park', t('2026-06-11T00:00:00Z'));
  await handIn(first, ids.tomas, t('2026-06-05T00:00:00Z'));
  await handIn(second, ids.tomas, t('2026-06-05T00:00:00Z'));
  await setExcused({ assignmentId: first.id, userId: ids.ana, excused: true });
});

describe('class averages and who needs attention', () => {
  it('count missing work as 0 once its due date has passed, not before, and leave excused work out', async () => {
    const progress = await classProgress(classId, BETWEEN);
    const book = await classGradebook(classId, BETWEEN);
    const row = (key: keyof typeof ids) => progress.rows.find((r) => r.student.userId === ids[key])!;
    const tomas = book.cell(first.id, ids.tomas).score!;
    expect(tomas).toBeGreaterThan(0);
    // Kim and Lee (who joined after the due date) are missing the first, not late; the second is not yet due.
    for (const key of ['kim', 'lee'] as const) {
      expect(book.cell(first.id, ids[key])).toMatchObject({ status: 'missing', late: false });
      expect(book.cell(second.id, ids[key]).status).toBe('not started');
      expect(row(key)).toMatchObject({ average: 0, missing: 1, late: 0 });
    }
    expect(row('tomas').average).toBeCloseTo(tomas, 6);
    // Excused from the only assignment past due: no average at all, and no attention.
    expect(row('ana')).toMatchObject({ average: null, missing: 0 });

    const [week1, week2] = progress.perAssignment;
    expect(week1).toMatchObject({
      submitted: 1,
      counted: 3,
      students: 4,
      // Tomás's one right answer of twelve and the two zeros, all in the lowest fifth.
      distribution: [3, 0, 0, 0, 0],
    });
    expect(week1!.average).toBeCloseTo(tomas / 3, 6);
    expect(week2).toMatchObject({ submitted: 1, counted: 1 });
    expect(week2!.average).toBeCloseTo(tomas, 6);

    // Once the second is past due too, everyone who handed nothing in has a 0 for it.
    const later = await classProgress(classId, AFTER_BOTH);
    const laterRow = (key: keyof typeof ids) => later.rows.find((r) => r.student.userId === ids[key])!;
    expect(laterRow('kim')).toMatchObject({ average: 0, missing: 2 });
    expect(laterRow('ana')).toMatchObject({ average: 0, missing: 1 });
    expect(later.perAssignment[1]!.average).toBeCloseTo(tomas / 4, 6);
  });

  it('lists every student with missing work under needs attention, a late joiner too', async () => {
    const progress = await classProgress(classId, BETWEEN);
    const attention = new Map(progress.attention.map((a) => [a.student.userId, a.reasons]));
    expect(attention.get(ids.kim)).toEqual(['1 missing', 'average 0%']);
    expect(attention.get(ids.lee)).toEqual(['1 missing', 'average 0%']);
    expect(attention.has(ids.ana)).toBe(false);
    // Tomás's one right answer of twelve is a failing average, and only that.
    expect(attention.get(ids.tomas)).toEqual(['average 8%']);
  });

  it('sums in the database what the gradebook’s cells say, student by student and assignment by assignment', async () => {
    // Before the first due date (Week 1 due within two days), between the two, after both.
    for (const now of [t('2026-06-08T12:00:00Z'), BETWEEN, AFTER_BOTH]) {
      const progress = await classProgress(classId, now);
      const book = await classGradebook(classId, now);
      const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
      for (const s of book.students) {
        const cells = book.assigned.map(({ assignment }) => book.cell(assignment.id, s.userId));
        const scores = cells.flatMap((c) => countedInAverage(c) ?? []);
        const row = progress.rows.find((r) => r.student.userId === s.userId)!;
        const expected = {
          late: cells.filter((c) => c.late).length,
          missing: cells.filter((c) => c.missing).length,
          dueSoon: cells.filter(
            (c) => c.status === 'not started' && c.dueAt && c.dueAt > now && +c.dueAt - +now < 2 * 86_400_000,
          ).length,
        };
        expect(row, `${s.email} at ${now.toISOString()}`).toMatchObject(expected);
        const average = mean(scores);
        if (average === null) expect(row.average).toBeNull();
        else expect(row.average).toBeCloseTo(average, 9);
      }
      for (const a of progress.perAssignment) {
        const cells = book.students.map((s) => book.cell(a.assignment.id, s.userId));
        const scores = cells.flatMap((c) => countedInAverage(c) ?? []);
        const buckets = [0, 0, 0, 0, 0];
        for (const score of scores) buckets[Math.min(4, Math.floor(score * 5))]! += 1;
        expect(a).toMatchObject({
          submitted: cells.filter((c) => c.score !== null).length,
          counted: scores.length,
          distribution: buckets,
        });
        const average = mean(scores);
        if (average === null) expect(a.average).toBeNull();
        else expect(a.average).toBeCloseTo(average, 9);
      }
      // The page's own cells are the gradebook's.
      for (const r of progress.page.shown)
        expect(r.cells).toEqual(
          book.assigned.map(({ assignment }) => book.cell(assignment.id, r.student.userId)),
        );
    }
  });

  it('exports the same rule: 0 points for missing work past due, empty before, EX for excused', async () => {
    const rows = (await gradebookCsv(classId, 'IR 101', 'canvas', BETWEEN)).trimEnd().split('\r\n');
    const byEmail = (key: keyof typeof ids) =>
      rows
        .find((r) => r.includes(`${key}-averages@example.org`))!
        .split(',')
        .slice(-2);
    expect(byEmail('kim')).toEqual(['0.00', '']);
    expect(byEmail('lee')).toEqual(['0.00', '']);
    expect(byEmail('ana')).toEqual(['EX', '']);
    const moodle = (await gradebookCsv(classId, 'IR 101', 'moodle', AFTER_BOTH)).trimEnd().split('\r\n');
    expect(
      moodle
        .find((r) => r.includes('ana-averages@example.org'))!
        .split(',')
        .slice(-2),
    ).toEqual(['', '0.00']);
  });
});
