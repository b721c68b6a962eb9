import { autoSections, countWords, splitSentences } from './parse';
import type { ParsedReading, ReadingParagraph, ReadingSection, ReadingSentence } from './types';

/**
 * Editing a parsed reading before it is published: change a paragraph's text, merge two
 * paragraphs, split one, delete one, insert one. Pure functions: each returns a new reading and
 * leaves its argument alone.
 *
 * The id rule. Questions, highlights, notes and feedback point at sentence ids, so:
 * - a paragraph keeps its id (`p4`) for as long as it exists, wherever it moves;
 * - a sentence keeps its id (`p4.s2`) for as long as it exists, also when a merge or a split
 *   moves it into another paragraph: after merging p4 into p3, p3 holds `p3.s1 … p4.s1 …`. An id
 *   names a sentence, it is not an address: find a sentence's paragraph with
 *   `paragraphOfSentence`, not by cutting the id at its dot;
 * - editing a paragraph's text keeps the id of every sentence whose text is unchanged, and of a
 *   changed sentence that still shares at least half its words with the old one at the same
 *   place in the order; other sentences are new;
 * - new paragraphs and sentences get fresh ids that were never used in this reading, so a
 *   pointer to something deleted can never come to point at something else: a new paragraph
 *   is `p{n+1}` for the highest paragraph number ever issued, a new sentence in paragraph `pK`
 *   is `pK.s{m+1}` for the highest sentence number ever issued under `pK`. The highest numbers
 *   are kept in `reading.issuedIds` (derived from the ids present when a reading has none).
 */

export class ReadingEditError extends Error {}

type IssuedIds = NonNullable<ParsedReading['issuedIds']>;

const WORDS_PER_MINUTE = 230;

const numberOf = (id: string) => Number(/^p(\d+)/.exec(id)?.[1] ?? 0);
const sentenceNumber = (id: string) => Number(/\.s(\d+)$/.exec(id)?.[1] ?? 0);
const prefixOf = (id: string) => id.split('.')[0] ?? id;

/** The highest ids issued so far: stored ones, or those the reading's own ids imply. */
export function issuedIds(reading: ParsedReading): IssuedIds {
  const issued: IssuedIds = {
    paragraph: reading.issuedIds?.paragraph ?? 0,
    sentence: { ...(reading.issuedIds?.sentence ?? {}) },
  };
  for (const paragraph of reading.paragraphs) {
    issued.paragraph = Math.max(issued.paragraph, numberOf(paragraph.id));
    for (const sentence of paragraph.sentences) {
      issued.paragraph = Math.max(issued.paragraph, numberOf(sentence.id));
      const prefix = prefixOf(sentence.id);
      issued.sentence[prefix] = Math.max(issued.sentence[prefix] ?? 0, sentenceNumber(sentence.id));
    }
  }
  return issued;
}

/** The paragraph that holds a sentence now (after merges and splits its id prefix may differ). */
export function paragraphOfSentence(
  reading: Pick<ParsedReading, 'paragraphs'>,
  sentenceId: string,
): ReadingParagraph | null {
  return reading.paragraphs.find((p) => p.sentences.some((s) => s.id === sentenceId)) ?? null;
}

/**
 * `paragraphOfSentence` for every sentence at once: sentence id → the id of the paragraph that
 * holds it now. For code that looks up many sentences (every question's evidence).
 */
export function paragraphIdsBySentence(reading: Pick<ParsedReading, 'paragraphs'>): Map<string, string> {
  return new Map(reading.paragraphs.flatMap((p) => p.sentences.map((s) => [s.id, p.id] as const)));
}

function freshSentenceId(issued: IssuedIds, paragraphId: string): string {
  const next = (issued.sentence[paragraphId] ?? 0) + 1;
  issued.sentence[paragraphId] = next;
  return `${paragraphId}.s${next}`;
}

function freshParagraphId(issued: IssuedIds): string {
  issued.paragraph += 1;
  return `p${issued.paragraph}`;
}

function cleanText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function indexOfParagraph(reading: ParsedReading, paragraphId: string): number {
  const index = reading.paragraphs.findIndex((p) => p.id === paragraphId);
  if (index === -1) throw new ReadingEditError(`There is no paragraph ${paragraphId} in this reading.`);
  return index;
}

const wordSet = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

function resemblance(a: string, b: string): number {
  if (a === b) return 2;
  const left = wordSet(a);
  const right = wordSet(b);
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  const score = shared / Math.max(1, Math.max(left.size, right.size));
  return score >= 0.5 ? score : 0;
}

/**
 * New sentences matched to old ones in order (a weighted longest common subsequence): identical
 * sentences first, then sentences that share at least half their words.
 */
function alignSentences(old: ReadingSentence[], texts: string[]): (string | null)[] {
  const m = old.length;
  const n = texts.length;
  const best: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(0));
  for (let i = m - 1; i >= 0; i--) {
    for (let j = n - 1; j >= 0; j--) {
      const score = resemblance(old[i]!.text, texts[j]!);
      best[i]![j] = Math.max(
        best[i + 1]![j]!,
        best[i]![j + 1]!,
        score > 0 ? score + best[i + 1]![j + 1]! : 0,
      );
    }
  }
  const ids: (string | null)[] = new Array(n).fill(null);
  let i = 0;
  let j = 0;
  while (i < m && j < n) {
    const score = resemblance(old[i]!.text, texts[j]!);
    if (score > 0 && best[i]![j] === score + best[i + 1]![j + 1]!) {
      ids[j] = old[i]!.id;
      i++;
      j++;
    } else if (best[i + 1]![j]! >= best[i]![j + 1]!) {
      i++;
    } else {
      j++;
    }
  }
  return ids;
}

function withTotals(
  reading: ParsedReading,
  paragraphs: ReadingParagraph[],
  sections: ReadingSection[],
  issued: IssuedIds,
): ParsedReading {
  if (paragraphs.length === 0) throw new ReadingEditError('A reading needs at least one paragraph.');
  const wordCount = paragraphs.reduce((sum, p) => sum + countWords(p.text), 0);
  const kept = sections.filter((s) => s.paragraphIds.length > 0);
  return {
    ...reading,
    paragraphs,
    sections: kept.length > 0 ? kept : autoSections(paragraphs),
    wordCount,
    readingMinutes: Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE)),
    issuedIds: issued,
  };
}

function mapSections(
  sections: ReadingSection[],
  change: (paragraphIds: string[]) => string[],
): ReadingSection[] {
  return sections.map((section) => ({ ...section, paragraphIds: change([...section.paragraphIds]) }));
}

/** Replaces a paragraph's text; sentences keep their ids as the id rule says. */
export function editParagraph(reading: ParsedReading, paragraphId: string, text: string): ParsedReading {
  const index = indexOfParagraph(reading, paragraphId);
  const cleaned = cleanText(text);
  if (!cleaned) throw new ReadingEditError('A paragraph cannot be empty; delete it instead.');
  const issued = issuedIds(reading);
  const paragraph = reading.paragraphs[index]!;
  const texts = splitSentences(cleaned);
  const matched = alignSentences(paragraph.sentences, texts);
  const sentences = texts.map((sentenceText, i) => ({
    id: matched[i] ?? freshSentenceId(issued, paragraph.id),
    text: sentenceText,
  }));
  const paragraphs = reading.paragraphs.map((p, i) =>
    i === index ? { ...p, text: sentences.map((s) => s.text).join(' '), sentences } : p,
  );
  return withTotals(reading, paragraphs, reading.sections, issued);
}

/** Joins a paragraph with the one right after it; the first keeps its id, every sentence its own. */
export function mergeParagraphs(reading: ParsedReading, firstId: string, secondId: string): ParsedReading {
  const index = indexOfParagraph(reading, firstId);
  if (reading.paragraphs[index + 1]?.id !== secondId) {
    throw new ReadingEditError(`${secondId} does not follow ${firstId}; only neighbouring paragraphs merge.`);
  }
  const first = reading.paragraphs[index]!;
  const second = reading.paragraphs[index + 1]!;
  const merged: ReadingParagraph = {
    id: first.id,
    text: `${first.text} ${second.text}`,
    sentences: [...first.sentences, ...second.sentences],
  };
  const paragraphs = [...reading.paragraphs.slice(0, index), merged, ...reading.paragraphs.slice(index + 2)];
  const sections = mapSections(reading.sections, (ids) => ids.filter((id) => id !== secondId));
  return withTotals(reading, paragraphs, sections, issuedIds(reading));
}

/**
 * Splits a paragraph before one of its sentences: the sentences from that one on become a new
 * paragraph (a fresh id) right after it, in the same section; the sentences keep their ids.
 */
export function splitParagraph(
  reading: ParsedReading,
  paragraphId: string,
  beforeSentenceId: string,
): ParsedReading {
  const index = indexOfParagraph(reading, paragraphId);
  const paragraph = reading.paragraphs[index]!;
  const at = paragraph.sentences.findIndex((s) => s.id === beforeSentenceId);
  if (at === -1) throw new ReadingEditError(`${beforeSentenceId} is not a sentence of ${paragraphId}.`);
  if (at === 0) throw new ReadingEditError('Split before a sentence that is not the first of its paragraph.');
  const issued = issuedIds(reading);
  const head = paragraph.sentences.slice(0, at);
  const tail = paragraph.sentences.slice(at);
  const newId = freshParagraphId(issued);
  const paragraphs = [
    ...reading.paragraphs.slice(0, index),
    { id: paragraph.id, text: head.map((s) => s.text).join(' '), sentences: head },
    { id: newId, text: tail.map((s) => s.text).join(' '), sentences: tail },
    ...reading.paragraphs.slice(index + 1),
  ];
  const sections = mapSections(reading.sections, (ids) => {
    const position = ids.indexOf(paragraph.id);
    if (position !== -1) ids.splice(position + 1, 0, newId);
    return ids;
  });
  return withTotals(reading, paragraphs, sections, issued);
}

/** Removes a paragraph (and its sentences: their ids are retired, never reissued). */
export function deleteParagraph(reading: ParsedReading, paragraphId: string): ParsedReading {
  indexOfParagraph(reading, paragraphId);
  const paragraphs = reading.paragraphs.filter((p) => p.id !== paragraphId);
  const sections = mapSections(reading.sections, (ids) => ids.filter((id) => id !== paragraphId));
  return withTotals(reading, paragraphs, sections, issuedIds(reading));
}

/** Adds a paragraph after another one (or first, for null), in that paragraph's section. */
export function insertParagraph(
  reading: ParsedReading,
  afterParagraphId: string | null,
  text: string,
): ParsedReading {
  const cleaned = cleanText(text);
  if (!cleaned) throw new ReadingEditError('A new paragraph needs some text.');
  const index = afterParagraphId === null ? -1 : indexOfParagraph(reading, afterParagraphId);
  const issued = issuedIds(reading);
  const id = freshParagraphId(issued);
  const sentences = splitSentences(cleaned).map((sentenceText) => ({
    id: freshSentenceId(issued, id),
    text: sentenceText,
  }));
  const paragraph = { id, text: sentences.map((s) => s.text).join(' '), sentences };
  const paragraphs = [
    ...reading.paragraphs.slice(0, index + 1),
    paragraph,
    ...reading.paragraphs.slice(index + 1),
  ];
  const sections = mapSections(reading.sections, (ids) => {
    if (afterParagraphId === null) {
      if (ids.includes(reading.paragraphs[0]?.id ?? '')) ids.unshift(id);
      return ids;
    }
    const position = ids.indexOf(afterParagraphId);
    if (position !== -1) ids.splice(position + 1, 0, id);
    return ids;
  });
  return withTotals(reading, paragraphs, sections, issued);
}
