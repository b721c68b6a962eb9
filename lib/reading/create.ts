import 'server-only';
import { createReadingDraft } from '@/db/queries/readings';
import type { WorkProgress } from '@/lib/server/engine-worker';
import { decodeUploadedBytes } from '@/lib/server/input';
import { ok, type Result, refuse } from '@/lib/server/result';
import {
  type ConvertedKind,
  type ReadingFileKind,
  ReadingImportError,
  sniffReadingFile,
} from '@/questions/reading/import/sniff';
import { ReadingParseError } from '@/questions/reading/parse';
import { importReadingOffThread } from './import-off-thread';
import { READING_FILE_LIMITS, READING_LIMITS, rawTextTooLarge, readingTooLarge } from './limits';
import { parseReadingOffThread } from './parse-off-thread';

/**
 * A new reading from pasted text or an uploaded file, in two steps: `prepareNewReading` checks
 * what came (size, kind of file, something to read) at once, so a refusal is a plain 4xx;
 * `createNewReading` converts and parses it (seconds for a long PDF, in the engine's worker, with
 * progress) and saves the draft. The form's action and the upload route share both.
 */

export const FILE_KINDS = 'Upload a PDF, a Word file (.docx), a web page (.html), or text (.txt, .md).';
const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

export type NewReadingInput = {
  title: string;
  author: string;
  /** Pasted text (ignored when a file came). */
  text: string;
  format: 'text' | 'markdown' | 'html';
  file: { bytes: Uint8Array; name: string } | null;
};

/** What is ready to read: text to parse, or a file to convert; `where` names the field at fault. */
export type PreparedReading = {
  title: string;
  author: string;
  where: 'file' | 'text';
  body: string;
  format: 'text' | 'markdown';
  convert: { kind: ConvertedKind; bytes: Uint8Array } | null;
};

type Values = { title: string; author: string };

export function prepareNewReading(input: NewReadingInput): Result<PreparedReading> {
  const values: Values = { title: input.title, author: input.author };
  let body = input.text;
  let format: 'text' | 'markdown' = input.format === 'markdown' ? 'markdown' : 'text';
  // A PDF, a Word file or a web page is converted and read in the engine's worker.
  let convert: PreparedReading['convert'] = null;
  const file = input.file;
  if (file && file.bytes.byteLength > 0) {
    const fileError = (status: 'invalid' | 'too-large', message: string) =>
      refuse(status, message, { fieldErrors: { file: [message] }, values });
    if (file.bytes.byteLength > READING_FILE_LIMITS.fileBytes)
      return fileError('too-large', `The file is larger than ${megabytes(READING_FILE_LIMITS.fileBytes)}.`);
    let kind: ReadingFileKind;
    try {
      kind = sniffReadingFile(file.bytes, file.name);
    } catch (error) {
      if (error instanceof ReadingImportError) return fileError(error.refusal, error.message);
      throw error;
    }
    if (kind === 'text' || kind === 'markdown') {
      if (file.bytes.byteLength > READING_LIMITS.bytes)
        return fileError(
          'too-large',
          `A text file can be up to ${megabytes(READING_LIMITS.bytes)}. Split it into several readings.`,
        );
      body = decodeUploadedBytes(file.bytes).text;
      format = kind;
    } else convert = { kind, bytes: file.bytes };
  } else if (input.format === 'html' && body.trim()) {
    // Marked as UTF-8, which pasted text is, whatever charset the page's source declares.
    convert = { kind: 'html', bytes: new TextEncoder().encode(`\uFEFF${body}`) };
  }
  if (!convert && !body.trim())
    return refuse('invalid', `Paste the essay or upload a file. ${FILE_KINDS}`, {
      fieldErrors: { text: ['Paste the essay or upload a file.'] },
      values,
    });
  const where = convert && file && file.bytes.byteLength > 0 ? 'file' : 'text';
  if (!convert) {
    const tooLarge = rawTextTooLarge(body);
    if (tooLarge) return refuse('too-large', tooLarge, { fieldErrors: { text: [tooLarge] }, values });
  }
  return ok({ ...values, where, body, format, convert });
}

/** Converts and parses what was prepared, and saves it as the user's draft. Answers its id. */
export async function createNewReading(
  prepared: PreparedReading,
  createdBy: string,
  onProgress?: (progress: WorkProgress) => void,
): Promise<Result<{ readingId: string }>> {
  const { where, title, author } = prepared;
  const values: Values = { title, author };
  try {
    const parsed = prepared.convert
      ? await importReadingOffThread({ ...prepared.convert, title, author, onProgress })
      : await parseReadingOffThread(
          { text: prepared.body, format: prepared.format, title, author },
          onProgress,
        );
    const parsedTooLarge = readingTooLarge(parsed);
    if (parsedTooLarge)
      return refuse('too-large', parsedTooLarge, { fieldErrors: { [where]: [parsedTooLarge] }, values });
    const reading = await createReadingDraft({ createdBy, parsed });
    return ok({ readingId: reading.id });
  } catch (error) {
    if (error instanceof ReadingImportError)
      return refuse(error.refusal, error.message, { fieldErrors: { [where]: [error.message] }, values });
    if (error instanceof ReadingParseError)
      return refuse('invalid', error.message, { fieldErrors: { [where]: [error.message] }, values });
    throw error;
  }
}
