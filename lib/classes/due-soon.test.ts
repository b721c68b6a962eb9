import { beforeAll, describe, expect, it } from 'vitest';
import { createClass, setClassArchived } from '@/db/queries/classes';
import { getDefaultQuiz } from '@/db/queries/quizzes';
import { getReadingBySlug } from '@/db/queries/readings';
import { insertUser } from '@/db/queries/users';
import { setUpTestDatabase } from '@/db/test-database';
import { assignForTest } from '@/db/test-fixtures';
import { seedShippedReadings } from '@/lib/seed';
import { assignmentsDueSoon } from './due-soon';

setUpTestDatabase();

let quizId: string;

beforeAll(async () => {
  await seedShippedReadings();
  const reading = await getReadingBySlug({ slug: 'burns-lead-with-diplomacy' });
  quizId = (await getDefaultQuiz({ readingId: reading!.id }))!.id;
});

/** Tuesday 1 December 2026, noon UTC: already Wednesday 01:00 in Auckland, Tuesday 04:00 in Los Angeles. */
const NOW = new Date('2026-12-01T12:00:00Z');

describe('assignments due soon, on an instructor’s home', () => {
  it('are those due from now to the end of the seventh day in each class’s time zone, soonest first', async () => {
    const teacher = (await insertUser({ email: 'due-soon@example.org', name: 'Teacher' }))!;
    const other = (await insertUser({ email: 'not-mine@example.org', name: 'Other' }))!;
    const auckland = await createClass({
      name: 'Auckland',
      userId: teacher.id,
      joinCode: 'DUESOON1',
      timeZone: 'Pacific/Auckland',
    });
    const losAngeles = await createClass({
      name: 'Los Angeles',
      userId: teacher.id,
      joinCode: 'DUESOON2',
      timeZone: 'America/Los_Angeles',
    });
    const archived = await createClass({ name: 'Over', userId: teacher.id, joinCode: 'DUESOON3' });
    const notMine = await createClass({ name: 'Not mine', userId: other.id, joinCode: 'DUESOON4' });
    const assign = (classId: string, title: string, dueAt: string | null) =>
      assignForTest({
        classId,
        quizId,
        createdBy: teacher.id,
        title,
        dueAt: dueAt ? new Date(dueAt) : null,
      });
    // 8 December 09:00 UTC is 22:00 on the 8th in Auckland (its seventh day, from the 2nd) but
    // 01:00 on the 8th in Los Angeles (its eighth, from the 1st).
    await assign(auckland.id, 'Auckland, on the seventh day', '2026-12-08T09:00:00Z');
    await assign(losAngeles.id, 'Los Angeles, on the eighth day', '2026-12-08T09:00:00Z');
    await assign(losAngeles.id, 'Los Angeles, tomorrow', '2026-12-02T20:00:00Z');
    await assign(losAngeles.id, 'Already past', '2026-12-01T11:00:00Z');
    await assign(losAngeles.id, 'No due date', null);
    await assign(auckland.id, 'Next month', '2027-01-05T09:00:00Z');
    await assign(archived.id, 'In an archived class', '2026-12-03T09:00:00Z');
    await assign(notMine.id, 'Someone else’s class', '2026-12-03T09:00:00Z');
    await setClassArchived({ classId: archived.id, archived: true });

    const soon = await assignmentsDueSoon({ instructorId: teacher.id, now: NOW });
    expect(soon.map((a) => [a.title, a.className])).toEqual([
      ['Los Angeles, tomorrow', 'Los Angeles'],
      ['Auckland, on the seventh day', 'Auckland'],
    ]);
    // The other instructor sees their own class only.
    expect(await assignmentsDueSoon({ instructorId: other.id, now: NOW })).toMatchObject([
      { title: 'Someone else’s class' },
    ]);
  });
});
