import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { setExcused } from '@/db/queries/assignments';
import { addMember, createClass } from '@/db/queries/classes';
import { getDefaultQuiz } from '@/db/queries/quizzes';
import { getReadingBySlug } from '@/db/queries/readings';
import { insertUser } from '@/db/queries/users';
import { setUpTestDatabase } from '@/db/test-database';
import { assignForTest } from '@/db/test-fixtures';
import { saveAnswer, startOrResumeAttempt, submitAttempt } from '@/lib/quiz/attempts';
import { seedShippedReadings } from '@/lib/seed';
import { csvResponse } from './csv';
import { gradebookCsv } from './exports';

setUpTestDatabase();

/** LibreOffice's command, where it is installed. */
const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find(
  (p) => spawnSync('test', ['-x', p]).status === 0,
);

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
    assignForTest({ classId: klass.id, quizId: quiz.id, createdBy: teacher.id, title });
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
    session: 'checked',
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

/** RFC 4180 fields of a CSV (quotes, doubled quotes, commas and newlines inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      endField();
    } else if (!quoted && (c === '\n' || (c === '\r' && text[i + 1] === '\n'))) {
      endField();
      rows.push(row);
      row = [];
      if (c === '\r') i++;
    } else {
      field += c;
    }
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

/**
 * The rules Canvas's gradebook importer applies to an uploaded CSV, as its documentation and
 * importer describe them: identity columns first, in Canvas's names, with Section; an optional
 * "Points Possible" row; each student found by ID (Canvas's numeric user id), SIS User ID or SIS
 * Login ID; a score is a number, "EX" or empty; a title ending in "(digits)" names an existing
 * Canvas assignment by id. Answers the problems found.
 */
function canvasImportProblems(csv: string): string[] {
  const problems: string[] = [];
  const [header, ...rows] = parseCsv(csv);
  if (!header) return ['empty file'];
  const identity = ['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section'];
  if (identity.some((name, i) => header[i] !== name))
    problems.push(`header starts ${header.slice(0, 5).join(', ')}, not ${identity.join(', ')}`);
  const assignments = header.slice(identity.length);
  for (const title of assignments) {
    if (!title.trim()) problems.push('an assignment column has no title');
    if (/\(\d+\)\s*$/.test(title)) problems.push(`"${title}" would be read as a Canvas assignment id`);
  }
  if (new Set(assignments).size !== assignments.length) problems.push('two assignment columns share a title');
  for (const [n, row] of rows.entries()) {
    if (row.length !== header.length)
      problems.push(`row ${n + 2} has ${row.length} fields, not ${header.length}`);
    const [student, id, sisUser, sisLogin] = row;
    if (student === 'Points Possible') {
      if (n !== 0) problems.push('Points Possible is not the second row');
      continue;
    }
    if (id && !/^\d+$/.test(id)) problems.push(`row ${n + 2}: ID "${id}" is not a Canvas user id`);
    if (!id && !sisUser && !sisLogin) problems.push(`row ${n + 2}: no ID, SIS User ID or SIS Login ID`);
    for (const score of row.slice(identity.length))
      if (score !== '' && score !== 'EX' && !/^-?\d+(\.\d+)?$/.test(score))
        problems.push(`row ${n + 2}: score "${score}" is not a number or EX`);
  }
  return problems;
}

describe('the gradebook export', () => {
  it("passes the checks Canvas's importer makes", async () => {
    const csv = await gradebookCsv(classId, className, 'canvas');
    expect(canvasImportProblems(csv)).toEqual([]);
    // The check itself catches what Canvas refused before: a UUID as ID, and no Section column.
    const old = 'Student,ID,SIS Login ID,Score\r\nAna,0b5e9c1e-uuid,ana@example.org,3\r\n';
    expect(canvasImportProblems(old).length).toBeGreaterThanOrEqual(2);
  });

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

  // LibreOffice (Debian's libreoffice-calc-nogui, installed by .ci/run) opens the download as a
  // spreadsheet and writes it back: every cell, accents and quoted commas included, survives.
  it.skipIf(!SOFFICE)(
    'opens in LibreOffice Calc with accents and quoted commas intact',
    async () => {
      const csv = await gradebookCsv(classId, className, 'canvas');
      const bytes = Buffer.from(await csvResponse(csv, 'grades.csv').arrayBuffer());
      const dir = mkdtempSync(path.join(tmpdir(), 'statecraft-calc-'));
      try {
        writeFileSync(path.join(dir, 'grades.csv'), bytes);
        const result = spawnSync(
          SOFFICE!,
          [
            `-env:UserInstallation=file://${dir}/profile`,
            '--headless',
            '--infilter=CSV:44,34,76,1',
            '--convert-to',
            'csv:Text - txt - csv (StarCalc):44,34,76',
            '--outdir',
            path.join(dir, 'out'),
            path.join(dir, 'grades.csv'),
          ],
          { encoding: 'utf8', timeout: 120_000 },
        );
        expect(result.status, result.stderr).toBe(0);
        const roundTrip = parseCsv(readFileSync(path.join(dir, 'out', 'grades.csv'), 'utf8'));
        const original = parseCsv(csv);
        expect(roundTrip.map((row) => row.slice(0, 5))).toEqual(original.map((row) => row.slice(0, 5)));
        expect(roundTrip.find((row) => row[3] === 'tomas@example.org')?.[0]).toBe('García, Tomás Pérez');
        // Scores arrive as numbers: Calc writes 3.00 back as 3.
        const scores = (rows: string[][]) =>
          rows.slice(1).map((row) => row.slice(5).map((v) => (v === '' || v === 'EX' ? v : Number(v))));
        expect(scores(roundTrip)).toEqual(scores(original));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    150_000,
  );

  it('downloads with a UTF-8 byte-order mark, so Excel shows the accents', async () => {
    const response = csvResponse(await gradebookCsv(classId, className), 'IR 101-gradebook.csv');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toContain('Tomás');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="IR-101-gradebook.csv"');
  });
});
