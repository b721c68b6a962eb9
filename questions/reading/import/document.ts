import type { Block } from '../metadata';

/**
 * What every converter of a reading file shares: the refusal it throws, the limits it is given
 * (the app's own, lib/reading/limits.ts, passed in so that this module never imports the app),
 * and the Markdown it hands to parseReading, where headings become sections and the metadata
 * detection of pasted text runs.
 */

export type ImportRefusal = 'invalid' | 'too-large';

/** A file that cannot become a reading, with a message the instructor can act on. */
export class ReadingImportError extends Error {
  constructor(
    message: string,
    readonly refusal: ImportRefusal = 'invalid',
  ) {
    super(message);
  }
}

export type ImportLimits = {
  /** The uploaded file. */
  fileBytes: number;
  /** Pages of a PDF. */
  pages: number;
  /** A .docx unpacked: every part of the zip together. */
  unzippedBytes: number;
  /** Parts of a .docx zip. */
  zipEntries: number;
  /** The text taken out of the file, as UTF-8. */
  textBytes: number;
  /** Words of that text (the reading's own limit allows for what the parser then drops). */
  words: number;
};

/** Metadata a file states outright (an HTML page's author tag): front matter for parseReading. */
export type StatedMetadata = { title?: string; author?: string; date?: string; source?: string };

/** A byte count as whole megabytes, for messages. */
export const MB = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/**
 * Collects the blocks of a converted document and refuses, as soon as they pass the limits, a
 * text too large to become one reading (so a huge file stops early rather than at the end).
 */
export class BlockCollector {
  readonly blocks: Block[] = [];
  private bytes = 0;
  private words = 0;

  constructor(private readonly limits: ImportLimits) {}

  heading(depth: number, text: string) {
    const clean = squash(text);
    if (clean) this.add({ kind: 'heading', depth: Math.min(6, Math.max(1, depth)), text: clean });
  }

  paragraph(text: string) {
    const clean = squash(text);
    if (clean) this.add({ kind: 'paragraph', text: clean });
  }

  private add(block: Block) {
    this.blocks.push(block);
    this.bytes += Buffer.byteLength(block.text, 'utf8') + 2;
    this.words += block.text.split(' ').length;
    if (this.bytes > this.limits.textBytes)
      throw new ReadingImportError(
        `The document’s text is larger than ${MB(this.limits.textBytes)}, more than one reading can hold. Split it into several files.`,
        'too-large',
      );
    if (this.words > this.limits.words)
      throw new ReadingImportError(
        `The document has more than ${this.limits.words.toLocaleString('en')} words, more than one reading can hold. Split it into several files.`,
        'too-large',
      );
  }
}

/** One line of text: runs of white space (and soft hyphens, zero-width spaces) made one space. */
export function squash(text: string): string {
  return text
    .replace(/[\u00AD\u200B\uFEFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Text as a Markdown paragraph that reads back as exactly that text: every character Markdown
 * gives a meaning is escaped, and so is a line start that would open a list, a quote or a rule.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>#|~&!]/g, '\\$&')
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** The blocks as Markdown (with front matter for stated metadata), the input parseReading takes. */
export function blocksToMarkdown(blocks: readonly Block[], stated: StatedMetadata = {}): string {
  const front = Object.entries(stated)
    .map(([key, value]) => [key, squash(value ?? '').replace(/^["']|["']$/g, '')] as const)
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}: ${value}`);
  const body = blocks.map((block) =>
    block.kind === 'heading'
      ? `${'#'.repeat(block.depth)} ${escapeMarkdown(block.text)}`
      : escapeMarkdown(block.text),
  );
  return `${front.length ? `---\n${front.join('\n')}\n---\n` : ''}${body.join('\n\n')}\n`;
}
