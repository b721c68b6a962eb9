import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { ok, type Result, refuse } from '@/lib/server/result';

/**
 * A class roster read from the CSV an LMS exports, for the roster import (lib/classes/invitations.ts
 * decides what each row becomes). The layout is told by the header line:
 *
 * - Canvas, gradebook export: `Student, ID, SIS User ID, SIS Login ID, Section, …`, the name as
 *   "Last, First", a "Points Possible" row under the header, and no email column unless the
 *   institution adds one; the SIS Login ID is used when it is an address.
 * - Moodle, participants or grades download: `First name, Last name, …, Email address, …`; and its
 *   user upload file: `username, firstname, lastname, email`.
 * - Google Classroom, grades export: `Last Name, First Name, Email Address, …`.
 * - Any other list with an email column and a name (or first and last name) column.
 *
 * Reading is csv-parse's: quotes, CRLF, a byte-order mark and semicolons (European Excel) are
 * handled there; a row it cannot read is reported with its line, and so is each row skipped.
 */

export const ROSTER_LIMITS = { bytes: 1024 * 1024, rows: 2_000 } as const;

export const ROSTER_LAYOUTS = {
  canvas: 'Canvas (gradebook export)',
  moodle: 'Moodle (participants or grades download)',
  'moodle-upload': 'Moodle (user upload file)',
  'google-classroom': 'Google Classroom (grades export)',
  generic: 'a list of names and emails',
} as const;
export type RosterLayout = keyof typeof ROSTER_LAYOUTS;

/** A student the roster names: the line their row starts on, their address (lower-cased) and name. */
export type RosterEntry = { line: number; email: string; name: string | null };
/** A row that will not be imported, and why. */
export type RosterSkip = { line: number; email: string | null; name: string | null; reason: string };

export type ParsedRoster = {
  layout: RosterLayout;
  delimiter: ',' | ';' | '\t';
  entries: RosterEntry[];
  skipped: RosterSkip[];
};

/** Column headers as compared: lower case, single spaces, no surrounding quotes or spaces. */
const headerKey = (value: string) =>
  value
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();

const EMAIL_HEADERS = ['email', 'email address', 'e-mail', 'e-mail address', 'mail'];
const NAME_HEADERS = ['name', 'full name', 'student name', 'student'];
const FIRST_HEADERS = ['first name', 'firstname', 'given name'];
const LAST_HEADERS = ['last name', 'lastname', 'surname', 'family name'];

type Columns = { email?: number; name?: number; first?: number; last?: number; sisLogin?: number };

const indexOf = (headers: string[], names: string[]) => {
  const at = headers.findIndex((h) => names.includes(h));
  return at === -1 ? undefined : at;
};

/** The layout a header line names, and where its columns are; null when it names no known one. */
export function detectLayout(rawHeaders: string[]): { layout: RosterLayout; columns: Columns } | null {
  const headers = rawHeaders.map(headerKey);
  const has = (name: string) => headers.includes(name);
  const columns: Columns = {
    email: indexOf(headers, EMAIL_HEADERS),
    name: indexOf(headers, NAME_HEADERS),
    first: indexOf(headers, FIRST_HEADERS),
    last: indexOf(headers, LAST_HEADERS),
  };
  if (has('student') && (has('sis login id') || has('sis user id') || (has('id') && has('section')))) {
    return {
      layout: 'canvas',
      columns: { ...columns, name: headers.indexOf('student'), sisLogin: indexOf(headers, ['sis login id']) },
    };
  }
  const hasFirstLast = columns.first !== undefined && columns.last !== undefined;
  if (columns.email === undefined || (columns.name === undefined && !hasFirstLast)) return null;
  if (has('firstname') && has('lastname') && has('email')) return { layout: 'moodle-upload', columns };
  if (hasFirstLast && headers[columns.email] === 'email address') {
    // Both name the same three columns; Classroom puts the last name first, Moodle the first name.
    return { layout: columns.last! < columns.first! ? 'google-classroom' : 'moodle', columns };
  }
  return { layout: 'generic', columns };
}

/** The separator of a header line: the most frequent of comma, semicolon and tab outside quotes. */
export function detectDelimiter(headerLine: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  const best = (Object.entries(counts) as [keyof typeof counts, number][]).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > 0 ? best[0] : ',';
}

const emailSchema = z.email();

/** "Doe, Jane" (Canvas's sortable name) as "Jane Doe"; other names as written. */
function canvasName(value: string): string {
  const [last, ...rest] = value.split(',');
  const first = rest.join(',').trim();
  return first ? `${first} ${last!.trim()}` : value.trim();
}

/** Rows of an export that are about the course, not a student (Canvas's and Classroom's). */
const SUMMARY_ROWS = new Set(['points possible', 'points', 'date', 'class average', 'average']);

type Row = { line: number; lastLine: number; fields: string[] };

const lineWords = (first: number, last: number) =>
  first === last ? `line ${first}` : `lines ${first}–${last}`;

const PARSE_PROBLEMS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quotation mark opens here and is never closed',
  INVALID_OPENING_QUOTE: 'a quotation mark is in the wrong place',
  CSV_INVALID_CLOSING_QUOTE: 'a closing quotation mark is followed by more text',
};

/** Every record of the text with the line it starts on, and the ones csv-parse could not read. */
function readRecords(text: string, delimiter: string): { rows: Row[]; broken: RosterSkip[] } {
  const rows: Row[] = [];
  const broken: RosterSkip[] = [];
  let lastEnd = 0;
  let lastEmpty = 0;
  // A record starts after the previous one, and after the empty lines skipped since.
  const startOf = (context: { empty_lines: number }) => lastEnd + 1 + (context.empty_lines - lastEmpty);
  parse(text, {
    bom: true,
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_record: (record: string[], context) => {
      rows.push({ line: startOf(context), lastLine: context.lines, fields: record });
      lastEnd = context.lines;
      lastEmpty = context.empty_lines;
      return null;
    },
    on_skip: (error) => {
      const context = error as unknown as { lines: number; empty_lines: number; code: string };
      const line = startOf(context);
      const problem = PARSE_PROBLEMS[context.code] ?? 'the row could not be read as CSV';
      broken.push({
        line,
        email: null,
        name: null,
        reason: `${problem}, so ${lineWords(line, context.lines)} could not be read`,
      });
      lastEnd = context.lines;
      lastEmpty = context.empty_lines;
    },
  });
  return { rows, broken };
}

const headerHelp =
  'The first line must name the columns, as the exports of Canvas (Student, ID, SIS User ID, SIS Login ID, Section), Moodle (First name, Last name, Email address; or firstname, lastname, email) and Google Classroom (Last Name, First Name, Email Address) do: at least an email column and a name column.';

/** Reads a roster; nothing about the class or its accounts is known here. */
export function parseRoster(text: string): Result<ParsedRoster> {
  if (new TextEncoder().encode(text).byteLength > ROSTER_LIMITS.bytes)
    return refuse(
      'too-large',
      `The roster is larger than ${ROSTER_LIMITS.bytes / 1024 / 1024} MB; split it and import the parts.`,
    );
  const firstLine = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .find((l) => l.trim() !== '');
  if (!firstLine)
    return refuse('invalid', 'Choose the roster file or paste it.', {
      fieldErrors: { text: ['Choose the roster file or paste it.'] },
    });
  const delimiter = detectDelimiter(firstLine);
  // One line ending throughout: csv-parse takes the first it meets as the only one, and a file
  // edited on two systems mixes them (its line numbers would drift).
  const { rows, broken } = readRecords(text.replace(/\r\n?/g, '\n'), delimiter);
  const [header, ...records] = rows;
  const detected = header ? detectLayout(header.fields) : null;
  if (!header || !detected)
    return refuse(
      'invalid',
      `The columns${header ? ` (${header.fields.slice(0, 8).join(', ')})` : ''} are not a roster layout this page reads. ${headerHelp}`,
    );
  if (records.length + broken.length > ROSTER_LIMITS.rows)
    return refuse(
      'too-large',
      `The roster has ${(records.length + broken.length).toLocaleString('en')} rows; import at most ${ROSTER_LIMITS.rows.toLocaleString('en')} at a time (split the file).`,
    );

  const { layout, columns } = detected;
  const cell = (row: Row, at: number | undefined) => (at === undefined ? '' : (row.fields[at] ?? '').trim());
  const entries: RosterEntry[] = [];
  const skipped: RosterSkip[] = [...broken];
  const firstLineOf = new Map<string, number>();
  for (const row of records) {
    const name =
      layout === 'canvas'
        ? canvasName(cell(row, columns.name))
        : columns.name !== undefined && cell(row, columns.name)
          ? cell(row, columns.name)
          : [cell(row, columns.first), cell(row, columns.last)].filter(Boolean).join(' ');
    // Canvas has no email column unless the school adds one; its SIS Login ID often is the address.
    const sisLogin = layout === 'canvas' ? cell(row, columns.sisLogin) : '';
    const rawEmail = cell(row, columns.email) || (sisLogin.includes('@') ? sisLogin : '');
    const email = rawEmail.toLowerCase();
    const skip = (reason: string) =>
      skipped.push({ line: row.line, email: email || null, name: name || null, reason });
    if (!email && SUMMARY_ROWS.has(headerKey(cell(row, columns.name) || cell(row, columns.last))))
      skip('a summary row of the export, not a student');
    else if (!email && !name) skip('no name and no email address');
    else if (!email)
      skip(sisLogin ? `no email address (its SIS Login ID, “${sisLogin}”, is not one)` : 'no email address');
    else if (!emailSchema.safeParse(email).success) skip(`“${rawEmail}” is not an email address`);
    else if (firstLineOf.has(email)) skip(`the same address as line ${firstLineOf.get(email)}`);
    else {
      firstLineOf.set(email, row.line);
      entries.push({ line: row.line, email, name: name ? name.slice(0, 200) : null });
    }
  }
  skipped.sort((a, b) => a.line - b.line);
  return ok({ layout, delimiter, entries, skipped });
}
