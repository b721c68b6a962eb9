import { cosine, wordVector } from '../../grade/vectors';
import type { Token } from '../../language/tokens';
import { lookup, relationsOf } from '../../language/wordnet';
import type { Skill } from '../../schema';
import type { ReadingAnalysis, SentenceAnalysis } from '../analyse';
import { clausesOf, isFiniteVerb, propositionOf } from '../clauses';
import { CONCEPT_TERMS, interchangeableTerms, usedAsConcept } from '../concepts';
import { stableHash } from '../deterministic';
import { type Draft, draftBase, quote, withoutStrayQuotes, words } from './common';

/** Fill-in-the-blank sentences on concept terms, one sentence at a time. */

function skillOf(sentence: SentenceAnalysis): Skill {
  if (/\d/.test(sentence.text) || sentence.places.length > 0 || sentence.organizations.length > 0)
    return 'context';
  if (sentence.markers.has('causal') || sentence.markers.has('prediction')) return 'cause-and-effect';
  if (sentence.markers.has('argument')) return 'claim-and-reason';
  return 'evidence';
}

// ---- Cloze ----

type BlankCandidate = { token: Token; sentence: SentenceAnalysis };

function blankable(tokens: Token[], i: number, analysis: ReadingAnalysis): boolean {
  const token = tokens[i]!;
  return (
    // Only concept terms, used as such: a blank on "given" or on "hands" in "worked till their
    // hands were raw" tests nothing an instructor cares about.
    CONCEPT_TERMS.has(token.lemma) &&
    usedAsConcept(tokens, i) &&
    token.pos === 'noun' &&
    (token.pos === 'noun' || token.pos === 'adj' || token.pos === 'verb') &&
    !token.isFunction &&
    token.text.length >= 5 &&
    /^[\p{L}-]+$/u.test(token.text) &&
    !token.tags.has('Pronoun') &&
    // Names are context, not vocabulary, and "Mr. ___" gives itself away.
    !token.tags.has('ProperNoun') &&
    !token.tags.has('Demonym') &&
    (analysis.keyness.get(token.lemma) ?? 0) > 0
  );
}

const FORMS = ['Plural', 'PastTense', 'Gerund', 'Infinitive', 'PresentTense', 'Comparative', 'Superlative'];

/** Part of speech and form (plural, tense, comparative): distractors share it, so grammar gives nothing away. */
const formKey = (token: Token) => [token.pos, ...FORMS.filter((f) => token.tags.has(f))].join(':');

function rarity(lemma: string, pos: Token['pos']): number {
  const wordnetPos = pos === 'noun' ? 'n' : pos === 'verb' ? 'v' : 'a';
  const entry = lookup(lemma, wordnetPos);
  if (!entry) return 1;
  return 1 / (1 + entry.taggedSenses);
}

/**
 * A slot that many words of the text would fill: a member of a pair or list ("peace and ___",
 * "___ and cruelty", "tolerance and ___") or a noun after "that" or "its" ("how shall we use
 * that ___?").
 */
export function openSlot(tokens: Token[], i: number): boolean {
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  const coordinated =
    (before !== undefined && /^(and|or|nor)$/.test(before.normal)) ||
    (after !== undefined && /^(and|or|nor)$/.test(after.normal) && !tokens[i]!.post.trim()) ||
    /,/.test(tokens[i]!.post) ||
    /,/.test(before?.post ?? '');
  // "workers and farmers as well as ___": the last member of a list, however it is joined.
  const listTail = tokens
    .slice(Math.max(0, i - 3), i)
    .map((t) => t.normal)
    .join(' ');
  return (
    coordinated ||
    /\b(as well as|such as)$/.test(listTail) ||
    // "the hard fight for ___", "our struggle for ___", "showed the way to ___": any cause or
    // goal fits the blank.
    /\b(fight|fights|fighting|struggle|struggles|strive|striving|stand|stands|work|works|working|search|hope|pray|praying|yearn|quest|campaign|battle|crusade|call|calls) for$/.test(
      listTail,
    ) ||
    /\b(way|path|road|route|march|journey) to(ward|wards)?$/.test(listTail) ||
    // "that ___", and "did not share in its ___": after a bare demonstrative or possessive, nothing
    // but the words after the blank says which noun is meant ("its wealth", "its power").
    (before !== undefined && /^(that|this|these|those|its|their|our|his|your|my)$/.test(before.normal))
  );
}

/**
 * A blank inside a phrase WordNet lists as one word ("freedom of speech", "terrorist attacks",
 * "acts of terrorism", "counter terrorism", "the arms race") is filled by the phrase, without
 * reading the text: the words beside it give the key away.
 */
export function inSetPhrase(tokens: readonly Token[], i: number): boolean {
  const breaksAfter = (k: number) => /[,;:.!?()"“”]/.test(tokens[k]!.post);
  for (let start = Math.max(0, i - 3); start <= i; start++) {
    for (let end = Math.max(i, start + 1); end <= Math.min(tokens.length - 1, start + 3); end++) {
      const span = tokens.slice(start, end + 1);
      if (span.slice(0, -1).some((_, k) => breaksAfter(start + k))) continue;
      // Each word as written or as its lemma: "acts of terrorism" is listed as "act of terrorism".
      let readings: string[][] = [[]];
      for (const t of span)
        readings = readings.flatMap((r) => [...new Set([t.normal, t.lemma])].map((w) => [...r, w]));
      for (const words of readings) {
        const phrases = [words.join(' ')];
        if (words.length === 2) phrases.push(words.join(''), words.join('-'));
        if (phrases.some((phrase) => lookup(phrase, 'n') || lookup(phrase, 'a'))) return true;
      }
    }
  }
  return false;
}

/** Words so close in use ("terrorists" and "operatives", "freedom" and "justice") that both would fit. */
const NEAR_NEIGHBOUR = 0.5;
function nearNeighbour(a: Token, b: Token): boolean {
  const u = vectorOf(a);
  const v = vectorOf(b);
  return u !== null && v !== null && cosine(u, v) >= NEAR_NEIGHBOUR;
}

/** A word's vector, or its lemma's when the table lacks the form ("sovereignties", "sovereignty"). */
const vectorOf = (token: Pick<Token, 'normal' | 'lemma'>) =>
  wordVector(token.normal) ?? wordVector(token.lemma);

/**
 * The meaning words right beside a blank (two tokens either way): what a word must fit. "promote
 * energy ___" is filled by "development" as well as by "independence", "use that ___" by "power"
 * as well as by "peace".
 */
function slotContext(tokens: Token[], i: number): string[] {
  const isMeaningWord = (t: Token | undefined): t is Token =>
    t !== undefined && !t.isFunction && /^(noun|verb|adj)$/.test(t.pos);
  const near = [tokens[i - 2], tokens[i - 1], tokens[i + 1], tokens[i + 2]].filter(isMeaningWord);
  // "a form of government is a ___ by which …": where only small words stand beside the blank,
  // the nearest meaning word on each side within four says what fits.
  if (near.length === 0) {
    const before = tokens.slice(Math.max(0, i - 4), i).findLast(isMeaningWord);
    const after = tokens.slice(i + 1, i + 5).find(isMeaningWord);
    near.push(...[before, after].filter(isMeaningWord));
  }
  return near.map((t) => t.normal);
}

/** How well a word fits a slot: its closest word vector among the slot's neighbours. */
function slotFit(word: Token, context: string[]): number | null {
  const v = vectorOf(word);
  if (!v) return null;
  let best: number | null = null;
  for (const c of context) {
    const u = wordVector(c);
    if (u) best = Math.max(best ?? -1, cosine(u, v));
  }
  return best;
}

/**
 * "presidential ___" (elections 0.75), "armed ___" (conflict 0.57), "press ___" (freedom 0.54):
 * a key as close in use to a word beside it as two words that could replace each other is given
 * away by that word, not found by reading. "the report on ___" (terrorism 0.43) is not.
 */
function predictedByNeighbour(word: Token, tokens: Token[], i: number): boolean {
  const fit = slotFit(word, slotContext(tokens, i));
  return fit !== null && fit >= NEAR_NEIGHBOUR;
}

/** A distractor whose fit to the slot comes this close to the key's fits it too. */
const SLOT_MARGIN = 0.05;

/**
 * A describing word right before the blank takes any noun this close to it, whatever the key's
 * fit: "internal ___" reads as well with "sovereignty" (0.41) as with "administration" (0.59).
 */
const MODIFIER_FIT = 0.4;

/** The adjective right before a blank, if any ("internal ___"). */
function modifierBefore(tokens: Token[], i: number): Token | null {
  const before = tokens[i - 1];
  return before && before.pos === 'adj' && !before.post.trim() ? before : null;
}

/** "REPUBLIC", the source's capitals for emphasis, in the bank as the plain word. */
/**
 * A word as the bank shows it: in lower case when it is written in capitals for emphasis, or
 * capitalised only because it opened its sentence ("Aggression", "Exports"); names keep theirs.
 */
const bankForm = (token: Token) =>
  (token.text.length > 1 && token.text === token.text.toUpperCase() && !token.tags.has('Acronym')) ||
  (/^\p{Lu}\p{Ll}+$/u.test(token.text) && !token.tags.has('ProperNoun'))
    ? token.text.toLowerCase()
    : token.text;

/** Blanks on one word: more than this many drill the word, not the text. */
const BLANKS_PER_WORD = 2;

/** Whether a word takes "an", by its first sound: "an honour", "a union", "a European", "an élite". */
const takesAn = (word: string) => {
  const w = word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  if (/^(hon|hour|heir)/.test(w)) return true;
  if (/^(uni|use|usu|ute|eu|one|once)/.test(w)) return false;
  return /^[aeiou]/.test(w);
};

export function clozeQuestions(analysis: ReadingAnalysis): Draft[] {
  const drafts: (Draft & { lemma: string })[] = [];
  const pool: BlankCandidate[] = [];
  for (const sentence of analysis.sentences) {
    sentence.tokens.forEach((token, i) => {
      if (blankable(sentence.tokens, i, analysis)) pool.push({ token, sentence });
    });
  }
  const byForm = new Map<string, BlankCandidate[]>();
  for (const candidate of pool) {
    const key = formKey(candidate.token);
    byForm.set(key, [...(byForm.get(key) ?? []), candidate]);
  }
  for (const sentence of analysis.sentences) {
    if (sentence.wordCount < 8 || sentence.wordCount > 40) continue;
    const counts = new Map<string, number>();
    for (const t of sentence.tokens) counts.set(t.lemma, (counts.get(t.lemma) ?? 0) + 1);
    const candidates = sentence.tokens
      .slice(1)
      .filter(
        (t, k) =>
          blankable(sentence.tokens, k + 1, analysis) &&
          counts.get(t.lemma) === 1 &&
          !openSlot(sentence.tokens, k + 1) &&
          !inSetPhrase(sentence.tokens, k + 1) &&
          !predictedByNeighbour(t, sentence.tokens, k + 1),
      )
      .map((t) => ({
        token: t,
        score: (analysis.keyness.get(t.lemma) ?? 0) * (0.5 + rarity(t.lemma, t.pos)),
      }))
      .sort((a, b) => b.score - a.score);
    const target = candidates[0]?.token;
    if (!target) continue;
    const pattern = new RegExp(`(^|[^\\p{L}])${target.text}(?=[^\\p{L}]|$)`, 'u');
    const matches = sentence.text.match(new RegExp(pattern.source, 'gu'));
    if (matches?.length !== 1) continue;
    const id = `cloze-${sentence.id}`;
    const related = relationsOf(
      target.lemma,
      target.pos === 'noun' ? 'n' : target.pos === 'verb' ? 'v' : 'a',
    ).related;
    const seen = new Set([target.lemma]);
    const distractors: string[] = [];
    const targetAt = sentence.tokens.indexOf(target);
    const context = slotContext(sentence.tokens, targetAt);
    const keyFit = slotFit(target, context);
    const modifier = modifierBefore(sentence.tokens, targetAt);
    const modifierVector = modifier ? wordVector(modifier.normal) : null;
    const fitsSlot = (word: Token) => {
      const fit = keyFit === null ? null : slotFit(word, context);
      if (fit !== null && keyFit !== null && fit >= keyFit - SLOT_MARGIN) return true;
      const v = modifierVector ? vectorOf(word) : null;
      return v !== null && modifierVector !== null && cosine(v, modifierVector) >= MODIFIER_FIT;
    };
    // Same-form words from elsewhere, a bounded sample starting at a place fixed by the id, the
    // closest in length first: linear in the text, not quadratic.
    const sameFormPool = byForm.get(formKey(target)) ?? [];
    const start = sameFormPool.length > 0 ? stableHash(id) % sameFormPool.length : 0;
    const sample: BlankCandidate[] = [];
    for (let i = 0; i < sameFormPool.length && sample.length < 40; i++) {
      const candidate = sameFormPool[(start + i) % sameFormPool.length]!;
      if (candidate.sentence.paragraphIndex !== sentence.paragraphIndex) sample.push(candidate);
    }
    const ordered = sample.sort(
      (a, b) =>
        Math.abs(a.token.text.length - target.text.length) -
          Math.abs(b.token.text.length - target.text.length) || a.token.lemma.localeCompare(b.token.lemma),
    );
    // "Suppose an ___": after "a" or "an", a word that takes the other article gives itself away.
    const wordBefore = sentence.tokens[targetAt - 1]?.normal;
    const takesArticle = (word: string) =>
      wordBefore === 'an' ? takesAn(word) : wordBefore === 'a' ? !takesAn(word) : true;
    // "possessing ___ weapons" keyed "nuclear" beside "dignity" and "economy", "people everywhere
    // ___ for peace" keyed "hunger" beside "commerce": when the key is a word that is only an
    // adjective, or the clause's verb, a bank word without that use gives itself away as wrong.
    // The clause's verb, or a sentence's only word that can be its verb ("hunger", tagged a noun);
    // the parse is run only for a key that can be a verb at all.
    // So is a verb after "to" ("to ___ all types of aggression", keyed "deter" beside "peace").
    const verbSlot =
      lookup(target.lemma, 'v') !== null &&
      // (compromise may tag it a noun there: the word is only a verb in WordNet).
      ((lookup(target.lemma, 'n') === null && wordBefore === 'to') ||
        !sentence.tokens.some((t) => t !== target && isFiniteVerb(t)) ||
        clausesOf(sentence.tokens).some((clause) => propositionOf(clause)?.head === target));
    // "the cruelty of ___ messages", "enrol in ___ activities" keyed "terrorist", "extremist"
    // beside "democracy" and "liberty": a key that describes the noun after it, and can be an
    // adjective, wants wrong words that can describe it too.
    // (The tagger may read that noun as a verb: "extremist messages" as "messages" someone.)
    const after = sentence.tokens[targetAt + 1];
    const describesNext =
      lookup(target.lemma, 'a') !== null &&
      !/[,;:.!?]/.test(target.post) &&
      after !== undefined &&
      !after.isFunction &&
      (after.pos === 'noun' ||
        (after.tags.has('PresentTense') && /s$/.test(after.normal) && lookup(after.lemma, 'n') !== null));
    const needs: 'a' | 'v' | null =
      lookup(target.lemma, 'a') !== null && (lookup(target.lemma, 'n') === null || describesNext)
        ? 'a'
        : verbSlot
          ? 'v'
          : null;
    const fitsForm = (word: Token) => needs === null || lookup(word.lemma, needs) !== null;
    for (const candidate of ordered) {
      const lemma = candidate.token.lemma;
      // No word from the same concept family, and none the sentence's own paragraph uses: each must be wrong.
      if (
        !takesArticle(candidate.token.text) ||
        !fitsForm(candidate.token) ||
        seen.has(lemma) ||
        related.has(lemma) ||
        nearNeighbour(target, candidate.token) ||
        fitsSlot(candidate.token) ||
        sentence.content.has(lemma) ||
        analysis.paragraphs[sentence.paragraphIndex]!.content.has(lemma) ||
        interchangeableTerms(lemma, target.lemma)
      )
        continue;
      seen.add(lemma);
      distractors.push(bankForm(candidate.token));
      if (distractors.length === 3) break;
    }
    const text = withoutStrayQuotes(sentence.text.replace(pattern, (_, before: string) => `${before}{{1}}`));
    const key = bankForm(target);
    const wordBank = [key, ...distractors].sort((a, b) => a.localeCompare(b));
    drafts.push({
      lemma: target.lemma,
      template: 'cloze',
      anchor: sentence.id,
      quality: 0.4 + Math.min(0.3, candidates[0]!.score / 10),
      question: {
        ...draftBase(analysis, {
          id,
          evidence: [sentence.id],
          skill: rarity(target.lemma, target.pos) >= 0.5 ? 'vocabulary' : skillOf(sentence),
          difficulty: words(sentence.text) > 25 ? 2 : 1,
          explanation: `Paragraph ${sentence.paragraphNumber} reads: ${quote(sentence.text)}`,
        }),
        type: 'cloze',
        prompt: `Complete this sentence from paragraph ${sentence.paragraphNumber} with a word from the word bank.`,
        text,
        wordBank,
        answer: { blanks: [{ accepted: [key] }] },
      },
    });
  }
  // "terrorists" blanked in seven sentences is one question seven times: the best few of each
  // word, and a second only with another word bank.
  const banksOf = new Map<string, string[][]>();
  const kept = new Set(
    drafts
      .map((draft, index) => ({ draft, index }))
      .sort((a, b) => b.draft.quality - a.draft.quality || a.index - b.index)
      .filter(({ draft }) => {
        const bank = draft.question.type === 'cloze' ? (draft.question.wordBank ?? []) : [];
        // A bank short of wrong words fails validation: it must not take the place of a full one.
        if (bank.length < 4) return true;
        const earlier = banksOf.get(draft.lemma) ?? [];
        // A second blank on the word is a new question only with other wrong words beside it.
        const repeats = earlier.some((other) => bank.filter((w) => other.includes(w)).length > 2);
        if (repeats || earlier.length >= BLANKS_PER_WORD) return false;
        banksOf.set(draft.lemma, [...earlier, bank]);
        return true;
      })
      .map(({ draft }) => draft),
  );
  return drafts.filter((d) => kept.has(d)).map(({ lemma: _lemma, ...draft }) => draft);
}
