import { describe, expect, it } from 'vitest';
import { loadShippedReading } from '@/lib/reading/content';
import { loadAuthoredBank } from '@/questions/bank';
import { QUESTION_TYPES, type Question, type QuestionOf } from '@/questions/schema';
import {
  addPair,
  blankQuestion,
  checkQuestion,
  commonOf,
  fieldName,
  insertBlank,
  newQuestion,
  removeBlank,
  removePair,
  sameQuestion,
  setOffered,
  setSupporting,
} from './question-form';

const { reading } = loadShippedReading('burns-lead-with-diplomacy');
const sentences = new Set(reading.paragraphs.flatMap((p) => p.sentences.map((s) => s.id)));
const bank = loadAuthoredBank('burns-lead-with-diplomacy');
const ofType = <T extends Question['type']>(type: T) => bank.find((q) => q.type === type) as QuestionOf<T>;

describe('the question form model', () => {
  it('checks every type of the authored bank back to the very same question', () => {
    for (const type of QUESTION_TYPES) {
      const question = ofType(type);
      expect(question, type).toBeDefined();
      const checked = checkQuestion(structuredClone(question), sentences);
      expect(checked.ok, type).toBe(true);
      if (checked.ok) {
        expect(checked.question).toEqual(question);
        expect(sameQuestion(checked.question, question)).toBe(true);
      }
    }
  });

  it('names the field of each problem', () => {
    const mc = ofType('multiple-choice');
    const broken = {
      ...mc,
      prompt: 'Why?',
      options: mc.options.map((o, i) => (i === 2 ? { ...o, text: '' } : o)),
      evidence: [...mc.evidence, 'p99.s1'],
    };
    const checked = checkQuestion(broken, sentences);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems).toEqual([
      { path: 'prompt', message: 'Prompt: write at least 8 characters.' },
      { path: 'options.2.text', message: 'Option C: write it.' },
    ]);
    const missing = checkQuestion({ ...mc, evidence: [...mc.evidence, 'p99.s1'] }, sentences);
    expect(missing.ok || missing.problems[0]).toEqual({
      path: `evidence.${mc.evidence.length}`,
      message: `Evidence sentence ${mc.evidence.length + 1}: p99.s1 is no longer in the reading; remove it or pick another.`,
    });
    const noKey = checkQuestion({ ...mc, answer: { optionId: 'z' } }, sentences);
    expect(noKey.ok || noKey.problems).toEqual([
      { path: 'answer', message: 'Correct option: mark the correct option.' },
    ]);
  });

  it('names fields deep in a cloze, a rubric and a matching question', () => {
    expect(fieldName('cloze', ['answer', 'blanks', 1, 'accepted', 0])).toBe('Blank 2, accepted answer 1');
    expect(fieldName('cloze', ['answer', 'blanks', 0, 'accepted'])).toBe('Blank 1, accepted answers');
    expect(fieldName('short-answer', ['rubric', 'keyPoints', 2, 'accept', 1])).toBe(
      'Key point 3, other wording 2',
    );
    expect(fieldName('matching', ['right', 3, 'text'])).toBe('Match 4');
    expect(fieldName('select-evidence', ['options'])).toBe('Sentences offered');
    expect(fieldName('multiple-answer', ['options', 1, 'feedback'])).toBe('Feedback on option B');
  });

  it('starts a blank question of every type that says what is missing, not that it is broken', () => {
    for (const type of QUESTION_TYPES) {
      const blank = newQuestion('burns-lead-with-diplomacy', type);
      const checked = checkQuestion(blank, sentences);
      expect(checked.ok, type).toBe(false);
      if (!checked.ok)
        for (const p of checked.problems) expect(p.message, type).toMatch(/^[A-Z][^:]+: [a-z]/);
    }
  });

  it('keeps the shared fields when a new question changes type', () => {
    const mc = ofType('multiple-choice');
    const tf = blankQuestion('true-false', commonOf(mc));
    expect(tf).toMatchObject({
      type: 'true-false',
      prompt: mc.prompt,
      evidence: mc.evidence,
      skill: mc.skill,
    });
  });

  it('makes and removes cloze blanks, renumbering the others', () => {
    const cloze = {
      ...newQuestion('r', 'cloze'),
      text: 'Putin plays a weak hand with {{1}} skill.',
    } as QuestionOf<'cloze'>;
    const one = { ...cloze, answer: { blanks: [{ accepted: ['great'] }] } };
    const at = one.text.indexOf('weak');
    const two = insertBlank(one, at, at + 4) as QuestionOf<'cloze'>;
    expect(two.text).toBe('Putin plays a {{1}} hand with {{2}} skill.');
    expect(two.answer.blanks).toEqual([{ accepted: ['weak'] }, { accepted: ['great'] }]);
    const back = removeBlank(two, 1) as QuestionOf<'cloze'>;
    expect(back.text).toBe('Putin plays a weak hand with {{1}} skill.');
    expect(back.answer.blanks).toEqual([{ accepted: ['great'] }]);
  });

  it('adds and removes matching pairs together', () => {
    const matching = ofType('matching');
    const more = addPair(matching) as QuestionOf<'matching'>;
    const added = more.left.at(-1)!.id;
    expect(more.answer.pairs[added]).toBe(more.right.at(-1)!.id);
    expect(removePair(more, added)).toEqual(matching);
  });

  it('keeps a supporting sentence among the evidence and the sentences offered', () => {
    const question = ofType('select-evidence');
    const other = question.options.find((o) => !question.answer.sentenceIds.includes(o.id))!;
    const both = setSupporting(question, other.id, true) as QuestionOf<'select-evidence'>;
    expect(both.answer.sentenceIds).toContain(other.id);
    expect(both.evidence).toContain(other.id);
    const fewer = setOffered(
      both,
      both.options.filter((o) => o.id !== other.id).map((o) => o.id),
      () => '',
    ) as QuestionOf<'select-evidence'>;
    expect(fewer.answer.sentenceIds).not.toContain(other.id);
    const picked = setOffered(
      question,
      [...question.options.map((o) => o.id), 'p1.s1'],
      (id) => `text of ${id}`,
    );
    expect(picked.type === 'select-evidence' && picked.options.at(-1)).toEqual({
      id: 'p1.s1',
      text: 'text of p1.s1',
    });
  });

  it('tells a real change from none, whatever the key order', () => {
    const q = ofType('ordering');
    const reordered = Object.fromEntries(Object.entries(q).reverse());
    expect(sameQuestion(q, reordered)).toBe(true);
    expect(sameQuestion(q, { ...q, prompt: `${q.prompt} ` })).toBe(false);
    expect(sameQuestion(q, { ...q, quality: undefined })).toBe(true);
  });
});
