import 'server-only';
import { createHash } from 'node:crypto';
import { bankQuestionId, insertGeneratedQuestions, listReadingQuestions } from '@/db/queries/questions';
import { getQuestionsByIds, insertQuiz } from '@/db/queries/quizzes';
import type { Quiz, Reading } from '@/db/schema';
import { DEFAULT_QUIZ_SETTINGS } from '@/lib/quiz/builder';
import { runEngineWorker, type WorkProgress } from '@/lib/server/engine-worker';
import { cleanText, decodeUploadedBytes } from '@/lib/server/input';
import { ok, type Result, refuse } from '@/lib/server/result';
import { AIKEN_LEAVES_OUT, bankToAiken, parseAiken } from '@/questions/formats/aiken';
import { bankToGift, parseGift } from '@/questions/formats/gift';
import {
  bankToMoodleXml,
  isXmlRefusal,
  parseMoodleXml,
  type XmlRefusal,
} from '@/questions/formats/moodle-xml';
import {
  bankToQtiPackage,
  PackageRefusal,
  QTI_LIMITS,
  QTI_VERSIONS,
  qtiPackageNotes,
  readQtiPackage,
} from '@/questions/formats/qti-package';
import { type ImportPlan, planImport } from '@/questions/formats/to-bank';
import {
  BANK_FORMATS,
  type BankFormat,
  type ExportNote,
  type ExportResult,
  FORMAT_NAMES,
  IMPORT_LIMITS,
  isQtiFormat,
  type LineError,
  QTI_FORMATS,
  type QtiFormat,
  type ReadResult,
} from '@/questions/formats/types';
import { isZip } from '@/questions/reading/import/sniff';
import type { Question } from '@/questions/schema';

/**
 * A reading's question bank in and out as GIFT, Aiken, Moodle XML and QTI 3.0 / 2.1 packages (the engine's
 * questions/formats does the formats; this file reads the bank, decodes uploads, and writes the
 * drafts an instructor confirms).
 */

export { BANK_FORMATS, type BankFormat, FORMAT_NAMES };
/** What the import form may say: a format, or "tell from the content" (of a text file). */
export const IMPORT_FORMATS = ['detect', ...BANK_FORMATS] as const;
export type ImportFormatChoice = (typeof IMPORT_FORMATS)[number];
/** The formats whose file is text; the QTI ones are a zip of XML (an IMS content package). */
type TextFormat = Exclude<BankFormat, QtiFormat>;

/** Up to this many questions a file's plan is made in place; more go to the engine's worker. */
const PLAN_IN_PLACE_UP_TO = 100;

/** What a QTI package keeps only for this app, said once beside its downloads. */
const QTI_LEAVES_OUT =
  'Skill, difficulty, evidence sentences, explanations and feedback on choices travel in a comment of each item that only Statecraft reads.';

/** Each text format's writer, reader and file. */
const FORMATS: Record<
  TextFormat,
  {
    write: (questions: readonly Question[], title: string, heading: string) => ExportResult;
    read: (text: string) => ReadResult | XmlRefusal;
    extension: string;
    contentType: string;
  }
> = {
  gift: {
    write: (questions, _title, heading) => bankToGift(questions, heading),
    read: parseGift,
    extension: 'gift.txt',
    contentType: 'text/plain; charset=utf-8',
  },
  aiken: {
    write: (questions) => bankToAiken(questions),
    read: parseAiken,
    extension: 'aiken.txt',
    contentType: 'text/plain; charset=utf-8',
  },
  'moodle-xml': {
    write: (questions, title) => bankToMoodleXml(questions, title),
    read: parseMoodleXml,
    extension: 'moodle.xml',
    contentType: 'application/xml; charset=utf-8',
  },
};

/**
 * The format a file is in, from its content: XML is Moodle XML; lines of "A) …" choices closed by
 * "ANSWER: X" and no GIFT braces are Aiken; anything else is read as GIFT.
 */
export function detectFormat(text: string): TextFormat {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('<')) return 'moodle-xml';
  // Blanks within a line only: "\s*" after "^" under the m flag would start again at every line
  // and run over every newline after it (a file of newlines took an hour).
  if (
    /^[ \t]*ANSWER:[ \t]*[A-Z][ \t]*$/m.test(text) &&
    /^[ \t]*[A-Z][).]/m.test(text) &&
    !/(^|[^\\])\{/.test(text)
  )
    return 'aiken';
  return 'gift';
}
/** Which questions an export holds: the approved ones (what students see), or drafts too. */
export const EXPORT_SCOPES = ['approved', 'all'] as const;
export type ExportScope = (typeof EXPORT_SCOPES)[number];

/** `bytes` (a zip) for a package format, `text` for the others. */
export type BankExport = ExportResult & {
  bytes?: Uint8Array;
  filename: string;
  contentType: string;
  total: number;
};

export async function exportBank({
  reading,
  bankOwnerId,
  format,
  scope,
}: {
  reading: Pick<Reading, 'id' | 'slug' | 'title'>;
  bankOwnerId: string | null;
  format: BankFormat;
  scope: ExportScope;
}): Promise<BankExport> {
  const rows = await listReadingQuestions({
    readingId: reading.id,
    ownerId: bankOwnerId,
    // Rejected questions never leave: they were rejected.
    statuses: scope === 'approved' ? ['approved'] : ['draft', 'approved'],
  });
  const questions = rows.map((r) => r.data);
  return writeQuestions({
    questions,
    format,
    title: reading.title,
    identifier: reading.slug,
    base: `${reading.slug.slice(0, 60)}-questions`,
    heading: `"${reading.title}": ${questions.length} ${scope === 'approved' ? 'approved ' : ''}questions exported from Statecraft as ${FORMAT_NAMES[format]}.`,
  });
}

/**
 * A quiz's questions, in the quiz's order, as a file: a QTI package holds them as its assessment
 * test; the text formats as a category (Moodle XML) or a list titled by the quiz. Questions retired
 * since the quiz was built are left out and said so, as the bank export leaves them out.
 */
export async function exportQuiz({
  quiz,
  format,
}: {
  quiz: Pick<Quiz, 'id' | 'title' | 'questionIds'>;
  format: BankFormat;
}): Promise<BankExport> {
  const rows = await getQuestionsByIds({ ids: quiz.questionIds });
  const inQuiz = quiz.questionIds.flatMap((id) => {
    const row = rows.get(id);
    return row ? [row] : [];
  });
  const kept = inQuiz.filter((r) => r.status !== 'retired');
  const drafts = kept.filter((r) => r.status === 'draft').length;
  const retired = inQuiz.length - kept.length;
  const slug = fileSlug(quiz.title) || `quiz-${quiz.id.slice(0, 8)}`;
  const file = writeQuestions({
    questions: kept.map((r) => r.data),
    format,
    title: quiz.title,
    identifier: `quiz-${quiz.id}`,
    base: `${slug}-quiz`,
    heading: `Quiz "${quiz.title}": ${kept.length} questions in the quiz's order${drafts ? ` (${drafts} still drafts, not yet shown to students)` : ''}, exported from Statecraft as ${FORMAT_NAMES[format]}.`,
  });
  return {
    ...file,
    notes: [
      ...file.notes,
      ...inQuiz
        .filter((r) => r.status === 'retired')
        .map((r) => ({
          questionId: r.id,
          type: r.data.type,
          kind: 'skipped' as const,
          message: 'Retired from the bank since the quiz was built: students no longer see it.',
        })),
    ],
    total: kept.length + retired,
  };
}

/** Lower-case ASCII words joined by hyphens, for a file name. */
const fileSlug = (title: string) =>
  title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .slice(0, 60)
    .replace(/-+$/, '');

/** Questions written in one format: a zip for a package format, text for the others. */
function writeQuestions({
  questions,
  format,
  title,
  identifier,
  base,
  heading,
}: {
  questions: Question[];
  format: BankFormat;
  title: string;
  identifier: string;
  base: string;
  heading: string;
}): BankExport {
  if (isQtiFormat(format)) {
    const pkg = bankToQtiPackage(questions, format, { title, identifier });
    return {
      text: '',
      bytes: pkg.bytes,
      exported: pkg.exported,
      notes: pkg.notes,
      filename: `${base}.${format}.zip`,
      contentType: 'application/zip',
      total: questions.length,
    };
  }
  const { write, extension, contentType } = FORMATS[format];
  const result = write(questions, title, heading);
  return { ...result, filename: `${base}.${extension}`, contentType, total: questions.length };
}

/** Both formats and both scopes, from one read of the bank, for the bank page's export panel. */
export async function exportChoices({
  reading,
  bankOwnerId,
}: {
  reading: Pick<Reading, 'id' | 'slug' | 'title'>;
  bankOwnerId: string | null;
}): Promise<
  { format: BankFormat; scope: ExportScope; summary: string; notes: (ExportNote & { prompt: string })[] }[]
> {
  const rows = await listReadingQuestions({
    readingId: reading.id,
    ownerId: bankOwnerId,
    statuses: ['draft', 'approved'],
  });
  const prompts = new Map(rows.map((r) => [r.id, r.data.prompt]));
  const everything = rows.map((r) => r.data);
  const approved = new Set(rows.filter((r) => r.status === 'approved').map((r) => r.id));
  // Each question is written on its own, so one pass per format serves both scopes: the approved
  // scope is the same notes, kept for approved questions.
  return BANK_FORMATS.flatMap((format) => {
    // A package's notes come without zipping it: the page is not the download.
    const allNotes = isQtiFormat(format)
      ? qtiPackageNotes(everything, format)
      : FORMATS[format].write(everything, reading.title, '').notes;
    return EXPORT_SCOPES.map((scope) => {
      const notes = scope === 'all' ? allNotes : allNotes.filter((n) => approved.has(n.questionId));
      const total = scope === 'all' ? rows.length : approved.size;
      const skipped = new Set(notes.filter((n) => n.kind === 'skipped').map((n) => n.questionId)).size;
      return {
        format,
        scope,
        summary: exportSummary({ exported: total - skipped, notes, total }, format),
        notes: notes.map((n) => ({ ...n, prompt: prompts.get(n.questionId) ?? '' })),
      };
    });
  });
}

/** The summary the bank page shows beside each download: what will be converted or left out. */
function exportSummary(
  result: Pick<ExportResult, 'exported' | 'notes'> & { total: number },
  format: BankFormat,
): string {
  const count = (kind: ExportNote['kind']) =>
    new Set(result.notes.filter((n) => n.kind === kind).map((n) => n.questionId)).size;
  const parts = [`${result.exported} of ${result.total} question${result.total === 1 ? '' : 's'}`];
  if (count('converted')) parts.push(`${count('converted')} as the closest type`);
  if (count('split')) parts.push(`${count('split')} split`);
  if (count('skipped')) parts.push(`${count('skipped')} left out (the format cannot hold them)`);
  const leavesOut =
    format === 'aiken' ? ` ${AIKEN_LEAVES_OUT}` : isQtiFormat(format) ? ` ${QTI_LEAVES_OUT}` : '';
  return `${parts.join('; ')}.${leavesOut}`;
}

// ---- Import ----

/** What the preview shows and the confirmation sends back. */
export type ImportPreview = {
  format: BankFormat;
  /** Whether the format was told from the content (rather than chosen). */
  detected: boolean;
  /**
   * The text read, sent back on confirmation (nothing is kept on the server in between); for a
   * package format, the zip in base64.
   */
  text: string;
  /** Names what the preview showed, so the confirmation writes exactly that. */
  digest: string;
  drafts: {
    line: number;
    title: string | null;
    question: Question;
    evidence: { id: string; text: string }[];
    evidenceFound: boolean;
    notes: string[];
  }[];
  errors: LineError[];
  notes: LineError[];
  fileNote: string | null;
  /** A title for a quiz made of these questions: a package's test title, else the file's name. */
  quizTitle: string;
};

const digestOf = (plan: ImportPlan) =>
  createHash('sha256')
    .update(JSON.stringify(plan.drafts.map((d) => d.question)))
    .digest('hex')
    .slice(0, 32);

/** A file read into questions, before they are matched to the reading (the slow part). */
export type ReadImport = {
  format: BankFormat;
  detected: boolean;
  /** The text read; for a package, the zip in base64. */
  text: string;
  fileNote: string | null;
  read: ReadResult;
  quizTitle: string;
};

/** Told how many of a file's questions have been matched to the reading, as it goes. */
export type ImportProgress = (progress: WorkProgress) => void;

/**
 * Questions read from a file, planned as drafts: a few in place; more in the engine's worker,
 * since matching each to the reading's sentences takes seconds for hundreds of questions and
 * would hold up every other request.
 */
async function planOffThread(
  read: ReadResult,
  reading: { slug: string; sentences: { id: string; text: string }[] },
  format: BankFormat,
  onProgress?: ImportProgress,
): Promise<ImportPlan> {
  if (read.questions.length <= PLAN_IN_PLACE_UP_TO) return planImport(read, reading, format);
  const answer = await runEngineWorker<{ ok: true; plan: ImportPlan }>(
    { kind: 'plan-import', read, reading, format },
    { timeLimitMs: 90_000, what: 'Matching the questions to the reading', onProgress },
  );
  if (!answer.ok) throw new Error(answer.error);
  return answer.plan;
}

const packageMissing = 'Choose the QTI package (.zip) to upload.';

/**
 * An upload or a paste as it arrived (bytes), read into questions: a zip is a QTI package when the
 * format is to be told from the content; a text file is decoded (UTF-8, else Windows-1252, said so).
 * Quick, and every refusal of the file as a whole is here, before the slow matching.
 */
export async function readImportUpload({
  reading,
  format,
  bytes,
  source,
  fileName = null,
}: {
  reading: Reading;
  format: ImportFormatChoice;
  bytes: Uint8Array;
  /** An uploaded file, or text pasted in the form (or sent back by a confirmation). */
  source: 'file' | 'paste';
  fileName?: string | null;
}): Promise<Result<ReadImport>> {
  const detected = format === 'detect';
  const as = detected && source === 'file' && isZip(bytes.subarray(0, 4)) ? 'qti3' : format;
  if (isQtiFormat(as)) {
    if (source === 'paste') return readImportFile({ reading, format: as, text: decodeUtf8(bytes), fileName });
    if (bytes.byteLength === 0)
      return refuse('invalid', packageMissing, { fieldErrors: { file: [packageMissing] } });
    if (bytes.byteLength > QTI_LIMITS.zipBytes) {
      const message = `The package is larger than ${QTI_LIMITS.zipBytes / 1024 / 1024} MB; export fewer questions at a time.`;
      return refuse('too-large', message, { fieldErrors: { file: [message] } });
    }
    const base64 = Buffer.from(bytes).toString('base64');
    return readImportFile({ reading, format: as, text: base64, fileName, detected });
  }
  if (bytes.byteLength > IMPORT_LIMITS.bytes) {
    const message = `The file is larger than ${IMPORT_LIMITS.bytes / 1024 / 1024} MB; split it and import the parts.`;
    return refuse('too-large', message, {
      fieldErrors: { [source === 'file' ? 'file' : 'text']: [message] },
    });
  }
  const { text, note } =
    source === 'file' ? decodeUploadedBytes(bytes) : { text: decodeUtf8(bytes), note: null };
  return readImportFile({ reading, format: as, text, fileNote: note, fileName });
}

const decodeUtf8 = (bytes: Uint8Array) => cleanText(new TextDecoder('utf-8').decode(bytes));

/** Reads a file's text (for a package, the zip in base64) into questions; nothing is matched yet. */
export async function readImportFile({
  reading,
  format,
  text,
  fileNote = null,
  fileName = null,
  detected: packageDetected = false,
}: {
  reading: Reading;
  format: ImportFormatChoice;
  text: string;
  fileNote?: string | null;
  /** The uploaded file's name, for the title a quiz of these questions would get. */
  fileName?: string | null;
  /** For a package: whether it was told to be one by its content (a text file says so itself). */
  detected?: boolean;
}): Promise<Result<ReadImport>> {
  if (isQtiFormat(format))
    return readPackage({ reading, base64: text, fileNote, fileName, detected: packageDetected });
  if (new TextEncoder().encode(text).byteLength > IMPORT_LIMITS.bytes)
    return refuse(
      'too-large',
      `The file is larger than ${IMPORT_LIMITS.bytes / 1024 / 1024} MB; split it and import the parts.`,
    );
  if (!text.trim())
    return refuse('invalid', 'Paste the questions or choose a file.', {
      fieldErrors: { text: ['Paste the questions or choose a file.'] },
    });
  const detected = format === 'detect';
  const as = format === 'detect' ? detectFormat(text) : format;
  const read = FORMATS[as].read(text);
  // A file that cannot be read at all (not XML, a DTD, too many questions): nothing to preview.
  if (isXmlRefusal(read)) {
    const message = detected
      ? `${read.message} (Read as Moodle XML because it starts with "<"; if it is GIFT or Aiken, choose that format.)`
      : read.message;
    return refuse(read.refused, message, { fieldErrors: { text: [message] } });
  }
  if (read.questions.length > IMPORT_LIMITS.questions)
    return refuse(
      'too-large',
      `The file has ${read.questions.length.toLocaleString('en')} questions; import at most ${IMPORT_LIMITS.questions.toLocaleString('en')} at a time (split the file).`,
    );
  const quizTitle = titleFromFileName(fileName) ?? `${reading.title}: imported questions`;
  return ok({ format: as, detected, text, fileNote, read, quizTitle });
}

/** Reads a file into the drafts it would make; nothing is written. */
export async function previewImport(
  args: Parameters<typeof readImportFile>[0] & { onProgress?: ImportProgress },
): Promise<Result<ImportPreview>> {
  const file = await readImportFile(args);
  return file.status === 'ok' ? ok(await planPreview(args.reading, file.data, args.onProgress)) : file;
}

/** A file read, planned as drafts of the reading's bank, as the preview shows it. */
export async function planPreview(
  reading: Reading,
  { format, detected, text, fileNote, read, quizTitle }: ReadImport,
  onProgress?: ImportProgress,
): Promise<ImportPreview> {
  const sentences = reading.paragraphs.flatMap((p) => p.sentences.map(({ id, text }) => ({ id, text })));
  const plan = await planOffThread(read, { slug: reading.slug, sentences }, format, onProgress);
  const byId = new Map(sentences.map((s) => [s.id, s.text]));
  return {
    format,
    detected,
    text,
    digest: digestOf(plan),
    drafts: plan.drafts.map((d) => ({
      ...d,
      evidence: d.question.evidence.map((id) => ({ id, text: byId.get(id) ?? '' })),
    })),
    errors: plan.errors,
    notes: plan.notes,
    fileNote,
    quizTitle: quizTitle.slice(0, 200),
  };
}

/** "Week 3 - Deterrence.gift.txt" → "Week 3 - Deterrence"; null without a name worth keeping. */
function titleFromFileName(name: string | null): string | null {
  const stem = (name ?? '')
    .replace(/^.*[\\/]/, '')
    .replace(/(\.(gift|aiken|moodle|qti3|qti21|txt|xml|zip))+$/i, '')
    .replace(/[_]+/g, ' ')
    .trim();
  return /\p{L}/u.test(stem) ? stem : null;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A QTI package (a zip, in base64) read into questions; the package as a whole may be refused. */
async function readPackage({
  reading,
  base64,
  fileNote,
  fileName,
  detected,
}: {
  reading: Reading;
  base64: string;
  fileNote: string | null;
  fileName: string | null;
  detected: boolean;
}): Promise<Result<ReadImport>> {
  const compact = base64.replace(/\s+/g, '');
  if (!compact || !BASE64.test(compact))
    return refuse('invalid', packageMissing, { fieldErrors: { file: [packageMissing] } });
  if ((compact.length * 3) / 4 > QTI_LIMITS.zipBytes + 3)
    return refuse(
      'too-large',
      `The package is larger than ${QTI_LIMITS.zipBytes / 1024 / 1024} MB; export fewer questions at a time.`,
    );
  let read: ReadResult;
  let testTitle: string | null = null;
  // Either version is read from one upload; the preview names the version the manifest declares.
  let format: QtiFormat = 'qti3';
  try {
    const pkg = readQtiPackage(new Uint8Array(Buffer.from(compact, 'base64')));
    read = pkg;
    testTitle = pkg.testTitle;
    format = QTI_FORMATS.find((f) => QTI_VERSIONS[f] === pkg.version) ?? format;
  } catch (error) {
    if (error instanceof PackageRefusal)
      return refuse(error.reason, error.message, { fieldErrors: { file: [error.message] } });
    throw error;
  }
  const quizTitle = testTitle ?? titleFromFileName(fileName) ?? `${reading.title}: imported questions`;
  return ok({ format, detected, text: compact, fileNote, read, quizTitle });
}

/**
 * Writes the previewed drafts, if the file still reads as it did, and when asked a quiz of them in
 * the file's order (it reaches students as its questions are approved). Answers how many were new.
 */
export async function confirmImport(
  args: Parameters<typeof readImportFile>[0] & Omit<Parameters<typeof confirmRead>[0], 'file'>,
): Promise<Result<ImportDone>> {
  const file = await readImportFile(args);
  return file.status === 'ok' ? confirmRead({ ...args, file: file.data }) : file;
}

export type ImportDone = { added: number; already: number; quizId: string | null };

/** What the import page says once the drafts (and the quiz) are written. */
export function importedMessage({ added, already, quizId }: ImportDone, quizTitle: string | null): string {
  const drafts = `${added} question${added === 1 ? '' : 's'} added as drafts${already ? `; ${already} already in the bank` : ''}.`;
  return quizId
    ? `${drafts} Quiz “${quizTitle}” made of them: students see each question once you approve it; assign the quiz from a class page.`
    : `${drafts} Approve them when they are ready.`;
}

/** The confirmation of a file already read (the slow matching, then the writes). */
export async function confirmRead({
  reading,
  bankOwnerId,
  file,
  digest,
  quiz = null,
  onProgress,
}: {
  reading: Reading;
  bankOwnerId: string | null;
  file: ReadImport;
  digest: string;
  quiz?: { title: string; createdBy: string } | null;
  onProgress?: ImportProgress;
}): Promise<Result<ImportDone>> {
  const preview = await planPreview(reading, file, onProgress);
  if (preview.digest !== digest)
    return refuse('conflict', 'The reading changed since the preview; preview the file again.');
  const questions = preview.drafts.map((d) => d.question);
  if (questions.length === 0) return refuse('invalid', 'The file has no question to import.');
  // Drafts, as generated ones are; a copy's questions get ids of its own (insertGeneratedQuestions),
  // and a question already in the bank (the same file confirmed twice) is not added again.
  const added = await insertGeneratedQuestions({
    readingId: reading.id,
    ownerId: bankOwnerId,
    generated: questions,
  });
  let quizId: string | null = null;
  if (quiz) {
    const questionIds = [...new Set(questions.map((q) => bankQuestionId(q.id, bankOwnerId)))];
    const made = await insertQuiz({
      readingId: reading.id,
      title: quiz.title,
      createdBy: quiz.createdBy,
      questionIds,
      settings: { ...DEFAULT_QUIZ_SETTINGS },
    });
    quizId = made.id;
  }
  return ok({ added, already: questions.length - added, quizId });
}
