import type { Token } from '../../language/tokens';
import { lemmasIn, type ParagraphAnalysis, type ReadingAnalysis, type SentenceAnalysis } from '../analyse';
import { seededShuffle } from '../deterministic';
import { danglingReference } from '../references';
import {
  type Draft,
  draftBase,
  lowerFirst,
  overlap,
  parallelOpening,
  quote,
  sharedCount,
  statementOf,
  withoutLongCopy,
} from './common';
import { point } from './paragraphs';

/** Which sentence supports a claim, and claim-evidence-reasoning. */

const keyPointText = (sentence: SentenceAnalysis) =>
  (statementOf(sentence) ?? sentence.text).replace(/[.!]+$/, '');

// ---- Evidence for a claim ----

type EvidencePair = { paragraph: ParagraphAnalysis; claim: SentenceAnalysis; support: SentenceAnalysis };

/** The speaker announcing an act of his own: "And I will request …", "I am proposing …". */
const ANNOUNCING =
  /^(?:and\s+|so\s+|today\s+|tonight\s+)?(?:I|I'm|I’m)\s+(?:will|shall|am|have|also\s+)?\s*(?:ask|asking|asked|request|requesting|propose|proposing|proposed|urge|urging|send|sending|submit|submitting|recommend|recommending|call|calling)\b/i;

/** A sentence that opens by turning against what was said before it. */
const TURNING = /^(?:and yet|but|yet|however|still|although|though|nevertheless|nonetheless|now)\b/i;

/**
 * Supporting sentences of a paragraph for its point, best linked first: a support shares a
 * content word with the claim (names aside: every sentence mentions the main actor).
 */
function supportsFor(
  paragraph: ParagraphAnalysis,
  names: Set<string>,
  claimLemmas: Set<string>,
): EvidencePair[] {
  const claim = paragraph.topic;
  if (!claim) return [];
  // The words of the claim as the question states it: the rest of its sentence is not claimed.
  const claimWords = new Set([...claim.content].filter((l) => !names.has(l) && claimLemmas.has(l)));
  const turnsAgainstWhatPrecedes = TURNING.test(claim.text);
  // "He has nothing close to the web of alliances" right after a claim about him is linked by "He".
  const continues = (s: SentenceAnalysis) =>
    s.resolved !== null &&
    s.resolved !== s.text &&
    Math.abs(s.indexInParagraph - claim.indexInParagraph) === 1;
  return (
    paragraph.sentences
      .filter(
        (s) =>
          s !== claim &&
          !s.isQuestion &&
          s.wordCount >= 6 &&
          // "And yet…", "But…": a sentence that turns against the claim does not support it.
          !TURNING.test(s.text) &&
          // "And I will request a supplemental increase of 50 million": the speaker announcing
          // what he will do adds to a claim; it is no evidence for it.
          !ANNOUNCING.test(s.text) &&
          // "I've outlined the changes … But we need not fear change": a claim that turns with
          // "But" turns against the sentence before it, which does not support it.
          !(turnsAgainstWhatPrecedes && s.indexInParagraph === claim.indexInParagraph - 1) &&
          // A recommendation is a conclusion, not evidence for one.
          !s.markers.has('argument') &&
          // A request ("I ask Congress to …") is a conclusion too, and the speaker's own wish or
          // feeling ("I would rejoice to acclaim the era of …", "I am proud …") backs nothing.
          !/^(?:(?:I|we)\s+(?:ask|urge|call|propose|request|hope|pray|thank)|let|I\s+(?:would|wish|want|long|rejoice|welcome|am\s+(?:glad|proud|happy|grateful|sure)))\b/i.test(
            s.text,
          ) &&
          // One that opens on "They…" or "It…" cannot be read as an option on its own.
          s.resolved !== null &&
          !s.markers.has('contrast') &&
          // "You have seen duty … You have seen that life is fragile": sentences that open alike
          // are a list of parallel points (anaphora), not a claim and its evidence.
          !parallelOpening(claim, s) &&
          (sharedCount(claimWords, s.content) >= 1 || continues(s)),
      )
      .map((support) => ({
        support,
        link:
          sharedCount(claimWords, support.content) +
          (Math.abs(support.indexInParagraph - claim.indexInParagraph) === 1 ? 1 : 0) +
          (support.markers.has('causal') || support.markers.has('argument') ? 0.5 : 0),
      }))
      // One shared word ("war" in a claim about wars and in an account of an attack) is a
      // coincidence as often as a link: two, or one and a sentence that follows on.
      .filter((s) => s.link >= 2)
      // A sentence that says the claim again ("we can stand together" for "we should stand
      // together") repeats it; evidence adds something.
      .filter((s) => overlap(s.support.content, claimWords) < 0.5)
      .sort((a, b) => b.link - a.link || a.support.indexInParagraph - b.support.indexInParagraph)
      .map(({ support }) => ({ paragraph, claim, support }))
  );
}

/** Sentences from elsewhere that share words with the claim but support it less than the key. */
function evidenceDistractors(
  analysis: ReadingAnalysis,
  pair: EvidencePair,
  seed: string,
): SentenceAnalysis[] {
  const keyShared = sharedCount(pair.claim.content, pair.support.content);
  const candidates = analysis.sentences.filter(
    (s) =>
      s.paragraphIndex !== pair.paragraph.index &&
      !s.isQuestion &&
      s.wordCount >= 6 &&
      s.wordCount <= 45 &&
      sharedCount(pair.claim.content, s.content) < Math.max(keyShared, 2),
  );
  const ranked = seededShuffle(candidates, seed).sort(
    (a, b) => sharedCount(pair.claim.content, b.content) - sharedCount(pair.claim.content, a.content),
  );
  const picked: SentenceAnalysis[] = [];
  const paragraphsUsed = new Set<number>();
  for (const sentence of ranked) {
    if (paragraphsUsed.has(sentence.paragraphIndex)) continue;
    paragraphsUsed.add(sentence.paragraphIndex);
    picked.push(sentence);
    if (picked.length === 3) break;
  }
  return picked;
}

function evidenceOptions(pair: EvidencePair, distractors: SentenceAnalysis[], seed: string) {
  return seededShuffle([pair.support, ...distractors], seed).map((s) => ({ id: s.id, text: s.text }));
}

export function evidenceQuestions(analysis: ReadingAnalysis): Draft[] {
  const drafts: Draft[] = [];
  let claimsAsked = 0;
  // A question on a claim and its support, evidence in the order of the text.
  const pairBase = (pair: EvidencePair, id: string, difficulty: 2 | 3, explanation: string) =>
    draftBase(analysis, {
      id,
      evidence: [pair.claim.id, pair.support.id].sort(bySentenceOrder(analysis)),
      skill: 'evidence',
      difficulty,
      explanation,
    });
  const names = new Set([...analysis.lexicon.values()].filter((e) => e.proper).map((e) => e.lemma));
  for (const paragraph of analysis.paragraphs) {
    // A claim is argued, not narrated: "27 countries expelled …" is an event that nothing in the
    // paragraph "supports"; so, told in the passive, is "The first SALT agreement was concluded
    // in 1972".
    const topic = paragraph.topic;
    const has = (test: (t: Token) => boolean) => topic?.tokens.some(test) ?? false;
    const pastSimple =
      has((t) => t.tags.has('PastTense') && t.tags.has('Verb') && !t.tags.has('Participle')) &&
      !has((t) => t.tags.has('Copula') || t.tags.has('Modal') || t.tags.has('Auxiliary'));
    const pastPassive =
      has((t) => /^(was|were)$/.test(t.normal) && t.tags.has('Passive')) && !has((t) => t.tags.has('Modal'));
    const narrative = topic !== null && !topic.markers.has('argument') && (pastSimple || pastPassive);
    if (narrative) continue;
    // The claim in short, so that the prompt does not copy the text at length.
    const gist = point(paragraph);
    const claimText = gist ? withoutLongCopy(gist, analysis) : null;
    if (!claimText || danglingReference(claimText)) continue;
    // "Revenues next year will be $111 billion": a figure is evidence itself, not a claim to back;
    // a question ("Is the whole continent divided?") claims nothing, nor does "The first is …".
    if (
      /\d|\b(?:million|billion|percent|half|third|quarter)\b/i.test(claimText) ||
      paragraph.topic?.isQuestion ||
      /^(?:the (?:first|second|third|fourth|last|other)|another|under)\b/i.test(claimText)
    )
      continue;
    // "In short, let our adversaries choose": an exhortation is asked of the hearers, not argued
    // for; what follows it spells it out rather than supports it.
    if (/^(?:(?:in short|in sum|in brief|in a word|so|and|then|now),?\s+)?let\b/i.test(claimText)) continue;
    const pairs = supportsFor(paragraph, names, new Set(lemmasIn(claimText, analysis)));
    const [first, second] = pairs;
    const selectDraft = (): Draft | null => {
      if (!first) return null;
      const id = `evidence-${first.support.id}`;
      const distractors = evidenceDistractors(analysis, first, id);
      if (distractors.length < 3) return null;
      return {
        template: 'select-evidence',
        anchor: first.support.id,
        quality: 0.75,
        question: {
          ...pairBase(
            first,
            id,
            2,
            `In paragraph ${paragraph.number} the claim is backed by ${quote(first.support.text)} The other sentences come from other parts of the essay and make other points.`,
          ),
          type: 'select-evidence',
          prompt: `Which sentence from the text best supports the claim that ${lowerFirst(claimText, analysis)}?`,
          claim: `${claimText}.`,
          options: evidenceOptions(first, distractors, id),
          answer: { sentenceIds: [first.support.id] },
        },
      };
    };
    const reasoningDraft = (): Draft | null => {
      const pair = second ?? first;
      // The explanation is graded against the supporting sentence, so it must stand alone.
      if (!pair?.support.resolved || danglingReference(pair.support.resolved)) return null;
      const id = `cer-${pair.support.id}`;
      const distractors = evidenceDistractors(analysis, pair, id);
      if (distractors.length < 3) return null;
      const supportText = keyPointText(pair.support);
      return {
        template: 'claim-evidence-reasoning',
        anchor: pair.support.id,
        quality: second ? 0.8 : 0.65,
        question: {
          ...pairBase(
            pair,
            id,
            3,
            `Paragraph ${paragraph.number} supports its claim with ${quote(pair.support.text)}`,
          ),
          type: 'claim-evidence-reasoning',
          prompt: `Choose the sentence that best supports the claim that ${lowerFirst(claimText, analysis)}, then explain in your own words how it supports it.`,
          claim: `${claimText}.`,
          options: evidenceOptions(pair, distractors, id),
          answer: { sentenceIds: [pair.support.id] },
          rubric: {
            keyPoints: [
              { id: 'evidence', text: supportText, accept: [], weight: 1 },
              { id: 'link', text: claimText, accept: [], weight: 1 },
            ],
          },
          modelAnswer: `The sentence shows that ${lowerFirst(supportText, analysis)}. That backs the claim that ${lowerFirst(claimText, analysis)}.`,
          weights: { evidence: 0.5, reasoning: 0.5 },
        },
      };
    };
    // One evidence question a claim, "which sentence supports it" and claim–evidence–reasoning in
    // turn through the text: the two on one claim repeat each other, options and all, whichever
    // supporting sentence each keys (blind raters: 4 of 4 such reasoning items unacceptable).
    const draft =
      claimsAsked % 2 === 0 ? (selectDraft() ?? reasoningDraft()) : (reasoningDraft() ?? selectDraft());
    if (draft) {
      drafts.push(draft);
      claimsAsked++;
    }
  }
  return drafts;
}

function bySentenceOrder(analysis: ReadingAnalysis) {
  const position = new Map(analysis.sentences.map((s, i) => [s.id, i]));
  return (a: string, b: string) => (position.get(a) ?? 0) - (position.get(b) ?? 0);
}
