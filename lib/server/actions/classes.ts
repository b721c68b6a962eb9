'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import {
  type AssignmentRules,
  createAssignment,
  deleteAssignment,
  saveAccommodation,
  setExcused,
  updateAssignment,
} from '@/db/queries/assignments';
import { storeInstructorGrades } from '@/db/queries/class-progress';
import {
  addMember,
  createClass,
  getMembership,
  removeMember,
  renameClass,
  setClassArchived,
  setClassTimeZone,
  setJoinCode,
} from '@/db/queries/classes';
import { getQuestionsByIds, getQuiz } from '@/db/queries/quizzes';
import { getReadingById } from '@/db/queries/readings';
import { getUserById } from '@/db/queries/users';
import { MAIL_NEEDS_AUTH_URL, mailOrigin } from '@/lib/auth/host';
import { clientIp } from '@/lib/auth/throttle';
import { gradesForGroup, isFreeText } from '@/lib/classes/answer-queue';
import { INVITATION_LIMITS, inviteCoInstructor } from '@/lib/classes/invitations';
import { joinByCode, newJoinCode, normaliseJoinCode } from '@/lib/classes/join-code';
import { readRemovalReceipt, removalReceipt } from '@/lib/classes/removal';
import { action } from '@/lib/server/endpoint';
import { dateInZone, field } from '@/lib/server/input';
import { assignmentToTeach, attemptToReview, classToTeach, mayAssignQuiz } from '@/lib/server/policy';
import { done, ok, refuse } from '@/lib/server/result';
import { formatDateTime, isTimeZone } from '@/lib/time';
import { POINT_STATUSES } from '@/questions/grade/credit';

const classId = field.id('That class');
const userId = z.string().min(1, 'Choose a person.').max(100, 'Choose a person.');

export const createClassAction = action({
  name: 'classes.create',
  input: z.object({ name: field.text(120, 'The class name') }),
  rule: 'signed-in',
  run: async (input, { user }) => {
    const created = await createClass({
      name: input.name,
      userId: user.id,
      joinCode: newJoinCode(),
      // The class starts in its instructor's zone; the class page changes it.
      timeZone: user.timeZone,
    });
    redirect(`/classes/${created.id}`);
  },
});

const JOIN_CODE = /^[A-Z0-9]{4}-?[A-Z0-9]{4}$|^[A-Z0-9-]{4,20}$/;

export const joinClassAction = action({
  name: 'classes.join',
  input: z.object({
    code: z
      .string({ error: 'A join code looks like K7QM-3XPD.' })
      .max(40, 'A join code looks like K7QM-3XPD.')
      .transform(normaliseJoinCode)
      .refine((code) => JOIN_CODE.test(code), 'A join code looks like K7QM-3XPD.'),
  }),
  rule: 'signed-in',
  run: async ({ code }, { user }) => {
    const joined = await joinByCode({ userId: user.id, code, ip: clientIp(await headers()) });
    if (joined.status !== 'ok') return joined;
    redirect(`/classes/${joined.data.id}`);
  },
});

export const changeJoinCodeAction = action({
  name: 'classes.changeJoinCode',
  input: z.object({ classId, mode: field.choice(['new', 'off']).default('new') }),
  rule: 'teach-class',
  authorize: (user, input) => classToTeach(user, input.classId),
  run: async (input, { klass }) => {
    const turnOff = input.mode === 'off';
    if (!turnOff && klass.archivedAt)
      return refuse(
        'conflict',
        'An archived class takes no new students: restore it in Class settings first.',
      );
    await setJoinCode({ classId: klass.id, joinCode: turnOff ? null : newJoinCode() });
    revalidatePath(`/classes/${klass.id}`);
    return done(
      turnOff ? 'Joining by code is off.' : 'A new join code is ready; the old one no longer works.',
    );
  },
});

/** Ends a course (read-only, listed apart, join code off) or brings it back. */
export const archiveClassAction = action({
  name: 'classes.archive',
  input: z.object({ classId, archived: field.checkbox() }),
  rule: 'teach-class',
  authorize: (user, input) => classToTeach(user, input.classId),
  run: async (input, { klass }) => {
    await setClassArchived({ classId: klass.id, archived: input.archived });
    revalidatePath(`/classes/${klass.id}`);
    revalidatePath('/classes');
    return done(
      input.archived
        ? 'Archived. Students keep their results; no new attempts or joins. Turn joining on again after restoring it.'
        : 'Restored: the class is active again.',
    );
  },
});

export const renameClassAction = action({
  name: 'classes.rename',
  input: z.object({ classId, name: field.text(120, 'The class name') }),
  rule: 'teach-class',
  authorize: (user, input) => classToTeach(user, input.classId),
  run: async (input, { klass }) => {
    await renameClass({ classId: klass.id, name: input.name });
    revalidatePath(`/classes/${klass.id}`);
    revalidatePath('/classes');
    return done(`Renamed to “${input.name}”.`);
  },
});

/** The class's time zone: due dates are typed in it, and shown in it to its instructors. */
export const setClassTimeZoneAction = action({
  name: 'classes.setTimeZone',
  input: z.object({
    classId,
    timeZone: z.string().max(64).refine(isTimeZone, 'Choose a time zone from the list.'),
  }),
  rule: 'teach-class',
  authorize: (user, input) => classToTeach(user, input.classId),
  run: async (input, { klass }) => {
    await setClassTimeZone({ classId: klass.id, timeZone: input.timeZone });
    revalidatePath(`/classes/${klass.id}`);
    return done(`Due dates of this class are now typed in ${input.timeZone} time.`);
  },
});

export const removeStudentAction = action({
  name: 'classes.removeStudent',
  input: z.object({ classId, userId }),
  rule: 'teach-class',
  authorize: (user, input) => classToTeach(user, input.classId),
  run: async (input, { klass }) => {
    const membership = await getMembership({ classId: klass.id, userId: input.userId });
    if (membership?.role !== 'student')
      return refuse('invalid', 'That person is not a student of this class.');
    await removeMember({ classId: klass.id, userId: input.userId });
    revalidatePath(`/classes/${klass.id}`);
    const undo = await removalReceipt({
      classId: klass.id,
      userId: input.userId,
      joinedAt: membership.joinedAt,
      removedAt: new Date(),
    });
    return ok({ undo }, 'Student removed. Their submitted work stays in your records.');
  },
});

/** Undoes a removal: puts the student back, with their work and their first join date. */
export const restoreStudentAction = action({
  name: 'classes.restoreStudent',
  input: z.object({ classId, receipt: z.string().min(1, 'That undo link is not valid.').max(1000) }),
  rule: 'teach-class',
  authorize: (user, input) => classToTeach(user, input.classId),
  run: async (input, { klass }) => {
    const removal = await readRemovalReceipt(input.receipt, klass.id);
    if (!removal) return refuse('invalid', 'This removal can no longer be undone (undo lasts a day).');
    const current = await getMembership({ classId: klass.id, userId: removal.userId });
    if (!current)
      await addMember({
        classId: klass.id,
        userId: removal.userId,
        role: 'student',
        joinedAt: removal.joinedAt,
      });
    revalidatePath(`/classes/${klass.id}`);
    redirect(`/classes/${klass.id}`);
  },
});

export const addCoInstructorAction = action({
  name: 'classes.addCoInstructor',
  input: z.object({
    classId,
    email: z.string().trim().toLowerCase().max(254).pipe(z.email('Enter an email address.')),
  }),
  rule: 'teach-class',
  authorize: (user, input) => classToTeach(user, input.classId),
  run: async (input, { klass, user }) => {
    if (klass.archivedAt) return refuse('conflict', 'An archived class takes no one new: restore it first.');
    const requestHeaders = await headers();
    const origin = mailOrigin(requestHeaders);
    if (!origin) return refuse('forbidden', MAIL_NEEDS_AUTH_URL);
    const instructor = await getUserById({ id: user.id });
    if (!instructor) return refuse('unauthenticated', 'Your session has ended. Sign in again to continue.');
    const invited = await inviteCoInstructor({ klass, instructor, email: input.email, origin });
    if (invited.status === 'teaches') return done(`${input.email} already teaches this class.`);
    if (invited.status === 'mail-failed')
      return refuse(
        'unavailable',
        'We could not send the invitation just now. Please try again in a few minutes.',
      );
    if (invited.status === 'sent-recently')
      return refuse(
        'conflict',
        `${input.email} was invited less than a day ago: wait for them to accept it.`,
      );
    if (invited.status === 'over-budget')
      return refuse('rate-limited', 'You have sent as many invitations as a day allows. Try again tomorrow.');
    if (invited.status === 'sent-enough')
      return refuse(
        'conflict',
        `${input.email} has been invited ${INVITATION_LIMITS.sends} times already. Revoke the invitation below and invite them again to start over.`,
      );
    revalidatePath(`/classes/${klass.id}`);
    return done(
      `We have emailed an invitation to ${input.email}: they teach this class once they accept it (the link works for ${INVITATION_LIMITS.days} days).`,
    );
  },
});

const ruleFields = {
  title: z.string().trim().max(200, 'Use at most 200 characters.').default(''),
  opensAt: field.optionalDateTime(),
  dueAt: field.optionalDateTime(),
  attemptsAllowed: field.optionalInteger(1, 20),
  timeLimitMinutes: field.optionalInteger(1, 600),
  latePolicy: field.choice(['accept', 'penalty', 'refuse']),
  penaltyPercent: field.optionalInteger(0, 100, 'Enter a penalty'),
  feedbackRelease: field.choice(['after-submit', 'after-due']),
};
type RuleInput = z.output<z.ZodObject<typeof ruleFields>>;

/**
 * An assignment's rules from the form: dates read as the class's wall-clock time, the opening
 * before the due date, and a warning (not a refusal) for a due date already past.
 */
function assignmentRules(input: RuleInput, klass: { timeZone: string }, fallbackTitle: string) {
  const opensAt = dateInZone(input.opensAt, klass.timeZone);
  const dueAt = dateInZone(input.dueAt, klass.timeZone);
  if (opensAt && dueAt && opensAt >= dueAt)
    return refuse('invalid', 'The due date must come after the opening date.', {
      fieldErrors: { dueAt: ['The due date must come after the opening date.'] },
    });
  const rules: AssignmentRules = {
    title: input.title || fallbackTitle,
    opensAt,
    dueAt,
    attemptsAllowed: input.attemptsAllowed,
    timeLimitMinutes: input.timeLimitMinutes,
    latePolicy:
      input.latePolicy === 'penalty'
        ? { kind: 'penalty', percent: input.penaltyPercent ?? 0 }
        : { kind: input.latePolicy },
    feedbackRelease: input.feedbackRelease,
  };
  const warning =
    dueAt && dueAt < new Date()
      ? ` Note: its due date (${formatDateTime(dueAt, klass.timeZone)}) has already passed, so it shows as overdue.`
      : '';
  return { rules, warning };
}

export const createAssignmentAction = action({
  name: 'classes.createAssignment',
  input: z.object({ classId, quizId: field.id('Choose a quiz.'), ...ruleFields }),
  rule: 'teach-class',
  authorize: async (user, input) => {
    const access = await classToTeach(user, input.classId);
    if ('status' in access) return access;
    // The same rule as the form's list of quizzes: a default quiz, or one of your own.
    const quiz = await getQuiz({ quizId: input.quizId });
    const reading = quiz ? await getReadingById({ id: quiz.readingId }) : null;
    if (!quiz || !reading || !mayAssignQuiz(user, quiz, reading))
      return refuse(
        'invalid',
        'Choose a quiz of your own, or a reading’s default quiz, on a published reading.',
        {
          fieldErrors: { quizId: ['Choose one of the quizzes listed.'] },
        },
      );
    return { ...access, quiz };
  },
  run: async (input, { user, klass, quiz }) => {
    const resolved = assignmentRules(input, klass, quiz.title);
    if ('status' in resolved) return resolved;
    await createAssignment({ ...resolved.rules, classId: klass.id, quizId: quiz.id, createdBy: user.id });
    revalidatePath(`/classes/${klass.id}`);
    return done(`Assigned. Students see it on their home page.${resolved.warning}`);
  },
});

const assignmentRef = { classId, assignmentId: field.id('That assignment') };

/** New dates, attempts, time limit, late policy or feedback release for an assignment. */
export const updateAssignmentAction = action({
  name: 'classes.updateAssignment',
  input: z.object({ ...assignmentRef, ...ruleFields }),
  rule: 'teach-class',
  authorize: (user, input) => assignmentToTeach(user, input),
  run: async (input, { klass, assignment }) => {
    const resolved = assignmentRules(input, klass, assignment.title);
    if ('status' in resolved) return resolved;
    await updateAssignment({ assignmentId: assignment.id, rules: resolved.rules });
    revalidatePath(`/classes/${klass.id}`);
    revalidatePath(`/classes/${klass.id}/assignments/${assignment.id}`);
    return done(
      `Saved. Students see the new settings now; work already submitted keeps its grade.${resolved.warning}`,
    );
  },
});

/** The same quiz and rules as a new assignment (for another week, or another try). */
export const duplicateAssignmentAction = action({
  name: 'classes.duplicateAssignment',
  input: z.object(assignmentRef),
  rule: 'teach-class',
  authorize: (user, input) => assignmentToTeach(user, input),
  run: async (_input, { user, klass, assignment }) => {
    const { id: _id, createdAt: _c, createdBy: _b, ...rest } = assignment;
    const copy = await createAssignment({
      ...rest,
      title: `${assignment.title} (copy)`.slice(0, 200),
      createdBy: user.id,
    });
    revalidatePath(`/classes/${klass.id}`);
    redirect(`/classes/${klass.id}/assignments/${copy.id}?notice=duplicated`);
  },
});

/** Deletes an assignment and, as the confirmation said, the work submitted to it. */
export const deleteAssignmentAction = action({
  name: 'classes.deleteAssignment',
  input: z.object(assignmentRef),
  rule: 'teach-class',
  authorize: (user, input) => assignmentToTeach(user, input),
  run: async (_input, { klass, assignment }) => {
    await deleteAssignment({ assignmentId: assignment.id });
    revalidatePath(`/classes/${klass.id}`);
    return ok({ href: `/classes/${klass.id}` }, `Deleted “${assignment.title}”.`);
  },
});

export const saveAccommodationAction = action({
  name: 'classes.saveAccommodation',
  input: z.object({
    classId,
    assignmentId: field.id('That assignment'),
    userId,
    extraMinutes: field.optionalInteger(0, 600).transform((v) => v ?? 0),
    extraAttempts: field.optionalInteger(0, 20).transform((v) => v ?? 0),
    dueAt: field.optionalDateTime(),
  }),
  rule: 'teach-class',
  authorize: (user, input) => assignmentToTeach(user, input),
  run: async (input, { klass, assignment }) => {
    const membership = await getMembership({ classId: klass.id, userId: input.userId });
    if (membership?.role !== 'student') return refuse('invalid', 'Choose a student of this class.');
    await saveAccommodation({
      assignmentId: assignment.id,
      userId: input.userId,
      extraMinutes: input.extraMinutes,
      extraAttempts: input.extraAttempts,
      dueAt: dateInZone(input.dueAt, klass.timeZone),
    });
    revalidatePath(`/classes/${klass.id}/assignments/${assignment.id}`);
    return done('Accommodation saved; the student sees it with the assignment.');
  },
});

/** An instructor's grade for one answer, with a comment the student sees. */
export const regradeAction = action({
  name: 'classes.regrade',
  input: z.object({
    classId,
    attemptId: field.id('That attempt'),
    questionId: field.key(120, 'That question'),
    score: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v),
      z
        .number({ error: 'Enter a score from 0 to 100.' })
        .min(0, 'Enter a score from 0 to 100.')
        .max(100, 'Enter a score from 0 to 100.'),
    ),
    comment: z.string().max(2000, 'Use at most 2,000 characters.').default(''),
  }),
  rule: 'review-attempt',
  authorize: (user, input) => attemptToReview(user, input),
  run: async (input, { user, klass, attempt }) => {
    if (attempt.status !== 'submitted')
      return refuse('conflict', 'Only a submitted attempt can be regraded.');
    if (!attempt.questionIds.includes(input.questionId))
      return refuse('invalid', 'That question is not in this attempt.');
    await storeInstructorGrades({
      grades: [
        { attemptId: attempt.id, questionId: input.questionId, score: input.score / 100, keyPoints: null },
      ],
      comment: input.comment.trim() || null,
      instructorId: user.id,
    });
    revalidatePath(`/classes/${klass.id}/attempts/${attempt.id}`);
    return done('Regraded; the student sees your grade and comment.');
  },
});

/**
 * One decision over a group of answers in the answer queue: the instructor's verdict on each key
 * point applies to every answer chosen, each scored from the verdicts (and, for
 * claim-evidence-reasoning, its own evidence), and each becomes an example the grader learns from.
 */
export const gradeAnswerGroupAction = action({
  name: 'classes.gradeAnswerGroup',
  input: z.object({
    classId,
    assignmentId: field.id('That assignment'),
    questionId: field.key(120, 'That question'),
    attemptIds: z
      .array(field.id('That answer'), { error: 'Choose the answers to grade.' })
      .min(1, 'Choose the answers to grade.')
      .max(1000, 'Grade at most 1,000 answers at once.'),
    verdicts: z.record(
      field.key(120, 'That key point'),
      z.enum(POINT_STATUSES, 'Say met, partly or missed.'),
    ),
    comment: z.string().max(2000, 'Use at most 2,000 characters.').default(''),
  }),
  rule: 'teach-class',
  authorize: (user, input) => assignmentToTeach(user, input),
  run: async (input, { user, klass, assignment }) => {
    const quiz = await getQuiz({ quizId: assignment.quizId });
    const row = quiz?.questionIds.includes(input.questionId)
      ? (await getQuestionsByIds({ ids: [input.questionId] })).get(input.questionId)
      : undefined;
    if (!row || !isFreeText(row.data))
      return refuse('invalid', 'That question is not a free-text question of this assignment.');
    const question = row.data;
    const pointIds = question.rubric.keyPoints.map((k) => k.id);
    if (
      pointIds.some((id) => !input.verdicts[id]) ||
      Object.keys(input.verdicts).some((id) => !pointIds.includes(id))
    )
      return refuse('invalid', 'Say met, partly or missed for each key point.');
    const attemptIds = [...new Set(input.attemptIds)];
    const grades = await gradesForGroup({
      assignmentId: assignment.id,
      question,
      attemptIds,
      verdicts: input.verdicts,
    });
    if (!grades) return refuse('invalid', 'Only submitted answers to this assignment can be graded.');
    await storeInstructorGrades({
      grades,
      comment: input.comment.trim() || null,
      instructorId: user.id,
    });
    revalidatePath(`/classes/${klass.id}`);
    return done(attemptIds.length === 1 ? 'Graded 1 answer.' : `Graded ${attemptIds.length} answers.`);
  },
});

/** Excuses a student from an assignment (or takes it back): not missing, not in averages. */
export const excuseStudentAction = action({
  name: 'classes.excuse',
  input: z.object({
    classId,
    assignmentId: field.id('That assignment'),
    userId,
    excused: field.checkbox(),
  }),
  rule: 'teach-class',
  authorize: (user, input) => assignmentToTeach(user, input),
  run: async (input, { klass, assignment }) => {
    const membership = await getMembership({ classId: klass.id, userId: input.userId });
    if (membership?.role !== 'student') return refuse('invalid', 'Choose a student of this class.');
    await setExcused({ assignmentId: assignment.id, userId: input.userId, excused: input.excused });
    revalidatePath(`/classes/${klass.id}/assignments/${assignment.id}`);
    return done(
      input.excused
        ? 'Excused: this assignment is not missing and does not count in their average. Any work they submit is kept.'
        : 'No longer excused: the assignment counts again.',
    );
  },
});
