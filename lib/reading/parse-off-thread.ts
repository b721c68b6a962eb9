import 'server-only';
import { runEngineWorker, type WorkProgress } from '@/lib/server/engine-worker';
import { parseReading, ReadingParseError } from '@/questions/reading/parse';
import type { ParsedReading } from '@/questions/reading/types';
import { PARSE_IN_WORKER_ABOVE_WORDS } from './limits';

type ParseInput = Parameters<typeof parseReading>[0];
type ParseAnswer = { ok: true; reading: ParsedReading } | { ok: false; error: string; invalid?: boolean };

/**
 * Parses a reading without holding up the server: short texts in place, long ones in the engine's
 * worker. Throws ReadingParseError for a text that is not a reading, as parseReading does.
 */
export async function parseReadingOffThread(
  input: ParseInput,
  onProgress?: (progress: WorkProgress) => void,
): Promise<ParsedReading> {
  let words = 0;
  for (const _ of input.text.matchAll(/\S+/g)) if (++words > PARSE_IN_WORKER_ABOVE_WORDS) break;
  if (words <= PARSE_IN_WORKER_ABOVE_WORDS) return parseReading(input);
  const answer = await runEngineWorker<ParseAnswer>(
    { kind: 'parse', ...input },
    { timeLimitMs: 60_000, what: 'Reading the text', onProgress },
  );
  if (answer.ok) return answer.reading;
  if ('invalid' in answer && answer.invalid) throw new ReadingParseError(answer.error);
  throw new Error(answer.error);
}
