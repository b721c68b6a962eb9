import { lightTokenize } from '../language/light-tokens';
import { escapeRegExp, WORD_END, WORD_START } from '../language/regexp';

/**
 * Term lists as Quizlet exports them: one card a line, the term and its definition split by a
 * tab (Quizlet's default), a comma, or a separator the exporter typed (" - ", " = ", …). Rows are
 * split by new lines; Quizlet's other row separators (a semicolon, a custom one) are left out on
 * purpose, because definitions use semicolons far more often than lists do.
 */

/**
 * A reading's glossary: every term and form is marked in the text on each view of the reading
 * (one pattern of all of them), so its size is bounded (20,000 forms held the server 7 s a view).
 */
export const GLOSSARY_MOST = { terms: 500, aliases: 10 } as const;

export const TERM_LIST_LIMITS = {
  lines: 500,
  bytes: 100_000,
  term: 120,
  definition: 1500,
} as const;

export type TermSeparator = 'auto' | 'tab' | 'comma' | 'custom';

export type TermListEntry = { line: number; term: string; definition: string };
export type TermListProblem = { line: number; message: string };
export type ParsedTermList = {
  entries: TermListEntry[];
  problems: TermListProblem[];
  /** The separator read: "\t", ",", or the custom one. */
  separator: string;
};

export class TermListTooLargeError extends Error {}

/** The separator a list uses when none is chosen: a tab if any line has one, then " - ", then a comma. */
function detectSeparator(lines: string[]): string {
  if (lines.some((l) => l.includes('\t'))) return '\t';
  if (lines.some((l) => l.includes(' - '))) return ' - ';
  return ',';
}

const SEPARATOR_NAMES: Record<string, string> = { '\t': 'a tab', ',': 'a comma' };
const nameOf = (separator: string) => SEPARATOR_NAMES[separator] ?? `“${separator}”`;

/** Reads a pasted list; throws TermListTooLargeError past the limits (nothing is read then). */
export function parseTermList(
  text: string,
  options: { separator?: TermSeparator; custom?: string } = {},
): ParsedTermList {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > TERM_LIST_LIMITS.bytes)
    throw new TermListTooLargeError(
      `The list is ${Math.ceil(bytes / 1000)} kB; paste at most ${TERM_LIST_LIMITS.bytes / 1000} kB at a time.`,
    );
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  while (lines.length > 0 && lines.at(-1)?.trim() === '') lines.pop();
  if (lines.length > TERM_LIST_LIMITS.lines)
    throw new TermListTooLargeError(
      `The list has ${lines.length} lines; paste at most ${TERM_LIST_LIMITS.lines} at a time.`,
    );
  const choice = options.separator ?? 'auto';
  const separator =
    choice === 'tab'
      ? '\t'
      : choice === 'comma'
        ? ','
        : choice === 'custom' && options.custom
          ? options.custom
          : detectSeparator(lines);

  const entries: TermListEntry[] = [];
  const problems: TermListProblem[] = [];
  const firstLineOf = new Map<string, number>();
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    const at = raw.indexOf(separator);
    if (at < 0) {
      problems.push({
        line,
        message: `No separator: expected the term, ${nameOf(separator)}, then the definition.`,
      });
      return;
    }
    const term = raw.slice(0, at).replace(/\s+/g, ' ').trim();
    const definition = raw
      .slice(at + separator.length)
      .replace(/\s+/g, ' ')
      .trim();
    if (!term) problems.push({ line, message: 'Empty term.' });
    else if (!definition) problems.push({ line, message: `Empty definition for “${term}”.` });
    else if (term.length > TERM_LIST_LIMITS.term)
      problems.push({
        line,
        message: `The term is ${term.length} characters; at most ${TERM_LIST_LIMITS.term}.`,
      });
    else if (definition.length > TERM_LIST_LIMITS.definition)
      problems.push({
        line,
        message: `The definition of “${term}” is ${definition.length} characters; at most ${TERM_LIST_LIMITS.definition}.`,
      });
    else {
      const key = term.toLowerCase();
      const first = firstLineOf.get(key);
      if (first !== undefined) problems.push({ line, message: `“${term}” is already on line ${first}.` });
      else {
        firstLineOf.set(key, line);
        entries.push({ line, term, definition });
      }
    }
  });
  return { entries, problems, separator };
}

// ---- Finding a term in the text ----

export type TextParagraph = { id: string; sentences: readonly { id: string; text: string }[] };

export type TermPlace = {
  /** 1-based, in reading order. */
  paragraph: number;
  sentence: number;
  sentenceId: string;
  /** The words as the text writes them ("sanctions" for the term "sanction"). */
  written: string;
  /** Where `written` starts in the sentence's text (-1 if the words could not be placed). */
  at: number;
};

type Word = { written: string; normal: string; lemma: string };

// Read in lower case: a capital mid-sentence ("imposed Sanctions") makes the tagger take a plural
// for a name and keep it unlemmatised.
const wordsOf = (text: string): Word[] =>
  lightTokenize(text.toLowerCase())
    .filter((t) => t.written !== '' && t.normal !== '')
    .map((t) => ({ written: t.written, normal: t.normal, lemma: t.lemma }));

const sameWord = (a: Word, b: Word) =>
  a.normal === b.normal || a.lemma === b.lemma || a.normal === b.lemma || a.lemma === b.normal;

/** The span of the sentence that the matched words cover, as written, and where it starts. */
function writtenSpan(sentence: string, words: Word[]): { written: string; at: number } {
  const pattern = new RegExp(
    `${WORD_START}${words.map((w) => escapeRegExp(w.written)).join('[^\\p{L}\\p{N}]{0,3}')}${WORD_END}`,
    'iu',
  );
  const match = pattern.exec(sentence);
  return match
    ? { written: match[0], at: match.index }
    : { written: words.map((w) => w.written).join(' '), at: -1 };
}

/**
 * Finds where each term first occurs, word by word on the tagger's lemmas (the grader's
 * tokenizer), case-insensitively: "sanction" finds "sanctions", "balance of power" finds
 * "balances of power". Each sentence is tokenized once for all the terms, and each of its words
 * is looked up among the terms' first words, so 500 terms cost little more than one.
 */
export function findTerms(
  terms: readonly string[],
  paragraphs: readonly TextParagraph[],
): (TermPlace | null)[] {
  const wanted = terms.map(wordsOf);
  const found: (TermPlace | null)[] = terms.map(() => null);
  const byFirstWord = new Map<string, number[]>();
  for (const [i, term] of wanted.entries()) {
    const first = term[0];
    if (!first) continue;
    for (const key of new Set([first.normal, first.lemma]))
      byFirstWord.set(key, [...(byFirstWord.get(key) ?? []), i]);
  }
  let left = wanted.filter((w) => w.length > 0).length;
  for (const [p, paragraph] of paragraphs.entries()) {
    for (const [s, sentence] of paragraph.sentences.entries()) {
      if (left === 0) return found;
      const words = wordsOf(sentence.text);
      for (const [start, word] of words.entries()) {
        const candidates = new Set([
          ...(byFirstWord.get(word.normal) ?? []),
          ...(byFirstWord.get(word.lemma) ?? []),
        ]);
        for (const i of candidates) {
          const term = wanted[i]!;
          if (found[i] || start + term.length > words.length) continue;
          if (!term.every((w, k) => sameWord(w, words[start + k]!))) continue;
          found[i] = {
            paragraph: p + 1,
            sentence: s + 1,
            sentenceId: sentence.id,
            ...writtenSpan(sentence.text, words.slice(start, start + term.length)),
          };
          left--;
        }
      }
    }
  }
  return found;
}
