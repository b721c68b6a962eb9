import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerVariant } from '@/lib/quiz/answer-variants';
import { IDLE } from '@/lib/server/result';
import type { Question } from '@/questions/schema';
import {
  type ActionRef,
  ANONYMOUS,
  actionIds,
  callAction,
  fetchAs,
  formOf,
  postCredentials,
  type Session,
  signInOverHttp,
} from './http';
import { freshPostgres, type RunningServer, startServer } from './server';

/**
 * How a school outgrows one machine: two app servers on one PostgreSQL database, started at the
 * same moment (one migrates, one waits; both agree on one generated AUTH_SECRET), and one class
 * driven through both at once. A session made on one server is good on the other and signing out
 * on one ends it on both; saves of the same answer sent to both servers at once keep the newest;
 * a save racing submits on both servers is graded if it was acknowledged; each attempt is submitted
 * once with one score; the sign-in back-off counts failures made on either server; and a reading
 * changed anywhere shows changed on both, though each keeps its page's shared part. PostgreSQL
 * only: embedded PGlite is one process by design (e2e/data-folder.e2e.ts).
 */
const adminUrl = process.env.DATABASE_URL;
const PASSWORD = 'two servers one class';
const STUDENTS = 8;
const UUID = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';

describe.skipIf(!adminUrl)('two app servers on one PostgreSQL', () => {
  let servers: RunningServer[] = [];
  let dataDir: string;
  let database: Awaited<ReturnType<typeof freshPostgres>>;
  let sql: postgres.Sql;
  let ids: Map<string, ActionRef>;
  const [a, b] = [() => servers[0]!.baseURL, () => servers[1]!.baseURL];
  const act = (base: string, who: Session, name: string, fields: Record<string, string>) =>
    callAction(base, who, ids.get(name)!, [IDLE, formOf(fields)]);
  const stamp = Date.now().toString(36);
  /** Signs up on one server and in on the other. */
  const account = async (name: string, signUpOn: string, signInOn: string) => {
    const email = `${name.toLowerCase().replace(/\W+/g, '-')}-${stamp}@two-servers.statecraft`;
    const signedUp = await act(signUpOn, ANONYMOUS, 'auth.signUp', {
      name,
      email,
      password: PASSWORD,
      callbackUrl: '',
    });
    expect(signedUp.serverError).toBe(false);
    return { email, session: await signInOverHttp(signInOn, email, PASSWORD) };
  };

  beforeAll(async () => {
    ids = await actionIds();
    database = await freshPostgres(adminUrl!);
    sql = postgres(database.url, { max: 2, onnotice: () => {} });
    dataDir = mkdtempSync(path.join(tmpdir(), 'statecraft-two-servers-'));
    const env = (n: number): NodeJS.ProcessEnv => {
      const own: NodeJS.ProcessEnv = {
        ...process.env,
        DATABASE_URL: database.url,
        PGLITE_DATA_DIR: path.join(dataDir, `unused-${n}`),
        SEED_DEMO: 'false',
      };
      delete own.AUTH_SECRET;
      delete own.AUTH_URL;
      delete own.AUTH_TRUST_HOST;
      return own;
    };
    // Started together: the migration lock and the generated secret are what is under test.
    servers = await Promise.all(
      [1, 2].map((n) => startServer(env(n), path.join(dataDir, `server-${n}.log`))),
    );
  }, 180_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await sql?.end();
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('shares sessions, and signing out on one server ends the session on the other', async () => {
    const [secrets] = await sql`select count(*)::int as n from app_setting`;
    expect(secrets!.n).toBeGreaterThanOrEqual(1);
    const person = await account('Session Walker', a(), a());
    const home = await fetchAs(b(), person.session, '/home');
    expect(home.status).toBe(200);
    expect(home.text).toContain('Session Walker');

    const out = await callAction(a(), person.session, ids.get('auth.signOutEverywhere')!, [IDLE, formOf({})]);
    expect(out.serverError).toBe(false);
    const after = await fetchAs(b(), person.session, '/home');
    expect(after.status).toBeGreaterThanOrEqual(300);
    expect(after.status).toBeLessThan(400);
    expect(after.location).toContain('/sign-in');
  });

  it("shows a reading's change made through either server, or behind both, on both at once", async () => {
    // Each server keeps the reading page's shared part (lib/server/reading-page.ts): both fill theirs.
    const reader = await account('Close Reader', a(), b());
    const page = (base: string) => fetchAs(base, reader.session, '/readings/burns-lead-with-diplomacy');
    for (const base of [a(), b()]) expect((await page(base)).text).toContain('Ordering a foreign country');
    await sql`update glossary_term set definition = 'Sending a foreign diplomat home (changed by hand).'
      where term = 'expelled'`;
    for (const base of [b(), a()]) {
      const now = await page(base);
      expect(now.text).toContain('Sending a foreign diplomat home (changed by hand).');
      expect(now.text).not.toContain('Ordering a foreign country');
    }
  });

  it('counts sign-in failures made on either server', async () => {
    const person = await account('Many Guesses', b(), b());
    const credentials = async (base: string, password: string) =>
      (await postCredentials(base, person.email, password)).response;
    // The per-account allowance (5 in lib/auth/throttle.ts), spent across both servers.
    for (let i = 0; i < 5; i++) {
      const wrong = await credentials(i % 2 === 0 ? a() : b(), `wrong guess ${i}`);
      expect(wrong.status).not.toBe(429);
      expect(wrong.headers.getSetCookie().some((c) => c.startsWith('authjs.session-token='))).toBe(false);
    }
    for (const base of [a(), b()]) {
      const refused = await credentials(base, PASSWORD);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  it('drives one class through both servers: every acknowledged save stored once, every submit counted once', async () => {
    const teacher = await account('Two Server Teacher', a(), a());
    const created = await act(a(), teacher.session, 'classes.create', { name: 'IR 400: Scale' });
    const classId = new RegExp(`/classes/${UUID}`).exec(created.redirect ?? '')![1]!;
    // The class made on one server is taught from the other.
    const classPage = (await fetchAs(b(), teacher.session, `/classes/${classId}`)).text;
    const code = /data-testid="join-code"[^>]*>([A-Z0-9-]+)</.exec(classPage)![1]!;
    const quizId = new RegExp(`<option value="${UUID}">`).exec(classPage)![1]!;
    const assigned = await act(b(), teacher.session, 'classes.createAssignment', {
      classId,
      quizId,
      title: 'Burns on two servers',
      opensAt: '',
      dueAt: '',
      attemptsAllowed: '',
      timeLimitMinutes: '',
      latePolicy: 'accept',
      penaltyPercent: '',
      feedbackRelease: 'after-submit',
    });
    expect(assigned.result?.status).toBe('ok');
    const assignmentId = new RegExp(`/classes/${classId}/assignments/${UUID}`).exec(
      (await fetchAs(a(), teacher.session, `/classes/${classId}`)).text,
    )![1]!;

    const students = await Promise.all(
      Array.from({ length: STUDENTS }, async (_, i) => {
        const [first, second] = i % 2 === 0 ? [a(), b()] : [b(), a()];
        const student = await account(`Scale Student ${i}`, first, second);
        expect((await act(first, student.session, 'classes.join', { code })).redirect).toContain(classId);
        const started = await fetchAs(second, student.session, `/api/quizzes/${quizId}/attempts`, {
          method: 'POST',
          json: { assignmentId },
        });
        expect(started.status).toBe(200);
        const { attempt } = JSON.parse(started.text) as { attempt: { id: string; questionIds: string[] } };
        return { ...student, attemptId: attempt.id, questionIds: attempt.questionIds };
      }),
    );
    const questionRows = await sql<{ id: string; data: Question }[]>`
      select id, data from question where id = any(${students[0]!.questionIds})`;
    const questionById = new Map(questionRows.map((q) => [q.id, q.data]));

    /** The newest clientSeq each server acknowledged, by attempt and question. */
    const acknowledged = new Map<string, number>();
    const save = async (
      base: string,
      student: (typeof students)[number],
      questionId: string,
      seq: number,
    ) => {
      const response = await fetchAs(
        base,
        student.session,
        `/api/attempts/${student.attemptId}/responses/${questionId}`,
        {
          method: 'PUT',
          json: { response: answerVariant(questionById.get(questionId)!, seq), clientSeq: seq },
        },
      );
      if (response.status !== 200) return response.status;
      const { saved } = JSON.parse(response.text) as { saved: { clientSeq: number } };
      const key = `${student.attemptId}:${questionId}`;
      acknowledged.set(key, Math.max(acknowledged.get(key) ?? 0, saved.clientSeq));
      return 200;
    };

    // Every answer saved four times, the four saves sent at once, alternately to each server.
    await Promise.all(
      students.flatMap((s) =>
        s.questionIds.flatMap((q) => [1, 2, 3, 4].map((seq) => save(seq % 2 ? a() : b(), s, q, seq))),
      ),
    ).then((statuses) => expect(statuses.every((status) => status === 200)).toBe(true));

    // Then one more save of the first question on one server while both servers submit.
    const submits = await Promise.all(
      students.map(async (s) => {
        const [statusOfSave, ...submitted] = await Promise.all([
          save(a(), s, s.questionIds[0]!, 5),
          ...[b(), a()].map((base) =>
            fetchAs(base, s.session, `/api/attempts/${s.attemptId}/submit`, { method: 'POST', json: {} }),
          ),
        ]);
        expect([200, 409]).toContain(statusOfSave);
        return submitted.map((r) => ({ status: r.status, body: JSON.parse(r.text) as { score?: number } }));
      }),
    );
    for (const pair of submits) {
      expect(pair.map((r) => r.status)).toEqual([200, 200]);
      // Submitting twice answers the same result.
      expect(pair[0]!.body).toEqual(pair[1]!.body);
    }

    const attemptRows = await sql<{ id: string; status: string; score: number | null }[]>`
      select id, status, score from attempt where assignment_id = ${assignmentId}`;
    expect(attemptRows).toHaveLength(STUDENTS);
    expect(attemptRows.every((r) => r.status === 'submitted' && r.score !== null)).toBe(true);

    const stored = await sql<{ attemptId: string; questionId: string; clientSeq: number; graded: boolean }[]>`
      select attempt_id as "attemptId", question_id as "questionId", client_seq::int as "clientSeq",
             grade is not null as graded
      from attempt_response where attempt_id = any(${students.map((s) => s.attemptId)})`;
    expect(stored).toHaveLength(STUDENTS * students[0]!.questionIds.length);
    for (const row of stored) {
      // The newest acknowledged save is the row stored, and it was graded.
      expect(row.clientSeq).toBe(acknowledged.get(`${row.attemptId}:${row.questionId}`));
      expect(row.graded).toBe(true);
    }

    // Both servers' gradebooks agree, with one counted score per student.
    const gradebooks = await Promise.all(
      [a(), b()].map(
        async (base) => (await fetchAs(base, teacher.session, `/api/classes/${classId}/gradebook`)).text,
      ),
    );
    expect(gradebooks[0]).toBe(gradebooks[1]);
    for (const s of students) {
      const line = gradebooks[0]!.split('\r\n').find((l) => l.includes(s.email))!;
      expect(line.split(',').at(-1)).not.toBe('');
    }
  });
});
