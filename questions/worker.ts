import { defaultProvider } from './providers';
import type { ParsedReading } from './reading/types';

/**
 * Question generation as a process of its own, so that the app's server never runs it on a request
 * (`node --import tsx questions/worker.ts`): reads one JSON job on stdin,
 * `{ reading, readingSlug, settings }`, and writes one JSON line on stdout,
 * `{ ok: true, report }` or `{ ok: false, error }`.
 */
type Job = { reading: ParsedReading; readingSlug: string; settings?: Record<string, string | undefined> };

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(): Promise<void> {
  let job: Job;
  try {
    job = JSON.parse(await readStdin()) as Job;
  } catch {
    process.stdout.write(`${JSON.stringify({ ok: false, error: 'The job was not valid JSON.' })}\n`);
    process.exitCode = 2;
    return;
  }
  try {
    const provider = defaultProvider(job.settings ?? {});
    const report = await provider.generate(job.reading, { readingSlug: job.readingSlug });
    process.stdout.write(`${JSON.stringify({ ok: true, provider: provider.name, report })}\n`);
  } catch (error) {
    process.stdout.write(
      `${JSON.stringify({ ok: false, error: error instanceof Error ? error.message : String(error) })}\n`,
    );
    process.exitCode = 1;
  }
}

void main();
