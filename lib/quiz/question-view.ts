import type { Question, Response } from '@/questions/schema';
import { seededShuffle } from './shuffle';

type Choice = { id: string; text: string };

/**
 * A question as a student sees it before answering: no key, no rubric, no model answer, no
 * explanation. Options are shuffled by `seed` (stable across reloads) where order would give
 * the answer away (ordering, matching) or when the quiz asks for it.
 */
export type StudentQuestion =
  | { id: string; type: 'multiple-choice' | 'multiple-answer'; prompt: string; options: Choice[] }
  | { id: string; type: 'true-false'; prompt: string; statement: string }
  | { id: string; type: 'cloze'; prompt: string; text: string; blanks: number; wordBank: string[] | null }
  | { id: string; type: 'short-answer'; prompt: string }
  | { id: string; type: 'matching'; prompt: string; left: Choice[]; right: Choice[] }
  | { id: string; type: 'ordering'; prompt: string; items: Choice[] }
  | {
      id: string;
      type: 'select-evidence' | 'claim-evidence-reasoning';
      prompt: string;
      claim: string;
      options: Choice[];
    };

export function toStudentQuestion(question: Question, seed: string, shuffleOptions = false): StudentQuestion {
  const maybe = <T>(items: T[]) => (shuffleOptions ? seededShuffle(items, `${seed}:${question.id}`) : items);
  // Only an option's id and text: its feedback is for after the answer.
  const choices = (items: Choice[]): Choice[] => items.map(({ id, text }) => ({ id, text }));
  const always = <T>(items: T[]) => seededShuffle(items, `${seed}:${question.id}`);
  const base = { id: question.id, prompt: question.prompt };
  switch (question.type) {
    case 'multiple-choice':
    case 'multiple-answer':
      return { ...base, type: question.type, options: maybe(choices(question.options)) };
    case 'true-false':
      return { ...base, type: 'true-false', statement: question.statement };
    case 'cloze':
      return {
        ...base,
        type: 'cloze',
        text: question.text,
        blanks: question.answer.blanks.length,
        wordBank: question.wordBank ? always(question.wordBank) : null,
      };
    case 'short-answer':
      return { ...base, type: 'short-answer' };
    case 'matching':
      return {
        ...base,
        type: 'matching',
        left: choices(question.left),
        right: always(choices(question.right)),
      };
    case 'ordering': {
      let items = always(choices(question.items));
      // A shuffle that happens to give the right order would give the answer away.
      if (items.every((item, i) => item.id === question.answer.order[i]))
        items = [...items.slice(1), items[0]!];
      return { ...base, type: 'ordering', items };
    }
    case 'select-evidence':
    case 'claim-evidence-reasoning':
      return { ...base, type: question.type, claim: question.claim, options: choices(question.options) };
  }
}

/** An empty response of the question's type, for a form to start from. */
export function emptyResponse(question: StudentQuestion): Response | null {
  switch (question.type) {
    case 'multiple-answer':
      return { type: 'multiple-answer', optionIds: [] };
    case 'cloze':
      return { type: 'cloze', blanks: Array.from({ length: question.blanks }, () => '') };
    case 'short-answer':
      return { type: 'short-answer', text: '' };
    case 'matching':
      return { type: 'matching', pairs: {} };
    case 'ordering':
      return { type: 'ordering', order: question.items.map((i) => i.id) };
    case 'claim-evidence-reasoning':
      return { type: 'claim-evidence-reasoning', sentenceId: null, reasoning: '' };
    default:
      return null;
  }
}

/** Whether a response says anything yet (an untouched form is not an answer). */
export function isAnswered(response: Response | null): boolean {
  if (!response) return false;
  switch (response.type) {
    case 'multiple-answer':
      return response.optionIds.length > 0;
    case 'cloze':
      return response.blanks.some((b) => b.trim());
    case 'short-answer':
      return response.text.trim().length > 0;
    case 'matching':
      return Object.keys(response.pairs).length > 0;
    case 'claim-evidence-reasoning':
      return response.sentenceId !== null || response.reasoning.trim().length > 0;
    default:
      return true;
  }
}
