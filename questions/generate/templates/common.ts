import { isLoneSubordinateClause } from '../../language/grammar';
import { opensUnknownName, type Token, tokenize } from '../../language/tokens';
import type { ChoiceOption, Question, Skill } from '../../schema';
import type { ReadingAnalysis, SentenceAnalysis } from '../analyse';
import { isFiniteVerb } from '../clauses';
import { conceptsFor, lensCueLemmas, lensFor } from '../concepts';
import { seededShuffle } from '../deterministic';
import { clashWithKey } from '../entail';
import { copiedRun } from '../validate';

export type TemplateName =
  | 'main-idea'
  | 'argument-order'
  | 'true-false'
  | 'cloze'
  | 'why'
  | 'select-evidence'
  | 'claim-evidence-reasoning'
  | 'vocabulary'
  | 'vocabulary-matching'
  | 'stated-fact'
  | 'how-many'
  | 'actor-statements'
  | 'why-choice'
  | 'cause-reversal'
  | 'recommendation'
  | 'intent'
  | 'limits'
  | 'counter-argument'
  | 'risk'
  | 'theory-lens'
  | 'concept'
  | 'agent';

/** A question a template wrote, before validation. */
export type Draft = {
  question: Question;
  template: TemplateName;
  /** The sentence or paragraph it was written from. */
  anchor: string;
  /** Template-specific prior for ranking, 0 to 1. */
  quality: number;
};

/** A generated question's id: the reading's slug, then the template's own id for it. */
export const generatedQuestionId = (analysis: ReadingAnalysis, id: string) =>
  `${analysis.readingSlug}-gen-${id}`.toLowerCase().replace(/[^a-z0-9.-]+/g, '-');

export function draftBase(
  analysis: ReadingAnalysis,
  input: { id: string; evidence: string[]; skill: Skill; difficulty: 1 | 2 | 3; explanation: string },
) {
  const evidence = input.evidence.flatMap((id) => analysis.sentenceById.get(id) ?? []);
  const lemmas = evidence.flatMap((s) => [...s.content]);
  return {
    id: generatedQuestionId(analysis, input.id),
    readingSlug: analysis.readingSlug,
    explanation: input.explanation,
    evidence: input.evidence,
    skill: input.skill,
    concepts: conceptsFor(lemmas),
    lens: lensFor(evidence.flatMap((s) => lensCueLemmas(s.tokens))),
    difficulty: input.difficulty,
    source: 'generated' as const,
    status: 'draft' as const,
  };
}

/**
 * The distractors, in the order given, that are fair beside the key: none the key turned around,
 * restated, implied or implying it (`clashWithKey`, the check the validator makes too), none
 * clashing with one already taken; at most `count`.
 */
export function fairDistractors(
  key: string,
  candidates: string[],
  count = 3,
  { reasons = false }: { reasons?: boolean } = {},
): string[] {
  const taken: string[] = [];
  for (const candidate of candidates) {
    if (taken.length === count) break;
    // "Once we have made the hard choices" says nothing alone; answers to a "why" may open on
    // "because" or "so that".
    if (!reasons && isLoneSubordinateClause(candidate)) continue;
    const lower = candidate.toLowerCase();
    if (lower === key.toLowerCase() || taken.some((t) => t.toLowerCase() === lower)) continue;
    if (clashWithKey(key, candidate) || taken.some((t) => clashWithKey(t, candidate))) continue;
    taken.push(candidate);
  }
  return taken;
}

const OPTION_IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

/** Options in an order fixed by the question id, labelled a, b, c…; returns the key's label. */
export function shuffledOptions(key: string, distractors: string[], seed: string) {
  const texts = seededShuffle([key, ...distractors], seed);
  const options: ChoiceOption[] = texts.map((text, i) => ({ id: OPTION_IDS[i]!, text: capitalise(text) }));
  return { options, keyId: OPTION_IDS[texts.indexOf(key)]! };
}

export function labelled(texts: string[], seed: string) {
  const shuffled = seededShuffle(texts, seed);
  return {
    items: shuffled.map((text, i) => ({ id: OPTION_IDS[i]!, text: capitalise(text) })),
    order: shuffled,
  };
}

export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Lower-cases a sentence's first letter to continue another sentence, unless it starts with a name. */
export function lowerFirst(text: string, analysis: ReadingAnalysis): string {
  const first =
    text
      .split(/\s+/)[0]
      ?.toLowerCase()
      .replace(/[^\p{L}]/gu, '') ?? '';
  // "EPA will spend …", "NATO is …": an acronym keeps its capitals.
  if (
    analysis.lexicon.get(first)?.proper ||
    /^(I|Mr|Mrs|Ms|Dr)\b/.test(text) ||
    /^\p{Lu}{2,}\b/u.test(text) ||
    opensUnknownName(text)
  )
    return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** A sentence's text without a quotation mark whose other half lies in another sentence. */
export function withoutStrayQuotes(text: string): string {
  const straight = (text.match(/"/g) ?? []).length;
  const opening = (text.match(/“/g) ?? []).length;
  const closing = (text.match(/”/g) ?? []).length;
  let balanced = straight % 2 === 1 ? text.replace(/"/g, '') : text;
  if (opening !== closing) balanced = balanced.replace(/[“”]/g, '');
  return balanced;
}

/** "the speaker says", "the author writes", "Burns writes": how the reading's words reached us. */
export const quotesVerb = (authorName: string) => (authorName === 'the speaker' ? 'says' : 'writes');

export const quote = (text: string) => `“${withoutStrayQuotes(text.replace(/^["“]|["”]$/g, ''))}”`;

export const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** Shared content words over the smaller set: 1 when one says nothing the other does not. */
export function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const lemma of a) if (b.has(lemma)) shared++;
  return shared / Math.min(a.size, b.size);
}

export function sharedCount(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const lemma of a) if (b.has(lemma)) shared++;
  return shared;
}

/** A sentence as a self-standing statement: resolved, without a final full stop. */
export function statementOf(sentence: SentenceAnalysis): string | null {
  return sentence.resolved ? sentence.resolved.replace(/[.!]+["”’]?$/, '') : null;
}

/** Candidates ordered by distance from an index, then by a hash of the seed: near first, fixed order. */
export function nearestFirst<T>(items: T[], indexOf: (item: T) => number, from: number, seed: string): T[] {
  const shuffled = seededShuffle(items, seed);
  return shuffled.sort((a, b) => Math.abs(indexOf(a) - from) - Math.abs(indexOf(b) - from));
}

const BOUNDARY =
  /^(of|in|on|at|with|by|from|for|to|through|over|about|and|or|but|that|which|who|while|after|before|since|because|as)$/i;

/**
 * A statement short enough not to copy ten words of the text in a row: cut at the last phrase
 * boundary (a comma, a preposition, a conjunction) before the copied run ends. Null when what
 * is left is too short to say anything.
 */
/** "Of" is left out: "part and parcel of", "the end of" need what follows. */
const PREPOSITION =
  /^(in|on|at|with|by|from|for|through|over|about|against|among|under|within|during|across|toward|towards|after|before)$/i;

/** Nouns that a verb takes bare in an idiom whose meaning lies in the phrase after it ("give rise to"). */
const LIGHT_VERB_NOUNS = new Set(
  'room way rise care use advantage attention part place account note hold charge exception aim heed notice stock track sight effect issue'.split(
    ' ',
  ),
);

/**
 * Nouns that say nothing without what they are against, for, toward or with: "our fight", "the
 * foundation", "our cooperation"; and the means a thing is done by ("an indigenous vehicle [for
 * channelling its assistance]"), which names no purpose of its own.
 */
const NOUNS_WANTING_COMPLEMENT = new Set(
  'fight fights struggle struggles battle battles war wars campaign campaigns crusade offensive offensives assault assaults crackdown effort efforts search quest foundation foundations groundwork basis cooperation partnership commitment commitments dedication devotion vehicle vehicles instrument instruments mechanism mechanisms channel channels conduit conduits avenue avenues means'.split(
    ' ',
  ),
);

/** Nouns that say little without the "in …" after them. */
const NOUNS_WANTING_FIELD = new Set(
  'start beginning progress headway strides advance advances gains role part lead share success'.split(' '),
);

/**
 * "regain the public's faith by requiring limited financial funds [from public funds for election
 * campaigns]": a cut inside a "by …ing" phrase keeps how something is done but not what, and the
 * means left reads as something else. Cut before "by" instead.
 */
function insideMeans(parts: readonly string[], cut: number): boolean {
  for (let j = cut - 1; j >= 0; j--) {
    if (/^by$/i.test(parts[j]!)) return /ing$/i.test(parts[j + 1] ?? '') && j + 1 < cut;
    if (PREPOSITION.test(parts[j]!) || /[,;:]$/.test(parts[j]!)) return false;
  }
  return false;
}

export function withoutLongCopy(
  text: string,
  analysis: ReadingAnalysis,
  minimumWords = 5,
  /**
   * Cut only before a preposition, where what follows is an optional phrase (the default): a cut
   * before "that" or "and" can leave a clause that says something else.
   */
  onlyBeforePrepositions = true,
): string | null {
  let current = text.replace(/[.!?]+$/, '').trim();
  for (let guard = 0; guard < 8 && copiedRun(current, analysis); guard++) {
    const parts = current.split(/\s+/);
    let cut = -1;
    for (let i = parts.length - 1; i >= minimumWords; i--) {
      const boundary =
        (onlyBeforePrepositions
          ? PREPOSITION.test(parts[i]!)
          : BOUNDARY.test(parts[i]!) || /,$/.test(parts[i - 1]!)) &&
        // "the culture [in which facts are manipulated]": a relative clause says which one is meant.
        !/^(which|whom|whose)$/i.test(parts[i + 1] ?? '') &&
        !insideMeans(parts, i) &&
        // "with every nation [in the free world]": the phrase limits "every", and without it the
        // statement claims more than the text; nor is "every nation" itself cut away.
        !parts.slice(Math.max(0, i - 3), i + 2).some((w) => /^(every|all|each|any|no)$/i.test(w));
      if (
        boundary &&
        // Never right after a verb or a relative pronoun: "the nations that are" is cut in half.
        !/^(the|a|an|of|to|and|or|that|which|who|his|her|their|our|its|is|are|was|were|be|been|being|am|has|have|had|do|does|did|will|would|shall|should|can|could|may|might|must)$/i.test(
          parts[i - 1]!,
        )
      ) {
        cut = i;
        break;
      }
    }
    if (cut === -1) return null;
    current = parts
      .slice(0, cut)
      .join(' ')
      .replace(/[,;:—–-]+$/, '');
  }
  if (current.split(/\s+/).length < minimumWords || copiedRun(current, analysis)) return null;
  // "We have more men and women [at work than ever before]": a comparison cut from its "than".
  if (/\b(more|less|fewer|\w+er)\b/i.test(current) && /\bthan\b/i.test(text) && !/\bthan\b/i.test(current))
    return null;
  // A cut must leave a finished phrase: "we shall not count upon them to assume" or "good jobs do
  // not begin" has lost what the verb needed. Only a noun (or a number) may end a cut text.
  if (current !== text.replace(/[.!?]+$/, '').trim()) {
    // Tagged in the whole sentence: "our economy calls [for action]" ends on a verb, which the
    // cut text alone reads as a plural noun.
    const kept = tokenize(current).filter((t) => t.written);
    const whole = tokenize(text).filter((t) => t.written);
    const last = whole[kept.length - 1];
    if (!last || (last.pos !== 'noun' && last.pos !== 'number') || last.tags.has('Pronoun')) return null;
    // "would give room [for delicate questions …]", "make way [for …]": a verb and a bare noun
    // that say nothing without the phrase after them.
    if (LIGHT_VERB_NOUNS.has(last.normal) && whole[kept.length - 2]?.tags.has('Verb')) return null;
    // "we must redouble our fight [against the persistent inflation …]", "we are building the
    // foundation [for truly global cooperation]": nothing said without what it is against or for.
    if (
      NOUNS_WANTING_COMPLEMENT.has(last.normal) &&
      /^(against|for|on|over|to|toward|towards|with)$/.test(whole[kept.length]?.normal ?? '')
    )
      return null;
    // "we have made a good start [in providing housing]", "great progress in the last few years
    // [in increasing …]": a start or progress is only news with what it is in.
    if (
      whole[kept.length]?.normal === 'in' &&
      (NOUNS_WANTING_FIELD.has(last.normal) ||
        (whole[kept.length + 1]?.tags.has('Gerund') &&
          kept.slice(-8).some((t) => t.pos === 'noun' && NOUNS_WANTING_FIELD.has(t.normal))))
    )
      return null;
    if (cutClauseVerb(kept, whole) || cutList(kept, whole)) return null;
    // "getting runaway spending [under control]", "put the budget [on a sound footing]": after
    // "get", "put", "keep" or "bring" and its object, the phrase says where the object ends up.
    const placing = kept.findLastIndex(
      (t) => /^(get|put|keep|bring|place|set)$/.test(t.lemma) && t.tags.has('Verb'),
    );
    if (placing !== -1 && kept.length - placing <= 5) return null;
    // "we advance what in the final analysis government [in America is all about]": a "what"
    // clause cut before its verb says nothing.
    const wh = kept.findLastIndex((t) => /^(what|how|why|where|whether)$/.test(t.normal));
    if (wh !== -1 && !kept.slice(wh + 1).some(isFiniteVerb)) return null;
    // "The case of the treaty of peace [with Britain adds great weight …]": cut inside the
    // subject, before its verb, the text says nothing.
    if (whole.some(isFiniteVerb) && !whole.slice(0, kept.length).some(isFiniteVerb)) return null;
  }
  return current;
}

const COORDINATOR = /^(and|but|or|yet|nor)$/;

const isVerbToken = (t: Token) =>
  t.pos === 'verb' || t.tags.has('Copula') || t.tags.has('Auxiliary') || t.tags.has('Modal');

/**
 * Whether a cut stopped inside a list: "Americans want great schools for their children, safe
 * neighborhoods [for their families, and good jobs for themselves]" keeps two members of three
 * and reads as a fragment. The kept text ends on a member after a comma (no verb of its own) and
 * what was dropped still joins a member with "and" or "or".
 */
function cutList(kept: Token[], all: Token[]): boolean {
  let lastComma = -1;
  for (let i = kept.length - 2; i >= 0; i--) {
    if (/,/.test(kept[i]!.post)) {
      lastComma = i;
      break;
    }
  }
  if (lastComma === -1 || kept.slice(lastComma + 1).some(isVerbToken)) return false;
  const dropped = all.slice(kept.length);
  return dropped.some((t, k) => /^(and|or)$/.test(t.normal) && k > 0 && /,/.test(dropped[k - 1]!.post));
}

/**
 * Whether a cut took the verb of the last clause it kept: "Technology is almost magical, and
 * ambition [for a better life is now universal]" leaves a subject with nothing said of it. A
 * clause is what follows a comma or semicolon and a coordinator.
 */
function cutClauseVerb(kept: Token[], all: Token[]): boolean {
  let opening = -1;
  for (let i = kept.length - 1; i > 0; i--) {
    if (COORDINATOR.test(kept[i]!.normal) && /[,;]/.test(kept[i - 1]!.post)) {
      opening = i;
      break;
    }
  }
  if (opening === -1) return false;
  return !kept.slice(opening + 1).some(isVerbToken) && all.slice(opening + 1).some(isVerbToken);
}

/**
 * Whether two sentences open on the same two words, the mark of a rhetorical list. A fronted
 * conjunction or adverb ("And we will …", "Together, we will …") is not part of the opening.
 */
export function parallelOpening(a: SentenceAnalysis, b: SentenceAnalysis): boolean {
  const opening = (s: SentenceAnalysis) => {
    const first = s.tokens[0];
    const fronted = first && (/^(and|but|so|or|yet|now)$/.test(first.normal) || /,/.test(first.post));
    const words = s.tokens.slice(fronted ? 1 : 0, fronted ? 3 : 2);
    return words.length === 2 ? words.map((t) => t.normal).join(' ') : null;
  };
  const opensA = opening(a);
  return opensA !== null && opensA === opening(b);
}
