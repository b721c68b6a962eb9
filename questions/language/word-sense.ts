import { wordVector, wordWeight } from '../grade/vectors';
import { definitionOf, type Synset, synsetAt } from './wordnet';

/**
 * Which WordNet sense a word has in its sentence, by word vectors: each sense is described by its
 * gloss (definition and examples), its synonyms, and the words and definitions of the senses it
 * belongs to (hypernyms, and for an adjective the head it is similar to); the sentence by its
 * other words. The sense whose description lies nearest the sentence wins, weighted as the
 * grader weights words (smooth inverse frequency, so "the" counts for little). A distributional
 * variant of Lesk's gloss overlap, which on a sentence of ten words rarely finds a shared word.
 *
 * Measured on WordNet's own usage examples (each example read as the sentence, its sense's gloss
 * without that example): `npm run bench:senses`, figures in the README.
 */

/** How far the best sense must lead the next one for the choice to count as clear. */
export const CLEAR_MARGIN = 0.15;

const WORD = /[a-z]{3,}/g;

function sumVector(words: Iterable<string>, skip: (word: string) => boolean): Float32Array | null {
  let sum: Float32Array | null = null;
  for (const word of words) {
    if (skip(word)) continue;
    const vector = wordVector(word);
    if (!vector) continue;
    sum ??= new Float32Array(vector.length);
    const weight = wordWeight(word);
    for (let d = 0; d < vector.length; d++) sum[d]! += weight * vector[d]!;
  }
  return sum;
}

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let d = 0; d < a.length; d++) {
    dot += a[d]! * b[d]!;
    na += a[d]! ** 2;
    nb += b[d]! ** 2;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

const BROADER = new Set(['@', '@i', '&']);

/** The words that describe a sense: its gloss, synonyms, and the broader senses it belongs to. */
export function senseDescription(synset: Synset, leaveOut = ''): string[] {
  const gloss = leaveOut ? synset.gloss.replace(leaveOut, ' ') : synset.gloss;
  const words = [...(gloss.toLowerCase().match(WORD) ?? []), ...synset.words.flatMap((w) => w.split(' '))];
  for (const pointer of synset.pointers) {
    if (!BROADER.has(pointer.symbol)) continue;
    const broader = synsetAt(pointer.offset, pointer.pos);
    words.push(
      ...broader.words.flatMap((w) => w.split(' ')),
      ...(definitionOf(broader).toLowerCase().match(WORD) ?? []),
    );
  }
  return words;
}

export type SenseChoice = {
  /** Index into the candidates of the sense that fits best, or -1 when nothing could be compared. */
  best: number;
  /** How far it leads the next: cosine points. */
  margin: number;
  /** One candidate, or a lead of at least `CLEAR_MARGIN`. */
  clear: boolean;
};

/**
 * The candidate sense of `lemma` nearest the context's words (the word itself and its forms left
 * out: `isForm` says which words are). `descriptions` may replace a candidate's description (the
 * benchmark leaves an example out of its own sense).
 */
export function senseInContext(
  lemma: string,
  candidates: readonly Synset[],
  context: readonly string[],
  isForm: (word: string) => boolean = (word) => word === lemma,
  descriptions?: readonly string[][],
): SenseChoice {
  if (candidates.length === 1) return { best: 0, margin: 1, clear: true };
  const sentence = sumVector(context, isForm);
  if (!sentence || candidates.length === 0) return { best: -1, margin: 0, clear: false };
  const scores = candidates.map((synset, i) => {
    const description = sumVector(descriptions?.[i] ?? senseDescription(synset), isForm);
    return description ? cosine(sentence, description) : -1;
  });
  let best = 0;
  for (let i = 1; i < scores.length; i++) if (scores[i]! > scores[best]!) best = i;
  const next = Math.max(...scores.filter((_, i) => i !== best));
  const margin = scores[best]! - next;
  return { best, margin, clear: margin >= CLEAR_MARGIN };
}
