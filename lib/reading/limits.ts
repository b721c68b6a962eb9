import type { ParsedReading } from '@/questions/reading/types';

/**
 * How large a reading may be: a long book chapter fits (Truman's 1953 State of the Union is
 * 9,600 words), and creating, rendering or generating questions for the largest allowed stays
 * far below what would hold up a server (see bench/ and the README's figures).
 */
export const READING_LIMITS = {
  bytes: 2 * 1024 * 1024,
  words: 25_000,
  paragraphs: 1_000,
} as const;

const fmt = (n: number) => n.toLocaleString('en');

/** A quick look at raw text before any parsing: too many words or paragraphs, or null. */
export function rawTextTooLarge(text: string): string | null {
  if (Buffer.byteLength(text, 'utf8') > READING_LIMITS.bytes)
    return `The text is larger than ${READING_LIMITS.bytes / 1024 / 1024} MB.`;
  let words = 0;
  for (const _ of text.matchAll(/\S+/g)) if (++words > READING_LIMITS.words * 1.5) break;
  if (words > READING_LIMITS.words * 1.5) return tooManyWords(words);
  const blocks = text.split(/\n\s*\n/).length;
  if (blocks > READING_LIMITS.paragraphs * 3) return tooManyParagraphs(blocks);
  return null;
}

/** The same limits on the parsed reading (what counts: words and paragraphs of the text itself). */
export function readingTooLarge(reading: Pick<ParsedReading, 'wordCount' | 'paragraphs'>): string | null {
  if (reading.wordCount > READING_LIMITS.words) return tooManyWords(reading.wordCount);
  if (reading.paragraphs.length > READING_LIMITS.paragraphs)
    return tooManyParagraphs(reading.paragraphs.length);
  return null;
}

function tooManyWords(words: number) {
  return `The text has about ${fmt(words)} words; a reading can have up to ${fmt(READING_LIMITS.words)}. Split it into several readings.`;
}

function tooManyParagraphs(paragraphs: number) {
  return `The text has ${fmt(paragraphs)} paragraphs; a reading can have up to ${fmt(READING_LIMITS.paragraphs)}. Split it into several readings.`;
}

/**
 * Texts longer than this are parsed in the engine's worker process rather than on the request:
 * sentence splitting costs about a second per few thousand words, which would hold up every other
 * request on the server.
 */
export const PARSE_IN_WORKER_ABOVE_WORDS = 3_000;

/**
 * How large an uploaded PDF, Word file or web page may be. The file itself may be far larger
 * than its text (fonts, images), so it has a limit of its own; what is read out of it must then
 * fit a reading. A .docx is a zip: it is measured before it is unpacked, against a zip bomb.
 */
export const READING_FILE_LIMITS = {
  fileBytes: 20 * 1024 * 1024,
  pages: 200,
  unzippedBytes: 60 * 1024 * 1024,
  zipEntries: 2_000,
  textBytes: READING_LIMITS.bytes,
  // As rawTextTooLarge allows: the parser drops headings and page debris before it counts.
  words: READING_LIMITS.words * 1.5,
} as const;

/**
 * A converted file is read in the engine's worker within this time, or refused: below the HTTP
 * server's own request timeout (120 s, lib/server/serve.mjs), so the instructor gets the reason
 * rather than a dropped connection. bench:imports reads a 41-page PDF through the worker in
 * about 6 s on a shared two-core machine, 25 s with a build running beside it.
 */
export const IMPORT_TIME_LIMIT_MS = 100_000;
