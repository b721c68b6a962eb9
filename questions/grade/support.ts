import { distance } from 'fastest-levenshtein';
import { remember } from '../language/bounded-cache';
import { isContent, type Pos, type Token, tokenize, toWordNetPos } from '../language/tokens';
import { relationsOf, type WordNetPos } from '../language/wordnet';

/**
 * Whether a text states a statement, says its opposite, or neither: weighted word coverage with
 * WordNet synonyms, related forms and antonyms, inflections from compromise, misspellings by
 * edit distance, and polarity from negation. The question generator's validators use it to
 * check every answer key against its evidence sentence; grading students uses the trained
 * scorer in `short-answer.ts` instead.
 */

/** Words also in the question are given: restating the question earns little. */
const PROMPT_WORD_WEIGHT = 0.25;
const NAME_WEIGHT = 0.5;
/** Head words carry a point; modifiers ("impulsive response", "unprovoked escalation") less so. */
const MODIFIER_WEIGHT = 0.5;

type Term = {
  lemma: string;
  pos: Pos;
  weight: number;
  forms: Set<string>;
  opposites: Set<string>;
  negated: boolean;
  /** Verbs, adjectives and adverbs say something of a thing, so their polarity matters. */
  predicate: boolean;
};

const relationsCache = new Map<string, { forms: Set<string>; opposites: Set<string> }>();

function relationsFor(token: Token): { forms: Set<string>; opposites: Set<string> } {
  const key = `${token.pos}:${token.lemma}:${token.normal}`;
  const cached = relationsCache.get(key);
  if (cached) return cached;
  const forms = new Set([token.lemma, token.normal]);
  const opposites = new Set<string>();
  const primary = toWordNetPos(token.pos);
  const order: WordNetPos[] = primary
    ? [primary, ...(['n', 'v', 'a', 'r'] as const).filter((p) => p !== primary)]
    : [];
  for (const pos of order) {
    for (const lemma of new Set([token.lemma, token.normal])) {
      // Other parts of speech contribute fewer senses: they are a fallback for mis-tagged words.
      const relations = relationsOf(lemma, pos, pos === primary ? 3 : 1);
      for (const word of relations.related) if (!word.includes(' ')) forms.add(word);
      for (const word of relations.opposites) if (!word.includes(' ')) opposites.add(word);
    }
  }
  for (const form of forms) opposites.delete(form);
  const entry = { forms, opposites };
  return remember(relationsCache, key, entry, 50_000);
}

function compileTerms(text: string, promptWords: Set<string>): Term[] {
  const terms: Term[] = [];
  const seen = new Set<string>();
  for (const token of tokenize(text)) {
    if (!isContent(token) || seen.has(token.lemma)) continue;
    seen.add(token.lemma);
    const { forms, opposites } = relationsFor(token);
    const predicate = token.predicative;
    let weight = 1;
    if (token.tags.has('ProperNoun')) weight = NAME_WEIGHT;
    else if (token.pos === 'adv' || (token.pos === 'adj' && !predicate)) weight = MODIFIER_WEIGHT;
    if (promptWords.has(token.lemma) || promptWords.has(token.normal)) weight = PROMPT_WORD_WEIGHT;
    terms.push({
      lemma: token.lemma,
      pos: token.pos,
      weight,
      forms,
      opposites,
      negated: token.negated,
      predicate,
    });
  }
  return terms;
}

// ---- Matching ----

type Match = 'same' | 'opposite' | null;

function misspelt(word: string, target: string): boolean {
  if (word.length < 5 || target.length < 5 || word[0] !== target[0]) return false;
  const allowed = Math.min(word.length, target.length) >= 8 ? 2 : 1;
  return Math.abs(word.length - target.length) <= allowed && distance(word, target) <= allowed;
}

function matchToken(token: Token, term: Term): Match {
  if (term.forms.has(token.lemma) || term.forms.has(token.normal)) return 'same';
  if (term.opposites.has(token.lemma) || term.opposites.has(token.normal)) return 'opposite';
  if (misspelt(token.normal, term.lemma) || misspelt(token.lemma, term.lemma)) return 'same';
  return null;
}

type VariantResult = {
  coverage: number;
  fullWeightMatches: number;
  fullWeightTerms: number;
  /** Whether the point says something of a thing (a full-weight verb or predicate adjective)… */
  hasPredicate: boolean;
  /** …and whether the answer says it too. */
  predicateMatched: boolean;
  contradiction: boolean;
};

function scoreVariant(terms: Term[], tokens: Token[]): VariantResult {
  let total = 0;
  let covered = 0;
  let fullWeightMatches = 0;
  let fullWeightTerms = 0;
  let hasPredicate = false;
  let predicateMatched = false;
  const clausesNamingTheSubject = new Set<number>();
  const mismatches: { clause: number; viaOpposite: boolean; term: Term }[] = [];
  for (const term of terms) {
    total += term.weight;
    if (term.weight >= 1) fullWeightTerms++;
    let matched = false;
    for (const token of tokens) {
      const match = matchToken(token, term);
      if (!match) continue;
      // A word that is itself another term of the point ("lasting") is not this term's opposite.
      if (
        match === 'opposite' &&
        terms.some((o) => o !== term && (o.lemma === token.lemma || o.lemma === token.normal))
      ) {
        continue;
      }
      const polarityFlipped = token.negated !== (match === 'opposite');
      // Words the question itself uses set the scene; their polarity is not the point.
      if (
        term.predicate &&
        token.predicative &&
        term.weight > PROMPT_WORD_WEIGHT &&
        polarityFlipped !== term.negated
      ) {
        mismatches.push({ clause: token.clause, viaOpposite: match === 'opposite', term });
        continue;
      }
      if (match === 'same') {
        matched = true;
        if (term.pos === 'noun') clausesNamingTheSubject.add(token.clause);
      }
    }
    const fullPredicate = term.predicate && term.weight >= 1;
    if (fullPredicate) hasPredicate = true;
    if (matched) {
      covered += term.weight;
      if (term.weight >= 1) fullWeightMatches++;
      if (fullPredicate) predicateMatched = true;
    }
  }
  // A negated word contradicts where it stands; an opposite word ("faster") only when its clause
  // names a thing the point is about, so "acting alone is faster, but coalitions last" is no contradiction.
  const contradiction = mismatches.some((m) => !m.viaOpposite || clausesNamingTheSubject.has(m.clause));
  return {
    coverage: total > 0 ? covered / total : 0,
    fullWeightMatches,
    fullWeightTerms,
    hasPredicate,
    predicateMatched,
    contradiction,
  };
}

// ---- Checking a statement against the text (used to validate answer keys) ----

export type Support = 'supported' | 'contradicted' | 'unsupported';

const evidenceTokens = new Map<string, Token[]>();
const statementTerms = new Map<string, Term[]>();

function cachedTokens(text: string): Token[] {
  let tokens = evidenceTokens.get(text);
  if (!tokens) {
    if (evidenceTokens.size > 5000) evidenceTokens.clear();
    tokens = tokenize(text);
    evidenceTokens.set(text, tokens);
  }
  return tokens;
}

/**
 * Whether `evidence` states `statement`, says the opposite, or neither. Stricter than grading a
 * student: most of the statement's weighted words must be in the evidence, its verb among them,
 * and its numbers too (a changed number is a contradiction).
 */
export function supportFor(statement: string, evidence: string | Token[], coverageNeeded = 0.7): Support {
  let terms = statementTerms.get(statement);
  if (!terms) {
    if (statementTerms.size > 5000) statementTerms.clear();
    terms = compileTerms(statement, new Set());
    statementTerms.set(statement, terms);
  }
  const evidenceTokens = typeof evidence === 'string' ? cachedTokens(evidence) : evidence;
  const evidenceWords = typeof evidence === 'string' ? evidence : evidenceTokens.map((t) => t.text).join(' ');
  const tokens = evidenceTokens.filter(isContent);
  const result = scoreVariant(terms, tokens);
  if (result.contradiction) return 'contradicted';
  const numbers = (text: string) =>
    new Set(text.match(/\d[\d,.]*/g)?.map((n) => n.replace(/[,.]$/, '')) ?? []);
  const stated = numbers(statement);
  const found = numbers(evidenceWords);
  const missingNumber = [...stated].some((n) => !found.has(n));
  // "No", "nothing", "without" negate a noun, which the word-level check cannot see: a statement
  // that uses them is not supported by evidence that does not.
  const nounNegation = /\b(no|nothing|none|nobody|without)\b/i;
  if (nounNegation.test(statement) && !nounNegation.test(evidenceWords)) {
    return result.coverage >= coverageNeeded ? 'contradicted' : 'unsupported';
  }
  const wordsSupported =
    result.coverage >= coverageNeeded &&
    (!result.hasPredicate || result.predicateMatched) &&
    (result.fullWeightMatches >= 1 || result.fullWeightTerms === 0);
  if (missingNumber) return wordsSupported && found.size > 0 ? 'contradicted' : 'unsupported';
  return wordsSupported ? 'supported' : 'unsupported';
}
