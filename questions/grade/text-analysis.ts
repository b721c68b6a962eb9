import { franc } from 'franc-min';
import { isContent, type Pos, type Token, tokenize } from '../language/tokens';
import { knownWord, wordVector, wordWeight } from './vectors';

/**
 * A text (an answer, a key point, a question) as the scorer reads it: its content words with
 * lemma, vector, weight and polarity, grouped in clauses. Polarity is what a clause says of a
 * word: negated ("not faster"), or its object rejected or absent ("avoid coalitions", "no
 * allies", "without investment").
 */

export type Word = {
  lemma: string;
  normal: string;
  pos: Pos;
  /** Smooth inverse frequency weight: rare words carry more of a sentence. */
  weight: number;
  vector: Float32Array | null;
  /** -1 when the clause denies, rejects or lacks it; 1 otherwise. */
  polarity: 1 | -1;
  /** Says something of a thing: verbs, adverbs, predicate adjectives. */
  predicate: boolean;
  /** A named actor: a person, a country, an organisation. */
  actor: boolean;
  clause: number;
  sentence: number;
};

export type AnalysedText = {
  text: string;
  words: Word[];
  /** SIF-weighted mean of the word vectors (not normalised; zero when no word has a vector). */
  vector: Float32Array;
  clauses: number[];
  /** Words written, content or not. */
  tokenCount: number;
  /** Sentences that read as a list of words rather than a statement, over all sentences. */
  listShare: number;
  /** Share of the content words the vector table does not know. */
  unknownShare: number;
  /** A language other than English, when the text is long enough to tell. */
  language: string;
};

/**
 * Words that reject, lack or stop what follows them in the clause. General English, not a list
 * of any one text's words; they turn "coalitions" in "avoid coalitions" against the point.
 */
const REJECTING = new Set([
  'avoid',
  'reject',
  'oppose',
  'abandon',
  'refuse',
  'stop',
  'quit',
  'drop',
  'resist',
  'abolish',
  'shun',
  'against',
  'lack',
  'lose',
  'deny',
  'forgo',
  'without',
  'no',
  'nothing',
  'none',
  'nobody',
  'instead',
  'rather',
  'few',
  'fail',
  'eliminate',
  'cease',
  'withdraw',
  'ignore',
  'lift',
]);

/** Judgements that deny the worth of what their clause is about: "sanctions are pointless". */
const DISMISSING = new Set([
  'pointless',
  'useless',
  'unnecessary',
  'counterproductive',
  'futile',
  'irrelevant',
  'harmless',
  'worthless',
  'ineffective',
]);

const VERB_TAGS = ['Verb', 'Copula', 'Auxiliary', 'Modal'];

function isListOfWords(tokens: Token[]): boolean {
  if (tokens.length === 0) return false;
  const hasVerb = tokens.some((t) => VERB_TAGS.some((tag) => t.tags.has(tag)) && !t.tags.has('Gerund'));
  const functionShare = tokens.filter((t) => t.isFunction).length / tokens.length;
  if (!hasVerb && tokens.length >= 3) return true;
  if (tokens.length >= 6 && functionShare < 0.12) return true;
  const pieces = tokens.filter((t) => t.post.includes(',')).length + 1;
  return pieces >= 4 && tokens.length / pieces <= 2.5 && functionShare < 0.25;
}

const ACTOR_TAGS = ['Person', 'Place', 'Organization', 'Country', 'ProperNoun', 'Demonym'];

const analysisCache = new Map<string, AnalysedText>();

export function analyseText(text: string): AnalysedText {
  const cached = analysisCache.get(text);
  if (cached) return cached;
  const result = analyse(text);
  if (analysisCache.size > 20_000) analysisCache.clear();
  analysisCache.set(text, result);
  return result;
}

function analyse(text: string): AnalysedText {
  const tokens = tokenize(text);
  const dismissed = new Set(
    tokens.filter((t) => DISMISSING.has(t.lemma) || DISMISSING.has(t.normal)).map((t) => t.clause),
  );
  const words: Word[] = [];
  let rejectedClause = -1;
  let rejectedFrom = -1;
  tokens.forEach((token, i) => {
    if (REJECTING.has(token.lemma) || REJECTING.has(token.normal)) {
      rejectedClause = token.clause;
      rejectedFrom = i;
    }
    if (!isContent(token) || REJECTING.has(token.lemma) || REJECTING.has(token.normal)) return;
    if (DISMISSING.has(token.lemma) || DISMISSING.has(token.normal)) return;
    // A rejecting word reaches the rest of its clause ("avoid working in coalitions"); a
    // dismissing one the whole clause ("coalitions are pointless").
    const rejected = (rejectedClause === token.clause && rejectedFrom < i) !== dismissed.has(token.clause);
    const polarity: 1 | -1 = token.negated !== rejected ? -1 : 1;
    const vector = wordVector(token.normal) ?? wordVector(token.lemma);
    words.push({
      lemma: token.lemma,
      normal: token.normal,
      pos: token.pos,
      weight: Math.min(wordWeight(token.normal), wordWeight(token.lemma)),
      vector,
      polarity,
      predicate: token.predicative,
      actor: ACTOR_TAGS.some((tag) => token.tags.has(tag)),
      clause: token.clause,
      sentence: token.sentence,
    });
  });
  const vector = new Float32Array(vectorDimensions(words));
  for (const word of words) {
    if (!word.vector) continue;
    for (let d = 0; d < vector.length; d++) vector[d]! += word.weight * word.vector[d]!;
  }
  const bySentence = new Map<number, Token[]>();
  for (const token of tokens)
    bySentence.set(token.sentence, [...(bySentence.get(token.sentence) ?? []), token]);
  const sentences = [...bySentence.values()];
  const listShare = sentences.length === 0 ? 0 : sentences.filter(isListOfWords).length / sentences.length;
  const unknown = words.filter((w) => !knownWord(w.normal) && !knownWord(w.lemma)).length;
  const unknownShare = words.length === 0 ? 0 : unknown / words.length;
  return {
    text,
    words,
    vector,
    clauses: [...new Set(words.map((w) => w.clause))],
    tokenCount: tokens.filter((t) => t.text).length,
    listShare,
    unknownShare,
    language: languageOf(text, unknownShare),
  };
}

/**
 * The language of a text by franc's trigram model, asked only when many words are unknown to
 * the English vocabulary (an English answer is almost all known words; franc is the slow part).
 */
function languageOf(text: string, unknownShare: number): string {
  if (text.trim().length < 20 || unknownShare < 0.15) return 'und';
  return franc(text, { minLength: 20 });
}

function vectorDimensions(words: Word[]): number {
  for (const word of words) if (word.vector) return word.vector.length;
  return wordVector('the')?.length ?? 100;
}

/** SIF-weighted mean vector of some of a text's words. */
export function meanVector(words: Word[], dimensions: number): Float32Array {
  const vector = new Float32Array(dimensions);
  for (const word of words) {
    if (!word.vector) continue;
    for (let d = 0; d < dimensions; d++) vector[d]! += word.weight * word.vector[d]!;
  }
  return vector;
}
