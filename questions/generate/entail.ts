import { isContent, type Token, tokenize, toWordNetPos } from '../language/tokens';
import { relationsOf } from '../language/wordnet';
import { clausesOf, propositionOf } from './clauses';

/**
 * Whether evidence sentences state what a generated text says: the generator's own check,
 * kept apart from the grader so that each can change without the other. A statement is
 * supported when most of its meaning words (weighted: names and head words count fully) are in
 * the evidence as the same lemma, a WordNet synonym or a related form, with the same polarity;
 * contradicted when a matched word is negated on one side only, swapped for its antonym, when a
 * number differs, or when the statement gives the evidence's predicate to another named actor.
 */

export type Support = 'supported' | 'contradicted' | 'unsupported';

const statementCache = new Map<string, Token[]>();

function statementTokens(text: string): Token[] {
  let tokens = statementCache.get(text);
  if (!tokens) {
    if (statementCache.size > 20_000) statementCache.clear();
    tokens = tokenize(text);
    statementCache.set(text, tokens);
  }
  return tokens;
}

const relatedCache = new Map<string, Set<string>>();

function related(token: Token): Set<string> {
  const pos = toWordNetPos(token.pos);
  const key = `${pos}:${token.lemma}`;
  let words = relatedCache.get(key);
  if (!words) {
    words = pos ? new Set(relationsOf(token.lemma, pos, 2).related) : new Set();
    relatedCache.set(key, words);
  }
  return words;
}

const opposites = (token: Token) => {
  const pos = toWordNetPos(token.pos);
  return pos ? relationsOf(token.lemma, pos, 2).opposites : new Set<string>();
};

const weightOf = (token: Token) => (token.pos === 'adv' ? 0.5 : 1);

const numbersIn = (tokens: Token[]) =>
  new Set(tokens.map((t) => t.normal).filter((n) => /^\d[\d,.]*$/.test(n)));

export function support(statement: string, evidence: Token[], coverageNeeded = 0.7): Support {
  const stated = statementTokens(statement).filter(isContent);
  if (stated.length === 0) return 'unsupported';
  const evidenceContent = evidence.filter(isContent);
  const byLemma = new Map<string, Token[]>();
  for (const token of evidenceContent) {
    for (const key of [token.lemma, token.normal]) byLemma.set(key, [...(byLemma.get(key) ?? []), token]);
  }
  let total = 0;
  let matched = 0;
  let contradiction = false;
  let polarityChecked = 0;
  let polarityFlipped = 0;
  let predicateMatched = false;
  const unmatchedNames: Token[] = [];
  for (const token of stated) {
    const weight = weightOf(token);
    total += weight;
    let match = byLemma.get(token.lemma)?.[0] ?? byLemma.get(token.normal)?.[0];
    if (!match) {
      const forms = related(token);
      match = evidenceContent.find((e) => forms.has(e.lemma) || related(e).has(token.lemma));
    }
    if (match) {
      matched += weight;
      if (token.predicative && match.negated !== token.negated) contradiction = true;
      // "is not a favor" against "is a favor": the negation sits on the copula, so compare the
      // polarity of every matched meaning word that is not a name.
      if (token.predicative) predicateMatched = true;
      if (!token.tags.has('ProperNoun')) {
        polarityChecked++;
        if (match.negated !== token.negated) polarityFlipped++;
      }
      continue;
    }
    const opposite = opposites(token);
    const flipped = evidenceContent.find((e) => opposite.has(e.lemma) || opposites(e).has(token.lemma));
    if (flipped && flipped.negated === token.negated) {
      contradiction = true;
      matched += weight;
      continue;
    }
    if (token.tags.has('ProperNoun')) unmatchedNames.push(token);
  }
  const coverage = matched / total;
  // "the stronger cards" against "weak cards": the same noun, qualified the opposite way.
  const all = statementTokens(statement);
  for (let i = 0; i + 1 < all.length; i++) {
    const adjective = all[i]!;
    const noun = all[i + 1]!;
    if (adjective.pos !== 'adj' || noun.pos !== 'noun') continue;
    const opposite = opposites(adjective);
    for (let j = 1; j < evidence.length; j++) {
      const theirs = evidence[j]!;
      const modifier = evidence[j - 1]!;
      if (
        theirs.lemma === noun.lemma &&
        modifier.pos === 'adj' &&
        (opposite.has(modifier.lemma) || opposites(modifier).has(adjective.lemma))
      )
        contradiction = true;
    }
  }
  const statedNumbers = numbersIn(stated);
  const evidenceNumbers = numbersIn(evidenceContent);
  const numberDiffers = [...statedNumbers].some((n) => !evidenceNumbers.has(n));
  if (numberDiffers)
    return coverage >= coverageNeeded - 0.2 && evidenceNumbers.size > 0 ? 'contradicted' : 'unsupported';
  // The evidence's predicate said of another named actor: "Britain expelled …" for "Russia expelled …".
  if (unmatchedNames.length > 0) {
    const rest = total - unmatchedNames.reduce((sum, t) => sum + weightOf(t), 0);
    return rest > 0 && matched / rest >= coverageNeeded ? 'contradicted' : 'unsupported';
  }
  if (coverage < coverageNeeded) return 'unsupported';
  // Without a verb or adjective to carry it, the polarity is the copula's: compare the nouns'.
  if (!predicateMatched && polarityChecked > 0 && polarityFlipped / polarityChecked >= 0.5)
    contradiction = true;
  if (!contradiction && misattributed(statementTokens(statement), evidence)) return 'contradicted';
  return contradiction ? 'contradicted' : 'supported';
}

const lemmaSet = (tokens: Token[]) =>
  new Set(tokens.map((t) => (t.tags.has('Pronoun') ? t.normal : t.lemma)));

/**
 * Who does what: the statement's predicate is the evidence's, but said of someone else ("Mr.
 * Putin has the stronger cards" where the text says "we have the stronger cards").
 */
function misattributed(stated: Token[], evidence: Token[]): boolean {
  const statement = clausesOf(stated)
    .map(propositionOf)
    .find((p) => p !== null);
  if (!statement) return false;
  const predicate = [...statement.group, ...statement.rest].filter(isContent).map((t) => t.lemma);
  if (predicate.length === 0) return false;
  const subject = lemmaSet(statement.subject.filter((t) => isContent(t) || t.tags.has('Pronoun')));
  const sentences = new Map<number, Token[]>();
  for (const token of evidence)
    sentences.set(token.sentence, [...(sentences.get(token.sentence) ?? []), token]);
  for (const tokens of sentences.values()) {
    for (const clause of clausesOf(tokens)) {
      const proposition = propositionOf(clause);
      if (!proposition) continue;
      const theirs = new Set(
        [...proposition.group, ...proposition.rest].filter(isContent).map((t) => t.lemma),
      );
      const shared = predicate.filter((l) => theirs.has(l)).length;
      // The same predicate on both sides, not one inside a larger one ("is betting that …").
      if (shared / predicate.length < 0.8 || shared / theirs.size < 0.6) continue;
      const theirSubject = lemmaSet(proposition.subject.filter((t) => isContent(t) || t.tags.has('Pronoun')));
      if (subject.size === 0 || theirSubject.size === 0) continue;
      // "it", "he", "they" may stand for the statement's subject; "we" and "I" never stand for a name.
      if (
        proposition.subject.some((t) => /^(it|he|she|they|this|that|these|those|which|who)$/.test(t.normal))
      )
        continue;
      if (![...subject].some((l) => theirSubject.has(l))) return true;
    }
  }
  return false;
}

/** How an option stands to a multiple-choice key when it is no fair distractor. */
export type Clash = 'negates' | 'restates' | 'entails' | 'entailed';

const namesIn = (tokens: Token[]) =>
  new Set(tokens.filter((t) => t.tags.has('ProperNoun')).map((t) => t.lemma));

/**
 * The one check every multiple-choice template and the validator share: a distractor that says
 * the key turned around ("… will not bring only isolation" beside "… will bring only isolation",
 * "Disrespect our commitments" beside "Respect …"), the key in other words, or something the key
 * implies or that implies the key. The first is an answer given away by the pair; the others are
 * a second right answer. A distractor that gives the key's predicate to another named actor is a
 * misreading to test, not a negation, and is left to the rules on actors.
 */
export function clashWithKey(key: string, distractor: string): Clash | null {
  const keyTokens = statementTokens(key);
  const otherTokens = statementTokens(distractor);
  if (keyTokens.filter(isContent).length === 0 || otherTokens.filter(isContent).length === 0) return null;
  const forward = support(distractor, keyTokens, 0.75);
  const backward = support(key, otherTokens, 0.75);
  if (forward === 'supported' && backward === 'supported') return 'restates';
  if (forward === 'contradicted' || backward === 'contradicted') {
    const a = namesIn(keyTokens);
    const b = namesIn(otherTokens);
    const sameNames = a.size === b.size && [...a].every((n) => b.has(n));
    if (sameNames) return 'negates';
    return null;
  }
  if (forward === 'supported') return 'entails';
  if (backward === 'supported') return 'entailed';
  return null;
}
