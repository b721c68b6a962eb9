import {
  claimNextGenerationJob,
  failStaleGenerationJobs,
  finishGenerationJob,
  generationLoad,
  heartbeatGenerationJob,
  insertGenerationJob,
} from '@/db/queries/generation-jobs';
import { insertGeneratedQuestions } from '@/db/queries/questions';
import { getReadingById } from '@/db/queries/readings';
import type { GenerationJob, Reading } from '@/db/schema';
import { questionProviderSettings } from '@/lib/env';
import { runEngineWorker } from '@/lib/server/engine-worker';
import { ok, type Result, refuse } from '@/lib/server/result';
import type { GenerationReport } from '@/questions/generate';
import type { ParsedReading } from '@/questions/reading/types';

/**
 * Question generation runs off the request path: *Generate questions* records a job and returns;
 * a runner in the server process takes waiting jobs one at a time and runs each in a child
 * process (questions/worker.ts) with a time limit, so neither the event loop nor the server's
 * memory carries the work. Jobs live in the database, so with several app servers on one
 * PostgreSQL any of them may run a job, and none runs one twice.
 */
export const GENERATION_LIMITS = {
  /** Jobs a person may start in an hour. */
  perHour: 12,
  /** A job still running after this is stopped. */
  timeLimitMs: 90_000,
  heartbeatMs: 5_000,
  /** A running job silent this long was cut short by a restart. */
  staleAfterMs: 60_000,
} as const;

const HOUR_MS = 60 * 60 * 1000;

export async function requestGeneration({
  reading,
  bankOwnerId,
  userId,
  now = new Date(),
}: {
  reading: Pick<Reading, 'id'>;
  bankOwnerId: string | null;
  userId: string;
  now?: Date;
}): Promise<Result<{ job: GenerationJob }>> {
  const load = await generationLoad({ userId, since: new Date(now.getTime() - HOUR_MS) });
  if (load.active > 0)
    return refuse('rate-limited', 'Your questions are still being generated; wait for them to finish.', {
      retryAfterSeconds: 10,
    });
  if (load.recent >= GENERATION_LIMITS.perHour) {
    const retryAfterSeconds = Math.max(
      1,
      Math.ceil(((load.oldestRecent?.getTime() ?? now.getTime()) + HOUR_MS - now.getTime()) / 1000),
    );
    return refuse(
      'rate-limited',
      `You have generated questions ${GENERATION_LIMITS.perHour} times in the last hour. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`,
      { retryAfterSeconds },
    );
  }
  const job = await insertGenerationJob({ readingId: reading.id, bankOwnerId, requestedBy: userId });
  if (!job)
    return refuse('rate-limited', 'Your questions are still being generated; wait for them to finish.', {
      retryAfterSeconds: 10,
    });
  startGenerationRunner();
  return ok({ job });
}

/** The parts of a stored reading the engine reads (its ParsedReading), and nothing else. */
function parsedPart(reading: Reading): ParsedReading {
  const { title, author, authorNote, source, publishedOn, paragraphs, sections, wordCount, readingMinutes } =
    reading;
  return { title, author, authorNote, source, publishedOn, paragraphs, sections, wordCount, readingMinutes };
}

type WorkerAnswer = { ok: true; provider: string; report: GenerationReport } | { ok: false; error: string };

/** Runs the engine's worker on one reading, stopping it past the time limit. */
export function runGenerationWorker(
  input: { reading: Reading; readingSlug: string },
  timeLimitMs: number = GENERATION_LIMITS.timeLimitMs,
): Promise<WorkerAnswer> {
  return runEngineWorker<WorkerAnswer>(
    {
      kind: 'generate',
      reading: parsedPart(input.reading),
      readingSlug: input.readingSlug,
      settings: questionProviderSettings(),
    },
    { timeLimitMs, what: 'Generation', alwaysWaits: true },
  );
}

async function runJob(job: GenerationJob): Promise<void> {
  const reading = await getReadingById({ id: job.readingId });
  if (!reading) {
    await finishGenerationJob({
      id: job.id,
      status: 'failed',
      message: 'The reading was deleted.',
      now: new Date(),
    });
    return;
  }
  const heartbeat = setInterval(() => {
    heartbeatGenerationJob({ id: job.id, now: new Date() }).catch(() => {});
  }, GENERATION_LIMITS.heartbeatMs);
  try {
    const answer = await runGenerationWorker({ reading, readingSlug: reading.slug });
    if (!answer.ok) {
      await finishGenerationJob({ id: job.id, status: 'failed', message: answer.error, now: new Date() });
      return;
    }
    const { report } = answer;
    const added = await insertGeneratedQuestions({
      readingId: reading.id,
      ownerId: job.bankOwnerId,
      generated: report.questions,
    });
    const kept = report.questions.length;
    const message =
      added === kept
        ? `${added} new draft questions to review (${report.candidates} written, ${report.candidates - report.passed} rejected by the checks).`
        : `${added} new draft questions to review; ${kept - added} were already in the bank.`;
    await finishGenerationJob({ id: job.id, status: 'done', message, added, now: new Date() });
  } catch (error) {
    console.error('[questions] generation job failed', error);
    await finishGenerationJob({
      id: job.id,
      status: 'failed',
      message: 'Generation failed on our side. Try again, or write questions by hand.',
      now: new Date(),
    });
  } finally {
    clearInterval(heartbeat);
  }
}

const runner = globalThis as unknown as { statecraftGenerationRunner?: Promise<void> };

/** Starts this server's runner if it is idle; it works until no job is waiting. */
export function startGenerationRunner(): void {
  if (runner.statecraftGenerationRunner) return;
  runner.statecraftGenerationRunner = (async () => {
    try {
      for (;;) {
        const job = await claimNextGenerationJob(new Date());
        if (!job) break;
        await runJob(job);
      }
    } catch (error) {
      console.error('[questions] generation runner stopped', error);
    } finally {
      runner.statecraftGenerationRunner = undefined;
    }
  })();
}

/** At server start: fail jobs a restart cut short, and pick up any that were waiting. */
export async function resumeGenerationJobs(now = new Date()): Promise<void> {
  await failStaleGenerationJobs({
    staleBefore: new Date(now.getTime() - GENERATION_LIMITS.staleAfterMs),
    now,
  });
  startGenerationRunner();
}

/** Resolves when this server's runner is idle (tests). */
export async function generationRunnerIdle(): Promise<void> {
  while (runner.statecraftGenerationRunner) await runner.statecraftGenerationRunner;
}
