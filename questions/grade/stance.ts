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
 * and no phrasing of the point is said the right way round as fully. Separately, an answer
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

type ClauseMatch = {
  cover: number;
  /** Non-actor words of the point's clause that the answer's clause says. */
  aligned: number;
  reversed: number;
  kept: number;
  kind: DenialKind | null;
  /** Position in the answer of the first claim word it shares with the point (-1 when none). */
  firstClaim: number;
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
  return { cover: total > 0 ? covered / total : 0, aligned, reversed, kept, kind, firstClaim };
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
      for (const answerClause of answerClauses) {
        const match = matchClause(phrasing.words, pointClause, answer.words, answerClause, table);
        if (match.cover < ABOUT || match.aligned < 2) continue;
        if (match.reversed > match.kept && match.kind) {
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

/** Two actors named alike by the word-vector table or WordNet ("America", "the United States"). */
function synonymous(a: Word, b: Word): boolean {
  const table = pairTable([a], [b]);
  const pairing = table.rows[0]![0]!;
  return pairing.exact || pairing.related || pairing.similarity >= SAME_ACTOR;
}

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
