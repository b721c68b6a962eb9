import 'server-only';
import {
  and,
  type Column,
  count,
  desc,
  eq,
  getTableColumns,
  inArray,
  isNotNull,
  type SQL,
  sql,
} from 'drizzle-orm';
import { getDb } from '@/db';
import { jsonColumns, selectAsJson } from '@/db/json-rows';
import { refreshAssignmentResult } from '@/db/queries/assignment-results';
import {
  type Accommodation,
  accommodations,
  assignments,
  attemptResponses,
  attempts,
  classMembers,
  effectiveScore,
  type KeyPointVerdicts,
  questions,
  users,
} from '@/db/schema';

/**
 * `column = any($1)` with the ids as one array parameter: a class's attempts run to tens of
 * thousands, and `inArray` sends one parameter per id, which PostgreSQL refuses past 65,535.
 */
const isAnyOf = (column: Column, ids: string[]): SQL => sql`${column} = any(${sql.param(ids)}::text[])`;

/** The class's students. */
export async function listStudents({
  classId,
}: {
  classId: string;
}): Promise<{ userId: string; name: string | null; email: string }[]> {
  const db = await getDb();
  // Read as one JSON value (db/json-rows.ts): a lecture class has a thousand.
  return selectAsJson(
    db,
    sql`select ${jsonColumns({ userId: users.id, name: users.name, email: users.email })}
      from ${classMembers} join ${users} on ${users.id} = ${classMembers.userId}
      where ${and(eq(classMembers.classId, classId), eq(classMembers.role, 'student'))}`,
    sql`q.name, q.email`,
  );
}

/** Every attempt at the given assignments (the gradebook's raw material). */
export async function listAssignmentAttempts({ assignmentIds }: { assignmentIds: string[] }) {
  if (assignmentIds.length === 0) return [];
  const db = await getDb();
  return db
    .select({
      id: attempts.id,
      assignmentId: attempts.assignmentId,
      userId: attempts.userId,
      number: attempts.number,
      status: attempts.status,
      score: attempts.score,
      late: attempts.late,
      startedAt: attempts.startedAt,
      submittedAt: attempts.submittedAt,
    })
    .from(attempts)
    .where(inArray(attempts.assignmentId, assignmentIds));
}

export async function listAccommodationsFor({
  assignmentIds,
  userIds,
}: {
  assignmentIds: string[];
  /** Only these students' (all of them when left out). */
  userIds?: string[];
}): Promise<Accommodation[]> {
  if (assignmentIds.length === 0 || userIds?.length === 0) return [];
  const db = await getDb();
  // Read as one JSON value (db/json-rows.ts): a lecture class has hundreds.
  const rows = await selectAsJson<Omit<Accommodation, 'dueAt'> & { dueAt: string | null }>(
    db,
    sql`select ${jsonColumns(getTableColumns(accommodations))} from ${accommodations}
      where ${and(isAnyOf(accommodations.assignmentId, assignmentIds), userIds && isAnyOf(accommodations.userId, userIds))}`,
  );
  return rows.map((r) => ({ ...r, dueAt: r.dueAt === null ? null : new Date(r.dueAt) }));
}

/** The graded responses of the given attempts, with each question's type and evidence. */
export async function listGradedResponses({ attemptIds }: { attemptIds: string[] }) {
  if (attemptIds.length === 0) return [];
  const db = await getDb();
  const rows = await db
    .select({
      attemptId: attemptResponses.attemptId,
      questionId: attemptResponses.questionId,
      response: attemptResponses.response,
      grade: attemptResponses.grade,
      overrideScore: attemptResponses.overrideScore,
      overrideComment: attemptResponses.overrideComment,
      gradedBy: attemptResponses.gradedBy,
    })
    .from(attemptResponses)
    .where(and(isAnyOf(attemptResponses.attemptId, attemptIds), isNotNull(attemptResponses.grade)));
  return rows.map((r) => ({ ...r, score: effectiveScore(r) }));
}

export async function listQuestionData({ ids }: { ids: string[] }) {
  if (ids.length === 0) return new Map();
  const db = await getDb();
  const rows = await db
    .select({ id: questions.id, data: questions.data })
    .from(questions)
    .where(inArray(questions.id, ids));
  return new Map(rows.map((r) => [r.id, r.data]));
}

/** One instructor grade: the answer's counted score, and its key points when graded point by point. */
export type InstructorGrade = {
  attemptId: string;
  questionId: string;
  score: number;
  keyPoints: KeyPointVerdicts | null;
};

/**
 * Instructor grades for answers, with one comment, stored together: each answer's override, then
 * each attempt's score recomputed from every answer's counted score, in one transaction so the
 * results page, the gradebook and the dashboard never see half of it.
 */
export async function storeInstructorGrades({
  grades,
  comment,
  instructorId,
}: {
  grades: InstructorGrade[];
  comment: string | null;
  instructorId: string;
}) {
  if (grades.length === 0) return;
  const db = await getDb();
  const now = new Date();
  await db.transaction(async (tx) => {
    for (const g of grades) {
      await tx
        .update(attemptResponses)
        .set({
          overrideScore: g.score,
          overrideComment: comment,
          overrideKeyPoints: g.keyPoints,
          overriddenBy: instructorId,
          overriddenAt: now,
          gradedBy: 'instructor',
        })
        .where(
          and(eq(attemptResponses.attemptId, g.attemptId), eq(attemptResponses.questionId, g.questionId)),
        );
    }
    const attemptIds = [...new Set(grades.map((g) => g.attemptId))];
    const regraded = await tx
      .update(attempts)
      .set({
        score: sql`(select round(avg(coalesce(${attemptResponses.overrideScore}, (${attemptResponses.grade}->>'score')::real))::numeric, 4)::real from ${attemptResponses} where ${attemptResponses.attemptId} = ${attempts.id})`,
      })
      .where(isAnyOf(attempts.id, attemptIds))
      .returning({ assignmentId: attempts.assignmentId, userId: attempts.userId });
    // The class's figures move with the grades, in the same transaction.
    const standings = new Map(
      regraded.flatMap(({ assignmentId, userId }) =>
        assignmentId ? [[`${assignmentId}:${userId}`, { assignmentId, userId }] as const] : [],
      ),
    );
    for (const key of [...standings.keys()].sort()) await refreshAssignmentResult(tx, standings.get(key)!);
  });
}

/** Each given attempt's answer to one question, with its grade and any instructor grade. */
export async function listAnswersToQuestion({
  attemptIds,
  questionId,
}: {
  attemptIds: string[];
  questionId: string;
}) {
  if (attemptIds.length === 0) return [];
  const db = await getDb();
  return db
    .select({
      attemptId: attemptResponses.attemptId,
      assignmentId: attempts.assignmentId,
      attemptStatus: attempts.status,
      response: attemptResponses.response,
      grade: attemptResponses.grade,
      gradedBy: attemptResponses.gradedBy,
      overrideScore: attemptResponses.overrideScore,
      overrideComment: attemptResponses.overrideComment,
      overrideKeyPoints: attemptResponses.overrideKeyPoints,
    })
    .from(attemptResponses)
    .innerJoin(attempts, eq(attempts.id, attemptResponses.attemptId))
    .where(and(isAnyOf(attemptResponses.attemptId, attemptIds), eq(attemptResponses.questionId, questionId)));
}

/** How many instructor grades per question the grader learns from (the most recent ones). */
const EXAMPLES_PER_QUESTION = 200;

/**
 * The answers an instructor of this class graded, for the given questions: labelled examples for
 * the grader. Only this class's grades count, so one instructor's marking never moves another's.
 */
export async function listInstructorGradedAnswers({
  classId,
  questionIds,
}: {
  classId: string;
  questionIds: string[];
}) {
  if (questionIds.length === 0) return [];
  const db = await getDb();
  return db
    .select({
      questionId: attemptResponses.questionId,
      response: attemptResponses.response,
      score: attemptResponses.overrideScore,
      keyPoints: attemptResponses.overrideKeyPoints,
    })
    .from(attemptResponses)
    .innerJoin(attempts, eq(attempts.id, attemptResponses.attemptId))
    .innerJoin(assignments, eq(assignments.id, attempts.assignmentId))
    .where(
      and(
        eq(assignments.classId, classId),
        isAnyOf(attemptResponses.questionId, questionIds),
        isNotNull(attemptResponses.overrideScore),
      ),
    )
    .orderBy(desc(attemptResponses.overriddenAt))
    .limit(EXAMPLES_PER_QUESTION * questionIds.length);
}

/**
 * Per assignment of the classes this instructor teaches: submitted free-text answers the grader
 * was unsure of and no instructor has graded yet, most first.
 */
export async function listAnswersAwaitingInstructor({ instructorId }: { instructorId: string }) {
  const db = await getDb();
  return db
    .select({
      classId: assignments.classId,
      assignmentId: assignments.id,
      title: assignments.title,
      answers: count(),
    })
    .from(attemptResponses)
    .innerJoin(attempts, eq(attempts.id, attemptResponses.attemptId))
    .innerJoin(assignments, eq(assignments.id, attempts.assignmentId))
    .innerJoin(
      classMembers,
      and(
        eq(classMembers.classId, assignments.classId),
        eq(classMembers.userId, instructorId),
        eq(classMembers.role, 'instructor'),
      ),
    )
    .where(
      and(
        eq(attempts.status, 'submitted'),
        sql`(${attemptResponses.grade}->>'needsReview')::boolean`,
        sql`${attemptResponses.overrideScore} is null`,
      ),
    )
    .groupBy(assignments.classId, assignments.id, assignments.title)
    .orderBy(desc(count()));
}
