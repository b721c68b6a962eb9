import nlp from 'compromise';
import { hasCommonSense, type WordNetPos } from './wordnet';

/**
 * Words of a text as the grader and the generator see them: compromise tags each word, gives
 * its root form ("slower" → "slow", "allies" → "ally", "denied" → "deny") and expands
 * contractions ("aren't" → "are" + "not"); on top of that we mark clauses and the scope of
 * negation, which decide whether a point was made or contradicted.
 */

export type Pos = 'noun' | 'verb' | 'adj' | 'adv' | 'number' | 'other';

export type Token = {
  /** As written, or for the implicit half of a contraction ("won’t" → "will" + "not") its expansion. */
  text: string;
  /** Exactly as written: empty for the implicit half of a contraction. */
  written: string;
  /** Punctuation written before the word (an opening quotation mark). */
  pre: string;
  /** Lower case, without punctuation. */
  normal: string;
  /** Root form: singular noun, infinitive verb, base adjective. */
  lemma: string;
  pos: Pos;
  tags: ReadonlySet<string>;
  /** Determiners, prepositions, pronouns, auxiliaries, conjunctions and the like. */
  isFunction: boolean;
  /** A negating word as written ("not", "never", "n't"), whatever it does to what follows. */
  isNegator: boolean;
  /**
   * Turns round what follows it in its clause: a negator, but not "not" of "not only" (which
   * adds a claim); also "no" of "no longer" and "far" of "far from reckless".
   */
  deniesAfter: boolean;
  /** "No" and its comparative in "no more than 300 miles", "no less than": a comparison, not a denial. */
  compares: boolean;
  /** Inside the scope of an odd number of negators. */
  negated: boolean;
  sentence: number;
  clause: number;
  /** Punctuation written after the word. */
  post: string;
  /** Says something of a thing (a verb, adverb, or adjective not in front of its noun). */
  predicative: boolean;
};

const FUNCTION_TAGS = [
  'Determiner',
  'Preposition',
  'Conjunction',
  'Pronoun',
  'Copula',
  'Auxiliary',
  'Modal',
  'Negative',
  'QuestionWord',
  'Particle',
];

const EXTRA_FUNCTION_WORDS = new Set([
  'also',
  'very',
  'just',
  'there',
  'then',
  'than',
  'too',
  'as',
  'so',
  'such',
  'even',
  'only',
  'more',
  'most',
  'much',
  'many',
  'some',
  'any',
  'all',
  'each',
  'every',
  'other',
  'another',
  'own',
  'same',
  'to',
  'of',
  'not',
  'no',
  'yes',
  'one',
  'ones',
  'etc',
  'really',
  'quite',
  'rather',
  'almost',
  'always',
  'often',
  'still',
  'already',
  'now',
  'here',
  'thing',
  'things',
  'way',
  'lot',
  'lots',
  'nothing',
  'something',
  'anything',
  'everything',
  'none',
  'nobody',
  'its',
  'his',
  'her',
  'their',
  'our',
  'my',
  'your',
]);

/**
 * Words that negate the rest of their clause. "No" and "nothing" negate only the noun phrase
 * after them, and nouns carry no polarity here, so they are left out.
 */
const NEGATORS = new Set([
  'not',
  'never',
  'neither',
  'nor',
  'cannot',
  'hardly',
  'barely',
  'scarcely',
  'seldom',
  'rarely',
]);
/** These flip only the next word or two: "less effective", "without surrendering". */
const LOCAL_NEGATORS = new Set(['less', 'fewer', 'least', 'without']);
/** "Not only …, but", "not just": a negator before these adds a claim rather than denying one. */
const ADDITIVE = new Set(['only', 'just', 'merely', 'simply', 'solely']);
/** Parts of speech after "far from" that make it a denial ("far from isolated", not "far from home"). */
const DENIED_AFTER_FAR_FROM: ReadonlySet<Pos> = new Set(['adj', 'verb', 'adv']);

/**
 * Whether a word turns round the rest of its clause, reading its neighbours: "not only" adds,
 * "no longer" and "far from reckless" deny.
 */
function deniesWhatFollows(
  word: string,
  isNegator: boolean,
  next?: TaggedTerm,
  afterNext?: TaggedTerm,
): boolean {
  if (isNegator) return !ADDITIVE.has(next?.normal ?? '');
  if (word === 'no') return next?.normal === 'longer';
  if (word === 'far' && next?.normal === 'from' && afterNext) {
    return DENIED_AFTER_FAR_FROM.has(posOf(afterNext.tags));
  }
  return false;
}

const COMPARATIVES = new Set(['more', 'less', 'fewer']);

/** Whether a word is the "no" or the comparative of "no more than", "no less than", "no fewer than". */
function inNoMoreThan(terms: readonly TaggedTerm[], index: number): boolean {
  const word = terms[index]?.normal;
  if (word === 'no')
    return COMPARATIVES.has(terms[index + 1]?.normal ?? '') && terms[index + 2]?.normal === 'than';
  return (
    COMPARATIVES.has(word ?? '') && terms[index - 1]?.normal === 'no' && terms[index + 1]?.normal === 'than'
  );
}

/** Words that start a new clause, so a negation before them does not reach past. */
const CLAUSE_OPENERS = new Set([
  'but',
  'however',
  'although',
  'though',
  'whereas',
  'while',
  'yet',
  'because',
  'since',
  'so',
  'unlike',
  'instead',
  'which',
  'who',
  'if',
  'unless',
  'when',
  'whereas',
  'therefore',
  'thus',
  'hence',
]);

/** A word as a tagger gives it, before clauses and negation are marked. */
export type TaggedTerm = {
  /** As written (empty for the implicit half of a contraction). */
  text: string;
  /** Lower case, without punctuation. */
  normal: string;
  /** Root form, or empty when the tagger gives none. */
  root: string;
  tags: ReadonlySet<string>;
  /** Punctuation written after the word. */
  post: string;
  /** Exactly as written (empty for the implicit half of a contraction), when the tagger says. */
  written?: string;
  /** Punctuation written before the word, when the tagger says. */
  pre?: string;
};

type CompromiseTerm = {
  text: string;
  pre: string;
  post: string;
  normal: string;
  root?: string;
  implicit?: string;
  tags: string[];
};

function posOf(tags: ReadonlySet<string>): Pos {
  if (tags.has('Value') || tags.has('Cardinal')) return 'number';
  if (tags.has('Pronoun')) return 'other';
  if (tags.has('Noun')) return 'noun';
  if (tags.has('Copula') || tags.has('Auxiliary') || tags.has('Modal')) return 'other';
  if (tags.has('Verb')) return 'verb';
  if (tags.has('Adjective')) return 'adj';
  if (tags.has('Adverb')) return 'adv';
  return 'other';
}

export function toWordNetPos(pos: Pos): WordNetPos | null {
  switch (pos) {
    case 'noun':
      return 'n';
    case 'verb':
      return 'v';
    case 'adj':
      return 'a';
    case 'adv':
      return 'r';
    default:
      return null;
  }
}

export const cleanWord = (word: string) =>
  word
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/** Tokens of a text with lemmas, parts of speech, clauses and negation scope (compromise's tagger). */
export function tokenize(text: string): Token[] {
  return tokenizeDoc(nlp(text));
}

/** Tokens of a text compromise has already parsed (so a caller that needs the parse too pays once). */
export function tokenizeDoc(doc: ReturnType<typeof nlp>): Token[] {
  doc.compute('root');
  const sentences = doc.json() as { terms: CompromiseTerm[] }[];
  return tokensOf(
    sentences.map((sentence) =>
      sentence.terms.map((term) => ({
        // A contraction arrives as two terms, each with its expansion in `implicit`.
        text: term.text || term.implicit || '',
        written: term.text ?? '',
        pre: term.pre ?? '',
        normal: cleanWord(term.implicit || term.normal || term.text || term.implicit || ''),
        root: cleanWord(term.root ?? ''),
        tags: new Set(term.tags),
        post: term.post ?? '',
      })),
    ),
  );
}

/** Tokens from tagged sentences: lemmas, content and function words, clauses and negation scope. */
export function tokensOf(sentences: readonly (readonly TaggedTerm[])[]): Token[] {
  const tokens: Token[] = [];
  let clause = 0;
  sentences.forEach((sentence, sentenceIndex) => {
    clause++;
    let negation = false;
    let localNegation = 0;
    let clauseStart = 0;
    let setOff = false;
    sentence.forEach((term, termIndex) => {
      const tags = term.tags;
      if (!term.normal && !tags.has('Negative')) return;
      const word = term.normal || 'not';
      if (opensVerbPhrase(sentence, termIndex)) {
        negation = false;
        localNegation = 0;
      }
      if (
        CLAUSE_OPENERS.has(word) ||
        (COORDINATORS.has(word) && opensClause(sentence, termIndex, clauseStart)) ||
        commaOpensClause(sentence, termIndex, clauseStart)
      ) {
        clause++;
        clauseStart = termIndex;
        negation = false;
        localNegation = 0;
        setOff = false;
      }
      const next = sentence[termIndex + 1];
      const isNegator = tags.has('Negative') || NEGATORS.has(word);
      const deniesAfter = deniesWhatFollows(word, isNegator, next, sentence[termIndex + 2]);
      const previous = sentence[termIndex - 1];
      // "Longer" of "no longer", "from" of "far from reckless": part of the negator, not words
      // of their own.
      const partOfNegator =
        (word === 'longer' && previous?.normal === 'no') ||
        (word === 'from' && previous?.normal === 'far' && tokens.at(-1)?.deniesAfter === true);
      const compares = inNoMoreThan(sentence, termIndex);
      const lemma = term.root || word;
      const pos = posOf(tags);
      tokens.push({
        text: term.text,
        written: term.written ?? term.text,
        pre: term.pre ?? '',
        normal: word,
        lemma: isNegator || deniesAfter ? 'not' : lemma,
        pos,
        tags,
        isFunction:
          isNegator ||
          deniesAfter ||
          FUNCTION_TAGS.some((t) => tags.has(t)) ||
          (tags.has('Possessive') && tags.has('Pronoun')) ||
          EXTRA_FUNCTION_WORDS.has(word) ||
          LOCAL_NEGATORS.has(word) ||
          partOfNegator,
        isNegator,
        deniesAfter,
        compares,
        negated: negation !== localNegation > 0,
        sentence: sentenceIndex,
        clause,
        post: term.post,
        predicative: false,
      });
      if (localNegation > 0) localNegation--;
      // A negator that opens a new stretch after a comma ("…, neither side is burdened") or
      // continues "neither" ("nor") negates what follows whatever came before; inside a
      // stretch, two negators cancel ("not unwise").
      if (deniesAfter && (word === 'nor' || /,/.test(previous?.post ?? ''))) negation = true;
      else if (deniesAfter) negation = !negation;
      // "…the rule of law, not the law of the jungle, governs nations": a negator set off by
      // commas denies only what stands between them.
      if (deniesAfter && /,/.test(previous?.post ?? '')) setOff = true;
      if (setOff && /,/.test(term.post)) {
        negation = false;
        setOff = false;
      }
      if (LOCAL_NEGATORS.has(word) && !compares) localNegation = 2;
      // "not just an expense" denies "just", not "an expense".
      if (isNegator && !deniesAfter) localNegation = 1;
      // The tagger already split the sentences, so a full stop here ends an abbreviation.
      if (/[;:—–]/.test(term.post)) {
        clause++;
        clauseStart = termIndex + 1;
        negation = false;
        localNegation = 0;
        setOff = false;
      }
    });
  });
  tokens.forEach((token, i) => {
    token.predicative = isPredicative(token, tokens[i - 1], tokens[i + 1], tokens[i + 2]);
  });
  return tokens;
}

/**
 * Verbs, adverbs and adjectives said of something ("coalitions are slower") carry a claim
 * whose polarity matters; an adjective before its noun ("a strong signal") only describes.
 */
/** "foreign investment", "foreign direct investment". */
function beforeNoun(token: Token, next: Token | undefined, nextButOne: Token | undefined): boolean {
  if (!next || next.clause !== token.clause) return false;
  if (next.pos === 'noun') return true;
  return next.pos === 'adj' && nextButOne?.pos === 'noun' && nextButOne.clause === token.clause;
}

function isPredicative(
  token: Token,
  previous: Token | undefined,
  next: Token | undefined,
  nextButOne: Token | undefined,
): boolean {
  if (token.pos !== 'verb' && token.pos !== 'adv' && token.pos !== 'adj') return false;
  if (token.pos === 'adv') return true;
  // "nothing close to", "something new": an adjective after an indefinite pronoun modifies it.
  if (
    token.pos === 'adj' &&
    previous &&
    /^(nothing|something|anything|everything|none)$/.test(previous.normal)
  ) {
    return false;
  }
  if (!beforeNoun(token, next, nextButOne)) return true;
  // "would legitimate Putin's…" is a verb; "an unprovoked escalation" a modifier.
  const afterVerbWord =
    previous !== undefined &&
    (previous.tags.has('Modal') || previous.tags.has('Auxiliary') || previous.normal === 'to');
  return token.pos === 'verb'
    ? !previous?.tags.has('Determiner') && !previous?.tags.has('Possessive')
    : afterVerbWord;
}

/**
 * The head noun of what a copula says of its subject ("his biggest vulnerability is not his
 * diplomatic loneliness", "Korea is hardly a symbol of justice"): the claim of its clause, so
 * its polarity counts as a verb's does.
 */
export function isNounPredicate(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index]!;
  if (token.pos !== 'noun' || token.tags.has('ProperNoun')) return false;
  const next = tokens[index + 1];
  if (next && next.pos === 'noun' && next.clause === token.clause && !token.post.trim()) return false;
  for (let k = index - 1; k >= 0; k--) {
    const before = tokens[k]!;
    if (before.clause !== token.clause) return false;
    if (before.tags.has('Copula')) return true;
    const modifier =
      before.deniesAfter ||
      before.tags.has('Determiner') ||
      before.tags.has('Possessive') ||
      before.pos === 'adj' ||
      before.pos === 'adv';
    if (!modifier) return false;
  }
  return false;
}

const COORDINATORS = new Set(['and', 'or']);

/**
 * "…is failing and cannot feed its people", "…no longer act together and would fail": a
 * coordinator before a verb phrase with its own auxiliary or negator, whose polarity is its own.
 */
export function opensVerbPhrase(
  terms: readonly { normal: string; tags: ReadonlySet<string> }[],
  index: number,
): boolean {
  if (!COORDINATORS.has(terms[index]?.normal ?? '')) return false;
  const next = terms[index + 1];
  if (!next) return false;
  return (
    next.tags.has('Modal') ||
    next.tags.has('Auxiliary') ||
    next.tags.has('Copula') ||
    next.tags.has('Negative') ||
    NEGATORS.has(next.normal)
  );
}

const isFiniteVerb = (t: TaggedTerm) =>
  t.tags.has('Modal') ||
  t.tags.has('Copula') ||
  t.tags.has('Auxiliary') ||
  (t.tags.has('Verb') && !t.tags.has('Gerund') && !t.tags.has('Infinitive'));

/** Words that can stand before a subject: "and their effects", "and coordinated pressure". */
const beforeSubject = (t: TaggedTerm) =>
  t.tags.has('Determiner') ||
  t.tags.has('Adjective') ||
  (t.tags.has('Possessive') && t.tags.has('Pronoun')) ||
  (t.tags.has('Verb') && t.normal.endsWith('ed'));

/** Words a comma-joined clause may take before its verb: "…, control of the world's oil would …". */
const COMMA_CLAUSE_REACH = 10;

/**
 * "…hardly violated what nations hold dear, control of the oil would finance no further
 * aggression": after a clause with its verb, a comma followed by a stretch with a verb of its own
 * (before the next comma) opens a new clause, so a negation does not reach across. A list of
 * names after a comma has no verb and stays in its clause; so does "In Korea, free nations are…",
 * whose first stretch has none.
 */
function commaOpensClause(terms: readonly TaggedTerm[], index: number, clauseStart: number): boolean {
  const previous = terms[index - 1];
  if (!previous || !/,/.test(previous.post)) return false;
  if (!terms.slice(clauseStart, index).some(isFiniteVerb)) return false;
  // ", and letting him control the oil would pay for more wars": the stretch after the "and".
  const start = COORDINATORS.has(terms[index]!.normal) ? index + 1 : index;
  let verb = false;
  for (let k = start; k < terms.length; k++) {
    const term = terms[k]!;
    if (k >= start + COMMA_CLAUSE_REACH && !verb) return false;
    if (isFiniteVerb(term) && k > start) verb = true;
    if (!/[,;:]/.test(term.post)) continue;
    // "We are not, as some would have us believe, doomed…": set off by commas with the clause
    // going on after it, the stretch is an aside, not a clause of its own.
    const after = terms[k + 1];
    return verb && (!/,/.test(term.post) || !after || COORDINATORS.has(after.normal));
  }
  return verb;
}

/**
 * "and pressure cannot…": a coordinator that joins two clauses, not two words. After a clause
 * that already has its verb, the next subject may open with a determiner or an adjective
 * ("…are slower, and their effects no longer last"); before it, "the US and the allies are"
 * is one subject.
 */
function opensClause(terms: readonly TaggedTerm[], index: number, clauseStart: number): boolean {
  let subject = index + 1;
  if (terms.slice(clauseStart, index).some(isFiniteVerb)) {
    while (subject < index + 3 && terms[subject] && beforeSubject(terms[subject]!)) subject++;
  }
  const next = terms[subject];
  if (!next || !(next.tags.has('Noun') || next.tags.has('Pronoun'))) return false;
  if (LOCAL_NEGATORS.has(next.normal)) return false;
  // A subject then a finite verb: "and pressure cannot", not "and less satisfying".
  return terms.slice(subject + 1, subject + 4).some(isFiniteVerb);
}

/** Verbs too general to carry a point on their own. */
const LIGHT_VERBS = new Set([
  'be',
  'is',
  'have',
  'do',
  'say',
  'argue',
  'think',
  'believe',
  'claim',
  'write',
  'state',
  'suggest',
  'get',
  'go',
  'seem',
  'according',
  'accord',
  'explain',
  'mean',
  'make',
  'take',
  'let',
  'put',
]);
const META_WORDS = new Set([
  'author',
  'essay',
  'article',
  'text',
  'writer',
  'paragraph',
  'passage',
  'reason',
]);

/** Tokens that carry meaning: nouns, verbs, adjectives, adverbs and numbers that are not function words. */
export function isContent(token: Token): boolean {
  if (token.isFunction || token.lemma.length < 2) return false;
  if (token.pos === 'other') return /^[\p{L}]{3,}$/u.test(token.normal) && !token.tags.has('Pronoun');
  if (token.pos === 'verb' && LIGHT_VERBS.has(token.lemma)) return false;
  return !META_WORDS.has(token.lemma);
}

const lemmaCache = new Map<string, string[]>();

/** Lemmas of a text's content words (memoised: validators ask for the same texts many times). */
export function contentLemmas(text: string): string[] {
  let lemmas = lemmaCache.get(text);
  if (!lemmas) {
    if (lemmaCache.size > 20_000) lemmaCache.clear();
    lemmas = tokenize(text)
      .filter(isContent)
      .map((t) => t.lemma);
    lemmaCache.set(text, lemmas);
  }
  return lemmas;
}

/**
 * "Boko Haram", "Sinn Fein": a capitalised word WordNet knows in no common sense, before another
 * capitalised word, opens a name the tagger did not recognise, so it keeps its capital when the
 * sentence is continued ("why did Boko Haram attack Baga?", not "boko Haram").
 */
export function opensUnknownName(text: string): boolean {
  const [first = '', second = ''] = text.split(/\s+/);
  const bare = first.replace(/['’]s$/, '').replace(/[^\p{L}]/gu, '');
  if (!/^\p{Lu}/u.test(bare) || !/^\p{Lu}/u.test(second) || hasCommonSense(bare.toLowerCase())) return false;
  // "The Taliban", "Our Nation": WordNet has no function words either.
  return tokenize(bare).every((token) => !token.isFunction);
}
