import { lemmasIn, type ParagraphAnalysis, type ReadingAnalysis, type SentenceAnalysis } from '../analyse';
import {
  affirmed,
  announcesWhatFollows,
  clausesOf,
  type Proposition,
  propositionOf,
  statedText,
  subjectText,
  turnedBy,
} from '../clauses';
import { danglingReference } from '../references';
import {
  type Draft,
  draftBase,
  fairDistractors,
  labelled,
  nearestFirst,
  overlap,
  parallelOpening,
  quote,
  shuffledOptions,
  statementOf,
  words,
} from './common';

/**
 * Questions about the shape of the argument: the main point of a paragraph, which paragraph
 * makes which point, and the order of the points.
 */

const MAX_POINT_WORDS = 18;

const pointCache = new WeakMap<ParagraphAnalysis, string | null>();

/**
 * A paragraph's point in short: the main clause of its topic sentence, its subject named
 * ("Mr. Putin", not "He"), without the clauses that qualify it.
 */
const ENUMERATOR =
  /^(?:(?:and\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|finally|lastly)(?:ly)?|(?:step|point|item)\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)),\s+/i;

export function point(paragraph: ParagraphAnalysis): string | null {
  if (pointCache.has(paragraph)) return pointCache.get(paragraph)!;
  const topic = paragraph.topic;
  let result: string | null = null;
  // A point cut from its condition ("… if we remain true") would misstate it.
  if (topic && !topic.markers.has('conditional')) {
    const whole = statementOf(topic);
    if (whole && words(whole) <= 14) result = whole;
    else {
      const clauses = clausesOf(topic.tokens);
      for (const [k, clause] of clauses.entries()) {
        if (clause.relation === 'condition' || clause.relation === 'concession') continue;
        const proposition = propositionOf(clause);
        if (!proposition) continue;
        // "One commitment is necessary above all: we must …": the point is what the colon opens.
        if (announcesWhatFollows(proposition)) continue;
        if (turnedBy(clauses[k + 1])) break;
        const subject = subjectText(proposition);
        if (/^(he|she|it|they|this|that|these|those)$/i.test(subject)) break;
        const text = affirmed(proposition, subject);
        if (text && !proposition.negative && words(text) >= 5 && words(text) <= MAX_POINT_WORDS)
          result = text;
        break;
      }
    }
  }
  // A line that announces what follows ("I ask that you bow your heads:") is no point, nor is the
  // speaker speaking of themselves.
  // "All the allies of the United States can know:" announces a point and makes none.
  if (result && (/:\s*$/.test(topic?.text ?? '') || /:\s*$/.test(result) || /^I\b/.test(result)))
    result = null;
  // "We have lived too long with that false promise": which promise, out of the paragraph?
  if (result && danglingReference(result, { fromText: true })) result = null;
  // "And it is imperative …": a point does not open on a connective.
  // "Step six, we must reform …", "Fourth, we must …": a place in a list is no part of the point.
  if (result)
    result = result
      .replace(/^(and|but|so|yet|or|now),?\s+/i, '')
      .replace(/^(of course|indeed|in fact|moreover|furthermore|in addition),\s+/i, '')
      .replace(ENUMERATOR, '')
      .replace(/^\p{Ll}/u, (c) => c.toUpperCase());
  pointCache.set(paragraph, result);
  return result;
}

/** Other paragraphs' points that do not restate this paragraph: plausible, and wrong. */
function otherPoints(analysis: ReadingAnalysis, paragraph: ParagraphAnalysis, count: number, seed: string) {
  const candidates = analysis.paragraphs.filter((other) => {
    if (other === paragraph || !other.topic) return false;
    const text = point(other);
    return text !== null && overlap(other.topic.content, paragraph.content) < 0.34;
  });
  return nearestFirst(candidates, (p) => p.index, paragraph.index, seed).slice(0, count);
}

/** A sentence's main clause in short, as `point` makes it for a paragraph's topic sentence. */
function gistOf(
  sentence: SentenceAnalysis,
): { text: string; proposition: Proposition; subject: string } | null {
  // Without its condition, "We shall be the more American if we …" says something else.
  if (sentence.markers.has('conditional')) return null;
  const clauses = clausesOf(sentence.resolvedTokens ?? sentence.tokens);
  for (const [k, clause] of clauses.entries()) {
    if (clause.relation === 'condition' || clause.relation === 'concession') continue;
    const proposition = propositionOf(clause);
    if (!proposition) continue;
    if (turnedBy(clauses[k + 1])) return null;
    const subject = subjectText(proposition);
    if (/^(he|she|it|they|this|that|these|those|there)$/i.test(subject)) return null;
    const text = statedText(proposition, subject);
    if (
      words(text) < 5 ||
      words(text) > MAX_POINT_WORDS ||
      danglingReference(text, { fromText: true }) ||
      /:\s*$/.test(text)
    )
      return null;
    return { text, proposition, subject };
  }
  return null;
}

/** How many words a sentence shares with the other sentences of its paragraph, counted per sentence. */
function centrality(sentence: SentenceAnalysis, paragraph: ParagraphAnalysis): number {
  let shared = 0;
  for (const other of paragraph.sentences) {
    if (other === sentence) continue;
    for (const lemma of sentence.topical) if (other.topical.has(lemma)) shared++;
  }
  return shared;
}

/**
 * "Which statement best sums up paragraph N?": the paragraph's point against a detail of the
 * same paragraph (true, but not the point) and other paragraphs' points (off the subject).
 * Telling the point from a detail is the skill.
 */
export function mainIdeaQuestions(analysis: ReadingAnalysis): Draft[] {
  const drafts: Draft[] = [];
  for (const paragraph of analysis.paragraphs) {
    const key = point(paragraph);
    const topic = paragraph.topic;
    // "I know now what the task means" is the speaker talking, not the paragraph's point.
    if (!key || !topic || paragraph.sentences.length < 3 || /^I\b/.test(key)) continue;
    // "We can put people to work … We can teach our children … We can see each other …": a
    // paragraph that is a list of parallel sentences has no one of them as its point.
    if (paragraph.sentences.some((a) => paragraph.sentences.filter((b) => parallelOpening(a, b)).length >= 3))
      continue;
    const id = `main-idea-${paragraph.id}`;
    const distractors: string[] = [];
    const kinds: string[] = [];
    // The detail must be clearly less central than the point: it shares at most half as many
    // words with the rest of the paragraph, and it is not the paragraph's first sentence, which a
    // reader takes for its point ("Eisenhower's mission is vital to our security" beside "The
    // people of Europe have confidence in Eisenhower" is as good a summary). The least central first.
    const topicCentrality = centrality(topic, paragraph);
    const detail = paragraph.sentences
      .filter(
        (s) =>
          s !== topic &&
          !s.isQuestion &&
          // "But real progress is being made": a turn of the argument is no mere detail.
          !/^(but|yet|however|still|nevertheless)\b/i.test(s.text) &&
          s.wordCount >= 6 &&
          s.indexInParagraph !== 0 &&
          // "… we all must concede: We don't need a constitutional amendment; we need action": a
          // sentence that says what must or need be done is as often the paragraph's conclusion as
          // a detail.
          !s.markers.has('argument') &&
          !/\b(?:we|you|they|i)\s+(?:do not|don't|did not|didn't)?\s*need\b/i.test(s.text) &&
          topicCentrality >= 2 &&
          2 * centrality(s, paragraph) <= topicCentrality,
      )
      .sort(
        (a, b) =>
          centrality(a, paragraph) - centrality(b, paragraph) || a.indexInParagraph - b.indexInParagraph,
      )
      .map(gistOf)
      .find(
        (g) =>
          g !== null &&
          // "I ask you to pass legislation …": the speaker's request is often the point itself.
          !/^I (ask|urge|call|propose|request|recommend)\b/.test(g.text) &&
          overlap(new Set(lemmasIn(g.text, analysis)), new Set(lemmasIn(key, analysis))) < 0.5,
      );
    if (detail && fairDistractors(key, [detail.text]).length === 1) {
      distractors.push(detail.text);
      kinds.push('a detail of the paragraph, not its point');
    }
    // No "point turned around": beside the key, its own negation tells a test-wise student that
    // the answer is one of those two, whatever they read.
    for (const other of otherPoints(analysis, paragraph, 6, paragraph.id)) {
      if (distractors.length === 3) break;
      const text = point(other)!;
      if (fairDistractors(key, [...distractors, text], 3).length !== distractors.length + 1) continue;
      distractors.push(text);
      kinds.push(`the point of paragraph ${other.number}`);
    }
    if (distractors.length < 3 || !kinds[0]?.startsWith('a detail')) continue;
    const { options, keyId } = shuffledOptions(key, distractors, id);
    drafts.push({
      template: 'main-idea',
      anchor: paragraph.id,
      quality: 0.75,
      question: {
        ...draftBase(analysis, {
          id,
          evidence: [topic.id],
          skill: 'main-idea',
          difficulty: 2,
          explanation: `Paragraph ${paragraph.number} is built around this point: ${quote(topic.text)} The other choices are ${kinds.join('; ')}.`,
        }),
        type: 'multiple-choice',
        prompt: `Which statement best sums up paragraph ${paragraph.number}?`,
        options,
        answer: { optionId: keyId },
      },
    });
  }
  return drafts;
}

/** Runs of consecutive paragraphs that each have a point that can stand alone. */
function runs(analysis: ReadingAnalysis, length: number, step: number): ParagraphAnalysis[][] {
  const usable = analysis.paragraphs.filter((p) => point(p) !== null);
  const result: ParagraphAnalysis[][] = [];
  for (let start = 0; start + length <= usable.length; start += step)
    result.push(usable.slice(start, start + length));
  return result;
}

export function argumentOrderQuestions(analysis: ReadingAnalysis): Draft[] {
  const author = analysis.authorName;
  // "First, appropriations …", "Second, …": points numbered by the text give their order away.
  const numbered = (p: ParagraphAnalysis) =>
    /^(next|then)\b/i.test(point(p)!) || ENUMERATOR.test(p.topic?.text ?? '');
  // Points worth putting in order make one thread: each paragraph shares with the next two
  // names ("Mr. Putin", "Saddam Hussein") or two words specific to a part of the reading (in at
  // most a quarter of its paragraphs), and none is a line of a few words ("God bless you"). Four
  // unrelated points (drug treatment, cloning, the Middle East) linked by words every paragraph
  // uses ("nation", "life", "world") test where they sit, not the argument.
  const isName = (lemma: string) => analysis.lexicon.get(lemma)?.proper === true;
  const spread = new Map<string, number>();
  for (const p of analysis.paragraphs) for (const l of p.content) spread.set(l, (spread.get(l) ?? 0) + 1);
  const specific = (lemma: string) => (spread.get(lemma) ?? 0) <= Math.max(2, analysis.paragraphs.length / 4);
  const paragraphWords = (p: ParagraphAnalysis) => p.sentences.reduce((n, s) => n + s.wordCount, 0);
  // The points a student sees must carry the thread too: each shares a name or such a word with
  // the next ("Mr. Putin has overplayed his hand", "Mr. Putin's biggest vulnerability …"); four
  // paragraphs on one subject whose points read as unrelated lines test memory, not the argument.
  const pointLemmaSets = new Map<ParagraphAnalysis, Set<string>>();
  const pointLemmas = (p: ParagraphAnalysis) => {
    let lemmas = pointLemmaSets.get(p);
    if (!lemmas) {
      lemmas = new Set(lemmasIn(point(p)!, analysis));
      pointLemmaSets.set(p, lemmas);
    }
    return lemmas;
  };
  const thread = (group: ParagraphAnalysis[]) =>
    group.every((p, i) => {
      if (paragraphWords(p) < 25) return false;
      const next = group[i + 1];
      if (!next) return true;
      const shared = [...p.content].filter((l) => next.content.has(l));
      if (shared.filter(isName).length < 2 && shared.filter(specific).length < 2) return false;
      const nextPoint = pointLemmas(next);
      return [...pointLemmas(p)].some((l) => nextPoint.has(l) && (isName(l) || specific(l)));
    });
  // Every stretch of four that makes a thread, taken from the start without overlapping.
  const groups: ParagraphAnalysis[][] = [];
  for (const group of runs(analysis, 4, 1)) {
    if (group.some(numbered) || !thread(group)) continue;
    if (groups.some((g) => g.some((p) => group.includes(p)))) continue;
    groups.push(group);
  }
  return groups.map((group) => {
    const id = `order-${group[0]!.id}`;
    const texts = group.map((p) => point(p)!);
    const { items, order } = labelled(texts, id);
    return {
      template: 'argument-order' as const,
      anchor: group[0]!.id,
      quality: 0.6,
      question: {
        ...draftBase(analysis, {
          id,
          evidence: group.map((p) => p.topic!.id),
          skill: 'main-idea' as const,
          difficulty: 3 as const,
          explanation: `These points come from paragraphs ${group.map((p) => p.number).join(', ')}, in that order.`,
        }),
        type: 'ordering' as const,
        prompt: `Put these points in the order in which ${author} makes them, from first to last.`,
        items,
        answer: { order: texts.map((text) => items[order.indexOf(text)]!.id) },
      },
    };
  });
}
