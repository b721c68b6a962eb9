import 'server-only';
import { isDeepStrictEqual } from 'node:util';
import { and, asc, count, desc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { rebuildAssignmentResults, standingColumns } from '@/db/queries/assignment-results';
import {
  type Assignment,
  accommodations,
  assignmentResults,
  assignments,
  attempts,
  classes,
  classMembers,
  type LatePolicy,
  quizzes,
  readings,
} from '@/db/schema';

export async function getAssignment({ assignmentId }: { assignmentId: string }): Promise<Assignment | null> {
  const db = await getDb();
  const [row] = await db.select().from(assignments).where(eq(assignments.id, assignmentId)).limit(1);
  return row ?? null;
}

export async function createAssignment(values: {
  classId: string;
  quizId: string;
  title: string;
  opensAt: Date | null;
  dueAt: Date | null;
  attemptsAllowed: number | null;
  timeLimitMinutes: number | null;
  latePolicy: LatePolicy;
  feedbackRelease: 'after-submit' | 'after-due';
  createdBy: string;
}) {
  const db = await getDb();
  const [row] = await db.insert(assignments).values(values).returning();
  return row!;
}

export type AssignmentRules = Pick<
  Assignment,
  'title' | 'opensAt' | 'dueAt' | 'attemptsAllowed' | 'timeLimitMinutes' | 'latePolicy' | 'feedbackRelease'
>;

/** Changes an assignment's rules; attempts already made keep their grades and deadlines. */
export async function updateAssignment({
  assignmentId,
  rules,
}: {
  assignmentId: string;
  rules: AssignmentRules;
}) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ latePolicy: assignments.latePolicy })
      .from(assignments)
      .where(eq(assignments.id, assignmentId))
      .for('update');
    await tx.update(assignments).set(rules).where(eq(assignments.id, assignmentId));
    // A new late policy moves counted scores, and may change which attempt counts; a new due
    // date or title moves nothing kept (a class's assignment has thousands of answers to reread).
    if (before && !isDeepStrictEqual(before.latePolicy, rules.latePolicy))
      await rebuildAssignmentResults(tx, [assignmentId]);
  });
}

/** What deleting an assignment takes with it: its attempts and the students who made them. */
export async function assignmentWork({ assignmentId }: { assignmentId: string }) {
  const db = await getDb();
  const [row] = await db
    .select({
      attempts: count(),
      submitted: sql<number>`count(*) filter (where ${attempts.status} = 'submitted')`.mapWith(Number),
      students: sql<number>`count(distinct ${attempts.userId})`.mapWith(Number),
    })
    .from(attempts)
    .where(eq(attempts.assignmentId, assignmentId));
  return row ?? { attempts: 0, submitted: 0, students: 0 };
}

/** Deletes an assignment with its attempts, answers and accommodations. */
export async function deleteAssignment({ assignmentId }: { assignmentId: string }) {
  const db = await getDb();
  await db.delete(assignments).where(eq(assignments.id, assignmentId));
}

/** A class's assignments with their quiz and reading. */
export async function listClassAssignments({ classId }: { classId: string }) {
  const db = await getDb();
  return db
    .select({
      assignment: assignments,
      quizTitle: quizzes.title,
      quizSettings: quizzes.settings,
      questionCount: sql<number>`jsonb_array_length(${quizzes.questionIds})`.mapWith(Number),
      readingSlug: readings.slug,
      readingTitle: readings.title,
    })
    .from(assignments)
    .innerJoin(quizzes, eq(quizzes.id, assignments.quizId))
    .innerJoin(readings, eq(readings.id, quizzes.readingId))
    .where(eq(assignments.classId, classId))
    .orderBy(asc(assignments.dueAt), asc(assignments.createdAt));
}

/**
 * The assignments of the classes this user teaches (archived ones left out) due after `from` and
 * before `until`, soonest first, with the class's name and time zone.
 */
export async function listAssignmentsDueBetween({
  instructorId,
  from,
  until,
}: {
  instructorId: string;
  from: Date;
  until: Date;
}) {
  const db = await getDb();
  return db
    .select({
      classId: classes.id,
      className: classes.name,
      timeZone: classes.timeZone,
      assignmentId: assignments.id,
      title: assignments.title,
      dueAt: assignments.dueAt,
    })
    .from(classMembers)
    .innerJoin(classes, eq(classes.id, classMembers.classId))
    .innerJoin(assignments, eq(assignments.classId, classes.id))
    .where(
      and(
        eq(classMembers.userId, instructorId),
        eq(classMembers.role, 'instructor'),
        isNull(classes.archivedAt),
        gt(assignments.dueAt, from),
        lt(assignments.dueAt, until),
      ),
    )
    .orderBy(asc(assignments.dueAt), asc(assignments.createdAt));
}

export async function getAccommodation({ assignmentId, userId }: { assignmentId: string; userId: string }) {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(accommodations)
    .where(and(eq(accommodations.assignmentId, assignmentId), eq(accommodations.userId, userId)))
    .limit(1);
  return row ?? null;
}

export async function listAccommodations({ assignmentId }: { assignmentId: string }) {
  const db = await getDb();
  return db.select().from(accommodations).where(eq(accommodations.assignmentId, assignmentId));
}

export async function saveAccommodation(values: {
  assignmentId: string;
  userId: string;
  extraMinutes: number;
  extraAttempts: number;
  dueAt: Date | null;
}) {
  const db = await getDb();
  await db
    .insert(accommodations)
    .values(values)
    .onConflictDoUpdate({
      target: [accommodations.assignmentId, accommodations.userId],
      set: { extraMinutes: values.extraMinutes, extraAttempts: values.extraAttempts, dueAt: values.dueAt },
    });
}

/** Excuses a student from an assignment, or takes the excuse back; their other accommodations stay. */
export async function setExcused(values: { assignmentId: string; userId: string; excused: boolean }) {
  const db = await getDb();
  await db
    .insert(accommodations)
    .values(values)
    .onConflictDoUpdate({
      target: [accommodations.assignmentId, accommodations.userId],
      set: { excused: values.excused },
    });
}

/** Every assignment of every class the student is in, with their own attempts, standing and accommodation. */
export async function listStudentAssignments({ userId }: { userId: string }) {
  const db = await getDb();
  const rows = await db
    .select({
      assignment: assignments,
      className: classes.name,
      readingTitle: readings.title,
      quizSettings: quizzes.settings,
      accommodation: accommodations,
      standing: standingColumns,
    })
    .from(classMembers)
    .innerJoin(classes, eq(classes.id, classMembers.classId))
    .innerJoin(assignments, eq(assignments.classId, classes.id))
    .innerJoin(quizzes, eq(quizzes.id, assignments.quizId))
    .innerJoin(readings, eq(readings.id, quizzes.readingId))
    .leftJoin(
      accommodations,
      and(eq(accommodations.assignmentId, assignments.id), eq(accommodations.userId, userId)),
    )
    .leftJoin(
      assignmentResults,
      and(eq(assignmentResults.assignmentId, assignments.id), eq(assignmentResults.userId, userId)),
    )
    .where(and(eq(classMembers.userId, userId), eq(classMembers.role, 'student')))
    .orderBy(asc(assignments.dueAt));
  const ids = rows.map((r) => r.assignment.id);
  const mine = ids.length
    ? await db
        .select()
        .from(attempts)
        .where(and(eq(attempts.userId, userId), inArray(attempts.assignmentId, ids)))
        .orderBy(desc(attempts.number))
    : [];
  return rows.map((r) => ({ ...r, attempts: mine.filter((a) => a.assignmentId === r.assignment.id) }));
}

/** Quizzes an instructor can assign: every published reading's default quiz, and quizzes they built. */
export async function listAssignableQuizzes({ userId }: { userId: string }) {
  const db = await getDb();
  return db
    .select({
      id: quizzes.id,
      title: quizzes.title,
      readingTitle: readings.title,
      questionCount: sql<number>`jsonb_array_length(${quizzes.questionIds})`.mapWith(Number),
      /** A reading's default quiz: anyone who can open the reading may take it on their own, answers included. */
      openToSelfStudy: quizzes.isDefault,
    })
    .from(quizzes)
    .innerJoin(readings, eq(readings.id, quizzes.readingId))
    .where(
      and(eq(readings.status, 'published'), sql`(${quizzes.isDefault} or ${quizzes.createdBy} = ${userId})`),
    )
    .orderBy(asc(readings.title), asc(quizzes.title));
}
