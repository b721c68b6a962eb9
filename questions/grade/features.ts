import { ALIGNED, align, type PairTable, pairTable, relationsFor } from './alignment';
import { denialOf, reversesQuestion, swapsActor } from './stance';
import { type AnalysedText, analyseText, meanVector, type Word } from './text-analysis';
import { cosine, dot } from './vectors';

/**
 * What the scorer knows about one answer and one key point: how much of the point the answer
 * says (word for word, through WordNet, through word vectors; both directions), whether what it
 * says is turned round (negated, rejected, an antonym, said of another actor), and how the
 * answer looks (length, a bare list of words, another language, restating the question).
 * The point's accepted paraphrases are compared too and the closest one is used.
 */

export const FEATURE_NAMES = [
  'exactRecall',
  'relatedRecall',
  'softRecall',
  'alignedRecall',
  'novelRecall',
  'novelExact',
  'novelAligned',
  'novelPrecision',
  'novelAlignedPrecision',
  'novelCosine',
  'bigrams',
  'partRecall',
  'partNovelRecall',
  'partCosine',
  'kindRecall',
  'nounRecall',
  'verbRecall',
  'modifierRecall',
  'trigramDice',
  'novelTrigramDice',
  'weakestWord',
  'softPrecision',
  'answerPrecision',
  'regionCosine',
  'answerCosine',
  'polarityMismatch',
  'predicateMismatch',
  'antonym',
  'detached',
  'actorSwap',
  'otherActor',
  'answerLength',
  'pointLength',
  'lengthRatio',
  'negatedShare',
  'listShare',
  'promptShare',
  'unknownShare',
  'otherLanguage',
  'promptFlipped',
  'listRecall',
  'flippedRecall',
  'foreignRecall',
  'denialCover',
  'denialByActor',
  'questionReversed',
  'bareList',
  'strongRecall',
  'strictRecall',
  'calibratedRecall',
  'calibratedPrecision',
  'clauseMatch',
  'sentenceMatch',
  'pointCount',
  'promptOpposed',
  'answerDenial',
  'answerFlipped',
  'foreignActors',
  'missingActors',
  'swappedActor',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];
export type Features = Record<FeatureName, number>;

const trigramCache = new WeakMap<Word[], Map<string, number>>();

/** Character trigrams of the words (with word boundaries): robust to inflection and typos. */
function trigrams(words: Word[]): Map<string, number> {
  const cached = trigramCache.get(words);
  if (cached) return cached;
  const grams = new Map<string, number>();
  for (const word of words) {
    const padded = ` ${word.normal} `;
    for (let i = 0; i + 3 <= padded.length; i++) {
      const gram = padded.slice(i, i + 3);
      grams.set(gram, (grams.get(gram) ?? 0) + 1);
    }
  }
  trigramCache.set(words, grams);
  return grams;
}

function dice(a: Map<string, number>, b: Map<string, number>): number {
  let common = 0;
  let size = 0;
  for (const [gram, count] of a) {
    common += Math.min(count, b.get(gram) ?? 0);
    size += count;
  }
  for (const count of b.values()) size += count;
  return size === 0 ? 0 : (2 * common) / size;
}

const share = (numerator: number, denominator: number, otherwise = 0) =>
  denominator > 0 ? numerator / denominator : otherwise;

/**
 * A word-vector similarity above what two unrelated words reach: GloVe gives most pairs of
 * content words 0.1–0.35, so only the part above that says the words mean alike.
 */
const UNRELATED = 0.35;
const calibrate = (similarity: number) => Math.max(0, (similarity - UNRELATED) / (1 - UNRELATED));

/**
 * The best-matched stretch of the answer (a clause or a sentence): the weighted mean, over the
 * point's words not in the question, of their calibrated best similarity within that stretch,
 * times the stretch's own share of words that match the point (both directions, so a long
 * stretch that happens to hold the point's words scores less than one that says just the point).
 */
function bestGroupMatch(
  table: PairTable,
  pointWords: Word[],
  answerWords: Word[],
  key: (word: Word) => number,
  prompt: Set<string>,
): number {
  const groups = new Map<number, number[]>();
  answerWords.forEach((word, a) => {
    const k = key(word);
    const group = groups.get(k);
    if (group) group.push(a);
    else groups.set(k, [a]);
  });
  const counted = pointWords.map((w) => !prompt.has(w.lemma));
  const anyCounted = counted.some(Boolean);
  let best = 0;
  for (const members of groups.values()) {
    let recallMass = 0;
    let recall = 0;
    pointWords.forEach((word, p) => {
      if (anyCounted && !counted[p]) return;
      let top = 0;
      for (const a of members) top = Math.max(top, table.rows[p]![a]!.similarity);
      recallMass += word.weight;
      recall += word.weight * calibrate(top);
    });
    let precisionMass = 0;
    let precision = 0;
    for (const a of members) {
      const word = answerWords[a]!;
      if (prompt.has(word.lemma)) continue;
      let top = 0;
      for (let p = 0; p < pointWords.length; p++) top = Math.max(top, table.rows[p]![a]!.similarity);
      precisionMass += word.weight;
      precision += word.weight * calibrate(top);
    }
    const r = share(recall, recallMass);
    const q = share(precision, precisionMass);
    best = Math.max(best, r + q > 0 ? (2 * r * q) / (r + q) : 0);
  }
  return best;
}

/**
 * Features of an answer across all of a rubric's points (`features` holds one entry per point,
 * in rubric order): how many points there are, and the strongest denial of any of them, since
 * an answer that turns one point round usually argues the other side throughout.
 */
export function addRubricContext(features: Features[]): void {
  const answerDenial = Math.max(...features.map((f) => f.denialCover));
  const answerFlipped = Math.max(...features.map((f) => f.flippedRecall));
  for (const f of features) {
    f.pointCount = Math.log(features.length);
    f.answerDenial = answerDenial;
    f.answerFlipped = answerFlipped;
  }
}

/** Features of one phrasing of a point against an answer, and how closely they match. */
function compare(
  point: AnalysedText,
  answer: AnalysedText,
  prompt: PromptWords,
  /** Only recall and cosine are read of one sentence of a phrasing: the rest is skipped. */
  part = false,
  /** The whole phrasing's pairings, when this is one of its sentences: its rows are reused. */
  whole?: { words: readonly Word[]; table: PairTable },
): { features: Features; closeness: number; table: PairTable } {
  const pointWords = point.words;
  const answerWords = answer.words;
  const table = whole
    ? { rows: pointWords.map((word) => whole.table.rows[whole.words.indexOf(word)]!) }
    : pairTable(pointWords, answerWords);
  const similarity = (p: number, a: number) => table.rows[p]![a]!.similarity;
  const alignments = pointWords.map((word, i) => align(word, table.rows[i]!, answerWords));
  let total = 0;
  let exact = 0;
  let related = 0;
  let soft = 0;
  let kindMass = 0;
  let aligned = 0;
  let novelTotal = 0;
  let novel = 0;
  let novelExact = 0;
  let novelAligned = 0;
  let weakest = 1;
  let strong = 0;
  let strict = 0;
  let calibrated = 0;
  let matchedMass = 0;
  let flipped = 0;
  let predicateMass = 0;
  let predicateFlipped = 0;
  let antonym = 0;
  let detachedMass = 0;
  let detached = 0;
  let swapped = 0;
  let strangers = 0;
  let actorMass = 0;
  const region = new Set<number>();
  const byPos = { noun: [0, 0], verb: [0, 0], modifier: [0, 0] };
  pointWords.forEach((word, i) => {
    const { best, at, antonymClash } = alignments[i]!;
    const w = word.weight;
    total += w;
    if (best.exact) exact += w;
    if (best.related) related += w;
    if (best.related || table.rows[i]!.some((p) => p.kind)) kindMass += w;
    soft += w * best.similarity;
    if (best.similarity >= ALIGNED) aligned += w;
    if (best.similarity >= 0.65) strong += w;
    if (best.similarity >= 0.8) strict += w;
    calibrated += w * calibrate(best.similarity);
    if (!prompt.has(word.lemma)) {
      novelTotal += w;
      novel += w * best.similarity;
      if (best.exact) novelExact += w;
      if (best.similarity >= ALIGNED) novelAligned += w;
    }
    if (w >= 0.5) weakest = Math.min(weakest, best.similarity);
    const group = word.pos === 'noun' ? byPos.noun : word.pos === 'verb' ? byPos.verb : byPos.modifier;
    group[0]! += w;
    group[1]! += w * best.similarity;
    if (antonymClash) antonym += w;
    if (at < 0) return;
    const answerWord = answerWords[at]!;
    if (best.similarity >= ALIGNED) region.add(answerWord.clause);
    const mass = w * best.similarity;
    matchedMass += mass;
    if (answerWord.polarity !== word.polarity) flipped += mass;
    if (word.predicate) {
      predicateMass += mass;
      if (answerWord.polarity !== word.polarity) predicateFlipped += mass;
    }
    if (best.similarity < ALIGNED) return;
    const clauseWords: number[] = [];
    answerWords.forEach((a, j) => {
      if (a.clause === answerWord.clause) clauseWords.push(j);
    });
    // Who the point says it of, and who the answer says it of: "Putin is isolated" is not
    // "America is isolated".
    if (!word.actor) {
      const ownActors: number[] = [];
      const otherActors: number[] = [];
      pointWords.forEach((s, j) => {
        if (s.actor) (s.clause === word.clause ? ownActors : otherActors).push(j);
      });
      const answerActors = clauseWords.filter((j) => answerWords[j]!.actor);
      if (ownActors.length > 0 && answerActors.length > 0) {
        const closest = (actors: number[]) =>
          actors.length === 0
            ? 0
            : Math.max(...answerActors.flatMap((a) => actors.map((b) => similarity(b, a))));
        const own = closest(ownActors);
        const other = closest(otherActors);
        actorMass += mass;
        if (other >= ALIGNED && other > own) swapped += mass;
        if (own < ALIGNED) strangers += mass;
      }
    }
    if (!word.predicate) return;
    // What the point says of its subject should be said of that subject in the answer.
    const subjects: number[] = [];
    pointWords.forEach((s, j) => {
      if (s.clause === word.clause && s.pos === 'noun' && !s.predicate) subjects.push(j);
    });
    if (subjects.length === 0) return;
    let support = 0;
    for (const subject of subjects) {
      for (const candidate of clauseWords) support = Math.max(support, similarity(subject, candidate));
    }
    detachedMass += mass;
    detached += mass * (1 - Math.min(1, support));
  });
  const precisionOver = (keep: (word: Word) => boolean) => {
    let mass = 0;
    let covered = 0;
    let alignedMass = 0;
    let calibratedMass = 0;
    answerWords.forEach((word, a) => {
      if (!keep(word)) return;
      let best = 0;
      for (let p = 0; p < pointWords.length; p++) best = Math.max(best, similarity(p, a));
      mass += word.weight;
      covered += word.weight * best;
      calibratedMass += word.weight * calibrate(best);
      if (best >= ALIGNED) alignedMass += word.weight;
    });
    return {
      soft: share(covered, mass),
      aligned: share(alignedMass, mass),
      calibrated: share(calibratedMass, mass),
    };
  };
  const inRegion = (word: Word) => region.size === 0 || region.has(word.clause);
  const novelWord = (word: Word) => !prompt.has(word.lemma);
  const regionPrecision = precisionOver(inRegion);
  const answerPrecision = precisionOver(() => true);
  const novelPrecision = precisionOver(novelWord);
  const novelPointWords = pointWords.filter(novelWord);
  const novelAnswerWords = answerWords.filter(novelWord);
  let bigramCount = 0;
  let bigramHits = 0;
  for (let i = 1; i < pointWords.length; i++) {
    const [a, b] = [pointWords[i - 1]!.lemma, pointWords[i]!.lemma];
    bigramCount++;
    for (let j = 1; j < answerWords.length; j++) {
      if (answerWords[j - 1]!.lemma === a && answerWords[j]!.lemma === b) {
        bigramHits++;
        break;
      }
    }
  }
  const dimensions = point.vector.length;
  const regionVector = meanVector(answerWords.filter(inRegion), dimensions);
  let promptMass = 0;
  let answerMass = 0;
  for (const word of answerWords) {
    answerMass += word.weight;
    if (prompt.has(word.lemma)) promptMass += word.weight;
  }
  const features: Features = {
    exactRecall: share(exact, total),
    relatedRecall: share(related, total),
    softRecall: share(soft, total),
    alignedRecall: share(aligned, total),
    novelRecall: share(novel, novelTotal, share(soft, total)),
    novelExact: share(novelExact, novelTotal, share(exact, total)),
    novelAligned: share(novelAligned, novelTotal, share(aligned, total)),
    novelPrecision: novelPrecision.soft,
    novelAlignedPrecision: novelPrecision.aligned,
    novelCosine: Math.max(
      0,
      cosine(meanVector(novelPointWords, dimensions), meanVector(novelAnswerWords, dimensions)),
    ),
    bigrams: share(bigramHits, bigramCount),
    partRecall: 0,
    partNovelRecall: 0,
    partCosine: 0,
    kindRecall: share(kindMass, total),
    nounRecall: share(byPos.noun[1]!, byPos.noun[0]!, 1),
    verbRecall: share(byPos.verb[1]!, byPos.verb[0]!, 1),
    modifierRecall: share(byPos.modifier[1]!, byPos.modifier[0]!, 1),
    trigramDice: dice(trigrams(pointWords), trigrams(answerWords)),
    novelTrigramDice: dice(trigrams(novelPointWords), trigrams(novelAnswerWords)),
    weakestWord: pointWords.length > 0 && answerWords.length > 0 ? weakest : 0,
    softPrecision: regionPrecision.soft,
    answerPrecision: answerPrecision.soft,
    regionCosine: Math.max(0, cosine(point.vector, regionVector)),
    answerCosine: Math.max(0, cosine(point.vector, answer.vector)),
    polarityMismatch: share(flipped, matchedMass),
    predicateMismatch: share(predicateFlipped, predicateMass),
    antonym: share(antonym, total),
    detached: share(detached, detachedMass),
    actorSwap: share(swapped, actorMass),
    otherActor: share(strangers, actorMass),
    answerLength: Math.log1p(answerWords.length),
    pointLength: Math.log1p(pointWords.length),
    lengthRatio: Math.log((answerWords.length + 1) / (pointWords.length + 1)),
    negatedShare: share(answerWords.filter((a) => a.polarity < 0).length, answerWords.length),
    listShare: answer.listShare,
    promptShare: share(promptMass, answerMass),
    unknownShare: answer.unknownShare,
    otherLanguage: answer.language !== 'eng' && answer.language !== 'und' ? 1 : 0,
    promptFlipped: promptFlipped(prompt, answer),
    listRecall: 0,
    flippedRecall: 0,
    foreignRecall: 0,
    denialCover: 0,
    denialByActor: 0,
    questionReversed: 0,
    bareList: answer.bareList ? 1 : 0,
    strongRecall: share(strong, total),
    strictRecall: share(strict, total),
    calibratedRecall: share(calibrated, total),
    calibratedPrecision: novelPrecision.calibrated,
    clauseMatch: part ? 0 : bestGroupMatch(table, pointWords, answerWords, (w) => w.clause, prompt),
    sentenceMatch: part ? 0 : bestGroupMatch(table, pointWords, answerWords, (w) => w.sentence, prompt),
    pointCount: 0,
    promptOpposed: part ? 0 : promptOpposed(prompt, answer),
    answerDenial: 0,
    answerFlipped: 0,
    foreignActors: 0,
    missingActors: 0,
    swappedActor: 0,
  };
  // What recall is worth depends on how the answer says it: not at all in a list of words.
  features.listRecall = features.listShare * features.softRecall;
  features.flippedRecall = features.polarityMismatch * features.softRecall;
  features.foreignRecall = features.otherLanguage * features.softRecall;
  return { features, closeness: features.softRecall + features.regionCosine, table };
}

/**
 * A question's content words with the polarity the question gives them ("work in coalitions
 * rather than act alone": coalitions +1, alone -1). Restating them earns nothing by itself;
 * turning them round ("avoid coalitions", "acting alone is better") reverses the question's stance.
 */
export type PromptWords = Set<string> & { polarity?: Map<string, 1 | -1>; analysed?: AnalysedText };

export function promptLemmas(prompt: string): PromptWords {
  const analysed = analyseText(prompt);
  const words = analysed.words;
  const lemmas: PromptWords = new Set(words.map((w) => w.lemma));
  lemmas.polarity = new Map(words.map((w) => [w.lemma, w.polarity]));
  lemmas.analysed = analysed;
  return lemmas;
}

/**
 * Weighted share of the answer's words that oppose a word of the question: a WordNet antonym
 * said the same way round ("shrink" for "expand", "leave" for "stay"), or the question's own word
 * said the other way round. An answer that turns the question round this way argues the
 * opposite course.
 */
const opposedCache = new WeakMap<AnalysedText, WeakMap<PromptWords, number>>();

function promptOpposed(prompt: PromptWords, answer: AnalysedText): number {
  let byPrompt = opposedCache.get(answer);
  if (!byPrompt) {
    byPrompt = new WeakMap();
    opposedCache.set(answer, byPrompt);
  }
  let value = byPrompt.get(prompt);
  if (value === undefined) {
    value = measurePromptOpposed(prompt, answer);
    byPrompt.set(prompt, value);
  }
  return value;
}

function measurePromptOpposed(prompt: PromptWords, answer: AnalysedText): number {
  const words = prompt.analysed?.words ?? [];
  if (words.length === 0 || answer.words.length === 0) return 0;
  let mass = 0;
  let opposed = 0;
  for (const word of answer.words) {
    mass += word.weight;
    for (const p of words) {
      const same = p.lemma === word.lemma;
      const relations = relationsFor(p);
      const antonym = relations.opposites.has(word.lemma) || relations.opposites.has(word.normal);
      if ((same && p.polarity !== word.polarity) || (antonym && p.polarity === word.polarity)) {
        opposed += word.weight;
        break;
      }
    }
  }
  return share(opposed, mass);
}

/** Weighted share of the question's words the answer repeats with the opposite polarity. */
function promptFlipped(prompt: PromptWords, answer: AnalysedText): number {
  const polarity = prompt.polarity;
  if (!polarity) return 0;
  let mass = 0;
  let flipped = 0;
  for (const word of answer.words) {
    const expected = polarity.get(word.lemma);
    if (expected === undefined) continue;
    mass += word.weight;
    if (expected !== word.polarity) flipped += word.weight;
  }
  return share(flipped, mass);
}

/**
 * Features of an answer against a key point given as its phrasings (the point's text first,
 * then its accepted paraphrases): those of the closest phrasing.
 */
/** A phrasing of several sentences, one sentence at a time. */
function sentencesOf(text: AnalysedText): AnalysedText[] {
  const sentences = [...new Set(text.words.map((w) => w.sentence))];
  if (sentences.length < 2) return [text];
  return sentences.map((sentence) => {
    const words = text.words.filter((w) => w.sentence === sentence);
    return {
      ...text,
      words,
      vector: meanVector(words, text.vector.length),
      clauses: [...new Set(words.map((w) => w.clause))],
    };
  });
}

export function pointFeatures(
  phrasings: readonly (string | AnalysedText)[],
  answer: string | AnalysedText,
  prompt: PromptWords,
): Features {
  const analysedAnswer = typeof answer === 'string' ? analyseText(answer) : answer;
  let best: { features: Features; closeness: number } | null = null;
  let swap = 0;
  let clause = 0;
  let sentence = 0;
  const analysedPhrasings = phrasings.map((p) => (typeof p === 'string' ? analyseText(p) : p));
  const tables: PairTable[] = [];
  for (const analysed of analysedPhrasings) {
    const result = compare(analysed, analysedAnswer, prompt);
    tables.push(result.table);
    // The best-made sentence of a point given in several sentences.
    for (const part of sentencesOf(analysed)) {
      const partial =
        part === analysed
          ? result.features
          : compare(part, analysedAnswer, prompt, true, { words: analysed.words, table: result.table })
              .features;
      result.features.partRecall = Math.max(result.features.partRecall, partial.softRecall);
      result.features.partNovelRecall = Math.max(result.features.partNovelRecall, partial.novelRecall);
      result.features.partCosine = Math.max(result.features.partCosine, partial.regionCosine);
    }
    clause = Math.max(clause, result.features.clauseMatch);
    sentence = Math.max(sentence, result.features.sentenceMatch);
    if (!best || result.closeness > best.closeness) best = result;
    swap = Math.max(swap, result.features.actorSwap);
  }
  if (!best) throw new Error('A key point needs at least one phrasing');
  // Any phrasing that names both sides can show the answer swapped them.
  best.features.actorSwap = swap;
  best.features.clauseMatch = clause;
  best.features.sentenceMatch = sentence;
  const promptActors = prompt.analysed?.words.filter((w) => w.actor) ?? [];
  const denial = denialOf({ phrasings: analysedPhrasings, promptActors }, analysedAnswer, tables);
  best.features.denialCover = denial?.cover ?? 0;
  best.features.denialByActor = denial?.kind === 'other-actor' ? 1 : 0;
  best.features.questionReversed = reversesQuestion(prompt.analysed, analysedAnswer) ? 1 : 0;
  best.features.swappedActor = swapsActor(
    { phrasings: analysedPhrasings, promptActors, promptWords: prompt.analysed?.words },
    analysedAnswer,
    tables,
  );
  const actors = actorFigures(analysedPhrasings, promptActors, analysedAnswer);
  best.features.foreignActors = actors.foreign;
  best.features.missingActors = actors.missing;
  return best.features;
}

/** Two actors are the same by name, or by word vectors ("Moscow", "Russia", "the Kremlin"). */
const SAME_ACTOR = 0.6;

function sameActor(a: Word, b: Word): boolean {
  if (a.lemma === b.lemma || a.normal === b.normal) return true;
  return a.vector !== null && b.vector !== null && dot(a.vector, b.vector) >= SAME_ACTOR;
}

/**
 * Who the answer talks about against who the point and the question talk about: the share of
 * the answer's actors that neither names ("the United States is using its military power
 * against a defenseless nation", for a point about the Soviet Union), and the share of the
 * point's actors the answer never names.
 */
function actorFigures(
  phrasings: readonly AnalysedText[],
  promptActors: readonly Word[],
  answer: AnalysedText,
): { foreign: number; missing: number } {
  const pointActors = phrasings.flatMap((p) => p.words.filter((w) => w.actor));
  const answerActors = answer.words.filter((w) => w.actor);
  const known = [...pointActors, ...promptActors];
  const foreign = answerActors.filter((a) => !known.some((k) => sameActor(a, k))).length;
  let missing = 0;
  let named = 0;
  for (const phrasing of phrasings) {
    const own = phrasing.words.filter((w) => w.actor);
    if (own.length === 0) continue;
    named++;
    missing += own.filter((p) => !answerActors.some((a) => sameActor(a, p))).length / own.length;
  }
  return {
    foreign: answerActors.length > 0 ? foreign / answerActors.length : 0,
    missing: named > 0 ? missing / named : 0,
  };
}

export function featureVector(features: Features, names: readonly string[] = FEATURE_NAMES): number[] {
  return names.map((name) => features[name as FeatureName]);
}
