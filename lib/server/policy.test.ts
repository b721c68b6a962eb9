import { beforeAll, describe, expect, it } from 'vitest';
import { createAssignment, saveAccommodation } from '@/db/queries/assignments';
import { addMember, createClass } from '@/db/queries/classes';
import { listQuizScores } from '@/db/queries/progress';
import { setQuestionStatus } from '@/db/queries/questions';
import { getDefaultQuiz, getQuiz } from '@/db/queries/quizzes';
import { getReadingBySlug } from '@/db/queries/readings';
import { addQuestionCards, countDue, dueCards } from '@/db/queries/review';
import { insertUser } from '@/db/queries/users';
import type { Quiz } from '@/db/schema';
import { setUpTestDatabase } from '@/db/test-database';
import { releaseForStudent, startOrResumeAttempt, submitAttempt } from '@/lib/quiz/attempts';
import { seedShippedReadings } from '@/lib/seed';
import { newCardFields } from '@/lib/srs/schedule';
import {
  feedbackRelease,
  managedBankOwner,
  mayAssignQuiz,
  mayTakeQuizForSelfStudy,
  mayViewReading,
} from './policy';

setUpTestDatabase();

let quiz: Quiz;
let serial = 0;
const person = async (label: string) =>
  (await insertUser({ email: `${label}-${++serial}@policy.test`, name: label }))!;
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  await seedShippedReadings();
  const reading = await getReadingBySlug({ slug: 'burns-lead-with-diplomacy' });
  quiz = (await getDefaultQuiz({ readingId: reading!.id }))!;
});

describe('the rules as predicates', () => {
  const user = { id: 'u1', siteAdmin: false };
  const admin = { id: 'a1', siteAdmin: true };

  it('manages a shipped bank only as a site administrator; anyone else works on a copy', () => {
    expect(managedBankOwner(admin, { createdBy: null }, false)).toBeNull();
    expect(managedBankOwner(user, { createdBy: null }, false)).toBeUndefined();
    expect(managedBankOwner(user, { createdBy: null }, true)).toBe('u1');
    expect(managedBankOwner(user, { createdBy: 'u1' }, false)).toBeNull();
    expect(managedBankOwner(admin, { createdBy: 'u1' }, false)).toBeUndefined();
  });

  it('assigns a default quiz or one of your own, on a published reading, and the same rule fills the form', () => {
    const published = { status: 'published' as const };
    expect(mayAssignQuiz(user, { isDefault: true, createdBy: null }, published)).toBe(true);
    expect(mayAssignQuiz(user, { isDefault: false, createdBy: 'u1' }, published)).toBe(true);
    expect(mayAssignQuiz(user, { isDefault: false, createdBy: 'u2' }, published)).toBe(false);
    expect(mayAssignQuiz(user, { isDefault: true, createdBy: null }, { status: 'draft' })).toBe(false);
  });

  it('opens a draft reading and its quiz to its author only', () => {
    const draft = { status: 'draft' as const, createdBy: 'u2' };
    expect(mayViewReading(user, draft)).toBe(false);
    expect(mayTakeQuizForSelfStudy(user, { isDefault: true, createdBy: null }, draft)).toBe(false);
    expect(
      mayTakeQuizForSelfStudy(user, { isDefault: false, createdBy: 'u2' }, { ...draft, status: 'published' }),
    ).toBe(false);
  });
});

describe('feedback release, the same rule in the predicate and in SQL', () => {
  it('agrees on every combination of release setting, due date and accommodation', async () => {
    const now = new Date();
    const teacher = await person('teacher');
    const klass = await createClass({ name: 'Release grid', userId: teacher.id, joinCode: `R-${++serial}` });
    const cases = [];
    for (const release of ['after-submit', 'after-due'] as const)
      for (const due of [null, -DAY, DAY])
        for (const personal of [undefined, -DAY, DAY]) cases.push({ release, due, personal });
    for (const c of cases) {
      const student = await person('student');
      await addMember({ classId: klass.id, userId: student.id, role: 'student' });
      const assignment = await createAssignment({
        classId: klass.id,
        quizId: quiz.id,
        title: JSON.stringify(c),
        opensAt: null,
        dueAt: c.due === null ? null : new Date(now.getTime() + c.due),
        attemptsAllowed: null,
        timeLimitMinutes: null,
        latePolicy: { kind: 'accept' },
        feedbackRelease: c.release,
        createdBy: teacher.id,
      });
      if (c.personal !== undefined)
        await saveAccommodation({
          assignmentId: assignment.id,
          userId: student.id,
          extraMinutes: 0,
          extraAttempts: 0,
          dueAt: new Date(now.getTime() + c.personal),
        });
      const started = await startOrResumeAttempt({
        quizId: quiz.id,
        userId: student.id,
        assignmentId: assignment.id,
        now: new Date(now.getTime() - 2 * DAY),
      });
      if (started.status !== 'ok') throw new Error(started.message);
      const submitted = await submitAttempt({ attemptId: started.data.attempt.id, userId: student.id, now });
      if (submitted.status !== 'ok') throw new Error(submitted.message);
      const predicate = (await releaseForStudent(submitted.data.attempt, now)).score;
      const inSql = (await listQuizScores({ userId: student.id, now })).length === 1;
      expect({ ...c, inSql }).toEqual({ ...c, inSql: predicate });
    }
    // The grid covers both answers.
    expect(
      feedbackRelease({ feedbackRelease: 'after-due', dueAt: new Date(now.getTime() + DAY) }, now).score,
    ).toBe(false);
  });
});

describe('retired questions leave students', () => {
  it('are left out of new attempts, and their review cards stop coming back', async () => {
    const admin = await person('admin');
    const student = await person('student');
    const retired = quiz.questionIds[1]!;
    await addQuestionCards({
      userId: student.id,
      cards: [{ questionId: retired, readingId: quiz.readingId, reason: 'missed' }],
      fields: newCardFields(new Date(Date.now() - DAY)),
    });
    expect(
      (
        await dueCards({
          userId: student.id,
          window: { now: new Date(), startOfDay: new Date(), endOfDay: new Date() },
        })
      ).map((c) => c.questionId),
    ).toContain(retired);

    await setQuestionStatus({ ids: [retired], status: 'retired', reviewerId: admin.id });
    try {
      const started = await startOrResumeAttempt({ quizId: quiz.id, userId: student.id });
      if (started.status !== 'ok') throw new Error(started.message);
      expect(started.data.attempt.questionIds).not.toContain(retired);
      expect(started.data.attempt.questionIds).toHaveLength(
        (await getQuiz({ quizId: quiz.id }))!.questionIds.length - 1,
      );
      expect(
        (
          await dueCards({
            userId: student.id,
            window: { now: new Date(), startOfDay: new Date(), endOfDay: new Date() },
          })
        ).map((c) => c.questionId),
      ).not.toContain(retired);
      expect(
        await countDue({
          userId: student.id,
          window: { now: new Date(), startOfDay: new Date(), endOfDay: new Date() },
        }),
      ).toBe(0);
    } finally {
      await setQuestionStatus({ ids: [retired], status: 'approved', reviewerId: admin.id });
    }
  });
});
