import { contentLemmas } from '../language/tokens';

/** A sentence of the reading a question may rest on. */
export type SentenceRef = { id: string; text: string };

export type EvidenceMatch =
  | { found: true; sentenceIds: string[]; score: number }
  | { found: false; sentenceIds: string[]; score: number };

/** Share of a sentence's content words that a question's text must say for the sentence to count. */
export const EVIDENCE_THRESHOLD = 0.5;
/** …and at least this many of them (a three-word sentence is not matched by one shared word). */
const MIN_SHARED = 3;
/** Share of one of the question's own texts (three content words or more) a sentence must say. */
export const TEXT_THRESHOLD = 0.75;

const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The reading's sentences an imported question rests on. A sentence counts when the question's
 * texts (its key, explanation, statement or claim, and prompt) quote it, or say at least half its
 * content words (lemmas, so "expelled" meets "expels") and at least three of them, or when it
 * says three quarters (and three or more) of the content words of one of those texts. The best
 * sentence is kept, with any other within a tenth of its score. When nothing counts, the closest
 * sentence is returned with `found: false`, so the preview can say the evidence is a placeholder
 * to check (every question of the format needs one).
 */
export function matchEvidence(texts: string[], sentences: readonly SentenceRef[]): EvidenceMatch {
  const wanted = texts.filter((t) => t.trim().length > 0);
  const joined = normalise(wanted.join(' '));
  const lemmas = new Set(wanted.flatMap((t) => contentLemmas(t)));
  const ownTexts = wanted.map((t) => [...new Set(contentLemmas(t))]).filter((w) => w.length >= MIN_SHARED);
  const scored = sentences.map((s) => {
    const text = normalise(s.text);
    if (text.length > 20 && joined.includes(text)) return { id: s.id, score: 1, passes: true };
    const words = new Set(contentLemmas(s.text));
    if (words.size === 0) return { id: s.id, score: 0, passes: false };
    // How much of the sentence the question says…
    const shared = [...words].filter((w) => lemmas.has(w)).length;
    const coverage = shared / words.size;
    let passes = coverage >= EVIDENCE_THRESHOLD && shared >= MIN_SHARED;
    let score = coverage;
    // …or how much of one of the question's own texts (a key, an explanation) the sentence says.
    for (const own of ownTexts) {
      const inside = own.filter((w) => words.has(w)).length;
      const share = inside / own.length;
      if (share >= TEXT_THRESHOLD && inside >= MIN_SHARED) passes = true;
      score = Math.max(score, share);
    }
    return { id: s.id, score, passes };
  });
  const passing = scored.filter((s) => s.passes);
  if (passing.length === 0) {
    const closest = scored.reduce<(typeof scored)[number] | null>(
      (best, s) => (!best || s.score > best.score ? s : best),
      null,
    );
    return { found: false, sentenceIds: closest ? [closest.id] : [], score: closest?.score ?? 0 };
  }
  const best = Math.max(...passing.map((s) => s.score));
  const kept = passing
    .filter((s) => s.score >= best - 0.1)
    .sort((a, b) => b.score - a.score)
    .slice(0, 3);
  return { found: true, sentenceIds: kept.map((s) => s.id), score: best };
}
