import { describe, expect, it } from 'vitest';
import { loadShippedReading } from '@/lib/reading/content';
import { loadAuthoredBank } from '@/questions/bank';
import { QUESTION_TYPES, type Question, type QuestionOf, type QuestionType } from '@/questions/schema';
import {
  addPair,
  blankQuestion,
  checkQuestion,
  commonOf,
  fieldName,
  formFields,
  freshId,
  insertBlank,
  moved,
  newQuestion,
  removeBlank,
  removePair,
  sameQuestion,
  setCorrect,
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
      explanation: ' ',
      options: mc.options.map((o, i) => (i === 2 ? { ...o, text: '' } : o)),
      evidence: [...mc.evidence, 'p99.s1'],
    };
    const checked = checkQuestion(broken, sentences);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems).toEqual([
      { path: 'prompt', message: 'Prompt: write at least 8 characters.' },
      { path: 'options.2.text', message: 'Option C: write it.' },
      // In the form's order, not the format's: the explanation comes after the options.
      { path: 'explanation', message: 'Explanation: write it.' },
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

/** What a server action receives: the form's fields as JSON (undefined fields dropped), and the
 * fields the server sets itself from the stored row. */
const overTheWire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const serverFields = (q: Question) => ({
  id: q.id,
  readingSlug: q.readingSlug,
  source: q.source,
  status: q.status,
  quality: q.quality,
});
const saved = (q: Question) =>
  checkQuestion({ ...overTheWire(formFields(q)), ...serverFields(q) }, sentences);

/** A question of each type written from a blank form, field by field, as an instructor does. */
function filledIn(type: QuestionType): Question {
  const blank = newQuestion('burns-lead-with-diplomacy', type);
  const shared = {
    ...blank,
    prompt: 'What does Burns say about Putin?',
    explanation: 'Paragraph 9 says so.',
    evidence: ['p9.s1'],
    concepts: ['diplomatic isolation'],
    lens: 'liberal' as const,
    difficulty: 3 as const,
    skill: 'evidence' as const,
  };
  const texts = <T extends { id: string }>(items: T[], words: string[]) =>
    items.map((item, i) => ({ ...item, text: words[i] ?? `Choice ${i + 1}` }));
  switch (shared.type) {
    case 'multiple-choice':
      return {
        ...shared,
        options: texts(shared.options, ['Loneliness', 'Wealth', 'Allies', 'Oil']).map((o, i) =>
          i === 1 ? { ...o, feedback: 'Burns says his economy is weak.' } : o,
        ),
        answer: { optionId: 'a' },
      };
    case 'multiple-answer':
      return {
        ...shared,
        options: texts(shared.options, ['Loneliness', 'Sanctions', 'Allies', 'Oil']),
        answer: { optionIds: ['a', 'b'] },
      };
    case 'true-false':
      return { ...shared, statement: 'Putin is lonely.', answer: { value: false } };
    case 'cloze': {
      const text = { ...shared, text: "Putin's biggest vulnerability is his diplomatic loneliness." };
      const at = text.text.indexOf('loneliness');
      const withBlank = insertBlank(text, at, at + 'loneliness'.length) as QuestionOf<'cloze'>;
      return {
        ...withBlank,
        answer: { blanks: [{ accepted: ['loneliness', 'isolation'] }] },
        wordBank: ['loneliness', 'wealth'],
      };
    }
    case 'short-answer':
      return {
        ...shared,
        rubric: {
          keyPoints: [{ id: 'point-1', text: 'He has no allies.', accept: ['He stands alone.'], weight: 2 }],
          pointsForFullCredit: 1,
        },
        modelAnswer: 'He has no allies, so he stands alone.',
      };
    case 'matching':
      return {
        ...shared,
        left: texts(shared.left, ['revanchism', 'covert action', 'grand bargain']),
        right: texts(shared.right, ['taking back lost land', 'secret operations', 'one big deal']),
      };
    case 'ordering':
      return {
        ...shared,
        items: texts(shared.items, ['First', 'Second', 'Third']),
        answer: { order: ['c', 'a', 'b'] },
      };
    case 'select-evidence':
    case 'claim-evidence-reasoning': {
      const text = (id: string) =>
        reading.paragraphs.flatMap((p) => p.sentences).find((s) => s.id === id)!.text;
      const offered = setOffered({ ...shared, claim: 'Putin is isolated.' }, ['p9.s1', 'p5.s2'], text);
      const keyed = setSupporting(offered as typeof shared, 'p9.s1', true);
      if (keyed.type === 'select-evidence') return keyed;
      return {
        ...(keyed as QuestionOf<'claim-evidence-reasoning'>),
        rubric: { keyPoints: [{ id: 'point-1', text: 'He has no allies.', accept: [], weight: 1 }] },
        modelAnswer: 'Without allies he stands alone.',
        weights: { evidence: 0.4, reasoning: 0.6 },
      };
    }
  }
}

/** Every edit the form offers on a type, each followed by its undoing. */
function editsAndUndos(q: Question): [string, Question][] {
  const edits: [string, Question][] = [];
  const undo = (name: string, changed: Question, back: (q: Question) => Question) => {
    expect(sameQuestion(changed, q), `${name} changes nothing`).toBe(false);
    edits.push([name, back(changed)]);
  };
  switch (q.type) {
    case 'multiple-choice':
    case 'multiple-answer': {
      const id = freshId(
        q.options.map((o) => o.id),
        'letter',
      );
      undo(
        'add an option',
        { ...q, options: [...q.options, { id, text: 'New' }] } as Question,
        (c) =>
          ({
            ...c,
            options: (c as typeof q).options.filter((o) => o.id !== id),
          }) as Question,
      );
      undo(
        'move an option down',
        { ...q, options: moved(q.options, 0, 1) } as Question,
        (c) =>
          ({
            ...c,
            options: moved((c as typeof q).options, 1, 0),
          }) as Question,
      );
      undo(
        'add feedback',
        { ...q, options: q.options.map((o) => ({ ...o, feedback: 'Why.' })) } as Question,
        (c) =>
          ({
            ...c,
            // Emptying a feedback field drops the key, as the form does.
            options: (c as typeof q).options.map(({ feedback: _typed, ...rest }, i) => {
              const before = q.options[i]?.feedback;
              return before ? { ...rest, feedback: before } : rest;
            }),
          }) as Question,
      );
      if (q.type === 'multiple-choice') {
        const other = q.options.find((o) => o.id !== q.answer.optionId)!.id;
        undo('mark another option correct', setCorrect(q, other, true), (c) =>
          setCorrect(c as typeof q, q.answer.optionId, true),
        );
      } else {
        const key = q.answer.optionIds[0]!;
        undo('untick a correct option', setCorrect(q, key, false), (c) =>
          setCorrect(c as typeof q, key, true),
        );
      }
      break;
    }
    case 'true-false':
      undo('flip the key', { ...q, answer: { value: !q.answer.value } }, (c) => ({
        ...(c as typeof q),
        answer: { value: !(c as typeof q).answer.value },
      }));
      break;
    case 'cloze': {
      const word = q.text.match(/[A-Za-z]{4,}/)!;
      undo('make a blank of a word', insertBlank(q, word.index!, word.index! + word[0].length), (c) =>
        removeBlank(c as typeof q, (q.text.slice(0, word.index).match(/\{\{\d+\}\}/g) ?? []).length + 1),
      );
      break;
    }
    case 'matching':
      undo('add a pair', addPair(q), (c) => removePair(c as typeof q, (c as typeof q).left.at(-1)!.id));
      break;
    case 'ordering':
      undo('move an item down', { ...q, answer: { order: moved(q.answer.order, 0, 1) } }, (c) => ({
        ...(c as typeof q),
        answer: { order: moved((c as typeof q).answer.order, 1, 0) },
      }));
      break;
    case 'select-evidence':
    case 'claim-evidence-reasoning': {
      const ids = q.options.map((o) => o.id);
      const extra = [...sentences].find((id) => !ids.includes(id) && !q.evidence.includes(id))!;
      undo(
        'offer another sentence',
        setOffered(q, [...ids, extra], () => 'A sentence.'),
        (c) => setOffered(c as typeof q, ids, () => ''),
      );
      const key = q.answer.sentenceIds[0]!;
      undo('unmark the supporting sentence', setSupporting(q, key, false), (c) =>
        setSupporting(c as typeof q, key, true),
      );
      break;
    }
  }
  if (q.type === 'short-answer' || q.type === 'claim-evidence-reasoning') {
    const point = {
      id: freshId(
        q.rubric.keyPoints.map((k) => k.id),
        'point',
      ),
      text: 'More.',
      accept: [],
      weight: 1,
    };
    undo(
      'add a key point',
      { ...q, rubric: { ...q.rubric, keyPoints: [...q.rubric.keyPoints, point] } },
      (c) => ({
        ...(c as typeof q),
        rubric: { ...q.rubric, keyPoints: (c as typeof q).rubric.keyPoints.filter((k) => k.id !== point.id) },
      }),
    );
  }
  return edits;
}

describe('every type, round trip through the form model', () => {
  it.each(QUESTION_TYPES)('%s: the form fields, sent and saved, give back the very same question', (type) => {
    const question = ofType(type);
    expect(saved(question)).toEqual({ ok: true, question });
    // In an instructor's own copy of the bank too, whose ids carry the copy's mark.
    const copy = { ...question, id: `${question.id}~0a1b2c3d4e` };
    expect(saved(copy)).toEqual({ ok: true, question: copy });
  });

  it.each(QUESTION_TYPES)('%s: written from a blank form, it saves and comes back as written', (type) => {
    const written = filledIn(type);
    expect(written.type).toBe(type);
    const checked = saved(written);
    expect(checked.ok || checked.problems).toBe(true);
    if (!checked.ok) return;
    expect(checked.question).toEqual(written);
    // Opened again in the form and saved with no change, nothing moves.
    expect(saved(checked.question)).toEqual({ ok: true, question: written });
  });

  it.each(QUESTION_TYPES)('%s: each edit the form offers, undone, gives back the same question', (type) => {
    const question = ofType(type);
    const edits = editsAndUndos(question);
    expect(edits.length).toBeGreaterThan(0);
    for (const [name, back] of edits) {
      expect(sameQuestion(back, question), name).toBe(true);
      expect(saved(back), name).toEqual({ ok: true, question });
    }
  });

  it.each(QUESTION_TYPES)('%s: the text a form sends is trimmed, nothing else changes', (type) => {
    const question = ofType(type);
    const padded = { ...question, prompt: `  ${question.prompt}\n`, explanation: `${question.explanation} ` };
    expect(saved(padded)).toEqual({ ok: true, question });
  });
});
