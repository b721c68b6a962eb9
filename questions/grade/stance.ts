import { hasCommonSense, isInstance, senses } from '../language/wordnet';
import { type Pairing, type PairTable, pairTable } from './alignment';
import type { AnalysedText, Word } from './text-analysis';

/**
 * Whether an answer denies a key point, found by rule rather than by the model, so that it can
 * be a guarantee: a point the answer denies is never credited. The answer's clauses are aligned
 * with each phrasing of the point, clause by clause; where a clause of the answer says much of
 * what a clause of the point says, it denies the point when
 *
 * - what the point asserts, the answer negates, or the other way round ("coalitions are not
 *   more effective"), or says the thing is absent where the point says it is there ("Putin has
 *   many allies" against "he has no real allies");
 * - it says a WordNet antonym of the point's claim ("slow" for "fast"; also "ineffective" for
 *   "effective", by prefix);
 * - it says the point's claim of another actor, one the point itself sets against the one it
 *   talks about ("America is isolated" where the point says "Putin is isolated, unlike the
 *   United States").
 *
 * and no phrasing of the point is said the right way round as fully. Polarity is compared only
 * where one side says its claim plainly (or the point with a plain "not" and the answer without
 * one): two negative ways of saying a claim ("directed not against any country", "is not directed
 * against any country") are too many to compare word by word, and blind-written correct answers
 * worded with negatives were the commonest false denials. Separately, an answer
 * that recommends the opposite of what the question takes as given ("the United States should
 * avoid coalitions", "acting alone is better", for a question asking why coalitions rather than
 * acting alone) reverses the question's stance: none of its points is credited.
 */

export type DenialKind = 'negated' | 'absent' | 'antonym' | 'other-actor' | 'question-reversed';

export type Denial = {
  kind: DenialKind;
  /** Weighted share of the point's clause that the denying clause covers. */
  cover: number;
};

/** A word of the answer stands for a word of the point at this similarity (stricter than for recall). */
const STANDS_FOR = 0.6;
/** A clause of the answer is about a clause of the point when it covers this much of it. */
const ABOUT = 0.5;
/** Actors are the same at this similarity, or by WordNet (America, the United States, the US). */
const SAME_ACTOR = 0.75;

const NEGATING_PREFIXES = ['un', 'in', 'im', 'il', 'ir', 'dis', 'de', 'non', 'counter'];

/** "ineffective" for "effective", "delegitimize" for "legitimize". */
function prefixedOpposite(a: string, b: string): boolean {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (short.length < 5) return false;
  return NEGATING_PREFIXES.some((prefix) => {
    if (!long.startsWith(prefix)) return false;
    const rest = long.slice(prefix.length).replace(/^-/, '');
    const stem = Math.min(rest.length, short.length) - 2;
    return stem >= 5 && rest.slice(0, stem) === short.slice(0, stem);
  });
}

/** A clause with no negator, rejecting word or absence in it ("no peace while they are armed" is not). */
const saysPlainly = (words: readonly Word[]) => words.every((w) => !w.negated && !w.rejected && !w.absent);

/** A clause negated by "not", "never" or the like, with no rejecting word or absence besides. */
const negatesSimply = (words: readonly Word[]) =>
  words.some((w) => w.negated) && words.every((w) => !w.rejected && !w.absent);

type ClauseMatch = {
  cover: number;
  /** Non-actor words of the point's clause that the answer's clause says. */
  aligned: number;
  reversed: number;
  kept: number;
  kind: DenialKind | null;
  /** Position in the answer of the first claim word it shares with the point (-1 when none). */
  firstClaim: number;
  /** Position in the answer of the first word of any kind that stands for a word of the point. */
  firstShared: number;
};

const firmly = (pairing: Pairing) => pairing.exact || pairing.related;

/**
 * How one clause of the answer stands to one clause of a phrasing of the point: how much of it
 * it covers (word vectors count), and how much of what it says word for word or by WordNet is
 * turned round (weighted by the words' weights).
 */
function matchClause(
  point: Word[],
  pointIndexes: number[],
  answer: Word[],
  answerIndexes: number[],
  table: PairTable,
): ClauseMatch {
  let total = 0;
  let covered = 0;
  let aligned = 0;
  let reversed = 0;
  let kept = 0;
  let kind: DenialKind | null = null;
  let firstClaim = -1;
  let firstShared = -1;
  for (const p of pointIndexes) {
    const word = point[p]!;
    if (word.actor) continue;
    total += word.weight;
    let best: Pairing | null = null;
    let at = -1;
    let opposite = -1;
    for (const a of answerIndexes) {
      const pairing = table.rows[p]![a]!;
      if (pairing.antonym || prefixedOpposite(word.lemma, answer[a]!.lemma)) {
        opposite = a;
        continue;
      }
      if (pairing.similarity >= STANDS_FOR && (!best || pairing.similarity > best.similarity)) {
        best = pairing;
        at = a;
      }
    }
    const claim = word.predicate || word.pos === 'verb';
    if (best && at >= 0) {
      covered += word.weight;
      aligned++;
      const other = answer[at]!;
      if (firstShared < 0 || other.position < firstShared) firstShared = other.position;
      if (!firmly(best)) continue;
      if (claim && (firstClaim < 0 || other.position < firstClaim)) firstClaim = other.position;
      // Polarity counts where it is the claim (a verb or what is said of a thing), or where a
      // thing is said to be there or absent ("no allies"); a noun inside a negated clause is
      // too loosely tied to its negation to count.
      const counts = claim || (word.pos === 'noun' && (word.absent || other.absent));
      if (!counts) continue;
      if (other.polarity === word.polarity) kept += word.weight;
      else {
        reversed += word.weight;
        kind ??= claim ? 'negated' : 'absent';
      }
    } else if (opposite >= 0 && claim) {
      covered += word.weight;
      aligned++;
      // "not easy" says "hard": an antonym said the other way round is the same claim.
      if (answer[opposite]!.polarity === word.polarity) {
        reversed += word.weight;
        kind ??= 'antonym';
      } else kept += word.weight;
    }
  }
  return { cover: total > 0 ? covered / total : 0, aligned, reversed, kept, kind, firstClaim, firstShared };
}

const groupBy = (words: Word[], key: (w: Word) => number) => {
  const groups = new Map<number, number[]>();
  words.forEach((word, i) => {
    const k = key(word);
    const group = groups.get(k);
    if (group) group.push(i);
    else groups.set(k, [i]);
  });
  return [...groups.values()];
};

export type PointContext = {
  /** Every phrasing of the point, analysed. */
  phrasings: readonly AnalysedText[];
  /** Actors the question names, for telling the point's side from the other one. */
  promptActors: readonly Word[];
  /** The question's words, for telling its speakers from its parties. */
  promptWords?: readonly Word[];
};

/**
 * The strongest denial of a point by an answer, or null. Cheap enough to run on every answer:
 * it reuses the word pairings of the scorer when they are given.
 */
export function denialOf(
  context: PointContext,
  answer: AnalysedText,
  tables?: readonly PairTable[],
): Denial | null {
  if (answer.words.length === 0) return null;
  const answerClauses = groupBy(answer.words, (w) => w.clause);
  let affirmed = 0;
  let denial: Denial | null = null;
  const found = (kind: DenialKind, cover: number) => {
    if (!denial || cover > denial.cover) denial = { kind, cover };
  };
  // The actor each clause of the point is about (named before what is said of it), and the
  // actors the phrasings set against it.
  const holders: Word[] = [];
  const rivals: Word[] = [];
  for (const phrasing of context.phrasings) {
    for (const clause of groupBy(phrasing.words, (w) => w.clause)) {
      const words = clause.map((i) => phrasing.words[i]!);
      const claimAt = words.find((w) => w.predicate || w.pos === 'verb')?.position ?? Infinity;
      let holder: Word | undefined;
      for (const word of words) {
        if (!word.actor) continue;
        // "…, unlike the United States": the actor a clause is set against is a rival.
        if (!holder && !word.alternative && word.position < claimAt) {
          holder = word;
          holders.push(word);
        } else rivals.push(word);
      }
    }
  }
  const isHolder = (w: Word) => holders.some((h) => synonymous(h, w));
  const contrast = rivals.filter((w) => !isHolder(w));

  context.phrasings.forEach((phrasing, k) => {
    const table = tables?.[k] ?? pairTable(phrasing.words, answer.words);
    for (const pointClause of groupBy(phrasing.words, (w) => w.clause)) {
      const pointWords = pointClause.map((p) => phrasing.words[p]!);
      const pointPlain = saysPlainly(pointWords);
      const pointSaysNot = negatesSimply(pointWords);
      for (const answerClause of answerClauses) {
        const match = matchClause(phrasing.words, pointClause, answer.words, answerClause, table);
        if (match.cover < ABOUT || match.aligned < 2) continue;
        const answerWords = answerClause.map((a) => answer.words[a]!);
        // Polarity is compared only where one side says its claim plainly, and never in a
        // condition of necessity ("without production there can be no peace" affirms).
        const comparable =
          (pointPlain || (pointSaysNot && saysPlainly(answerWords))) &&
          !answer.conditional.has(answerWords[0]!.clause);
        if (match.reversed > match.kept && match.kind && comparable) {
          found(match.kind, match.cover);
          continue;
        }
        // Said of another actor: the clause's subject is one the point sets against its own.
        const holder = pointClause.find(
          (p) => phrasing.words[p]!.actor && holders.includes(phrasing.words[p]!),
        );
        const subject = answerClause.find(
          (a) =>
            answer.words[a]!.actor && (match.firstClaim < 0 || answer.words[a]!.position < match.firstClaim),
        );
        if (holder !== undefined && subject !== undefined && match.reversed === 0) {
          const said = answer.words[subject]!;
          const holderThere = answerClause.some(
            (a) => answer.words[a]!.actor && synonymous(phrasing.words[holder]!, answer.words[a]!),
          );
          if (!holderThere && !isHolder(said) && contrast.some((c) => synonymous(c, said))) {
            found('other-actor', match.cover);
            continue;
          }
        }
        if (match.kept > match.reversed) affirmed = Math.max(affirmed, match.cover);
      }
    }
  });
  const strongest = denial as Denial | null;
  return strongest && strongest.cover > affirmed ? strongest : null;
}

/** How alike two actors are named: 1 for the same name or a WordNet synonym, else word vectors. */
function actorLikeness(a: Word, b: Word): number {
  const pairing = pairTable([a], [b]).rows[0]![0]!;
  return pairing.exact || pairing.related ? 1 : pairing.similarity;
}

/**
 * A party, not a capitalised first word the tagger took for a name ("Copying his methods …",
 * "Former enemies …"): a sentence's first word counts only when WordNet knows it as a name alone.
 */
function isParty(word: Word, words: readonly Word[]): boolean {
  if (!word.actor) return false;
  if (word.lemma.includes(' ')) {
    // "Evidence Mixture" is two common words capitalised; "United States" is a name in WordNet.
    const whole = senses(word.lemma, 'n');
    if (whole.length > 0) return whole.some(isInstance);
    return word.lemma.split(' ').some((part) => !hasCommonSense(part));
  }
  return words.find((w) => w.sentence === word.sentence) !== word || !hasCommonSense(word.lemma);
}

/** A clause of names alone ("Greta" of "Greta and Andre have …"): its names share the next clause's subject. */
const coordinated = (words: readonly Word[], clause: number) => {
  const before = words.filter((w) => w.clause === clause - 1);
  return before.length > 0 && before.every((w) => w.actor);
};

/** An actor of the answer stands for the known actor it is named most like, when clearly so. */
const RESOLVES = 0.6;
/** Content words between a subject and what is said of it, at most ("America's biggest vulnerability"). */
const SUBJECT_REACH = 3;
const CLEARLY = 0.05;

/**
 * Whether the answer says a point's claim of the wrong party, and how much of the point it says
 * so (0 when it does not): a clause of the answer that says much of a clause of the point, the
 * same way round, opens with a party of the other side, where the point's clause opens with its
 * own party and names no other ("America's biggest vulnerability is its isolation" for "Putin's
 * biggest vulnerability is his diplomatic loneliness"; "Kuwait's invasion of Iraq"), and no clause
 * says it of the right party as fully. Sides are the parties the point and the question name,
 * chained by likeness ("Putin", "the Kremlin", "Moscow"); the answer's party stands for the one
 * it is named most like, and for the point's own side when it cannot tell them apart. Built to
 * be sure rather than thorough, since it takes the point's credit away: a clause relating two
 * sides, a subject taken over by a pronoun, names joined by "and", a capitalised common word
 * ("Evidence Mixture") and the question's speakers ("Why does Burns argue") are left alone.
 */
export function swapsActor(
  context: PointContext,
  answer: AnalysedText,
  tables?: readonly PairTable[],
): number {
  // A bare list of words says nothing of anyone; another language is beyond the tagger's names.
  if (answer.words.length === 0 || answer.bareList) return 0;
  if (answer.language !== 'eng' && answer.language !== 'und') return 0;
  const promptWords = context.promptWords ?? [];
  const parties: Word[] = [];
  for (const word of promptWords) if (isParty(word, promptWords) && !word.speaks) parties.push(word);
  for (const phrasing of context.phrasings) {
    parties.push(...phrasing.words.filter((w) => isParty(w, phrasing.words)));
  }
  if (parties.length < 2) return 0;
  // Sides: parties named alike, chained ("Putin", "the Kremlin", "Moscow", "Russia").
  const side = parties.map((_, i) => i);
  const root = (i: number): number => (side[i] === i ? i : root(side[i]!));
  parties.forEach((a, i) => {
    for (let j = 0; j < i; j++) {
      if (actorLikeness(a, parties[j]!) >= SAME_ACTOR) side[root(i)] = root(j);
    }
  });
  const answerClauses = groupBy(answer.words, (w) => w.clause);
  let affirmed = 0;
  let swapped = 0;
  context.phrasings.forEach((phrasing, k) => {
    const table = tables?.[k] ?? pairTable(phrasing.words, answer.words);
    for (const pointClause of groupBy(phrasing.words, (w) => w.clause)) {
      const words = pointClause.map((i) => phrasing.words[i]!);
      // The clause's subject opens it, and the clause names no party of another side ("Putin has
      // nothing like the web of alliances the United States has" relates two sides: not checked).
      const holder = words[0];
      if (!holder || !isParty(holder, phrasing.words) || holder.alternative) continue;
      if (coordinated(phrasing.words, holder.clause)) continue;
      const holderSide = root(parties.indexOf(holder));
      const sides = new Set(words.filter((w) => parties.includes(w)).map((w) => root(parties.indexOf(w))));
      if (sides.size > 1) continue;
      for (const answerClause of answerClauses) {
        const match = matchClause(phrasing.words, pointClause, answer.words, answerClause, table);
        if (match.cover < ABOUT || match.aligned < 2 || match.reversed > 0) continue;
        // The subject opens the clause, close to what it says of the point, and no pronoun takes
        // over in between ("By meddling in Western democracies he started …").
        const shared = answer.words[match.firstShared];
        const subject = answer.words[answerClause[0]!]!;
        if (!shared || shared.afterPronoun || !isParty(subject, answer.words)) continue;
        if (coordinated(answer.words, subject.clause)) continue;
        if (match.firstShared - subject.position > SUBJECT_REACH) continue;
        let best = 0;
        let ownSide = 0;
        parties.forEach((party, i) => {
          const likeness = actorLikeness(subject, party);
          best = Math.max(best, likeness);
          if (root(i) === holderSide) ownSide = Math.max(ownSide, likeness);
        });
        if (best < RESOLVES) continue;
        if (ownSide >= best - CLEARLY) affirmed = Math.max(affirmed, match.cover);
        else swapped = Math.max(swapped, match.cover);
      }
    }
  });
  return swapped > affirmed ? swapped : 0;
}

/** Two actors named alike by the word-vector table or WordNet ("America", "the United States"). */
const synonymous = (a: Word, b: Word) => actorLikeness(a, b) >= SAME_ACTOR;

/**
 * Whether the answer recommends the opposite of what the question takes as given: a clause that
 * advises or praises ("should", "is better") something the question rejects ("rather than act
 * alone"), or rejects what the question proposes ("avoid coalitions").
 */
export function reversesQuestion(prompt: AnalysedText | undefined, answer: AnalysedText): boolean {
  if (!prompt || answer.advising.size === 0) return false;
  if (recommendsWhatIsRejected(prompt, answer)) return true;
  // Only a question that sets two courses against each other ("in coalitions rather than alone").
  const contrasted = new Set(prompt.words.filter((w) => w.alternative).map((w) => w.sentence));
  const stance = prompt.words.filter(
    (w) => contrasted.has(w.sentence) && !w.actor && w.pos !== 'verb' && (w.alternative || w.pos === 'noun'),
  );
  if (!stance.some((w) => w.alternative) || !stance.some((w) => !w.alternative)) return false;
  const table = pairTable(stance, answer.words);
  return answer.words.some((word, a) => {
    if (!answer.advising.has(word.clause) || word.alternative) return false;
    return stance.some((s, p) => {
      const pairing = table.rows[p]![a]!;
      if (!pairing.exact && !pairing.related) return false;
      // The question's alternative said in favour, or its proposal rejected.
      return s.alternative ? word.polarity > 0 : word.polarity < 0;
    });
  });
}

/**
 * A question that itself rejects a course ("Why does Burns warn against answering covert
 * operations with covert action of our own?") sets that course aside too: an answer that
 * recommends it ("we should answer covert operations with covert action") argues the other side.
 * Only what a rejecting word turns away counts, not what a plain "not" negates.
 */
function recommendsWhatIsRejected(prompt: AnalysedText, answer: AnalysedText): boolean {
  const setAside = prompt.words.filter(
    (w) => w.rejected && !w.actor && (w.pos === 'noun' || w.pos === 'verb'),
  );
  if (setAside.length === 0) return false;
  const table = pairTable(setAside, answer.words);
  // Two words of the course set aside, recommended in one clause: one shared word is a topic.
  const clauses = new Map<number, number>();
  answer.words.forEach((word, a) => {
    if (!answer.advising.has(word.clause) || word.polarity < 0 || word.alternative) return;
    if (setAside.some((_, p) => table.rows[p]![a]!.exact || table.rows[p]![a]!.related)) {
      clauses.set(word.clause, (clauses.get(word.clause) ?? 0) + 1);
    }
  });
  return [...clauses.values()].some((count) => count >= 2);
}
