import { cosine, wordVector, wordWeight } from '../grade/vectors';
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
const GLOSS_WORD = /[a-z]{4,}/g;

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
  /** How far it leads the next: cosine points for vectors, shared words for gloss overlap. */
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

/**
 * Simplified Lesk: the candidate whose gloss (and synonyms) shares most words with the context,
 * the more frequent sense on a tie. Clear when there is one candidate, or when the winner shares a
 * word and leads by one (the most frequent sense) or by two (any other: overlap's guesses on a thin
 * context keyed "solemn" and "oppressed" in senses the text does not mean). `gloss` may replace a
 * candidate's gloss (the benchmark leaves an example out of its own sense).
 */
export function senseByGlossOverlap(
  lemma: string,
  candidates: readonly Synset[],
  context: ReadonlySet<string>,
  gloss: (synset: Synset, index: number) => string = (synset) => synset.gloss,
): SenseChoice {
  if (candidates.length === 0) return { best: -1, margin: 0, clear: false };
  const scored = candidates.map((synset, index) => {
    const words = new Set([...(gloss(synset, index).toLowerCase().match(GLOSS_WORD) ?? []), ...synset.words]);
    let shared = 0;
    for (const word of words) if (word !== lemma && context.has(word)) shared++;
    return { index, shared };
  });
  scored.sort((a, b) => b.shared - a.shared || a.index - b.index);
  const [first, second] = scored;
  const margin = first!.shared - (second?.shared ?? 0);
  const clear =
    candidates.length === 1 || (first!.shared >= 1 && (first!.index === 0 ? margin >= 1 : margin >= 2));
  return { best: first!.index, margin, clear };
}
