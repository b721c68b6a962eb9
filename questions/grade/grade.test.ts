import { describe, expect, it } from 'vitest';
import { parseQuestion, parseResponseFor, type Question } from '../schema';
import { blankMatches, gradeResponse, InvalidResponseError } from './index';

const base = {
  readingSlug: 'test-reading',
  explanation: 'Because the text says so.',
  evidence: ['p1.s1'],
  skill: 'evidence',
  difficulty: 1,
  source: 'authored',
  status: 'approved',
} as const;

const options = (...texts: string[]) => texts.map((text, i) => ({ id: 'abcdef'[i]!, text }));

const multipleChoice = parseQuestion({
  ...base,
  id: 'mc',
  type: 'multiple-choice',
  prompt: 'Which body did the author name?',
  options: options('OPCW', 'NATO', 'UN', 'IAEA'),
  answer: { optionId: 'a' },
});
const multipleAnswer = parseQuestion({
  ...base,
  id: 'ma',
  type: 'multiple-answer',
  prompt: 'Which are weaknesses? Select all that apply.',
  options: options('economy', 'sanctions', 'China', 'army', 'popularity'),
  answer: { optionIds: ['a', 'b', 'c'] },
});
const cloze = parseQuestion({
  ...base,
  id: 'cloze',
  type: 'cloze',
  prompt: 'Fill in the blanks.',
  text: 'His biggest {{1}} is his diplomatic {{2}}.',
  answer: { blanks: [{ accepted: ['vulnerability', 'weakness'] }, { accepted: ['loneliness'] }] },
});
const matching = parseQuestion({
  ...base,
  id: 'match',
  type: 'matching',
  prompt: 'Match the terms.',
  left: options('impunity', 'revanchism', 'covert action'),
  right: options('freedom from punishment', 'regaining lost territory', 'hidden operations'),
  answer: { pairs: { a: 'a', b: 'b', c: 'c' } },
});
const ordering = parseQuestion({
  ...base,
  id: 'order',
  type: 'ordering',
  prompt: 'Put the steps in order.',
  items: options('first', 'second', 'third', 'fourth'),
  answer: { order: ['a', 'b', 'c', 'd'] },
});
const evidence = parseQuestion({
  ...base,
  id: 'evidence',
  type: 'select-evidence',
  prompt: 'Which sentence supports the claim?',
  claim: 'Putin is isolated.',
  options: [
    { id: 'p1.s1', text: 'He has nothing close to the web of alliances.' },
    { id: 'p2.s1', text: 'Agile diplomacy can still land a punch.' },
  ],
  answer: { sentenceIds: ['p1.s1'] },
});
const reasoning = parseQuestion({
  ...base,
  id: 'cer',
  type: 'claim-evidence-reasoning',
  prompt: 'Choose the sentence that supports the claim and explain how.',
  claim: 'Putin is far more isolated than the United States.',
  options: evidence.type === 'select-evidence' ? evidence.options : [],
  answer: { sentenceIds: ['p1.s1'] },
  rubric: {
    keyPoints: [
      {
        id: 'web',
        text: 'Putin has nothing close to the web of alliances and partnerships the United States has.',
      },
      {
        id: 'alone',
        text: 'The United States is anchored by allies and partners, while Putin stands alone.',
      },
    ],
  },
  modelAnswer: 'Putin lacks the web of alliances the United States has, so he stands alone.',
});

describe('gradeResponse', () => {
  it('grades multiple choice and true/false all or nothing', () => {
    expect(gradeResponse(multipleChoice, { type: 'multiple-choice', optionId: 'a' })).toMatchObject({
      score: 1,
      correct: 'correct',
    });
    expect(gradeResponse(multipleChoice, { type: 'multiple-choice', optionId: 'b' })).toMatchObject({
      score: 0,
      correct: 'incorrect',
    });
    const trueFalse = parseQuestion({
      ...base,
      id: 'tf',
      type: 'true-false',
      prompt: 'True or false: the sky is green.',
      statement: 'The sky is green.',
      answer: { value: false },
    });
    expect(gradeResponse(trueFalse, { type: 'true-false', value: false }).score).toBe(1);
    expect(gradeResponse(trueFalse, { type: 'true-false', value: true }).score).toBe(0);
  });

  it('gives partial credit on multiple answers, taking off for wrong picks', () => {
    expect(gradeResponse(multipleAnswer, { type: 'multiple-answer', optionIds: ['a', 'b', 'c'] }).score).toBe(
      1,
    );
    expect(gradeResponse(multipleAnswer, { type: 'multiple-answer', optionIds: ['a', 'b'] })).toMatchObject({
      score: 0.667,
      correct: 'partial',
    });
    expect(gradeResponse(multipleAnswer, { type: 'multiple-answer', optionIds: ['a', 'b', 'd'] }).score).toBe(
      0.333,
    );
    // Ticking everything is not a strategy.
    expect(
      gradeResponse(multipleAnswer, { type: 'multiple-answer', optionIds: ['a', 'b', 'c', 'd', 'e'] }).score,
    ).toBe(0.333);
    expect(gradeResponse(multipleAnswer, { type: 'multiple-answer', optionIds: ['d', 'e'] }).score).toBe(0);
  });

  it('tells a student the instructor’s feedback on the options they picked', () => {
    const withFeedback = parseQuestion({
      ...multipleChoice,
      options: [
        { id: 'a', text: 'OPCW', feedback: 'Yes: the chemical-weapons watchdog.' },
        { id: 'b', text: 'NATO', feedback: 'NATO is an alliance, not an inspector.' },
        { id: 'c', text: 'UN' },
      ],
    });
    expect(gradeResponse(withFeedback, { type: 'multiple-choice', optionId: 'b' }).feedback).toBe(
      'Not quite. NATO is an alliance, not an inspector. Because the text says so.',
    );
    expect(gradeResponse(withFeedback, { type: 'multiple-choice', optionId: 'c' }).feedback).toBe(
      'Not quite. Because the text says so.',
    );
    const many = parseQuestion({
      ...multipleAnswer,
      options:
        multipleAnswer.type === 'multiple-answer'
          ? multipleAnswer.options.map((o) =>
              o.id === 'd' ? { ...o, feedback: 'The army is not named.' } : o,
            )
          : [],
    });
    expect(gradeResponse(many, { type: 'multiple-answer', optionIds: ['a', 'd'] }).feedback).toContain(
      'The army is not named. Because the text says so.',
    );
  });

  it('accepts cloze answers in another inflection or with one typo, per blank', () => {
    expect(gradeResponse(cloze, { type: 'cloze', blanks: ['weakness', 'loneliness'] }).score).toBe(1);
    expect(gradeResponse(cloze, { type: 'cloze', blanks: ['Vulnerabilities', 'lonelines'] }).score).toBe(1);
    expect(gradeResponse(cloze, { type: 'cloze', blanks: ['vulnerability', 'economy'] })).toMatchObject({
      score: 0.5,
      correct: 'partial',
    });
    expect(gradeResponse(cloze, { type: 'cloze', blanks: [] }).score).toBe(0);
  });

  it('does not accept a different short word as a typo', () => {
    expect(blankMatches('China', ['Chine'])).toBe(true);
    expect(blankMatches('rich', ['rice'])).toBe(false);
  });

  it('credits each correct pair in matching', () => {
    expect(gradeResponse(matching, { type: 'matching', pairs: { a: 'a', b: 'b', c: 'c' } }).score).toBe(1);
    const partial = gradeResponse(matching, { type: 'matching', pairs: { a: 'a', b: 'c', c: 'b' } });
    expect(partial).toMatchObject({ score: 0.333, correct: 'partial' });
    expect(partial.parts.map((p) => p.correct)).toEqual([true, false, false]);
  });

  it('credits ordering by pairs in the right relative order', () => {
    expect(gradeResponse(ordering, { type: 'ordering', order: ['a', 'b', 'c', 'd'] }).score).toBe(1);
    // One swap of neighbours keeps 5 of 6 pairs: tau = 2/3.
    expect(gradeResponse(ordering, { type: 'ordering', order: ['b', 'a', 'c', 'd'] }).score).toBe(0.667);
    expect(gradeResponse(ordering, { type: 'ordering', order: ['d', 'c', 'b', 'a'] }).score).toBe(0);
  });

  it('grades select-evidence on the sentence chosen', () => {
    expect(gradeResponse(evidence, { type: 'select-evidence', sentenceId: 'p1.s1' }).score).toBe(1);
    expect(gradeResponse(evidence, { type: 'select-evidence', sentenceId: 'p2.s1' }).score).toBe(0);
  });

  it('scores both parts of claim-evidence-reasoning', () => {
    const both = gradeResponse(reasoning, {
      type: 'claim-evidence-reasoning',
      sentenceId: 'p1.s1',
      reasoning:
        'He has no web of alliances like the United States has, which is anchored by many partners, while Putin stands alone.',
    });
    const evidenceOnly = gradeResponse(reasoning, {
      type: 'claim-evidence-reasoning',
      sentenceId: 'p1.s1',
      reasoning: 'It supports it.',
    });
    expect(evidenceOnly.score).toBe(0.5);
    // The reasoning paraphrases the point with few of its words; the scorer gives it some credit,
    // not always full credit (a known gap, see the README).
    expect(both.score).toBeGreaterThan(evidenceOnly.score);
    expect(evidenceOnly.parts).toEqual([
      { id: 'evidence', correct: true },
      { id: 'reasoning', correct: false },
    ]);
    const reasoningOnly = gradeResponse(reasoning, {
      type: 'claim-evidence-reasoning',
      sentenceId: 'p2.s1',
      reasoning: 'Putin has nothing close to the web of alliances and partnerships the United States has.',
    });
    // Wrong evidence earns nothing; the reasoning earns part of its half.
    expect(reasoningOnly.score).toBeGreaterThan(0);
    expect(reasoningOnly.score).toBeLessThan(0.5);
    expect(reasoningOnly.feedback).toContain('p1.s1');
  });

  it('refuses a response of another type or naming ids the question does not offer', () => {
    expect(() => gradeResponse(multipleChoice, { type: 'true-false', value: true })).toThrow(
      InvalidResponseError,
    );
    expect(() => gradeResponse(multipleChoice, { type: 'multiple-choice', optionId: 'z' })).toThrow(
      InvalidResponseError,
    );
    expect(parseResponseFor(matching, { type: 'matching', pairs: { a: 'zz' } })).toMatchObject({ ok: false });
    expect(parseResponseFor(ordering, { type: 'ordering', order: ['a', 'b'] })).toMatchObject({ ok: true });
  });
});

describe('the question schema', () => {
  it('refuses a key that names no option, a broken cloze and an order that skips items', () => {
    const bad: unknown[] = [
      { ...multipleChoice, answer: { optionId: 'z' } },
      { ...cloze, text: 'No blanks here.' },
      { ...ordering, answer: { order: ['a', 'b', 'c'] } },
      { ...matching, answer: { pairs: { a: 'a', b: 'a', c: 'c' } } },
      { ...multipleChoice, skill: 'guessing' },
      { ...multipleChoice, evidence: ['paragraph 1'] },
    ];
    for (const question of bad) expect(() => parseQuestion(question)).toThrow();
  });

  it('fills defaults for concepts, lens and key point synonyms', () => {
    const question: Question = parseQuestion({
      ...base,
      id: 'sa',
      type: 'short-answer',
      prompt: 'Why does it matter?',
      rubric: { keyPoints: [{ id: 'one', text: 'It matters because of reasons.' }] },
      modelAnswer: 'It matters because of reasons.',
    });
    expect(question).toMatchObject({ concepts: [], lens: null });
    if (question.type === 'short-answer')
      expect(question.rubric.keyPoints[0]).toMatchObject({ accept: [], weight: 1 });
  });
});
