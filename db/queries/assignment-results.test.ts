import { readFileSync } from 'node:fs';
import path from 'node:path';
import { asc, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { updateAssignment } from '@/db/queries/assignments';
import { storeInstructorGrades } from '@/db/queries/class-progress';
import { addMember, createClass, removeMember } from '@/db/queries/classes';
import { getDefaultQuiz } from '@/db/queries/quizzes';
import { getReadingBySlug } from '@/db/queries/readings';
import { insertUser } from '@/db/queries/users';
import {
  type Assignment,
  assignmentItemTotals,
  assignmentResultScores,
  assignmentResultSkills,
  assignmentResults,
  questions,
} from '@/db/schema';
import { setUpTestDatabase } from '@/db/test-database';
import { assignForTest } from '@/db/test-fixtures';
import { saveAnswer, startOrResumeAttempt, submitAttempt } from '@/lib/quiz/attempts';
import { seedShippedReadings } from '@/lib/seed';
import type { Response } from '@/questions/schema';
import { listItemTotals, rebuildAssignmentResults } from './assignment-results';

/**
 * The class figures kept on every start, submission and regrade agree with the same figures
 * rebuilt from the attempts and answers (`npm run db:rebuild-results`).
 */
setUpTestDatabase();

const t = (iso: string) => new Date(iso);
const DUE = t('2026-06-10T00:00:00Z');
const ON_TIME = t('2026-06-05T00:00:00Z');
const LATE = t('2026-06-12T00:00:00Z');
const TRUE = { type: 'true-false', value: true } as const;
const FALSE = { type: 'true-false', value: false } as const;

let classId: string;
let teacherId: string;
let assignment: Assignment;
const students: string[] = [];

/** Starts (or resumes) the assignment at `now`, saves the given true/false answers, and submits if asked. */
async function work(
  userId: string,
  now: Date,
  answers: Record<string, Response>,
  submit = true,
): Promise<string> {
  const started = await startOrResumeAttempt({
    quizId: assignment.quizId,
    userId,
    assignmentId: assignment.id,
    now,
  });
  if (started.status !== 'ok') throw new Error(started.message);
  const attemptId = started.data.attempt.id;
  for (const [questionId, response] of Object.entries(answers)) {
    const saved = await saveAnswer({
      session: 'checked',
      attemptId,
      userId,
      questionId,
      response,
      flagged: false,
      confidence: null,
      clientSeq: 1,
      now,
    });
    if (saved.status !== 'ok') throw new Error(saved.message);
  }
  if (submit) {
    const done = await submitAttempt({ attemptId, userId, now });
    if (done.status !== 'ok') throw new Error(done.message);
  }
  return attemptId;
}

async function snapshot() {
  const db = await getDb();
  const [results, scores, totals, skills] = await Promise.all([
    db.select().from(assignmentResults).orderBy(asc(assignmentResults.userId)),
    db.select().from(assignmentResultScores).orderBy(asc(assignmentResultScores.userId)),
    db.select().from(assignmentItemTotals).orderBy(asc(assignmentItemTotals.questionId)),
    db
      .select()
      .from(assignmentResultSkills)
      .orderBy(asc(assignmentResultSkills.userId), asc(assignmentResultSkills.skill)),
  ]);
  return { results, scores, totals, skills };
}

beforeAll(async () => {
  await seedShippedReadings();
  const reading = await getReadingBySlug({ slug: 'burns-lead-with-diplomacy' });
  const quiz = (await getDefaultQuiz({ readingId: reading!.id }))!;
  const teacher = (await insertUser({ email: 'results-teacher@example.org', name: 'Amara Okafor' }))!;
  teacherId = teacher.id;
  classId = (await createClass({ name: 'IR 210', userId: teacher.id, joinCode: 'RESULTS1' })).id;
  assignment = await assignForTest({
    classId,
    quizId: quiz.id,
    createdBy: teacher.id,
    dueAt: DUE,
    latePolicy: { kind: 'penalty', percent: 20 },
  });
  for (const name of ['Ana', 'Ben', 'Chen', 'Dara', 'Eli']) {
    const user = (await insertUser({ email: `${name.toLowerCase()}-results@example.org`, name }))!;
    await addMember({ classId, userId: user.id, role: 'student' });
    students.push(user.id);
  }
});

describe('kept class figures', () => {
  it('follow starts, better second attempts, late work, instructor grades and a new late policy, as a rebuild finds them', async () => {
    const [ana, ben, chen, dara, eli] = students as [string, string, string, string, string];
    // Ana hands in one right answer, then a second attempt with two: the second counts.
    await work(ana, ON_TIME, { 'burns-tf-expulsions': TRUE });
    const anaSecond = await work(ana, ON_TIME, {
      'burns-tf-expulsions': TRUE,
      'burns-main-argument': { type: 'multiple-choice', optionId: 'a' },
    });
    // Ben has only started.
    await work(ben, ON_TIME, { 'burns-tf-expulsions': FALSE }, false);
    // Chen hands in late: the penalty comes off.
    await work(chen, LATE, { 'burns-tf-expulsions': TRUE });
    // Dara's answer is graded up by the instructor.
    const daraAttempt = await work(dara, ON_TIME, { 'burns-tf-expulsions': FALSE });
    await storeInstructorGrades({
      grades: [{ attemptId: daraAttempt, questionId: 'burns-tf-expulsions', score: 0.5, keyPoints: null }],
      comment: 'Half right.',
      instructorId: teacherId,
    });
    // Eli hands in, then leaves the class.
    await work(eli, ON_TIME, { 'burns-tf-expulsions': TRUE });
    await removeMember({ classId, userId: eli });

    const kept = await snapshot();
    const standing = (userId: string) => kept.results.find((r) => r.userId === userId)!;
    expect(standing(ana)).toMatchObject({ attempts: 2, inProgress: false, bestAttemptId: anaSecond });
    expect(standing(ben)).toMatchObject({
      attempts: 1,
      inProgress: true,
      bestAttemptId: null,
      bestCounted: null,
    });
    expect(standing(chen).bestLate).toBe(true);
    expect(standing(chen).bestCounted).toBeCloseTo(standing(ana).bestCounted! * 0.4, 3);
    expect(kept.scores.find((s) => s.userId === dara)!.questionScores['burns-tf-expulsions']).toBe(0.5);

    const db = await getDb();
    await db.transaction((tx) => rebuildAssignmentResults(tx, 'all'));
    const rebuilt = await snapshot();
    expect(rebuilt.results).toEqual(kept.results);
    expect(rebuilt.scores).toEqual(kept.scores);
    expect(rebuilt.skills).toEqual(kept.skills);
    expect(rebuilt.totals.map((r) => [r.questionId, r.answers])).toEqual(
      kept.totals.map((r) => [r.questionId, r.answers]),
    );
    for (const [i, r] of rebuilt.totals.entries()) expect(kept.totals[i]!.total).toBeCloseTo(r.total, 9);

    // Four handed in (Ben has not); the class's item totals leave Eli out, the kept ones hold his answer.
    const expulsions = (rows: { questionId: string; answers: number; total: number }[]) =>
      rows.find((r) => r.questionId === 'burns-tf-expulsions')!;
    expect(expulsions(kept.totals)).toMatchObject({ answers: 4 });
    const forClass = expulsions(await listItemTotals({ classId, assignmentIds: [assignment.id] }));
    expect(forClass.answers).toBe(3);
    expect(forClass.total).toBeCloseTo(1 + 1 + 0.5, 9);

    // The migration that added these tables fills them the same way from the attempts already stored.
    const statements = readFileSync(
      path.join(import.meta.dirname, '../migrations/0017_class_results.sql'),
      'utf8',
    ).split('--> statement-breakpoint');
    const backfill = statements.slice(statements.findIndex((part) => part.includes('Backfill')));
    expect(backfill.length).toBeGreaterThan(3);
    // One transaction, as migrations run: its temporary table lives on one connection.
    await db.transaction(async (tx) => {
      for (const table of ['assignment_item_total', 'assignment_result_scores', 'assignment_result'])
        await tx.execute(sql`delete from ${sql.identifier(table)}`);
      for (const statement of backfill) await tx.execute(sql.raw(statement));
    });
    const backfilled = await snapshot();
    expect(backfilled.results).toEqual(kept.results);
    expect(backfilled.scores).toEqual(kept.scores);
    expect(backfilled.totals.map((r) => [r.questionId, r.answers])).toEqual(
      kept.totals.map((r) => [r.questionId, r.answers]),
    );

    // So does the migration that added the skill sums.
    const skillBackfill = readFileSync(
      path.join(import.meta.dirname, '../migrations/0018_result_skills.sql'),
      'utf8',
    )
      .split('--> statement-breakpoint')
      .find((part) => part.trimStart().startsWith('INSERT INTO "assignment_result_skill"'))!;
    await db.transaction(async (tx) => {
      await tx.execute(sql`delete from assignment_result_skill`);
      await tx.execute(sql.raw(skillBackfill));
    });
    expect((await snapshot()).skills).toEqual(kept.skills);

    // Retagging a question moves its score from one skill's sums to the other's, in every standing.
    const sums = (rows: (typeof kept)['skills'], userId: string) =>
      Object.fromEntries(rows.filter((r) => r.userId === userId).map((r) => [r.skill, [r.answers, r.total]]));
    const [expulsionsTag] = await db
      .select({ skill: questions.skill })
      .from(questions)
      .where(sql`${questions.id} = 'burns-tf-expulsions'`);
    const [mainArgument] = await db
      .select({ skill: questions.skill })
      .from(questions)
      .where(sql`${questions.id} = 'burns-main-argument'`);
    const [from, to] = [expulsionsTag!.skill, mainArgument!.skill];
    expect(from).not.toBe(to);
    await db.update(questions).set({ skill: to }).where(sql`${questions.id} = 'burns-tf-expulsions'`);
    const retagged = await snapshot();
    for (const [userId, score] of [
      [ana, 1],
      [dara, 0.5],
    ] as const) {
      const [before, after] = [sums(kept.skills, userId), sums(retagged.skills, userId)];
      expect(after[from]?.[0] ?? 0).toBe(before[from]![0]! - 1);
      expect(after[to]![0]).toBe((before[to]?.[0] ?? 0) + 1);
      expect(after[to]![1]).toBeCloseTo((before[to]?.[1] ?? 0) + score, 9);
    }
    await db.transaction((tx) => rebuildAssignmentResults(tx, 'all'));
    expect((await snapshot()).skills).toEqual(retagged.skills);

    // A new late policy moves Chen's counted score at once.
    await updateAssignment({
      assignmentId: assignment.id,
      rules: { ...assignment, latePolicy: { kind: 'accept' } },
    });
    const after = await snapshot();
    const chenNow = after.results.find((r) => r.userId === chen)!;
    expect(chenNow.bestCounted).toBeCloseTo(standing(chen).bestCounted! / 0.8, 6);
  });
});
