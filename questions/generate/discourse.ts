import { type Token, tokenize } from '../language/tokens';
import { denotesGoods, lookup } from '../language/wordnet';
import type { ReadingAnalysis, SentenceAnalysis } from './analyse';
import {
  affirmed,
  announcesWhatFollows,
  type Clause,
  clausesOf,
  frontedAdverb,
  isFiniteVerb,
  isSingularSubject,
  namesAnActor,
  negated,
  type Proposition,
  predicateAsInfinitive,
  propositionOf,
  subjectHead,
  subjectText,
  textOf,
  toQuestion,
  turnedBy,
} from './clauses';

/**
 * The argument of a reading, read from its discourse markers and clause structure: which
 * clause is a cause of which, what the author recommends or pledges, what an actor wants or
 * bets on, what something can and cannot do, which views the author rejects, which risks and
 * costs are named. Templates write questions from these; none of it knows any particular text.
 */

export type Statement = {
  sentence: SentenceAnalysis;
  proposition: Proposition;
  /** The subject as a student can read it out of context ("Mr. Putin" for "He"), or null. */
  subject: string;
};

export type CauseLink = {
  effect: Statement;
  /** Reasons the text gives only to reject them ("not because the Communists may be doing it"). */
  rejected: string[];
  /** The reason, as a clause of its own ("the Soviet Union refused"), or a noun phrase ("because-of"). */
  cause: string;
  causeProposition: Proposition | null;
  evidence: SentenceAnalysis[];
  kind: 'because' | 'because-of' | 'so' | 'purpose';
};

export type Recommendation = {
  sentence: SentenceAnalysis;
  proposition: Proposition | null;
  subject: string;
  action: string;
  /** Advice ("should", "must"), a pledge ("we will"), or what must come ("will have to"). */
  kind: 'recommend' | 'pledge' | 'necessity';
};
export type Intent = Statement & { verb: string; object: string; whPrompt: string };
export type Limit = { sentence: SentenceAnalysis; subject: string; can: string; cannot: string };
export type Rejection = { sentence: SentenceAnalysis; view: string; stated: string };
export type Risk = { sentence: SentenceAnalysis; text: string };
/** "a message to his rivals that …", "tells his rivals that …": who hears what. */
export type Message = { sentence: SentenceAnalysis; audience: string; content: string };

export type Discourse = {
  statements: Statement[];
  causes: CauseLink[];
  recommendations: Recommendation[];
  intents: Intent[];
  limits: Limit[];
  rejections: Rejection[];
  risks: Risk[];
  messages: Message[];
  /**
   * What the text says should not, or will not, be done ("we should not X"), with the words of
   * whom it says it ("we", "the West", "families").
   */
  avoid: { sentence: SentenceAnalysis; subject: readonly Token[]; action: string }[];
  /** What a condition or a purpose clause supposes: not stated, but what someone might do. */
  supposed: Statement[];
};

const PRONOUN_SUBJECT = /^(he|she|it|they|this|that|these|those|there|which|who|one)$/i;
const PERSONAL = /^(he|she)$/i;

/** Clauses of a sentence, read from its resolved form when it opened on "He"/"His". */
type Part = { clause: Clause; proposition: Proposition | null };

function clausesFor(sentence: SentenceAnalysis): Part[] {
  const tokens = sentence.resolvedTokens ?? sentence.tokens;
  return clausesOf(tokens).map((clause) => ({ clause, proposition: propositionOf(clause) }));
}

/** A subject that stands alone: a pronoun "he"/"she" becomes the person the sentence refers to. */
function readableSubject(
  proposition: Proposition,
  sentence: SentenceAnalysis,
  first: boolean,
  fronted: Proposition | null = null,
): string | null {
  const text = subjectText(proposition);
  // "Because the herders had no majority, they resorted to violence": a pronoun of the main
  // clause stands for the subject of the reason or condition put before it, when the two agree.
  const antecedent = fronted && frontedAntecedent(text, fronted);
  if (antecedent) return antecedent;
  // "Today it is feeding …", "Again I would counsel caution": the parse took the adverb into the
  // subject, and the pronoun behind it refers to what the sentence does not name.
  const afterAdverb = frontedAdverb(text)?.rest;
  if (afterAdverb && /^(i|we|you|he|she|it|they|this|that|these|those|one)$/i.test(afterAdverb)) return null;
  if (PERSONAL.test(text)) {
    if (!first || !sentence.resolved || sentence.resolved === sentence.text) return null;
    const name = /^(.+?)\s+\S+/.exec(sentence.resolved)?.[1];
    const resolvedName = sentence.resolved.slice(
      0,
      sentence.resolved.length - sentence.text.length + text.length,
    );
    return resolvedName && !/^(he|she)$/i.test(resolvedName) ? resolvedName : (name ?? null);
  }
  if (PRONOUN_SUBJECT.test(text)) return null;
  // "[For] us the answer has always been found": an object pronoun is no subject; the parse lost
  // the preposition before it.
  if (/^(us|them|me|him|her)\b/i.test(text)) return null;
  if (/^(this|that|these|those|such)\b/i.test(text)) return null;
  if (ellipticalSubject(text)) return null;
  return text;
}

/** The subject of a fronted clause that the main clause's pronoun subject can stand for, or null. */
function frontedAntecedent(pronoun: string, fronted: Proposition): string | null {
  const word = pronoun.toLowerCase();
  if (!/^(they|he|she|it)$/.test(word)) return null;
  const antecedent = subjectText(fronted);
  if (
    PRONOUN_SUBJECT.test(antecedent) ||
    /^(i|we|you|us|them)$/i.test(antecedent) ||
    /^(this|that|these|those|such|each|every|all|some|no|none)\b/i.test(antecedent) ||
    ellipticalSubject(antecedent)
  )
    return null;
  // "the Kurds", "the Bodos": a people's name in the plural, which the tagger reads as one name.
  const words = fronted.subject.filter((t) => t.normal !== 'the');
  const people = words.length === 1 && words[0]!.tags.has('ProperNoun') && /[^s]s$/.test(words[0]!.normal);
  const singular = isSingularSubject(fronted.subject) && !people;
  const person = fronted.subject.some((t) => t.tags.has('Person'));
  const agrees = word === 'they' ? !singular : word === 'it' ? singular && !person : singular && person;
  return agrees ? antecedent : null;
}

/**
 * "[Of the three,] the greatest is the spirit", "the first is …", "the latter will …": a
 * superlative or an ordinal with no noun stands for a noun said elsewhere.
 */
export function ellipticalSubject(text: string): boolean {
  const words = text.toLowerCase().split(/\s+/);
  if (words[0] !== 'the') return false;
  const [first, second] = words.slice(1);
  if (words.length === 2)
    return (
      /^(first|second|third|last|former|latter|best|worst|most|least)$/.test(first!) || superlative(first!)
    );
  return words.length === 3 && /^(most|least)$/.test(first!) && lookup(second!, 'a') !== null;
}

/**
 * "Now America must meet another", "we have done both": an object that is a determiner alone
 * stands for a noun of another sentence ("another [challenge]"), which the statement does not say.
 */
function ellipticalObject(proposition: Proposition): boolean {
  const rest = proposition.rest.map((t) => t.normal).join(' ');
  return (
    /^(another|one|ones|others|the others?|the same|both|each|either|neither|several|the rest)$/.test(rest) ||
    ellipticalSubject(rest)
  );
}

/** "greatest", "largest", "happiest", "biggest": an adjective WordNet knows with "-est". */
function superlative(word: string): boolean {
  if (!word.endsWith('est')) return false;
  const stem = word.slice(0, -3);
  const bases = [stem, `${stem}e`, stem.replace(/i$/, 'y'), stem.replace(/([b-df-hj-np-tv-z])\1$/, '$1')];
  return bases.some((base) => base.length >= 3 && lookup(base, 'a') !== null);
}

const PLEDGE = /^(will|shall)$/;
const INTENT_VERBS = new Set([
  'want',
  'seek',
  'aim',
  'intend',
  'hope',
  'bet',
  'try',
  'plan',
  'wish',
  'strive',
  'pledge',
  'vow',
  'expect',
  'desire',
  'count',
  'mean',
]);
const RISK_WORDS = new Set([
  'risk',
  'danger',
  'dangerous',
  'threat',
  'threaten',
  'peril',
  'perilous',
  'cost',
  'costly',
  'expensive',
  'price',
  'escalation',
  'escalate',
  'provoke',
  'backfire',
  'undermine',
  'jeopardize',
  'catastrophe',
  'destruction',
  'destroy',
  'vulnerable',
]);

/**
 * Words that answer a danger rather than name one: "strengthen nations against the dangers of
 * aggression", "prevent regimes from threatening", "meet these threats", "rid the world of the
 * threat", "peaceful solutions to dangerous conflicts". A sentence whose every risk word follows
 * one of these states a response, not a risk.
 */
const COUNTERING =
  /^(solutions?|resolve|resolving|settle|settling|defuse|defusing|against|prevent|prevents|prevented|preventing|rid|eliminate|eliminating|counter|combat|combating|address|addressing|reduce|reducing|remove|removing|end|ending|defeat|confront|fight|fighting|meet|meeting|protect|protecting|guard|defend|deter|resist|lessen|avoid|escape|overcome|mobilizing|mobilize|cover|covering|pay|paying|finance|financing|prohibitive|lower|lowering|cut|cutting|curb|curbing|contain|containing|control|controlling|limit|limiting|down)$/;
const RECEDING =
  /^(diminish|decline|recede|fade|ease|lessen|wane|subside|shrink|fall|drop|disappear|vanish|end)$/;
/** A coalition coming apart: "cracks within the European Union", "rifts among the allies". */
const RIFT_NOUN = /^(cracks|rifts?|divisions|wedges)$/;
const DANGER_NOUN = /^(risks?|dangers?|threats?|perils?|costs?|price)$/;
const isDangerWord = (t: Token) =>
  RISK_WORDS.has(t.lemma) || DANGER_NOUN.test(t.normal) || RIFT_NOUN.test(t.normal);

/**
 * Whether a clause names a danger in its own words, not in a clause before it ("When an argument
 * threatens to become a blow-up, the elders suggest … a sandwich" presents no sandwich as a
 * danger), and not as someone's threat ("the professor's persistent threats of legal action" are
 * what that person does).
 */
function namesItsDanger(proposition: Proposition): boolean {
  const words = [...proposition.subject, ...proposition.group, ...proposition.rest];
  return words.some((t, i) => {
    if (!isDangerWord(t)) return false;
    let k = i - 1;
    while (k >= 0 && words[k]!.pos === 'adj') k--;
    return words[k]?.tags.has('Possessive') !== true;
  });
}

/**
 * Whether some words name a danger or a cost ("risk-tolerant", "threaten", "cracks within"), or
 * a trouble that reads as one ("problems of staggering proportions"): no distractor of a risk item.
 */
export const namesDanger = (tokens: readonly Token[]) =>
  tokens.some((t) => isDangerWord(t) || /risk|danger|threat|vulnerab|problem|hardship|burden/.test(t.normal));

/** The action of "the time has come to …" or "it is (high) time to …", or null. */
function callOfTheTime(proposition: Proposition): string | null {
  const rest = proposition.rest;
  const subject = proposition.subject.map((t) => t.normal).join(' ');
  let from = -1;
  if (subject === 'the time' && proposition.head.lemma === 'come' && rest[0]?.normal === 'to') from = 1;
  else if (subject === 'it' && proposition.head.tags.has('Copula')) {
    const time = rest.findIndex((t) => t.normal === 'time');
    if (time >= 0 && time <= 1 && rest[time + 1]?.normal === 'to') from = time + 2;
  }
  if (from < 0 || proposition.negative) return null;
  return firstClause(textOf(rest.slice(from)));
}

/** Nouns for a danger as someone perceives it: "an impression of danger", "their fear of war". */
const PERCEIVED =
  /^(impression|belief|fear|apprehension|sense|idea|notion|feeling|suspicion|dread|perception)$/;

/** "not merely", "not only", "not just", "not simply": the first half of "not A but B". */
const NOT_MERELY = /\bnot (?:merely|only|just|simply)\b/i;

/** Verbs whose "it" is the subject of what they report: "we know it cannot die", "seen it revive". */
const PERCEIVING = new Set([
  'know',
  'see',
  'sense',
  'feel',
  'watch',
  'hear',
  'notice',
  'understand',
  // Participles the lemmatiser leaves as they are.
  'known',
  'seen',
]);

/**
 * "its", or "it" after a verb, before any noun for a thing in the clause ("the people did not
 * share in its wealth", "we only have to summon it"): it stands for a noun of another clause.
 */
function pronounWithoutThing(tokens: Token[]): boolean {
  // "it" as a verb's object that stands for a thing ("summon it from within", "affirm it again"),
  // or as the subject of what a verb of knowing or seeing reports ("we know it cannot die", "we
  // have seen it revive"); not the "it" that announces what follows ("make it clear that …",
  // "find it hard to …", "believe it is time", "know it will be hard to …", "owe it to our
  // children to …").
  const objectIt = (t: Token, i: number) => {
    if (t.normal !== 'it' || i === 0) return false;
    // "we all understand what it is", the clause ending there (not "do what it takes").
    if (/^(what|how|why)$/.test(tokens[i - 1]!.normal)) {
      const copula = tokens[i + 1];
      const after = tokens[i + 2];
      return (
        Boolean(copula?.tags.has('Copula')) &&
        (!after || /^[-—–]+$/.test(after.normal) || /[-—–]/.test(copula!.post))
      );
    }
    if (tokens[i - 1]!.pos !== 'verb' || tokens[i - 1]!.lemma === 'owe') return false;
    const next = tokens[i + 1];
    let verbAt = i + 1;
    while (tokens[verbAt] && (tokens[verbAt]!.tags.has('Modal') || tokens[verbAt]!.isNegator)) verbAt++;
    const verb = tokens[verbAt];
    if (verb && (verb.tags.has('Copula') || verb.lemma === 'be')) return false;
    if (next && (next.tags.has('Verb') || next.tags.has('Modal')))
      return PERCEIVING.has(tokens[i - 1]!.lemma) && verb?.pos === 'verb';
    if (next?.pos === 'adj' && /^(that|to|for)$/.test(tokens[i + 2]?.normal ?? '')) return false;
    return true;
  };
  const at = tokens.findIndex((t, i) => t.normal === 'its' || objectIt(t, i));
  return (
    at !== -1 &&
    !tokens
      .slice(0, at)
      .some(
        (t) =>
          t.pos === 'noun' &&
          !t.tags.has('Plural') &&
          !t.tags.has('Pronoun') &&
          !t.tags.has('Person') &&
          !/^(all|each|both|none|some|any|one)$/.test(t.normal),
      )
  );
}

/**
 * Which sentences of a paragraph start inside a quotation that an earlier sentence opened: "…
 * extracts from it: "An entire union will be … It must increase your strength …"": the second
 * sentence is the quoted writer's, not the author's, though it has no quotation mark of its own.
 */
export function insideQuotation(texts: string[]): boolean[] {
  let open = false;
  return texts.map((text) => {
    const inside = open;
    for (const mark of text.match(/["“”]/g) ?? []) open = mark === '"' ? !open : mark === '“';
    return inside;
  });
}

/**
 * Whether a phrase names someone a message can reach: a pronoun, a capitalised name ("the West"),
 * or an actor (`namesAnActor`). "Shea tells the story of an underfunded alliance that …" tells no
 * story anything.
 */
function isAudience(phrase: string): boolean {
  const tokens = tokenize(phrase);
  const head = subjectHead(tokens);
  if (!head) return false;
  if (
    /^\p{Lu}/u.test(head.written || head.text) ||
    /^(us|them|him|her|everyone|everybody|all|both|each)$/.test(head.normal)
  )
    return true;
  return namesAnActor(tokens);
}

/** Words of a speech act: one just before or after a quotation tells whose words it gives. */
const SPEECH_VERB =
  /\b(say|says|said|saying|declare[sd]?|declaring|tell|tells|told|ask(?:s|ed)?|write|writes|wrote|add(?:s|ed)|insist(?:s|ed)?|warn(?:s|ed)?|state[sd]|announce[sd]?|proclaim(?:s|ed)?|remark(?:s|ed)?|repl(?:y|ies|ied)|put it)\b/i;

/**
 * Whether a sentence quotes someone: a quotation left open, an ellipsis, a quoted run of more than
 * five words or one ending on its own punctuation, or a verb of saying within a few words of a
 * quotation ("he declared", "said the talks were"). Scare quotes around a few words (a "non-use of
 * force" pledge, an "off ramp"), common in op-eds, leave the sentence the author's own.
 */
export function quotesSomeone(text: string): boolean {
  if (/\.\.\.|…/.test(text)) return true;
  if (!/["“”]/.test(text)) return false;
  const marks = text.match(/["“”]/g)!;
  const straight = marks.filter((m) => m === '"').length;
  const opening = marks.filter((m) => m === '“').length;
  if (straight % 2 === 1 || opening !== marks.length - straight - opening) return true;
  for (const match of text.matchAll(/["“]([^"“”]*)["”]/g)) {
    const span = match[1]!.trim();
    if (span.split(/\s+/).length > 5 || /[.!?,;:]$/.test(span)) return true;
    const before = text.slice(0, match.index).split(/\s+/).slice(-5).join(' ');
    const after = text
      .slice(match.index! + match[0].length)
      .split(/\s+/)
      .slice(0, 4)
      .join(' ');
    if (SPEECH_VERB.test(before) || SPEECH_VERB.test(after)) return true;
  }
  return false;
}

const trimClause = (text: string) =>
  text
    .replace(/[\s,;:—–-]+$/, '')
    .replace(/[.!?]+["”’]?$/, '')
    .trim();
/** Text up to its first dash or semicolon, trimmed: an action without what a dash adds to it. */
const firstClause = (text: string) => trimClause(text.split(/\s+--\s+|\s+—\s+|;\s/)[0]!);
const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** A word of the noun phrase a "let" addresses: "us", "both sides", "all free nations", "the people of the world". */
const inNounPhrase = (t: Token) =>
  !t.isNegator &&
  (t.tags.has('Pronoun') ||
    t.tags.has('Determiner') ||
    t.tags.has('Noun') ||
    t.tags.has('Adjective') ||
    t.tags.has('Value') ||
    t.normal === 'of');

/**
 * "We do not seek material prosperity for ourselves because we love luxury": a denial before
 * "because" may deny the reason rather than the deed, so neither is what the text asserts. A
 * modal's refusal ("we cannot wait because the danger grows") and a reason that is itself a
 * denial ("we do not accept tyranny because we do not accept slavery") are plainly reasons.
 */
const deniesItsReason = (proposition: Proposition | null, next: Part | undefined) =>
  Boolean(
    proposition?.negative &&
      next?.clause.relation === 'cause' &&
      /^because$/i.test(next.clause.marker) &&
      !next.proposition?.negative &&
      (!proposition.group.some((t) => t.tags.has('Modal')) || FAILING.test(proposition.head.lemma)),
  );

/**
 * Verbs of failing and coming to harm. "Justice must not fail because the agencies are
 * delinquent" forbids that cause of failure; it gives no reason why justice must not fail.
 */
const FAILING =
  /^(fail|falter|suffer|perish|die|collapse|crumble|decline|fall|lapse|weaken|wither|lose|break)$/;

export function readDiscourse(analysis: ReadingAnalysis): Discourse {
  const discourse: Discourse = {
    statements: [],
    causes: [],
    recommendations: [],
    intents: [],
    limits: [],
    rejections: [],
    risks: [],
    messages: [],
    avoid: [],
    supposed: [],
  };
  for (const paragraph of analysis.paragraphs) {
    let previous: (Statement | null)[] = [];
    const quoted = insideQuotation(paragraph.sentences.map((s) => s.text));
    paragraph.sentences.forEach((sentence, index) => {
      if (sentence.isQuestion) return;
      const parts = clausesFor(sentence);
      // "Not because history runs on the wheels of inevitability; it is human choices …": what a
      // sentence opening on "Not" says before its semicolon or colon is denied, not stated.
      let denied = /^not\b/i.test(sentence.text);
      // "Passing harmless... we rode through the storm": a quotation's fragments are not the
      // speaker's statements, and its clauses cut badly.
      const quoting = quoted[index] || quotesSomeone(sentence.text);
      // "The genius of republics (say they) is pacific": a view the author reports, not his own.
      const reporting = REPORTED_VIEW.test(sentence.text);
      // "The armies always kept on foot in Europe, though they …, have, notwithstanding, been
      // productive …": an auxiliary set off by commas with no subject of its own is the verb of the
      // sentence's first words, so the first clause's "verb" ("kept") is a participle in its subject.
      const verbLater = ORPHAN_AUXILIARY.test(sentence.text);
      const statements: (Statement | null)[] = parts.map(({ proposition, clause }, k) => {
        const inDenial = denied;
        if (quoting || reporting || (verbLater && k === 0)) return null;
        if (denied && clause.tokens.some((t) => /[;:]/.test(t.post))) denied = false;
        if (!proposition || inDenial || turnedBy(parts[k + 1]?.clause)) return null;
        if (framedAsFalse(sentence.tokens, clause.tokens)) return null;
        // "a budget which, while allowing for needed rises …, holds total expenditures …": a clause
        // split off after "which," is the rest of that relative clause, whose subject is "which".
        if (k > 0 && /^(which|who|whom|that)$/.test(parts[k - 1]!.clause.tokens.at(-1)?.normal ?? ''))
          return null;
        if (
          deniesItsReason(proposition, parts[k + 1]) ||
          (k > 0 && deniesItsReason(parts[k - 1]!.proposition, parts[k]))
        )
          return null;
        // "we are not merely transferring power from one party to another, but …": the point is
        // in what follows "but"; alone, the clause says less than the text means.
        if (NOT_MERELY.test(textOf(clause.tokens)) && parts[k + 1]?.clause.relation === 'contrast')
          return null;
        // "[Washington flourished, but] the people did not share in its wealth": "its" with no
        // thing named before it in its clause stands for a noun of another clause.
        if (pronounWithoutThing(clause.tokens)) return null;
        // A reason, condition or concession before the main clause may name what its pronoun means.
        const fronted =
          k === 1 && /^(cause|condition|concession)$/.test(parts[0]!.clause.relation ?? '')
            ? parts[0]!.proposition
            : null;
        const subject = readableSubject(proposition, sentence, k === 0, fronted);
        if (!subject || ellipticalObject(proposition)) return null;
        // "If the Soviet Government wants an agreement, there will be one": a condition is
        // supposed, not stated; nor is a purpose ("so that they can …") said to be so.
        if (clause.relation === 'condition' || clause.relation === 'purpose') {
          discourse.supposed.push({ sentence, proposition, subject });
          return null;
        }
        return { sentence, proposition, subject };
      });
      for (const statement of statements) if (statement) discourse.statements.push(statement);

      // Causes: "A because B", "Because B, A", "B, so A", "B. Therefore A", "A in order to B".
      // "I believe that A because B" asks about A: the reporting frame is dropped.
      parts.forEach(({ clause, proposition }, k) => {
        if (clause.relation === 'cause' || clause.relation === 'purpose') {
          // The effect is the nearest clause before (or, for a fronted reason, after) that
          // makes a statement: "I state these differences, not to …, but because …".
          if (clause.denied || framedAsFalse(sentence.tokens, clause.tokens)) return;
          // "For teens who are isolated physically or emotionally, the internet might provide …":
          // a "for" with no clause of its own (its only verb in a relative clause) is a
          // preposition, not "because" (a blind rater met "teens who are isolated …" as a reason).
          if (/^for$/i.test(clause.marker) && !proposition) return;
          if (k > 0 && deniesItsReason(parts[k - 1]!.proposition, parts[k])) return;
          // "Americans will look back and say because it withstood the pressures …, this was a
          // great Congress": a reason right after a verb of saying is inside what is said.
          const lead = parts[k - 1]?.clause.tokens.at(-1);
          if (lead && !lead.post.trim() && /^(say|says|said|tell|tells|told)$/.test(lead.normal)) return;
          // "Mankind is mature enough so that we ought to find a way to peace": what follows a degree
          // ("enough", "so … that") is its consequence, not the purpose of the clause before.
          if (clause.relation === 'purpose' && lead?.normal === 'enough') return;
          let effectIndex = k === 0 ? 1 : k - 1;
          while (
            k > 0 &&
            effectIndex > 0 &&
            (!statements[effectIndex] || parts[effectIndex]!.clause.relation === 'cause')
          )
            effectIndex--;
          // "Because today we are not merely transferring power …, but we are transferring power
          // from Washington …": a sentence that is all reason, the reason of the sentence before.
          if (k === 0 && /^because$/i.test(clause.marker) && parts[1]?.clause.relation === 'contrast') return;
          // "Because our needs are great -- because our chances are great -- let us be bold": a
          // reason beside another reason is no effect of it.
          if (effectIndex !== k && /^(cause|purpose)$/.test(parts[effectIndex]?.clause.relation ?? ''))
            return;
          // "We know it because, if we look below the surface, we sense it still spreading … -- for
          // it is the most humane": a condition states nothing; the reason is that of the clause
          // it conditions, whatever became of that clause.
          if (effectIndex !== k && parts[effectIndex]?.clause.relation === 'condition') return;
          // "we had one moment of opportunity that the Soviets dashed because they sought …": a
          // reason right after a relative clause's verb, with no pause, is that verb's reason.
          const effectRest = parts[effectIndex]?.proposition?.rest ?? [];
          const relativeAt = effectRest.findIndex(
            (t, i) => /^(that|which|who|whom)$/.test(t.normal) && effectRest[i - 1]?.pos === 'noun',
          );
          if (
            effectIndex === k - 1 &&
            relativeAt >= 0 &&
            !clause.pauseBefore?.trim() &&
            effectRest.slice(relativeAt + 1).some((t) => isFiniteVerb(t)) &&
            !effectRest.slice(relativeAt).some((t) => /[,;:]/.test(t.post))
          )
            return;
          // "The world is very different now. For man holds …": the reason of the sentence before.
          // "The generals refuse every compromise. That is because they …": likewise, the reason
          // of the sentence before, when all that comes before "because" is "that is" (or "this
          // is", "it is partly").
          const backwards =
            (k === 0 && /^for$/i.test(clause.marker)) ||
            (k === 1 &&
              /^because$/i.test(clause.marker) &&
              /^(that|this|it)\s+(is|was)(\s+(partly|largely|mainly|mostly|simply|precisely|only|in part))?$/i.test(
                textOf(parts[0]!.clause.tokens).replace(/[,\s]+$/, ''),
              ));
          const effect = withoutFrame(
            // "We live in a peaceful time, but we can make it better. For a new breeze is
            // blowing": the reason of the nearest clause, the last of the sentence before (none
            // when that clause makes no statement that stands alone).
            backwards ? (previous.at(-1) ?? null) : (statements[effectIndex] ?? null),
          );
          if (!effect) return;
          const reason = trimClause(textOf(clause.body));
          if (wordCount(reason) < 3) return;
          discourse.causes.push({
            effect,
            cause: clause.relation === 'purpose' ? `${clause.marker.toLowerCase()} ${reason}` : reason,
            causeProposition: proposition,
            rejected: parts
              .filter((p) => p.clause.denied)
              .map((p) => trimClause(textOf(p.clause.body)))
              .filter((r) => wordCount(r) >= 3),
            evidence: backwards ? [effect.sentence, sentence] : [sentence],
            kind: clause.relation === 'purpose' ? 'purpose' : 'because',
          });
        }
        if (clause.relation === 'result') {
          const effect = withoutFrame(statements[k] ?? null);
          if (!effect) return;
          // "…, so every worker can find work; so the least among us shall have …": two results of
          // one cause, side by side, neither the cause of the other.
          if (k > 0 && /^(cause|purpose|result)$/.test(parts[k - 1]!.clause.relation ?? '')) return;
          const previousSentence = paragraph.sentences[index - 1];
          const causeText =
            k > 0
              ? trimClause(textOf(parts[k - 1]!.clause.body))
              : previousSentence?.resolved && withoutSpeakersView(previousSentence.resolved);
          if (!causeText || (k === 0 && !previousSentence)) return;
          discourse.causes.push({
            effect,
            cause: trimClause(causeText),
            causeProposition: k > 0 ? (parts[k - 1]!.proposition ?? null) : null,
            rejected: [],
            evidence: k > 0 ? [sentence] : [previousSentence!, sentence],
            kind: 'so',
          });
        }
      });

      // "The chief was suspended because of a passage he wrote": a reason given as a noun phrase
      // inside the clause it explains ("not because of" rejects it). A degree word before it
      // ("mainly because of") goes with the reason, not with what it explains.
      for (const statement of statements) {
        if (!statement) continue;
        const rest = statement.proposition.rest;
        const at = rest.findIndex((t, i) => t.normal === 'because' && rest[i + 1]?.normal === 'of');
        if (at < 0 || rest[at - 1]?.isNegator || statement.proposition.negative) continue;
        // "No person shall be kept from voting because of his race": a reason under "no" is one
        // that does not count. "refuse to resign itself to suicide because of a veto", "realize
        // that there is unease because of …": after another verb or a clause of its own, the
        // reason is that verb's, not the main one's.
        if (
          statement.proposition.subject.some((t) => /^(no|none|nobody|nothing|neither|never)$/.test(t.normal))
        )
          continue;
        if (
          rest
            .slice(0, at)
            .some(
              (t) =>
                t.tags.has('Verb') || /^(that|which|who|whom|whose|where|when|if|whether)$/.test(t.normal),
            )
        )
          continue;
        let end = at;
        while (end > 0 && rest[end - 1]!.pos === 'adv') end--;
        const after = rest.slice(at + 2);
        // The reason runs to the next pause; a second one joined to it ("our strength and because
        // of our values") is part of it.
        const pause = after.findIndex((t) => /[,;:—–]/.test(t.post));
        const reason = trimClause(textOf(pause >= 0 ? after.slice(0, pause + 1) : after)).replace(
          /\band because of\b/gi,
          'and',
        );
        if (wordCount(reason) < 3) continue;
        const effect = withoutFrame({
          ...statement,
          proposition: { ...statement.proposition, rest: rest.slice(0, end) },
        });
        if (!effect) continue;
        discourse.causes.push({
          effect,
          cause: reason,
          causeProposition: null,
          rejected: [],
          evidence: [sentence],
          kind: 'because-of',
        });
      }

      // Recommendations and pledges, and what the author says not to do.
      statements.forEach((statement, k) => {
        if (!statement) return;
        const proposition = statement.proposition;
        // "The Senate committee also needs to address …": an adverb before the modal changes nothing.
        const group = proposition.group.filter((t) => t.pos !== 'adv' || t.isNegator).map((t) => t.normal);
        const first = group[0] ?? '';
        // "have to act", "need to act"; not "have awakened to strike".
        const toFollows =
          group.includes('to') || (group.length === 1 && proposition.rest[0]?.normal === 'to');
        // "The time has come to set aside childish things", "it is time to act": the speaker's call.
        const timeCall = callOfTheTime(proposition);
        if (timeCall) {
          if (wordCount(timeCall) >= 2 && wordCount(timeCall) <= 20)
            discourse.recommendations.push({
              ...statement,
              subject: 'we',
              action: timeCall,
              kind: 'recommend',
            });
          return;
        }
        // "Both Manila and Beijing will have to devise a strategy": what the author says must come;
        // "would have to" only supposes.
        const necessity =
          first === 'will' && group[1] === 'have' && toFollows && parts[k]?.clause.relation !== 'condition';
        const recommends =
          /^(should|must|ought)$/.test(first) ||
          (/^(need|needs|have|has)$/.test(first) && toFollows) ||
          necessity;
        const pledges =
          PLEDGE.test(first) &&
          /^(we|i)$/i.test(statement.subject) &&
          parts[k]?.clause.relation !== 'condition';
        if (!recommends && !pledges) return;
        // "Is it probable …? Can it be supposed …? If such presumptions can fairly be made, there
        // ought to be an end of all delegated authority. The people should resolve to recall all
        // the powers …": what would follow from a supposition the author has just mocked is no
        // advice of his (a blind rater found it keyed as Hamilton's recommendation).
        if (recommends && followsSupposition(paragraph.sentences, index)) return;
        const plain = proposition.negative
          ? predicateAsInfinitive({
              ...proposition,
              negative: false,
              group: proposition.group.filter((t) => !t.isNegator),
            })
          : predicateAsInfinitive(proposition);
        if (!plain || wordCount(plain) < 2 || /^(be|have)\b/.test(plain)) return;
        // "We must recognize an unfortunate fact: …": what is recommended follows the colon.
        if (announcesWhatFollows(proposition)) return;
        // "We will ask, and we will need, the help of …": the action runs into a second clause.
        // ("make clear that they will put a hold …" names what is to be made clear, a clause of its own.)
        if (
          /\b(?:we|i|they|you|he|she)\s+(?:will|shall|would|can|could|must|may)\b/i.test(
            plain.split(/\sthat\s/)[0]!,
          )
        )
          return;
        if (proposition.negative)
          discourse.avoid.push({ sentence, subject: proposition.subject, action: plain });
        else
          discourse.recommendations.push({
            ...statement,
            action: plain,
            kind: necessity ? 'necessity' : recommends ? 'recommend' : 'pledge',
          });
      });
      // "Let us …", "Let both sides …", "Let every nation know …": a recommendation addressed
      // to whoever follows "let"; "let us never …" says what not to do.
      const letTokens = sentence.tokens;
      const letAt = letTokens.findIndex(
        (t, i) =>
          t.normal === 'let' && (i === 0 || /^(so|and|now|then|finally)$/.test(letTokens[i - 1]!.normal)),
      );
      if (letAt !== -1 && letAt <= 1) {
        let verbAt = -1;
        for (let i = letAt + 2; i < Math.min(letTokens.length, letAt + 7); i++) {
          const t = letTokens[i]!;
          if (
            t.tags.has('Verb') &&
            !t.tags.has('Gerund') &&
            (t.tags.has('Infinitive') || t.normal === t.lemma)
          ) {
            verbAt = i;
            break;
          }
        }
        if (verbAt !== -1) {
          const between = letTokens.slice(letAt + 1, verbAt);
          // Whoever is addressed is a noun phrase ("us", "both sides", "every nation"); after it
          // only an adverb may come ("let us now …", "let us never …"). Anything else ("let us
          // therefore resolve to act") is a parse too loose to ask about.
          let nounPhraseEnd = 0;
          while (nounPhraseEnd < between.length && inNounPhrase(between[nounPhraseEnd]!)) nounPhraseEnd++;
          const afterAddressee = between.slice(nounPhraseEnd);
          const adverbsOnly = afterAddressee.every(
            (t) =>
              t.isNegator ||
              t.pos === 'adv' ||
              (t.tags.has('Conjunction') && !/^(and|or|to)$/.test(t.normal)),
          );
          const addresseeTokens = between.slice(0, nounPhraseEnd);
          const addressee = textOf(addresseeTokens);
          const negative = between.some((t) => t.isNegator);
          const action = firstClause(textOf(letTokens.slice(verbAt)));
          const subject = addressee.replace(/^us\b/i, 'we');
          if (
            adverbsOnly &&
            wordCount(action) >= 3 &&
            wordCount(action) <= 22 &&
            wordCount(subject) >= 1 &&
            wordCount(subject) <= 4
          ) {
            if (negative) discourse.avoid.push({ sentence, subject: addresseeTokens, action });
            else
              discourse.recommendations.push({
                sentence,
                proposition: null,
                subject,
                action,
                kind: 'recommend',
              });
          }
        }
      }

      // Intents: "X is betting that …", "X seeks to …", "X wants …".
      statements.forEach((statement) => {
        if (!statement) return;
        const head = statement.proposition.head;
        if (!INTENT_VERBS.has(head.lemma) || statement.proposition.negative) return;
        // "However anxiously we may wish that …", "if they want …": a wish conceded or supposed,
        // not an aim the text gives anyone.
        const relation = statement.proposition.clause.relation;
        if (relation === 'concession' || relation === 'condition') return;
        // "I hope soon to send …": an adverb before the object is not part of what is hoped.
        const rest = statement.proposition.rest;
        let skip = 0;
        while (rest[skip] && rest[skip]!.pos === 'adv' && rest[skip]!.normal !== 'not') skip++;
        const object = trimClause(textOf(rest.slice(skip)));
        if (wordCount(object) < 3 || wordCount(object) > 25) return;
        // "sought no territory", "desire, and are determined to…": no object to ask about; and
        // "wish our friends to know …" wants something of someone, which "what do we wish for?" misreads.
        if (/^(no|nothing|none|never|and|or|but|nor|than|as|more|less)\b/i.test(object)) return;
        if (!/^(to|that)\b/i.test(object) && /\bto\s+\w+/.test(object)) return;
        if (/[:;]/.test(object)) return;
        // "what must we try to do?", not "what must we try?": a verb that took an infinitive
        // asks for one.
        const particle =
          head.lemma === 'bet' || head.lemma === 'count'
            ? ' on'
            : /^to\s/i.test(object)
              ? ' to do'
              : head.lemma === 'hope' || head.lemma === 'wish'
                ? ' for'
                : '';
        const bare = { ...statement.proposition, rest: [] };
        const question = toQuestion(bare, 'what', statement.subject);
        if (!question) return;
        discourse.intents.push({
          ...statement,
          verb: head.lemma,
          object: object.replace(/^to\s+/, 'to ').replace(/^that\s+/, ''),
          // "we mean to maintain …" asks what we intend, not what a word means.
          whPrompt: (head.lemma === 'mean' ? question.replace(/\bmean\?$/, 'intend?') : question).replace(
            /\?$/,
            `${particle}?`,
          ),
        });
      });

      // Limits: "X cannot A, but it can B", "X won't A, but it can B".
      for (let k = 0; k + 1 < parts.length; k++) {
        const a = parts[k]!.proposition;
        const b = parts[k + 1]!.proposition;
        if (!a || !b || parts[k + 1]!.clause.relation !== 'contrast') continue;
        const modalA = a.group[0]?.normal ?? '';
        const modalB = b.group[0]?.normal ?? '';
        if (!/^(can|could|will|would)$/.test(modalA) || !/^(can|could|will|would)$/.test(modalB)) continue;
        // "I will not tamper with Social Security, but I would put caps on …": without a "can",
        // two choices, not what something is able to do; nor is the speaker's own pledge a limit.
        if (!/^(can|could)$/.test(modalA) && !/^(can|could)$/.test(modalB)) continue;
        if (a.negative === b.negative) continue;
        const subject = readableSubject(a, sentence, k === 0);
        if (!subject || /^i$/i.test(subject)) continue;
        const canClause = a.negative ? b : a;
        const cannotClause = a.negative ? a : b;
        const can = predicateAsInfinitive(canClause);
        if (!can) continue;
        const cannotAction = predicateAsInfinitive({
          ...cannotClause,
          negative: false,
          group: cannotClause.group.filter((t) => !t.isNegator),
        });
        if (!cannotAction) continue;
        // "can camouflage his weakness, but cannot erase it": "it" is the other clause's object.
        const objectOf = (action: string) => action.split(/\s+/).slice(1).join(' ');
        const resolvedCan =
          /\bit$/.test(can) && !/\bit$/.test(cannotAction) && objectOf(cannotAction)
            ? can.replace(/\bit$/, objectOf(cannotAction))
            : can;
        const resolvedCannot =
          /\bit$/.test(cannotAction) && !/\bit$/.test(can) && objectOf(can)
            ? cannotAction.replace(/\bit$/, objectOf(can))
            : cannotAction;
        discourse.limits.push({ sentence, subject, can: resolvedCan, cannot: resolvedCannot });
      }

      // Views the author rejects: "X is not Y", "That is not a call for Y", "not X but Y".
      statements.forEach((statement) => {
        if (!statement?.proposition.negative) return;
        const head = statement.proposition.head;
        if (!head.tags.has('Copula') && !/^(mean|need|require)$/.test(head.lemma)) return;
        const view = affirmed(statement.proposition, statement.subject);
        const stated = negated(statement.proposition, statement.subject);
        if (!view || !stated || wordCount(view) < 5 || wordCount(view) > 22) return;
        // "Americans in need are not strangers, they are citizens, not problems, but priorities":
        // the clause runs on into others, so its view would carry theirs.
        if (/,\s+(?:not|but|they|he|she|it|we|you|i)\b/i.test(view)) return;
        // "What we needed was not just…": the parse's subject leaves out the "what" it hangs on.
        const afterWh = /^(?:what|whatever|whoever)\s+([\p{L}']+)/iu.exec(sentence.text.trim())?.[1];
        if (afterWh && view.toLowerCase().startsWith(`${afterWh.toLowerCase()} `)) return;
        discourse.rejections.push({ sentence, view, stated });
      });

      // Messages and signals: "a message to X that Y", "tells X that Y".
      const said = sentence.resolved ?? sentence.text;
      const message =
        /\b(?:message|signal|warning|reminder|lesson)\s+to\s+(.{3,80}?)\s+that\s+(.+)$/i.exec(said) ??
        /\b(?:tells?|told|warns?|warned|signals?|signaled|signalled|shows?|showed|reminds?|reminded|assures?|assured)\s+(.{3,80}?)\s+that\s+(.+)$/i.exec(
          said,
        );
      // "He told of his dream that …", "shows clearly that …": no one is told anything.
      // "I would remind you that …", "to assure ourselves that …": the speaker speaking to the
      // hearers, or to himself, sends no message; "show a rate of progress that speaks for itself":
      // a "that" after an indefinite noun opens a relative clause.
      const noAudience =
        /^(?:of|about|on|upon|in|at|for|from|with|by|over|\w+ly|you|yourselves|ourselves|themselves|itself|himself|herself|myself|an?)\b/i;
      if (message?.[1] && message[2] && !noAudience.test(message[1])) {
        // "signals to Moscow that …": the audience without its "to".
        const audience = resolvePossessive(
          message[1].replace(/^to\s+/i, ''),
          paragraph.sentences.slice(0, index + 1),
        );
        const content = trimClause(message[2].split(/\s+[—–]\s+|\s+--\s+/)[0]!);
        if (
          audience &&
          isAudience(audience) &&
          wordCount(audience) <= 8 &&
          wordCount(content) >= 3 &&
          wordCount(content) <= 22
        )
          discourse.messages.push({
            sentence,
            audience,
            content: resolveHe(content, paragraph.sentences.slice(0, index + 1)),
          });
      }

      // Risks and costs.
      // A risk is named as such ("the risk of", "a threat to", "could provoke"), not just mentioned
      // ("in its hour of maximum danger").
      // Not "the price of cereals", a market price.
      const marketPrice = sentence.tokens.some(
        (t, i) =>
          /^(price|prices|cost|costs)$/.test(t.normal) &&
          sentence.tokens[i + 1]?.normal === 'of' &&
          sentence.tokens.slice(i + 2, i + 4).some((n) => n.pos === 'noun' && denotesGoods(n.lemma)),
      );
      const riskWord =
        (/\b(?:risks?|dangers?|threats?|perils?|costs?|price)\s+(?:of|that|to|in|for)\b/i.test(
          sentence.text,
        ) &&
          !marketPrice &&
          !/\bat the (?:cost|price|risk) of\b/i.test(sentence.text)) ||
        /\b(?:risky|dangerous|perilous|costly)\b/i.test(sentence.text) ||
        sentence.tokens.some(
          (t, i) =>
            RIFT_NOUN.test(t.normal) &&
            /^(within|in|between|among|inside)$/.test(sentence.tokens[i + 1]?.normal ?? ''),
        ) ||
        sentence.tokens.some(
          (t, i) =>
            RISK_WORDS.has(t.lemma) &&
            t.pos === 'verb' &&
            (i === 0 ||
              /^(could|might|may|would|will|can)$/.test(sentence.tokens[i - 1]!.normal) ||
              t.tags.has('PresentTense')),
        );
      // The clause that names the risk, not the sentence's first.
      const main = statements.find((st) => st !== null && namesItsDanger(st.proposition));
      // "No threat … is concealed in our plans" names a threat to deny it.
      const deniedRisk =
        main?.proposition.subject.some((t) => /^(no|none|neither|nothing)$/.test(t.normal)) ?? false;
      // A danger or cost the sentence states, not one it answers: some risk word with no word
      // that counters it earlier in its stretch of the sentence (up to a dash, colon or semicolon).
      const stated = sentence.tokens.some((t, i) => {
        if (!isDangerWord(t)) return false;
        // "the people are in no danger of being broken …", "without risk": a danger denied.
        if (/^(no|without)$/.test(sentence.tokens[i - 1]?.normal ?? '')) return false;
        // "the people … derived an hereditary impression of danger to liberty": a danger others
        // perceive, which the author may go on to question, is not his warning.
        if (sentence.tokens[i - 1]?.normal === 'of' && PERCEIVED.test(sentence.tokens[i - 2]?.lemma ?? ''))
          return false;
        for (let j = i - 1; j >= 0; j--) {
          const before = sentence.tokens[j]!;
          if (/[;:]|\s[-–—]+\s/.test(before.post) || /[;:]/.test(before.pre)) break;
          if (COUNTERING.test(before.normal)) return false;
        }
        // "The Soviet military threat in Europe is diminishing": a danger said to recede.
        for (let j = i + 1; j < sentence.tokens.length; j++) {
          const after = sentence.tokens[j]!;
          if (after.pos === 'verb' && RECEDING.test(after.lemma)) return false;
          if (/[,;:]|\s[-–—]+\s/.test(after.post) || after.pos === 'verb') break;
        }
        return true;
      });
      if (riskWord && main && stated && !main.proposition.negative && !deniedRisk) {
        const text = affirmed(main.proposition, main.subject);
        if (text && wordCount(text) >= 5 && wordCount(text) <= 24) discourse.risks.push({ sentence, text });
      }
      previous = statements;
    });
  }
  return discourse;
}

/**
 * Someone else's words set into a sentence, inverted as older prose does ("(say they)", ", says
 * he,") or as an aside (", they tell us,"): the sentence reports a view rather than stating one.
 */
const REPORTED_VIEW =
  /\(\s*(say|says|said)\s+(they|he|she|some|others)\s*\)|[,(]\s*(say|says|said)\s+(they|he|she)\b|,\s*(they|some|others)\s+(say|tell us|argue|claim),/i;

/** Nouns that call what follows them false: "the biggest modern lie is …: that we must …". */
const FALSEHOOD = new Set([
  'lie',
  'myth',
  'nonsense',
  'fallacy',
  'illusion',
  'falsehood',
  'misconception',
  'delusion',
  'fantasy',
  'canard',
  'untruth',
  'fiction',
]);

/**
 * Whether a clause comes after a word calling it false, earlier in its sentence and not itself
 * denied ("it is no myth that …"): "The biggest modern lie is the one told by the Steve Jobses of
 * this world: that we must do what we love" states a view the author rejects, not advice.
 */
function framedAsFalse(sentenceTokens: readonly Token[], clauseTokens: readonly Token[]): boolean {
  // Back from the clause to the word, no further than a semicolon or a "but" that turns to the
  // author's own view ("It is a myth that sanctions never work; they often do").
  for (let i = sentenceTokens.indexOf(clauseTokens[0]!) - 1; i >= 0; i--) {
    const t = sentenceTokens[i]!;
    if (/;/.test(t.post) || /^(but|yet|however)$/.test(t.normal)) return false;
    if (FALSEHOOD.has(t.lemma) && t.pos === 'noun')
      return !/^(no|not)$/.test(sentenceTokens[i - 1]?.normal ?? '');
  }
  return false;
}

/** A finite auxiliary between commas, as in "…, have, notwithstanding, been productive". */
const ORPHAN_AUXILIARY = /,\s+(have|has|had|are|is|was|were)\s*,/i;

const REPORTING = new Set([
  'agree',
  'believe',
  'think',
  'know',
  'say',
  'feel',
  'argue',
  'hold',
  'maintain',
  'insist',
  'recognize',
  'understand',
]);

/**
 * "The harsh fact is that S", "the simple truth is that S": a subject that only announces the
 * statement after "that" (a danger or a hope would not assert it).
 */
const ANNOUNCING_SUBJECT =
  /^(?:(?:the|one|a)\s+(?:[\w-]+\s+){0,2}?(?:fact|truth|reality|problem|trouble|point|answer|lesson|irony|tragedy)|(?:my|our)\s+(?:[\w-]+\s+){0,2}?(?:guess|view|bet|hunch|belief|suspicion|fear|hope|worry|conclusion|sense|feeling|argument|contention|point|answer))$/i;

/**
 * "We believe that all men are created equal" → the statement "all men are created equal"; so is
 * "the harsh fact is that men and women are kept from voting", or nothing when the statement after
 * "that" cannot be read (a reason of "the harsh fact is" would ask "why is the harsh fact …?").
 */
function withoutFrame(statement: Statement | null): Statement | null {
  if (!statement) return null;
  const { proposition } = statement;
  if (proposition.rest[0]?.normal !== 'that') return statement;
  const announced =
    /^(is|was|be)$/.test(proposition.head.normal) && ANNOUNCING_SUBJECT.test(statement.subject);
  if (!announced && !REPORTING.has(proposition.head.lemma)) return statement;
  const inner = clausesOf(proposition.rest.slice(1))[0];
  const innerProposition = inner ? propositionOf(inner) : null;
  if (!innerProposition) return announced ? null : statement;
  const subject = subjectText(innerProposition);
  if (PRONOUN_SUBJECT.test(subject) || /^(this|that|these|those|such)\b/i.test(subject))
    return announced ? null : statement;
  return { sentence: statement.sentence, proposition: innerProposition, subject };
}

/**
 * "I agree with the Secretary-General that opposition to X is on the rise. That is why …": the
 * reason is what the speaker agrees with, not the agreeing.
 */
function withoutSpeakersView(text: string): string {
  const view =
    /^(?:I|we)\s+(?:(?:do|also|fully|firmly|strongly|all)\s+)?(\p{L}+)(?:\s+with\s+[^,;:]{1,80}?)?\s+that\s+(.{12,})$/iu.exec(
      text,
    );
  return view && REPORTING.has(view[1]!.toLowerCase()) ? view[2]! : text;
}

/** The last person named in these sentences, as the text names them. */
function lastPerson(sentences: SentenceAnalysis[]): string | null {
  for (let i = sentences.length - 1; i >= 0; i--) {
    const people = sentences[i]!.people;
    if (people.length > 0) return people.at(-1)!;
  }
  return null;
}

/** "his rivals in the West" → "Mr. Putin’s rivals in the West", when a person was just named. */
function resolvePossessive(text: string, before: SentenceAnalysis[]): string | null {
  if (!/^(his|her)\b/i.test(text)) return /^(its|their|them|it)\b/i.test(text) ? null : text;
  const person = lastPerson(before);
  return person ? text.replace(/^(his|her)\b/i, `${person}’s`) : null;
}

/** "he has every intention …" → "Mr. Putin has every intention …". */
function resolveHe(text: string, before: SentenceAnalysis[]): string {
  const person = lastPerson(before);
  return person ? text.replace(/^(he|she)\b/i, person) : text;
}

/**
 * Whether a sentence goes on from a supposition: the sentence before it opens with "If" (or an
 * inverted "Were", "Had", "Should") and says what ought to follow, or two questions lead up to a
 * sentence that opens with "If". Its "should" then says what the supposition would require.
 */
function followsSupposition(sentences: readonly { text: string }[], index: number): boolean {
  const supposes = (text: string | undefined) => /^(?:if|were|had|should)\b/i.test(text?.trim() ?? '');
  const before = sentences[index - 1]?.text;
  if (supposes(before) && /\b(?:ought|should|must)\b/i.test(before!)) return true;
  const asked = (i: number) => /\?\W*$/.test(sentences[i]?.text ?? '');
  return supposes(sentences[index]?.text) && asked(index - 1) && asked(index - 2);
}
