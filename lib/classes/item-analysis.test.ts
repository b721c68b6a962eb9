import { describe, expect, it } from 'vitest';
import { loadShippedReading } from '@/lib/reading/content';
import { loadAuthoredBank } from '@/questions/bank';
import { mergeParagraphs } from '@/questions/reading/edit';
import { itemAnalysis, paragraphMissRates, type ScoredResponse } from './item-analysis';

const bank = new Map(loadAuthoredBank('burns-lead-with-diplomacy').map((q) => [q.id, q]));
const mc = bank.get('burns-biggest-vulnerability')!;
const tf = bank.get('burns-tf-expulsions')!;
if (mc.type !== 'multiple-choice' || tf.type !== 'true-false') throw new Error('fixtures changed');
const wrong = mc.options.find((o) => o.id !== mc.answer.optionId)!.id;
const { reading } = loadShippedReading('burns-lead-with-diplomacy');

describe('item analysis', () => {
  // Eight students: the four strongest get the MC right, the four weakest pick the same wrong option.
  const totals = new Map(Array.from({ length: 8 }, (_, i) => [`a${i}`, 1 - i / 10]));
  const responses: ScoredResponse[] = [...totals.keys()].flatMap((attemptId, i) => [
    {
      attemptId,
      questionId: mc.id,
      score: i < 4 ? 1 : 0,
      response: { type: 'multiple-choice', optionId: i < 4 ? mc.answer.optionId : wrong },
    },
    { attemptId, questionId: tf.id, score: 1, response: { type: 'true-false', value: tf.answer.value } },
  ]);
  const [mcStats, tfStats] = itemAnalysis([mc, tf], responses, totals);

  it('gives the share correct and counts each option', () => {
    expect(mcStats!.facility).toBe(0.5);
    expect(mcStats!.choices.find((c) => c.correct)?.count).toBe(4);
    expect(mcStats!.choices.find((c) => c.id === wrong)?.count).toBe(4);
    expect(tfStats!.facility).toBe(1);
  });

  it('finds that the MC question separates strong from weak students and the easy one does not', () => {
    expect(mcStats!.discrimination).toBe(1);
    expect(tfStats!.discrimination).toBe(0);
  });

  it('shades the paragraph the missed question rests on', () => {
    const rates = paragraphMissRates([mc, tf], responses, reading);
    expect(rates.get('p9')?.missRate).toBe(0.5);
    expect(rates.get('p1')?.missRate).toBe(0);
  });

  it('shades the paragraph that holds the evidence now, after a merge moved it', () => {
    expect(mc.evidence.every((id) => id.startsWith('p9.'))).toBe(true);
    const merged = mergeParagraphs(reading, 'p8', 'p9');
    const rates = paragraphMissRates([mc, tf], responses, merged);
    expect(rates.get('p8')?.missRate).toBe(0.5);
    expect(rates.has('p9')).toBe(false);
  });
});
