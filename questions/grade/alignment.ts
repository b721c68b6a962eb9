import { distance } from 'fastest-levenshtein';
import { toWordNetPos } from '../language/tokens';
import { relationsOf, senses, synsetAt, type WordNetPos } from '../language/wordnet';
import type { Word } from './text-analysis';
import { dot, knownWord } from './vectors';

/**
 * How the words of an answer stand to the words of a key point: the same lemma or a misspelling
 * of it, a WordNet synonym, related form, near kind or antonym, or a word-vector similarity.
 * WordNet is asked about the point's words only, once per rubric: its synonym, derivation,
 * antonym and is-a links are symmetric, so an answer's new words cost no look-ups.
 */

/** Similarity at which a word of the answer stands for a word of the point. */
export const ALIGNED = 0.5;

type Relations = { forms: Set<string>; opposites: Set<string>; kinds: Set<string> };
const relationsCache = new Map<string, Relations>();

const wordRelations = new WeakMap<Word, Relations>();

/** WordNet synonyms, related forms and antonyms of a word, its tagged part of speech first. */
export function relationsFor(word: Word): Relations {
  const known = wordRelations.get(word);
  if (known) return known;
  const entry = relationsOfWord(word);
  wordRelations.set(word, entry);
  return entry;
}

function relationsOfWord(word: Word): Relations {
  const key = `${word.pos}:${word.lemma}:${word.normal}`;
  const cached = relationsCache.get(key);
  if (cached) return cached;
  const forms = new Set([word.lemma, word.normal]);
  const opposites = new Set<string>();
  const primary = toWordNetPos(word.pos);
  const order: WordNetPos[] = primary
    ? [primary, ...(['n', 'v', 'a', 'r'] as const).filter((p) => p !== primary)]
    : ['n', 'v', 'a', 'r'];
  for (const pos of order) {
    for (const lemma of new Set([word.lemma, word.normal])) {
      const relations = relationsOf(lemma, pos, pos === primary ? 3 : 1);
      for (const form of relations.related) if (!form.includes(' ')) forms.add(form);
      for (const form of relations.opposites) if (!form.includes(' ')) opposites.add(form);
    }
  }
  for (const form of forms) opposites.delete(form);
  const kinds = primary === 'n' || primary === 'v' ? taxonomy(word.lemma, primary) : new Set<string>();
  const entry = { forms, opposites, kinds };
  if (relationsCache.size > 50_000) relationsCache.clear();
  relationsCache.set(key, entry);
  return entry;
}

/**
 * Words one or two steps up or down WordNet's is-a hierarchy from a word's two most frequent
 * senses: "coin" for "penny", "gas" for "carbon dioxide", "vibrate" for "oscillate".
 */
function taxonomy(lemma: string, pos: WordNetPos): Set<string> {
  const kinds = new Set<string>();
  const visit = (offset: number, synsetPos: WordNetPos, depth: number, symbols: string[]) => {
    const synset = synsetAt(offset, synsetPos);
    for (const word of synset.words) if (!word.includes(' ')) kinds.add(word);
    if (depth === 0) return;
    for (const pointer of synset.pointers) {
      if (symbols.includes(pointer.symbol)) visit(pointer.offset, pointer.pos, depth - 1, symbols);
    }
  };
  for (const synset of senses(lemma, pos, 2)) {
    for (const pointer of synset.pointers) {
      if (pointer.symbol === '@' || pointer.symbol === '@i')
        visit(pointer.offset, pointer.pos, 1, ['@', '@i']);
      if (pointer.symbol === '~' || pointer.symbol === '~i')
        visit(pointer.offset, pointer.pos, 1, ['~', '~i']);
    }
  }
  kinds.delete(lemma);
  return kinds;
}

/** A word the vector table does not know, one or two keystrokes from a word of the point. */
function misspelling(answer: Word, point: Word): boolean {
  const a = answer.normal;
  const p = point.normal;
  if (a.length < 4 || p.length < 4 || a[0] !== p[0]) return false;
  if (knownWord(a)) return false;
  const allowed = Math.min(a.length, p.length) >= 8 ? 2 : 1;
  return Math.abs(a.length - p.length) <= allowed && distance(a, p) <= allowed;
}

export type Pairing = {
  similarity: number;
  exact: boolean;
  related: boolean;
  antonym: boolean;
  kind?: boolean;
};

/** How a word of the answer stands to a word of the point. */
function pair(point: Word, answer: Word, pointRelations: Relations): Pairing {
  if (point.lemma === answer.lemma || point.normal === answer.normal || misspelling(answer, point)) {
    return { similarity: 1, exact: true, related: true, antonym: false };
  }
  if (pointRelations.opposites.has(answer.lemma) || pointRelations.opposites.has(answer.normal)) {
    return { similarity: 0, exact: false, related: false, antonym: true };
  }
  if (pointRelations.forms.has(answer.lemma) || pointRelations.forms.has(answer.normal)) {
    return { similarity: 1, exact: false, related: true, antonym: false };
  }
  const similarity = point.vector && answer.vector ? Math.max(0, dot(point.vector, answer.vector)) : 0;
  const kind = pointRelations.kinds.has(answer.lemma) || pointRelations.kinds.has(answer.normal);
  return { similarity, exact: false, related: false, antonym: false, kind };
}

export const NO_PAIR: Pairing = { similarity: 0, exact: false, related: false, antonym: false };

/** Every pairing of a point word with an answer word, computed once. */
export type PairTable = { rows: Pairing[][] };

export function pairTable(point: Word[], answer: Word[]): PairTable {
  return {
    rows: point.map((p) => {
      const pointRelations = relationsFor(p);
      return answer.map((a) => pair(p, a, pointRelations));
    }),
  };
}

export type Alignment = {
  best: Pairing;
  /** Index of the answer word that stands for this point word (-1 when none). */
  at: number;
  /** The answer word is an antonym of this one and says it the same way round. */
  antonymClash: boolean;
};

export function align(point: Word, pairings: Pairing[], answer: Word[]): Alignment {
  let best = NO_PAIR;
  let at = -1;
  let antonymClash = false;
  pairings.forEach((pairing, i) => {
    if (pairing.antonym) {
      // "not easy" says "hard": an antonym negated is the same claim.
      if (answer[i]!.polarity !== point.polarity) {
        if (best.similarity < 1) {
          best = { similarity: 1, exact: false, related: true, antonym: false };
          at = i;
        }
      } else {
        antonymClash = true;
      }
      return;
    }
    if (pairing.similarity > best.similarity || (pairing.similarity === best.similarity && pairing.exact)) {
      best = pairing;
      at = i;
    }
  });
  return { best, at, antonymClash };
}
