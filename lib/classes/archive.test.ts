import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, createClass, getClass, listClassesForUser, setClassArchived } from '@/db/queries/classes';
import { getDefaultQuiz } from '@/db/queries/quizzes';
import { getReadingBySlug } from '@/db/queries/readings';
import { insertUser } from '@/db/queries/users';
import { setUpTestDatabase } from '@/db/test-database';
import { assignForTest } from '@/db/test-fixtures';
import { startOrResumeAttempt, submitAttempt } from '@/lib/quiz/attempts';
import { seedShippedReadings } from '@/lib/seed';

setUpTestDatabase();

beforeAll(async () => {
  await seedShippedReadings();
});

describe('an archived class', () => {
  it('keeps results, lets an attempt under way finish, starts nothing new, and comes back when restored', async () => {
    const reading = await getReadingBySlug({ slug: 'burns-lead-with-diplomacy' });
    const quiz = (await getDefaultQuiz({ readingId: reading!.id }))!;
    const teacher = (await insertUser({ email: 'archive-teacher@example.org', name: 'Teacher' }))!;
    const klass = await createClass({ name: 'IR 101, fall', userId: teacher.id, joinCode: 'ARCHIVE1' });
    const assignment = await assignForTest({ classId: klass.id, quizId: quiz.id, createdBy: teacher.id });
    const student = (await insertUser({ email: 'archive-student@example.org', name: 'Student' }))!;
    await addMember({ classId: klass.id, userId: student.id, role: 'student' });
    const start = () =>
      startOrResumeAttempt({ quizId: quiz.id, userId: student.id, assignmentId: assignment.id });
    const first = await start();
    if (first.status !== 'ok') throw new Error(first.message);

    await setClassArchived({ classId: klass.id, archived: true });
    const archived = (await getClass({ classId: klass.id }))!;
    expect(archived.archivedAt).toBeInstanceOf(Date);
    expect(archived.joinCode).toBeNull();
    expect((await listClassesForUser({ userId: student.id }))[0]?.archivedAt).toBeInstanceOf(Date);
    // The attempt under way resumes and can be submitted; a new one is refused.
    const resumed = await start();
    expect(resumed.status === 'ok' && resumed.data.attempt.id).toBe(first.data.attempt.id);
    expect((await submitAttempt({ attemptId: first.data.attempt.id, userId: student.id })).status).toBe('ok');
    expect(await start()).toMatchObject({ status: 'forbidden', reason: 'archived' });

    await setClassArchived({ classId: klass.id, archived: false });
    expect((await start()).status).toBe('ok');
  });
});
