import nlp from 'compromise';
import { distance } from 'fastest-levenshtein';
import { contentLemmas, isContent, type Pos, type Token, tokenize, toWordNetPos } from '../language/tokens';
import { relationsOf, type WordNetPos } from '../language/wordnet';
import type { KeyPoint, Rubric } from '../schema';
import { type GradeLevel, levelOf, roundScore } from './result';

/**
 * Grades a free-text answer against a rubric of key points, the way a careful teaching
 * assistant would: a point counts when the answer makes it in any words (synonyms and related
 * forms from WordNet, inflections from compromise, misspellings by edit distance); a point
 * stated the other way round ("coalitions are faster and easier") counts against nothing and
 * is named as contradicted; a bare list of key words earns nothing, since it explains nothing.
 */

export type KeyPointOutcome = { id: string; text: string };

export type ShortAnswerGrade = {
  score: number;
  correct: GradeLevel;
  feedback: string;
  keyPointsMet: KeyPointOutcome[];
  keyPointsMissed: KeyPointOutcome[];
  /** Points the answer makes the wrong way round; included in keyPointsMissed too. */
  keyPointsContradicted: KeyPointOutcome[];
  /** The answer read as a list of words, not an explanation. */
  listOfWords: boolean;
};

/**
 * A point counts when the answer covers half of its weighted words, or a third of them with at
 * least three full-weight words (long key points are rarely restated in full).
 */
const COVERAGE_NEEDED = 0.5;
const COVERAGE_WITH_THREE_WORDS = 0.34;
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

type CompiledKeyPoint = { keyPoint: KeyPoint; variants: Term[][] };

// ---- Compiling a rubric (cached: the same rubric is graded many times) ----

const compiledRubrics = new WeakMap<Rubric, Map<string, CompiledKeyPoint[]>>();

function compileRubric(rubric: Rubric, prompt: string): CompiledKeyPoint[] {
  let byPrompt = compiledRubrics.get(rubric);
  if (!byPrompt) {
    byPrompt = new Map();
    compiledRubrics.set(rubric, byPrompt);
  }
  const cached = byPrompt.get(prompt);
  if (cached) return cached;
  const promptWords = new Set<string>();
  for (const token of tokenize(prompt).filter(isContent)) {
    promptWords.add(token.lemma);
    promptWords.add(token.normal);
    // "impulsively" in the question gives away "impulsive" in the answer.
    promptWords.add(token.normal.replace(/ly$/, ''));
  }
  const compiled = rubric.keyPoints.map((keyPoint) => ({
    keyPoint,
    variants: [keyPoint.text, ...keyPoint.accept].map((variant) => compileTerms(variant, promptWords)),
  }));
  byPrompt.set(prompt, compiled);
  return compiled;
}

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
  relationsCache.set(key, entry);
  return entry;
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

type KeyPointVerdict = 'met' | 'missed' | 'contradicted';

function variantMet(result: VariantResult): boolean {
  // What a point says of its subject must be there: "diplomacy can transform the relationship"
  // does not make the point "diplomacy can manage the relationship".
  if (result.hasPredicate && !result.predicateMatched) return false;
  // A point made only of the question's own words (a claim the student must connect to) needs coverage alone.
  if (result.fullWeightTerms === 0) return result.coverage >= COVERAGE_NEEDED;
  // A short point may be made with one of its two head words ("that loneliness is his weakness").
  const wordsNeeded = result.fullWeightTerms <= 2 ? 1 : 2;
  if (result.coverage >= COVERAGE_NEEDED && result.fullWeightMatches >= wordsNeeded) return true;
  return result.coverage >= COVERAGE_WITH_THREE_WORDS && result.fullWeightMatches >= 3;
}

function judgeKeyPoint(compiled: CompiledKeyPoint, tokens: Token[]): KeyPointVerdict {
  let met = false;
  let contradicted = false;
  for (const terms of compiled.variants) {
    const result = scoreVariant(terms, tokens);
    if (result.contradiction) contradicted = true;
    if (variantMet(result)) met = true;
  }
  if (contradicted) return 'contradicted';
  return met ? 'met' : 'missed';
}

// ---- Lists of words ----

const VERB_TAGS = ['Verb', 'Copula', 'Auxiliary', 'Modal'];

/**
 * A sentence that is a list of words rather than a statement: no verb at all, or hardly any of
 * the small words (the, of, because, is…) that bind words into a claim.
 */
function isListOfWords(tokens: Token[]): boolean {
  if (tokens.length === 0) return true;
  const hasVerb = tokens.some((t) => VERB_TAGS.some((tag) => t.tags.has(tag)) && !t.tags.has('Gerund'));
  if (!hasVerb) return true;
  const functionShare = tokens.filter((t) => t.isFunction).length / tokens.length;
  if (tokens.length >= 6 && functionShare < 0.12) return true;
  // "loneliness, alliances, slower, lasting, calculus": many short comma-separated pieces.
  const pieces = tokens.filter((t) => t.post.includes(',')).length + 1;
  return pieces >= 4 && tokens.length / pieces <= 2.5 && functionShare < 0.25;
}

// ---- Grading ----

export type ShortAnswerInput = { rubric: Rubric; answer: string; prompt?: string };

export function gradeShortAnswer({ rubric, answer, prompt = '' }: ShortAnswerInput): ShortAnswerGrade {
  const keyPoints = compileRubric(rubric, prompt);
  const outcome = (c: CompiledKeyPoint): KeyPointOutcome => ({ id: c.keyPoint.id, text: c.keyPoint.text });
  const allMissed = keyPoints.map(outcome);
  if (!answer.trim()) {
    return {
      score: 0,
      correct: 'incorrect',
      feedback: 'No answer was given.',
      keyPointsMet: [],
      keyPointsMissed: allMissed,
      keyPointsContradicted: [],
      listOfWords: false,
    };
  }
  const tokens = tokenize(answer);
  const bySentence = new Map<number, Token[]>();
  for (const token of tokens)
    bySentence.set(token.sentence, [...(bySentence.get(token.sentence) ?? []), token]);
  const statements = [...bySentence.values()].filter((sentence) => !isListOfWords(sentence)).flat();
  // Negation scope was worked out on every word; only words that carry meaning are matched.
  const meaningful = statements.filter(isContent);
  if (statements.length === 0) {
    return {
      score: 0,
      correct: 'incorrect',
      feedback:
        'A list of key words is not an explanation. Write the answer in sentences that say how the ideas connect.',
      keyPointsMet: [],
      keyPointsMissed: allMissed,
      keyPointsContradicted: [],
      listOfWords: true,
    };
  }

  const met: CompiledKeyPoint[] = [];
  const missed: CompiledKeyPoint[] = [];
  const contradicted: CompiledKeyPoint[] = [];
  for (const keyPoint of keyPoints) {
    const verdict = judgeKeyPoint(keyPoint, meaningful);
    if (verdict === 'met') met.push(keyPoint);
    else missed.push(keyPoint);
    if (verdict === 'contradicted') contradicted.push(keyPoint);
  }
  const totalWeight = keyPoints.reduce((sum, k) => sum + k.keyPoint.weight, 0);
  const needed = Math.min(rubric.pointsForFullCredit ?? totalWeight, totalWeight);
  const metWeight = met.reduce((sum, k) => sum + k.keyPoint.weight, 0);
  const score = roundScore(Math.min(1, metWeight / needed));
  return {
    score,
    correct: levelOf(score),
    feedback: feedbackFor({ met, missed, contradicted, score, answerWords: contentLemmas(answer).length }),
    keyPointsMet: met.map(outcome),
    keyPointsMissed: missed.map(outcome),
    keyPointsContradicted: contradicted.map(outcome),
    listOfWords: false,
  };
}

function feedbackFor(input: {
  met: CompiledKeyPoint[];
  missed: CompiledKeyPoint[];
  contradicted: CompiledKeyPoint[];
  score: number;
  answerWords: number;
}): string {
  const { met, missed, contradicted, score } = input;
  const list = (points: CompiledKeyPoint[]) =>
    points.map((p) => `“${p.keyPoint.text.replace(/[.!;,]+$/, '')}”`).join('; ');
  const parts: string[] = [];
  if (score >= 1 && missed.length === 0) parts.push('You made every key point.');
  else if (score >= 1) parts.push('You made enough key points for full credit.');
  if (met.length > 0 && score < 1)
    parts.push(`You made ${met.length === 1 ? 'this point' : 'these points'}: ${list(met)}.`);
  if (contradicted.length > 0) {
    parts.push(`Your answer says the opposite of the text on: ${list(contradicted)}. Reread that passage.`);
  }
  const plainMissed = missed.filter((m) => !contradicted.includes(m));
  if (plainMissed.length > 0 && score < 1) {
    parts.push(`Still missing: ${list(plainMissed)}.`);
  }
  if (met.length === 0 && contradicted.length === 0) {
    parts.unshift(
      input.answerWords < 4
        ? 'Your answer is too short to explain the reasoning.'
        : 'Your answer does not make the points this question asks about.',
    );
  }
  return parts.join(' ');
}

// ---- Grading from a model answer alone ----

const SPLIT_AT =
  /\s*;\s*|,\s*(?=(?:and|but|so|because|which|while)\s)|\s+(?=(?:because|so that|which means|whereas)\s)/i;

/**
 * Key points derived from a model answer: its sentences, and long sentences cut at clause
 * breaks ("; ", ", and …", " because …"), keeping the pieces that say something beyond the
 * question's own words.
 */
export function rubricFromReference(reference: string, prompt = ''): Rubric {
  const promptWords = new Set(contentLemmas(prompt));
  const pieces: string[] = [];
  for (const sentence of nlp(reference).sentences().out('array') as string[]) {
    const parts = sentence
      .split(SPLIT_AT)
      .map((p) => p.trim().replace(/^(and|but|so|because|which|while)\s+/i, ''));
    let carry = '';
    for (const part of parts) {
      const candidate = carry ? `${carry}, ${part}` : part;
      const own = contentLemmas(candidate).filter((l) => !promptWords.has(l));
      if (new Set(own).size >= 2) {
        pieces.push(candidate.replace(/[.;,\s]+$/, ''));
        carry = '';
      } else {
        carry = candidate;
      }
    }
    if (carry && pieces.length > 0) pieces[pieces.length - 1] = `${pieces[pieces.length - 1]}, ${carry}`;
    else if (carry && contentLemmas(carry).length > 0) pieces.push(carry.replace(/[.;,\s]+$/, ''));
  }
  const keyPoints = (pieces.length > 0 ? pieces : [reference.trim()]).slice(0, 12).map((text, i) => ({
    id: `kp${i + 1}`,
    text,
    accept: [],
    weight: 1,
  }));
  return { keyPoints };
}

export function gradeAgainstReference(input: { question: string; reference: string; answer: string }) {
  const rubric = rubricFromReference(input.reference, input.question);
  return { rubric, ...gradeShortAnswer({ rubric, answer: input.answer, prompt: input.question }) };
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
