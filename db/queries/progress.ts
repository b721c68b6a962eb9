import 'server-only';
import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import {
  accommodations,
  assignments,
  attemptResponses,
  attempts,
  guidedAnswers,
  practiceAnswers,
  questions,
  quizzes,
  readingProgress,
  readings,
  reviewCards,
  reviewLogs,
} from '@/db/schema';

/**
 * The feedback-release rule of lib/server/policy.ts (feedbackRelease), as SQL over an attempt row:
 * released unless its assignment holds feedback until a due date (the student's own, with an
 * accommodation) that has not passed. policy.test.ts checks the two agree.
 */
export function feedbackReleasedSql(now: Date) {
  return sql`not exists (
    select 1 from ${assignments}
    left join ${accommodations}
      on ${accommodations.assignmentId} = ${assignments.id} and ${accommodations.userId} = ${attempts.userId}
    where ${assignments.id} = ${attempts.assignmentId}
      and ${assignments.feedbackRelease} = 'after-due'
      and coalesce(${accommodations.dueAt}, ${assignments.dueAt}) > ${now.toISOString()}::timestamptz
  )`;
}

/**
 * Every graded answer a student may count towards their mastery (quizzes whose feedback is
 * released, practice, review, guided questions).
 */
export async function listScoredAnswers({ userId, now = new Date() }: { userId: string; now?: Date }) {
  const db = await getDb();
  const [quiz, practice, review, guided] = await Promise.all([
    db
      .select({
        questionId: attemptResponses.questionId,
        score:
          sql<number>`coalesce(${attemptResponses.overrideScore}, (${attemptResponses.grade}->>'score')::real)`.mapWith(
            Number,
          ),
        at: attempts.submittedAt,
      })
      .from(attemptResponses)
      .innerJoin(attempts, eq(attempts.id, attemptResponses.attemptId))
      .where(
        and(
          eq(attempts.userId, userId),
          eq(attempts.status, 'submitted'),
          isNotNull(attemptResponses.grade),
          feedbackReleasedSql(now),
        ),
      ),
    db
      .select({
        questionId: practiceAnswers.questionId,
        score: practiceAnswers.score,
        at: practiceAnswers.answeredAt,
      })
      .from(practiceAnswers)
      .where(eq(practiceAnswers.userId, userId)),
    db
      .select({ questionId: reviewCards.questionId, score: reviewLogs.score, at: reviewLogs.reviewedAt })
      .from(reviewLogs)
      .innerJoin(reviewCards, eq(reviewCards.id, reviewLogs.cardId))
      .where(
        and(eq(reviewLogs.userId, userId), isNotNull(reviewLogs.score), isNotNull(reviewCards.questionId)),
      ),
    db
      .select({
        questionId: guidedAnswers.questionId,
        score: guidedAnswers.lastScore,
        at: guidedAnswers.updatedAt,
      })
      .from(guidedAnswers)
      .where(eq(guidedAnswers.userId, userId)),
  ]);
  return [...quiz, ...practice, ...review, ...guided].flatMap((a) =>
    a.questionId && a.at && a.score !== null ? [{ questionId: a.questionId, score: a.score, at: a.at }] : [],
  );
}

export async function questionTags({ ids }: { ids: string[] }) {
  if (ids.length === 0) return new Map<string, { skill: string; concepts: string[] }>();
  const db = await getDb();
  const rows = await db
    .select({
      id: questions.id,
      skill: questions.skill,
      concepts: sql<string[]>`${questions.data}->'concepts'`,
    })
    .from(questions)
    .where(inArray(questions.id, ids));
  return new Map(rows.map((r) => [r.id, { skill: r.skill, concepts: r.concepts ?? [] }]));
}

/** The student's quiz scores over time, for those whose feedback is released. */
export async function listQuizScores({ userId, now = new Date() }: { userId: string; now?: Date }) {
  const db = await getDb();
  return db
    .select({
      quizTitle: quizzes.title,
      score: attempts.score,
      submittedAt: attempts.submittedAt,
      number: attempts.number,
    })
    .from(attempts)
    .innerJoin(quizzes, eq(quizzes.id, attempts.quizId))
    .where(and(eq(attempts.userId, userId), eq(attempts.status, 'submitted'), feedbackReleasedSql(now)))
    .orderBy(asc(attempts.submittedAt));
}

export async function listCompletedReadings({ userId }: { userId: string }) {
  const db = await getDb();
  return db
    .select({ slug: readings.slug, title: readings.title, completedAt: readingProgress.completedAt })
    .from(readingProgress)
    .innerJoin(readings, eq(readings.id, readingProgress.readingId))
    .where(and(eq(readingProgress.userId, userId), isNotNull(readingProgress.completedAt)))
    .orderBy(asc(readingProgress.completedAt));
}

/**
 * A random approved question for practice, from the own banks (not instructors' copies) of the
 * readings open to the student, matching the filters.
 */
export async function pickPracticeQuestion({
  userId,
  readingId,
  skill,
  concept,
  exclude,
}: {
  userId: string;
  readingId: string | null;
  skill: string | null;
  concept: string | null;
  exclude: string | null;
}) {
  const db = await getDb();
  const [row] = await db
    .select({ question: questions, readingSlug: readings.slug, readingTitle: readings.title })
    .from(questions)
    .innerJoin(readings, eq(readings.id, questions.readingId))
    .where(
      and(
        eq(questions.status, 'approved'),
        isNull(questions.ownerId),
        sql`(${readings.status} = 'published' or ${readings.createdBy} = ${userId})`,
        readingId ? eq(questions.readingId, readingId) : undefined,
        skill ? eq(questions.skill, skill as typeof questions.skill._.data) : undefined,
        concept ? sql`${questions.data}->'concepts' ? ${concept}` : undefined,
        exclude ? sql`${questions.id} <> ${exclude}` : undefined,
      ),
    )
    .orderBy(sql`random()`)
    .limit(1);
  return row ?? null;
}

export async function recordPracticeAnswer({
  userId,
  questionId,
  score,
}: {
  userId: string;
  questionId: string;
  score: number;
}) {
  const db = await getDb();
  await db.insert(practiceAnswers).values({ userId, questionId, score });
}

/** The concepts of the approved questions a student can practise. */
export async function listPracticeConcepts({ userId }: { userId: string }) {
  const db = await getDb();
  const rows = await db
    .selectDistinct({ concept: sql<string>`jsonb_array_elements_text(${questions.data}->'concepts')` })
    .from(questions)
    .innerJoin(readings, eq(readings.id, questions.readingId))
    .where(
      and(
        eq(questions.status, 'approved'),
        isNull(questions.ownerId),
        sql`(${readings.status} = 'published' or ${readings.createdBy} = ${userId})`,
      ),
    );
  return rows.map((r) => r.concept).sort();
}
