import 'server-only';
import { and, eq, inArray, notInArray, type SQL, sql } from 'drizzle-orm';
import { type Database, getDb } from '@/db';
import { jsonColumns, selectAsJson } from '@/db/json-rows';
import {
  assignmentItemTotals,
  assignmentResultScores,
  assignmentResultSkills,
  assignmentResults,
  classMembers,
} from '@/db/schema';

/** The database or an open transaction: the figures are written inside the caller's transaction. */
type Executor = Pick<Database, 'execute'>;

/*
 * The one definition of a student's standing on an assignment, in SQL so that the class page
 * reads it rather than recomputing it: how many attempts, whether one is under way, and the
 * submitted attempt that counts (highest score after the assignment's late penalty, as
 * lib/quiz/rules.ts countedScore takes it off, then the earliest), with each question's counted
 * score in it (an instructor's override over the automatic grade, as effectiveScore counts it).
 * `::text::float8` reads a `real` as the drivers hand it to the app (0.6667, not 0.66670001).
 */
const freshResults = (scope: SQL) => sql`
  standing as (
    select a.assignment_id, a.user_id,
      count(*)::int as attempts,
      bool_or(a.status = 'in-progress') as in_progress,
      (array_agg(a.id order by c.counted desc, a.number) filter (where a.status = 'submitted'))[1] as best_attempt_id,
      max(c.counted) filter (where a.status = 'submitted') as best_counted,
      coalesce((array_agg(a.late order by c.counted desc, a.number) filter (where a.status = 'submitted'))[1], false) as best_late
    from attempt a
    join assignment g on g.id = a.assignment_id
    cross join lateral (
      select case when a.late and g.late_policy->>'kind' = 'penalty'
        then greatest(0, coalesce(a.score::text::float8, 0) * (1 - (g.late_policy->>'percent')::float8 / 100))
        else coalesce(a.score::text::float8, 0) end as counted
    ) c
    where ${scope}
    group by a.assignment_id, a.user_id
  ),
  fresh as (
    select s.*, coalesce((
      select jsonb_object_agg(r.question_id,
        coalesce(r.override_score::text::float8, (r.grade->>'score')::float8, 0))
      from attempt_response r
      where r.attempt_id = s.best_attempt_id and r.grade is not null
    ), '{}'::jsonb) as question_scores
    from standing s
  )`;

const upsertFresh = sql`
  insert into assignment_result
    (assignment_id, user_id, attempts, in_progress, best_attempt_id, best_counted, best_late)
  select assignment_id, user_id, attempts, in_progress, best_attempt_id, best_counted, best_late
  from fresh
  on conflict (assignment_id, user_id) do update set
    attempts = excluded.attempts,
    in_progress = excluded.in_progress,
    best_attempt_id = excluded.best_attempt_id,
    best_counted = excluded.best_counted,
    best_late = excluded.best_late`;

const upsertFreshScores = sql`
  insert into assignment_result_scores (assignment_id, user_id, question_scores)
  select assignment_id, user_id, question_scores from fresh
  on conflict (assignment_id, user_id) do update set question_scores = excluded.question_scores`;

/**
 * Brings one student's standing on one assignment up to date, and the assignment's item totals by
 * the difference it makes: call it inside the transaction that started, submitted or regraded
 * an attempt, after the change. Two transactions refreshing the same student and assignment
 * take turns (an advisory lock, so the second reads what the first wrote); a rebuild of the
 * assignment waits for both.
 */
export async function refreshAssignmentResult(
  tx: Executor,
  { assignmentId, userId }: { assignmentId: string; userId: string },
) {
  await tx.execute(
    sql`select pg_advisory_xact_lock_shared(hashtext(${assignmentId})), pg_advisory_xact_lock(hashtext(${`${assignmentId}:${userId}`}))`,
  );
  await tx.execute(sql`
    with ${freshResults(sql`a.assignment_id = ${assignmentId} and a.user_id = ${userId}`)},
    previous as (
      select question_scores from assignment_result_scores
      where assignment_id = ${assignmentId} and user_id = ${userId}
    ),
    standing_written as (${upsertFresh}),
    written as (${upsertFreshScores} returning question_scores),
    skills as (
      select k.skill, k.total, k.answers from written w, assignment_result_skills_of(w.question_scores) k
    ),
    skills_written as (
      insert into assignment_result_skill (assignment_id, user_id, skill, total, answers)
      select ${assignmentId}, ${userId}, skill, total, answers from skills
      on conflict (assignment_id, user_id, skill) do update set
        total = excluded.total, answers = excluded.answers
    ),
    skills_gone as (
      delete from assignment_result_skill
      where assignment_id = ${assignmentId} and user_id = ${userId}
        and skill not in (select skill from skills)
    ),
    difference as (
      select e.key as question_id, e.value::float8 as total, 1 as answers
        from written w, jsonb_each_text(w.question_scores) e
      union all
      select e.key, -(e.value::float8), -1
        from previous p, jsonb_each_text(p.question_scores) e
    )
    insert into assignment_item_total (assignment_id, question_id, total, answers)
    select ${assignmentId}, question_id, sum(total), sum(answers)::int from difference group by question_id
    on conflict (assignment_id, question_id) do update set
      total = assignment_item_total.total + excluded.total,
      answers = assignment_item_total.answers + excluded.answers`);
}

/**
 * Rebuilds the figures from the attempts and answers: of the given assignments (after a change
 * of late policy, which moves every counted score), or of every assignment (`npm run
 * db:rebuild-results`). Holds off every refresh of those assignments while it runs.
 */
export async function rebuildAssignmentResults(tx: Executor, assignmentIds: string[] | 'all') {
  const ids = assignmentIds === 'all' ? null : assignmentIds;
  if (ids?.length === 0) return;
  if (ids) {
    for (const id of [...ids].sort()) await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${id}))`);
  } else {
    await tx.execute(
      sql`lock table assignment_result, assignment_result_scores, assignment_item_total in exclusive mode`,
    );
  }
  const only = (column: SQL) => (ids ? sql`${column} = any(${sql.param(ids)}::text[])` : sql`true`);
  for (const table of [
    'assignment_item_total',
    'assignment_result_skill',
    'assignment_result_scores',
    'assignment_result',
  ])
    await tx.execute(sql`delete from ${sql.identifier(table)} where ${only(sql`assignment_id`)}`);
  await tx.execute(sql`
    with ${freshResults(sql`${only(sql`a.assignment_id`)} and a.assignment_id is not null`)},
    standing_written as (${upsertFresh})
    ${upsertFreshScores}`);
  await tx.execute(sql`
    insert into assignment_item_total (assignment_id, question_id, total, answers)
    select r.assignment_id, e.key, sum(e.value::float8), count(*)::int
    from assignment_result_scores r, jsonb_each_text(r.question_scores) e
    where ${only(sql`r.assignment_id`)}
    group by r.assignment_id, e.key`);
  await tx.execute(sql`
    insert into assignment_result_skill (assignment_id, user_id, skill, total, answers)
    select r.assignment_id, r.user_id, k.skill, k.total, k.answers
    from assignment_result_scores r, assignment_result_skills_of(r.question_scores) k
    where ${only(sql`r.assignment_id`)}`);
}

/** A standing as lib/classes/gradebook.ts reads it (Standing), with whose and which assignment's it is. */
export const standingColumns = {
  assignmentId: assignmentResults.assignmentId,
  userId: assignmentResults.userId,
  attempts: assignmentResults.attempts,
  inProgress: assignmentResults.inProgress,
  bestAttemptId: assignmentResults.bestAttemptId,
  bestCounted: assignmentResults.bestCounted,
  bestLate: assignmentResults.bestLate,
};

/** `npm run db:rebuild-results`: every assignment's figures rebuilt in one transaction; the rows written. */
export async function rebuildEveryAssignmentResult() {
  const db = await getDb();
  await db.transaction((tx) => rebuildAssignmentResults(tx, 'all'));
  const [standings, itemTotals] = await Promise.all([
    db.$count(assignmentResults),
    db.$count(assignmentItemTotals),
  ]);
  return { standings, itemTotals };
}

/** Standings as lib/classes/gradebook.ts reads them (Standing), in one JSON value (db/json-rows.ts). */
const standingsWhere = (where: SQL) =>
  sql`select ${jsonColumns(standingColumns)} from ${assignmentResults} where ${where}`;
type StandingRow = typeof assignmentResults.$inferSelect;

/** Standing of every student with an attempt at the given assignments (the gradebook's raw material). */
export async function listAssignmentResults({ assignmentIds }: { assignmentIds: string[] }) {
  if (assignmentIds.length === 0) return [];
  const db = await getDb();
  return selectAsJson<StandingRow>(
    db,
    standingsWhere(sql`assignment_id = any(${sql.param(assignmentIds)}::text[])`),
  );
}

/**
 * Mastery by skill for some students: their counted answers on the given assignments, totalled
 * per student and skill (the kept sums, by each question's skill as it is tagged now).
 */
export async function listSkillTotals({
  assignmentIds,
  userIds,
}: {
  assignmentIds: string[];
  userIds: string[];
}) {
  if (assignmentIds.length === 0 || userIds.length === 0) return [];
  const db = await getDb();
  return db
    .select({
      userId: assignmentResultSkills.userId,
      skill: assignmentResultSkills.skill,
      total: sql<number>`sum(${assignmentResultSkills.total})`.mapWith(Number),
      answers: sql<number>`sum(${assignmentResultSkills.answers})::int`.mapWith(Number),
    })
    .from(assignmentResultSkills)
    .where(
      and(
        sql`${assignmentResultSkills.assignmentId} = any(${sql.param(assignmentIds)}::text[])`,
        sql`${assignmentResultSkills.userId} = any(${sql.param(userIds)}::text[])`,
      ),
    )
    .groupBy(assignmentResultSkills.userId, assignmentResultSkills.skill);
}

/**
 * Item totals of the given assignments over the class's current students: the kept totals, less
 * what students who have left the class had added (a few rows, read back from their standing).
 */
export async function listItemTotals({
  classId,
  assignmentIds,
}: {
  classId: string;
  assignmentIds: string[];
}) {
  if (assignmentIds.length === 0) return [];
  const db = await getDb();
  const [kept, departed] = await Promise.all([
    db
      .select({
        questionId: assignmentItemTotals.questionId,
        total: sql<number>`sum(${assignmentItemTotals.total})`.mapWith(Number),
        answers: sql<number>`sum(${assignmentItemTotals.answers})::int`.mapWith(Number),
      })
      .from(assignmentItemTotals)
      .where(inArray(assignmentItemTotals.assignmentId, assignmentIds))
      .groupBy(assignmentItemTotals.questionId),
    db
      .select({ questionScores: assignmentResultScores.questionScores })
      .from(assignmentResultScores)
      .where(
        and(
          inArray(assignmentResultScores.assignmentId, assignmentIds),
          notInArray(
            assignmentResultScores.userId,
            db
              .select({ userId: classMembers.userId })
              .from(classMembers)
              .where(and(eq(classMembers.classId, classId), eq(classMembers.role, 'student'))),
          ),
        ),
      ),
  ]);
  const byQuestion = new Map<string, { total: number; answers: number }>();
  for (const k of kept) {
    const sum = byQuestion.get(k.questionId) ?? { total: 0, answers: 0 };
    byQuestion.set(k.questionId, { total: sum.total + k.total, answers: sum.answers + k.answers });
  }
  for (const { questionScores } of departed) {
    for (const [questionId, score] of Object.entries(questionScores)) {
      const sum = byQuestion.get(questionId);
      if (sum) byQuestion.set(questionId, { total: sum.total - score, answers: sum.answers - 1 });
    }
  }
  return [...byQuestion].flatMap(([questionId, t]) => (t.answers > 0 ? [{ questionId, ...t }] : []));
}

/**
 * Every student's and every assignment's figures for the class page, summed inside the database
 * from the kept standings (students × assignments, with their accommodations), as of `now`: one
 * row per student and one per assignment instead of one per cell. The rules are those of
 * lib/classes/gradebook.ts (gradebookCell, countedInAverage): excused work counts nowhere; the
 * best submission counts its score; with none, an attempt under way counts nothing, and past the
 * student's due date (an accommodation's, else the assignment's) the work is missing and counts
 * 0. lib/classes/class-averages.test.ts holds the two to the same figures.
 */
export async function summarizeClass({ classId, now: nowDate }: { classId: string; now: Date }) {
  const db = await getDb();
  const now = sql`${nowDate.toISOString()}::timestamptz`;
  // One row per student and one per assignment: read as one JSON value (db/json-rows.ts).
  const rows = await selectAsJson<Row>(
    db,
    sql`
    with cell as (
      select m.user_id, g.id as assignment_id,
        coalesce(acc.excused, false) as excused,
        r.best_attempt_id is not null as handed_in,
        coalesce(r.in_progress, false) as in_progress,
        r.best_counted, coalesce(r.best_late, false) as best_late,
        coalesce(acc.due_at, g.due_at) as due_at
      from class_member m
      join assignment g on g.class_id = m.class_id
      left join accommodation acc on acc.assignment_id = g.id and acc.user_id = m.user_id
      left join assignment_result r on r.assignment_id = g.id and r.user_id = m.user_id
      where m.class_id = ${classId} and m.role = 'student'
    ),
    judged as (
      select *,
        not excused and not handed_in and not in_progress and due_at is not null and due_at < ${now} as missing,
        not excused and not handed_in and not in_progress and due_at > ${now}
          and due_at < ${now} + interval '2 days' as due_soon
      from cell
    ),
    counted as (
      select *,
        case when missing then 0::float8 when not excused and handed_in then best_counted end as score
      from judged
    )
    select user_id, assignment_id,
      count(score)::int as counted,
      avg(score) as average,
      count(*) filter (where not excused and handed_in)::int as submitted,
      count(*) filter (where not excused and handed_in and best_late)::int as late,
      count(*) filter (where missing)::int as missing,
      count(*) filter (where due_soon)::int as due_soon,
      array[
        count(*) filter (where score is not null and least(4, floor(score * 5)) = 0),
        count(*) filter (where score is not null and least(4, floor(score * 5)) = 1),
        count(*) filter (where score is not null and least(4, floor(score * 5)) = 2),
        count(*) filter (where score is not null and least(4, floor(score * 5)) = 3),
        count(*) filter (where score is not null and least(4, floor(score * 5)) = 4)
      ]::int[] as distribution
    from counted
    group by grouping sets ((user_id), (assignment_id))`,
  );
  type Row = {
    user_id: string | null;
    assignment_id: string | null;
    counted: number;
    average: number | string | null;
    submitted: number;
    late: number;
    missing: number;
    due_soon: number;
    distribution: number[];
  };
  const figures = (r: Row) => ({
    counted: Number(r.counted),
    average: r.average === null ? null : Number(r.average),
    submitted: Number(r.submitted),
    late: Number(r.late),
    missing: Number(r.missing),
    dueSoon: Number(r.due_soon),
    distribution: r.distribution.map(Number),
  });
  return {
    byStudent: new Map(rows.flatMap((r) => (r.user_id ? [[r.user_id, figures(r)] as const] : []))),
    byAssignment: new Map(
      rows.flatMap((r) => (r.assignment_id ? [[r.assignment_id, figures(r)] as const] : [])),
    ),
  };
}

/** The kept standings of some students (a page of the class table). */
export async function listStandingsOf({
  assignmentIds,
  userIds,
}: {
  assignmentIds: string[];
  userIds: string[];
}) {
  if (assignmentIds.length === 0 || userIds.length === 0) return [];
  const db = await getDb();
  return selectAsJson<StandingRow>(
    db,
    standingsWhere(
      sql`assignment_id = any(${sql.param(assignmentIds)}::text[]) and user_id = any(${sql.param(userIds)}::text[])`,
    ),
  );
}
