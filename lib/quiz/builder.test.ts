import { describe, expect, it } from 'vitest';
import { loadAuthoredBank } from '@/questions/bank';
import { pickByRule } from './builder';

const bank = loadAuthoredBank('burns-lead-with-diplomacy');

describe('building a quiz by rule', () => {
  it('takes so many per skill, of varied types, the same way for the same seed', () => {
    const result = pickByRule(bank, { evidence: 3, vocabulary: 2 }, 'seed-1');
    if (!result.ok) throw new Error(result.message);
    const picked = result.questionIds.map((id) => bank.find((q) => q.id === id)!);
    expect(picked.filter((q) => q.skill === 'evidence')).toHaveLength(3);
    expect(picked.filter((q) => q.skill === 'vocabulary')).toHaveLength(2);
    expect(new Set(picked.filter((q) => q.skill === 'evidence').map((q) => q.type)).size).toBe(3);
    expect(pickByRule(bank, { evidence: 3, vocabulary: 2 }, 'seed-1')).toEqual(result);
  });

  it('says which skill has too few questions', () => {
    expect(pickByRule(bank, { 'main-idea': 40 }, 's')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/main-idea/),
    });
    expect(pickByRule(bank, {}, 's')).toMatchObject({ ok: false });
  });
});
