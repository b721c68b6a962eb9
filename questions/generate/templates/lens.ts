import { LENSES, type Lens } from '../../schema';
import type { ReadingAnalysis } from '../analyse';
import { LENS_SUMMARIES, LENS_THEMES, lensCues } from '../concepts';
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
    const lemmas = paragraph.sentences.flatMap((s) => s.tokens.filter((t) => !t.negated).map((t) => t.lemma));
    const cues = lensCues(lemmas);
    const ranked = (LENSES as readonly Lens[])
      .map((lens) => ({ lens, words: [...new Set(cues[lens])] }))
      .sort((a, b) => b.words.length - a.words.length);
    const [best, second] = ranked;
    if (!best || best.words.length < MIN_CUES || best.words.length - (second?.words.length ?? 0) < MIN_MARGIN)
      continue;
    const cueSentences = paragraph.sentences.filter((s) =>
      s.tokens.some((t) => !t.negated && best.words.includes(t.lemma)),
    );
    const evidence = cueSentences.slice(0, 3).map((s) => s.id);
    if (evidence.length === 0) continue;
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
