import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseReading } from '@/questions/reading/parse';
import { gradeShortAnswer } from '../grade/short-answer';
import { QUESTION_TYPES, type Question } from '../schema';
import {
  analyseReading,
  danglingReference,
  type GenerationReport,
  generateQuestions,
  validateQuestion,
} from './index';

const readingSlug = 'burns-lead-with-diplomacy';
const reading = parseReading({
  text: readFileSync(`content/${readingSlug}/essay.txt`, 'utf8'),
  format: 'text',
});
const analysis = analyseReading(reading, readingSlug);

let report: GenerationReport;
beforeAll(() => {
  report = generateQuestions(reading, { readingSlug });
});

describe('generateQuestions on the Burns essay', () => {
  it('keeps at least 60 questions of every type', () => {
    expect(report.questions.length).toBeGreaterThanOrEqual(60);
    for (const type of QUESTION_TYPES) expect(report.keptByType[type], type).toBeGreaterThan(0);
  });

  it('makes every paragraph the evidence of at least one kept question', () => {
    const covered = new Set(report.questions.flatMap((q) => q.evidence.map((id) => id.split('.')[0])));
    expect([...covered].sort()).toEqual(reading.paragraphs.map((p) => p.id).sort());
    expect(report.paragraphCoverage).toBe(1);
  });

  it('is deterministic', () => {
    const again = generateQuestions(reading, { readingSlug });
    expect(again.questions).toEqual(report.questions);
    expect(again.rejections).toEqual(report.rejections);
  });

  it('marks generated questions as drafts with unique ids', () => {
    for (const question of report.questions)
      expect(question).toMatchObject({ source: 'generated', status: 'draft', readingSlug });
    expect(new Set(report.questions.map((q) => q.id)).size).toBe(report.questions.length);
  });

  it('keeps only questions that pass every validator again, with prompts that stand alone', () => {
    for (const question of report.questions) {
      const verdict = validateQuestion(question, analysis);
      expect(verdict.ok, `${question.id}: ${verdict.ok ? '' : verdict.reason}`).toBe(true);
      expect(danglingReference(question.prompt), question.prompt).toBeNull();
    }
  });

  it('counts rejections per validator, and they add up', () => {
    const rejected = Object.values(report.rejections).reduce((a, b) => a + b, 0);
    expect(rejected).toBe(report.rejected.length);
    expect(report.questions.length).toBeLessThanOrEqual(report.passed);
    expect(report.candidates - report.passed).toBeLessThanOrEqual(rejected);
    expect(report.rejections['key-unsupported']).toBeGreaterThan(0);
  });

  it('writes why-questions whose model answer earns full credit from the grader', () => {
    const why = report.questions.filter(
      (q): q is Extract<Question, { type: 'short-answer' }> => q.type === 'short-answer',
    );
    expect(why.length).toBeGreaterThan(3);
    for (const question of why) {
      expect(question.prompt).toMatch(/^Why /);
      const grade = gradeShortAnswer({
        rubric: question.rubric,
        answer: question.modelAnswer,
        prompt: question.prompt,
      });
      expect(grade.score, question.id).toBe(1);
    }
  });

  it('asks why Burns calls for the coordinated campaign against the Kremlin elite', () => {
    expect(report.questions.map((q) => q.prompt)).toContain(
      'Why does Burns call for a similarly coordinated campaign to hit the wallets of the Kremlin elite?',
    );
  });
});

describe('validators', () => {
  const base = {
    id: 'test-q',
    readingSlug,
    explanation: 'x',
    skill: 'evidence',
    difficulty: 1,
    source: 'generated',
    status: 'draft',
  } as const;
  const rejectedBy = (question: unknown) => {
    const verdict = validateQuestion(question, analysis);
    return verdict.ok ? null : verdict.validator;
  };

  it('rejects a true/false key the evidence does not support', () => {
    const statement = 'According to Burns, working in coalitions is almost always faster and easier.';
    const question = {
      ...base,
      type: 'true-false',
      prompt: `True or false: ${statement}`,
      statement,
      evidence: ['p9.s3'],
    };
    expect(rejectedBy({ ...question, answer: { value: true } })).toBe('key-unsupported');
    expect(rejectedBy({ ...question, answer: { value: false } })).toBeNull();
  });

  it('rejects a multiple-choice key that is not in its evidence', () => {
    const question = {
      ...base,
      type: 'multiple-choice',
      prompt: 'According to Burns, what is Mr. Putin’s biggest vulnerability?',
      evidence: ['p9.s1'],
      options: [
        { id: 'a', text: 'His one-dimensional economy' },
        { id: 'b', text: 'His diplomatic loneliness' },
        { id: 'c', text: 'The strength of his army' },
        { id: 'd', text: 'The price of oil' },
      ],
    };
    expect(rejectedBy({ ...question, answer: { optionId: 'a' } })).toBe('key-unsupported');
    expect(rejectedBy({ ...question, answer: { optionId: 'b' } })).toBeNull();
  });

  it('rejects a prompt that points at something it does not name', () => {
    const question = {
      ...base,
      type: 'short-answer',
      prompt: 'Why is it critical that he lose that bet?',
      evidence: ['p7.s1', 'p7.s3'],
      rubric: {
        keyPoints: [
          {
            id: 'kp1',
            text: 'Mr. Putin’s broadly adversarial calculus can be altered with coordinated pressure',
          },
        ],
      },
      modelAnswer: 'Coordinated pressure can alter his calculus.',
    };
    expect(rejectedBy(question)).toBe('dangling-reference');
    expect(
      danglingReference(
        'Why does Burns say Mr. Putin must lose the bet that Western divisions will end the response?',
      ),
    ).toBeNull();
  });

  it('rejects a word bank with a synonym of the key', () => {
    const question = {
      ...base,
      type: 'cloze',
      prompt: 'Complete this sentence from paragraph 9 with a word from the word bank.',
      text: 'His biggest {{1}} is his diplomatic loneliness.',
      wordBank: ['exposure', 'vulnerability', 'strategy', 'sanctions'],
      answer: { blanks: [{ accepted: ['vulnerability'] }] },
      evidence: ['p9.s1'],
    };
    expect(rejectedBy(question)).toBe('ambiguous-key');
  });

  it('rejects distractors that give the key away by length', () => {
    const question = {
      ...base,
      type: 'multiple-choice',
      prompt: 'What does Burns say about coalitions?',
      evidence: ['p9.s3'],
      options: [
        {
          id: 'a',
          text: 'Working in coalitions is slower, harder and less satisfying, but the policy effects are more long-lasting and effective',
        },
        { id: 'b', text: 'Cheap' },
        { id: 'c', text: 'Fast' },
        { id: 'd', text: 'Useless' },
      ],
      answer: { optionId: 'a' },
    };
    expect(rejectedBy(question)).toBe('weak-distractors');
  });

  it('rejects evidence ids the reading does not have, and malformed questions', () => {
    const question = {
      ...base,
      type: 'select-evidence',
      prompt: 'Which sentence best supports the claim?',
      claim: 'Putin is isolated.',
      options: [
        { id: 'p9.s2', text: 'x' },
        { id: 'p99.s1', text: 'y' },
      ],
      answer: { sentenceIds: ['p99.s1'] },
      evidence: ['p99.s1'],
    };
    expect(rejectedBy(question)).toBe('unknown-evidence');
    expect(rejectedBy({ ...question, type: 'essay' })).toBe('schema');
  });
});
