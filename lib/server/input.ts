import { z } from 'zod';
import { fromDateTimeLocal, WALL_CLOCK } from '@/lib/time';
import { decodeWindows1252 } from '@/questions/reading/encoding';

/** Bounds on the shape of any input, before its own schema looks at it. */
export const INPUT_LIMITS = {
  depth: 8,
  arrayLength: 5_000,
  keys: 1_000,
  /** The largest text the app takes is a pasted reading (2 MB). */
  stringLength: 2_500_000,
} as const;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// C0 controls other than tab, line feed and carriage return, and DEL: never meant in a form field.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Text as the app stores it: no NUL or other control characters, no unpaired surrogates. */
export function cleanText(value: string): string {
  return value.replace(CONTROL, '').replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * An uploaded file's text, cleaned as every typed field is (normaliseInput lets files through):
 * UTF-8 (a byte-order mark dropped), else Windows-1252, as files saved on Windows often are.
 */
export async function readUploadedText(file: Blob): Promise<{ text: string; note: string | null }> {
  return decodeUploadedBytes(new Uint8Array(await file.arrayBuffer()));
}

/** An uploaded text file's bytes as text: UTF-8, or else Windows-1252 (and a note saying so). */
export function decodeUploadedBytes(bytes: Uint8Array): { text: string; note: string | null } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text: cleanText(text), note: null };
  } catch {
    return {
      text: cleanText(decodeWindows1252(bytes)),
      note: 'The file is not UTF-8; it was read as Windows-1252. Check accented letters in the preview.',
    };
  }
}

export class InputTooLargeError extends Error {}

/**
 * Every string cleaned, and the input refused (InputTooLargeError) when it is deeper, wider or
 * longer than any form of the app sends. Files pass through for their schema to check.
 */
export function normaliseInput(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') {
    if (value.length > INPUT_LIMITS.stringLength) throw new InputTooLargeError('A field is too long.');
    return cleanText(value);
  }
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Blob || value instanceof Date) return value;
  if (depth >= INPUT_LIMITS.depth) throw new InputTooLargeError('The input is nested too deeply.');
  if (Array.isArray(value)) {
    if (value.length > INPUT_LIMITS.arrayLength) throw new InputTooLargeError('A list is too long.');
    return value.map((item) => normaliseInput(item, depth + 1));
  }
  const entries = Object.entries(value);
  if (entries.length > INPUT_LIMITS.keys) throw new InputTooLargeError('The input has too many fields.');
  const out: Record<string, unknown> = {};
  for (const [key, item] of entries) {
    if (UNSAFE_KEYS.has(key)) continue;
    out[cleanText(key)] = normaliseInput(item, depth + 1);
  }
  return out;
}

/** A submitted form as an object: repeated names become lists; Next's own fields are left out. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith('$ACTION')) continue;
    const values = formData.getAll(key);
    out[key] = values.length === 1 ? values[0] : values;
  }
  return out;
}

/** The first problem of a failed parse, as one line, and every field's problems. */
export function describeIssues(error: z.ZodError): {
  message: string;
  fieldErrors: Record<string, string[]>;
} {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
  }
  const first = error.issues[0];
  const fields = Object.keys(fieldErrors).filter((k) => k !== 'form');
  const message =
    fields.length > 1 || (first && first.path.length === 0)
      ? 'Please correct the highlighted fields.'
      : first
        ? first.message
        : 'The request was not valid.';
  return { message, fieldErrors };
}

// ---- Field schemas that read a form's strings and a JSON client's values alike ----

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

/** Schemas for the kinds of field the app's forms and clients send. */
export const field = {
  /** Required text, trimmed. */
  text: (max: number, label = 'This field') =>
    z
      .string({ error: `${label} is missing.` })
      .trim()
      .min(1, `${label} is missing.`)
      .max(max, `Use at most ${max.toLocaleString('en')} characters.`),
  /** Optional text, trimmed; empty becomes null. */
  optionalText: (max: number) =>
    z.preprocess(
      (v) => (v === undefined ? null : v),
      z
        .string()
        .max(max, `Use at most ${max.toLocaleString('en')} characters.`)
        .transform((v) => v.trim() || null)
        .nullable(),
    ),
  /** A database id (UUID). */
  id: (label = 'That item') =>
    z.uuid({ error: `${label} does not exist.` }).transform((v) => v.toLowerCase()),
  /** An id made of letters, digits and dashes (question ids, slugs). */
  key: (max = 120, label = 'That item') =>
    z
      .string({ error: `${label} does not exist.` })
      .min(1, `${label} does not exist.`)
      .max(max, `${label} does not exist.`)
      .regex(/^[\w.:~-]+$/, `${label} does not exist.`),
  /** A checkbox: "on" (a form) or true (JSON). */
  checkbox: () => z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()),
  /** A whole number in range; optional ones give null when left empty. */
  integer: (min: number, max: number, label = 'Enter a whole number') =>
    z.preprocess(
      (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v),
      z
        .number({ error: `${label} from ${min} to ${max}.` })
        .int(`${label} from ${min} to ${max}.`)
        .min(min, `${label} from ${min} to ${max}.`)
        .max(max, `${label} from ${min} to ${max}.`),
    ),
  optionalInteger: (min: number, max: number, label = 'Enter a whole number') =>
    z.preprocess(
      (v) => {
        const blank = blankToUndefined(typeof v === 'string' ? v.trim() : v);
        return blank === undefined ? null : typeof blank === 'string' ? Number(blank) : blank;
      },
      z
        .number({ error: `${label} from ${min} to ${max}, or leave it empty.` })
        .int(`${label} from ${min} to ${max}, or leave it empty.`)
        .min(min, `${label} from ${min} to ${max}, or leave it empty.`)
        .max(max, `${label} from ${min} to ${max}, or leave it empty.`)
        .nullable(),
    ),
  /** One of a fixed set of values. */
  choice: <const T extends readonly [string, ...string[]]>(
    values: T,
    message = 'Choose one of the options.',
  ) => z.enum(values, { error: message }),
  /** A repeated field (checkbox group): one value or many, as a list. */
  list: <T extends z.ZodType>(item: T, max: number) =>
    z.preprocess(
      (v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]),
      z.array(item).max(max, `Choose at most ${max}.`),
    ),
  /**
   * A date and time: what a datetime-local field sends ("2026-12-04T23:59"), which is wall-clock
   * time in a zone the action supplies (the class's, with `dateInZone`), or an ISO string with
   * its own offset, from a client. Years 2000 to 2100; empty gives null.
   */
  optionalDateTime: () =>
    z.preprocess(
      (v) => (v === undefined || v === null || v === '' ? null : v instanceof Date ? v.toISOString() : v),
      z
        .union(
          [
            z
              .string()
              .regex(WALL_CLOCK)
              .refine(realWallClock)
              .transform((wall): LocalDateTime => ({ wall })),
            z.iso
              .datetime({ offset: true })
              .transform((iso): LocalDateTime => ({ instant: new Date(iso) }))
              .refine((v) => 'instant' in v && inYears(v.instant)),
          ],
          { error: 'Enter a valid date and time between the years 2000 and 2100.' },
        )
        .nullable(),
    ),
} as const;

/** A date and time as typed (wall-clock, zone still to apply) or as an instant. */
export type LocalDateTime = { wall: string } | { instant: Date };

const inYears = (d: Date) => d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 2100;

/** A wall-clock value that names a real calendar day and time (no 31 February, no 25:00). */
function realWallClock(value: string): boolean {
  const match = WALL_CLOCK.exec(value);
  if (!match) return false;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  const probe = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, Number.isNaN(s) ? 0 : s!));
  return (
    inYears(probe) &&
    probe.getUTCMonth() === mo! - 1 &&
    probe.getUTCDate() === d! &&
    probe.getUTCHours() === h! &&
    probe.getUTCMinutes() === mi!
  );
}

/** The moment a parsed date and time names, reading typed wall-clock time in `timeZone`. */
export function dateInZone(value: LocalDateTime | null, timeZone: string): Date | null {
  if (!value) return null;
  return 'instant' in value ? value.instant : fromDateTimeLocal(value.wall, timeZone);
}
