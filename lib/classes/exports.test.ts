import { beforeAll, describe, expect, it } from 'vitest';
import { createAssignment, setExcused } from '@/db/queries/assignments';
import { addMember, createClass } from '@/db/queries/classes';
import { getDefaultQuiz } from '@/db/queries/quizzes';
import { getReadingBySlug } from '@/db/queries/readings';
import { insertUser } from '@/db/queries/users';
import { setUpTestDatabase } from '@/db/test-database';
import { saveAnswer, startOrResumeAttempt, submitAttempt } from '@/lib/quiz/attempts';
import { seedShippedReadings } from '@/lib/seed';
import { csvResponse } from './csv';
import { gradebookCsv } from './exports';

setUpTestDatabase();

const rowsOf = (csv: string) => csv.trimEnd().split('\r\n');
let classId: string;
let className: string;

/**
 * One class, two assignments with the same title (one of them titled like a Canvas id), and
 * three students: Tomás answered one question right, Ana is excused, Kim never started.
 */
beforeAll(async () => {
  await seedShippedReadings();
  const reading = await getReadingBySlug({ slug: 'burns-lead-with-diplomacy' });
  const quiz = (await getDefaultQuiz({ readingId: reading!.id }))!;
  const teacher = (await insertUser({ email: 'okafor@example.org', name: 'Amara Okafor' }))!;
  const klass = await createClass({ name: 'IR 101, Section B', userId: teacher.id, joinCode: 'EXPORTS1' });
  classId = klass.id;
  className = klass.name;
  const assign = (title: string) =>
    createAssignment({
      classId: klass.id,
      quizId: quiz.id,
      title,
      opensAt: null,
      dueAt: null,
      attemptsAllowed: null,
      timeLimitMinutes: null,
      latePolicy: { kind: 'accept' },
      feedbackRelease: 'after-submit',
      createdBy: teacher.id,
    });
  const first = await assign('Burns (2018)');
  await assign('Burns (2018)');
  const student = async (email: string, name: string) => {
    const user = (await insertUser({ email, name }))!;
    await addMember({ classId: klass.id, userId: user.id, role: 'student' });
    return user;
  };
  const tomas = await student('tomas@example.org', 'Tomás Pérez García');
  const ana = await student('ana@example.org', 'Ana');
  await student('kim@example.org', 'Kim Lee');
  const started = await startOrResumeAttempt({ quizId: quiz.id, userId: tomas.id, assignmentId: first.id });
  if (started.status !== 'ok') throw new Error(started.message);
  await saveAnswer({
    attemptId: started.data.attempt.id,
    userId: tomas.id,
    questionId: 'burns-tf-expulsions',
    response: { type: 'true-false', value: true },
    flagged: false,
    confidence: null,
    clientSeq: 1,
  });
  await submitAttempt({ attemptId: started.data.attempt.id, userId: tomas.id });
  await setExcused({ assignmentId: first.id, userId: ana.id, excused: true });
});

describe('the gradebook export', () => {
  it('for Canvas: its identity columns, a Points Possible row, matched on SIS Login ID, EX for excused', async () => {
    const rows = rowsOf(await gradebookCsv(classId, className, 'canvas'));
    // A title ending in "(digits)" would be read by Canvas as the id of one of its assignments.
    expect(rows[0]).toBe('Student,ID,SIS User ID,SIS Login ID,Section,Burns [2018],Burns [2018] #2');
    expect(rows[1]).toBe('Points Possible,,,,,12,12');
    const byEmail = (email: string) => rows.find((r) => r.includes(email))!;
    const tomas = byEmail('tomas@example.org').split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    expect(tomas.slice(0, 5)).toEqual([
      '"García, Tomás Pérez"',
      '',
      '',
      'tomas@example.org',
      '"IR 101, Section B"',
    ]);
    expect(Number(tomas[5])).toBeGreaterThan(0);
    expect(tomas[6]).toBe('');
    expect(byEmail('ana@example.org')).toBe('Ana,,,ana@example.org,"IR 101, Section B",EX,');
    expect(byEmail('kim@example.org')).toBe('"Lee, Kim",,,kim@example.org,"IR 101, Section B",,');
  });

  it('for Moodle: keyed by email address, excused left empty', async () => {
    const rows = rowsOf(await gradebookCsv(classId, className, 'moodle'));
    expect(rows[0]).toBe('First name,Last name,Email address,Burns [2018],Burns [2018] #2');
    expect(rows.find((r) => r.includes('ana@'))).toBe('Ana,,ana@example.org,,');
    expect(rows.find((r) => r.includes('tomas@'))).toMatch(
      /^Tomás Pérez,García,tomas@example\.org,\d+\.\d\d,$/,
    );
  });

  it('for Google Classroom: last name, first name, email and a Points row', async () => {
    const rows = rowsOf(await gradebookCsv(classId, className, 'google'));
    expect(rows[0]).toBe('Last Name,First Name,Email Address,Burns [2018],Burns [2018] #2');
    expect(rows[1]).toBe('Points,,,12,12');
    expect(rows.find((r) => r.includes('kim@'))).toBe('Lee,Kim,kim@example.org,,');
  });

  it('downloads with a UTF-8 byte-order mark, so Excel shows the accents', async () => {
    const response = csvResponse(await gradebookCsv(classId, className), 'IR 101-gradebook.csv');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toContain('Tomás');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="IR-101-gradebook.csv"');
  });
});
