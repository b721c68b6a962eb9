import 'server-only';
import { runEngineWorker, type WorkProgress } from '@/lib/server/engine-worker';
import type { ConvertedKind, ImportRefusal } from '@/questions/reading/import/sniff';
import { ReadingImportError } from '@/questions/reading/import/sniff';
import { ReadingParseError } from '@/questions/reading/parse';
import type { ParsedReading } from '@/questions/reading/types';
import { IMPORT_TIME_LIMIT_MS, READING_FILE_LIMITS } from './limits';

type ImportAnswer =
  | { ok: true; reading: ParsedReading }
  | { ok: false; error: string; invalid?: boolean; refusal?: ImportRefusal };

/**
 * Reads an uploaded PDF, Word file or web page as a reading in the engine's worker process
 * (questions/worker.ts): converting a long PDF takes seconds of work that never runs on the
 * server's event loop, and a hostile file that makes a parser run away is stopped by the time
 * limit without taking the server with it. Throws ReadingImportError (the file cannot become a
 * reading, with why) or ReadingParseError, as parseReading does.
 */
export async function importReadingOffThread(input: {
  kind: ConvertedKind;
  bytes: Uint8Array;
  title?: string;
  author?: string;
  onProgress?: (progress: WorkProgress) => void;
}): Promise<ParsedReading> {
  const answer = await runEngineWorker<ImportAnswer>(
    {
      kind: 'import',
      fileKind: input.kind,
      data: Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength).toString(
        'base64',
      ),
      title: input.title,
      author: input.author,
      limits: READING_FILE_LIMITS,
    },
    { timeLimitMs: IMPORT_TIME_LIMIT_MS, what: 'Reading the file', onProgress: input.onProgress },
  );
  if (answer.ok) return answer.reading;
  if ('refusal' in answer && answer.refusal) throw new ReadingImportError(answer.error, answer.refusal);
  if ('invalid' in answer && answer.invalid) throw new ReadingParseError(answer.error);
  // Stopped by the time limit, or the worker died (out of memory on a hostile file): still the
  // file's fault as far as the instructor can tell, and nothing was written.
  throw new ReadingImportError(
    `${answer.error} The file could not be read; if it is very long, split it, or paste its text.`,
  );
}
