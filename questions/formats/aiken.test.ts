import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAuthoredBank } from '../bank';
import { parseReading } from '../reading/parse';
import type { Question } from '../schema';
import { bankToAiken, parseAiken } from './aiken';
import { planImport } from './to-bank';

const slug = 'burns-lead-with-diplomacy';
const reading = parseReading({ text: readFileSync(`content/${slug}/essay.txt`, 'utf8'), format: 'text' });
const sentences = reading.paragraphs.flatMap((p) => p.sentences);
const burns = loadAuthoredBank(slug);
const plan = (text: string) => planImport(parseAiken(text), { slug, sentences }, 'aiken');

/**
 * Moodle's Aiken rules (question/format/aiken/format.php, read for the rules): lines trimmed,
 * lines under two characters skipped, `^[A-Z][).][ \t]?` a choice, `ANSWER:` closes the question
 * and its first letter is the key, anything else starts a new question.
 */
describe('Aiken export', () => {
  it('writes every multiple choice, converts true/false and evidence questions, and names each question left out', () => {
    const { text, exported, notes } = bankToAiken(burns);
    const mc = burns.filter((q) => q.type === 'multiple-choice').length;
    const tf = burns.filter((q) => q.type === 'true-false').length;
    const evidence = burns.filter((q) => q.type === 'select-evidence').length;
    expect(exported).toBe(mc + tf + evidence);
    const skipped = notes.filter((n) => n.kind === 'skipped').map((n) => n.type);
    expect(new Set(skipped)).toEqual(
      new Set([
        'multiple-answer',
        'short-answer',
        'matching',
        'ordering',
        'claim-evidence-reasoning',
        'cloze',
      ]),
    );
    // Every question is either written or named in the notes: nothing is dropped silently.
    for (const q of burns)
      if (!['multiple-choice', 'true-false', 'select-evidence'].includes(q.type))
        expect(notes.some((n) => n.questionId === q.id)).toBe(true);
    // Moodle's shape: one question line, choices "A) …", "ANSWER: X", a blank line between.
    for (const block of text.trim().split('\n\n')) {
      const lines = block.split('\n');
      expect(lines.at(-1)).toMatch(/^ANSWER: [A-Z]$/);
      expect(lines[0]).not.toMatch(/^[A-Z][).]/);
      for (const line of lines.slice(1, -1)) expect(line).toMatch(/^[A-Z]\) \S/);
    }
  });

  it('survives export then import: each written question comes back as multiple choice with its key', () => {
    const written = burns.filter((q) =>
      ['multiple-choice', 'true-false', 'select-evidence'].includes(q.type),
    );
    const back = plan(bankToAiken(burns).text);
    expect(back.errors).toEqual([]);
    expect(back.drafts).toHaveLength(written.length);
    back.drafts.forEach((d, i) => {
      const original = written[i] as Question;
      const q = d.question;
      if (q.type !== 'multiple-choice') throw new Error(q.type);
      const key = q.options.find((o) => o.id === q.answer.optionId)?.text;
      if (original.type === 'multiple-choice') {
        expect(q.prompt).toBe(original.prompt);
        expect(q.options.map((o) => o.text)).toEqual(original.options.map((o) => o.text));
        expect(key).toBe(original.options.find((o) => o.id === original.answer.optionId)?.text);
      }
      if (original.type === 'true-false') expect(key).toBe(original.answer.value ? 'True' : 'False');
    });
  });

  it('puts "Question: " before a question Moodle would read as a choice, and says so', () => {
    const mc = burns.find((q) => q.type === 'multiple-choice') as Question & { type: 'multiple-choice' };
    const q = { ...mc, prompt: 'U.S. diplomats: how many were expelled?\nSay it on one line.' };
    const { text, notes } = bankToAiken([q]);
    expect(text.split('\n')[0]).toBe('Question: U.S. diplomats: how many were expelled? Say it on one line.');
    expect(notes.map((n) => n.kind)).toEqual(['changed']);
    expect(plan(text).drafts[0]?.question.prompt).toBe(text.split('\n')[0]);
  });
});

describe('Aiken import, by Moodle’s rules', () => {
  it('reads the forms Moodle accepts: "A)" or "A.", a tab or no space after, CR line ends, blank and one-character lines', () => {
    const file = [
      'How many countries expelled Russian diplomats after the attack?',
      'A) 12',
      'B.\t27',
      'C)60',
      'x',
      'ANSWER: B',
      '',
      '',
      'Which country did Burns say Putin is increasingly subordinate to?',
      'A) China',
      'B) India',
      'ANSWER: A  (China)',
    ].join('\r\n');
    const back = plan(file);
    expect(back.errors).toEqual([]);
    expect(back.drafts.map((d) => d.line)).toEqual([1, 9]);
    const first = back.drafts[0]?.question;
    if (first?.type !== 'multiple-choice') throw new Error('not MC');
    expect(first.options.map((o) => o.text)).toEqual(['12', '27', '60']);
    expect(first.answer.optionId).toBe('b');
    expect(back.drafts[0]?.question.evidence).toContain('p1.s1');
  });

  it('reports, by line, what Moodle refuses or gets wrong', () => {
    const file = [
      'A) a choice before any question', // 1
      'ANSWER: A', // 2
      'A question on two lines starts here', // 3
      'and goes on here, which Moodle reads as a new question', // 4
      'A) yes', // 5
      'B) no', // 6
      'ANSWER: b', // 7
      'A question with one choice only', // 8
      'A) alone', // 9
      'ANSWER: A', // 10
      'A question whose answer is not a choice', // 11
      'A) one', // 12
      'B) two', // 13
      'ANSWER: D', // 14
      'A question never answered', // 15
      'A) one', // 16
      'B) two', // 17
    ].join('\n');
    const back = plan(file);
    expect(back.drafts).toEqual([]);
    expect(back.errors.map((e) => e.line)).toEqual([1, 2, 3, 7, 8, 14, 15]);
    expect(back.errors.find((e) => e.line === 3)?.message).toMatch(/one line/);
    expect(back.errors.find((e) => e.line === 7)?.message).toMatch(/capital letter/);
    expect(back.errors.find((e) => e.line === 8)?.message).toMatch(/two choices/);
    expect(back.errors.find((e) => e.line === 14)?.message).toMatch(/only 2 choices/);
    expect(back.errors.find((e) => e.line === 15)?.message).toMatch(/ends before/);
  });

  it('refuses, with its line, a question the app cannot keep (too short, too many choices)', () => {
    const file = [
      'Why?',
      'A) a',
      'B) b',
      'ANSWER: A',
      '',
      'Which of seven?',
      ...'ABCDEFG'.split('').map((l) => `${l}) ${l}${l}`),
      'ANSWER: A',
    ].join('\n');
    const back = plan(file);
    expect(back.drafts).toEqual([]);
    expect(back.errors.map((e) => e.line)).toEqual([1, 6]);
    expect(back.errors[0]?.message).toMatch(/prompt/);
    expect(back.errors[1]?.message).toMatch(/options/);
  });
});
