import { describe, expect, it } from 'vitest';
import { parseQuestion } from '@/questions/schema';
import { toStudentQuestion } from './question-view';

describe('a question as a student sees it', () => {
  it('carries no key and no per-option feedback before the answer', () => {
    const question = parseQuestion({
      id: 'q1',
      readingSlug: 'r',
      type: 'multiple-choice',
      prompt: 'Which body inspects chemical weapons?',
      options: [
        { id: 'a', text: 'OPCW', feedback: 'Right: the watchdog.' },
        { id: 'b', text: 'NATO', feedback: 'An alliance, not an inspector.' },
      ],
      answer: { optionId: 'a' },
      explanation: 'Paragraph 4 says so.',
      evidence: ['p4.s1'],
      skill: 'evidence',
      difficulty: 1,
      source: 'authored',
      status: 'approved',
    });
    const view = toStudentQuestion(question, 'seed', true);
    expect(JSON.stringify(view)).not.toMatch(/feedback|watchdog|answer|explanation/);
    expect(view).toMatchObject({ type: 'multiple-choice', prompt: question.prompt });
  });
});
