import { readFileSync } from 'node:fs';
import { parse as giftPegjs } from 'gift-pegjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAuthoredBank } from '../bank';
import { generateQuestions } from '../generate';
import { parseReading } from '../reading/parse';
import { QUESTION_TYPES, type Question, type QuestionType } from '../schema';
import { canonical, TYPE_WITHOUT_COMMENTS } from './canonical';
import { bankToGift, escapeGift, parseGift, unescapeGift } from './gift';
import { planImport } from './to-bank';

const slug = 'burns-lead-with-diplomacy';
const reading = parseReading({ text: readFileSync(`content/${slug}/essay.txt`, 'utf8'), format: 'text' });
const sentences = reading.paragraphs.flatMap((p) => p.sentences);
const burns = loadAuthoredBank(slug);

function readBack(text: string) {
  return planImport(parseGift(text), { slug, sentences }, 'gift');
}

describe('GIFT export, read by gift-pegjs (a published GIFT parser)', () => {
  let generated: Question[];
  beforeAll(() => {
    generated = generateQuestions(reading, { readingSlug: slug }).questions;
  });

  it('the shipped Burns bank, every type, parses without error, one GIFT question per question (two-blank clozes split)', () => {
    expect(new Set(burns.map((q) => q.type))).toEqual(new Set(QUESTION_TYPES));
    const { text, notes } = bankToGift(burns, 'Burns: Lead with diplomacy');
    const parsed = giftPegjs(text);
    const blanks = burns.reduce((n, q) => n + (q.type === 'cloze' ? q.answer.blanks.length : 1), 0);
    expect(parsed).toHaveLength(blanks);
    // What gift-pegjs sees is the type written: GIFT's own types, nothing read as a description.
    const seen = new Set(parsed.map((q) => q.type));
    expect(seen).toEqual(new Set(['MC', 'TF', 'Essay', 'Short', 'Matching']));
    // Every conversion is said, never silent.
    for (const type of [
      'short-answer',
      'ordering',
      'select-evidence',
      'claim-evidence-reasoning',
    ] as QuestionType[])
      for (const q of burns.filter((b) => b.type === type))
        expect(notes.some((n) => n.questionId === q.id && n.kind === 'converted')).toBe(true);
  });

  it('the generated bank of the Burns essay parses without error too', () => {
    expect(generated.length).toBeGreaterThan(20);
    const { text } = bankToGift(generated);
    const parsed = giftPegjs(text);
    expect(parsed.length).toBeGreaterThanOrEqual(generated.length);
    expect(parsed.every((q) => q.type !== 'Description')).toBe(true);
    // …and comes back whole through the app's own reader.
    const back = readBack(text);
    expect(back.errors).toEqual([]);
    expect(back.drafts.map((d) => canonical(d.question))).toEqual(
      generated.map((q) => canonical({ ...q, status: 'draft', source: 'authored' })),
    );
  });

  it('gift-pegjs reads back the texts, keys and feedback the export wrote', () => {
    const mc = burns.find((q) => q.type === 'multiple-choice');
    if (mc?.type !== 'multiple-choice') throw new Error('no MC');
    const [parsed] = giftPegjs(bankToGift([mc]).text);
    if (parsed?.type !== 'MC') throw new Error(`read as ${parsed?.type}`);
    expect(parsed.title).toBe(mc.id);
    expect(parsed.stem.text).toBe(mc.prompt);
    expect(parsed.choices.map((c) => c.text.text)).toEqual(mc.options.map((o) => o.text));
    expect(parsed.choices.filter((c) => c.isCorrect).map((c) => c.text.text)).toEqual([
      mc.options.find((o) => o.id === mc.answer.optionId)?.text,
    ]);
    expect(parsed.globalFeedback?.text).toBe(mc.explanation);
  });

  it('escapes ~ = # { } : and backslashes so gift-pegjs and the importer read the text as written', () => {
    const nasty = 'Is {x} = y: a ~ b # c \\ d? And "->" too';
    const q: Question = {
      ...(burns.find((b) => b.type === 'multiple-choice') as Question & { type: 'multiple-choice' }),
      id: 'nasty',
      prompt: nasty,
      explanation: 'Because #1 = {best}: really ~ so.',
      options: [
        { id: 'a', text: 'a = b', feedback: 'yes # indeed' },
        { id: 'b', text: '{c} ~ d:' },
      ],
      answer: { optionId: 'a' },
    };
    const { text } = bankToGift([q]);
    const [parsed] = giftPegjs(text);
    if (parsed?.type !== 'MC') throw new Error(`read as ${parsed?.type}`);
    expect(parsed.stem.text).toBe(nasty);
    expect(parsed.choices.map((c) => c.text.text)).toEqual(['a = b', '{c} ~ d:']);
    expect(parsed.choices[0]?.feedback?.text).toBe('yes # indeed');
    expect(parsed.globalFeedback?.text).toBe(q.explanation);
    const back = readBack(text);
    expect(back.errors).toEqual([]);
    expect(back.drafts[0]?.question.prompt).toBe(nasty);
    expect(unescapeGift(escapeGift(nasty))).toBe(nasty);
  });
});

describe('GIFT export then import through the app’s own reader', () => {
  it('brings every Burns question back whole, every type, with its evidence (the Statecraft comment)', () => {
    const back = readBack(bankToGift(burns).text);
    expect(back.errors).toEqual([]);
    expect(back.drafts).toHaveLength(burns.length);
    back.drafts.forEach((d, i) => {
      const original = burns[i] as Question;
      expect(d.question.status).toBe('draft');
      expect(canonical(d.question)).toEqual(canonical(original));
    });
  });

  it('without the comments (as Moodle would re-export it), each type comes back as the closest type', () => {
    const stripped = bankToGift(burns)
      .text.split('\n')
      .filter((line) => !line.startsWith('//'))
      .join('\n');
    const back = readBack(stripped);
    expect(back.errors).toEqual([]);
    const expected = TYPE_WITHOUT_COMMENTS;
    const types = back.drafts.map((d) => d.question.type);
    const wanted = burns.flatMap((q) =>
      q.type === 'cloze' ? q.answer.blanks.map(() => 'cloze' as const) : [expected[q.type]],
    );
    expect(types).toEqual(wanted);
    // Keys survive: the right choice of each multiple choice is the original's.
    const mc = burns.filter((q) => q.type === 'multiple-choice');
    const backMc = back.drafts.map((d) => d.question).filter((q) => q.type === 'multiple-choice');
    for (const q of mc) {
      const twin = backMc.find((b) => b.prompt === q.prompt);
      expect(twin && canonical(twin)).toMatchObject({ answer: (canonical(q) as { answer: unknown }).answer });
    }
    // Evidence is matched from the text: most keys and explanations quote or restate a sentence.
    const found = back.drafts.filter((d) => d.evidenceFound).length;
    expect(found / back.drafts.length).toBeGreaterThan(0.7);
  });
});

describe('reading GIFT built to be slow', () => {
  // Parsed in the request: a tag stripper that rescanned the rest of the text at every "<" took
  // about 35 minutes on the 2 MB an import allows (a static review's proof of concept).
  it('strips a flood of "<" in an HTML question in one pass', () => {
    const read = parseGift(`[html]Which ${'<'.repeat(500_000)} is right? {=a ~b}`);
    expect(read.questions.length + read.errors.length).toBeGreaterThan(0);
  });
});

describe('reading GIFT as people write it', () => {
  it('reads every GIFT type, comments, titles, categories, feedback and weights', () => {
    const file = [
      '// A comment',
      '$CATEGORY: $course$/IR 210',
      '',
      '::Expulsions::How many countries expelled Russian diplomats? {',
      '  =27#Right: 27 countries.',
      '  ~12#No.',
      '  ~60',
      '  ####27 countries expelled more than 150 Russian diplomats.',
      '}',
      '',
      'Putin has overplayed his hand.{TRUE}',
      '',
      'Which are weaknesses? {~%50%A one-dimensional economy ~%50%Sanctions ~%-100%A large navy}',
      '',
      'Putin’s biggest vulnerability is his diplomatic {=loneliness =isolation}.',
      '',
      'Match the terms. {=revanchism -> regaining lost territory =covert action -> secret operations = -> a trade deal}',
      '',
      '::Why::Why coalitions? {####Because Putin is isolated and coalitions multiply pressure.}',
      '',
      'What does Putin bet on? {=division =fatigue}',
      '',
      '[html]<p>Which <b>word</b> fits?</p>{=one ~two}',
    ].join('\n');
    const plan = readBack(file);
    expect(plan.errors).toEqual([]);
    expect(plan.drafts.map((d) => [d.line, d.question.type])).toEqual([
      [4, 'multiple-choice'],
      [11, 'true-false'],
      [13, 'multiple-answer'],
      [15, 'cloze'],
      [17, 'matching'],
      [19, 'short-answer'],
      [21, 'short-answer'],
      [23, 'multiple-choice'],
    ]);
    expect(plan.notes.map((n) => n.line)).toEqual([2]);
    const [mc] = plan.drafts;
    expect(mc?.question).toMatchObject({
      explanation: '27 countries expelled more than 150 Russian diplomats.',
    });
    expect(mc?.evidenceFound).toBe(true);
    expect(mc?.question.evidence).toContain('p1.s1');
    expect(plan.drafts[7]?.question.prompt).toBe('Which word fits?');
  });

  it('reports each block that fails with its first line and why, and keeps the rest', () => {
    const file = [
      'A good one? {=yes ~no}',
      '',
      'Unclosed {=yes ~no',
      '',
      'How many? {#3:1}',
      '',
      'An essay without a model answer {}',
      '',
      'Short {=a ~b}',
      '',
      'Two right {=a =b ~c}',
    ].join('\n');
    const plan = readBack(file);
    expect(plan.drafts.map((d) => d.line)).toEqual([1]);
    expect(plan.errors.map((e) => e.line)).toEqual([3, 5, 7, 9, 11]);
    expect(plan.errors[0]?.message).toMatch(/never closed/);
    expect(plan.errors[1]?.message).toMatch(/Numerical/);
    expect(plan.errors[2]?.message).toMatch(/model answer/);
    expect(plan.errors[3]?.message).toMatch(/prompt/);
    expect(plan.errors[4]?.message).toMatch(/one/);
  });

  it('reads a category line with no blank line after it as a block of its own', () => {
    const read = parseGift(
      '$CATEGORY: $course$/IR\n::Q::Which country expelled 60 Russians? {=The United States ~France}',
    );
    expect(read.errors).toEqual([]);
    expect(read.notes.map((n) => n.line)).toEqual([1]);
    expect(read.questions.map((q) => [q.line, q.title])).toEqual([[2, 'Q']]);
  });

  it('imports a question once when the file says it twice', () => {
    const plan = readBack('Same question here? {=a ~b}\n\nSame question here? {=a ~b}\n');
    expect(plan.drafts).toHaveLength(1);
    expect(plan.notes).toEqual([{ line: 3, message: 'The same question as line 1: imported once.' }]);
  });
});
