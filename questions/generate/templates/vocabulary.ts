import { cosine, frequencyRank, wordVector } from '../../grade/vectors';
import { isGrammatical } from '../../language/grammar';
import { contentLemmas, isContent, type Token } from '../../language/tokens';
import { senseByGlossOverlap, senseInContext } from '../../language/word-sense';
import {
  coordinateSenses,
  definitionOf,
  denotesPeople,
  isInstance,
  lookup,
  relationsOf,
  type Synset,
  senses,
  synsetAt,
  taggedFrequency,
  type WordNetPos,
} from '../../language/wordnet';
import type { ReadingAnalysis, SentenceAnalysis } from '../analyse';
import { ARMED_FORCES_WORDS } from '../concepts';
import { seededShuffle } from '../deterministic';
import { danglingReference } from '../references';
import { isNameInReading, muchLonger, wordsOf } from '../validate';
import {
  capitalise,
  type Draft,
  draftBase,
  generatedQuestionId,
  labelled,
  quote,
  quotesVerb,
  shuffledOptions,
} from './common';

const DERIVING_SUFFIXES = /(?:ism|ist|ity|ness|ation|tion|ment|ial|al|ous|ive|ly)$/;

/** A word without "un", "in", "dis" … before at least `rest` letters ("insignificant" → "significant"), or null. */
const withoutNegativePrefix = (word: string, rest: number) =>
  new RegExp(`^(?:un|in|im|il|ir|dis|non)(.{${rest},})$`).exec(word)?.[1] ?? null;

/** An adjective's base of four letters or more: "tribal" → "trib", "forcible" → "forc", "farcical" → "farc". */
const adjectiveBase = (word: string) => /^([a-z]{4,}?)(?:ical|ible|able|al|ic)$/.exec(word)?.[1] ?? null;

/** A word without the suffix that derives it from its stem: "cynicism", "cynical" → "cynic". */
const suffixless = (word: string) => word.replace(DERIVING_SUFFIXES, '');

/**
 * Vocabulary questions: the meaning of a rare word as used in its sentence, with the sense
 * chosen by a simplified Lesk algorithm (the WordNet sense whose gloss shares most words with
 * the paragraph) or, where that finds no clear winner, by word vectors (`senseInContext`). Wrong
 * options: up to two near misses (WordNet senses of the same kind, or an adjective's opposites),
 * then the meanings of the text's other asked words, each with feedback naming its word.
 */

export type VocabularyItem = {
  token: Token;
  sentence: SentenceAnalysis;
  pos: WordNetPos;
  definition: string;
  /**
   * The word has one sense, or the chosen one clearly beat the others on words shared with the
   * paragraph or, failing that, on word vectors in its sentence.
   */
  confident: boolean;
  /**
   * How the sense was chosen: the word's only sense here, the paragraph's words in its gloss, the
   * sentence's word vectors, or none of them clearly (then `confident` is false).
   */
  chosenBy: 'only-sense' | 'gloss-overlap' | 'word-vectors' | 'unclear';
  /** The WordNet sense keyed. */
  synset: Synset;
};

const POS_OF: Partial<Record<Token['pos'], WordNetPos>> = { noun: 'n', verb: 'v', adj: 'a' };

/**
 * WordNet's lexicographer files of nouns for physical things: animals, artifacts, body parts, food,
 * natural objects, plants, substances.
 */
const PHYSICAL_THINGS = new Set([5, 6, 8, 13, 17, 20, 27]);

function vocabularyItem(
  token: Token,
  sentence: SentenceAnalysis,
  context: Set<string>,
  readingWords: ReadingWords,
): VocabularyItem | null {
  const pos = POS_OF[token.pos];
  if (
    !pos ||
    token.tags.has('ProperNoun') ||
    token.tags.has('Hyphenated') ||
    token.lemma.length < 6 ||
    !/^[a-z-]+$/.test(token.lemma)
  )
    return null;
  const entry = lookup(token.lemma, pos);
  // Rare words only: seen at most twice in WordNet's sense-tagged corpus.
  if (!entry || taggedFrequency(token.lemma) > 2) return null;
  // A person or a place is no meaning of a common word ("fields" is not W. C. Fields); a sense
  // WordNet labels with its field ("(law) a gift of personal property by will") only where the
  // paragraph speaks of that field ("our legacy" is no bequest).
  // "fundamental premises": WordNet files the plural "premises" on its own (land and buildings),
  // but it is also the plural of "premise" (a proposition); the singular's senses compete too.
  const singular =
    pos === 'n' && token.normal === token.lemma && /[^s]s$/.test(token.lemma)
      ? [token.lemma.slice(0, -1), token.lemma.replace(/es$/, '')].find(
          (base) => base !== token.lemma && base.length >= 4 && lookup(base, 'n') !== null,
        )
      : undefined;
  // "in shambles", "the arms race": a plural WordNet lists as a noun of its own (a mess, weapons)
  // is read in its own senses too, not only in its singular's (a shuffling walk, limbs).
  const plural =
    pos === 'n' && token.normal !== token.lemma && lookup(token.normal, 'n') ? token.normal : undefined;
  const candidates = [
    ...(plural ? senses(plural, pos, 6) : []),
    ...senses(token.lemma, pos, 6),
    ...(singular ? senses(singular, pos, 6) : []),
  ].filter(
    (synset) =>
      !isInstance(synset) &&
      fieldIsInContext(synset.gloss, context) &&
      topicIsInReading(synset, readingWords) &&
      particularsAreInContext(definitionOf(synset), context),
  );
  if (candidates.length === 0) return null;
  const overlap = senseByGlossOverlap(token.lemma, candidates, context);
  // Where the paragraph shares too few words with any gloss, the sentence's word vectors may
  // still single a sense out.
  const forms = new Set([token.lemma, token.normal, ...(singular ? [singular] : [])]);
  const byVectors = overlap.clear
    ? null
    : senseInContext(
        token.lemma,
        candidates,
        sentence.tokens.map((t) => t.normal),
        (word) => forms.has(word),
      );
  const best = candidates[byVectors?.clear ? byVectors.best : overlap.best]!;
  const confident = overlap.clear || Boolean(byVectors?.clear);
  const chosenBy =
    candidates.length === 1
      ? 'only-sense'
      : overlap.clear
        ? 'gloss-overlap'
        : byVectors?.clear
          ? 'word-vectors'
          : 'unclear';
  // A physical thing is no word to teach from an essay: named literally it is everyday ("ashtray",
  // "helicopter", "porcelain"), and used as a figure its literal sense is the wrong key ("the
  // crucible of war" is no vessel for melting metal, "the edifice of character" no building).
  // Vocabulary worth a question names thought, action, quality and relation.
  if (pos === 'n' && PHYSICAL_THINGS.has(best.lexFile)) return null;
  const definition = definitionOf(best);
  if (definition.split(/\s+/).length < 3 || new RegExp(`\\b${token.lemma}`, 'i').test(definition))
    return null;
  // "That you have the financial means for": a gloss that does not read as a phrase would spoil
  // each item it stands in, key or distractor. Nor is a sexual sense asked, or offered as a wrong
  // meaning of another word ("fetishes", keyed in that sense in an op-ed on obsessions).
  if (!isGrammatical(definition, 'phrase') || UNFIT_FOR_CLASS.test(definition)) return null;
  // A definition that names the word's own stem gives the answer away by its form: "disunity" is
  // "lack of unity", "deterrent" "something that deters".
  // "subordination" is "the state of being subordinate": a word that shares most of its letters
  // with the lemma, from the start, is its stem in another form.
  // "cynicism" is "a cynical feeling": the same stem under another suffix.
  // "abolition" is "the act of abolishing …": the gloss word starts with the lemma's stem.
  const lemmaStem = suffixless(token.lemma);
  // "inadequacy" is "lack of an adequate quantity", "electrification" "the act of providing
  // electricity", "reconnaissance" "the act of reconnoitring": the stem after a negative prefix,
  // or six letters in common from the start.
  const unprefixed = withoutNegativePrefix(token.lemma, 5) ?? token.lemma;
  const sharesStem = (w: string) => {
    for (const form of new Set([token.lemma, unprefixed])) {
      let common = 0;
      while (common < w.length && w[common] === form[common]) common++;
      if (common >= 6) return true;
    }
    if (lemmaStem.length >= 5 && lemmaStem !== token.lemma && w.startsWith(lemmaStem)) return true;
    const stem = suffixless(w);
    if (stem.length >= 4 && stem === lemmaStem) return true;
    // "worrisome" is "causing distress or worry", "merciful" "showing mercy": the word's base with
    // its final "y" turned "i" before a suffix (not "partisan", from "party" long ago).
    if (
      w.endsWith('y') &&
      new RegExp(`^${w.slice(0, -1)}i(?:some|ful|less|ness|ly|ous|ment|able|er|est)$`).test(token.lemma)
    )
      return true;
    // "tribal" is "relating to a tribe", "forcible" "done by force", "farcical" "resembling farce":
    // an adjective's base is its noun without the final "e".
    const base = adjectiveBase(token.lemma);
    return base !== null && w.replace(/e$/, '') === base;
  };
  if (
    (definition.toLowerCase().match(/[a-z]{4,}/g) ?? []).some((w) => token.lemma.includes(w) || sharesStem(w))
  )
    return null;
  if (!forTheSamePeople(definition, sentence.tokens, sentence.tokens.indexOf(token))) return null;
  return {
    token,
    sentence,
    pos,
    definition,
    confident,
    chosenBy,
    synset: best,
  };
}

/**
 * Whether a word is a verb WordNet knows written with an ending: "reporting", "nagging" (nag),
 * "making" (make) with "ing"; "assumed", "stopped" (stop), "tried" (try) with "ed".
 */
function isVerbForm(word: string, ending: 'ing' | 'ed'): boolean {
  const stem = new RegExp(`^(.+)${ending}$`).exec(word)?.[1];
  return stem !== undefined && hasBaseIn(stem, 'v', ending === 'ed');
}

/**
 * Whether what an ending leaves of a word is, as written or mended, a word of that part of speech
 * in WordNet: "stopp" (stop), "mak" (make), with `fromY` "tri" (try), "happi" (happy).
 */
function hasBaseIn(stem: string, pos: WordNetPos, fromY: boolean): boolean {
  return basesOf(stem, { fromY }).some((base) => lookup(base, pos) !== null);
}

/**
 * The bases an ending may have left a stem of: as written, with its "e" back ("mak", "purchas"),
 * a doubled consonant undone ("stopp"), with `fromY` a "y" for its "i" ("tri", "happi"), with
 * `ate` that ending back ("nomin" of "nominee").
 */
function basesOf(stem: string, { fromY = false, ate = false } = {}): string[] {
  const bases = [stem, `${stem}e`];
  if (/([b-df-hj-np-tv-z])\1$/.test(stem)) bases.push(stem.slice(0, -1));
  if (fromY && stem.endsWith('i')) bases.push(`${stem.slice(0, -1)}y`);
  if (ate) bases.push(`${stem}ate`);
  return bases;
}

/**
 * A definition that names particulars, a number or a name ("a legal right guaranteed by the 15th
 * amendment to the US Constitution"), is the sense of one history: it is meant only where the
 * paragraph names them too ("equality of suffrage between the members" is a vote, no amendment).
 */
function particularsAreInContext(definition: string, context: Set<string>): boolean {
  // Numbers and names of two words ("US Constitution", "Christian Church"); a single capital is
  // often a general thing ("the Earth", "GDP").
  const particulars = [...definition.matchAll(/\b\d+\w*|\b\p{Lu}\p{L}*(?:\s+\p{Lu}\p{L}*)+/gu)].flatMap((m) =>
    m[0].toLowerCase().split(/\s+/),
  );
  return particulars.every((p) => context.has(p));
}

/** Words for anyone at all, which name no particular people. */
const ANYONE = new Set(['person', 'someone', 'somebody', 'people', 'individual', 'anyone', 'one', 'others']);

/**
 * "A nursery of seamen" where WordNet's only nursery is "a child's room for a baby": a thing said
 * to be of or for some people ("of seamen") whose sense is made for other people (a baby) is
 * used as a figure, in a sense WordNet does not have.
 */
function forTheSamePeople(definition: string, tokens: Token[], i: number): boolean {
  const link = tokens[i + 1];
  const whom = tokens.slice(i + 2, i + 4).find((t) => t.pos === 'noun');
  if (!link || !/^(of|for)$/.test(link.normal) || !whom || !denotesPeople(whom.lemma)) return true;
  const named = (definition.toLowerCase().match(/[a-z]{3,}/g) ?? []).filter(
    (w) => !ANYONE.has(w) && denotesPeople(w),
  );
  return named.length === 0 || named.includes(whom.lemma);
}

/**
 * "Building a sounder economy": an adjective's comparative between an article and its noun, which
 * the tagger reads as a noun of its own (WordNet's "sounder" is a device for making soundings).
 */
function comparativeReadAsNoun(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]!;
  const next = tokens[i + 1];
  if (token.pos !== 'noun' || !/^(a|an|the)$/.test(tokens[i - 1]?.normal ?? '') || !next) return false;
  if (/[,;:.!?]/.test(token.post) || !(next.pos === 'noun' || next.tags.has('Gerund'))) return false;
  const stem = /^([a-z]+?)(?:er)$/.exec(token.normal)?.[1];
  return stem !== undefined && hasBaseIn(stem, 'a', true);
}

/**
 * An adjective by the tagger that is its phrase's head noun: after a determiner (and any
 * adjectives or numbers) and right before the clause's verb ("the second expedient is", "this
 * expedient will").
 */
function headsNounPhrase(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]!;
  const next = tokens[i + 1];
  if (token.pos !== 'adj' || /[,;:.!?]/.test(token.post) || !next) return false;
  const verbNext =
    next.tags.has('Copula') ||
    next.tags.has('Modal') ||
    (next.tags.has('Auxiliary') && !next.tags.has('Noun')) ||
    (next.pos === 'verb' &&
      (next.tags.has('PastTense') || next.tags.has('PresentTense')) &&
      !next.tags.has('Infinitive'));
  if (!verbNext) return false;
  let k = i - 1;
  while (
    k >= 0 &&
    (tokens[k]!.pos === 'adj' || tokens[k]!.pos === 'number') &&
    !tokens[k]!.post.includes(',')
  )
    k--;
  return tokens[k] !== undefined && (tokens[k]!.tags.has('Determiner') || tokens[k]!.tags.has('Possessive'));
}

/** Verbs that link a subject to its description: "to be sanguine", "seemed content". */
const LINKING_VERB =
  /^(be|is|are|was|were|been|being|am|seem|seems|seemed|become|becomes|became|remain|remains|remained|appear|appears|appeared|feel|feels|felt)$/;

/** Degree words between a linking verb and its adjective: "too sanguine", "so ardent". */
const DEGREE_WORD = /^(too|so|very|most|more|less|least|quite|rather|as|not|never|equally|sufficiently)$/;

/** Right after a word, these close its phrase: a preposition, "to", a conjunction or a stop. */
const closesPhrase = (token: Token, next: Token | undefined) =>
  /[,;:.!?—–]/.test(token.post) ||
  next === undefined ||
  next.tags.has('Preposition') ||
  /^(to|and|or|but|than|that)$/.test(next.normal);

/**
 * "not to be sanguine in expecting": a word the tagger reads as a noun, after a linking verb
 * (and a degree word or two) with no determiner, and closing its phrase, describes the subject:
 * an adjective, where WordNet has one ("sanguine" the colour is no reading of it).
 */
function describesAfterLinkingVerb(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]!;
  if (token.pos !== 'noun' || token.normal !== token.lemma || !closesPhrase(token, tokens[i + 1]))
    return false;
  let k = i - 1;
  while (k >= 0 && DEGREE_WORD.test(tokens[k]!.normal) && !tokens[k]!.post.trim()) k--;
  return k >= 0 && LINKING_VERB.test(tokens[k]!.normal) && !/[,;:.!?]/.test(tokens[k]!.post);
}

/**
 * "the moral imperative to do justice", "such a desperate expedient, might …": a word the tagger
 * reads as an adjective right after a determiner (or a determiner and a describing word), with a
 * preposition, "to" or a stop after it, has nothing to describe: it is the phrase's noun. Not
 * "a transient and fleeting brilliancy", "this volatile, changing world": one of a series.
 */
function nounAfterDeterminer(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]!;
  const next = tokens[i + 1];
  const series = next !== undefined && (next.pos === 'adj' || next.pos === 'verb' || next.pos === 'noun');
  const ends =
    /[;:.!?—–]/.test(token.post) ||
    (token.post.includes(',') && !series) ||
    (!token.post.trim() && (next === undefined || next.tags.has('Preposition') || next.normal === 'to'));
  if (token.pos !== 'adj' || !ends) return false;
  const determiner = (t: Token | undefined) =>
    t?.tags.has('Determiner') === true || t?.tags.has('Possessive') === true;
  const describes = (t: Token | undefined) =>
    t !== undefined &&
    !/[,;:.!?]/.test(t.post) &&
    (t.pos === 'adj' ||
      (t.pos === 'noun' &&
        (lookup(t.lemma, 'a')?.taggedSenses ?? 0) > (lookup(t.lemma, 'n')?.taggedSenses ?? 0)));
  return determiner(tokens[i - 1]) || (describes(tokens[i - 1]) && determiner(tokens[i - 2]));
}

/**
 * A word the tagger reads as a noun but that modifies the noun after it as an adjective does:
 * joined by "and" or "or" to an adjective ("deterrent and defensive purposes", "medical and
 * dental officers"), or before an adjective and its noun ("and deterrent military power"), where
 * a noun would come after the adjective, or right before its noun.
 */
function modifiesLikeAdjective(tokens: readonly Token[], i: number): boolean {
  const word = tokens[i]!;
  if (word.pos !== 'noun' || /[,;:.!?]/.test(word.post)) return false;
  const [next, second, third] = [tokens[i + 1], tokens[i + 2], tokens[i + 3]];
  const [before, twoBefore] = [tokens[i - 1], tokens[i - 2]];
  const joins = (t: Token | undefined) => /^(and|or)$/.test(t?.normal ?? '');
  // An adjective by WordNet, not by the tagger alone (it tags "against" in "on the offensive
  // against terror" as one), or a word tagged a noun that WordNet knows mostly as an adjective
  // ("deterrent military power").
  const adjective = (t: Token | undefined) =>
    t !== undefined &&
    (t.pos === 'adj' || t.pos === 'noun') &&
    (lookup(t.lemma, 'a')?.taggedSenses ?? -1) >
      (t.pos === 'adj' ? -1 : (lookup(t.lemma, 'n')?.taggedSenses ?? 0));
  const adjectiveBeforeNoun = (adj: Token | undefined, noun: Token | undefined) =>
    adjective(adj) && !/[,;:.!?]/.test(adj!.post) && noun?.pos === 'noun';
  // "an authoritarian leader", "authoritarian powers": a word that WordNet's tagged corpus uses as
  // an adjective at least as often as as a noun, not plural, right before its noun, modifies it
  // (the tagger, finding a noun sense, reads two nouns). Not "capital investment" or "gold
  // reserves": nouns first, whose adjective senses ("punishable by death") are not meant.
  const asAdjectiveMostly =
    (lookup(word.lemma, 'a')?.taggedSenses ?? 0) >= 1 &&
    (lookup(word.lemma, 'a')?.taggedSenses ?? 0) >= (lookup(word.lemma, 'n')?.taggedSenses ?? 0);
  const beforeItsNoun =
    next?.pos === 'noun' &&
    word.normal === word.lemma &&
    !/^(and|or)$/.test(before?.normal ?? '') &&
    asAdjectiveMostly;
  return (
    beforeItsNoun ||
    (joins(next) && adjectiveBeforeNoun(second, third)) ||
    (joins(before) && adjective(twoBefore) && next?.pos === 'noun') ||
    (/^(and|or|a|an|the|its|their|our|his|her|this|that|these|those)$/.test(before?.normal ?? '') &&
      adjectiveBeforeNoun(next, second))
  );
}

/**
 * "mankind" (man + kind), "homeland" (home + land), "insignificant" (not significant): a word
 * written as two everyday words, or as "not" and one, is read off its parts: it tests nothing.
 */
function isTransparentCompound(word: string, pos: WordNetPos): boolean {
  // "insignificant", "disunited", "uncivil": "not" before an everyday word that WordNet gives as
  // its opposite (not "untold", "inroad" or "income").
  const base = withoutNegativePrefix(word, 4);
  const baseRank = base ? frequencyRank(base) : null;
  if (base && baseRank !== null && baseRank <= EVERYDAY_RANK && relationsOf(word, pos).opposites.has(base))
    return true;
  const whole = wordVector(word);
  if (!whole) return false;
  for (let cut = 3; cut <= word.length - 3; cut++) {
    const parts = [word.slice(0, cut), word.slice(cut)] as const;
    if (SUFFIX_WORDS.has(parts[1])) continue;
    // Both parts everyday words, and the whole near each in use: "restrain" is no rest and rain.
    const madeOfParts = parts.every((part) => {
      const rank = frequencyRank(part);
      const vector = wordVector(part);
      return (
        rank !== null && rank <= EVERYDAY_RANK && vector !== null && cosine(whole, vector) >= PART_AFFINITY
      );
    });
    if (madeOfParts) return true;
  }
  return false;
}

/**
 * Endings that make a word from a base without changing what it is about: people who do or are
 * what the base says ("purchaser", "motorist", "nominee"), adjectives and nouns of the base
 * ("weekly", "friendless", "bitterness"). Bauer and Nation's word-family levels 3 and 4 count a
 * reader who knows the base as knowing these forms; more opaque endings ("-ity", "-ation",
 * "-ism": "banality", "escalation") are left to be asked.
 */
const PERSON_ENDING = /^([a-z]{3,}?)(?:er|or|ee|ist|ess|ant|ent|ian)$/;
const PLAIN_ENDING = /^([a-z]{3,}?)(?:ly|able|ible|less|ful|ish|y|ness)$/;
/** WordNet's lexicographer file of nouns for people. */
const NOUN_PERSON = 18;
/**
 * Words a university student knows: English's 10,000 commonest (an educated native speaker knows
 * about twice as many word families).
 */
const FAMILIAR_RANK = 10_000;

/** The commonest rank of a word's inflected forms ("invent" 22,670, "invented" 7,327). */
function familyRank(base: string): number | null {
  const stem = base.replace(/e$/, '');
  const forms = [base, `${base}s`, `${base}es`, `${stem}ed`, `${stem}ing`, base.replace(/y$/, 'ies')];
  const ranks = forms.map(commonestSpellingRank).filter((r): r is number => r !== null);
  return ranks.length > 0 ? Math.min(...ranks) : null;
}

/**
 * "purchaser" (someone who purchases), "motorist", "nominee", "weekly": a word made from a
 * familiar base by an ending that keeps its meaning is read off the base: it tests nothing.
 * People by their ending and a verb or noun WordNet knows; other words only where WordNet links
 * the word to the base it is made of ("weekly" to "week"; not "comely" to "come").
 */
export function isTransparentDerivation(word: string, pos: WordNetPos): boolean {
  const familiar = (base: string) => {
    const rank = familyRank(base);
    return rank !== null && rank <= FAMILIAR_RANK;
  };
  const person = PERSON_ENDING.exec(word)?.[1];
  // "isolationist", "nationalist": a follower of a doctrine WordNet names ("isolationism") is a
  // concept to ask about, not someone who does what the base says.
  const doctrine = word.endsWith('ist') && lookup(`${word.slice(0, -1)}m`, 'n') !== null;
  if (pos === 'n' && person && !doctrine && senses(word, 'n', 1)[0]?.lexFile === NOUN_PERSON) {
    const base = basesOf(person, { ate: true }).find(
      (b) => (lookup(b, 'v') || lookup(b, 'n')) && familiar(b),
    );
    if (base) return true;
  }
  const plain = PLAIN_ENDING.exec(word)?.[1];
  if (!plain) return false;
  const bases = new Set(basesOf(plain, { fromY: true }).filter(familiar));
  if (bases.size === 0) return false;
  return senses(word, pos, 3).some((synset) =>
    synset.pointers.some(
      (p) =>
        (p.symbol === '+' || p.symbol === '\\') &&
        synsetAt(p.offset, p.pos).words.some((w) => bases.has(w.toLowerCase())),
    ),
  );
}

/** Endings that are words too ("host-age", "match-less"): a suffix, not the second half of a compound. */
const SUFFIX_WORDS = new Set(['age', 'able', 'ability', 'less', 'ness', 'ment', 'ship', 'ful', 'ion', 'ate']);
/** How close in use a compound stays to each of its parts: "mankind" to "man" 0.32, "kind" 0.36. */
const PART_AFFINITY = 0.25;

/** A gloss that opens with its field in brackets, "(law) …", needs that field's word nearby. */
function fieldIsInContext(gloss: string, context: Set<string>): boolean {
  const field = /^\((\w+)\)/.exec(gloss.trim())?.[1]?.toLowerCase();
  if (!field) return true;
  const words = FIELD_WORDS[field] ?? [field];
  return words.some((w) => context.has(w));
}

/**
 * A sense WordNet files under a field of knowledge (its topic: "calculus" under mathematics,
 * "inverted" under music, "annual" under botany) is meant only where the reading speaks of that
 * field: "the political calculus" is no branch of mathematics. The field counts as spoken of when
 * the reading has one of its names, the name of the field it belongs to ("drug" for narcotics),
 * or a word WordNet derives from one ("legal" from "law"), in any form; a name of several words
 * by all of them ("Roman law", not "law" alone).
 */
function topicIsInReading(synset: Synset, readingWords: ReadingWords): boolean {
  const topics = synset.pointers.filter((p) => p.symbol === ';c').map((p) => synsetAt(p.offset, p.pos));
  if (topics.length === 0) return true;
  const names = topics.flatMap((topic) => [
    ...topic.words,
    ...topic.pointers
      .filter((p) => p.symbol === '@' || p.symbol === '+')
      .flatMap((p) => synsetAt(p.offset, p.pos).words),
  ]);
  return names.some((name) =>
    name
      .toLowerCase()
      .split(/[\s_-]+/)
      .filter((word) => word.length >= 3)
      .every((word) => speaksOf(readingWords, word)),
  );
}

/** A reading's words (lemmas and forms), whole and by their first six letters. */
type ReadingWords = { whole: ReadonlySet<string>; firstSix: ReadonlySet<string> };

function readingWordsOf(analysis: ReadingAnalysis): ReadingWords {
  const whole = new Set(analysis.sentences.flatMap((s) => s.tokens.flatMap((t) => [t.lemma, t.normal])));
  return { whole, firstSix: new Set([...whole].map((w) => w.slice(0, 6))) };
}

/**
 * Whether the reading holds `word` in some form: a long word by its first six letters
 * ("politics", "political"), a short one whole or with a plain ending ("law", "logical"; not
 * "art" in "artillery").
 */
function speaksOf(readingWords: ReadingWords, word: string): boolean {
  if (word.length >= 6) return readingWords.firstSix.has(word.slice(0, 6));
  return ['', 's', 'al', 'ic', 'ical', 'y'].some((ending) => readingWords.whole.has(`${word}${ending}`));
}

const FIELD_WORDS: Record<string, string[]> = {
  law: ['law', 'legal', 'court', 'judge', 'statute', 'estate', 'heir', 'lawyer', 'contract'],
  medicine: ['medicine', 'medical', 'doctor', 'patient', 'disease', 'hospital', 'health'],
  military: [...ARMED_FORCES_WORDS, 'war', 'force'],
};

/**
 * The gloss of the noun the word makes with the noun after it, when WordNet lists the pair and
 * its gloss does not use the word in the word's own sense ("excise tax", not "gasoline tax").
 */
function compoundGloss(word: Token, next: Token | undefined): string | null {
  // An adjective keeps its own sense ("ballistic missile", "catastrophic illness"). The second word
  // may be tagged a verb ("cry crocodile tears": "tears" read as the verb).
  if (word.pos === 'adj' || !next || (next.pos !== 'noun' && next.pos !== 'verb') || !/^\s*$/.test(word.post))
    return null;
  for (const second of new Set([next.lemma, next.normal])) {
    const [sense] = senses(`${word.lemma} ${second}`, 'n', 1);
    if (!sense) continue;
    const gloss = definitionOf(sense);
    // "a tax on every gallon of gasoline sold": a gloss that uses the word on its own makes the
    // pair mean what its words mean (not so "the greenhouse effect", a pair of its own).
    const glossWords = gloss.toLowerCase().split(/[^a-z'-]+/);
    const after = glossWords.flatMap((w, k) => (w === word.lemma ? [glossWords[k + 1] ?? ''] : []));
    if (after.some((following) => !following || !lookup(`${word.lemma} ${following}`, 'n'))) return null;
    return gloss;
  }
  return null;
}

/** Two glosses share a content word other than the word they define ("tax" in "excise" and "excise tax"). */
function glossesShareAWord(a: string, b: string, word: string): boolean {
  const first = new Set(contentLemmas(a));
  return contentLemmas(b).some((lemma) => lemma !== word && first.has(lemma));
}

/**
 * The rank of a word or of its American spelling, whichever is commoner. The vector table counts
 * mostly American text, where "centres" ranks 7,781 against "centers" 2,598 and "neighbours"
 * 9,008 against 3,345: a British op-ed's everyday words would pass for rare ones.
 */
function commonestSpellingRank(word: string): number | null {
  const american = [
    word.replace(/is(e|es|ed|ing|ation|ations)$/, 'iz$1'),
    word.replace(/our(s|ed|ing|hood|hoods|ite|ites|able)?$/, 'or$1'),
    word.replace(/tre(s)?$/, 'ter$1'),
    word.replace(/ence$/, 'ense'),
    word.replace(/mme(s)?$/, 'm$1'),
    word.replace(/ll(ed|ing|er|ers)$/, 'l$1'),
  ];
  const ranks = [word, ...american].map(frequencyRank).filter((r): r is number => r !== null);
  return ranks.length > 0 ? Math.min(...ranks) : null;
}

/** English's most used words, by rank in the grader's vector table's vocabulary of 341k. */
const EVERYDAY_RANK = 4000;
/** Words every student knows: never asked, however often a text uses them. */
const BASIC_RANK = 1500;

/** One rare word per sentence at most, the rarest first. */
export function vocabularyItems(analysis: ReadingAnalysis): VocabularyItem[] {
  const items: VocabularyItem[] = [];
  const seen = new Set<string>();
  const readingWords = readingWordsOf(analysis);
  for (const paragraph of analysis.paragraphs) {
    const context = new Set<string>();
    for (const sentence of paragraph.sentences) {
      for (const token of sentence.tokens) {
        if (isContent(token)) {
          context.add(token.lemma);
          context.add(token.normal);
        }
      }
    }
    for (const sentence of paragraph.sentences) {
      // "Incredulity.": a sentence of a word or two gives no context to read a meaning in.
      if (sentence.wordCount < 3) continue;
      for (const [i, token] of sentence.tokens.entries()) {
        if (seen.has(token.lemma) || !isContent(token)) continue;
        // Names are not vocabulary: a capital inside a sentence, or anywhere the text writes the word.
        if (
          (i > 0 && /^\p{Lu}/u.test(token.written || token.text)) ||
          isNameInReading(token.normal, analysis)
        )
          continue;
        // "for the oppressed", "the poor": an adjective used as a noun for people has no sense
        // of its own in WordNet, and its adjective sense would be keyed wrongly.
        const next = sentence.tokens[i + 1];
        if (
          sentence.tokens[i - 1]?.normal === 'the' &&
          token.pos !== 'noun' &&
          (next?.pos !== 'noun' || /[,;:.!?]/.test(token.post))
        )
          continue;
        if (comparativeReadAsNoun(sentence.tokens, i)) continue;
        // "Mister Sam Rayburn", "Senator Vandenberg": a title before a name is part of the name.
        if (next?.tags.has('Person') && !token.post.trim()) continue;
        const wordnetPos = POS_OF[token.pos];
        if (
          wordnetPos &&
          (isTransparentCompound(token.lemma, wordnetPos) || isTransparentDerivation(token.lemma, wordnetPos))
        )
          continue;
        // "reporting directly to me", "the saying of prayers": a verb's -ing form, whose noun
        // senses in WordNet ("the news as presented by reporters") are rarely the one meant.
        if (isVerbForm(token.normal, 'ing')) continue;
        // "moral duties which, when assumed, …", "was determined", "is best fitted", "felt
        // constrained to convene": a verb's past participle after an auxiliary, a linking verb or
        // "when" (and any degree word between), where WordNet's
        // adjective senses ("assumed": adopted in order to deceive; "fitted": the right size) are
        // not the one meant; after "has" or "had" an irregular one too ("progress has wrought").
        // Not "had untapped markets", "has untold possibilities": a describing word before its noun;
        // nor the "is" of a possessive ("Iraq's most respected leaders").
        let auxiliaryAt = i - 1;
        while (auxiliaryAt > 0 && DEGREE_BEFORE_PARTICIPLE.test(sentence.tokens[auxiliaryAt]!.normal))
          auxiliaryAt--;
        const auxiliary = sentence.tokens[auxiliaryAt]?.written ? sentence.tokens[auxiliaryAt]!.normal : '';
        if (
          token.pos === 'adj' &&
          (next?.pos !== 'noun' || /[,;:.!?]/.test(token.post)) &&
          (/^(has|have|had|having)$/.test(auxiliary) ||
            (/^(when|if|once|unless|until|though|although|is|are|was|were|be|been|being|feel|feels|felt|seem|seems|seemed|become|becomes|became)$/.test(
              auxiliary,
            ) &&
              isVerbForm(token.normal, 'ed')))
        )
          continue;
        // "additional", "saying": a word among the few thousand most used in English, said once
        // here, is no vocabulary to teach; a word the text keeps using ("sanctions") may be, but
        // not one of the commonest 1,500, however often it comes ("global", "online", "war": blind
        // raters found 6 of 7 such items trivial, the seventh, "terrorism", only fixable).
        const rank = commonestSpellingRank(token.normal);
        const saidOnce = (analysis.sentencesWithLemma.get(token.lemma)?.length ?? 0) < 2;
        if (rank !== null && (rank <= BASIC_RANK || (rank <= EVERYDAY_RANK && saidOnce))) continue;
        // "The second expedient is as impracticable as …": a word the tagger reads as an adjective
        // heads its noun phrase, so its meaning is a noun's ("a means to an end"), not "serving to
        // promote your interest".
        const asNoun =
          headsNounPhrase(sentence.tokens, i) ||
          (nounAfterDeterminer(sentence.tokens, i) && lookup(token.lemma, 'n') !== null);
        if (asNoun && !lookup(token.lemma, 'n')) continue;
        // "for deterrent and defensive purposes": a word the tagger reads as a noun but that
        // modifies the noun after it like an adjective means what the adjective means; so does one
        // that describes its subject after "be".
        const asAdjective =
          !asNoun &&
          (modifiesLikeAdjective(sentence.tokens, i) || describesAfterLinkingVerb(sentence.tokens, i)) &&
          lookup(token.lemma, 'a') !== null;
        // "told to upturn the contents of their bags", "voted to censure the minister": a word
        // between an infinitive's "to" (after a verb or adjective) and its object is a verb,
        // though the tagger reads a noun (a business upturn; censure, the criticism).
        // WordNet without the verb ("upturn" is only a noun there) has no sense to key.
        const twoBefore = sentence.tokens[i - 2];
        const asVerb =
          token.pos === 'noun' &&
          token.normal === token.lemma &&
          sentence.tokens[i - 1]?.normal === 'to' &&
          (twoBefore?.pos === 'verb' || twoBefore?.pos === 'adj') &&
          (next?.tags.has('Determiner') === true || next?.tags.has('Possessive') === true) &&
          !/[,;:.!?]/.test(token.post);
        if (asVerb && !lookup(token.lemma, 'v')) continue;
        // "excise taxes", "greenhouse gases": a pair WordNet lists as one noun is read as that noun's
        // first word, and kept only where a sense of the word shares the pair's meaning.
        const compound = compoundGloss(token, next);
        if (compound !== null && !lookup(token.lemma, 'n')) continue;
        // "an entrenched human rights culture": a participle between a determiner and its noun
        // describes the noun; none of its verb's senses is meant ("entrench": to impinge upon).
        const before = sentence.tokens[i - 1];
        if (
          token.pos === 'verb' &&
          isVerbForm(token.normal, 'ed') &&
          (before?.tags.has('Determiner') === true || before?.tags.has('Possessive') === true) &&
          next?.pos === 'noun' &&
          !/[,;:.!?]/.test(token.post)
        )
          continue;
        const item = vocabularyItem(
          asNoun || compound !== null
            ? { ...token, pos: 'noun' }
            : asAdjective
              ? { ...token, pos: 'adj' }
              : asVerb
                ? { ...token, pos: 'verb' }
                : token,
          sentence,
          context,
          readingWords,
        );
        // "Disagreement among those expected to cooperate": read after its prompt, as the
        // validator reads every option, a gloss that points at no one spoils each item it is in.
        if (
          !item ||
          danglingReference(
            `${vocabularyPrompt(analysis, item).replace(/“[^”]*”/g, '')} ${item.definition}`,
          ) ||
          (compound !== null && !glossesShareAWord(item.definition, compound, token.lemma))
        )
          continue;
        seen.add(token.lemma);
        items.push(item);
        break;
      }
    }
  }
  return items;
}

/**
 * Words between an auxiliary and its participle: "is best fitted", "has not touched". Not "well":
 * "well equipped", "well known" read as the adjectives WordNet defines.
 */
const DEGREE_BEFORE_PARTICIPLE =
  /^(best|better|most|more|so|very|fully|long|already|also|not|never|ever|just|truly|deeply|greatly|wholly|newly|thus)$/;

/** Words that leave a phrase open when a quote stops on them. */
const TRAILING_FUNCTION_WORD =
  /^(a|an|the|of|to|and|or|but|for|in|on|at|by|with|from|into|than|as|that|which|who|whose|their|our|its|his|her|my|your|this|these|those)$/;

/** A word that closes a clause: it ends in a comma, semicolon, colon or dash. */
const CLAUSE_END = /[,;:—–]$|^--?$/;

/**
 * A stretch of the sentence around the word, so the prompt quotes it in context: nine words at
 * most (enough for the sense, no long copy of the text in the prompt), starting and ending at
 * the clause around the word where the window allows, so the quote reads as a phrase rather than
 * a cut ("…Saddam and those around him are accountable." rather than "…entire world, Saddam…").
 */
export function snippet(text: string, word: string): string {
  const WINDOW = 9;
  const parts = text.split(/\s+/);
  if (parts.length <= WINDOW) return text;
  const at = Math.max(
    0,
    // "sabbatical—and": the word may share its part with a dash and the next word.
    parts.findIndex((p) => p.split(/[^\p{L}'’-]+|--?/u).includes(word)),
  );
  // The clause around the word: from just after the clause end before it to its own clause end.
  let clauseStart = 0;
  for (let i = at; i > 0; i--) {
    if (CLAUSE_END.test(parts[i - 1]!)) {
      clauseStart = i;
      break;
    }
  }
  let clauseEnd = parts.length;
  for (let j = at; j < parts.length; j++) {
    if (CLAUSE_END.test(parts[j]!)) {
      clauseEnd = j + 1;
      break;
    }
  }
  // "…street crime, burglaries, murder…": a list item between commas is no context; the words
  // around it are.
  if (clauseEnd - clauseStart < 5) {
    clauseStart = 0;
    clauseEnd = parts.length;
  }
  // The whole clause when it fits, else nine of its words around the word.
  let start = Math.max(clauseStart, Math.min(at - 4, clauseEnd - WINDOW));
  let end = Math.min(clauseEnd, start + WINDOW);
  // Nine words as the copied-run check counts them: "100,000" and "able-bodied" are two each.
  while (end - start > 1 && wordsOf(parts.slice(start, end).join(' ')).length > WINDOW) {
    if (end - 1 > at && (end - 1 - at >= at - start || start === at)) end--;
    else start++;
  }
  const bare = (i: number) => parts[i]?.toLowerCase().replace(/[^a-z]/g, '') ?? '';
  // Nor does it start inside a pair of names: "…Spain are among the principal maritime powers"
  // had cut "Britain and" from its subject. The first name comes in, and as many words go from
  // the end, while the word stays inside.
  const capitalised = (i: number) => /^\p{Lu}/u.test(parts[i] ?? '');
  if (
    start - 2 >= clauseStart &&
    /^(and|or|nor)$/.test(bare(start - 1)) &&
    capitalised(start) &&
    capitalised(start - 2) &&
    !CLAUSE_END.test(parts[start - 2]!) &&
    end - 2 > at
  ) {
    start -= 2;
    end -= 2;
  }
  // A cut quote does not stop on a word that opens a phrase: not "…a growing economy and an
  // expanding…", not "…the sound of…".
  if (end < parts.length) {
    for (let cut = end; ; cut = end) {
      while (end - 1 > at && TRAILING_FUNCTION_WORD.test(bare(end - 1))) end--;
      if (end - 2 > at && /^(a|an|the)$/.test(bare(end - 2)) && /ing$/.test(bare(end - 1))) end -= 2;
      if (end === cut) break;
    }
  }
  const quoted = parts
    .slice(start, end)
    .join(' ')
    .replace(/\s*(?:[,;:—–]|--?)$/, '');
  return `${start > 0 ? '…' : ''}${quoted}${end < parts.length ? '…' : ''}`;
}

/**
 * Words that frame a definition rather than say what it means ("to cause …", "characterized by
 * …", "the act of …", "a person who …").
 */
const DEFINITION_FRAME = new Set([
  'act',
  'action',
  'become',
  'cause',
  'characterize',
  'condition',
  'especially',
  'give',
  'have',
  'kind',
  'make',
  'manner',
  'mark',
  'often',
  'one',
  'person',
  'process',
  'quality',
  'relate',
  'someone',
  'something',
  'state',
  'thing',
  'usually',
  'use',
  'used',
  'way',
]);

/** The content words of a definition, by lemma, without those that frame it. */
export const meaningWords = (definition: string) =>
  contentLemmas(definition).filter((w) => !DEFINITION_FRAME.has(w));

/**
 * Words this near in use may be read as synonyms: "remorse" and "sorrow" 0.72 in the vector table,
 * "custody" and "imprisonment" 0.58, "massacre" and "bloodshed" 0.46; "massacre" and a (gangland)
 * "hit" 0.22.
 */
const NEAR_SYNONYM_COSINE = 0.45;

/** A near miss names a word a student may know: within English's 30,000 most used ("ostiary" is not). */
const NEAR_MISS_RANK = 30_000;

/**
 * Whether a word is commonly used in a sense: one of its first three, and one that WordNet's
 * sense-tagged corpus has seen it in (the first where the corpus has not seen the word).
 */
function knownInSense(word: string, pos: WordNetPos, synset: Synset): boolean {
  const entry = lookup(word, pos);
  if (!entry) return false;
  return entry.offsets.slice(0, Math.max(1, Math.min(3, entry.taggedSenses))).includes(synset.offset);
}

/** Sexual and bodily-function senses, which no vocabulary item asks or offers. */
const UNFIT_FOR_CLASS =
  /\b(?:sexual(?:ly)?|penis|vagina|genital\w*|erection|intercourse|copulat\w*|orgasm|masturbat\w*|prostitut\w*|excrement|feces|faeces|urinat\w*|defecat\w*)\b/i;

type NearMiss = {
  word: string;
  definition: string;
  /** Its definition's words that the shared kind does not account for. */
  meaning: string[];
  /** The highest cosine of its words with the asked word's, in the vector table (0 unknown). */
  nearness: number;
  /** 1 for a sense of the same kind, 2 for one of the kind's kind. */
  distance: number;
  /** An adjective's head: the opposite it is, or is like. */
  cluster: number;
};

/**
 * Meanings a reader who half knows the word might pick: WordNet senses of the same kind but
 * another meaning (a crisis or a hot potato beside a stalemate; "impossible" beside "viable"), so
 * the item asks for the word's meaning rather than which option is a thing at all. Each comes
 * with the words of its definition that the shared kind does not account for ("a feeling of
 * thoughtful sadness" and "a feeling of deep regret" are both feelings, not the same meaning).
 */
function nearMisses(item: VocabularyItem): NearMiss[] {
  const lemma = item.token.lemma;
  const stem = suffixless(lemma);
  const target = wordVector(lemma);
  const related = relationsOf(lemma, item.pos).related;
  const kindWords = new Set<string>();
  for (const pointer of item.synset.pointers) {
    if (pointer.symbol !== '@' && pointer.symbol !== '@i') continue;
    const broader = synsetAt(pointer.offset, pointer.pos);
    for (const word of [...broader.words, ...meaningWords(definitionOf(broader))]) kindWords.add(word);
  }
  const found: NearMiss[] = [];
  const consider = (synset: Synset, distance: number) => {
    // No name, no sense WordNet marks by usage (slang, an obscenity, a slur), nothing a class
    // should not meet as a wrong option for no reason.
    if (
      isInstance(synset) ||
      synset.pointers.some((p) => p.symbol === ';u') ||
      UNFIT_FOR_CLASS.test(synset.gloss)
    )
      return;
    const words = synset.words.map((w) => w.toLowerCase());
    // Not another form of the word ("unsystematic", "antiauthoritarian") nor one of its synonyms.
    if (words.some((w) => related.has(w) || w.includes(stem) || (w.length >= 4 && lemma.includes(w)))) return;
    // Known in this sense: "ladder" is a common word, but not for "a row of unravelled stitches".
    // A word, not an abbreviation ("ed").
    const known = words.filter((w) => {
      const rank = frequencyRank(w);
      return w.length >= 4 && rank !== null && rank <= NEAR_MISS_RANK && knownInSense(w, item.pos, synset);
    });
    if (known.length === 0) return;
    // An opposite is wrong however near in use; a sibling as near as a synonym may be right.
    const nearness = Math.max(
      0,
      ...words.map((w) => {
        const vector = wordVector(w);
        return target && vector ? cosine(target, vector) : 0;
      }),
    );
    if (item.pos !== 'a' && nearness >= NEAR_SYNONYM_COSINE) return;
    const definition = definitionOf(synset);
    // No field label ("(baseball) a measure of …"), no name ("Salmonella", "the American Civil
    // War"), none that names the word itself ("elective": not compulsory).
    if (
      /^\(|\p{Lu}/u.test(definition) ||
      definition.toLowerCase().includes(stem) ||
      definition.split(/\s+/).length < 3 ||
      !isGrammatical(definition, 'phrase')
    )
      return;
    // The feedback names the word most students know ("getaway" rather than "lam").
    const commonest = known.sort((a, b) => (frequencyRank(a) ?? 0) - (frequencyRank(b) ?? 0))[0]!;
    found.push({
      word: commonest,
      definition,
      meaning: meaningWords(definition).filter((w) => !kindWords.has(w)),
      nearness,
      distance,
      cluster: synset.pointers.some((p) => p.symbol === '!')
        ? synset.offset
        : (synset.pointers.find((p) => p.symbol === '&')?.offset ?? synset.offset),
    });
  };
  const siblings = coordinateSenses(item.synset);
  for (const synset of siblings) consider(synset, 1);
  // Too few of the same kind: the other kinds of its kind's kind ("a building where prisoners are
  // kept" beside an embassy).
  if (found.length < 2) {
    const seen = new Set(siblings.map((s) => s.offset));
    for (const synset of coordinateSenses(item.synset, true))
      if (!seen.has(synset.offset)) consider(synset, 2);
  }
  return found;
}

const vocabularyPrompt = (analysis: ReadingAnalysis, item: VocabularyItem) =>
  `In paragraph ${item.sentence.paragraphNumber}, ${analysis.authorName} ${quotesVerb(analysis.authorName)}: ${quote(snippet(item.sentence.text, item.token.text))} What does “${item.token.text}” mean here?`;

/** The template's id for the multiple-choice item that asks a word's meaning. */
const vocabularyId = (item: VocabularyItem) => `vocabulary-${item.sentence.id}-${item.token.lemma}`;

/** The id of the question that asks this word's meaning, as generated for the reading. */
export const vocabularyItemId = (analysis: ReadingAnalysis, item: VocabularyItem) =>
  generatedQuestionId(analysis, vocabularyId(item));

export function vocabularyQuestions(analysis: ReadingAnalysis, items: VocabularyItem[]): Draft[] {
  const drafts: Draft[] = [];
  // A word asked on its own lends no meaning to another item, and a word whose meaning is a wrong
  // option elsewhere is not asked: "That is a meaning of 'bootleggers'" as a wrong option's
  // feedback answers the item on "bootleggers" (blind raters found 3 such pairs in six op-eds; on
  // 133 held-out op-eds 197 of 454 word meanings offered another kept item's key). The confident
  // items, the only ones good enough to keep, choose first.
  const asked = new Set<VocabularyItem>();
  const lent = new Set<VocabularyItem>();
  const confidentFirst = [...items.filter((i) => i.confident), ...items.filter((i) => !i.confident)];
  for (const item of confidentFirst) {
    if (lent.has(item)) continue;
    const id = vocabularyId(item);
    // No meaning of a word WordNet gives as near the item's own ("copious" and "abundant"): both
    // definitions would be right.
    const near = relationsOf(item.token.lemma, item.pos).related;
    const others = seededShuffle(
      items.filter(
        (o) =>
          o !== item &&
          !asked.has(o) &&
          o.pos === item.pos &&
          !near.has(o.token.lemma) &&
          !relationsOf(o.token.lemma, o.pos).related.has(item.token.lemma),
      ),
      id,
    );
    // "Someone who releases people from captivity" among three meanings of things gives itself
    // away: a word for people takes other words for people first, a thing other things.
    // Likewise an act among acts, a feeling among feelings: meanings WordNet files under the same
    // broad kind (its lexicographer file) come first.
    const person = item.pos === 'n' && denotesPeople(item.token.lemma);
    const sameKind = (o: VocabularyItem) => item.pos !== 'n' || denotesPeople(o.token.lemma) === person;
    const kindRank = (o: VocabularyItem) =>
      o.synset.lexFile === item.synset.lexFile ? 0 : sameKind(o) ? 1 : 2;
    // A noun of another kind is no option at all: "a person who inspires fear" beside a boycott,
    // "counterintelligence achieved by banning information" beside uprisings (blind raters called
    // such options absurd). Verbs and adjectives of another file still read as candidates.
    const byKind = (item.pos === 'n' ? [0] : [0, 1, 2]).flatMap((rank) =>
      others.filter((o) => kindRank(o) === rank),
    );
    // Other words' meanings only: another sense of the same word may be right too. Meanings of
    // about the key's length first: a key three times longer than the rest stands out.
    const words = (text: string) => text.split(/\s+/).length;
    const key = words(item.definition);
    const likeKey = (d: string) => !muchLonger(key, words(d)) && !muchLonger(words(d), key);
    // "A period during which offenders are exempt from punishment" (amnesty) as a wrong meaning
    // of "impunity", keyed "exemption from punishment or loss": a definition that shares a meaning
    // word with the key's is near enough to be read as right. On WordNet, the definitions of a
    // sense and of its broader or similar sense share one in 40 % of 8,545 pairs, two random
    // senses' in 2 %.
    const keyWords = new Set(meaningWords(item.definition));
    const otherWords = byKind.filter(
      (o, i, all) =>
        o.definition !== item.definition &&
        all.findIndex((p) => p.definition === o.definition) === i &&
        !meaningWords(o.definition).some((w) => keyWords.has(w)),
    );
    // A third near miss only where the text has no other word's meaning to offer (a short op-ed
    // with one rare noun, one verb and one adjective).
    const missLimit = otherWords.length > 0 ? 2 : 3;
    // No two near misses alike (of "impossible" and "impracticable", one), so that neither can be
    // ruled out for being the other's twin. An opposite may share words with the key ("not
    // capable of …").
    const misses: NearMiss[] = [];
    // The same kind first, and of those the least like the word in use: the surest to be wrong.
    const nearFirst = seededShuffle(nearMisses(item), id).sort(
      (a, b) => a.distance - b.distance || a.nearness - b.nearness,
    );
    for (const miss of [
      ...nearFirst.filter((m) => likeKey(m.definition)),
      ...nearFirst.filter((m) => !likeKey(m.definition)),
    ]) {
      if (misses.length === missLimit) break;
      // Of an opposite and the adjectives like it ("careful", "meticulous"), one: two would
      // cancel out. "present" and "future" beside "bygone" are two opposites.
      if (misses.some((m) => m.cluster === miss.cluster)) continue;
      if (item.pos !== 'a' && miss.meaning.some((w) => keyWords.has(w))) continue;
      if (misses.some((m) => m.meaning.some((w) => miss.meaning.includes(w)))) continue;
      misses.push(miss);
    }
    const feedback = new Map<string, string>(
      misses.map((m) => [m.definition, `That is a meaning of “${m.word}”.`]),
    );
    const unique = otherWords.filter((o) => !feedback.has(o.definition));
    for (const o of unique) {
      feedback.set(
        o.definition,
        // A meaning, not the text's: where the word's sense was misjudged, the feedback of other
        // items would otherwise repeat the error.
        `That is a meaning of “${o.token.text}”, a word of paragraph ${o.sentence.paragraphNumber}.`,
      );
    }
    const otherMeanings = unique.map((o) => o.definition);
    const distractors = [
      ...misses.map((m) => m.definition),
      ...otherMeanings.filter(likeKey),
      ...otherMeanings.filter((d) => !likeKey(d)),
    ].slice(0, 3);
    if (distractors.length < 3) continue;
    asked.add(item);
    for (const o of unique) if (distractors.includes(o.definition)) lent.add(o);
    const shuffled = shuffledOptions(item.definition, distractors, id);
    const keyId = shuffled.keyId;
    const feedbackByOption = new Map(
      [...feedback].map(([definition, said]) => [capitalise(definition), said]),
    );
    const options = shuffled.options.map((option) => {
      const said = option.id === keyId ? undefined : feedbackByOption.get(option.text);
      return said ? { ...option, feedback: said } : option;
    });
    drafts.push({
      template: 'vocabulary',
      anchor: item.sentence.id,
      quality: item.confident ? 0.7 : 0.3,
      question: {
        ...draftBase(analysis, {
          id,
          evidence: [item.sentence.id],
          skill: 'vocabulary',
          difficulty: 2,
          explanation: `Here “${item.token.text}” means ${item.definition.toLowerCase()} (WordNet's sense that fits paragraph ${item.sentence.paragraphNumber}).`,
        }),
        type: 'multiple-choice',
        prompt: vocabularyPrompt(analysis, item),
        options,
        answer: { optionId: keyId },
      },
    });
  }
  return drafts;
}

export function vocabularyMatchingQuestions(analysis: ReadingAnalysis, items: VocabularyItem[]): Draft[] {
  // Groups of four in the text's order, where no two meanings share a meaning word (see
  // `vocabularyQuestions`): either could then be matched with either word. An item that would
  // clash waits for the next group.
  const groups: VocabularyItem[][] = [];
  let waiting = items.filter((i) => i.confident);
  while (waiting.length >= 4) {
    const group: VocabularyItem[] = [];
    const words = new Set<string>();
    const rest: VocabularyItem[] = [];
    for (const item of waiting) {
      const own = meaningWords(item.definition);
      if (group.length < 4 && !own.some((w) => words.has(w))) {
        group.push(item);
        for (const w of own) words.add(w);
      } else rest.push(item);
    }
    if (group.length < 4) break;
    groups.push(group);
    waiting = rest;
  }
  const drafts: Draft[] = [];
  for (const group of groups) {
    const id = `match-words-${group[0]!.sentence.id}`;
    const { items: right, order } = labelled(
      group.map((i) => i.definition),
      id,
    );
    drafts.push({
      template: 'vocabulary-matching',
      anchor: group[0]!.sentence.id,
      quality: 0.6,
      question: {
        ...draftBase(analysis, {
          id,
          evidence: group.map((i) => i.sentence.id),
          skill: 'vocabulary',
          difficulty: 2,
          explanation: group
            .map((i) => `“${i.token.text}” (paragraph ${i.sentence.paragraphNumber}): ${i.definition}`)
            .join('; '),
        }),
        type: 'matching',
        prompt: 'Match each word with its meaning as the essay uses it.',
        left: group.map((i, n) => ({ id: `w${n + 1}`, text: i.token.text })),
        right,
        answer: {
          pairs: Object.fromEntries(
            group.map((i, n) => [`w${n + 1}`, right[order.indexOf(i.definition)]!.id]),
          ),
        },
      },
    });
  }
  return drafts;
}
