'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import {
  copyBank,
  insertQuestion,
  listReadingQuestions,
  replaceQuestionData,
  replaceQuestionsData,
  setQuestionStatus,
} from '@/db/queries/questions';
import { insertQuiz } from '@/db/queries/quizzes';
import type { Reading } from '@/db/schema';
import { requestGeneration } from '@/lib/question-bank/generation';
import { checkQuestion, type ServerFields, sameQuestion } from '@/lib/question-bank/question-form';
import { DEFAULT_QUIZ_SETTINGS, pickByRule } from '@/lib/quiz/builder';
import { action } from '@/lib/server/endpoint';
import { field } from '@/lib/server/input';
import {
  bankQuestionsToManage,
  bankQuestionsToWrite,
  bankToCopy,
  bankToManage,
  bankToWrite,
} from '@/lib/server/policy';
import { done, ok, type Refusal, refuse } from '@/lib/server/result';
import { LENSES, QUESTION_TYPES, type Question, SKILLS } from '@/questions/schema';

const readingId = field.id('That reading');
const questionId = field.key(120, 'That question');
const bankPath = (reading: Pick<Reading, 'id'>) => `/teach/readings/${reading.id}/questions`;

/** The question from the editor's form: its type here, every other field checked by `checkQuestion`. */
const questionInput = z.looseObject(
  { type: z.enum(QUESTION_TYPES, { error: 'Choose the type of question.' }) },
  { error: 'The question is missing.' },
);

/** The ids of a reading's sentences now: a question's evidence must be among them. */
const sentencesOf = (reading: Reading) =>
  new Set(reading.paragraphs.flatMap((p) => p.sentences.map((s) => s.id)));

/**
 * A question from the editor, with the fields the form does not own fixed by the server (its id,
 * reading, source, review status and quality estimate), checked against the one format and the
 * reading; a refusal names each field that needs attention.
 */
function checkedFromForm(
  raw: Record<string, unknown>,
  fixed: ServerFields,
  reading: Reading,
): Question | Refusal {
  const checked = checkQuestion({ ...raw, ...fixed }, sentencesOf(reading));
  if (checked.ok) return checked.question;
  const [first, ...rest] = checked.problems;
  return refuse(
    'invalid',
    rest.length
      ? `${checked.problems.length} fields need attention. ${first?.message}`
      : (first?.message ?? 'Check the question.'),
    { fieldErrors: Object.fromEntries(checked.problems.map((p) => [p.path, [p.message]])) },
  );
}

/** Gives an instructor their own copy of a reading's bank, to change questions for their classes. */
export const copyBankAction = action({
  name: 'bank.copy',
  input: z.object({ readingId }),
  rule: 'copy-bank',
  authorize: (user, input) => bankToCopy(user, input.readingId),
  run: async (_input, { user, reading }) => {
    const copied = await copyBank({ readingId: reading.id, ownerId: user.id });
    revalidatePath(bankPath(reading));
    return done(
      `Your copy of the bank is ready with ${copied} questions. Changes you make affect only your classes.`,
    );
  },
});

/** Asks for new draft questions; the generator runs in the background and the bank page shows its progress. */
export const generateQuestionsAction = action({
  name: 'bank.generate',
  input: z.object({ readingId }),
  rule: 'manage-bank',
  authorize: (user, input) => bankToManage(user, input.readingId),
  run: async (_input, { user, reading, bankOwnerId }) => {
    const requested = await requestGeneration({ reading, bankOwnerId, userId: user.id });
    if (requested.status !== 'ok') return requested;
    revalidatePath(bankPath(reading));
    // The page's progress line (GenerationStatus) follows the job from here.
    return done('Generation started.');
  },
});

const STATUS_WORDS = {
  approved: 'Approved: students can now see them.',
  retired: 'Rejected: students will not see them.',
  draft: 'Back to draft.',
} as const;

/** Approve, send back to draft, or retire (reject) one question or many. */
export const setQuestionStatusAction = action({
  name: 'bank.setStatus',
  input: z.object({
    readingId,
    questionId: field.list(questionId, 500).refine((ids) => ids.length > 0, 'Choose at least one question.'),
    status: field.choice(['draft', 'approved', 'retired'], 'Choose a status.'),
  }),
  rule: 'manage-bank',
  authorize: (user, input) =>
    bankQuestionsToManage(user, { readingId: input.readingId, questionIds: input.questionId }),
  run: async (input, { user, reading, rows }) => {
    const ids = rows.map((r) => r.id);
    await setQuestionStatus({ ids, status: input.status, reviewerId: user.id });
    revalidatePath(bankPath(reading));
    revalidatePath(`/readings/${reading.slug}`);
    const word = STATUS_WORDS[input.status];
    return done(ids.length === 1 ? word.replace('them', 'it') : `${ids.length} questions. ${word}`);
  },
});

/**
 * Saves a question edited in the form; with `approve`, approves it too. A form saved without a
 * change changes nothing (and says so).
 */
export const editQuestionAction = action({
  name: 'bank.editQuestion',
  input: z.object({ readingId, questionId, question: questionInput, approve: field.checkbox().optional() }),
  rule: 'manage-bank',
  authorize: (user, input) =>
    bankQuestionsToWrite(user, { readingId: input.readingId, questionIds: [input.questionId] }),
  run: async (input, { user, reading, rows: [row] }) => {
    if (!row) return refuse('not-found', 'That question is not in this bank.');
    const status = input.approve ? 'approved' : row.data.status;
    const question = checkedFromForm(
      input.question,
      { id: row.id, readingSlug: reading.slug, source: row.data.source, status, quality: row.data.quality },
      reading,
    );
    if ('message' in question) return question;
    // The content, whatever the status: approving an unchanged question only approves it.
    const unchanged = sameQuestion(question, { ...row.data, status });
    if (unchanged && status === row.data.status) return done('No changes to save.');
    if (unchanged) await setQuestionStatus({ ids: [row.id], status, reviewerId: user.id });
    else await replaceQuestionData({ id: row.id, data: question, reviewerId: user.id });
    revalidatePath(bankPath(reading));
    if (status === 'approved') revalidatePath(`/readings/${reading.slug}`);
    if (input.approve && row.data.status !== 'approved')
      return done(
        unchanged ? 'Approved: students can now see it.' : 'Saved and approved: students can now see it.',
      );
    return done('Question saved.');
  },
});

const KEEP = 'keep';

/** Changes the skill, difficulty, theory lens or concepts of many questions at once. */
export const retagQuestionsAction = action({
  name: 'bank.retag',
  input: z
    .object({
      readingId,
      questionId: field
        .list(questionId, 500)
        .refine((ids) => ids.length > 0, 'Choose at least one question.'),
      skill: field.choice([KEEP, ...SKILLS], 'Choose a skill.').default(KEEP),
      difficulty: field.choice([KEEP, '1', '2', '3'], 'Choose a difficulty.').default(KEEP),
      lens: field.choice([KEEP, 'none', ...LENSES], 'Choose a theory lens.').default(KEEP),
      addConcept: field.optionalText(60),
      removeConcept: field.optionalText(60),
    })
    .refine(
      (v) =>
        v.skill !== KEEP ||
        v.difficulty !== KEEP ||
        v.lens !== KEEP ||
        v.addConcept !== null ||
        v.removeConcept !== null,
      {
        message: 'Choose what to change: a skill, a difficulty, a theory lens or a concept.',
        path: ['skill'],
      },
    ),
  rule: 'manage-bank',
  authorize: (user, input) =>
    bankQuestionsToManage(user, { readingId: input.readingId, questionIds: input.questionId }),
  run: async (input, { user, reading, rows }) => {
    const changes = rows.flatMap((row): Question[] => {
      const q = row.data;
      const concepts = q.concepts.filter((c) => c.toLowerCase() !== input.removeConcept?.toLowerCase());
      if (input.addConcept && !concepts.some((c) => c.toLowerCase() === input.addConcept?.toLowerCase()))
        concepts.push(input.addConcept);
      const next: Question = {
        ...q,
        skill: input.skill === KEEP ? q.skill : input.skill,
        difficulty: input.difficulty === KEEP ? q.difficulty : (Number(input.difficulty) as 1 | 2 | 3),
        lens: input.lens === KEEP ? q.lens : input.lens === 'none' ? null : input.lens,
        concepts,
      };
      return sameQuestion(next, q) ? [] : [next];
    });
    await replaceQuestionsData({ changes, reviewerId: user.id });
    revalidatePath(bankPath(reading));
    revalidatePath(`/readings/${reading.slug}`);
    const n = rows.length;
    return done(
      changes.length === 0
        ? `Nothing to change: the ${n === 1 ? 'question already has' : `${n} questions already have`} those tags.`
        : `Retagged ${changes.length} of ${n} question${n === 1 ? '' : 's'}.`,
    );
  },
});

/** Builds a quiz from approved questions of the bank: the ones ticked, or so many per skill. */
export const buildQuizAction = action({
  name: 'bank.buildQuiz',
  input: z
    .object({
      readingId,
      title: field.text(200, 'The quiz title'),
      mode: field.choice(['rule', 'pick']).default('pick'),
      questionId: field.list(questionId, 500),
      ...Object.fromEntries(
        SKILLS.map((skill) => [
          `perSkill:${skill}`,
          field
            .optionalInteger(0, 50, 'Ask for a whole number of questions per skill')
            .transform((v) => v ?? 0),
        ]),
      ),
    })
    .transform((input) => ({
      ...input,
      perSkill: Object.fromEntries(
        SKILLS.map((skill) => [skill, (input as Record<string, unknown>)[`perSkill:${skill}`] as number]),
      ) as Record<(typeof SKILLS)[number], number>,
    })),
  rule: 'manage-bank',
  authorize: (user, input) => bankToManage(user, input.readingId),
  run: async (input, { user, reading, bankOwnerId }) => {
    const approved = (
      await listReadingQuestions({ readingId: reading.id, ownerId: bankOwnerId, statuses: ['approved'] })
    ).map((r) => r.data);
    let questionIds: string[];
    if (input.mode === 'rule') {
      const wanted = Object.fromEntries(Object.entries(input.perSkill).filter(([, n]) => n > 0));
      const picked = pickByRule(approved, wanted, `${reading.id}:${input.title}`);
      if (!picked.ok) return refuse('invalid', picked.message);
      questionIds = picked.questionIds;
    } else {
      const ids = new Set(approved.map((q) => q.id));
      questionIds = input.questionId.filter((id) => ids.has(id));
      if (questionIds.length === 0) return refuse('invalid', 'Tick at least one approved question.');
    }
    await insertQuiz({
      readingId: reading.id,
      title: input.title,
      createdBy: user.id,
      questionIds,
      settings: { ...DEFAULT_QUIZ_SETTINGS },
    });
    revalidatePath(bankPath(reading));
    return done(
      `Quiz “${input.title}” saved with ${questionIds.length} questions; assign it from a class page.`,
    );
  },
});

/** A question written by the instructor in the form; it starts as a draft. Answers its id. */
export const createQuestionAction = action({
  name: 'bank.createQuestion',
  input: z.object({ readingId, question: questionInput }),
  rule: 'manage-bank',
  authorize: (user, input) => bankToWrite(user, input.readingId),
  run: async (input, { reading, bankOwnerId }) => {
    const id = `${reading.slug.slice(0, 80)}-mine-${crypto.randomUUID().slice(0, 8)}`;
    const question = checkedFromForm(
      input.question,
      { id, readingSlug: reading.slug, source: 'authored', status: 'draft', quality: undefined },
      reading,
    );
    if ('message' in question) return question;
    await insertQuestion({ readingId: reading.id, ownerId: bankOwnerId, question });
    revalidatePath(bankPath(reading));
    return ok({ id }, 'Question added as a draft: approve it when it is ready.');
  },
});
