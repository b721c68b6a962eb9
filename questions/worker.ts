import type { SentenceRef } from './formats/evidence';
import type { BankFormat, ReadResult } from './formats/types';
import { type ImportLimits, ReadingImportError } from './reading/import/document';
import type { ConvertedKind } from './reading/import/sniff';
import { parseReading, ReadingParseError } from './reading/parse';
import type { ParsedReading } from './reading/types';

/**
 * The engine's heavy work as a process of its own, so that the app's server never runs it on a
 * request (`node --import tsx questions/worker.ts`): reads one JSON job on stdin and writes one
 * JSON line on stdout.
 * - `{ kind: "generate", reading, readingSlug, settings }` → `{ ok: true, report }`
 * - `{ kind: "parse", text, format, title, author }` → `{ ok: true, reading }`, or
 *   `{ ok: false, error, invalid: true }` when the text cannot be read as a reading.
 * - `{ kind: "import", fileKind, data (base64), title, author, limits }` (a PDF, Word file or web
 *   page) → `{ ok: true, reading }`, or `{ ok: false, error, refusal }` when the file cannot be
 *   read (`refusal`: "invalid" or "too-large"), or `{ ok: false, error, invalid: true }`.
 * - `{ kind: "plan-import", read, reading: { slug, sentences }, format }` (questions read from a
 *   bank file) → `{ ok: true, plan }`: the drafts they make, each matched to its evidence sentences;
 *   before it, lines `{ progress: { stage, done, total } }` as the questions are matched.
 * A parse and an import also write such lines (the blocks split into sentences) before their answer.
 * Any failure is `{ ok: false, error }`.
 */
type Job =
  | {
      kind?: 'generate';
      reading: ParsedReading;
      readingSlug: string;
      settings?: Record<string, string | undefined>;
    }
  | { kind: 'parse'; text: string; format: 'text' | 'markdown'; title?: string; author?: string }
  | {
      kind: 'import';
      fileKind: ConvertedKind;
      data: string;
      title?: string;
      author?: string;
      limits: ImportLimits;
    }
  | {
      kind: 'plan-import';
      read: ReadResult;
      reading: { slug: string; sentences: SentenceRef[] };
      format: BankFormat;
    };

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A line of progress before the answer (the server passes it on to the page that waits). */
const progressLine = (stage: string) => (done: number, total: number) =>
  process.stdout.write(`${JSON.stringify({ progress: { stage, done, total } })}\n`);
const FINDING_SENTENCES = 'Finding paragraphs and sentences';

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
    if (job.kind === 'parse') {
      try {
        const reading = parseReading(
          { text: job.text, format: job.format, title: job.title, author: job.author },
          progressLine(FINDING_SENTENCES),
        );
        process.stdout.write(`${JSON.stringify({ ok: true, reading })}\n`);
      } catch (error) {
        if (!(error instanceof ReadingParseError)) throw error;
        process.stdout.write(`${JSON.stringify({ ok: false, error: error.message, invalid: true })}\n`);
      }
      return;
    }
    if (job.kind === 'plan-import') {
      // Loaded only for this job, as the generator is for its own.
      const { planImport } = await import('./formats/to-bank');
      // Progress lines first (the server passes them on to the instructor's page), the answer last.
      const plan = planImport(
        job.read,
        job.reading,
        job.format,
        progressLine('Matching questions to the reading'),
      );
      process.stdout.write(`${JSON.stringify({ ok: true, plan })}\n`);
      return;
    }
    if (job.kind === 'import') {
      try {
        // Loaded only for this job: the converters (PDF.js, mammoth, htmlparser2) take half a second.
        progressLine('Converting the file')(0, 1);
        const { convertReadingFile } = await import('./reading/import/file');
        const text = await convertReadingFile(job.fileKind, Buffer.from(job.data, 'base64'), job.limits);
        const reading = parseReading(
          { text, format: 'markdown', title: job.title, author: job.author },
          progressLine(FINDING_SENTENCES),
        );
        process.stdout.write(`${JSON.stringify({ ok: true, reading })}\n`);
      } catch (error) {
        if (error instanceof ReadingImportError)
          process.stdout.write(
            `${JSON.stringify({ ok: false, error: error.message, refusal: error.refusal })}\n`,
          );
        else if (error instanceof ReadingParseError)
          process.stdout.write(`${JSON.stringify({ ok: false, error: error.message, invalid: true })}\n`);
        else throw error;
      }
      return;
    }
    // Loaded only for this job: the providers' language models take seconds to load, which a
    // parse or an import does not need to wait for.
    const { defaultProvider } = await import('./providers');
    const provider = defaultProvider(job.settings ?? {});
    const report = await provider.generate(job.reading, { readingSlug: job.readingSlug });
    // The rejected questions (often more than the kept ones) are for the CLI's report, not the
    // server: leaving them out spares the server parsing megabytes of JSON on its thread.
    const answer = { ...report, rejected: [] };
    process.stdout.write(`${JSON.stringify({ ok: true, provider: provider.name, report: answer })}\n`);
  } catch (error) {
    process.stdout.write(
      `${JSON.stringify({ ok: false, error: error instanceof Error ? error.message : String(error) })}\n`,
    );
    process.exitCode = 1;
  }
}

void main();
