import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, createClass } from '@/db/queries/classes';
import { upsertAuthoredQuestions } from '@/db/queries/questions';
import { getDefaultQuiz, listResponses, upsertDefaultQuiz } from '@/db/queries/quizzes';
import { createReadingDraft, getReadingBySlug } from '@/db/queries/readings';
import { listCardQuestionIds } from '@/db/queries/review';
import { insertUser } from '@/db/queries/users';
import type { Quiz, QuizSettings } from '@/db/schema';
import { setUpTestDatabase } from '@/db/test-database';
import { assignForTest } from '@/db/test-fixtures';
import { seedShippedReadings } from '@/lib/seed';
import { loadAuthoredBank } from '@/questions/bank';
import { parseReading } from '@/questions/reading/parse';
import {
  attemptForUser,
  cardReleasedFlags,
  checkAnswer,
  saveAnswer,
  startOrResumeAttempt,
  submitAttempt,
} from './attempts';

setUpTestDatabase();

let quiz: Quiz;
const bank = loadAuthoredBank('burns-lead-with-diplomacy');
const byId = new Map(bank.map((q) => [q.id, q]));
let seq = 1;

beforeAll(async () => {
  await seedShippedReadings();
  const reading = await getReadingBySlug({ slug: 'burns-lead-with-diplomacy' });
  quiz = (await getDefaultQuiz({ readingId: reading!.id }))!;
});

const student = async (label: string) =>
  (await insertUser({ email: `${label}-${seq++}@example.org`, name: label }))!;

/** A second quiz on the same reading, built by `author` (who may take it for self-study). */
async function timedQuiz(settings: Partial<QuizSettings>, author: string) {
  const reading = await getReadingBySlug({ slug: 'burns-lead-with-diplomacy' });
  // A second quiz on the same reading, made for the test.
  const { getDb } = await import('@/db');
  const { quizzes } = await import('@/db/schema');
  const db = await getDb();
  const [row] = await db
    .insert(quizzes)
    .values({
      readingId: reading!.id,
      title: 'Timed',
      createdBy: author,
      questionIds: quiz.questionIds.slice(0, 3),
      settings: { ...quiz.settings, ...settings },
    })
    .returning();
  return row!;
}

const save = (attemptId: string, userId: string, questionId: string, response: unknown, now?: Date) =>
  saveAnswer({
    session: 'checked',
    attemptId,
    userId,
    questionId,
    response,
    flagged: false,
    confidence: null,
    clientSeq: seq++,
    now,
  });

describe('the attempt lifecycle', () => {
  it('ships a default quiz for the Burns reading with every question type', () => {
    expect(quiz.isDefault).toBe(true);
    const types = new Set(quiz.questionIds.map((id) => byId.get(id)!.type));
    expect(types.size).toBe(9);
  });

  it('resumes the attempt in progress with everything saved', async () => {
    const user = await student('resume');
    const first = await startOrResumeAttempt({ quizId: quiz.id, userId: user.id });
    if (first.status !== 'ok') throw new Error(first.message);
    const q = byId.get('burns-tf-expulsions')!;
    expect(q.type).toBe('true-false');
    expect(
      (await save(first.data.attempt.id, user.id, q.id, { type: 'true-false', value: true })).status,
    ).toBe('ok');
    const again = await startOrResumeAttempt({ quizId: quiz.id, userId: user.id });
    expect(again.status === 'ok' && again.data.attempt.id).toBe(first.data.attempt.id);
    const saved = await listResponses({ attemptId: first.data.attempt.id });
    expect(saved).toMatchObject([{ questionId: q.id, response: { type: 'true-false', value: true } }]);
  });

  it('never lets an older save overwrite a newer one', async () => {
    const user = await student('order');
    const started = await startOrResumeAttempt({ quizId: quiz.id, userId: user.id });
    if (started.status !== 'ok') throw new Error(started.message);
    const id = 'burns-why-coalitions';
    await saveAnswer({
      session: 'checked',
      attemptId: started.data.attempt.id,
      userId: user.id,
      questionId: id,
      response: { type: 'short-answer', text: 'newer' },
      flagged: false,
      confidence: 2,
      clientSeq: 200,
    });
    await saveAnswer({
      session: 'checked',
      attemptId: started.data.attempt.id,
      userId: user.id,
      questionId: id,
      response: { type: 'short-answer', text: 'older' },
      flagged: false,
      confidence: 1,
      clientSeq: 100,
    });
    const [row] = await listResponses({ attemptId: started.data.attempt.id });
    expect(row).toMatchObject({ response: { text: 'newer' }, confidence: 2 });
  });

  it('counts a double submit once', async () => {
    const user = await student('double');
    const started = await startOrResumeAttempt({ quizId: quiz.id, userId: user.id });
    if (started.status !== 'ok') throw new Error(started.message);
    await save(started.data.attempt.id, user.id, 'burns-tf-expulsions', {
      type: 'true-false',
      value: byId.get('burns-tf-expulsions')!.type === 'true-false',
    });
    const [a, b] = await Promise.all([
      submitAttempt({ attemptId: started.data.attempt.id, userId: user.id }),
      submitAttempt({ attemptId: started.data.attempt.id, userId: user.id }),
    ]);
    expect(a.status === 'ok' && b.status === 'ok').toBe(true);
    if (a.status !== 'ok' || b.status !== 'ok') return;
    expect(a.data.attempt.submittedAt?.getTime()).toBe(b.data.attempt.submittedAt?.getTime());
    expect(a.data.attempt.score).toBe(b.data.attempt.score);
    const responses = await listResponses({ attemptId: started.data.attempt.id });
    expect(responses).toHaveLength(quiz.questionIds.length);
    expect(responses.every((r) => r.grade !== null)).toBe(true);
    // A further save is refused, and a new start opens attempt 2.
    expect(
      (
        await save(started.data.attempt.id, user.id, 'burns-tf-expulsions', {
          type: 'true-false',
          value: false,
        })
      ).status,
    ).toBe('conflict');
    const next = await startOrResumeAttempt({ quizId: quiz.id, userId: user.id });
    expect(next.status === 'ok' && next.data.attempt.number).toBe(2);
  });

  it('grades a whole attempt: full marks for the keys, partial credit where due', async () => {
    const user = await student('grades');
    const started = await startOrResumeAttempt({ quizId: quiz.id, userId: user.id });
    if (started.status !== 'ok') throw new Error(started.message);
    const mc = byId.get('burns-main-argument')!;
    if (mc.type !== 'multiple-choice') throw new Error('fixture');
    await save(started.data.attempt.id, user.id, mc.id, {
      type: 'multiple-choice',
      optionId: mc.answer.optionId,
    });
    const done = await submitAttempt({ attemptId: started.data.attempt.id, userId: user.id });
    if (done.status !== 'ok') throw new Error(done.message);
    expect(done.data.attempt.score).toBeCloseTo(1 / quiz.questionIds.length, 3);
    const graded = await listResponses({ attemptId: started.data.attempt.id });
    expect(graded.find((r) => r.questionId === mc.id)?.grade?.correct).toBe('correct');
    expect(graded.find((r) => r.questionId === 'burns-why-coalitions')?.grade).toMatchObject({
      score: 0,
      feedback: 'Not answered.',
    });
  });

  it("refuses an answer of the wrong type, a question of another reading, and another student's attempt", async () => {
    const owner = await student('owner');
    const intruder = await student('intruder');
    const started = await startOrResumeAttempt({ quizId: quiz.id, userId: owner.id });
    if (started.status !== 'ok') throw new Error(started.message);
    const wrongType = await save(started.data.attempt.id, owner.id, 'burns-tf-expulsions', {
      type: 'short-answer',
      text: 'yes',
    });
    expect(wrongType).toMatchObject({ status: 'invalid', message: expect.stringMatching(/true-false/) });
    const badOption = await save(started.data.attempt.id, owner.id, 'burns-main-argument', {
      type: 'multiple-choice',
      optionId: 'zz',
    });
    expect(badOption.status).toBe('invalid');

    const other = await createReadingDraft({
      createdBy: owner.id,
      parsed: parseReading({ text: 'Other\n\nAnother essay entirely.', format: 'text' }),
    });
    await upsertAuthoredQuestions({
      readingId: other.id,
      bank: [{ ...byId.get('burns-tf-expulsions')!, id: 'other-tf', readingSlug: other.slug }],
    });
    const foreign = await save(started.data.attempt.id, owner.id, 'other-tf', {
      type: 'true-false',
      value: true,
    });
    expect(foreign).toMatchObject({ status: 'invalid', message: 'That question is not part of this quiz.' });

    expect(
      (
        await save(started.data.attempt.id, intruder.id, 'burns-tf-expulsions', {
          type: 'true-false',
          value: true,
        })
      ).status,
    ).toBe('not-found');
    expect((await submitAttempt({ attemptId: started.data.attempt.id, userId: intruder.id })).status).toBe(
      'not-found',
    );
    expect(await attemptForUser(started.data.attempt.id, intruder.id)).toBeNull();
  });

  it('enforces the time limit on the server: a late answer is refused and the attempt is submitted as saved', async () => {
    const user = await student('timed');
    const timed = await timedQuiz({ timeLimitMinutes: 10 }, user.id);
    const t0 = new Date('2026-03-01T09:00:00Z');
    const started = await startOrResumeAttempt({ quizId: timed.id, userId: user.id, now: t0 });
    if (started.status !== 'ok') throw new Error(started.message);
    expect(started.data.attempt.deadlineAt?.toISOString()).toBe('2026-03-01T09:10:00.000Z');
    const inTime = await save(
      started.data.attempt.id,
      user.id,
      timed.questionIds[1]!,
      { type: 'true-false', value: true },
      new Date('2026-03-01T09:09:59Z'),
    );
    expect(inTime.status).toBe('ok');
    const late = await save(
      started.data.attempt.id,
      user.id,
      timed.questionIds[1]!,
      { type: 'true-false', value: false },
      new Date('2026-03-01T09:11:00Z'),
    );
    expect(late).toMatchObject({ status: 'conflict', reason: 'expired' });
    const after = await attemptForUser(started.data.attempt.id, user.id, new Date('2026-03-01T09:12:00Z'));
    expect(after).toMatchObject({ status: 'submitted', autoSubmitted: true });
    expect(after?.submittedAt?.toISOString()).toBe('2026-03-01T09:10:00.000Z');
    const [kept] = (await listResponses({ attemptId: started.data.attempt.id })).filter(
      (r) => r.questionId === timed.questionIds[1],
    );
    expect(kept?.response).toEqual({ type: 'true-false', value: true });
  });

  it('limits attempts when the quiz does', async () => {
    const user = await student('once');
    const once = await timedQuiz({ attemptsAllowed: 1, timeLimitMinutes: null }, user.id);
    const started = await startOrResumeAttempt({ quizId: once.id, userId: user.id });
    if (started.status !== 'ok') throw new Error(started.message);
    await submitAttempt({ attemptId: started.data.attempt.id, userId: user.id });
    expect(await startOrResumeAttempt({ quizId: once.id, userId: user.id })).toMatchObject({
      status: 'forbidden',
      reason: 'no-attempts-left',
    });
  });

  it('checks an answer with each-question feedback and then locks it', async () => {
    const user = await student('check');
    const checked = await timedQuiz({ feedback: 'each-question', timeLimitMinutes: null }, user.id);
    const started = await startOrResumeAttempt({ quizId: checked.id, userId: user.id });
    if (started.status !== 'ok') throw new Error(started.message);
    const qid = checked.questionIds[1]!;
    const q = byId.get(qid)!;
    if (q.type !== 'true-false') throw new Error('fixture');
    await save(started.data.attempt.id, user.id, qid, { type: 'true-false', value: !q.answer.value });
    const result = await checkAnswer({
      attemptId: started.data.attempt.id,
      userId: user.id,
      questionId: qid,
    });
    expect(result).toMatchObject({ status: 'ok', data: { grade: { correct: 'incorrect' } } });
    const change = await save(started.data.attempt.id, user.id, qid, {
      type: 'true-false',
      value: q.answer.value,
    });
    expect(change).toMatchObject({ status: 'conflict', reason: 'locked' });
  });

  it('refuses checking an answer (feedback-held) under an assignment that releases feedback after the due date, until that date', async () => {
    const teacher = await student('teacher');
    const learner = await student('learner');
    const klass = await createClass({ name: 'Held', userId: teacher.id, joinCode: `HELD-${seq++}` });
    await addMember({ classId: klass.id, userId: learner.id, role: 'student' });
    // The quiz itself offers checking as you go; the assignment's release rule must win.
    const checked = await timedQuiz({ feedback: 'each-question', timeLimitMinutes: null }, teacher.id);
    const dueAt = new Date('2026-09-01T12:00:00Z');
    const before = new Date('2026-08-20T12:00:00Z');
    const assign = (feedbackRelease: 'after-due' | 'after-submit') =>
      assignForTest({ classId: klass.id, quizId: checked.id, createdBy: teacher.id, dueAt, feedbackRelease });
    const qid = checked.questionIds[1]!;
    const q = byId.get(qid)!;
    if (q.type !== 'true-false') throw new Error('fixture');
    const answered = async (assignmentId: string) => {
      const started = await startOrResumeAttempt({
        quizId: checked.id,
        userId: learner.id,
        assignmentId,
        now: before,
      });
      if (started.status !== 'ok') throw new Error(started.message);
      await save(
        started.data.attempt.id,
        learner.id,
        qid,
        { type: 'true-false', value: q.answer.value },
        before,
      );
      return started.data.attempt.id;
    };
    const check = (attemptId: string, now: Date) =>
      checkAnswer({ attemptId, userId: learner.id, questionId: qid, now });

    const held = await answered((await assign('after-due')).id);
    expect(await check(held, before)).toEqual({
      status: 'forbidden',
      message: 'This quiz shows feedback after you submit.',
      reason: 'feedback-held',
    });
    // Nothing was graded or locked: the answer can still change.
    expect(
      (await save(held, learner.id, qid, { type: 'true-false', value: !q.answer.value }, before)).status,
    ).toBe('ok');
    expect(await check(held, new Date(dueAt.getTime() + 60_000))).toMatchObject({ status: 'ok' });

    const released = await answered((await assign('after-submit')).id);
    expect(await check(released, before)).toMatchObject({
      status: 'ok',
      data: { grade: { correct: 'correct' } },
    });
  });

  it('sends flagged questions of an attempt whose feedback waits for the due date to review only once that date has passed', async () => {
    const teacher = await student('teacher');
    const learner = await student('learner');
    const klass = await createClass({ name: 'Flags held', userId: teacher.id, joinCode: `FLAG-${seq++}` });
    await addMember({ classId: klass.id, userId: learner.id, role: 'student' });
    const held = await timedQuiz({ feedback: 'after-submit', timeLimitMinutes: null }, teacher.id);
    const dueAt = new Date('2026-10-01T12:00:00Z');
    const before = new Date('2026-09-20T12:00:00Z');
    const assignment = await assignForTest({
      classId: klass.id,
      quizId: held.id,
      createdBy: teacher.id,
      dueAt,
      feedbackRelease: 'after-due',
    });
    const started = await startOrResumeAttempt({
      quizId: held.id,
      userId: learner.id,
      assignmentId: assignment.id,
      now: before,
    });
    if (started.status !== 'ok') throw new Error(started.message);
    const flagged = held.questionIds.slice(0, 2);
    for (const questionId of flagged) {
      await saveAnswer({
        session: 'checked',
        attemptId: started.data.attempt.id,
        userId: learner.id,
        questionId,
        response: null,
        flagged: true,
        confidence: null,
        clientSeq: seq++,
        now: before,
      });
    }
    await submitAttempt({ attemptId: started.data.attempt.id, userId: learner.id, now: before });
    const cards = () => listCardQuestionIds({ userId: learner.id, questionIds: flagged });
    // A review card shows its question's key: none before the due date, on any visit.
    expect([...(await cards())]).toEqual([]);
    await cardReleasedFlags({ userId: learner.id, now: before });
    expect([...(await cards())]).toEqual([]);
    await cardReleasedFlags({ userId: learner.id, now: new Date(dueAt.getTime() + 60_000) });
    expect([...(await cards())].sort()).toEqual([...flagged].sort());
  });

  it("does not open a draft reading's quiz to other students", async () => {
    const author = await student('author');
    const other = await student('other');
    const draft = await createReadingDraft({
      createdBy: author.id,
      parsed: parseReading({ text: 'Draft\n\nNot yet public.', format: 'text' }),
    });
    const draftQuiz = await upsertDefaultQuiz({
      readingId: draft.id,
      title: 'Draft quiz',
      questionIds: quiz.questionIds.slice(0, 1),
      settings: quiz.settings,
    });
    expect((await startOrResumeAttempt({ quizId: draftQuiz.id, userId: other.id })).status).toBe('not-found');
  });
});
