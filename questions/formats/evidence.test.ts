import { describe, expect, it } from 'vitest';
import { matchEvidence } from './evidence';

const sentences = [
  { id: 'p1.s1', text: 'Sanctions work best when many countries apply them together.' },
  { id: 'p1.s2', text: 'Iran kept selling oil to China during the years of American sanctions.' },
  { id: 'p2.s1', text: 'The weather in Geneva was mild that spring.' },
];

describe('matchEvidence', () => {
  it('finds a sentence the question quotes, or restates in other forms of its words', () => {
    expect(
      matchEvidence(['“Sanctions work best when many countries apply them together.”'], sentences),
    ).toMatchObject({
      found: true,
      sentenceIds: ['p1.s1'],
    });
    // "sold" and "sanction" are lemmas of the sentence's "selling" and "sanctions".
    expect(matchEvidence(['Iran sold oil to China despite the sanction.'], sentences)).toMatchObject({
      found: true,
      sentenceIds: ['p1.s2'],
    });
  });

  it('says when nothing matches, giving the closest sentence as a placeholder to check', () => {
    const match = matchEvidence(['What is the capital of Peru?', 'Lima'], sentences);
    expect(match.found).toBe(false);
    expect(match.sentenceIds).toHaveLength(1);
  });

  it('does not count one or two shared words', () => {
    expect(matchEvidence(['Countries disagree.'], sentences).found).toBe(false);
  });
});
