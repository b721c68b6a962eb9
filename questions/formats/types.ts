import type { QuestionType } from '../schema';

/** The file formats a bank goes in and out as, and what people call them. */
export const BANK_FORMATS = ['gift', 'aiken', 'moodle-xml', 'qti3', 'qti21'] as const;
export type BankFormat = (typeof BANK_FORMATS)[number];
export const FORMAT_NAMES: Record<BankFormat, string> = {
  gift: 'GIFT',
  aiken: 'Aiken',
  'moodle-xml': 'Moodle XML',
  qti3: 'QTI 3.0 package (.zip)',
  qti21: 'QTI 2.1 package (.zip, for Canvas and Blackboard)',
};

/** What happened to one question of a bank on its way into a file format. */
export type ExportNote = {
  questionId: string;
  type: QuestionType;
  /** converted: written as another type; skipped: the format cannot hold it; split: several questions. */
  kind: 'converted' | 'skipped' | 'split' | 'changed';
  message: string;
};

export type ExportResult = {
  /** The file's text. */
  text: string;
  /** Questions written (a split question counts once). */
  exported: number;
  notes: ExportNote[];
};

/** A line of an imported file that could not become a question, and why. */
/** `file`: the file of a package (QTI) the problem is in; `line` is then the item's place, or 0. */
export type LineError = { line: number; message: string; file?: string };

/**
 * A question read from a file, before it joins a bank: the fields the file gave, in the app's
 * format (checked later by the one schema), the line it starts on, and what the reader changed.
 */
export type ReadQuestion = {
  line: number;
  /** The file's name for it (GIFT's ::title::), when it has one. */
  title: string | null;
  /** The question's text as the file shows it (a blank as _____), to tell whether `meta` still fits. */
  stem: string;
  body: { type: QuestionType; prompt: string; explanation?: string; [field: string]: unknown };
  /** What the reader converted or guessed, for the preview. */
  notes: string[];
  /** Fields the format cannot carry, from a Statecraft export's comment (GIFT only). */
  meta: unknown;
};

export type ReadResult = { questions: ReadQuestion[]; errors: LineError[]; notes: LineError[] };

/** Bounds on an imported file, checked before and while reading it. */
export const IMPORT_LIMITS = {
  bytes: 2 * 1024 * 1024,
  questions: 1000,
} as const;

/** The QTI package formats (a zip of XML): QTI 3.0, and 2.1 for Canvas and Blackboard. */
export const QTI_FORMATS = ['qti3', 'qti21'] as const;
export type QtiFormat = (typeof QTI_FORMATS)[number];
export const isQtiFormat = (format: string): format is QtiFormat =>
  (QTI_FORMATS as readonly string[]).includes(format);
