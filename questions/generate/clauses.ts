import nlp from 'compromise';
import { opensUnknownName, type Token } from '../language/tokens';
import { denotesAgent, directOpposite, lookup } from '../language/wordnet';

/**
 * Clauses of a sentence and the discourse relation that links each to what comes before it
 * (cause, result, contrast, concession, condition, purpose), and for each clause who does what:
 * its subject, its verb group (auxiliaries, negation, head verb) and the rest. On top of these,
 * grammatical transformations done with compromise's conjugation: a clause turned into a
 * question ("Why has Mr. Putin overplayed his hand?"), negated, or stated positively, with the
 * verb conjugated for its subject and tense instead of words pasted together.
 */

export type Relation = 'cause' | 'result' | 'contrast' | 'concession' | 'condition' | 'purpose';

export type Clause = {
  tokens: Token[];
  relation: Relation | null;
  /** "not because …": a reason the text names in order to reject it. */
  denied?: boolean;
  /** The marker words that open the clause ("because", "as a result"), as written. */
  marker: string;
  /** Tokens after the marker. */
  body: Token[];
  /** The punctuation that ends the clause before this one ("", ",", " -- "). */
  pauseBefore?: string;
  /** Lemmas of the sentence's words before this clause. */
  lemmasBefore?: Set<string>;
  /** An item of a list that a later clause sums up ("X; Y; Z: these are …"): a noun phrase, no clause. */
  listItem?: boolean;
};

export type Proposition = {
  clause: Clause;
  subject: Token[];
  /** Auxiliaries, negation, adverbs inside the group, and the head verb. */
  group: Token[];
  head: Token;
  rest: Token[];
  negative: boolean;
};

/** Multi-word markers first, longest first; each with the relation it signals. */
const MARKERS: { words: string[]; relation: Relation; opensOnlyAfterPause?: boolean }[] = [
  { words: ['as', 'a', 'result'], relation: 'result' },
  { words: ['that', 'is', 'why'], relation: 'result' },
  { words: ['this', 'is', 'why'], relation: 'result' },
  { words: ['that', 'is', 'how'], relation: 'result' },
  { words: ['for', 'this', 'reason'], relation: 'result' },
  { words: ['and', 'yet'], relation: 'contrast' },
  { words: ['even', 'though'], relation: 'concession' },
  { words: ['even', 'if'], relation: 'concession' },
  { words: ['so', 'that'], relation: 'purpose' },
  { words: ['in', 'order', 'to'], relation: 'purpose' },
  { words: ['in', 'order', 'that'], relation: 'purpose' },
  // "So long as fanaticism and fear brood …, we must arm": a condition, not "so" and a clause.
  { words: ['so', 'long', 'as'], relation: 'condition' },
  { words: ['as', 'long', 'as'], relation: 'condition' },
  { words: ['provided', 'that'], relation: 'condition' },
  { words: ['because'], relation: 'cause' },
  { words: ['since'], relation: 'cause', opensOnlyAfterPause: true },
  { words: ['therefore'], relation: 'result' },
  { words: ['thus'], relation: 'result' },
  { words: ['hence'], relation: 'result' },
  { words: ['consequently'], relation: 'result' },
  { words: ['so'], relation: 'result', opensOnlyAfterPause: true },
  { words: ['but'], relation: 'contrast' },
  { words: ['yet'], relation: 'contrast', opensOnlyAfterPause: true },
  { words: ['however'], relation: 'contrast' },
  { words: ['whereas'], relation: 'contrast' },
  { words: ['nevertheless'], relation: 'contrast' },
  { words: ['nonetheless'], relation: 'contrast' },
  { words: ['while'], relation: 'concession', opensOnlyAfterPause: true },
  { words: ['although'], relation: 'concession' },
  { words: ['though'], relation: 'concession', opensOnlyAfterPause: true },
  { words: ['if'], relation: 'condition' },
  { words: ['unless'], relation: 'condition' },
];

const PAUSE = /[,;:—–]|--/;

/** Whether a modal ("can", "may", "shall") comes within a few words, before the next pause. */
function modalBeforePause(tokens: Token[], from: number): boolean {
  for (let k = from; k < Math.min(tokens.length, from + 9); k++) {
    if (tokens[k]!.tags.has('Modal') && /^(can|could|may|might|shall)$/.test(tokens[k]!.normal)) return true;
    if (PAUSE.test(tokens[k]!.post)) return false;
  }
  return false;
}

/** Whether a "since" opens a clause with a verb of its own before the next comma. */
function sinceHasVerb(tokens: Token[], i: number): boolean {
  for (let k = i + 1; k < Math.min(tokens.length, i + 10); k++) {
    if (isFiniteVerb(tokens[k]!) && tokens[k]!.written !== '') return true;
    if (tokens[k]!.post.includes(',')) return false;
  }
  return false;
}

/** A "but" that answers an earlier "not" inside one phrase ("not X but Y"), not a new clause. */
function correlativeBut(tokens: Token[], i: number): boolean {
  let negated = false;
  for (let k = i - 1; k >= 0 && k >= i - 12; k--) {
    if (/^(not|never)$/.test(tokens[k]!.normal)) {
      negated = true;
      break;
    }
    if (PAUSE.test(tokens[k]!.post) && k < i - 1) break;
  }
  if (!negated) return false;
  for (let k = i + 1; k < tokens.length; k++) {
    if (isFiniteVerb(tokens[k]!)) return false;
    if (PAUSE.test(tokens[k]!.post)) break;
  }
  return true;
}

function markerAt(tokens: Token[], i: number): { length: number; relation: Relation } | null {
  const previous = tokens[i - 1];
  const afterPause = i === 0 || PAUSE.test(previous?.post ?? '');
  // "However anxiously we may wish that …, the evidence will not permit …": "however" and the
  // word it grades concede ("no matter how"); "However, we may …" is the contrast below.
  const graded = tokens[i + 1];
  if (
    tokens[i]!.normal === 'however' &&
    !PAUSE.test(tokens[i]!.post) &&
    graded &&
    (graded.pos === 'adv' || graded.pos === 'adj' || /^(much|many|few|little)$/.test(graded.normal))
  )
    return { length: 2, relation: 'concession' };
  for (const marker of MARKERS) {
    if (marker.opensOnlyAfterPause && !afterPause) continue;
    // "since" with a past tense, or with no verb before its comma ("since this century's
    // beginning"), is a time, not a reason.
    if (
      marker.words[0] === 'since' &&
      marker.words.length === 1 &&
      (tokens.slice(i + 1, i + 6).some((t) => t.tags.has('PastTense')) || !sinceHasVerb(tokens, i))
    )
      continue;
    if (marker.words.every((w, k) => tokens[i + k]?.normal === w)) {
      // "singled out because of their faith", "as a result of decisions by the United States, our
      // forces leveled off": before "of", the marker opens a phrase, not a clause.
      if (
        (marker.words.join(' ') === 'because' || marker.words.join(' ') === 'as a result') &&
        tokens[i + marker.words.length]?.normal === 'of'
      )
        continue;
      // "not merely an eloquent symbol but an effective force", "not a vision but a fact": after
      // a "not" of the same sentence, a "but" with no verb of its own before the next pause
      // completes the phrase; cutting there leaves "may become not a vision".
      if (marker.words[0] === 'but' && correlativeBut(tokens, i)) continue;
      // "so" and "yet" open a clause only before a subject: "so many", "not yet" do not.
      if ((marker.words[0] === 'so' || marker.words[0] === 'yet') && marker.words.length === 1) {
        const next = tokens[i + 1];
        // "So much has changed", "so many", "so far": a degree, not a result.
        if (marker.words[0] === 'so' && next && /^(much|many|far|long|few|little)$/.test(next.normal))
          continue;
        if (!next || !(next.tags.has('Pronoun') || next.tags.has('Determiner') || next.tags.has('Noun')))
          continue;
        // "Give us access, so we can make sure …", "move boldly, so every worker who seeks work
        // can find it": "so" before a subject and "can", "could", "may" or "shall" gives the
        // purpose of what comes before, not its result.
        if (marker.words[0] === 'so' && modalBeforePause(tokens, i + 1))
          return { length: 1, relation: 'purpose' };
      }
      return { length: marker.words.length, relation: marker.relation };
    }
  }
  // ", for we know…": "for" as a conjunction giving a reason, followed by a subject and a verb.
  // A sentence that opens on "For" + a clause gives the reason for the sentence before it.
  if (tokens[i]?.normal === 'for' && afterPause) {
    const next = tokens[i + 1];
    if (
      next &&
      /^(whatever|whichever|all|each|every|any|some|many|example|instance|now|ever|years|centuries|decades)$/.test(
        next.normal,
      )
    )
      return null;
    // "For this vision to come true, we must …" states a purpose or a condition, not a reason:
    // a verb after "to" is an infinitive, however the tagger read it.
    // "For those fundamental rights, they risked their lives": a comma before the verb closes a
    // fronted phrase ("for the sake of those rights"), and the verb is the main clause's.
    const hasVerb = tokens
      .slice(i + 2, i + 6)
      .some(
        (t, k, window) =>
          isFiniteVerb(t) &&
          window.slice(0, k).every((before) => before.normal !== 'to') &&
          !tokens.slice(i + 1, i + 2 + k).some((before) => before.post.includes(',')),
      );
    if (next && (next.tags.has('Pronoun') || next.tags.has('Determiner') || next.tags.has('Noun')) && hasVerb)
      return { length: 1, relation: 'cause' };
  }
  return null;
}

export const isFiniteVerb = (t: Token) =>
  t.tags.has('Modal') ||
  t.tags.has('Copula') ||
  (t.tags.has('Auxiliary') && !t.tags.has('Infinitive') && !/^(having|being)$/.test(t.normal)) ||
  (t.tags.has('Verb') && (t.tags.has('PastTense') || t.tags.has('PresentTense')) && !t.tags.has('Gerund'));

/** "It is fitting, therefore, that …": a connective between commas links the whole sentence to the one before. */
const PARENTHETICAL = new Set(['therefore', 'thus', 'hence', 'consequently', 'accordingly']);

/** Splits one sentence's tokens into clauses at discourse markers and strong punctuation. */
export function clausesOf(input: Token[]): Clause[] {
  // "The prospects, I think, for peace are better": the speaker's aside between commas is left
  // out, so the subject stays whole ("peace are better" otherwise).
  const aside = input.findIndex(
    (t, i) =>
      i > 0 &&
      input[i - 1]!.post.includes(',') &&
      /^(i|we)$/.test(t.normal) &&
      KNOWING_OR_SAYING.test(input[i + 1]?.normal ?? '') &&
      input[i + 1]!.post.includes(',') &&
      i + 2 < input.length,
  );
  if (aside !== -1)
    return clausesOf([
      ...input.slice(0, aside - 1),
      { ...input[aside - 1]!, post: input[aside + 1]!.post.replace(',', '') || ' ' },
      ...input.slice(aside + 2),
    ]);
  const parenthetical = input.findIndex(
    (t, i) =>
      i > 0 && PARENTHETICAL.has(t.normal) && input[i - 1]!.post.includes(',') && t.post.includes(','),
  );
  // "living longer and, therefore, drawing benefits longer": after "and" the connective joins the
  // two halves of this sentence, as it does without the commas.
  if (parenthetical > 1 && input[parenthetical - 1]!.normal === 'and') {
    return clausesOf([
      ...input.slice(0, parenthetical - 1),
      { ...input[parenthetical - 1]!, post: ' ' },
      { ...input[parenthetical]!, post: ' ' },
      ...input.slice(parenthetical + 1),
    ]);
  }
  if (parenthetical !== -1) {
    const rest = [
      ...input.slice(0, parenthetical - 1),
      { ...input[parenthetical - 1]!, post: ' ' },
      ...input.slice(parenthetical + 1),
    ];
    const clauses = clausesOf(rest);
    if (clauses[0] && clauses[0].relation === null)
      clauses[0] = { ...clauses[0], relation: 'result', marker: input[parenthetical]!.written };
    return clauses;
  }
  const tokens = input;
  const clauses: Clause[] = [];
  let current: Token[] = [];
  let relation: Relation | null = null;
  let markerLength = 0;
  const close = () => {
    if (current.length > 0) {
      const previous = clauses.at(-1);
      const before = previous?.tokens.at(-1);
      // "…are decent, not because we believe in ourselves": the "not" denies the reason, and
      // leaves the clause before it ("Why are Americans decent?", not "… decent, not?").
      if (previous && relation === 'cause' && before?.normal === 'not' && previous.tokens.length > 1) {
        previous.tokens = previous.tokens.slice(0, -1);
        previous.body = previous.body.filter((t) => t !== before);
      }
      clauses.push({
        tokens: current,
        relation,
        denied: relation === 'cause' && before?.normal === 'not',
        marker: current
          .slice(0, markerLength)
          .map((t) => t.written || t.text)
          .join(' '),
        body: current.slice(markerLength),
        pauseBefore: before?.post ?? '',
        lemmasBefore: new Set(clauses.flatMap((c) => c.tokens.map((t) => t.lemma))),
      });
    }
    current = [];
    relation = null;
    markerLength = 0;
  };
  for (let i = 0; i < tokens.length; i++) {
    const marker = markerAt(tokens, i);
    const previous = tokens[i - 1];
    // "Because the talks failed, the envoy left": a fronted subordinate clause ends at the comma
    // after its verb, where the main clause's subject and verb follow.
    const subordinateEnds =
      relation !== null &&
      relation !== 'result' &&
      relation !== 'contrast' &&
      previous?.post.includes(',') &&
      current.slice(markerLength).some((t, k, body) => isFiniteVerb(t) && !participleWithAgent(body, k)) &&
      tokens.slice(i + 1, i + 6).some(isFiniteVerb) &&
      !isFiniteVerb(tokens[i]!) &&
      // "equality in justice, in opportunity and in civil rights": a preposition said again goes
      // on with a list (whatever verb the tagger sees in "rights").
      !(
        /^(in|on|at|by|for|from|with|to|of|through|over|under|against|among|between|about)$/.test(
          tokens[i]!.normal,
        ) && current.slice(-3).some((t) => t.normal === tokens[i]!.normal)
      );
    if (marker && (i === 0 || current.length > 0)) {
      close();
      relation = marker.relation;
      markerLength = marker.length;
    } else if ((previous && /[;:—–]|--/.test(previous.post) && current.length > 0) || subordinateEnds) {
      close();
    }
    current.push(tokens[i]!);
  }
  close();
  markSummedUpList(clauses);
  return clauses;
}

/** A past form that is no auxiliary or copula: a participle, perhaps, that a parse took for the verb. */
const isLexicalPast = (t: Token) =>
  t.tags.has('PastTense') && !t.tags.has('Auxiliary') && !t.tags.has('Copula');

/**
 * "regions overwhelmed by poverty, corruption, and despair are …": a past participle after a
 * bare noun, with its agent after it, describes the noun; the clause's verb is still to come.
 */
function participleWithAgent(tokens: Token[], k: number): boolean {
  const verb = tokens[k]!;
  return (
    k > 0 &&
    tokens[k - 1]!.pos === 'noun' &&
    !tokens[k - 1]!.tags.has('Pronoun') &&
    !tokens[k - 1]!.post.trim() &&
    isLexicalPast(verb) &&
    tokens[k + 1]?.normal === 'by' &&
    !/^(night|day|land|sea|air|hand|force|chance|mistake|far)$/.test(tokens[k + 2]?.normal ?? '')
  );
}

/**
 * "The regular distribution of power into distinct departments; the introduction of legislative
 * balances; …: these are wholly new discoveries": items joined by semicolons and summed up after a
 * colon by "these", "those", "such" or "all" are noun phrases, whatever verb the tagger sees in them.
 */
function markSummedUpList(clauses: Clause[]): void {
  const summary = clauses.findIndex(
    (c, i) =>
      i >= 2 && /:/.test(c.pauseBefore ?? '') && /^(these|those|such|all)$/.test(c.body[0]?.normal ?? ''),
  );
  if (summary === -1) return;
  const items = clauses.slice(0, summary);
  if (items.slice(1).every((c) => /;/.test(c.pauseBefore ?? '')))
    for (const item of items) item.listItem = true;
}

const GROUP_TAGS = ['Modal', 'Auxiliary', 'Copula', 'Negative', 'Verb'];
const inGroup = (t: Token) =>
  GROUP_TAGS.some((tag) => t.tags.has(tag)) || (t.pos === 'adv' && !t.post.trim());

/** Sentence adverbs that make what follows a guess, not a statement. */
const HEDGES = new Set(['perhaps', 'maybe', 'possibly', 'presumably', 'arguably']);

/** Participles that follow a noun to name it ("a man named …", "a group known as …"). */
const NAMING_PARTICIPLES = new Set(['named', 'called', 'known', 'titled', 'entitled', 'dubbed']);

/** Words that open a clause without being its subject. */
const OPENERS = new Set([
  'yet',
  'and',
  'or',
  'so',
  'now',
  'then',
  'still',
  'indeed',
  'also',
  'moreover',
  'finally',
  'first',
  'second',
  'third',
]);

/**
 * A noun the tagger read as a verb, which would make "We superpowers also have …" into "we do
 * not superpower …": a word with no verb sense in WordNet, or a plural noun inside a
 * prepositional phrase before another preposition ("dependence … on oil supplies from …").
 */
function misreadNoun(body: Token[], i: number): boolean {
  const t = body[i]!;
  if (t.tags.has('Modal') || t.tags.has('Auxiliary') || t.tags.has('Copula')) return false;
  const word = t.normal.replace(/[^\p{L}'-]/gu, '');
  if (!lookup(t.lemma, 'v') && !lookup(word, 'v')) return true;
  const before = body[i - 1];
  // "our arms control talks": the two words as written are one noun in WordNet.
  if (before?.pos === 'noun' && !before.post.trim() && lookup(`${before.normal} ${word}`, 'n') !== null)
    return true;
  return (
    /s$/.test(word) &&
    before !== undefined &&
    before.pos === 'noun' &&
    !before.post.trim() &&
    body[i - 2]?.tags.has('Preposition') === true &&
    body[i + 1]?.tags.has('Preposition') === true &&
    lookup(t.lemma, 'n') !== null
  );
}

/** "Great nations like great men must keep their word": "like" before a modal of the same stretch compares. */
function likeAsPreposition(body: Token[], i: number): boolean {
  if (!/^(like|unlike)$/.test(body[i]!.normal)) return false;
  // A noun before it ("nations like …"), not "we like the plan that is …".
  const before = body[i - 1];
  if (before?.pos !== 'noun' || before.tags.has('Pronoun')) return false;
  for (const t of body.slice(i + 1)) {
    if (t.tags.has('Modal') || t.tags.has('Copula')) return true;
    if (/^(that|who|which|what|to)$/.test(t.normal) || t.pos === 'verb' || /[,;:]/.test(t.post)) return false;
  }
  return false;
}

/**
 * Subject, verb group and the rest of a clause, or null when the clause has no plain
 * subject-verb shape (a question, an imperative, a fragment, a subject we cannot delimit).
 */
/**
 * "The improvements made by the American constitutions … cannot be too much admired", "the treaty
 * signed by both parties will bind …": a participle after its noun and before "by" describes the
 * subject, when a modal, auxiliary or copula follows to be the clause's own verb.
 */
function participleInSubject(body: readonly Token[], i: number): boolean {
  const t = body[i]!;
  if (!(t.tags.has('PastTense') || t.tags.has('Participle')) || body[i + 1]?.normal !== 'by') return false;
  if (body[i - 1]?.pos !== 'noun') return false;
  for (let k = i + 2; k < body.length; k++) {
    const u = body[k]!;
    if (/^(that|which|who|whom|whose)$/.test(u.normal)) return false;
    if (u.tags.has('Modal') || u.tags.has('Auxiliary') || u.tags.has('Copula')) return true;
  }
  return false;
}

/** Verbs that take a clause without "that" ("we know you care"). */
const KNOWING_OR_SAYING =
  /^(know|think|believe|say|hope|feel|see|suppose|expect|guess|wish|hear|understand|trust|fear|doubt|bet|mean)$/;

export function propositionOf(clause: Clause): Proposition | null {
  if (clause.listItem) return null;
  let body = clause.body;
  while (body[0] && OPENERS.has(body[0].normal) && body.length > 3) {
    const opener = body[0];
    body = body.slice(1);
    if (opener.post.includes(',')) continue;
  }
  // "To those old allies whose origins we share, we pledge …": a fronted phrase that opens on a
  // preposition ends at its first comma, and the clause proper starts after it.
  let from = 0;
  if (body[0]?.tags.has('Preposition')) {
    const comma = body.findIndex((t) => t.post.includes(','));
    if (comma > 0 && comma < body.length - 3) from = comma + 1;
    // "Without such machinery, the entire world will have to remain an armed camp": a fronted
    // "without" is a condition, and the clause alone says the opposite of the author's hope.
    if (from > 0 && /^(without|absent)$/.test(body[0].normal)) return null;
  }
  // A relative clause inside the subject ("the beliefs for which our forebears fought are …")
  // has its own verb: the main verb is the next one after it.
  const isCandidate = (t: Token, i: number) =>
    i >= from &&
    isFiniteVerb(t) &&
    !isPossessiveIs(body, i) &&
    body[i - 1]?.normal !== 'to' &&
    // "aid to help build up": a bare infinitive after an infinitive is no finite verb.
    !(body[i - 2]?.normal === 'to' && body[i - 1]?.tags.has('Verb')) &&
    // "the cherished birthright": a participle after a determiner is an adjective.
    !(body[i - 1]?.tags.has('Determiner') && !t.tags.has('Copula') && !t.tags.has('Modal')) &&
    !misreadNoun(body, i) &&
    !likeAsPreposition(body, i) &&
    // "the state of Genoa having offended Louis XIV., endeavored …": a participle phrase's verb.
    !/^(having|being)$/.test(body[i - 1]?.normal ?? '') &&
    !participleInSubject(body, i) &&
    // "channels is": a word read as a verb right before the real one is the subject's noun.
    !(
      !t.tags.has('Modal') &&
      !t.tags.has('Auxiliary') &&
      !t.tags.has('Copula') &&
      body[i + 1] !== undefined &&
      (body[i + 1]!.tags.has('Copula') || body[i + 1]!.tags.has('Modal')) &&
      !t.post.trim()
    );
  let firstVerb = body.findIndex(isCandidate);
  const relative = body.findIndex(
    (t, i) =>
      i >= from &&
      i < firstVerb &&
      (/^(which|who|whom|whose)$/.test(t.normal) ||
        // "Nations that are conscious of … are not apt to …": "that" between a noun and a verb
        // opens a relative clause (a "that" clause would have its own subject first).
        (t.normal === 'that' &&
          i === firstVerb - 1 &&
          i > from &&
          Boolean(body[i - 1]?.tags.has('Noun')) &&
          // A pause before it ("income -- that is, …") opens an aside, not a relative clause.
          !body[i - 1]!.post.trim() &&
          !body[i - 1]?.tags.has('Pronoun'))),
  );
  if (relative > from && firstVerb > relative) {
    // The relative clause's own verb group and its object come first; the main verb is the next
    // auxiliary, modal or copula ("… which we can afford to use … are limited"), else the last verb.
    // The relative clause's verb group ("which can endure") is its own: the main verb comes after.
    let groupEnd = firstVerb;
    while (body[groupEnd + 1] && inGroup(body[groupEnd + 1]!)) groupEnd++;
    const later = body.map((_t, i) => i).filter((i) => i > groupEnd && isCandidate(body[i]!, i));
    const auxiliary = later.find(
      (i) =>
        (body[i]!.tags.has('Copula') || body[i]!.tags.has('Modal') || body[i]!.tags.has('Auxiliary')) &&
        !body.slice(firstVerb, i).every((t) => inGroup(t)),
    );
    const next = auxiliary ?? later.at(-1) ?? -1;
    if (next === -1 || body.slice(firstVerb, next).some((t) => t.post.includes(','))) return null;
    firstVerb = next;
  }
  if (firstVerb <= from) return null;
  let start = from;
  for (let i = from; i < firstVerb; i++) if (body[i]!.post.includes(',')) start = i + 1;
  // "With France and with Britain we are rivals", "Seven years ago I entered …": a fronted
  // phrase without its comma ends where a subject pronoun starts the clause proper. Not after
  // a noun or a "what": "the chance we must seize", "What we saw was …".
  for (let i = firstVerb - 1; i > start; i--) {
    if (!/^(i|we|they|he|she)$/.test(body[i]!.normal)) continue;
    if (body[start]!.tags.has('Preposition') || body[i - 1]!.normal === 'ago') start = i;
    break;
  }
  const relativeSubject = relative > from && relative < firstVerb;
  // "we already see": an adverb between subject and verb belongs to the verb group.
  let subjectEnd = firstVerb;
  while (
    subjectEnd > start + 1 &&
    (body[subjectEnd - 1]!.pos === 'adv' || body[subjectEnd - 1]!.tags.has('Conjunction')) &&
    !body[subjectEnd - 1]!.tags.has('Noun')
  )
    subjectEnd--;
  // "many do not seek treatment": after a bare quantifier the parse reads "do" as a noun, so the
  // "do not" that belongs to the verb group ends the subject.
  if (
    subjectEnd - 2 > start &&
    body[subjectEnd - 1]!.isNegator &&
    /^(do|does|did)$/.test(body[subjectEnd - 2]!.normal)
  )
    subjectEnd -= 2;
  // "Last year the Congress authorized …": a time phrase without its comma before the subject
  // ("Tonight", one word, stays: a question moves it to its end).
  if (
    subjectEnd - start > 2 &&
    /^(last|this|next)$/.test(body[start]!.normal) &&
    /^(year|week|month|spring|summer|fall|autumn|winter|session|january|february|march|april|may|june|july|august|september|october|november|december)$/.test(
      body[start + 1]!.normal,
    ) &&
    /^(the|a|an|our|their|this|these|those|my|his|her|its)$/.test(body[start + 2]!.normal)
  )
    start += 2;
  // "Occasionally there comes a time …": an adverb before an existential "there" is no part of
  // the subject, which is "there" alone (and no actor).
  if (
    subjectEnd - start > 1 &&
    body[subjectEnd - 1]!.normal === 'there' &&
    body.slice(start, subjectEnd - 1).every((t) => t.pos === 'adv')
  )
    start = subjectEnd - 1;
  const subject = body.slice(start, subjectEnd);
  if (subject.length === 0 || subject.length > (relativeSubject ? 14 : 9)) return null;
  // "Industrial production, consumer spending, retail sales, personal income all have been
  // rising": "all" after a noun sums up a list, whose last item alone is no subject.
  // "For this, too, bears on whether or not we can compete": a "whether" inside the subject
  // opens a clause of its own, so the subject found is the end of another phrase.
  if (subject.some((t, i) => i > 0 && t.normal === 'whether')) return null;
  // The parse may take the "all" into the subject or into the verb group.
  const summing = /^(all|both)$/.test(body[subjectEnd]?.normal ?? '') ? body[subjectEnd]! : subject.at(-1)!;
  if (start > from && subject.length > 1 && /^(all|both)$/.test(summing.normal)) return null;
  // "income--that is, what you really can buy": "that is," opens an aside; the main verb is later.
  if (
    /\bthat$/i.test(subject.at(-1)!.text) &&
    body[firstVerb]!.normal === 'is' &&
    body[firstVerb]!.post.includes(',')
  )
    return null;
  // "Perhaps the NATO Charter reflects …": a hedged sentence is no statement of fact.
  if (body.slice(0, start + 1).some((t) => HEDGES.has(t.normal))) return null;
  // "every means of diplomacy": a determiner alone is no subject; its noun was read as the verb.
  if (subject.length === 1 && subject[0]!.tags.has('Determiner') && !subject[0]!.tags.has('Pronoun'))
    return null;
  // "myself I …", and "an America united in feeling" (an apposition, its participle no verb).
  if (subject.some((t) => t.tags.has('Reflexive'))) return null;
  // "and in the Gulf", "of the nations": a subject opens on a noun phrase, not a link word (nor on
  // one the tagger calls an adjective: "…, against all the most inward pulls of my desire").
  if (
    subject[0]!.tags.has('Conjunction') ||
    subject[0]!.tags.has('Preposition') ||
    /^(against|upon|toward|towards|among|amid|amidst|despite|beyond|beneath|throughout|via|unto)$/.test(
      subject[0]!.normal,
    )
  )
    return null;
  // "Ultimately upon Congress rests responsibility": past an adverb, a preposition opens an inverted
  // sentence, whose subject comes after its verb.
  if (
    subject[0]!.tags.has('Adverb') &&
    subject[1]?.tags.has('Preposition') &&
    !/^(than|as)$/.test(subject[1].normal)
  )
    return null;
  // "The thing I shall count upon …": a pronoun after the head noun opens a relative clause,
  // and the verb found is that clause's, not the sentence's.
  if (
    !relativeSubject &&
    subject.some(
      (t, i) => i > 0 && t.tags.has('Pronoun') && !t.tags.has('Possessive') && subject[i - 1]!.pos === 'noun',
    )
  )
    return null;
  // "brothers who know now they are truly brothers": a subject pronoun after the relative
  // clause's verb opens a clause of its own ("they are …"), so there is no main verb left.
  if (
    relativeSubject &&
    subject.some(
      (t, i) =>
        /^(i|we|he|she|they)$/.test(t.normal) &&
        subject.slice(relative - start, i).some((u) => isFiniteVerb(u)),
    )
  )
    return null;
  // "whatever period is required", "let us begin", "ask not what…", "neither can…": no subject a
  // statement can be about.
  if (
    subject.some((t) => t.normal === 'let') ||
    /^(whatever|whichever|whoever|let|please|neither|nor|not|where|what|when|how|why|who|which)$/.test(
      subject[0]!.normal,
    ) ||
    subject.some(
      (t, i) =>
        t.tags.has('Imperative') ||
        /^(what|where|when|how|why)$/.test(t.normal) ||
        (!(relativeSubject && i > relative - start) &&
          // "Sustaining … channels is": the word before the verb group is the subject's head noun.
          i !== subject.length - 1 &&
          t.written !== '' &&
          t.tags.has('Verb') &&
          !t.tags.has('Gerund') &&
          !t.tags.has('Participle') &&
          !t.tags.has('Noun') &&
          // "Great nations like great men must …": read as a comparison (likeAsPreposition).
          !/^(like|unlike)$/.test(t.normal) &&
          !participleInSubject(body, start + i)),
    )
  )
    return null;
  if (
    !relativeSubject &&
    subject.some((t) => t.tags.has('QuestionWord') || /^(who|which|that|whom|whose)$/.test(t.normal))
  )
    return null;
  let end = firstVerb;
  while (end < body.length && inGroup(body[end]!) && !body[end - 1]?.post.includes(',')) {
    end++;
    // The head verb ends the group: "will mean that", not "will mean that these".
    const last = body[end - 1]!;
    if (
      last.tags.has('Verb') &&
      !last.tags.has('Auxiliary') &&
      !last.tags.has('Modal') &&
      !last.tags.has('Copula')
    ) {
      // "have now taken", "has long stood": compromise reads a "have" that an adverb parts from
      // its participle as the main verb; the participle ends the group.
      // "did not even mention", "didn't really want": compromise reads a "did" that an adverb
      // parts from its verb as the main verb; the bare verb ends the group.
      const participle = perfectParticipleAfter(body, end - 1) ?? verbAfterDo(body, end - 1);
      if (participle === null) break;
      end = participle + 1;
      break;
    }
    // After a copula the group goes on only to a verb ("is also betting"), not to a complement.
    if (last.tags.has('Copula')) {
      let k = end;
      while (body[k] && (body[k]!.pos === 'adv' || body[k]!.tags.has('Negative'))) k++;
      if (
        !body[k]?.tags.has('Verb') ||
        (body[k]!.tags.has('Copula') === false && !/ing$|ed$|en$/.test(body[k]!.normal))
      ) {
        if (!body[end]?.tags.has('Negative')) break;
      }
    }
  }
  const group = body.slice(subjectEnd, end);
  // "Our recently signed INF Treaty is historic": after a possessive alone, a participle is an
  // adjective of the noun after it, and the clause's verb comes after that noun.
  if (
    subject.length === 1 &&
    subject[0]!.tags.has('Possessive') &&
    group.some((t) => isLexicalPast(t)) &&
    body
      .slice(end, end + 5)
      .some((t, i, after) => i > 0 && isFiniteVerb(t) && !after.slice(0, i).some((u) => /[,;:]/.test(u.post)))
  )
    return null;
  // "Important challenges remain": a noun read as the verb, the real verb straight after it.
  if (
    group.length === 1 &&
    group[0]!.tags.has('PresentTense') &&
    /[^s]s$/.test(group[0]!.normal) &&
    !/,/.test(group[0]!.post) &&
    body[end] !== undefined &&
    !/s$/.test(body[end]!.normal) &&
    isFiniteVerb(body[end]!) &&
    body[end]!.tags.has('PresentTense') &&
    !body[end]!.tags.has('Auxiliary') &&
    !body[end]!.tags.has('Gerund') &&
    !/^(do|does|did)$/.test(group[0]!.normal)
  )
    return null;
  // "[that decreases in desirable but] less urgent programs be made …": a bare "be" after a
  // subject is a subjunctive inside a "that" clause the split lost, or a misparse; no statement.
  if (group.find((t) => !t.isNegator && t.pos !== 'adv')?.normal === 'be') return null;
  if (
    /^(a|an)$/.test(subject[0]!.normal) &&
    group.length === 1 &&
    group[0]!.tags.has('PastTense') &&
    /[,;—–]|--/.test(
      clause.tokens[0] === body[0] ? '' : (clause.tokens[clause.tokens.indexOf(body[0]!) - 1]?.post ?? ''),
    )
  )
    return null;
  const head = [...group].reverse().find((t) => t.tags.has('Verb') || t.tags.has('Copula'));
  if (!head) return null;
  // "God bless America", "Heaven help us": a verb in its bare form after a singular subject is
  // a wish (the subjunctive), not a statement of what someone does.
  if (group.length === 1 && isBareFormAfterSingular(head, subject)) return null;
  // "…, and, as a result, likely saved 200 lives": a subject needs a noun or a pronoun.
  if (!subject.some((t) => t.pos === 'noun' || t.tags.has('Noun') || t.tags.has('Pronoun'))) return null;
  // "The regular distribution of power into …": no noun phrase ends in "of" or "the", so the
  // "verb" after it is the noun it was waiting for.
  const lastOfSubject = subject.at(-1)!;
  if (
    !lastOfSubject.post.trim() &&
    (lastOfSubject.tags.has('Preposition') || /^(the|a|an)$/.test(lastOfSubject.normal)) &&
    !lastOfSubject.tags.has('Pronoun')
  )
    return null;
  // "There are lies: lies told for power and for profit": after a colon, a bare noun and a
  // participle before a preposition name a kind of thing; nobody "told" anything.
  if (
    group.length === 1 &&
    /:/.test(clause.pauseBefore ?? '') &&
    !subject.some((t) => t.tags.has('Determiner') || t.tags.has('Possessive')) &&
    isParticipleForm(head) &&
    body[end]?.tags.has('Preposition') === true
  )
    return null;
  // "Knowledge gained from research will improve …": a participle after a bare noun with a
  // modal still to come is a reduced relative clause; the sentence's verb is the modal's.
  if (group.length === 1 && isReducedRelative(subject, head, body.slice(end))) return null;
  // "a person named Osama bin Laden", "a group known as …": a participle after its noun, no verb.
  if (
    group.length === 1 &&
    NAMING_PARTICIPLES.has(head.normal) &&
    (body[end]?.tags.has('ProperNoun') || body[end]?.normal === 'as')
  )
    return null;
  // "… the courage of passengers -- passengers like an exceptional man": after a dash, a noun
  // the sentence already named opens an apposition that repeats it, not a clause of its own.
  if (clause.tokens[0] === body[0] && /[—–]|--/.test(clause.pauseBefore ?? '')) {
    const headNoun = subject.findLast((t) => t.pos === 'noun');
    if (headNoun && clause.lemmasBefore?.has(headNoun.lemma)) return null;
  }
  // "To this great national object, a NAVY, union will contribute in various ways": a fronted
  // "to" phrase is what the verb goes to when nothing but a preposition or an adverb follows it;
  // without it the clause says nothing ("union will contribute in various ways").
  const rest = body.slice(end);
  // "home ownership rates, the highest ever": in a list that leaves out its verb, a plural noun
  // with a comma and a noun phrase after it reads as a verb. No verb of the clause has a comma
  // straight after it with only a phrase to follow.
  if (
    group.length === 1 &&
    head.tags.has('PresentTense') &&
    /,/.test(head.post) &&
    rest[0]?.tags.has('Determiner') === true &&
    !rest.some(isFiniteVerb)
  )
    return null;
  // "the tax cuts you passed should be permanent": a noun read as a verb, then a relative
  // clause ("you passed") and the sentence's own verb ("should be").
  if (
    group.length === 1 &&
    head.tags.has('PresentTense') &&
    !KNOWING_OR_SAYING.test(head.lemma) &&
    /^(i|we|you|they|he|she)$/.test(rest[0]?.normal ?? '') &&
    rest[1]?.tags.has('PastTense') === true &&
    rest.slice(2).some((t) => t.tags.has('Modal') || t.tags.has('Copula') || t.tags.has('Auxiliary'))
  )
    return null;
  // "The changes already accomplished foreshadow a world …": a participle right before a finite
  // verb describes the subject; the verb after it is the sentence's.
  if (
    group.length <= 2 &&
    isLexicalPast(head) &&
    rest[0] !== undefined &&
    isFiniteVerb(rest[0]) &&
    rest[0].tags.has('PresentTense') &&
    !rest[0].tags.has('Auxiliary') &&
    !/,/.test(head.post)
  )
    return null;
  // "the expenditures associated with our efforts in Vietnam continue": a participle and its
  // phrase after the subject's noun, then the verb of the clause.
  if (
    group.length === 1 &&
    isLexicalPast(head) &&
    subject.at(-1)?.pos === 'noun' &&
    rest[0]?.tags.has('Preposition') &&
    rest.some(
      (t, i) =>
        i > 1 &&
        isFiniteVerb(t) &&
        t.tags.has('PresentTense') &&
        !rest
          .slice(0, i)
          .some(
            (u) =>
              /^(that|which|who|whom|and|or|but|because|if|when|where)$/.test(u.normal) ||
              /[,;:]/.test(u.post),
          ),
    )
  )
    return null;
  // "wage increases that outrun productivity[, however, are …]": a noun read as the verb, with a
  // relative clause right after it; the real verb is later, or cut off by the commas.
  if (
    /^(that|which|who)$/.test(rest[0]?.normal ?? '') &&
    rest[1] !== undefined &&
    (isFiniteVerb(rest[1]) || (lookup(rest[1].normal, 'v') !== null && lookup(rest[1].normal, 'n') === null))
  )
    return null;
  // "What we accomplish this year, in each challenge we face, will set our course": a verb
  // followed by a comma and a modal belongs to a clause inside the subject; the sentence's own
  // verb is the modal's, and its subject is more than the words found before.
  if (
    /,/.test(head.post) &&
    rest[0] !== undefined &&
    (rest[0].tags.has('Modal') || (rest[0].tags.has('Auxiliary') && isFiniteVerb(rest[0])))
  )
    return null;
  if (
    from > 0 &&
    body[0]?.normal === 'to' &&
    (rest.length === 0 || rest[0]!.tags.has('Preposition') || rest[0]!.pos === 'adv')
  )
    return null;
  return {
    clause,
    subject,
    group,
    head,
    rest,
    negative: group.some((t) => t.isNegator),
  };
}

/** "Mr. Putin is right about one thing:", "we must recognize a hard fact:": the clause announces what follows. */
export const announcesWhatFollows = (proposition: Proposition) =>
  /:\s*$/.test(proposition.clause.tokens.at(-1)?.post ?? '');

/**
 * "Americans have known the casualties of war -- but not at the center of a great city": a clause
 * that the next one qualifies with "but" says, alone, less than the sentence or the opposite.
 */
export const turnedBy = (next: Clause | undefined) =>
  next !== undefined &&
  next.relation === 'contrast' &&
  /^(?:but|yet)$/i.test(next.marker) &&
  // "…, but it does not end there" is a clause of its own; "but not at the center …" qualifies.
  propositionOf(next) === null;

const HAVE_FORMS = /^(have|has|had)$/;

/**
 * A past participle after a noun subject, with a modal later in the same stretch and no clause
 * of its own opening before it: "Knowledge gained from research will improve …".
 */
function isReducedRelative(subject: Token[], head: Token, after: Token[]): boolean {
  const noun = subject.at(-1)!;
  if (!head.tags.has('PastTense') || head.tags.has('Copula') || head.tags.has('Auxiliary')) return false;
  if (noun.pos !== 'noun' || noun.tags.has('Pronoun')) return false;
  const stop = after.findIndex((t) => /[,;—–]|--/.test(t.post));
  const stretch = stop === -1 ? after : after.slice(0, stop + 1);
  const modal = stretch.findIndex((t) => t.tags.has('Modal'));
  return (
    modal >= 0 &&
    !stretch
      .slice(0, modal)
      .some((t) => /^(who|which|that|whom|whose|because|if|when|so|and|but)$/.test(t.normal))
  );
}

/**
 * The index of the past participle that a "have" at `at` governs across adverbs ("have now
 * taken"), or null when the "have" is the main verb ("have the stronger cards").
 */
function perfectParticipleAfter(tokens: Token[], at: number): number | null {
  const have = tokens[at]!;
  if (!HAVE_FORMS.test(have.normal) || have.post.trim()) return null;
  let k = at + 1;
  // compromise tags "now" and "yet" ("has not yet paid") conjunctions here and "long" ("has long
  // stood") an adjective.
  const isAdverb = (t: Token) =>
    (t.pos === 'adv' || t.isNegator || /^(now|yet|long)$/.test(t.normal)) && !t.tags.has('Verb');
  while (tokens[k] && isAdverb(tokens[k]!) && !tokens[k]!.post.trim()) k++;
  if (k === at + 1) return null;
  const verb = tokens[k];
  return verb?.tags.has('Verb') && isParticipleForm(verb) ? k : null;
}

/** "did not even mention": the bare verb a "do" takes past "not" and adverbs, or null. */
function verbAfterDo(tokens: Token[], at: number): number | null {
  if (!/^(do|does|did)$/.test(tokens[at]!.normal) || tokens[at]!.post.trim()) return null;
  let k = at + 1;
  while (tokens[k] && (tokens[k]!.isNegator || tokens[k]!.pos === 'adv') && !tokens[k]!.post.trim()) k++;
  if (k === at + 1 || !tokens.slice(at + 1, k).some((t) => t.pos === 'adv')) return null;
  const verb = tokens[k];
  return verb?.tags.has('Verb') && verb.tags.has('Infinitive') ? k : null;
}

/** "told", "taken": a verb written as its past participle (compromise omits it where it is the past tense). */
function isParticipleForm(verb: Token): boolean {
  if (verb.tags.has('Participle')) return true;
  if (!verb.tags.has('PastTense')) return false;
  const forms = conjugate(verb.lemma);
  return (forms.Participle ?? forms.PastTense) === verb.normal;
}

/** A lexical verb in its bare form ("bless", not "blesses") after a singular third-person subject. */
function isBareFormAfterSingular(head: Token, subject: Token[]): boolean {
  if (
    head.tags.has('Copula') ||
    head.tags.has('Modal') ||
    head.tags.has('Auxiliary') ||
    head.tags.has('PastTense') ||
    !head.written
  )
    return false;
  // Only a bare singular noun ("God", "the Lord", "Heaven"): a longer subject's head is too
  // easily misread ("American actions this past week offer …" is plural).
  const nouns = subject.filter((t) => !t.tags.has('Determiner'));
  if (nouns.length !== 1 || nouns[0]!.pos !== 'noun' || nouns[0]!.tags.has('Plural')) return false;
  if (nouns[0]!.tags.has('Pronoun')) return false;
  const forms = conjugate(head.lemma);
  return (
    head.normal === forms.Infinitive &&
    forms.PresentTense !== undefined &&
    head.normal !== forms.PresentTense &&
    // "The president put …" is a past tense.
    head.normal !== forms.PastTense
  );
}

/** compromise reads "Putin’s adversarial calculus" as "Putin is …"; a later verb shows it was a possessive. */
/**
 * An "'s" the tokenizer read as "is" or "has" that is a possessive: a finite verb as written
 * follows ("Iraq's only law was …", not "Iraq has only law").
 */
function isPossessiveIs(tokens: Token[], i: number): boolean {
  const token = tokens[i]!;
  const [next, after] = [tokens[i + 1], tokens[i + 2]];
  // "Hezbollah's repeated attacks … has led": a participle before a noun is the noun's adjective,
  // so this "has" needs the later verb to be a possessive.
  const participleOfNoun =
    next?.tags.has('PastTense') === true &&
    after?.tags.has('Noun') === true &&
    !after.tags.has('Pronoun') &&
    !next.post.trim();
  if (
    token.written !== '' ||
    !(
      token.tags.has('Copula') ||
      (token.normal === 'has' && (!next?.tags.has('Verb') || participleOfNoun))
    ) ||
    tokens[i - 1]?.tags.has('Pronoun') ||
    /^(there|here)$/.test(tokens[i - 1]?.normal ?? '')
  )
    return false;
  return tokens.slice(i + 1).some((t) => isFiniteVerb(t) && t.written !== '');
}

/** Text of tokens as written (contractions whole, quotation marks kept). */
export function textOf(tokens: Token[]): string {
  let out = '';
  tokens.forEach((token, i) => {
    if (!token.written && i > 0) {
      out = out.trimEnd() + token.post;
      return;
    }
    out += token.pre + (token.written || token.text) + token.post;
  });
  return out.replace(/\s+/g, ' ').trim();
}

/**
 * Without a focus word a split before "because" left at the end: "we sank into the present
 * recession, largely[ because …]", "held to a high standard, indeed[, because …]". The word
 * belongs to the reason split off.
 */
export const withoutTrailingFocusWord = (text: string) =>
  text.replace(
    /,?\s+(?:just|only|simply|merely|solely|precisely|exactly|mainly|mostly|largely|partly|chiefly|primarily|principally|indeed)$/i,
    '',
  );

/** A clause's text without its closing punctuation, nor a focus word left at its end. */
const trimEnd = (text: string) =>
  withoutTrailingFocusWord(text.replace(/[\s,;:—–-]+$/, '').replace(/[.!?]+["”’]?$/, ''));

const THIRD_SINGULAR_PRONOUN = /^(he|she|it|this|that|one|everyone|everybody|nobody|no one)$/i;

/** Words of quantity whose phrase agrees with the noun after "of": "half of our families are". */
const PORTION =
  /^(half|part|majority|minority|most|many|few|several|both|any|more|rest|some|all|none|lots|lot|percent|third|quarter|bulk|remainder)$/;

export function isSingularSubject(subject: Token[]): boolean {
  // The head of a subject noun phrase is its last noun before "of": "the makers of plowshares" is
  // plural; but "half of our families", "many of our citizens" take their number from the noun.
  const ofAt = subject.findIndex((t) => t.normal === 'of');
  // "each of our farmers", "one of them": one.
  if (ofAt > 0 && /^(each|one|either|neither)$/.test(subject[ofAt - 1]!.normal)) return true;
  const portion = ofAt > 0 && PORTION.test(subject[ofAt - 1]!.normal);
  // "90 percent of the people of Latin America": the portion's noun is the one before the next "of".
  const portionOf = subject.slice(ofAt + 1);
  const nextOf = portionOf.findIndex((t) => t.normal === 'of');
  const headPart =
    ofAt <= 0
      ? subject
      : portion
        ? portionOf.slice(0, nextOf > 0 ? nextOf : undefined)
        : subject.slice(0, ofAt);
  const head = [...headPart].reverse().find((t) => t.tags.has('Noun') || t.tags.has('Pronoun'));
  if (!head) return true;
  if (head.tags.has('Pronoun')) return THIRD_SINGULAR_PRONOUN.test(head.normal);
  if (headPart.some((t) => t.normal === 'and')) return false;
  return !head.tags.has('Plural');
}

/** The forms of a verb by compromise's conjugation, cached. */
const conjugations = new Map<string, Record<string, string>>();
export function conjugate(infinitive: string): Record<string, string> {
  let forms = conjugations.get(infinitive);
  if (!forms) {
    forms = (nlp(infinitive).verbs().conjugate()[0] as Record<string, string> | undefined) ?? {};
    conjugations.set(infinitive, forms);
  }
  return forms;
}

const infinitiveOf = (token: Token) => (token.tags.has('Copula') ? 'be' : token.lemma);

type Parts = { aux: string | null; negative: boolean; verb: string; between: string };

/**
 * The verb group as an auxiliary (possibly "do"-support) and the rest: "has overplayed" →
 * has + overplayed; "sees" → does + see; "saw" → did + see; "is" → is.
 */
function splitGroup(proposition: Proposition): Parts | null {
  const words = proposition.group.filter((t) => !t.isNegator);
  const negative = proposition.negative;
  const adverbs = words.filter((t) => t.pos === 'adv' && !t.tags.has('Verb'));
  const verbs = words.filter((t) => !adverbs.includes(t));
  const first = verbs[0];
  if (!first) return null;
  const between = adverbs.map((t) => t.written || t.text).join(' ');
  const written = (t: Token) => (t.written ? t.written : t.text);
  const singular = isSingularSubject(proposition.subject);
  // "has to do with", "had to wait": "have to" takes "do" like any verb ("does not have to").
  if (HAVE_FORMS.test(first.normal) && verbs[1]?.normal === 'to') {
    const aux = first.normal === 'had' ? 'did' : singular ? 'does' : 'do';
    return { aux, negative, verb: ['have', ...verbs.slice(1).map(written)].join(' '), between };
  }
  if (
    first.tags.has('Modal') ||
    first.tags.has('Auxiliary') ||
    first.tags.has('Copula') ||
    (verbs.length > 1 && (HAVE_FORMS.test(first.normal) || /^(do|does|did)$/.test(first.normal)))
  ) {
    // "cannot" is written as one word but read as "can" + "not".
    const aux = /^can'?not$|n[’']t$/i.test(first.written) ? first.normal : written(first);
    const rest = verbs
      .slice(1)
      .map((t) => written(t))
      .join(' ');
    return { aux, negative, verb: rest, between };
  }
  if (verbs.length !== 1) return null;
  const past = first.tags.has('PastTense');
  const aux = past ? 'did' : singular ? 'does' : 'do';
  return { aux, negative, verb: first.lemma, between };
}

/**
 * The rest of the clause once its verb has "do" before it: a second verb joined to the first
 * takes its base form too ("America demands and deserves big things" → "does America demand and
 * deserve big things").
 */
function restAfter(proposition: Proposition, parts: Parts): string {
  const rest = proposition.rest;
  const doSupport =
    /^(do|does|did)$/i.test(parts.aux ?? '') &&
    !proposition.group.some((t) => /^(do|does|did)$/i.test(t.normal));
  const [joiner, verb] = rest;
  if (
    doSupport &&
    joiner &&
    verb &&
    /^(and|or)$/.test(joiner.normal) &&
    verb.tags.has('Verb') &&
    (verb.tags.has('PresentTense') || verb.tags.has('PastTense')) &&
    !verb.tags.has('Gerund') &&
    verb.lemma !== verb.normal
  ) {
    return trimEnd(textOf([joiner, { ...verb, written: verb.lemma }, ...rest.slice(2)]));
  }
  return trimEnd(textOf(rest));
}

/** Linking adverbs a question drops when they open its subject; time and place move to its end. */
const LINKING_ADVERBS = 'still|yet|thus|so|indeed|therefore|instead|also';
const LINKING_ADVERB = new RegExp(`^(${LINKING_ADVERBS})$`, 'i');
const FRONTED_ADVERB = new RegExp(
  `^(today|tonight|yesterday|now|soon|here|then|again|already|together|${LINKING_ADVERBS}),?\\s+(.+)$`,
  'i',
);

/**
 * An adverb the parse took into a subject ("Tonight the American people", "Today it", "Again I"):
 * the adverb, whether it only links (a question drops it) or says when or where (a question moves
 * it to its end), and the subject without it. Null for a subject without one.
 */
export function frontedAdverb(subject: string): { adverb: string; linking: boolean; rest: string } | null {
  const match = FRONTED_ADVERB.exec(subject);
  return match ? { adverb: match[1]!, linking: LINKING_ADVERB.test(match[1]!), rest: match[2]! } : null;
}

/** "Why has Mr. Putin overplayed his hand?" from "Mr. Putin has overplayed his hand". */
export function toQuestion(
  proposition: Proposition,
  wh: string,
  subjectText_ = subjectText(proposition),
): string | null {
  const parts = splitGroup(proposition);
  if (!parts?.aux) return null;
  // "we achieved so much, prospered as no other people": a "do" put before the subject takes the
  // first verb's tense, and a second verb after a comma or "and" would keep its own. The question
  // asks about the first predicate alone ("why did we achieve so much?").
  const doSupport =
    /^(do|does|did)$/.test(parts.aux) && !proposition.group.some((t) => /^(do|does|did)$/.test(t.normal));
  const second = doSupport
    ? proposition.rest.findIndex(
        (t, i) =>
          i > 0 &&
          (/,/.test(proposition.rest[i - 1]!.post) || /^(and|or)$/.test(proposition.rest[i - 1]!.normal)) &&
          t.tags.has('Verb') &&
          // In the first verb's tense: "sees the West as weak and divided" has an adjective.
          (parts.aux === 'did' ? t.tags.has('PastTense') : t.tags.has('PresentTense')) &&
          !t.tags.has('Infinitive') &&
          // "sanctions that hurt and divided the regime": a relative clause's verbs are its own.
          !proposition.rest.slice(0, i).some((u) => /^(that|which|who|whom|whose)$/.test(u.normal)),
      )
    : -1;
  const end = second > 0 && /^(and|or)$/.test(proposition.rest[second - 1]!.normal) ? second - 1 : second;
  // "demands and deserves great sacrifices": two verbs sharing one object both take the base form
  // below (restAfter); only a second predicate of its own is cut.
  if (end > 0) {
    const kept = proposition.rest.slice(0, end).map((t, i) => (i === end - 1 ? { ...t, post: '' } : t));
    return toQuestion({ ...proposition, rest: kept }, wh, subjectText_);
  }
  const written = subjectText(proposition);
  const whole =
    subjectText_ === written ? lowerFirstWord(subjectText_, proposition.subject[0]) : subjectText_;
  // "Tonight the American people deserve our thanks": an adverb the parse took into the subject
  // would stand between the verb and its subject ("why do tonight the American people …"). Time
  // and place go to the end of the question; a linking word goes.
  const fronted = frontedAdverb(whole);
  const subject = fronted ? fronted.rest : whole;
  const moved = fronted && !fronted.linking;
  const rest = restAfter(proposition, parts);
  const words = [
    wh,
    parts.aux.toLowerCase(),
    subject,
    parts.negative ? 'not' : '',
    parts.between,
    parts.verb,
    rest,
    moved ? fronted.adverb.toLowerCase() : '',
  ];
  return `${words.filter(Boolean).join(' ').replace(/\s+/g, ' ')}?`;
}

/** The clause stated the other way: "has not overplayed", "does not see", "is not". */
export function negated(proposition: Proposition, subjectText_ = subjectText(proposition)): string | null {
  if (proposition.negative) return affirmed(proposition, subjectText_);
  const parts = splitGroup(proposition);
  if (!parts?.aux) return null;
  const aux = parts.aux.toLowerCase() === 'can' ? 'cannot' : `${parts.aux} not`;
  return join([subjectText_, aux, parts.between, parts.verb, restAfter(proposition, parts)]);
}

/** A word's opposite made by a negating prefix ("unimportant", "mistrust") is a "not" in one word. */
const NEGATING_PREFIX = /^(un|non|in|im|il|ir|dis|mis)-?/;
const byPrefix = (word: string, opposite: string) => opposite.replace(NEGATING_PREFIX, '') === word;

/** Words whose WordNet opposite says something else, not the contrary ("come" → "go", "know" → "ignore"). */
const NO_FAIR_OPPOSITE = new Set([
  ...['be', 'have', 'do', 'come', 'go', 'know', 'ignore', 'make', 'let'],
  // "enter our third century" is no more said "exit" than "stand" is "sit", "suffered great loss"
  // "enjoyed", "left Vietnam" "arrived", "gather tonight" "spread", "end the waiting lists" "begin".
  ...['enter', 'exit', 'stand', 'sit', 'lie', 'suffer', 'enjoy', 'leave', 'arrive', 'gather', 'spread'],
  ...['begin', 'end', 'start', 'finish'],
  // "has divested its substance", "the Senate kept a good and honest man" (lost).
  ...['invest', 'divest', 'lose', 'keep'],
  // "we are diffident in principles": no word a reader expects for "confident".
  'confident',
]);

/** Verbs that link a subject to what it is: an adjective right after them can be turned round. */
const links = (verb: Token) =>
  verb.tags.has('Copula') || /^(be|become|remain|seem|stay|appear|look|sound|feel|prove)$/.test(verb.lemma);

/** The word's opposite in the same form ("rose" → "fell", "has risen" → "has fallen"), or null. */
function oppositeForm(token: Token, pos: 'v' | 'a'): string | null {
  if (token.written === '' || token.tags.has('ProperNoun')) return null;
  if (pos === 'a') {
    if (token.normal !== token.lemma || token.tags.has('Comparative') || token.tags.has('Superlative'))
      return null;
    if (NO_FAIR_OPPOSITE.has(token.lemma)) return null;
    const opposite = directOpposite(token.lemma, 'a');
    return opposite && !byPrefix(token.lemma, opposite) ? opposite : null;
  }
  if (NO_FAIR_OPPOSITE.has(token.lemma)) return null;
  const opposite = directOpposite(token.lemma, 'v');
  if (!opposite || byPrefix(token.lemma, opposite)) return null;
  const forms = conjugate(token.lemma);
  const target = conjugate(opposite);
  for (const form of ['Infinitive', 'PresentTense', 'PastTense', 'Participle', 'Gerund']) {
    if (forms[form] !== token.normal) continue;
    return target[form] ?? (form === 'Participle' ? (target.PastTense ?? null) : null);
  }
  return null;
}

/**
 * The clause with one word turned into its WordNet opposite: "Inflation has risen" → "Inflation
 * has fallen", "The alliance is strong" → "The alliance is weak". A false statement that asks for
 * the text's meaning, where a "not" put in gives itself away by its form. The adjective the verb
 * says of its subject or object first, else the head verb; null when neither has a fair opposite.
 */
export function opposed(proposition: Proposition, subjectText_ = subjectText(proposition)): string | null {
  if (proposition.negative) return null;
  // "Unemployment increased and inflation soon turned up again": one word turned leaves the
  // joined clause as it was, half true.
  if (
    proposition.rest.some(
      (t, i) => /^(and|but|or)$/.test(t.normal) && proposition.rest.slice(i + 1).some(isFiniteVerb),
    )
  )
    return null;
  const swap = (tokens: Token[], at: number, word: string) =>
    tokens.map((t, i) => (i === at ? { ...t, text: word, written: word } : t));
  // Only an adjective the linking verb says outright and alone: "is strong", "remains weak in
  // …". Not one before a noun ("a powerful new current"), an adverb ("has long been"), one of a
  // pair ("stingy and strong"), nor one that takes an infinitive ("content to stand still").
  const rest = proposition.rest;
  const degree = /^(very|so|too|quite|still|now|more|less)$/.test(rest[0]?.normal ?? '') ? 1 : 0;
  const candidate = rest[degree];
  const after = rest[degree + 1];
  const adjective =
    links(proposition.head) &&
    candidate?.pos === 'adj' &&
    !/^(and|or|nor)$/.test(rest[degree - 1]?.normal ?? '') &&
    (after === undefined ||
      /[,;:.!?]/.test(candidate.post) ||
      /^(in|at|for|on|about|with|than|by)$/.test(after.normal))
      ? degree
      : -1;
  const adjectiveOpposite = adjective >= 0 ? oppositeForm(rest[adjective]!, 'a') : null;
  if (adjectiveOpposite) {
    return join([
      subjectText_,
      textOf(proposition.group),
      trimEnd(textOf(swap(rest, adjective, adjectiveOpposite))),
    ]);
  }
  if (proposition.head.pos !== 'verb' || links(proposition.head)) return null;
  // "The expansion of our economy and exports requires …": a noun after "and" or "our" read as
  // the verb would be turned round ("imports") in place of the verb.
  if (/^(and|or|nor|our|their|its|his|her|my|your|the|a|an)$/.test(proposition.subject.at(-1)?.normal ?? ''))
    return null;
  // "began to act", "stopped furnishing", "sat down": the verb's complement or particle would not
  // go with its opposite.
  const next = rest[0];
  if (
    next &&
    (next.normal === 'to' ||
      next.tags.has('Gerund') ||
      /^(up|down|out|off|away|back|over)$/.test(next.normal))
  )
    return null;
  const verbOpposite = oppositeForm(proposition.head, 'v');
  if (!verbOpposite) return null;
  const at = proposition.group.indexOf(proposition.head);
  if (at < 0) return null;
  const group = swap(proposition.group, at, verbOpposite);
  return join([subjectText_, textOf(group), trimEnd(textOf(proposition.rest))]);
}

/** A negative clause stated positively: "cannot be reversed" → "can be reversed", "does not see" → "sees". */
export function affirmed(proposition: Proposition, subjectText_ = subjectText(proposition)): string | null {
  if (!proposition.negative)
    return join([subjectText_, textOf(proposition.group), trimEnd(textOf(proposition.rest))]);
  // "never", "no longer", "neither" carry more than a "not"; leave them alone. So does a "nor"
  // the "not" runs on into ("will not be light, nor evenly distributed").
  if (proposition.group.some((t) => t.isNegator && t.normal !== 'not')) return null;
  if (proposition.rest.some((t) => /^nor$/i.test(t.text))) return null;
  const found = splitGroup(proposition);
  if (!found?.aux) return null;
  // "is not so hopeless" → "is hopeless", not "is so hopeless": the degree word went with the "not".
  const not = proposition.group.findIndex((t) => t.isNegator);
  const degree = proposition.group[not + 1];
  // "did not even mention" → "mentioned": "even" only stresses the "not".
  const degreeGoes =
    degree !== undefined &&
    (degree.normal === 'even' ||
      (/^(so|that|too|very)$/.test(degree.normal) &&
        proposition.rest[0]?.pos === 'adj' &&
        !proposition.rest.slice(1).some((t) => /^(that|as|to)$/.test(t.normal))));
  const parts = degreeGoes
    ? {
        ...found,
        between: found.between.replace(new RegExp(`\\b${degree.written || degree.text}\\b\\s*`), '').trim(),
      }
    : found;
  const aux = parts.aux!.toLowerCase();
  let verbGroup: string;
  if (/^(do|does|did)$/.test(aux)) {
    const forms = conjugate(parts.verb);
    const form = aux === 'did' ? forms.PastTense : aux === 'does' ? forms.PresentTense : forms.Infinitive;
    if (!form) return null;
    verbGroup = join([parts.between, form]);
  } else {
    verbGroup = join([parts.aux, parts.between, parts.verb]);
  }
  const predicate = withoutNegativePolarity(join([verbGroup, trimEnd(textOf(proposition.rest))]));
  return predicate === null ? null : join([subjectText_, predicate]);
}

/**
 * A predicate whose "not" has just been taken out, with the words that leaned on it turned:
 * "is not yet over" → "is already over", "did not see any reason" → "saw some reason". Null where
 * no word turns it fairly: "was not signed until 1994" is no "was signed until 1994", nor "will not
 * stop either" "will stop either".
 */
function withoutNegativePolarity(predicate: string): string | null {
  if (/\b(until|till|ever|either|anymore|whatsoever|at all|any (?:longer|more))\b/i.test(predicate))
    return null;
  return predicate
    .replace(/\byet\b/i, 'already')
    .replace(/\bany(one|body|thing|where)?\b/gi, (_, rest: string | undefined) => `some${rest ?? ''}`);
}

/** The verb phrase as an infinitive without "to": "tighten those screws further". */
export function predicateAsInfinitive(proposition: Proposition): string | null {
  const parts = splitGroup(proposition);
  if (!parts || proposition.negative) return null;
  const rest = trimEnd(textOf(proposition.rest));
  // "needs to expose …", "have to act …": the verb after "to".
  if (/^(need|needs|have|has)$/i.test(proposition.head.normal) && /^to\s/.test(rest)) {
    return join([parts.between, rest.replace(/^to\s+/, '')]);
  }
  // "we have to act now": the verb after "have to"; but "has to do with" means "concerns".
  if (/^(do|does|did)$/.test(parts.aux ?? '') && /^have to\b/.test(parts.verb))
    return /^do with\b/.test(rest)
      ? null
      : join([parts.between, parts.verb.replace(/^have to\s*/, ''), rest]) || null;
  if (/^(do|does|did)$/.test(parts.aux ?? ''))
    return join([parts.between, parts.verb, restAfter(proposition, parts)]);
  // "should lead", "must tighten", "need to work": the verb after the modal.
  if (
    parts.aux &&
    /^(should|must|shall|will|would|can|could|may|might|ought)$/i.test(parts.aux) &&
    parts.verb
  ) {
    // "will have to devise a strategy": the verb after "have to".
    return join([parts.between, parts.verb.replace(/^(?:have\s+)?to\b\s*/, ''), rest]);
  }
  // "need to expose …", "have to act …": the verb after "to"; not "has come to …".
  if (
    (/^(need|needs|have|has)$/i.test(parts.aux ?? '') && !parts.verb) ||
    /^(need|needs)$/i.test(proposition.head.normal)
  ) {
    const after = /^to\s+(.+)$/.exec(rest);
    if (after?.[1]) return join([parts.between, after[1]]);
  }
  if (parts.aux && /^(is|are|was|were|be)$/i.test(parts.aux) && !parts.verb) return join(['be', rest]);
  return null;
}

/** The verb phrase as written after the subject: "has overplayed his hand". */
export function predicateText(proposition: Proposition): string {
  return join([textOf(proposition.group), trimEnd(textOf(proposition.rest))]);
}

/** The subject as written, a contraction cut back to its word ("we’ll" → "we", "it’s" → "it"). */
export function subjectText(proposition: Proposition): string {
  const tokens = proposition.subject;
  const last = tokens.at(-1);
  if (last && proposition.group[0]?.written === '' && /[’']/.test(last.written)) {
    return textOf([...tokens.slice(0, -1), { ...last, written: last.normal, post: ' ' }]);
  }
  return textOf(tokens);
}

export { infinitiveOf };

/** Parts of a clause as one text; a pause the clause ended on ("While many prosper,") is dropped. */
const join = (parts: (string | null | undefined)[]) =>
  parts
    .filter((p) => p?.trim())
    .join(' ')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .trim()
    .replace(/[,;:]+$/, '');

/** "The talks" → "the talks" inside a question, but names (and "I") keep their capital. */
function lowerFirstWord(text: string, first: Token | undefined): string {
  if (
    !first ||
    first.tags.has('ProperNoun') ||
    first.normal === 'i' ||
    /^\p{Lu}{2,}/u.test(text) ||
    opensUnknownName(text)
  )
    return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

const AGREEMENT: Record<string, [string, string]> = {
  have: ['has', 'have'],
  has: ['has', 'have'],
  are: ['is', 'are'],
  is: ['is', 'are'],
  were: ['was', 'were'],
  was: ['was', 'were'],
  do: ['does', 'do'],
  does: ['does', 'do'],
};

/**
 * The clause said of another subject, its verb agreeing with it: "we have the stronger cards"
 * → "Mr. Putin has the stronger cards". Null when the verb cannot be made to agree.
 */
export function withSubject(proposition: Proposition, subject: string, singular: boolean): string | null {
  const [first, ...others] = proposition.group;
  if (!first) return null;
  let verb: string;
  const forms = AGREEMENT[first.normal];
  if (forms && first.written) {
    verb = singular ? forms[0] : forms[1];
  } else if (first.tags.has('Modal') || first.tags.has('PastTense') || !first.written) {
    if (!first.written) return null;
    verb = first.written;
  } else if (first.tags.has('PresentTense') && first.tags.has('Verb')) {
    const conjugated = conjugate(first.lemma);
    const form = singular ? conjugated.PresentTense : conjugated.Infinitive;
    if (!form) return null;
    verb = form;
  } else {
    return null;
  }
  // "we seek and pray for peace", "we seek peace and pray for rain" said of one actor: each verb
  // the "and" joins to the first agrees too ("seeks and prays").
  const restTokens = proposition.rest.map((token, i) => {
    const joiner = proposition.rest[i - 1]?.normal;
    const presentVerb =
      token.pos === 'verb' &&
      (token.tags.has('PresentTense') || token.tags.has('Infinitive')) &&
      !/(Modal|PastTense|Gerund|Participle|Auxiliary)/.test([...token.tags].join(' '));
    if (others.length > 0 || !presentVerb || !/^(and|or)$/.test(joiner ?? '') || !token.written) return token;
    const forms = conjugate(token.lemma);
    const form = singular ? forms.PresentTense : forms.Infinitive;
    return form ? { ...token, written: form } : token;
  });
  const rest = trimEnd(textOf(restTokens));
  const group = [verb, textOf(others)].filter(Boolean).join(' ');
  return join([subject, group, rest]);
}

/** The clause as the text states it, negation and all, with the given subject. */
export function statedText(proposition: Proposition, subject = subjectText(proposition)): string {
  return join([subject, textOf(proposition.group), trimEnd(textOf(proposition.rest))]);
}

/** A noun phrase's head: its last word before a preposition ("the events in Poland" → "events"). */
export function subjectHead(subject: readonly Token[]): Token | undefined {
  const phrase = subject.findIndex((t, i) => i > 0 && t.tags.has('Preposition'));
  return subject[(phrase === -1 ? subject.length : phrase) - 1];
}

/**
 * Whether a noun phrase names someone who can act or be addressed: a name ("Congress", "the
 * Kremlin") or a noun for people or for a body that acts ("the Senate committee", "our allies"),
 * not a thing ("prices", "the story of an alliance").
 */
export function namesAnActor(phrase: readonly Token[]): boolean {
  const head = subjectHead(phrase);
  return head !== undefined && (head.tags.has('ProperNoun') || denotesAgent(head.lemma));
}
