import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { rubricSchema } from '../schema';
import { GRADE_DIR } from './data-dir';

/**
 * The labelled answers the scorer is fitted and measured on, one row per answer and key point:
 *
 * - SciEntsBank (SemEval-2013 Task 7, 2-way training split; CC BY 4.0, see data/README.md):
 *   science questions with reference answers; the reference is the one key point and the
 *   answer's label (correct or not) is that point's.
 * - The IR set (`data/ir-questions.json`, `data/ir-answers.jsonl`), written for this project:
 *   why-questions on public-domain international-relations texts, each answer labelled per key
 *   point as met, partly met, missed or contradicted.
 */

const dataDir = path.join(GRADE_DIR, 'data');

export type PointStatusLabel = 'met' | 'partly' | 'missed' | 'contradicted';

export type TrainingRow = {
  dataset: 'scientsbank' | 'ir';
  /** Cross-validation keeps a question's rows on one side. */
  questionId: string;
  answerId: string;
  pointId: string;
  prompt: string;
  phrasings: string[];
  answer: string;
  /** 1 met, 0.5 partly, 0 missed or contradicted. */
  target: number;
  contradicted: boolean;
  /** The kind of answer the IR set meant to cover ("paraphrase", "reversed-stance", …). */
  kind: string;
  /** Made from another row by rule: trained on, never measured (each IR row again with the point's text alone). */
  synthetic?: boolean;
  /** Fitted by the contradiction model only (an answer written blind: see `DENIAL_BLIND_BATCHES`). */
  denialOnly?: boolean;
};

const sciEntsBankLine = z.object({
  questionId: z.string(),
  question: z.string(),
  references: z.array(z.string()).min(1),
  answer: z.string(),
  label: z.union([z.literal(0), z.literal(1)]),
});

/** "<referenceAnswer id=…>The water evaporated…" → "The water evaporated…". */
export const cleanReference = (reference: string) => reference.replace(/<[^>]*>/g, '').trim();

export function loadSciEntsBank(file = path.join(dataDir, 'scientsbank-2way-train.jsonl')): TrainingRow[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      const row = sciEntsBankLine.parse(JSON.parse(line));
      return {
        dataset: 'scientsbank' as const,
        questionId: row.questionId,
        answerId: `sb${i + 1}`,
        pointId: 'reference',
        prompt: row.question,
        phrasings: row.references.map(cleanReference),
        answer: row.answer,
        target: row.label,
        contradicted: false,
        kind: row.label === 1 ? 'correct' : 'incorrect',
      };
    });
}

export const irQuestionSchema = z.object({
  id: z.string(),
  /** Where the text comes from (all public domain or shipped with the app). */
  source: z.string(),
  prompt: z.string(),
  rubric: rubricSchema,
});
export type IrQuestion = z.infer<typeof irQuestionSchema>;

const statusLabel = z.enum(['met', 'partly', 'missed', 'contradicted']);
export const irAnswerSchema = z.object({
  questionId: z.string(),
  kind: z.string(),
  answer: z.string(),
  /** Status of every key point of the question, by id. */
  points: z.record(z.string(), statusLabel),
  /** Which batch of `ir-answers-blind.jsonl` it belongs to. */
  set: z.string().optional(),
});
export type IrAnswer = z.infer<typeof irAnswerSchema>;

export function loadIrQuestions(file = path.join(dataDir, 'ir-questions.json')): IrQuestion[] {
  return z.array(irQuestionSchema).parse(JSON.parse(readFileSync(file, 'utf8')));
}

export function loadIrAnswers(file = path.join(dataDir, 'ir-answers.jsonl')): IrAnswer[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      try {
        return irAnswerSchema.parse(JSON.parse(line));
      } catch (error) {
        throw new Error(`ir-answers.jsonl line ${i + 1}: ${(error as Error).message}`);
      }
    });
}

export const STATUS_VALUE: Record<PointStatusLabel, number> = {
  met: 1,
  partly: 0.5,
  missed: 0,
  contradicted: 0,
};

export function irRows(
  questions = loadIrQuestions(),
  answers = loadIrAnswers(),
  /** Tells two files' answers apart: `ir` for the IR set, `bl` for the answers written blind. */
  idPrefix = 'ir',
): TrainingRow[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const rows: TrainingRow[] = [];
  answers.forEach((answer, i) => {
    const question = byId.get(answer.questionId);
    if (!question) throw new Error(`IR answer ${i + 1}: no question ${answer.questionId}`);
    for (const point of question.rubric.keyPoints) {
      const status = answer.points[point.id];
      if (!status) throw new Error(`IR answer ${i + 1}: no label for point ${point.id}`);
      rows.push({
        dataset: 'ir',
        questionId: question.id,
        answerId: `${idPrefix}${i + 1}`,
        pointId: point.id,
        prompt: question.prompt,
        phrasings: [point.text, ...point.accept],
        answer: answer.answer,
        target: STATUS_VALUE[status],
        contradicted: status === 'contradicted',
        kind: answer.kind,
      });
      // The same answer graded against the point's text alone, as a rubric an instructor wrote
      // without accepted paraphrases grades it (every question new to the grader in the answers
      // written blind has none): trained on, never measured.
      if (point.accept.length > 0) {
        rows.push({ ...rows.at(-1)!, phrasings: [point.text], synthetic: true });
      }
    }
  });
  return rows;
}

export const loadBlindQuestions = () => loadIrQuestions(path.join(dataDir, 'ir-questions-blind.json'));
export const loadBlindAnswers = () => loadIrAnswers(path.join(dataDir, 'ir-answers-blind.jsonl'));

/**
 * The batches of answers written blind that the contradiction model, and only it, is fitted on:
 * their 506 denied points teach it denials the IR set's 117 do not. Fitting the point model on
 * them too was measured on later batches and not kept (README: Benchmarks, *The blind batches
 * teach the contradiction model*): it under-credited honest attempts. Batches not listed are
 * never fitted on, so they measure the shipped model.
 */
export const DENIAL_BLIND_BATCHES: ReadonlySet<string> = new Set('abcdefghij');

/**
 * Everything the scorer is fitted on: SciEntsBank and the IR set, and the blind batches for the
 * contradiction model, with every question whose rubric their answers are graded against.
 */
export function fittingData(): { rows: TrainingRow[]; questions: IrQuestion[] } {
  const questions = [...loadIrQuestions(), ...loadBlindQuestions()];
  const fitted = loadBlindAnswers().filter((answer) => DENIAL_BLIND_BATCHES.has(answer.set ?? ''));
  const blind = irRows(questions, fitted, 'bl').map((row) => ({ ...row, denialOnly: true }));
  return { rows: [...loadSciEntsBank(), ...irRows(questions), ...blind], questions };
}

/** Folds by question: every row of a question lands in the same fold. */
export function foldsByQuestion(questionIds: readonly string[], folds: number): Map<string, number> {
  const unique = [...new Set(questionIds)].sort();
  // A fixed shuffle (a linear congruential sequence), so runs are reproducible.
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let i = unique.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [unique[i], unique[j]] = [unique[j]!, unique[i]!];
  }
  return new Map(unique.map((id, i) => [id, i % folds]));
}

/**
 * Answers labelled against every question of their reading, not only the one they were written
 * for (`data/ir-sibling-answers.jsonl`): the check for answers to another question is fitted and
 * measured on them. Set `burns` is 36 fully correct answers to the six Burns questions of the IR
 * set, each labelled against the other five; sets q, r and s were written blind, each to four
 * questions of its own on one text (`data/ir-sibling-questions.json`).
 */
export const siblingAnswerSchema = z.object({
  set: z.string(),
  writtenFor: z.string(),
  kind: z.string(),
  answer: z.string(),
  /** Every key point's status, by question id and point id, for every question of the reading. */
  labels: z.record(z.string(), z.record(z.string(), statusLabel)),
});
export type SiblingAnswer = z.infer<typeof siblingAnswerSchema>;

/** The sibling sets the other-question margin is fitted on; the rest measure it. */
export const SIBLING_FIT_SETS: ReadonlySet<string> = new Set(['burns', 'q']);

/** Each sibling set: its questions (one reading's) and its answers. */
export function loadSiblingSets(): Map<string, { questions: IrQuestion[]; answers: SiblingAnswer[] }> {
  const questions = new Map(
    [...loadIrQuestions(), ...loadIrQuestions(path.join(dataDir, 'ir-sibling-questions.json'))].map((q) => [
      q.id,
      q,
    ]),
  );
  const sets = new Map<string, { questions: IrQuestion[]; answers: SiblingAnswer[] }>();
  const lines = readFileSync(path.join(dataDir, 'ir-sibling-answers.jsonl'), 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const answer = siblingAnswerSchema.parse(JSON.parse(line));
    const set = sets.get(answer.set) ?? { questions: [], answers: [] };
    sets.set(answer.set, set);
    if (set.questions.length === 0) {
      set.questions = Object.keys(answer.labels).map((id) => {
        const question = questions.get(id);
        if (!question) throw new Error(`ir-sibling-answers.jsonl line ${i + 1}: no question ${id}`);
        return question;
      });
    }
    set.answers.push(answer);
  });
  return sets;
}
