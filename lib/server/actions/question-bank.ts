'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import {
  copyBank,
  insertQuestion,
  listReadingQuestions,
  replaceQuestionData,
  setQuestionStatus,
} from '@/db/queries/questions';
import { insertQuiz } from '@/db/queries/quizzes';
import type { Reading } from '@/db/schema';
import { requestGeneration } from '@/lib/question-bank/generation';
import { pickByRule } from '@/lib/quiz/builder';
import { action } from '@/lib/server/endpoint';
import { field } from '@/lib/server/input';
import { bankQuestionsToManage, bankToCopy, bankToManage } from '@/lib/server/policy';
import { done, type Refusal, refuse } from '@/lib/server/result';
import { type Question, questionSchema, SKILLS } from '@/questions/schema';

const readingId = field.id('That reading');
const questionId = field.key(120, 'That question');
const bankPath = (reading: Reading) => `/teach/readings/${reading.id}/questions`;

/** A question written or edited as JSON, checked against the one format and the reading's sentences. */
function parseQuestionJson(json: string, fixed: Partial<Question>, reading: Reading): Question | Refusal {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return refuse('invalid', 'That is not valid JSON.', {
      fieldErrors: { json: ['That is not valid JSON.'] },
    });
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return refuse('invalid', 'Write the question as one JSON object.', {
      fieldErrors: { json: ['Write one JSON object.'] },
    });
  const parsed = questionSchema.safeParse({ ...raw, ...fixed });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const message = `${issue?.path.join('.') || 'question'}: ${issue?.message ?? 'invalid'}`;
    return refuse('invalid', message, { fieldErrors: { json: [message] } });
  }
  const sentences = new Set(reading.paragraphs.flatMap((p) => p.sentences.map((s) => s.id)));
  const missing = parsed.data.evidence.find((sid) => !sentences.has(sid));
  if (missing) return refuse('invalid', `Evidence ${missing} is not a sentence of this reading.`);
  return parsed.data;
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

/** Saves an edited question (as JSON in the one question format); it must still pass the schema and point at real sentences. */
export const editQuestionAction = action({
  name: 'bank.editQuestion',
  input: z.object({ readingId, questionId, json: z.string().max(100_000, 'The question is too long.') }),
  rule: 'manage-bank',
  authorize: (user, input) =>
    bankQuestionsToManage(user, { readingId: input.readingId, questionIds: [input.questionId] }),
  run: async (input, { user, reading, rows: [row] }) => {
    if (!row) return refuse('not-found', 'That question is not in this bank.');
    const question = parseQuestionJson(input.json, { id: row.id, readingSlug: reading.slug }, reading);
    if ('message' in question) return question;
    await replaceQuestionData({ id: row.id, data: question, reviewerId: user.id });
    revalidatePath(bankPath(reading));
    return done('Question saved.');
  },
});

const DEFAULT_SETTINGS = {
  shuffleQuestions: false,
  shuffleOptions: true,
  attemptsAllowed: null,
  timeLimitMinutes: null,
  passMark: 70,
  feedback: 'after-submit',
  confidence: true,
} as const;

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
      settings: { ...DEFAULT_SETTINGS },
    });
    revalidatePath(bankPath(reading));
    return done(
      `Quiz “${input.title}” saved with ${questionIds.length} questions; assign it from a class page.`,
    );
  },
});

/** A question written by the instructor, in the one question format; it starts as a draft. */
export const createQuestionAction = action({
  name: 'bank.createQuestion',
  input: z.object({ readingId, json: z.string().max(100_000, 'The question is too long.') }),
  rule: 'manage-bank',
  authorize: (user, input) => bankToManage(user, input.readingId),
  run: async (input, { reading, bankOwnerId }) => {
    const id = `${reading.slug.slice(0, 80)}-mine-${crypto.randomUUID().slice(0, 8)}`;
    const question = parseQuestionJson(
      input.json,
      { id, readingSlug: reading.slug, source: 'authored', status: 'draft' },
      reading,
    );
    if ('message' in question) return question;
    await insertQuestion({ readingId: reading.id, ownerId: bankOwnerId, question });
    revalidatePath(bankPath(reading));
    return done('Question added as a draft: approve it when it is ready.');
  },
});
