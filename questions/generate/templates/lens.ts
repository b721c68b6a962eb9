import { LENSES, type Lens } from '../../schema';
import type { ReadingAnalysis } from '../analyse';
import { LENS_SUMMARIES, LENS_THEMES, lensCues, lensLemmas } from '../concepts';
import { type Draft, draftBase, quote, shuffledOptions } from './common';

/**
 * Applying a theory lens: which IR perspective a paragraph's argument reflects most clearly,
 * and why. Written only where one lens's cue words clearly outnumber the others', and the
 * explanation names the words that decided it, so an instructor can check the call.
 */

const MIN_CUES = 3;
const MIN_MARGIN = 2;

export function lensQuestions(analysis: ReadingAnalysis): Draft[] {
  const author = analysis.authorName;
  const drafts: Draft[] = [];
  for (const paragraph of analysis.paragraphs) {
    // Words under a negation do not count: "peace cannot rest upon a balance of power" argues against realism.
    // Ambiguous words count only in their IR phrase ("balance of power", not "balance of trade").
    const cueLemmas = paragraph.sentences.map((s) => new Set(lensLemmas(s.tokens)));
    const cues = lensCues(cueLemmas.flatMap((l) => [...l]));
    const ranked = (LENSES as readonly Lens[])
      .map((lens) => ({ lens, words: [...new Set(cues[lens])] }))
      .sort((a, b) => b.words.length - a.words.length);
    const [best, second] = ranked;
    if (!best || best.words.length < MIN_CUES || best.words.length - (second?.words.length ?? 0) < MIN_MARGIN)
      continue;
    const cueSentences = paragraph.sentences.filter((_, k) => best.words.some((w) => cueLemmas[k]!.has(w)));
    const evidence = cueSentences.slice(0, 3).map((s) => s.id);
    // A lens is an argument's, not a sentence's: its cues run through two sentences at least.
    if (cueSentences.length < 2) continue;
    const id = `lens-${paragraph.id}`;
    const others = (Object.keys(LENS_SUMMARIES) as (keyof typeof LENS_SUMMARIES)[])
      .filter((l) => l !== best.lens)
      .map((l) => LENS_SUMMARIES[l]);
    const { options, keyId } = shuffledOptions(LENS_SUMMARIES[best.lens], others, id);
    const cueList = best.words.map((w) => `“${w}”`).join(', ');
    const base = {
      evidence,
      skill: 'inference' as const,
      difficulty: 3 as const,
      explanation: `Paragraph ${paragraph.number} argues in the terms of ${best.lens === 'liberal' ? 'liberalism' : best.lens === 'realist' ? 'realism' : 'constructivism'}: it speaks of ${cueList}. For example: ${quote(cueSentences[0]!.text)}`,
    };
    drafts.push({
      template: 'theory-lens',
      anchor: paragraph.id,
      quality: 0.7,
      question: {
        ...draftBase(analysis, { ...base, id }),
        lens: best.lens,
        type: 'multiple-choice',
        prompt: `Which theoretical lens does the argument of paragraph ${paragraph.number} reflect most clearly?`,
        options,
        answer: { optionId: keyId },
      },
    });
    const name = best.lens === 'liberal' ? 'liberal' : best.lens === 'realist' ? 'realist' : 'constructivist';
    drafts.push({
      template: 'theory-lens',
      anchor: paragraph.id,
      quality: 0.65,
      question: {
        ...draftBase(analysis, { ...base, id: `${id}-why` }),
        lens: best.lens,
        type: 'short-answer',
        prompt: `A classmate calls the argument of paragraph ${paragraph.number} ${name === 'liberal' ? 'a liberal' : `a ${name}`} one. What in the paragraph supports that reading?`,
        rubric: {
          keyPoints: [
            {
              id: 'theme',
              text: LENS_THEMES[best.lens],
              accept: best.words.slice(0, 6),
              weight: 1,
            },
          ],
        },
        modelAnswer: `In paragraph ${paragraph.number}, ${author} ${LENS_THEMES[best.lens].replace(/^it /, '')}: the paragraph speaks of ${best.words.join(', ')}.`,
      },
    });
  }
  return drafts;
}
