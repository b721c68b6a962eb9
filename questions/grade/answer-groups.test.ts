import { describe, expect, it } from 'vitest';
import { loadAuthoredBank } from '../bank';
import type { ShortAnswerQuestion } from '../schema';
import { groupAnswers } from './answer-groups';

const question = loadAuthoredBank('burns-lead-with-diplomacy').find(
  (q) => q.id === 'burns-why-coalitions',
) as ShortAnswerQuestion;

const answers = [
  { id: 'a1', text: question.modelAnswer },
  { id: 'a2', text: 'Blorf zibble quang.' },
  { id: 'a3', text: '' },
  { id: 'a4', text: `${question.modelAnswer} ` },
  { id: 'a5', text: '   ' },
  { id: 'a6', text: 'Because the United States is richer than Russia and can afford a bigger army.' },
];

describe('groupAnswers', () => {
  const groups = groupAnswers({ rubric: question.rubric, prompt: question.prompt, answers });

  it('puts every answer in exactly one group', () => {
    const ids = groups.flatMap((g) => g.ids).sort();
    expect(ids).toEqual(answers.map((a) => a.id).sort());
  });

  it('keeps answers that make the same points in the same words together', () => {
    const model = groups.find((g) => g.ids.includes('a1'))!;
    expect(model.ids.sort()).toEqual(['a1', 'a4']);
    expect(model.score).toBe(1);
    expect(model.statuses.every((s) => s.status === 'met')).toBe(true);
    const blank = groups.find((g) => g.ids.includes('a3'))!;
    expect(blank.ids.sort()).toEqual(['a3', 'a5']);
  });

  it('separates answers that make different points', () => {
    const model = groups.find((g) => g.ids.includes('a1'))!;
    expect(model.ids).not.toContain('a6');
    expect(model.ids).not.toContain('a2');
  });

  it('names a representative from the group and lists the biggest groups first', () => {
    for (const group of groups) expect(group.ids[0]).toBe(group.representative);
    const sizes = groups.map((g) => g.ids.length);
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
  });

  it('flags a group when a member needs review', () => {
    const nonsense = groups.find((g) => g.ids.includes('a2'))!;
    expect(nonsense.needsReview).toBe(true);
  });
});
