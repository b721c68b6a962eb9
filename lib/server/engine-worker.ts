import 'server-only';
import { spawn } from 'node:child_process';
import { constants, setPriority } from 'node:os';
import path from 'node:path';

/** How far a long job has got: `done` of `total` units (questions, paragraphs) of its `stage`. */
export type WorkProgress = { done: number; total: number; stage?: string };

/**
 * Runs one job of the question engine's worker (questions/worker.ts) in a child process at the
 * lowest priority, with a time limit: heavy text work (generating questions, parsing a long
 * reading) never runs on the server's event loop, so every other request keeps being answered.
 * Answers the worker's last JSON line, or `{ ok: false, error }` in plain words; the lines before
 * it that report progress (`{ "progress": { done, total } }`) go to `onProgress` as they come.
 */
/**
 * Workers running at once in this server, and jobs that may wait for one. Each worker is a Node
 * process of 100 MB or more: without a bound, fifty uploads at once from one account started
 * fifty and ran the machine out of memory. Past the queue a job is refused at once.
 */
export const ENGINE_WORKERS = { running: 2, waiting: 8 } as const;
/** A worker's heap, in MB: a hostile file fails the job rather than the machine. */
const WORKER_HEAP_MB = 1024;

let running = 0;
const waiting: (() => void)[] = [];

/** Waits for a free worker slot; false when the queue is full (unless the job always waits). */
function takeSlot(alwaysWaits: boolean): Promise<boolean> {
  if (running < ENGINE_WORKERS.running) {
    running++;
    return Promise.resolve(true);
  }
  if (waiting.length >= ENGINE_WORKERS.waiting && !alwaysWaits) return Promise.resolve(false);
  return new Promise((resolve) => waiting.push(() => resolve(true)));
}

function releaseSlot() {
  const next = waiting.shift();
  if (next) next();
  else running--;
}

export async function runEngineWorker<T extends { ok: boolean }>(
  job: Record<string, unknown>,
  options: {
    timeLimitMs: number;
    what: string;
    onProgress?: (progress: WorkProgress) => void;
    /**
     * Waits for a slot however full the queue: the generation runner's jobs, which it already
     * takes one at a time and must not fail because imports are busy.
     */
    alwaysWaits?: boolean;
  },
): Promise<T | { ok: false; error: string }> {
  if (!(await takeSlot(options.alwaysWaits ?? false)))
    return {
      ok: false,
      error: `The server is busy with other imports and question runs: try ${options.what.toLowerCase()} again in a minute.`,
    };
  try {
    return await runInChild<T>(job, options);
  } finally {
    releaseSlot();
  }
}

function runInChild<T extends { ok: boolean }>(
  job: Record<string, unknown>,
  {
    timeLimitMs,
    what,
    onProgress,
  }: { timeLimitMs: number; what: string; onProgress?: (progress: WorkProgress) => void },
): Promise<T | { ok: false; error: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        `--max-old-space-size=${WORKER_HEAP_MB}`,
        '--import',
        'tsx',
        path.join(process.cwd(), 'questions/worker.ts'),
      ],
      {
        cwd: process.cwd(),
        stdio: ['pipe', 'pipe', 'pipe'],
        env: { PATH: process.env.PATH, NODE_ENV: process.env.NODE_ENV },
      },
    );
    // The server's requests come first: on a machine with two cores the worker takes what they leave.
    if (child.pid !== undefined) {
      try {
        setPriority(child.pid, constants.priority.PRIORITY_LOW);
      } catch {
        // Not permitted here (some containers): it runs at normal priority, still off the event loop.
      }
    }
    const chunks: Buffer[] = [];
    let stderr = '';
    let settled = false;
    const finish = (answer: T | { ok: false; error: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(answer);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish({
        ok: false,
        error: `${what} took longer than ${Math.round(timeLimitMs / 1000)} s and was stopped.`,
      });
    }, timeLimitMs);
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (!onProgress) return;
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('{"progress":')) continue;
        try {
          onProgress((JSON.parse(line) as { progress: WorkProgress }).progress);
        } catch {
          // A progress line cut short is no reason to fail the job.
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4000);
    });
    child.on('error', (error) => finish({ ok: false, error: `${what} could not start: ${error.message}` }));
    child.on('close', () => {
      try {
        const lines = Buffer.concat(chunks).toString('utf8').trim().split('\n');
        finish(JSON.parse(lines.at(-1) ?? '') as T);
      } catch {
        if (stderr) console.error(`[engine] ${what} failed:`, stderr);
        finish({ ok: false, error: `${what} stopped without an answer.` });
      }
    });
    child.stdin.end(JSON.stringify(job));
  });
}
