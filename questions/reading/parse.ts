import nlp from 'compromise';
import { decodeHTML } from 'entities';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { type Block, extractMetadata, isNameLine, isNavigationDebris, isPageNumber } from './metadata';
import { joinSplitWords } from './split-words';
import type { ParsedReading, ReadingParagraph, ReadingSection, ReadingSentence } from './types';

export class ReadingParseError extends Error {}

export type ParseInput = {
  text: string;
  format: 'text' | 'markdown';
  /** Metadata typed by the instructor wins over what is found in the text. */
  title?: string;
  author?: string;
};

/** Input larger than this is refused before any work (a long book chapter is ~100 KB). */
export const MAX_READING_BYTES = 2 * 1024 * 1024;

const WORDS_PER_MINUTE = 230;
const SECTION_TARGET_WORDS = 300;
const SECTION_MAX_WORDS = 450;

/**
 * Turns pasted or uploaded text into a reading: metadata, paragraphs and sentences with ids
 * that questions, highlights and feedback point at (`p4`, `p4.s2`), and sections. Web-page
 * debris (byline boxes, "More >" links, "originally published in" lines) becomes metadata or
 * disappears. Output is plain text only; nothing from the input is ever rendered as HTML.
 */
/**
 * `onProgress` hears how many of the text's blocks have been split into sentences (the slow part
 * of a long text), every fiftieth of the way.
 */
export function parseReading(
  input: ParseInput,
  onProgress?: (done: number, total: number) => void,
): ParsedReading {
  if (Buffer.byteLength(input.text, 'utf8') > MAX_READING_BYTES) {
    throw new ReadingParseError('The text is larger than 2 MB. Split it into several readings.');
  }
  const normalised = input.text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029]/g, '\n')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    // ``Standing armies are dangerous to liberty'': quotation marks typed the way TeX and old
    // e-texts write them. Unread, a quotation the author goes on to rebut was taken for a claim.
    .replace(/``((?:(?!``|''|\n[ \t]*\n)[\s\S])*?)''/g, '“$1”');
  const { body, frontMatter } = splitFrontMatter(normalised);
  const blocks = input.format === 'markdown' ? markdownBlocks(body) : textBlocks(body);

  const meta = {
    title: clean(input.title) ?? frontMatter.title ?? null,
    author: clean(input.author) ?? frontMatter.author ?? null,
    authorNote: frontMatter.author_note ?? null,
    source: frontMatter.source ?? null,
    publishedOn: frontMatter.date ?? null,
  };
  const kept = markPlainHeadings(joinOpenings(extractMetadata(blocks, meta)), input.format);

  // A leading top-level heading, or a short first line without final punctuation, is the title;
  // where the instructor typed a title of their own, theirs is kept and the line is still no
  // paragraph of the text (pasted with its headline, the Universal Declaration had begun with
  // "Universal Declaration of Human Rights" as paragraph 1).
  const first = kept[0];
  if (first?.kind === 'heading' && first.depth === 1) {
    meta.title ??= first.text;
    kept.shift();
  } else if (
    first?.kind === 'paragraph' &&
    (looksLikeTitle(first.text) || isHeadline(first.text, kept[1])) &&
    kept.length > 1
  ) {
    meta.title ??= first.text;
    kept.shift();
  }

  // "The Utility of the Union in Respect to Commercial Relations and a Navy" under the title (and
  // any heading there): a line in title case before the prose is a subtitle, however long, not
  // paragraph 1.
  const lead = kept.findIndex((block) => block.kind !== 'heading');
  const leadBlock = kept[lead];
  const subtitle = leadBlock?.kind === 'paragraph' ? leadBlock.text.replace(/^\((.*)\)$/, '$1') : '';
  const afterLead = kept[lead + 1];
  if (
    subtitle &&
    looksLikeTitle(subtitle) &&
    isTitleCase(subtitle) &&
    afterLead?.kind === 'paragraph' &&
    !looksLikeTitle(afterLead.text)
  )
    kept[lead] = { kind: 'heading', depth: 2, text: subtitle };

  const paragraphs: ReadingParagraph[] = [];
  const headingBefore = new Map<number, string>();
  const step = Math.max(1, Math.ceil(kept.length / 50));
  for (const [position, block] of kept.entries()) {
    if (onProgress && position % step === 0) onProgress(position, kept.length);
    const blockText = joinSplitWords(block.text);
    if (block.kind === 'heading') {
      headingBefore.set(paragraphs.length, blockText);
      continue;
    }
    const index = paragraphs.length + 1;
    const sentences = splitSentences(blockText).map(
      (text, i): ReadingSentence => ({ id: `p${index}.s${i + 1}`, text }),
    );
    if (sentences.length === 0) continue;
    paragraphs.push({ id: `p${index}`, text: blockText, sentences });
  }
  onProgress?.(kept.length, kept.length);
  if (paragraphs.length === 0) {
    throw new ReadingParseError(
      'No readable text was found. Paste the essay itself, or upload it as a PDF, Word, web page or text file.',
    );
  }

  const wordCount = paragraphs.reduce((sum, p) => sum + countWords(p.text), 0);
  return {
    title: meta.title ?? 'Untitled reading',
    author: meta.author,
    authorNote: meta.authorNote,
    source: meta.source,
    publishedOn: meta.publishedOn,
    paragraphs,
    // A lone heading over the first paragraph is a subtitle ("The Same Subject Continued"), not
    // the first of the text's sections: one section of a whole essay would be no outline at all.
    sections:
      headingBefore.size > 1 || (headingBefore.size === 1 && !headingBefore.has(0))
        ? sectionsFromHeadings(paragraphs, headingBefore)
        : autoSections(paragraphs),
    wordCount,
    readingMinutes: Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE)),
  };
}

function clean(value: string | undefined | null): string | undefined {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : undefined;
}

function splitFrontMatter(text: string): { body: string; frontMatter: Record<string, string> } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) return { body: text, frontMatter: {} };
  const frontMatter: Record<string, string> = {};
  for (const line of (match[1] ?? '').split('\n')) {
    const field = /^([A-Za-z_]+):\s*(.*)$/.exec(line);
    const value = clean(field?.[2]?.replace(/^["']|["']$/g, ''));
    if (field?.[1] && value) frontMatter[field[1].toLowerCase()] = value;
  }
  return { body: text.slice(match[0].length), frontMatter };
}

const BLOCK_TAGS =
  /<\/?(p|div|br|h[1-6]|li|ul|ol|section|article|blockquote|header|footer|tr|table)\b[^<>]*>/gi;

/**
 * Text of an HTML fragment: scripts and styles dropped whole, other tags removed, entities decoded.
 * Every pattern is linear in the text: a tag ends at the next "<" if no ">" comes first, and an
 * unclosed comment or script runs to the end (as in a browser), so that a paste of a million "<"
 * or "<!--" costs one pass rather than one pass each (pasted text is parsed in the request).
 */
export function htmlToText(html: string): string {
  return decodeHTML(
    html
      .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
      .replace(/<(script|style|noscript|template|iframe|object)(?=[\s/>])[\s\S]*?(?:<\/\1\s*>|$)/gi, '')
      .replace(BLOCK_TAGS, '\n\n')
      .replace(/<[^<>]*>/g, ''),
  );
}

const looksLikeHtml = (text: string) => /<\/?[a-z][a-z0-9-]*(\s[^<>]*)?>/i.test(text);

/**
 * Text copied from a page's markdown keeps its escapes: "1 \. Try to recall …", "don\'t". A
 * backslash before punctuation (CommonMark's escapable set) is dropped, and a list number the
 * escape had cut from its point ("1 .") joined to it again.
 */
const withoutMarkdownEscapes = (text: string) =>
  text.replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/^([ \t]*\d{1,3}) \.(?=\s)/gm, '$1.');

function textBlocks(body: string): Block[] {
  const text = splitIndentedParagraphs(
    splitNumberedParagraphs(withoutMarkdownEscapes(looksLikeHtml(body) ? htmlToText(body) : body)),
  );
  const blocks: Block[] = [];
  // Blocks a page's number followed: a page break, where a paragraph may go on.
  const pageBreakAfter = new Set<Block>();
  let pageEnds = false;
  // A page's running header or footer ("Statement to the General Assembly | Royal Court") is a
  // line that comes back page after page and ends no sentence; inside a paragraph it would be
  // read as part of it.
  const seen = new Map<string, number>();
  for (const line of text.split('\n')) {
    const key = line.replace(/\s+/g, ' ').trim();
    if (key.length <= 100 && countWords(key) >= 2 && !/[.!?"”’]$/.test(key))
      seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  for (const chunk of text.split(/\n\s*\n/)) {
    const all = chunk
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .filter((line) => line && (seen.get(line) ?? 0) < 3)
      .map((line, i, raw) => readOcrBar(line, raw[i + 1]));
    // A page number inside wrapped prose is the page's footer, not a line of the text ("…would
    // that be? / 2"): left in, it would read as debris and keep every line a paragraph.
    const lines = all.length > 1 ? all.filter((line) => !isPageNumber(line)) : all;
    if (all.length > 0 && isPageNumber(all.at(-1)!) && blocks.length + lines.length > 0) {
      if (lines.length === 0 || all.length === 1) {
        const last = blocks.at(-1);
        if (last) pageBreakAfter.add(last);
        if (all.length === 1) continue;
      } else pageEnds = true;
    }
    // Hard-wrapped prose joins into one paragraph. A chunk holding a byline box or a link line
    // (web-page debris) is kept line by line so that extractMetadata sees each part, and so is
    // one whose lines are too long to be wrapped: a paragraph a line, as transcripts come.
    // A line in capitals counts only at the top: inside wrapped prose it is emphasis ("USE THEIR
    // UTMOST ENDEAVORS TO PREVENT OR DELAY THIS UNION").
    // A line that carries on the sentence of the line before (no full stop there, a small letter
    // here: "…to / subscribe with such ready acquiescence.") is wrapped prose, never debris.
    const continues = (i: number) =>
      i > 0 && !/[.!?:;]["”’)]?$/.test(lines[i - 1]!) && /^\p{Ll}/u.test(lines[i]!);
    const debrisInside =
      lines.length > 1 &&
      lines.some(
        (l, i) =>
          !continues(i) &&
          (isNavigationDebris(l) ||
            isNameLine(l) ||
            (i === 0 ? isMetaLine(l) : /^\d{4}-\d{2}-\d{2}$/.test(l))),
      );
    // "Article 3" over its text: a short first line much shorter than the next is a heading.
    const [firstLine, secondLine] = lines;
    if (
      firstLine &&
      secondLine &&
      !debrisInside &&
      countWords(firstLine) <= 8 &&
      firstLine.length <= 60 &&
      !/[.!?:;,]$/.test(firstLine) &&
      /^[\p{Lu}\d]/u.test(secondLine) &&
      secondLine.length > Math.max(60, firstLine.length * 1.5)
    ) {
      blocks.push({ kind: 'paragraph', text: firstLine });
      lines.shift();
    }
    const parts = debrisInside || isParagraphPerLine(lines) ? lines : [lines.join(' ')];
    for (const part of parts) if (part) blocks.push({ kind: 'paragraph', text: part });
    if (pageEnds && blocks.length > 0) pageBreakAfter.add(blocks.at(-1)!);
    pageEnds = false;
  }
  return joinBrokenParagraphs(blocks, pageBreakAfter);
}

/** A sentence's end at the end of a line: a stop, perhaps inside a closing quote or bracket. */
const ENDS_SENTENCE = /[.!?:]["”’)]?$/;

/**
 * Wrapped prose whose paragraphs are told apart by indentation alone, with no blank line between
 * them: each paragraph's first line indented and the rest flush, or, as Project Gutenberg's
 * Federalist has it, the first line flush and the rest indented. In a run of wrapped lines at two
 * indents, the rarer indent opens a paragraph when it nearly always follows a line that ends a
 * sentence (a wrapped line rarely does); a blank line goes before each.
 */
function splitIndentedParagraphs(text: string): string {
  const lines = text.split('\n');
  const indented = (line: string) => /^[ \t]/.test(line);
  const out: string[] = [];
  let start = 0;
  const flushRun = (end: number) => {
    const run = lines.slice(start, end);
    const prose = run.filter((l) => l.trim());
    const rare = prose.filter(indented).length * 2 > prose.length ? (l: string) => !indented(l) : indented;
    const openers = run.flatMap((l, i) => (i > 0 && l.trim() && rare(l) ? [i] : []));
    const opensAfterStop = new Set(openers.filter((i) => ENDS_SENTENCE.test(run[i - 1]!.trim())));
    const afterStop = opensAfterStop.size;
    const split =
      prose.length >= 6 &&
      openers.length >= 2 &&
      afterStop >= 0.9 * openers.length &&
      prose.filter((l) => !rare(l)).length >= openers.length;
    run.forEach((line, i) => {
      if (split && opensAfterStop.has(i)) out.push('');
      out.push(line);
    });
  };
  lines.forEach((line, i) => {
    if (!line.trim()) {
      flushRun(i);
      out.push(line);
      start = i + 1;
    }
  });
  flushRun(lines.length);
  return out.join('\n');
}

/** A line that opens on a paragraph's number: "1 I bring you greetings …", "12. The Pact …". */
const NUMBERED_LINE = /^\s*(\d{1,3})\.?\s+(?=["“‘(]?\p{Lu}|\|\s)/u;

/**
 * Official statements and reports number their paragraphs, and a page read back as text often
 * loses the blank line before them ("…during the 78th Session. / 2 The world is in …"). Lines
 * that open on 1, 2, 3 … in order (one number may be lost) start paragraphs, without their number.
 * A lone number opening a line ("3 United Nations agencies …") is no such run.
 */
function splitNumberedParagraphs(text: string): string {
  const lines = text.split('\n');
  const starts: number[] = [];
  let expected = 1;
  lines.forEach((line, i) => {
    const number = Number(NUMBERED_LINE.exec(line)?.[1] ?? Number.NaN);
    if (
      number === expected ||
      (starts.length > 0 && number === expected + 1) ||
      (starts.length === 0 && number === 2)
    ) {
      starts.push(i);
      expected = number + 1;
    }
  });
  if (starts.length < 3) return text;
  for (const i of starts) lines[i] = `\n${lines[i]!.replace(NUMBERED_LINE, '')}`;
  return lines.join('\n');
}

/**
 * A scanned or printed page read back as text writes "I" as a bar ("| want peace for my people",
 * "| am often asked if | am optimistic"). A bar standing alone before a word in small letters (in
 * capitals on a line in capitals) is that letter, unless the line is a table's row or a trail of
 * links, its cells a few words each ("item | cost | note", "Home | News | Archive").
 */
function readOcrBar(line: string, nextLine = ''): string {
  if (!line.includes('|')) return line;
  const cells = line
    .split('|')
    .map((cell) => cell.trim())
    .filter(Boolean);
  if (
    line.indexOf('|') !== line.lastIndexOf('|') &&
    cells.every((cell) => countWords(cell) <= 4 && !/[,.;:!?]/.test(cell))
  )
    return line;
  const shouted = !/\p{Ll}/u.test(line);
  const word = shouted ? /^\s+\p{Lu}{2,}\b/u : /^\s+\p{Ll}|^['’](?:m|ve|ll|d)\b/u;
  // A bar that ends the line stands before the first word of the next ("Also, |" / "congratulate").
  const carried = `${line} ${nextLine}`;
  return line.replace(/(^|[\s("“])\|(?=\s|['’]|$)/gu, (bar, before: string, at: number) =>
    word.test(carried.slice(at + bar.length)) ? `${before}I` : bar,
  );
}

/**
 * A paragraph cut in two by a page break or a stray blank line ("…nature caused" / "by the war.",
 * "…a global community — Africa," / page number / "Asia, Europe, …"): one that ends on no stop
 * and is followed by one that carries on its sentence is one paragraph. A small letter carries it
 * on; so does a capital after a word that needs more ("of", "the"); after a comma, only across a
 * page break (a preamble's clauses each end on a comma: "Whereas …," / "Now, therefore,").
 */
function joinBrokenParagraphs(blocks: Block[], pageBreakAfter: Set<Block>): Block[] {
  const result: Block[] = [];
  let previous: Block | undefined;
  // Lines in small letters under one that ends on a colon are a list's items ("…qualities far
  // more worthy and substantial:" / "adherence to principles …" / "a satisfaction in hard work").
  let inList = false;
  for (const block of blocks) {
    const before = result.at(-1);
    const acrossPage = previous !== undefined && pageBreakAfter.has(previous);
    previous = block;
    const small = /^\p{Ll}/u.test(block.text);
    inList = small && (inList || /:$/.test(before?.text ?? ''));
    if (
      !inList &&
      !isNavigationDebris(block.text) &&
      before?.kind === 'paragraph' &&
      block.kind === 'paragraph' &&
      countWords(before.text) >= 4 &&
      !/[.!?:;"”’)\]…]$/.test(before.text) &&
      (small ||
        // "… the Barbados Programme of" / "Action.": a paragraph never ends on "of" or "the"; a
        // list's item may end on "; and" before the next ("Second, …; and" / "Third, …").
        (countWords(before.text) >= 8 &&
          ENDS_MID_PHRASE.test(before.text) &&
          !/[;,]\s+(?:and|or)$/.test(before.text) &&
          /^["“‘]?\p{Lu}/u.test(block.text)) ||
        (acrossPage &&
          (/,$/.test(before.text) || ENDS_MID_PHRASE.test(before.text)) &&
          /^\p{Lu}\p{Ll}/u.test(block.text)))
    ) {
      result[result.length - 1] = { kind: 'paragraph', text: `${before.text} ${block.text}` };
      continue;
    }
    result.push(block);
  }
  return result;
}

type MdNode = { type: string; value?: string; depth?: number; children?: MdNode[] };

function inlineText(node: MdNode): string {
  if (node.type === 'html') return htmlToText(node.value ?? '');
  if (node.type === 'image') return '';
  if (node.type === 'break') return ' ';
  if (typeof node.value === 'string') return node.value;
  return (node.children ?? []).map(inlineText).join('');
}

function markdownBlocks(body: string): Block[] {
  const tree = fromMarkdown(body) as MdNode;
  const blocks: Block[] = [];
  const visit = (node: MdNode) => {
    switch (node.type) {
      case 'heading': {
        const text = clean(inlineText(node));
        if (text) blocks.push({ kind: 'heading', depth: node.depth ?? 1, text });
        return;
      }
      case 'paragraph':
      case 'code': {
        const text = clean(inlineText(node));
        if (text) blocks.push({ kind: 'paragraph', text });
        return;
      }
      case 'html':
        blocks.push(...textBlocks(htmlToText(node.value ?? '')));
        return;
      case 'list':
      case 'blockquote':
      case 'listItem':
      case 'root':
        for (const child of node.children ?? []) visit(child);
        return;
      default:
        return; // thematic breaks, tables and definitions carry no prose
    }
  };
  visit(tree);
  return blocks;
}

/** "Now, therefore," alone before the rest of its sentence: a few words ending on a comma open the next paragraph. */
function joinOpenings(blocks: Block[]): Block[] {
  const result: Block[] = [];
  let pending = '';
  for (const block of blocks) {
    if (block.kind === 'paragraph' && countWords(block.text) <= 5 && /,$/.test(block.text)) {
      pending = `${pending}${block.text} `;
      continue;
    }
    if (pending && block.kind === 'paragraph') {
      result.push({ ...block, text: `${pending}${block.text}` });
    } else {
      if (pending) result.push({ kind: 'paragraph', text: pending.trim() });
      result.push(block);
    }
    pending = '';
  }
  if (pending) result.push({ kind: 'paragraph', text: pending.trim() });
  return result;
}

/** Wrapped prose has lines of at most about 100 characters; longer lines are paragraphs. */
function isParagraphPerLine(lines: string[]): boolean {
  if (lines.length < 2) return false;
  const long = lines.filter((l) => l.length > 120).length;
  if (long >= Math.max(1, lines.length / 3)) return true;
  // Wrapped lines mostly break inside a sentence; lines that nearly all end one are paragraphs.
  // A line without final punctuation ends one only as a title does, with no lower-case line after
  // it (a bullet, a capital): a wrapped line of prose ("the safety of the") goes on in lower case,
  // and a wrapped title ("… Commercial Relations and a / Navy") stops on a word that needs the next.
  const ends = lines.slice(0, -1).filter(
    (l, i) =>
      /[.!?:;"”’)]$/.test(l) ||
      (looksLikeTitle(l) &&
        !/^\p{Ll}/u.test(lines[i + 1]!) &&
        !ENDS_MID_PHRASE.test(l) &&
        // "…from all nations of the world. We do": a sentence ends inside it, so it is prose.
        !/\p{Ll}{2}[.!?]["”’)]?\s+\S/u.test(l)),
  ).length;
  return ends / (lines.length - 1) >= 0.6;
}

/** A line that stops on an article, a preposition or a conjunction stops mid-phrase. */
const ENDS_MID_PHRASE = /\b(a|an|the|of|and|or|to|in|for|with|by|on|at|from|into|upon)$/i;

/** A date or a line in capitals at the top, kept apart from the paragraph under it. */
const isMetaLine = (line: string) =>
  line.length < 200 && (!/\p{Ll}/u.test(line) || /^\d{4}-\d{2}-\d{2}$/.test(line));

/**
 * In plain text, a short line without final punctuation followed by a paragraph of prose is a
 * heading ("Preamble", "Article 1", "The Marshall Plan"); the first one is the title.
 */
function markPlainHeadings(blocks: Block[], format: ParseInput['format']): Block[] {
  if (format !== 'text') return blocks;
  return blocks.map((block, i) => {
    const next = blocks[i + 1];
    const heading =
      block.kind === 'paragraph' &&
      i > 0 &&
      looksLikeTitle(block.text) &&
      countWords(block.text) <= 8 &&
      /^[\p{Lu}\d]/u.test(block.text) &&
      next?.kind === 'paragraph' &&
      countWords(next.text) >= 6 &&
      /[.!?:;,"”’)]$/.test(next.text);
    if (heading) return { kind: 'heading' as const, depth: 2, text: block.text };
    const prose = (b: Block | undefined) => b?.kind === 'paragraph' && countWords(b.text) >= 20;
    if (block.kind === 'paragraph' && prose(blocks[i - 1]) && prose(next) && isSubheading(block.text))
      return { kind: 'heading' as const, depth: 2, text: block.text.slice(0, -1) };
    return block;
  });
}

/**
 * "Video footage.", "Quiet diplomacy.", "Law of the land.": a web op-ed's subheading, kept with
 * its full stop when the page became text, between two paragraphs of prose. A phrase of two to
 * five words with a noun and no verb; not a greeting ("Good evening."), a person addressed
 * ("Captain Taliaferro.") or a fragment of the argument with a verb in it ("It's reckless.").
 */
function isSubheading(text: string): boolean {
  if (!/^\p{Lu}[^.!?;:,]*[^.]\.$/u.test(text)) return false;
  const words = countWords(text);
  if (words < 2 || words > 5 || /^good\s+(morning|afternoon|evening|night)\b/i.test(text)) return false;
  const doc = nlp(text);
  // "Captain Taliaferro.": a speaker turning to a guest names a person.
  return (
    doc.has('#Noun') && !doc.has('(#Verb|#Pronoun|#Negative|#QuestionWord|#Expression|#Person|#Honorific)')
  );
}

/** Most words of four letters or more start with a capital ("The Union as a Safeguard Against …"). */
function isTitleCase(text: string): boolean {
  const words = text
    .replace(/[()[\]"“”]/g, '')
    .split(/\s+/)
    .filter((w) => w.length >= 4);
  return words.length >= 2 && words.filter((w) => /^\p{Lu}/u.test(w)).length >= 0.8 * words.length;
}

/**
 * "Boko Haram's deadly advance must be stopped, but how?", "A Greek euro exit would hurt Europe -
 * but not as much as it would hurt Greece": an op-ed's headline is often a question, and often
 * longer than a book's title (one in eight of 266 op-eds' headlines has 15 to 20 words). A first
 * line of one or two sentences that asks a question or ends without a stop, up to 24 words, with longer
 * prose after it, is the title rather than paragraph 1 (which put every paragraph number one too
 * high, and read the headline's claim as the author's first statement).
 */
function isHeadline(text: string, next: Block | undefined): boolean {
  return (
    !/[.!:;,"”’)]$/.test(text) &&
    text.length <= 200 &&
    countWords(text) <= 24 &&
    splitSentences(text).length <= 2 &&
    next?.kind === 'paragraph' &&
    countWords(next.text) > countWords(text)
  );
}

function looksLikeTitle(text: string): boolean {
  return text.length <= 120 && !/[.!?:;,"”’)]$/.test(text) && countWords(text) <= 14;
}

export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

const CJK_SENTENCE = /[^。！？]+[。！？]+[」』”）)]*|[^。！？]+$/g;

/** Sentences of a paragraph, by compromise (which knows "Mr." and "U.S." are not ends). */
export function splitSentences(paragraph: string): string[] {
  const sentences: string[] = [];
  for (const piece of nlp(paragraph).sentences().out('array') as string[]) {
    // compromise does not split on CJK full stops.
    const parts = /[。！？]/.test(piece) ? (piece.match(CJK_SENTENCE) ?? [piece]) : [piece];
    for (const part of parts) {
      const text = part.trim();
      if (text) sentences.push(text);
    }
  }
  return sentences.length > 0 ? sentences : [paragraph.trim()].filter(Boolean);
}

function sectionsFromHeadings(
  paragraphs: ReadingParagraph[],
  headingBefore: Map<number, string>,
): ReadingSection[] {
  const sections: ReadingSection[] = [];
  paragraphs.forEach((paragraph, index) => {
    const heading = headingBefore.get(index);
    if (heading || sections.length === 0) {
      sections.push({ id: `sec${sections.length + 1}`, title: heading ?? 'Introduction', paragraphIds: [] });
    }
    sections.at(-1)!.paragraphIds.push(paragraph.id);
  });
  return sections;
}

/**
 * Groups paragraphs into sections of about 300 words (never past 450 unless one paragraph is
 * longer), breaking only between paragraphs; titled by their opening words until an instructor
 * names them.
 */
export function autoSections(paragraphs: ReadingParagraph[]): ReadingSection[] {
  const groups: ReadingParagraph[][] = [];
  let current: ReadingParagraph[] = [];
  let words = 0;
  for (const paragraph of paragraphs) {
    const size = countWords(paragraph.text);
    if (current.length > 0 && (words >= SECTION_TARGET_WORDS || words + size > SECTION_MAX_WORDS)) {
      groups.push(current);
      current = [];
      words = 0;
    }
    current.push(paragraph);
    words += size;
  }
  if (current.length > 0) groups.push(current);
  // A short last group joins the one before it rather than standing alone.
  const last = groups.at(-1);
  if (groups.length > 1 && last && last.reduce((s, p) => s + countWords(p.text), 0) < 80) {
    groups.pop();
    groups.at(-1)!.push(...last);
  }
  return groups.map((group, i) => ({
    id: `sec${i + 1}`,
    title: openingWords(group[0]!.text),
    paragraphIds: group.map((p) => p.id),
  }));
}

function openingWords(text: string, max = 7): string {
  const words = text.split(/\s+/);
  const opening = words
    .slice(0, max)
    .join(' ')
    .replace(/[,;:—–-]+$/, '');
  return words.length > max ? `${opening}…` : opening;
}
