import type { z } from 'zod';
import {
  type AnswerOption,
  type ChoiceOption,
  type KeyPoint,
  type Question,
  type QuestionOf,
  type QuestionType,
  questionSchema,
} from '@/questions/schema';

/**
 * The question editor's model, shared by the form (in the browser) and the save actions (on the
 * server): a question is edited as the one question format itself, so a form saved without
 * changes gives back exactly the question it was opened with. Here: blank questions of each type,
 * fresh ids for what the form adds, the check with every problem named by its field, and the
 * equality that tells a real change from none.
 */

export const TYPE_NAMES: Record<QuestionType, string> = {
  'multiple-choice': 'Multiple choice',
  'multiple-answer': 'Select all that apply',
  'true-false': 'True or false',
  cloze: 'Fill in the blanks',
  'short-answer': 'Short answer',
  matching: 'Matching',
  ordering: 'Ordering',
  'select-evidence': 'Select the evidence',
  'claim-evidence-reasoning': 'Claim, evidence, reasoning',
};

export const TYPE_HINTS: Record<QuestionType, string> = {
  'multiple-choice': 'One correct option among two to six.',
  'multiple-answer': 'Several correct options among three to eight; at least one is wrong.',
  'true-false': 'A statement the student judges true or false.',
  cloze: 'A passage with blanks, each with its accepted answers, and an optional word bank.',
  'short-answer': 'A free-text answer graded against key points, each with the wordings it accepts.',
  matching: 'Terms to pair with definitions; extra definitions make it harder.',
  ordering: 'Items to put in the right order.',
  'select-evidence': 'A claim and sentences from the reading; the student picks the one that supports it.',
  'claim-evidence-reasoning':
    'Pick the supporting sentence, then explain how it supports the claim (graded against key points).',
};

export { SKILL_NAMES } from '@/questions/schema';

export const LENS_NAMES = {
  realist: 'Realist',
  liberal: 'Liberal',
  constructivist: 'Constructivist',
} as const;
export const DIFFICULTY_NAMES = { 1: 'Easy', 2: 'Medium', 3: 'Hard' } as const;

/** The fields every type shares, carried over when a new question changes type. */
type Common = Pick<
  Question,
  | 'id'
  | 'readingSlug'
  | 'prompt'
  | 'explanation'
  | 'evidence'
  | 'skill'
  | 'concepts'
  | 'lens'
  | 'difficulty'
  | 'source'
  | 'status'
>;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** The first id of the pattern not used yet ("a", "b"… or "w1", "w2"…). */
export function freshId(used: string[], kind: 'letter' | 'term' | 'point'): string {
  const taken = new Set(used);
  for (let i = 0; i < 100; i++) {
    const id = kind === 'letter' ? (LETTERS[i] ?? `o${i}`) : kind === 'term' ? `w${i + 1}` : `point-${i + 1}`;
    if (!taken.has(id)) return id;
  }
  return `${kind}-${used.length + 1}`;
}

const option = (id: string, text = ''): AnswerOption => ({ id, text });
const keyPoint = (id: string): KeyPoint => ({ id, text: '', accept: [], weight: 1 });

/** A new question of a type, keeping what the instructor already wrote in the shared fields. */
export function blankQuestion(type: QuestionType, common: Common): Question {
  const shared = { ...common };
  switch (type) {
    case 'multiple-choice':
      return {
        ...shared,
        type,
        options: [option('a'), option('b'), option('c'), option('d')],
        answer: { optionId: 'a' },
      };
    case 'multiple-answer':
      return {
        ...shared,
        type,
        options: [option('a'), option('b'), option('c'), option('d')],
        answer: { optionIds: ['a'] },
      };
    case 'true-false':
      return { ...shared, type, statement: '', answer: { value: true } };
    case 'cloze':
      return { ...shared, type, text: '', answer: { blanks: [] } };
    case 'short-answer':
      return { ...shared, type, rubric: { keyPoints: [keyPoint('point-1')] }, modelAnswer: '' };
    case 'matching':
      return {
        ...shared,
        type,
        left: [option('w1'), option('w2'), option('w3')],
        right: [option('a'), option('b'), option('c')],
        answer: { pairs: { w1: 'a', w2: 'b', w3: 'c' } },
      };
    case 'ordering':
      return {
        ...shared,
        type,
        items: [option('a'), option('b'), option('c')],
        answer: { order: ['a', 'b', 'c'] },
      };
    case 'select-evidence':
      return { ...shared, type, claim: '', options: [], answer: { sentenceIds: [] } };
    case 'claim-evidence-reasoning':
      return {
        ...shared,
        type,
        claim: '',
        options: [],
        answer: { sentenceIds: [] },
        rubric: { keyPoints: [keyPoint('point-1')] },
        modelAnswer: '',
        weights: { evidence: 0.5, reasoning: 0.5 },
      };
  }
}

/** The shared fields of a question, to start another type from. */
export function commonOf(question: Question): Common {
  const {
    id,
    readingSlug,
    prompt,
    explanation,
    evidence,
    skill,
    concepts,
    lens,
    difficulty,
    source,
    status,
  } = question;
  return {
    id,
    readingSlug,
    prompt,
    explanation,
    evidence,
    skill,
    concepts,
    lens,
    difficulty,
    source,
    status,
  };
}

/** The fields the server owns: a save action sets them, the form never changes them. */
export type ServerFields = Pick<Question, 'id' | 'readingSlug' | 'source' | 'status' | 'quality'>;

/** What the form edits: the question without the fields the server owns. */
export function formFields(question: Question) {
  const {
    id: _id,
    readingSlug: _slug,
    source: _source,
    status: _status,
    quality: _quality,
    ...rest
  } = question;
  return rest;
}

/** An empty new question, as the "write a question" form opens. */
export function newQuestion(readingSlug: string, type: QuestionType = 'multiple-choice'): Question {
  return blankQuestion(type, {
    id: 'new-question',
    readingSlug,
    prompt: '',
    explanation: '',
    evidence: [],
    skill: 'main-idea',
    concepts: [],
    lens: null,
    difficulty: 2,
    source: 'authored',
    status: 'draft',
  });
}

// ---- Naming fields ----

const nth = (value: PropertyKey | undefined) => (typeof value === 'number' ? value + 1 : Number(value) + 1);
const letter = (value: PropertyKey | undefined) => (LETTERS[Number(value)] ?? '?').toUpperCase();

/** The words a person would use for a field of the form, from its path in the question format. */
export function fieldName(type: QuestionType, path: readonly PropertyKey[]): string {
  const [first, second, third, fourth, fifth] = path;
  const evidenceTypes = type === 'select-evidence' || type === 'claim-evidence-reasoning';
  switch (first) {
    case 'prompt':
      return 'Prompt';
    case 'explanation':
      return 'Explanation';
    case 'evidence':
      return second === undefined ? 'Evidence' : `Evidence sentence ${nth(second)}`;
    case 'skill':
      return 'Skill';
    case 'concepts':
      return second === undefined ? 'Concepts' : `Concept ${nth(second)}`;
    case 'lens':
      return 'Theory lens';
    case 'difficulty':
      return 'Difficulty';
    case 'statement':
      return 'Statement';
    case 'claim':
      return 'Claim';
    case 'text':
      return 'Text with blanks';
    case 'modelAnswer':
      return 'Model answer';
    case 'weights':
      return 'Weights of evidence and reasoning';
    case 'wordBank':
      return second === undefined ? 'Word bank' : `Word bank, word ${nth(second)}`;
    case 'options':
      if (evidenceTypes)
        return second === undefined ? 'Sentences offered' : `Sentence offered ${nth(second)}`;
      if (second === undefined) return 'Options';
      return third === 'feedback' ? `Feedback on option ${letter(second)}` : `Option ${letter(second)}`;
    case 'left':
      return second === undefined ? 'Terms' : `Term ${nth(second)}`;
    case 'right':
      return second === undefined ? 'Matches' : `Match ${nth(second)}`;
    case 'items':
      return second === undefined ? 'Items' : `Item ${nth(second)}`;
    case 'rubric': {
      if (second === 'pointsForFullCredit') return 'Points for full credit';
      if (third === undefined) return 'Key points';
      const point = `Key point ${nth(third)}`;
      if (fourth === 'accept')
        return fifth === undefined ? `${point}, other wordings` : `${point}, other wording ${nth(fifth)}`;
      if (fourth === 'weight') return `${point}, weight`;
      return point;
    }
    case 'answer':
      if (second === 'blanks') {
        if (third === undefined) return 'Blanks';
        const blank = `Blank ${nth(third)}`;
        if (fourth !== 'accepted') return blank;
        return fifth === undefined ? `${blank}, accepted answers` : `${blank}, accepted answer ${nth(fifth)}`;
      }
      if (type === 'true-false') return 'True or false';
      if (type === 'multiple-choice') return 'Correct option';
      if (type === 'multiple-answer') return 'Correct options';
      if (type === 'matching') return 'Pairs';
      if (type === 'ordering') return 'Order';
      if (type === 'cloze') return 'Text with blanks';
      if (evidenceTypes) return 'Supporting sentence';
      return 'Answer key';
    default:
      return String(first ?? 'Question');
  }
}

/** A zod issue in words a person can act on, without the field's name. */
function problem(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? 'write it' : `write at least ${issue.minimum} characters`;
      if (issue.origin === 'array') return `give at least ${issue.minimum}`;
      return `use at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string')
        return `use at most ${Number(issue.maximum).toLocaleString('en')} characters`;
      if (issue.origin === 'array') return `give at most ${issue.maximum}`;
      return `use at most ${issue.maximum}`;
    case 'invalid_format':
      return issue.path.includes('evidence') ||
        issue.path.includes('sentenceIds') ||
        issue.path[0] === 'options'
        ? 'is not a sentence of this reading'
        : 'is not in the form it needs';
    case 'invalid_value':
    case 'invalid_union':
      return 'choose one of the options';
    case 'invalid_type':
      return 'is missing';
    case 'custom':
      return issue.message.charAt(0).toLowerCase() + issue.message.slice(1);
    default:
      return issue.message;
  }
}

/** What the cross-field checks of the format say, in the editor's words. */
const KEY_PROBLEMS: Record<string, string> = {
  'The key names an option that does not exist': 'mark the correct option',
  'The key repeats an option': 'mark each correct option once',
  'At least one option must be wrong': 'leave at least one option unmarked: all of them are marked correct',
  'Option ids must be unique': 'two options share an id',
  'Blanks {{1}}…{{n}} must appear once each, in order':
    'write each blank {{1}}, {{2}}… once, in order, one for each blank below',
  'Every term needs exactly one match': 'give every term a match',
  'Two terms share one definition': 'two terms share one match',
  'The order must list every item once': 'list every item once',
  'The key names a sentence not offered': 'mark one of the sentences offered',
  'The key sentence must be evidence': 'the supporting sentence must also be evidence',
  'Weights must add up to 1': 'the two weights must add up to 100%',
};

export type FieldProblem = {
  /** The field's path in the question format, dotted ("options.2.text"): the form's field id. */
  path: string;
  /** "Option C: write it." */
  message: string;
};

/** Where a field comes in the form, top to bottom: the problems are listed in that order. */
const FORM_ORDER = [
  'type',
  'prompt',
  '*',
  'explanation',
  'evidence',
  'skill',
  'lens',
  'difficulty',
  'concepts',
];
const formRank = (path: string) => {
  const at = FORM_ORDER.indexOf(path.split('.')[0] ?? '');
  return at === -1 ? FORM_ORDER.indexOf('*') : at;
};

export type CheckedQuestion = { ok: true; question: Question } | { ok: false; problems: FieldProblem[] };

const pathKey = (path: readonly PropertyKey[]) => path.map(String).join('.');

/**
 * Checks a question from the form against the one format and the reading: every problem named
 * by its field ("Option C: write it."), at most one per field. `sentences` are the ids of the
 * reading's sentences now; evidence must be among them.
 */
export function checkQuestion(draft: unknown, sentences: ReadonlySet<string>): CheckedQuestion {
  const type = (draft as { type?: QuestionType } | null)?.type ?? 'multiple-choice';
  const parsed = questionSchema.safeParse(draft);
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  const add = (path: readonly PropertyKey[], words: string) => {
    const key = pathKey(path);
    if (seen.has(key)) return;
    seen.add(key);
    problems.push({ path: key, message: `${fieldName(type, path)}: ${words}.` });
  };
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const words =
        issue.code === 'custom' ? (KEY_PROBLEMS[issue.message] ?? problem(issue)) : problem(issue);
      add(issue.path, words);
    }
    return { ok: false, problems: inFormOrder(problems) };
  }
  const question = parsed.data;
  question.evidence.forEach((id, i) => {
    if (!sentences.has(id))
      add(['evidence', i], `${id} is no longer in the reading; remove it or pick another`);
  });
  if (question.type === 'short-answer' || question.type === 'claim-evidence-reasoning') {
    const total = question.rubric.keyPoints.reduce((sum, k) => sum + k.weight, 0);
    const full = question.rubric.pointsForFullCredit;
    if (full !== undefined && full > total)
      add(['rubric', 'pointsForFullCredit'], `at most the key points' total weight (${total})`);
  }
  return problems.length ? { ok: false, problems: inFormOrder(problems) } : { ok: true, question };
}

/** The fields of each type (the '*' rank) keep the format's order among themselves. */
const inFormOrder = (problems: FieldProblem[]) =>
  problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => formRank(a.p.path) - formRank(b.p.path) || a.i - b.i)
    .map(({ p }) => p);

/** Deep equality of two questions as stored (key order aside): whether a save changes anything. */
export function sameQuestion(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => sameQuestion(item, other[i]));
  }
  const left = Object.entries(a as Record<string, unknown>).filter(([, v]) => v !== undefined);
  const right = Object.entries(b as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (left.length !== right.length) return false;
  const rightMap = new Map(right);
  return left.every(([key, value]) => rightMap.has(key) && sameQuestion(value, rightMap.get(key)));
}

// ---- Edits the form makes that touch more than one field ----

/**
 * Marks an option correct or not. The key of a multiple-answer question keeps the options' order,
 * so ticking a box off and on again is no change.
 */
export function setCorrect(
  question: QuestionOf<'multiple-choice' | 'multiple-answer'>,
  optionId: string,
  correct: boolean,
): Question {
  if (question.type === 'multiple-choice') return correct ? { ...question, answer: { optionId } } : question;
  const keys = new Set(question.answer.optionIds);
  if (correct) keys.add(optionId);
  else keys.delete(optionId);
  return {
    ...question,
    answer: { optionIds: question.options.map((o) => o.id).filter((id) => keys.has(id)) },
  };
}

/** Marks a sentence offered as supporting the claim, or not; a supporting sentence is also evidence. */
export function setSupporting(
  question: QuestionOf<'select-evidence' | 'claim-evidence-reasoning'>,
  sentenceId: string,
  supporting: boolean,
): Question {
  // In the order offered, as setCorrect keeps a key.
  const keys = new Set(question.answer.sentenceIds);
  if (supporting) keys.add(sentenceId);
  else keys.delete(sentenceId);
  const sentenceIds = question.options.map((o) => o.id).filter((id) => keys.has(id));
  const evidence =
    supporting && !question.evidence.includes(sentenceId)
      ? [...question.evidence, sentenceId]
      : question.evidence;
  return { ...question, evidence, answer: { sentenceIds } };
}

/** The sentences offered, after the picker: kept ones keep their text and place, new ones come last. */
export function setOffered(
  question: QuestionOf<'select-evidence' | 'claim-evidence-reasoning'>,
  picked: string[],
  textOf: (id: string) => string,
): Question {
  const wanted = new Set(picked);
  const kept = question.options.filter((o) => wanted.has(o.id));
  const added = picked.filter((id) => !kept.some((o) => o.id === id)).map((id) => ({ id, text: textOf(id) }));
  return {
    ...question,
    options: [...kept, ...added],
    answer: { sentenceIds: question.answer.sentenceIds.filter((id) => wanted.has(id)) },
  };
}

/** Cloze: renumbers the blanks of a text after blank `removed` (1-based) is taken out. */
export function removeBlank(question: QuestionOf<'cloze'>, removed: number): Question {
  const filler = question.answer.blanks[removed - 1]?.accepted[0] ?? '';
  const text = question.text.replace(/\{\{(\d+)\}\}/g, (marker, n: string) => {
    const number = Number(n);
    if (number === removed) return filler;
    return number > removed ? `{{${number - 1}}}` : marker;
  });
  return {
    ...question,
    text,
    answer: { blanks: question.answer.blanks.filter((_, i) => i !== removed - 1) },
  };
}

/**
 * Cloze: makes a blank of the text between `start` and `end` (the selected words become its first
 * accepted answer), or inserts an empty blank at `start`; later blanks are renumbered.
 */
export function insertBlank(question: QuestionOf<'cloze'>, start: number, end: number): Question {
  const before = question.text.slice(0, start);
  const selected = question.text.slice(start, end).trim();
  const after = question.text.slice(end);
  const number = (before.match(/\{\{\d+\}\}/g) ?? []).length + 1;
  const renumbered = after.replace(/\{\{(\d+)\}\}/g, (_, n: string) => `{{${Number(n) + 1}}}`);
  const blanks = [...question.answer.blanks];
  blanks.splice(number - 1, 0, { accepted: selected ? [selected] : [] });
  return { ...question, text: `${before}{{${number}}}${renumbered}`, answer: { blanks } };
}

/** Matching: a term with its match, added as a pair. */
export function addPair(question: QuestionOf<'matching'>): Question {
  const leftId = freshId(
    question.left.map((o) => o.id),
    'term',
  );
  const rightId = freshId(
    question.right.map((o) => o.id),
    'letter',
  );
  return {
    ...question,
    left: [...question.left, { id: leftId, text: '' }],
    right: [...question.right, { id: rightId, text: '' }],
    answer: { pairs: { ...question.answer.pairs, [leftId]: rightId } },
  };
}

/** Matching: a term and its match, taken out together. */
export function removePair(question: QuestionOf<'matching'>, leftId: string): Question {
  const rightId = question.answer.pairs[leftId];
  const pairs = { ...question.answer.pairs };
  delete pairs[leftId];
  return {
    ...question,
    left: question.left.filter((o) => o.id !== leftId),
    right: question.right.filter((o) => o.id !== rightId),
    answer: { pairs },
  };
}

/** The options or items of a list, with one moved from `from` to `to`. */
export function moved<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

export type { AnswerOption, ChoiceOption };
