'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createAssignment, getAssignment, saveAccommodation } from '@/db/queries/assignments';
import { regradeResponse } from '@/db/queries/class-progress';
import {
  addMember,
  createClass,
  getClassByJoinCode,
  getMembership,
  removeMember,
  setJoinCode,
} from '@/db/queries/classes';
import { getAttempt, getQuiz } from '@/db/queries/quizzes';
import { getReadingById } from '@/db/queries/readings';
import { getUserByEmail } from '@/db/queries/users';
import type { Class } from '@/db/schema';
import { currentUser, type SessionUser } from '@/lib/auth/session';
import { asInstructor } from '@/lib/classes/access';
import { newJoinCode, normaliseJoinCode } from '@/lib/classes/join-code';
import { type FormState, formText, invalidState } from '@/lib/form-state';

const ended: FormState = {
  status: 'forbidden',
  message: 'Your session has ended. Sign in again to continue.',
};
const notInstructor: FormState = {
  status: 'forbidden',
  message: 'Only the instructors of this class can do that.',
};

/** The signed-in instructor and their class, from the form's classId. */
async function instructorOf(
  formData: FormData,
): Promise<{ ok: false; refusal: FormState } | { ok: true; user: SessionUser; klass: Class }> {
  const user = await currentUser();
  if (!user) return { ok: false, refusal: ended };
  const klass = await asInstructor(String(formData.get('classId') ?? ''), user.id);
  return klass ? { ok: true, user, klass } : { ok: false, refusal: notInstructor };
}

export async function createClassAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  if (!user) return ended;
  const parsed = z
    .object({
      name: z.string().trim().min(1, 'Give the class a name.').max(120, 'Use at most 120 characters.'),
    })
    .safeParse(formText(formData, 'name'));
  if (!parsed.success) return invalidState(parsed.error);
  const created = await createClass({ name: parsed.data.name, userId: user.id, joinCode: newJoinCode() });
  redirect(`/classes/${created.id}`);
}

export async function joinClassAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  if (!user) return ended;
  const code = normaliseJoinCode(String(formData.get('code') ?? ''));
  if (!/^[A-Z0-9]{4}-?[A-Z0-9]{4}$/.test(code) && !/^[A-Z0-9-]{4,20}$/.test(code)) {
    return {
      status: 'invalid',
      message: 'A join code looks like K7QM-3XPD.',
      fieldErrors: { code: ['A join code looks like K7QM-3XPD.'] },
    };
  }
  const klass =
    (await getClassByJoinCode({ joinCode: code })) ??
    (await getClassByJoinCode({ joinCode: `${code.slice(0, 4)}-${code.slice(4)}` }));
  if (!klass) {
    return {
      status: 'invalid',
      message: 'No class has that join code. Check it with your instructor; it may have been changed.',
    };
  }
  if (!(await getMembership({ classId: klass.id, userId: user.id }))) {
    await addMember({ classId: klass.id, userId: user.id, role: 'student' });
  }
  redirect(`/classes/${klass.id}`);
}

export async function changeJoinCodeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const found = await instructorOf(formData);
  if (!found.ok) return found.refusal;
  const turnOff = formData.get('mode') === 'off';
  await setJoinCode({ classId: found.klass.id, joinCode: turnOff ? null : newJoinCode() });
  revalidatePath(`/classes/${found.klass.id}`);
  return {
    status: 'ok',
    message: turnOff ? 'Joining by code is off.' : 'A new join code is ready; the old one no longer works.',
  };
}

export async function removeStudentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const found = await instructorOf(formData);
  if (!found.ok) return found.refusal;
  const userId = String(formData.get('userId') ?? '');
  const membership = await getMembership({ classId: found.klass.id, userId });
  if (membership?.role !== 'student')
    return { status: 'invalid', message: 'That person is not a student of this class.' };
  await removeMember({ classId: found.klass.id, userId });
  revalidatePath(`/classes/${found.klass.id}`);
  return { status: 'ok', message: 'Student removed. Their past work stays in your records.' };
}

/** The same, for a plain form in each roster row (no client component per student). */
export async function removeStudentFormAction(formData: FormData): Promise<void> {
  await removeStudentAction({ status: 'idle' }, formData);
}

export async function addCoInstructorAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const found = await instructorOf(formData);
  if (!found.ok) return found.refusal;
  const email = z.email().safeParse(
    String(formData.get('email') ?? '')
      .trim()
      .toLowerCase(),
  );
  if (!email.success) return { status: 'invalid', message: 'Enter the email of a Statecraft account.' };
  const person = await getUserByEmail({ email: email.data });
  if (!person)
    return { status: 'invalid', message: 'No account uses that email. Ask them to sign up first.' };
  const existing = await getMembership({ classId: found.klass.id, userId: person.id });
  if (existing?.role === 'instructor')
    return { status: 'ok', message: `${person.name ?? person.email} already teaches this class.` };
  if (existing) await removeMember({ classId: found.klass.id, userId: person.id });
  await addMember({ classId: found.klass.id, userId: person.id, role: 'instructor' });
  revalidatePath(`/classes/${found.klass.id}`);
  return { status: 'ok', message: `${person.name ?? person.email} now teaches this class.` };
}

const optionalDate = z
  .string()
  .transform((v) => (v ? new Date(`${v}Z`) : null))
  .refine((d) => d === null || !Number.isNaN(d.getTime()), 'Enter a valid date and time.');
const optionalInt = (max: number) =>
  z
    .string()
    .transform((v) => (v.trim() ? Number(v) : null))
    .refine(
      (n) => n === null || (Number.isInteger(n) && n > 0 && n <= max),
      `Enter a whole number from 1 to ${max}, or leave it empty.`,
    );

const assignmentSchema = z
  .object({
    quizId: z.string().uuid('Choose a quiz.'),
    title: z.string().trim().max(200),
    opensAt: optionalDate,
    dueAt: optionalDate,
    attemptsAllowed: optionalInt(20),
    timeLimitMinutes: optionalInt(600),
    latePolicy: z.enum(['accept', 'penalty', 'refuse']),
    penaltyPercent: z
      .string()
      .transform((v) => Number(v || 0))
      .pipe(z.number().min(0).max(100)),
    feedbackRelease: z.enum(['after-submit', 'after-due']),
  })
  .refine((a) => !a.opensAt || !a.dueAt || a.opensAt < a.dueAt, {
    message: 'The due date must come after the opening date.',
    path: ['dueAt'],
  });

export async function createAssignmentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const found = await instructorOf(formData);
  if (!found.ok) return found.refusal;
  const parsed = assignmentSchema.safeParse(
    formText(
      formData,
      'quizId',
      'title',
      'opensAt',
      'dueAt',
      'attemptsAllowed',
      'timeLimitMinutes',
      'latePolicy',
      'penaltyPercent',
      'feedbackRelease',
    ),
  );
  if (!parsed.success) return invalidState(parsed.error);
  const quiz = await getQuiz({ quizId: parsed.data.quizId });
  const reading = quiz ? await getReadingById({ id: quiz.readingId }) : null;
  if (!quiz || reading?.status !== 'published')
    return { status: 'invalid', message: 'Choose a quiz on a published reading.' };
  const { latePolicy, penaltyPercent, ...rest } = parsed.data;
  await createAssignment({
    ...rest,
    classId: found.klass.id,
    title: rest.title || quiz.title,
    latePolicy:
      latePolicy === 'penalty' ? { kind: 'penalty', percent: penaltyPercent } : { kind: latePolicy },
    createdBy: found.user.id,
  });
  revalidatePath(`/classes/${found.klass.id}`);
  return { status: 'ok', message: 'Assigned. Students see it on their home page.' };
}

export async function saveAccommodationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const found = await instructorOf(formData);
  if (!found.ok) return found.refusal;
  const assignment = await getAssignment({ assignmentId: String(formData.get('assignmentId') ?? '') });
  if (assignment?.classId !== found.klass.id)
    return { status: 'invalid', message: 'That assignment is not in this class.' };
  const parsed = z
    .object({
      userId: z.string().min(1),
      extraMinutes: z
        .string()
        .transform((v) => Number(v || 0))
        .pipe(z.number().int().min(0).max(600)),
      extraAttempts: z
        .string()
        .transform((v) => Number(v || 0))
        .pipe(z.number().int().min(0).max(20)),
      dueAt: optionalDate,
    })
    .safeParse(formText(formData, 'userId', 'extraMinutes', 'extraAttempts', 'dueAt'));
  if (!parsed.success) return invalidState(parsed.error);
  const membership = await getMembership({ classId: found.klass.id, userId: parsed.data.userId });
  if (membership?.role !== 'student')
    return { status: 'invalid', message: 'Choose a student of this class.' };
  await saveAccommodation({ assignmentId: assignment.id, ...parsed.data });
  revalidatePath(`/classes/${found.klass.id}/assignments/${assignment.id}`);
  return { status: 'ok', message: 'Accommodation saved; the student sees it with the assignment.' };
}

/** An instructor's grade for one answer, with a comment the student sees. */
export async function regradeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const found = await instructorOf(formData);
  if (!found.ok) return found.refusal;
  const attempt = await getAttempt({ attemptId: String(formData.get('attemptId') ?? '') });
  const assignment = attempt?.assignmentId
    ? await getAssignment({ assignmentId: attempt.assignmentId })
    : null;
  if (!attempt || assignment?.classId !== found.klass.id)
    return { status: 'invalid', message: 'That attempt is not in this class.' };
  const parsed = z
    .object({
      questionId: z.string().min(1),
      score: z
        .string()
        .transform(Number)
        .pipe(
          z
            .number({ error: 'Enter a score from 0 to 100.' })
            .min(0, 'Enter a score from 0 to 100.')
            .max(100, 'Enter a score from 0 to 100.'),
        ),
      comment: z.string().max(2000, 'Use at most 2,000 characters.'),
    })
    .safeParse(formText(formData, 'questionId', 'score', 'comment'));
  if (!parsed.success) return invalidState(parsed.error);
  if (!attempt.questionIds.includes(parsed.data.questionId))
    return { status: 'invalid', message: 'That question is not in this attempt.' };
  await regradeResponse({
    attemptId: attempt.id,
    questionId: parsed.data.questionId,
    score: parsed.data.score / 100,
    comment: parsed.data.comment.trim() || null,
    instructorId: found.user.id,
  });
  revalidatePath(`/classes/${found.klass.id}/attempts/${attempt.id}`);
  return { status: 'ok', message: 'Regraded; the student sees your grade and comment.' };
}
