import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReading } from '@/questions/reading/parse';
import { loadAllAuthoredQuestions, loadAuthoredBank } from './bank';
import { gradeResponse } from './grade';
import { QUESTION_TYPES, SKILLS } from './schema';

const slug = 'burns-lead-with-diplomacy';
const reading = parseReading({ text: readFileSync(`content/${slug}/essay.txt`, 'utf8'), format: 'text' });
const sentences = new Map(reading.paragraphs.flatMap((p) => p.sentences.map((s) => [s.id, s.text] as const)));
const bank = loadAuthoredBank(slug);

describe('the authored bank for the Burns essay', () => {
  it('parses against the schema and holds at least 30 approved, authored questions', () => {
    expect(bank.length).toBeGreaterThanOrEqual(30);
    for (const question of bank) {
      expect(question).toMatchObject({ readingSlug: slug, source: 'authored', status: 'approved' });
      expect(question.explanation.length).toBeGreaterThan(20);
    }
  });

  it('covers every type and every skill', () => {
    expect(new Set(bank.map((q) => q.type))).toEqual(new Set(QUESTION_TYPES));
    expect(new Set(bank.map((q) => q.skill))).toEqual(new Set(SKILLS));
  });

  it('points only at sentences parseReading gives the essay, quoting them exactly', () => {
    for (const question of bank) {
      for (const id of question.evidence) expect(sentences.has(id), `${question.id}: ${id}`).toBe(true);
      if (question.type === 'select-evidence' || question.type === 'claim-evidence-reasoning') {
        for (const option of question.options)
          expect(option.text, `${question.id}: ${option.id}`).toBe(sentences.get(option.id));
      }
    }
  });

  it('has the two stable short-answer questions', () => {
    for (const id of ['burns-why-coalitions', 'burns-why-sanctions']) {
      const question = bank.find((q) => q.id === id);
      expect(question?.type).toBe('short-answer');
      if (question?.type === 'short-answer')
        expect(question.rubric.keyPoints.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('keys every choice question so that its key earns full credit', () => {
    for (const question of bank) {
      let response: unknown;
      switch (question.type) {
        case 'multiple-choice':
          response = { type: question.type, optionId: question.answer.optionId };
          break;
        case 'multiple-answer':
          response = { type: question.type, optionIds: question.answer.optionIds };
          break;
        case 'true-false':
          response = { type: question.type, value: question.answer.value };
          break;
        case 'cloze':
          response = { type: question.type, blanks: question.answer.blanks.map((b) => b.accepted[0]) };
          break;
        case 'matching':
          response = { type: question.type, pairs: question.answer.pairs };
          break;
        case 'ordering':
          response = { type: question.type, order: question.answer.order };
          break;
        case 'select-evidence':
          response = { type: question.type, sentenceId: question.answer.sentenceIds[0] };
          break;
        case 'short-answer':
          response = { type: question.type, text: question.modelAnswer };
          break;
        case 'claim-evidence-reasoning':
          response = {
            type: question.type,
            sentenceId: question.answer.sentenceIds[0],
            reasoning: question.modelAnswer,
          };
          break;
      }
      expect(gradeResponse(question, response).score, question.id).toBe(1);
    }
  });

  it('indexes every bank under content/ by id', () => {
    const all = loadAllAuthoredQuestions('content');
    expect(all.get('burns-why-coalitions')?.readingSlug).toBe(slug);
  });

  it('returns no questions for a reading without a bank', () => {
    expect(loadAuthoredBank('no-such-reading')).toEqual([]);
  });
});
