import { beforeAll, describe, expect, it } from 'vitest';
import { createAssignment, saveAccommodation } from '@/db/queries/assignments';
import { addMember, createClass } from '@/db/queries/classes';
import { getDefaultQuiz } from '@/db/queries/quizzes';
import { getReadingBySlug } from '@/db/queries/readings';
import { insertUser } from '@/db/queries/users';
import type { LatePolicy, Quiz } from '@/db/schema';
import { setUpTestDatabase } from '@/db/test-database';
import { saveAnswer, startOrResumeAttempt, submitAttempt } from '@/lib/quiz/attempts';
import { attemptGrade, countedScore } from '@/lib/quiz/rules';
import { seedShippedReadings } from '@/lib/seed';
import { classGradebook } from './dashboard';

setUpTestDatabase();

let quiz: Quiz;
let n = 0;
const person = async (label: string) =>
  (await insertUser({ email: `${label}-${n++}@example.org`, name: label }))!;
const t = (iso: string) => new Date(iso);

beforeAll(async () => {
  await seedShippedReadings();
  quiz = (await getDefaultQuiz({
    readingId: (await getReadingBySlug({ slug: 'burns-lead-with-diplomacy' }))!.id,
  }))!;
});

async function classWith(options: {
  dueAt?: Date;
  opensAt?: Date;
  latePolicy?: LatePolicy;
  attemptsAllowed?: number;
  timeLimitMinutes?: number;
}) {
  const teacher = await person('teacher');
  const student = await person('student');
  const klass = await createClass({
    name: 'Test class',
    userId: teacher.id,
    joinCode: `T${n}-${Date.now()}`,
  });
  await addMember({ classId: klass.id, userId: student.id, role: 'student' });
  const assignment = await createAssignment({
    classId: klass.id,
    quizId: quiz.id,
    title: 'Assigned Burns quiz',
    opensAt: options.opensAt ?? null,
    dueAt: options.dueAt ?? null,
    attemptsAllowed: options.attemptsAllowed ?? null,
    timeLimitMinutes: options.timeLimitMinutes ?? null,
    latePolicy: options.latePolicy ?? { kind: 'accept' },
    feedbackRelease: 'after-submit',
    createdBy: teacher.id,
  });
  return { teacher, student, klass, assignment };
}

describe('assignments', () => {
  it('opens only to students of the class, and only once open', async () => {
    const { teacher, student, assignment } = await classWith({ opensAt: t('2026-06-01T00:00:00Z') });
    const outsider = await person('outsider');
    const start = (userId: string, now: Date) =>
      startOrResumeAttempt({ quizId: quiz.id, userId, assignmentId: assignment.id, now });
    expect((await start(outsider.id, t('2026-06-02T00:00:00Z'))).status).toBe('not-found');
    expect((await start(teacher.id, t('2026-06-02T00:00:00Z'))).status).toBe('not-found');
    expect(await start(student.id, t('2026-05-31T00:00:00Z'))).toMatchObject({ reason: 'not-open' });
    expect((await start(student.id, t('2026-06-02T00:00:00Z'))).status).toBe('ok');
  });

  it('marks late work, applies a late penalty in the gradebook, and refuses when the policy says so', async () => {
    const penalty = await classWith({
      dueAt: t('2026-06-10T00:00:00Z'),
      latePolicy: { kind: 'penalty', percent: 20 },
    });
    const started = await startOrResumeAttempt({
      quizId: quiz.id,
      userId: penalty.student.id,
      assignmentId: penalty.assignment.id,
      now: t('2026-06-11T00:00:00Z'),
    });
    if (started.status !== 'ok') throw new Error(started.message);
    const saved = await saveAnswer({
      session: 'checked',
      attemptId: started.data.attempt.id,
      userId: penalty.student.id,
      questionId: 'burns-tf-expulsions',
      response: { type: 'true-false', value: true },
      flagged: false,
      confidence: null,
      clientSeq: 1,
      now: t('2026-06-11T00:05:00Z'),
    });
    expect(saved.status).toBe('ok');
    const done = await submitAttempt({
      attemptId: started.data.attempt.id,
      userId: penalty.student.id,
      now: t('2026-06-11T00:10:00Z'),
    });
    if (done.status !== 'ok') throw new Error(done.message);
    expect(done.data.attempt.late).toBe(true);
    expect(countedScore(0.5, true, { kind: 'penalty', percent: 20 })).toBe(0.4);
    const book = await classGradebook(penalty.klass.id, t('2026-06-12T00:00:00Z'));
    const cell = book.cell(penalty.assignment.id, penalty.student.id);
    expect(cell).toMatchObject({ status: 'late', late: true, attempts: 1 });
    // One grade everywhere: the results page's grade is the gradebook's, penalty and all.
    const grade = attemptGrade(done.data.attempt, penalty.assignment);
    expect(grade.earned).toBeCloseTo(1 / quiz.questionIds.length, 4);
    expect(grade.penaltyPercent).toBe(20);
    expect(grade.counted).toBeCloseTo(grade.earned * 0.8, 6);
    expect(cell.score).toBeCloseTo(grade.counted, 6);

    const refuse = await classWith({ dueAt: t('2026-06-10T00:00:00Z'), latePolicy: { kind: 'refuse' } });
    const late = await startOrResumeAttempt({
      quizId: quiz.id,
      userId: refuse.student.id,
      assignmentId: refuse.assignment.id,
      now: t('2026-06-11T00:00:00Z'),
    });
    expect(late).toMatchObject({ status: 'forbidden', reason: 'closed' });
    // Started before the due date: the attempt cannot run past it.
    const early = await startOrResumeAttempt({
      quizId: quiz.id,
      userId: refuse.student.id,
      assignmentId: refuse.assignment.id,
      now: t('2026-06-09T23:50:00Z'),
    });
    expect(early.status === 'ok' && early.data.attempt.deadlineAt?.toISOString()).toBe(
      '2026-06-10T00:00:00.000Z',
    );
  });

  it('gives a student with an accommodation extra time, extra attempts and a later due date', async () => {
    const { student, assignment, klass } = await classWith({
      dueAt: t('2026-07-01T00:00:00Z'),
      attemptsAllowed: 1,
      timeLimitMinutes: 20,
      latePolicy: { kind: 'refuse' },
    });
    await saveAccommodation({
      assignmentId: assignment.id,
      userId: student.id,
      extraMinutes: 10,
      extraAttempts: 1,
      dueAt: t('2026-07-03T00:00:00Z'),
    });
    const now = t('2026-07-02T00:00:00Z');
    const first = await startOrResumeAttempt({
      quizId: quiz.id,
      userId: student.id,
      assignmentId: assignment.id,
      now,
    });
    if (first.status !== 'ok') throw new Error(first.message);
    expect(first.data.attempt.deadlineAt?.getTime()).toBe(now.getTime() + 30 * 60_000);
    await submitAttempt({ attemptId: first.data.attempt.id, userId: student.id, now });
    const second = await startOrResumeAttempt({
      quizId: quiz.id,
      userId: student.id,
      assignmentId: assignment.id,
      now,
    });
    expect(second.status).toBe('ok');
    if (second.status === 'ok')
      await submitAttempt({ attemptId: second.data.attempt.id, userId: student.id, now });
    expect(
      await startOrResumeAttempt({ quizId: quiz.id, userId: student.id, assignmentId: assignment.id, now }),
    ).toMatchObject({ reason: 'no-attempts-left' });
    const book = await classGradebook(klass.id, now);
    expect(book.cell(assignment.id, student.id)).toMatchObject({
      status: 'graded',
      late: false,
      attempts: 2,
    });
  });

  it('keeps self-study attempts apart from assignment attempts', async () => {
    const { student, assignment } = await classWith({ attemptsAllowed: 1 });
    const own = await startOrResumeAttempt({ quizId: quiz.id, userId: student.id });
    const assigned = await startOrResumeAttempt({
      quizId: quiz.id,
      userId: student.id,
      assignmentId: assignment.id,
    });
    expect(
      own.status === 'ok' && assigned.status === 'ok' && own.data.attempt.id !== assigned.data.attempt.id,
    ).toBe(true);
    if (own.status === 'ok' && assigned.status === 'ok') {
      expect([own.data.attempt.assignmentId, assigned.data.attempt.assignmentId]).toEqual([
        null,
        assignment.id,
      ]);
      expect([own.data.attempt.number, assigned.data.attempt.number]).toEqual([1, 1]);
    }
  });
});
