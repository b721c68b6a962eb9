'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { teachesAnyClass } from '@/db/queries/classes';
import {
  getQuestionRow,
  insertGeneratedQuestions,
  listReadingQuestions,
  replaceQuestionData,
  setQuestionStatus,
  upsertAuthoredQuestions,
} from '@/db/queries/questions';
import { insertQuiz } from '@/db/queries/quizzes';
import { getReadingById } from '@/db/queries/readings';
import type { Reading } from '@/db/schema';
import { currentUser } from '@/lib/auth/session';
import type { FormState } from '@/lib/form-state';
import { pickByRule } from '@/lib/quiz/builder';
import { canManageQuestions } from '@/lib/reading/access';
import { defaultProvider } from '@/questions/providers';
import { questionSchema, SKILLS } from '@/questions/schema';

const ended: FormState = {
  status: 'forbidden',
  message: 'Your session has ended. Sign in again to continue.',
};
const refused: FormState = {
  status: 'forbidden',
  message: 'You cannot review the questions of this reading.',
};

async function managedReading(
  formData: FormData,
): Promise<{ reading: Reading; userId: string } | { refusal: FormState }> {
  const user = await currentUser();
  if (!user) return { refusal: ended };
  const id = z.string().uuid().safeParse(formData.get('readingId'));
  if (!id.success) return { refusal: { status: 'invalid', message: 'No reading was named.' } };
  const reading = await getReadingById({ id: id.data });
  if (!reading || !canManageQuestions(reading, user.id, await teachesAnyClass({ userId: user.id })))
    return { refusal: refused };
  return { reading, userId: user.id };
}

const bankPath = (reading: Reading) => `/teach/readings/${reading.id}/questions`;

/** Runs the question generator on the reading; new questions arrive as drafts to review. */
export async function generateQuestionsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const found = await managedReading(formData);
  if ('refusal' in found) return found.refusal;
  const { reading } = found;
  const provider = defaultProvider();
  let report: Awaited<ReturnType<typeof provider.generate>>;
  try {
    report = await provider.generate(
      {
        title: reading.title,
        author: reading.author,
        authorNote: reading.authorNote,
        source: reading.source,
        publishedOn: reading.publishedOn,
        paragraphs: reading.paragraphs,
        sections: reading.sections,
        wordCount: reading.wordCount,
        readingMinutes: reading.readingMinutes,
      },
      { readingSlug: reading.slug },
    );
  } catch (error) {
    console.error('[questions] generation failed', error);
    return {
      status: 'error',
      message: `The ${provider.name} question generator failed. Try again, or write questions by hand.`,
    };
  }
  const added = await insertGeneratedQuestions({ readingId: reading.id, generated: report.questions });
  revalidatePath(bankPath(reading));
  const kept = report.questions.length;
  return {
    status: 'ok',
    message:
      added === kept
        ? `${added} new draft questions to review (${report.candidates} written, ${report.candidates - report.passed} rejected by the checks).`
        : `${added} new draft questions to review; ${kept - added} were already in the bank.`,
  };
}

const STATUS = z.enum(['draft', 'approved', 'retired']);

/** Approve, send back to draft, or retire (reject) a question. */
export async function setQuestionStatusAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const found = await managedReading(formData);
  if ('refusal' in found) return found.refusal;
  const input = z.object({ questionId: z.string().min(1).max(120), status: STATUS }).safeParse({
    questionId: formData.get('questionId'),
    status: formData.get('status'),
  });
  if (!input.success) return { status: 'invalid', message: 'Choose a question and a status.' };
  const row = await getQuestionRow({ id: input.data.questionId });
  if (!row || row.readingId !== found.reading.id)
    return { status: 'invalid', message: 'That question is not in this bank.' };
  await setQuestionStatus({ id: row.id, status: input.data.status, reviewerId: found.userId });
  revalidatePath(bankPath(found.reading));
  revalidatePath(`/readings/${found.reading.slug}`);
  const words = {
    approved: 'Approved: students can now see it.',
    retired: 'Rejected: students will not see it.',
    draft: 'Back to draft.',
  };
  return { status: 'ok', message: words[input.data.status] };
}

/** Saves an edited question (as JSON in the one question format); it must still pass the schema and point at real sentences. */
export async function editQuestionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const found = await managedReading(formData);
  if ('refusal' in found) return found.refusal;
  const questionId = String(formData.get('questionId') ?? '');
  const row = await getQuestionRow({ id: questionId });
  if (!row || row.readingId !== found.reading.id)
    return { status: 'invalid', message: 'That question is not in this bank.' };
  let raw: unknown;
  try {
    raw = JSON.parse(String(formData.get('json') ?? ''));
  } catch {
    return { status: 'invalid', message: 'That is not valid JSON.' };
  }
  const parsed = questionSchema.safeParse({
    ...(raw as object),
    id: row.id,
    readingSlug: found.reading.slug,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      status: 'invalid',
      message: `${issue?.path.join('.') || 'question'}: ${issue?.message ?? 'invalid'}`,
    };
  }
  const sentences = new Set(found.reading.paragraphs.flatMap((p) => p.sentences.map((s) => s.id)));
  const missing = parsed.data.evidence.find((id) => !sentences.has(id));
  if (missing)
    return { status: 'invalid', message: `Evidence ${missing} is not a sentence of this reading.` };
  await replaceQuestionData({ id: row.id, data: parsed.data, reviewerId: found.userId });
  revalidatePath(bankPath(found.reading));
  return { status: 'ok', message: 'Question saved.' };
}

const DEFAULT_SETTINGS = {
  shuffleQuestions: false,
  shuffleOptions: true,
  attemptsAllowed: null,
  timeLimitMinutes: null,
  passMark: 70,
  feedback: 'after-submit',
  confidence: true,
} as const;

/** Builds a quiz from approved questions: the ones ticked, or so many per skill. */
export async function buildQuizAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const found = await managedReading(formData);
  if ('refusal' in found) return found.refusal;
  const title = String(formData.get('title') ?? '').trim();
  if (!title || title.length > 200)
    return { status: 'invalid', message: 'Give the quiz a title (up to 200 characters).' };
  const approved = (await listReadingQuestions({ readingId: found.reading.id, statuses: ['approved'] })).map(
    (r) => r.data,
  );
  let questionIds: string[];
  if (formData.get('mode') === 'rule') {
    const perSkill: Partial<Record<(typeof SKILLS)[number], number>> = {};
    for (const skill of SKILLS) {
      const wanted = Number(formData.get(`perSkill:${skill}`) || 0);
      if (!Number.isInteger(wanted) || wanted < 0 || wanted > 50) {
        return { status: 'invalid', message: 'Ask for a whole number of questions per skill, up to 50.' };
      }
      if (wanted > 0) perSkill[skill] = wanted;
    }
    const picked = pickByRule(approved, perSkill, `${found.reading.id}:${title}`);
    if (!picked.ok) return { status: 'invalid', message: picked.message };
    questionIds = picked.questionIds;
  } else {
    const ids = new Set(approved.map((q) => q.id));
    questionIds = formData
      .getAll('questionId')
      .filter((v): v is string => typeof v === 'string' && ids.has(v));
    if (questionIds.length === 0)
      return { status: 'invalid', message: 'Tick at least one approved question.' };
  }
  await insertQuiz({
    readingId: found.reading.id,
    title,
    createdBy: found.userId,
    questionIds,
    settings: { ...DEFAULT_SETTINGS },
  });
  revalidatePath(bankPath(found.reading));
  return {
    status: 'ok',
    message: `Quiz “${title}” saved with ${questionIds.length} questions; assign it from a class page.`,
  };
}

/** A question written by the instructor, in the one question format; it starts as a draft. */
export async function createQuestionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const found = await managedReading(formData);
  if ('refusal' in found) return found.refusal;
  let raw: unknown;
  try {
    raw = JSON.parse(String(formData.get('json') ?? ''));
  } catch {
    return { status: 'invalid', message: 'That is not valid JSON.' };
  }
  const id = `${found.reading.slug}-mine-${crypto.randomUUID().slice(0, 8)}`;
  const parsed = questionSchema.safeParse({
    ...(raw as object),
    id,
    readingSlug: found.reading.slug,
    source: 'authored',
    status: 'draft',
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      status: 'invalid',
      message: `${issue?.path.join('.') || 'question'}: ${issue?.message ?? 'invalid'}`,
    };
  }
  const sentences = new Set(found.reading.paragraphs.flatMap((p) => p.sentences.map((s) => s.id)));
  const missing = parsed.data.evidence.find((sid) => !sentences.has(sid));
  if (missing)
    return { status: 'invalid', message: `Evidence ${missing} is not a sentence of this reading.` };
  await upsertAuthoredQuestions({ readingId: found.reading.id, bank: [parsed.data] });
  revalidatePath(bankPath(found.reading));
  return { status: 'ok', message: 'Question added as a draft: approve it when it is ready.' };
}
