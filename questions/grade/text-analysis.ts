import { franc } from 'franc-min';
import { lightTokenize } from '../language/light-tokens';
import { isContent, isNounPredicate, opensVerbPhrase, type Pos, type Token } from '../language/tokens';
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
  /** Place among the text's words, for word order ("Iraq invaded Kuwait" is not "Kuwait invaded Iraq"). */
  position: number;
  /** Right after "no", "without", "nothing like", …: the thing itself is said to be absent. */
  absent: boolean;
  /** The alternative a clause sets against its subject: after "than", "rather", "instead of". */
  alternative: boolean;
  /** After a word that rejects what follows in its clause ("warn against", "avoid"), not a plain "not". */
  rejected: boolean;
  /** In a negator's scope ("not", "never"), whatever else turns it round. */
  negated: boolean;
  /** The nearest party named before it in its clause is a pronoun ("he", "they"), not an actor. */
  afterPronoun: boolean;
  /** A name right before a verb of saying ("Why does Burns argue …"): a speaker, not a party. */
  speaks: boolean;
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
  /** Clauses that recommend or praise what they are about ("should", "must", "is better"). */
  advising: Set<number>;
  /**
   * Clauses that state a condition of necessity ("without production there can be no peace",
   * "unless it is done to others"): their negations affirm what the condition needs.
   */
  conditional: Set<number>;
  /** Every sentence is a bare list of words: four or more comma-separated pieces, or hardly a function word. */
  bareList: boolean;
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
  'forget',
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

function isBareList(tokens: Token[]): boolean {
  if (tokens.length < 4) return false;
  const functionShare = tokens.filter((t) => t.isFunction).length / tokens.length;
  if (tokens.length >= 6 && functionShare < 0.12) return true;
  const pieces = tokens.filter((t) => t.post.includes(',')).length + 1;
  return pieces >= 4 && tokens.length / pieces <= 2.5 && functionShare < 0.25;
}

const ACTOR_TAGS = ['Person', 'Place', 'Organization', 'Country', 'ProperNoun', 'Demonym'];

const analysisCache = new Map<string, AnalysedText>();

/**
 * Texts analysed, kept while their characters add up to at most this: an analysis holds about
 * 90 bytes a character (vectors, tokens), so a stream of fresh 5,000-character answers kept by
 * count alone (20,000 until 7 December) grew the heap by 0.45 MB a request until the server died.
 */
const ANALYSED_CHARACTERS_MOST = 1_000_000;
let analysedCharacters = 0;

export function analyseText(text: string): AnalysedText {
  const cached = analysisCache.get(text);
  if (cached) return cached;
  const result = analyse(text);
  if (analysedCharacters + text.length > ANALYSED_CHARACTERS_MOST) {
    analysisCache.clear();
    analysedCharacters = 0;
  }
  analysisCache.set(text, result);
  analysedCharacters += text.length;
  return result;
}

/** Words that make a clause a recommendation or a verdict in favour of what it is about. */
const ADVISING = new Set([
  'should',
  'must',
  'ought',
  'need',
  'needs',
  'want',
  'wants',
  'urge',
  'urges',
  'recommend',
  'recommends',
  'advocate',
  'advocates',
  'prefer',
  'prefers',
  'better',
  'best',
  'preferable',
  'wiser',
  'superior',
]);

/** Verbs of saying: the name before one is a speaker ("Why does Burns argue …"), not a party. */
const SAYING = new Set([
  'argue',
  'say',
  'claim',
  'believe',
  'think',
  'warn',
  'write',
  'insist',
  'suggest',
  'urge',
  'propose',
  'contend',
  'maintain',
  'explain',
  'describe',
  'call',
  'see',
  'mean',
  'conclude',
]);

/** Pronouns that stand for the party a clause is about. */
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you']);

/** Words after which a clause names the alternative it is set against. */
const ALTERNATIVE = new Set(['than', 'rather', 'instead', 'unlike', 'whereas']);

/** Words after which a thing is said to be absent. */
const ABSENCE = new Set(['no', 'without', 'nothing', 'none', 'lack', 'lacks', 'lacking', 'few', 'zero']);

/** Subjects that say no one does what follows. */
const NONE = new Set(['no', 'nothing', 'none', 'nobody']);

/** Adverbs that, before "any", say there is next to none. */
const SCANT = new Set(['hardly', 'barely', 'scarcely']);

function analyse(text: string): AnalysedText {
  const tokens = lightTokenize(text);
  const dismissed = new Set(
    tokens.filter((t) => DISMISSING.has(t.lemma) || DISMISSING.has(t.normal)).map((t) => t.clause),
  );
  const advising = new Set(
    tokens
      .filter((t, i) => ADVISING.has(t.normal) || (t.normal === 'call' && tokens[i + 1]?.normal === 'for'))
      .map((t) => t.clause),
  );
  const conditional = new Set<number>();
  for (const token of tokens) {
    if (token.normal === 'without') conditional.add(token.clause);
    // "Unless" opens its own clause; the one before it says what fails without the condition.
    if (token.normal === 'unless') conditional.add(token.clause).add(token.clause - 1);
  }
  const words: Word[] = [];
  let rejectedClause = -1;
  let rejectedFrom = -1;
  let absentFrom = -1;
  let alternativeClause = -1;
  let pronounAt = -1;
  let pronounClause = -1;
  tokens.forEach((token, i) => {
    if (SUBJECT_PRONOUNS.has(token.normal)) {
      pronounAt = i;
      pronounClause = token.clause;
    }
    // "No, they are not…" answers a question; "no allies" says there are none.
    // "Hardly any oil" says there is next to none, as "no oil" does.
    const nextToNone = token.normal === 'any' && SCANT.has(tokens[i - 1]?.normal ?? '');
    if (
      (ABSENCE.has(token.normal) || nextToNone) &&
      !token.deniesAfter &&
      !token.compares &&
      !/[,;:.!?]/.test(token.post)
    )
      absentFrom = i;
    if (ALTERNATIVE.has(token.normal)) alternativeClause = token.clause;
    // "…is failing and cannot feed its people": a verb phrase of its own ends the rejection.
    if (opensVerbPhrase(tokens, i)) rejectedFrom = -1;
    if (
      (REJECTING.has(token.lemma) || REJECTING.has(token.normal)) &&
      !token.deniesAfter &&
      !token.compares
    ) {
      // "Nothing would stop them", "no one should forget": a subject that is nothing, then a
      // verb that rejects, say it will happen.
      const afterNone =
        rejectedClause === token.clause &&
        rejectedFrom >= 0 &&
        NONE.has(tokens[rejectedFrom]!.normal) &&
        token.pos === 'verb';
      rejectedClause = token.clause;
      rejectedFrom = afterNone ? -1 : i;
    }
    if (!isContent(token) || REJECTING.has(token.lemma) || REJECTING.has(token.normal)) return;
    if (DISMISSING.has(token.lemma) || DISMISSING.has(token.normal)) return;
    // A rejecting word reaches the rest of its clause ("avoid working in coalitions"); a
    // dismissing one the whole clause ("coalitions are pointless").
    const inRejection = rejectedClause === token.clause && rejectedFrom >= 0 && rejectedFrom < i;
    const rejected = inRejection !== dismissed.has(token.clause);
    const polarity: 1 | -1 = token.negated !== rejected ? -1 : 1;
    const actor = ACTOR_TAGS.some((tag) => token.tags.has(tag));
    if (actor) pronounAt = -1;
    const previous = words.at(-1);
    // "United States", "Soviet Union": a name of several words is one actor.
    if (actor && previous?.actor && previous.position === i - 1 && previous.clause === token.clause) {
      previous.lemma = `${previous.lemma} ${token.lemma}`;
      previous.normal = `${previous.normal} ${token.normal}`;
      previous.weight = Math.max(
        previous.weight,
        Math.min(wordWeight(token.normal), wordWeight(token.lemma)),
      );
      previous.vector = sumVectors(previous.vector, wordVector(token.normal) ?? wordVector(token.lemma));
      previous.position = i;
      previous.speaks = SAYING.has(tokens[i + 1]?.lemma ?? '');
      return;
    }
    const vector = wordVector(token.normal) ?? wordVector(token.lemma);
    words.push({
      lemma: token.lemma,
      normal: token.normal,
      pos: token.pos,
      weight: Math.min(wordWeight(token.normal), wordWeight(token.lemma)),
      vector,
      polarity,
      // A noun a copula says of its subject is its clause's claim too ("is not his loneliness").
      predicate: token.predicative || isNounPredicate(tokens, i),
      actor,
      clause: token.clause,
      sentence: token.sentence,
      position: i,
      absent: absentFrom >= 0 && i - absentFrom <= 3 && tokens[absentFrom]!.clause === token.clause,
      alternative: alternativeClause === token.clause,
      rejected: inRejection,
      negated: token.negated,
      afterPronoun: pronounAt >= 0 && pronounClause === token.clause,
      speaks: actor && SAYING.has(tokens[i + 1]?.lemma ?? ''),
    });
  });
  // Positions count words, not tokens, from here on.
  words.forEach((word, k) => {
    word.position = k;
  });
  const vector = new Float32Array(vectorDimensions(words));
  for (const word of words) {
    if (!word.vector) continue;
    for (let d = 0; d < vector.length; d++) vector[d]! += word.weight * word.vector[d]!;
  }
  const bySentence = new Map<number, Token[]>();
  for (const token of tokens) {
    let sentence = bySentence.get(token.sentence);
    if (!sentence) {
      sentence = [];
      bySentence.set(token.sentence, sentence);
    }
    sentence.push(token);
  }
  const sentences = [...bySentence.values()];
  const listShare = sentences.length === 0 ? 0 : sentences.filter(isListOfWords).length / sentences.length;
  const unknown = words.filter((w) => !knownWord(w.normal) && !knownWord(w.lemma)).length;
  const unknownShare = words.length === 0 ? 0 : unknown / words.length;
  const language = languageOf(text, unknownShare);
  // The share of function words tells a list from a sentence only in English: a Spanish
  // sentence has none of the English ones.
  const english = language === 'eng' || language === 'und';
  return {
    text,
    words,
    vector,
    clauses: [...new Set(words.map((w) => w.clause))],
    tokenCount: tokens.filter((t) => t.text).length,
    listShare,
    unknownShare,
    language,
    advising,
    conditional,
    bareList: english && sentences.length > 0 && sentences.every(isBareList),
  };
}

/** The unit vector of the sum of two word vectors (either may be missing). */
function sumVectors(a: Float32Array | null, b: Float32Array | null): Float32Array | null {
  if (!a || !b) return a ?? b;
  const sum = new Float32Array(a.length);
  let norm = 0;
  for (let d = 0; d < a.length; d++) {
    sum[d] = a[d]! + b[d]!;
    norm += sum[d]! * sum[d]!;
  }
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < a.length; d++) sum[d]! /= norm;
  return sum;
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
