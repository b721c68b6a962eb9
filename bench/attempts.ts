/**
 * Load benchmark: 100 students sign in, start the Burns quiz and save every answer at once,
 * over HTTP, against `next start` on PGlite. Prints answers acknowledged and stored (they must
 * be equal), latency of saving an answer, and the same figures for a static page on the same
 * server (the baseline, measured in the same run).
 *
 *   npm run bench:attempts            (STUDENTS=200 npm run bench:attempts for more)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildIfStale, startServer } from '../e2e/server';
import { percentile, type Timing, timed } from './latency';
import { signIn } from './sign-in';

const STUDENTS = Number(process.env.STUDENTS ?? 100);
const PASSWORD = 'benchmark passphrase';

/** Creates the students and reads the quiz, in this process, before the server opens the folder. */
async function prepare(dataDir: string) {
  const { getClient, closeDb, configureDatabase } = await import('@/db');
  configureDatabase({ pgliteFolder: path.join(dataDir, 'pglite') });
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

async function main() {
  buildIfStale();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'statecraft-bench-'));
  try {
    console.log(`Preparing ${STUDENTS} students…`);
    const { emails, quiz, questions } = await prepare(dataDir);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PGLITE_DATA_DIR: dataDir,
      SEED_DEMO: 'false',
      DATABASE_URL: '',
    };
    delete env.AUTH_SECRET;
    const server = await startServer(env, path.join(dataDir, 'server.log'));
    const { baseURL } = server;

    const signInStarted = performance.now();
    const cookies = await Promise.all(emails.map((email) => signIn(baseURL, email, PASSWORD)));
    const signInMs = performance.now() - signInStarted;

    const saves: Timing[] = [];
    const loadStarted = performance.now();
    await Promise.all(
      cookies.map(async (cookie) => {
        const headers = { cookie, 'content-type': 'application/json' };
        const start = await fetch(`${baseURL}/api/quizzes/${quiz.id}/attempts`, {
          method: 'POST',
          headers,
          body: '{}',
        });
        const { attempt } = (await start.json()) as { attempt: { id: string; questionIds: string[] } };
        const results = await Promise.all(
          attempt.questionIds.map((questionId, i) =>
            timed(() =>
              fetch(`${baseURL}/api/attempts/${attempt.id}/responses/${questionId}`, {
                method: 'PUT',
                headers,
                body: JSON.stringify({
                  response: answerFor(questions.get(questionId)!.data),
                  clientSeq: Date.now() * 1000 + i,
                }),
              }),
            ),
          ),
        );
        saves.push(...results);
      }),
    );
    const loadMs = performance.now() - loadStarted;

    // Baseline: as many requests for a static page, at the same concurrency.
    const baseline: Timing[] = [];
    const baselineStarted = performance.now();
    await Promise.all(
      cookies.map(async () => {
        const results = await Promise.all(
          quiz.questionIds.map(() => timed(() => fetch(`${baseURL}/api/health`))),
        );
        baseline.push(...results);
      }),
    );
    const baselineMs = performance.now() - baselineStarted;
    await server.stop();

    // Count what reached the database, with the server stopped (PGlite has one opener).
    const { getClient, closeDb, configureDatabase } = await import('@/db');
    configureDatabase({ pgliteFolder: path.join(dataDir, 'pglite') });
    const { count, isNotNull } = await import('drizzle-orm');
    const { attemptResponses } = await import('@/db/schema');
    const { db } = await getClient();
    const [row] = await db
      .select({ n: count() })
      .from(attemptResponses)
      .where(isNotNull(attemptResponses.response));
    await closeDb();

    const acknowledged = saves.filter((s) => s.ok).length;
    const stored = row?.n ?? 0;
    const saveMs = saves.filter((s) => s.ok).map((s) => s.ms);
    const staticMs = baseline.filter((s) => s.ok).map((s) => s.ms);
    const f = (n: number) => n.toFixed(1).padStart(8);
    console.log(
      `\nStatecraft attempts benchmark: ${STUDENTS} students × ${quiz.questionIds.length} answers, all at once, PGlite`,
    );
    console.log(`sign-in of ${STUDENTS} students (argon2id): ${(signInMs / 1000).toFixed(2)} s`);
    console.log(
      `answers sent ${saves.length}, acknowledged ${acknowledged}, stored ${stored}${acknowledged === stored ? ' (equal)' : ' (MISMATCH)'}`,
    );
    console.log('                         p50 ms   p99 ms   req/s');
    console.log(
      `save an answer (PUT)   ${f(percentile(saveMs, 50))} ${f(percentile(saveMs, 99))} ${f(saves.length / (loadMs / 1000))}`,
    );
    console.log(
      `static page (baseline) ${f(percentile(staticMs, 50))} ${f(percentile(staticMs, 99))} ${f(baseline.length / (baselineMs / 1000))}`,
    );
    console.log(
      `ratio save/static      ${f(percentile(saveMs, 50) / Math.max(0.1, percentile(staticMs, 50)))} ${f(percentile(saveMs, 99) / Math.max(0.1, percentile(staticMs, 99)))}`,
    );
    if (acknowledged !== stored || acknowledged !== saves.length) process.exitCode = 1;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
