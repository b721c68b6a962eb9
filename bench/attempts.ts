/**
 * Load benchmark for saving answers, over HTTP, against the app's server on PGlite (issue 15):
 * STUDENTS (200) students sign in and start the Burns quiz; then, on the same server in the same
 * run,
 *   - closed loop: CONCURRENCY (32) clients each send a save, wait for its answer, send the next,
 *     for SECONDS (10); the same clients request `/api/health` (one SQL round trip) the same way
 *     for as long, the two taking turns in four slices: the save's throughput as a share of
 *     health's is the figure to compare;
 *   - open loop: saves sent at 20 and then 50 a second (a class answering), each on its tick
 *     whether or not earlier ones have answered, for SECONDS each: p50, p99, errors.
 * Every save is a real change (a newer clientSeq, flag toggled), spread over every student's
 * questions. At the end, with the server stopped, the stored answers are read back: every
 * acknowledged save must be stored (the newest acknowledged save of each question is the row
 * stored), and nothing unacknowledged. Last, every student submits, the same submit sent at once
 * to every server: each attempt must be submitted once, with its score. Exit code 1 on any error
 * or mismatch.
 *
 * With DATABASE_URL set, the same run on PostgreSQL (a fresh database on that server, dropped at
 * the end), and SERVERS (default 1) app servers on it: each request goes to the next server in
 * turn, so one student's saves land on every server (several stateless servers, one PostgreSQL).
 *
 *   npm run bench:attempts            (STUDENTS=100 SECONDS=5 CONCURRENCY=16 npm run bench:attempts)
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres SERVERS=2 npm run bench:attempts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildIfStale, freshPostgres, startServer } from '../e2e/server';
import { percentile, type Timing, timed } from './latency';
import { signIn } from './sign-in';

const STUDENTS = Number(process.env.STUDENTS ?? 200);
const SECONDS = Number(process.env.SECONDS ?? 10);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 32);
const OPEN_RATES = [20, 50];
const PASSWORD = 'benchmark passphrase';
const ADMIN_URL = process.env.DATABASE_URL || undefined;
const SERVERS = Math.max(1, Number(process.env.SERVERS ?? 1));

/** Where the run's data lives: a PGlite folder, or a fresh PostgreSQL database. */
type Store = { url?: string; pgliteFolder: string };

/** Creates the students and reads the quiz, in this process, before the server opens the database. */
async function prepare(store: Store) {
  const { getClient, closeDb, configureDatabase } = await import('@/db');
  configureDatabase(store);
  const { seedShippedReadings } = await import('@/lib/seed');
  const { getDefaultQuiz, getQuestionsByIds } = await import('@/db/queries/quizzes');
  const { getReadingBySlug } = await import('@/db/queries/readings');
  const { hashPassword } = await import('@/lib/auth/password');
  const { users } = await import('@/db/schema');
  const client = await getClient();
  await client.migrate();
  await seedShippedReadings();
  const passwordHash = await hashPassword(PASSWORD);
  const emails = Array.from({ length: STUDENTS }, (_, i) => `bench-${i}@students.statecraft`);
  await client.db
    .insert(users)
    .values(emails.map((email, i) => ({ email, name: `Student ${i}`, passwordHash })));
  const reading = await getReadingBySlug({ slug: 'burns-lead-with-diplomacy' });
  const quiz = (await getDefaultQuiz({ readingId: reading!.id }))!;
  const questions = await getQuestionsByIds({ ids: quiz.questionIds });
  await closeDb();
  return { emails, quiz, questions };
}

/** A valid answer for each type (the key where it has one): what a student would send. */
function answerFor(question: import('@/questions/schema').Question): unknown {
  switch (question.type) {
    case 'multiple-choice':
      return { type: question.type, optionId: question.answer.optionId };
    case 'multiple-answer':
      return { type: question.type, optionIds: question.answer.optionIds };
    case 'true-false':
      return { type: question.type, value: question.answer.value };
    case 'cloze':
      return { type: question.type, blanks: question.answer.blanks.map((b) => b.accepted[0]) };
    case 'short-answer':
      return { type: question.type, text: question.modelAnswer };
    case 'matching':
      return { type: question.type, pairs: question.answer.pairs };
    case 'ordering':
      return { type: question.type, order: question.answer.order };
    case 'select-evidence':
      return { type: question.type, sentenceId: question.answer.sentenceIds[0] };
    case 'claim-evidence-reasoning':
      return {
        type: question.type,
        sentenceId: question.answer.sentenceIds[0],
        reasoning: question.modelAnswer,
      };
  }
}

type Slot = { cookie: string; attemptId: string; questionId: string; answer: unknown };
/** What a save sent, to compare with what was stored. */
type Sent = { key: string; clientSeq: number; flagged: boolean };

/** Runs `send` from `clients` loops, each waiting for its answer, until `seconds` have passed. */
async function closedLoop(clients: number, seconds: number, send: (client: number) => Promise<Timing>) {
  const timings: Timing[] = [];
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (performance.now() < until) timings.push(await send(client));
    }),
  );
  return { timings, perSecond: timings.length / ((performance.now() - started) / 1000) };
}

/** Starts `send` `rate` times a second for `seconds`, whether or not earlier ones have answered. */
async function openLoop(rate: number, seconds: number, send: () => Promise<Timing>) {
  const pending: Promise<Timing>[] = [];
  const started = performance.now();
  for (let i = 0; i < rate * seconds; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(send());
  }
  return Promise.all(pending);
}

function summary(label: string, timings: Timing[], perSecond?: number) {
  const ms = timings.filter((t) => t.ok).map((t) => t.ms);
  const errors = timings.length - ms.length;
  const f = (n: number) => n.toFixed(1).padStart(8);
  console.log(
    `${label.padEnd(34)} ${String(timings.length).padStart(6)} ${String(errors).padStart(6)} ${f(percentile(ms, 50))} ${f(percentile(ms, 99))} ${perSecond === undefined ? '' : f(perSecond)}`,
  );
  return errors;
}

async function main() {
  if (SERVERS > 1 && !ADMIN_URL) throw new Error('SERVERS > 1 needs DATABASE_URL: PGlite has one opener.');
  buildIfStale();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'statecraft-bench-'));
  const database = ADMIN_URL ? await freshPostgres(ADMIN_URL) : null;
  const store: Store = { url: database?.url, pgliteFolder: path.join(dataDir, 'pglite') };
  const databaseName = database ? 'PostgreSQL' : 'PGlite';
  try {
    console.log(`Preparing ${STUDENTS} students…`);
    const { emails, quiz, questions } = await prepare(store);
    const env = (n: number): NodeJS.ProcessEnv => {
      const own: NodeJS.ProcessEnv = {
        ...process.env,
        PGLITE_DATA_DIR: database ? path.join(dataDir, `unused-${n}`) : dataDir,
        SEED_DEMO: 'false',
        DATABASE_URL: database?.url ?? '',
      };
      delete own.AUTH_SECRET;
      return own;
    };
    const servers = await Promise.all(
      Array.from({ length: SERVERS }, (_, n) => startServer(env(n), path.join(dataDir, `server-${n}.log`))),
    );
    // Each request to the next server in turn.
    let turn = 0;
    const nextServer = () => servers[turn++ % servers.length]!.baseURL;

    const signInStarted = performance.now();
    const cookies = await Promise.all(emails.map((email) => signIn(nextServer(), email, PASSWORD)));
    const signInMs = performance.now() - signInStarted;

    // Every student starts the quiz: the slots are (student, question) pairs to save into.
    const slots: Slot[] = (
      await Promise.all(
        cookies.map(async (cookie) => {
          const start = await fetch(`${nextServer()}/api/quizzes/${quiz.id}/attempts`, {
            method: 'POST',
            headers: { cookie, 'content-type': 'application/json' },
            body: '{}',
          });
          const { attempt } = (await start.json()) as { attempt: { id: string; questionIds: string[] } };
          return attempt.questionIds.map((questionId) => ({
            cookie,
            attemptId: attempt.id,
            questionId,
            answer: answerFor(questions.get(questionId)!.data),
          }));
        }),
      )
    ).flat();

    let seq = 0;
    let next = 0;
    const acknowledged: Sent[] = [];
    const save = async (): Promise<Timing> => {
      const slot = slots[next++ % slots.length]!;
      const clientSeq = ++seq;
      const flagged = clientSeq % 2 === 0;
      const timing = await timed(() =>
        fetch(`${nextServer()}/api/attempts/${slot.attemptId}/responses/${slot.questionId}`, {
          method: 'PUT',
          headers: { cookie: slot.cookie, 'content-type': 'application/json' },
          body: JSON.stringify({ response: slot.answer, clientSeq, flagged }),
        }),
      );
      if (timing.ok) acknowledged.push({ key: `${slot.attemptId}/${slot.questionId}`, clientSeq, flagged });
      return timing;
    };
    const health = () => timed(() => fetch(`${nextServer()}/api/health`));

    // Warm up both paths (compiled routes, caches) before anything is timed.
    await closedLoop(CONCURRENCY, 2, () => save());
    await closedLoop(CONCURRENCY, 2, () => health());

    // Health and saves take turns in four slices each, so a change in the machine's load (it is
    // shared) falls on both alike and their ratio holds.
    const slices = {
      health: [] as Awaited<ReturnType<typeof closedLoop>>[],
      save: [] as Awaited<ReturnType<typeof closedLoop>>[],
    };
    for (let slice = 0; slice < 4; slice++) {
      slices.health.push(await closedLoop(CONCURRENCY, SECONDS / 4, () => health()));
      slices.save.push(await closedLoop(CONCURRENCY, SECONDS / 4, () => save()));
    }
    const merge = (runs: Awaited<ReturnType<typeof closedLoop>>[]) => ({
      timings: runs.flatMap((r) => r.timings),
      perSecond:
        runs.reduce((sum, r) => sum + r.timings.length, 0) /
        runs.reduce((sum, r) => sum + r.timings.length / r.perSecond, 0),
    });
    const closedHealth = merge(slices.health);
    const closedSave = merge(slices.save);
    const open = [];
    for (const rate of OPEN_RATES) open.push({ rate, timings: await openLoop(rate, SECONDS, save) });

    // Every student submits, the same submit sent to every server at once.
    const attemptIds = [...new Set(slots.map((s) => s.attemptId))];
    const cookieOf = new Map(slots.map((s) => [s.attemptId, s.cookie]));
    const submits = (
      await Promise.all(
        attemptIds.map((attemptId) =>
          Promise.all(
            servers.map((server) =>
              fetch(`${server.baseURL}/api/attempts/${attemptId}/submit`, {
                method: 'POST',
                headers: { cookie: cookieOf.get(attemptId)!, 'content-type': 'application/json' },
                body: '{}',
              }).then((r) => r.status),
            ),
          ),
        ),
      )
    ).flat();
    const submitErrors = submits.filter((status) => status !== 200).length;
    await Promise.all(servers.map((server) => server.stop()));

    // Count what reached the database, with the servers stopped (PGlite has one opener).
    const { getClient, closeDb, configureDatabase } = await import('@/db');
    configureDatabase(store);
    const { and, eq, isNotNull } = await import('drizzle-orm');
    const { attemptResponses, attempts } = await import('@/db/schema');
    const { db } = await getClient();
    const rows = await db
      .select({
        attemptId: attemptResponses.attemptId,
        questionId: attemptResponses.questionId,
        clientSeq: attemptResponses.clientSeq,
        flagged: attemptResponses.flagged,
      })
      .from(attemptResponses)
      .where(isNotNull(attemptResponses.response));
    const submitted = await db.$count(
      attempts,
      and(eq(attempts.status, 'submitted'), isNotNull(attempts.score)),
    );
    const allAttempts = await db.$count(attempts);
    await closeDb();

    // The newest acknowledged save of each question must be the row stored; nothing else stored.
    const newest = new Map<string, Sent>();
    for (const sent of acknowledged) {
      const before = newest.get(sent.key);
      if (!before || before.clientSeq < sent.clientSeq) newest.set(sent.key, sent);
    }
    let mismatches = 0;
    for (const row of rows) {
      const sent = newest.get(`${row.attemptId}/${row.questionId}`);
      if (!sent || sent.clientSeq !== row.clientSeq || sent.flagged !== row.flagged) mismatches++;
    }
    mismatches += Math.abs(newest.size - rows.length);

    const ratio = closedSave.perSecond / closedHealth.perSecond;
    console.log(
      `\nStatecraft attempts benchmark: ${STUDENTS} students × ${quiz.questionIds.length} questions, ${databaseName}, ${SERVERS} server${SERVERS === 1 ? '' : 's'}, ${SECONDS} s a phase`,
    );
    console.log(`sign-in of ${STUDENTS} students (argon2id): ${(signInMs / 1000).toFixed(2)} s`);
    console.log('                                   sent errors   p50 ms   p99 ms    req/s');
    let errors = 0;
    errors += summary(
      `health, closed loop (${CONCURRENCY} at once)`,
      closedHealth.timings,
      closedHealth.perSecond,
    );
    errors += summary(`save, closed loop (${CONCURRENCY} at once)`, closedSave.timings, closedSave.perSecond);
    for (const { rate, timings } of open) errors += summary(`save, open loop ${rate}/s`, timings);
    console.log(`save throughput / health throughput: ${(ratio * 100).toFixed(1)} %`);
    console.log(
      `saves acknowledged ${acknowledged.length} (newest per question ${newest.size}), rows stored ${rows.length}, mismatches ${mismatches}${mismatches === 0 ? ' (acknowledged = stored)' : ' (MISMATCH)'}`,
    );
    const submittedOnce = submitted === attemptIds.length && allAttempts === attemptIds.length;
    console.log(
      `submits sent ${submits.length} (${SERVERS} per attempt), errors ${submitErrors}; attempts ${allAttempts}, submitted with a score ${submitted}${submittedOnce ? ' (each once)' : ' (MISMATCH)'}`,
    );
    if (errors > 0 || mismatches > 0 || submitErrors > 0 || !submittedOnce) process.exitCode = 1;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    await database?.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
