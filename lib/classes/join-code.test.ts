import { describe, expect, it } from 'vitest';
import { createClass, getMembership, setClassArchived, setJoinCode } from '@/db/queries/classes';
import { insertUser } from '@/db/queries/users';
import { setUpTestDatabase } from '@/db/test-database';
import { joinByCode, newJoinCode, normaliseJoinCode } from './join-code';

setUpTestDatabase();

const person = async (label: string) =>
  (await insertUser({ email: `${label}-${crypto.randomUUID()}@example.org`, name: label }))!;

describe('joining by code', () => {
  it('stops someone guessing codes after ten that match no class, and lets a right code in before that', async () => {
    const teacher = await person('teacher');
    const code = newJoinCode();
    const klass = await createClass({ name: 'Guessed', userId: teacher.id, joinCode: code });
    const guesser = await person('guesser');
    const tries = [];
    for (let i = 0; i < 11; i++) {
      tries.push(
        (await joinByCode({ userId: guesser.id, code: `ZZZZ-${1000 + i}`, ip: '198.51.100.20' })).status,
      );
    }
    expect(tries.slice(0, 10)).toEqual(Array(10).fill('invalid'));
    expect(tries[10]).toBe('rate-limited');
    // Locked out, even with the right code: guessing must not pay.
    expect((await joinByCode({ userId: guesser.id, code, ip: '198.51.100.20' })).status).toBe('rate-limited');
    // Someone else, elsewhere, is not held up by it.
    const student = await person('student');
    const joined = await joinByCode({ userId: student.id, code: normaliseJoinCode(code), ip: '203.0.113.8' });
    expect(joined.status).toBe('ok');
    expect(await getMembership({ classId: klass.id, userId: student.id })).not.toBeNull();
  });

  it('takes no one new into an archived class, even if its code is turned back on', async () => {
    const teacher = await person('teacher');
    const code = newJoinCode();
    const klass = await createClass({ name: 'Ended', userId: teacher.id, joinCode: code });
    await setClassArchived({ classId: klass.id, archived: true });
    // Archiving turns joining off; an instructor may turn a code on again by mistake.
    await setJoinCode({ classId: klass.id, joinCode: code });
    const late = await person('late');
    expect(await joinByCode({ userId: late.id, code, ip: null })).toMatchObject({ status: 'conflict' });
    expect(await getMembership({ classId: klass.id, userId: late.id })).toBeNull();
  });
});
