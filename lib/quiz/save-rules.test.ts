import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, watchQueries } from '@/db';
import { replaceQuestionData, setQuestionStatus, upsertAuthoredQuestions } from '@/db/queries/questions';
import {
  getAttempt,
  getDefaultQuiz,
  getSaveContext,
  guardedUpsertResponse,
  listResponses,
} from '@/db/queries/quizzes';
import { getReadingBySlug } from '@/db/queries/readings';
import { bumpSessionVersion, getSessionState, insertUser } from '@/db/queries/users';
import { type Quiz, type QuizSettings, questions as questionTable, quizzes, users } from '@/db/schema';
import { setUpTestDatabase } from '@/db/test-database';
import { liveSession } from '@/lib/auth/session-token';
import { seedShippedReadings } from '@/lib/seed';
import { HTTP_STATUS, type Result } from '@/lib/server/result';
import { loadAuthoredBank } from '@/questions/bank';
import type { Question } from '@/questions/schema';
import { checkAnswer, saveAnswer, startOrResumeAttempt, submitAttempt } from './attempts';

/**
 * Every rule the save of an answer keeps (lib/quiz/attempts.ts saveAnswer lists them), each
 * broken once: the save must refuse with its own answer and HTTP status, and store nothing. The
 * save runs most rules inside one guarded SQL statement, so each test here is what fails if a
 * condition is dropped from that statement or from the check that explains its refusals. Runs on
 * PGlite, and on PostgreSQL when DATABASE_URL is set.
 */
setUpTestDatabase();

const bank = loadAuthoredBank('burns-lead-with-diplomacy');
const shipped = (id: string) => bank.find((q) => q.id === id)!;
let readingId: string;
let readingSlug: string;
let defaultQuiz: Quiz;
let serial = 0;
let seq = 1;

beforeAll(async () => {
  await seedShippedReadings();
  const reading = (await getReadingBySlug({ slug: 'burns-lead-with-diplomacy' }))!;
  readingId = reading.id;
  readingSlug = reading.slug;
  defaultQuiz = (await getDefaultQuiz({ readingId }))!;
});

const student = async () => (await insertUser({ email: `saver-${serial++}@example.org`, name: 'Saver' }))!;

/** Fresh copies of shipped questions, approved, under ids no other test has used (so no process has seen them). */
async function freshQuestions(...ids: string[]): Promise<Question[]> {
  const copies = ids.map((id) => ({ ...shipped(id), id: `${id}-copy-${serial++}`, readingSlug }));
  await upsertAuthoredQuestions({ readingId, bank: copies });
  return copies;
}

/** A quiz of these questions by `author` (who may take it for self-study). */
async function quizOf(author: string, questionIds: string[], settings: Partial<QuizSettings> = {}) {
  const db = await getDb();
  const [row] = await db
    .insert(quizzes)
    .values({
      readingId,
      title: 'Save rules',
      createdBy: author,
      questionIds,
      settings: { ...defaultQuiz.settings, timeLimitMinutes: null, shuffleQuestions: false, ...settings },
    })
    .returning();
  return row!;
}

async function start(quizId: string, userId: string, now?: Date) {
  const started = await startOrResumeAttempt({ quizId, userId, now });
  if (started.status !== 'ok') throw new Error(started.message);
  return started.data.attempt;
}

/** A student's attempt at a quiz of one fresh true/false question, which they made for self-study. */
async function trueFalseAttempt() {
  const user = await student();
  const [tf] = await freshQuestions('burns-tf-expulsions');
  const quiz = await quizOf(user.id, [tf!.id]);
  return { user, tf: tf!, attempt: await start(quiz.id, user.id) };
}

const save = (
  attemptId: string,
  userId: string,
  questionId: string,
  response: unknown,
  extra: { now?: Date; clientSeq?: number } = {},
) =>
  saveAnswer({
    session: 'checked',
    attemptId,
    userId,
    questionId,
    response,
    flagged: false,
    confidence: null,
    clientSeq: extra.clientSeq ?? seq++,
    now: extra.now,
  });

/** The HTTP status the routes answer a result with (lib/server/result.ts, one table). */
const httpStatus = (result: Result<unknown>) => HTTP_STATUS[result.status];

const stored = async (attemptId: string) =>
  new Map((await listResponses({ attemptId })).map((r) => [r.questionId, r.response]));

const TRUE = { type: 'true-false', value: true } as const;

describe('saving an answer', () => {
  it('writes a question this process knows in one statement, and one it does not in two', async () => {
    const { user, tf, attempt } = await trueFalseAttempt();
    const statements: string[] = [];
    const stop = watchQueries((query) => statements.push(query));
    try {
      expect((await save(attempt.id, user.id, tf!.id, TRUE)).status).toBe('ok');
      expect(statements).toHaveLength(2);
      statements.length = 0;
      expect((await save(attempt.id, user.id, tf!.id, { type: 'true-false', value: false })).status).toBe(
        'ok',
      );
      expect(statements).toHaveLength(1);
      expect(statements[0]).toMatch(/^insert into "attempt_response"/);
    } finally {
      stop();
    }
    expect((await stored(attempt.id)).get(tf!.id)).toEqual({ type: 'true-false', value: false });
  });

  it('checks a session claim in the same statement, and a dead one in full before saying anything', async () => {
    const { user, tf, attempt } = await trueFalseAttempt();
    const version = (await getSessionState({ userId: user.id }))!.sessionVersion;
    let confirms = 0;
    // What the gate's claim.confirm() does: the full check against the user's row.
    const claim = (tokenVersion: number) => ({
      version: tokenVersion,
      confirm: async () => {
        confirms++;
        return (await liveSession(user.id, tokenVersion)) !== null;
      },
    });
    const claimed = (tokenVersion: number, value: boolean) =>
      saveAnswer({
        session: claim(tokenVersion),
        attemptId: attempt.id,
        userId: user.id,
        questionId: tf!.id,
        response: { type: 'true-false', value },
        flagged: false,
        confidence: null,
        clientSeq: seq++,
      });
    // The first save of the question reads it; after that a live session's save is one statement.
    expect((await save(attempt.id, user.id, tf!.id, TRUE)).status).toBe('ok');
    const statements: string[] = [];
    const stop = watchQueries((query) => statements.push(query));
    try {
      expect((await claimed(version, false)).status).toBe('ok');
      expect(statements).toHaveLength(1);
      expect(confirms).toBe(0);
    } finally {
      stop();
    }
    // Signed out elsewhere: the token's version is no longer the user's.
    await bumpSessionVersion({ userId: user.id });
    const dead = await claimed(version, true);
    expect(dead.status).toBe('unauthenticated');
    expect(httpStatus(dead)).toBe(401);
    expect(confirms).toBe(1);
    expect((await stored(attempt.id)).get(tf!.id)).toEqual({ type: 'true-false', value: false });
    // The new session's token carries the new version.
    expect((await claimed(version + 1, true)).status).toBe('ok');
    expect((await stored(attempt.id)).get(tf!.id)).toEqual(TRUE);
  });

  it('writes under a session check only for a user whose row passes it (version, and a confirmed email when required)', async () => {
    const { user, tf, attempt } = await trueFalseAttempt();
    expect((await save(attempt.id, user.id, tf!.id, TRUE)).status).toBe('ok');
    const db = await getDb();
    // The version the first save read the question at, as the next save would send it.
    const version = (await getSaveContext({ attemptId: attempt.id, questionId: tf!.id }))!.questionVersion!;
    const write = (session: { version: number; verifiedOnly: boolean } | null) =>
      guardedUpsertResponse({
        attemptId: attempt.id,
        userId: user.id,
        session,
        questionId: tf!.id,
        questionVersion: version,
        response: TRUE,
        flagged: false,
        confidence: null,
        clientSeq: seq++,
        savedAt: new Date(),
        notAfter: new Date(),
      });
    const current = (await getSessionState({ userId: user.id }))!.sessionVersion;
    expect(await write({ version: current + 1, verifiedOnly: false })).toBeNull();
    expect(await write({ version: current, verifiedOnly: true })).toBeNull();
    expect(await write({ version: current, verifiedOnly: false })).not.toBeNull();
    await db.update(users).set({ emailVerified: new Date() }).where(eq(users.id, user.id));
    expect(await write({ version: current, verifiedOnly: true })).not.toBeNull();
    expect(await write(null)).not.toBeNull();
  });

  it("refuses another student's attempt, and a missing one, as the policy does (404), writing nothing", async () => {
    const owner = await student();
    const intruder = await student();
    const attempt = await start(defaultQuiz.id, owner.id);
    // The owner's save makes the question known to this process: the intruder's is then tried as one statement.
    expect((await save(attempt.id, owner.id, 'burns-tf-expulsions', TRUE)).status).toBe('ok');
    const foreign = await save(attempt.id, intruder.id, 'burns-tf-expulsions', {
      type: 'true-false',
      value: false,
    });
    expect(foreign).toMatchObject({ status: 'not-found', policy: true });
    expect(httpStatus(foreign)).toBe(404);
    // Even an ill-typed answer says nothing about the question before the attempt is found to be another's.
    expect(
      await save(attempt.id, intruder.id, 'burns-tf-expulsions', { type: 'short-answer', text: 'x' }),
    ).toMatchObject({ status: 'not-found', policy: true });
    const missing = await save('00000000-0000-0000-0000-000000000000', owner.id, 'burns-tf-expulsions', TRUE);
    expect(missing).toMatchObject({ status: 'not-found', policy: true });
    expect([...(await stored(attempt.id))]).toEqual([['burns-tf-expulsions', TRUE]]);
  });

  it('refuses a submitted attempt (409 submitted) and keeps the graded answer', async () => {
    const user = await student();
    const attempt = await start(defaultQuiz.id, user.id);
    expect((await save(attempt.id, user.id, 'burns-tf-expulsions', TRUE)).status).toBe('ok');
    await submitAttempt({ attemptId: attempt.id, userId: user.id });
    const after = await save(attempt.id, user.id, 'burns-tf-expulsions', {
      type: 'true-false',
      value: false,
    });
    expect(after).toMatchObject({ status: 'conflict', reason: 'submitted' });
    expect(httpStatus(after)).toBe(409);
    expect((await stored(attempt.id)).get('burns-tf-expulsions')).toEqual(TRUE);
  });

  it('refuses an answer after the time limit and its grace (409 expired) and submits the attempt as saved', async () => {
    const user = await student();
    const [tf, mc] = await freshQuestions('burns-tf-expulsions', 'burns-main-argument');
    const quiz = await quizOf(user.id, [tf!.id, mc!.id], { timeLimitMinutes: 10 });
    const t0 = new Date('2026-03-01T09:00:00Z');
    const attempt = await start(quiz.id, user.id, t0);
    // Within the grace after the deadline: still counts.
    const inGrace = await save(attempt.id, user.id, tf!.id, TRUE, { now: new Date('2026-03-01T09:10:04Z') });
    expect(inGrace.status).toBe('ok');
    // Past it, for a question already known to this process and one that is not.
    const late = new Date('2026-03-01T09:10:06Z');
    const lateKnown = await save(
      attempt.id,
      user.id,
      tf!.id,
      { type: 'true-false', value: false },
      { now: late },
    );
    expect(lateKnown).toMatchObject({ status: 'conflict', reason: 'expired' });
    expect(httpStatus(lateKnown)).toBe(409);
    const mcOption = mc!.type === 'multiple-choice' ? mc!.options[0]!.id : '';
    const lateNew = await save(
      attempt.id,
      user.id,
      mc!.id,
      { type: 'multiple-choice', optionId: mcOption },
      { now: late },
    );
    expect(lateNew).toMatchObject({ status: 'conflict' });
    expect(await getAttempt({ attemptId: attempt.id })).toMatchObject({
      status: 'submitted',
      autoSubmitted: true,
    });
    const kept = await stored(attempt.id);
    expect(kept.get(tf!.id)).toEqual(TRUE);
    expect(kept.get(mc!.id) ?? null).toBeNull();
  });

  it('refuses a question that is not part of the attempt (400), from another quiz or retired before the start', async () => {
    const user = await student();
    const [tf, retired] = await freshQuestions('burns-tf-expulsions', 'burns-tf-expulsions');
    const quiz = await quizOf(user.id, [tf!.id, retired!.id]);
    await setQuestionStatus({ ids: [retired!.id], status: 'retired', reviewerId: user.id });
    const attempt = await start(quiz.id, user.id);
    expect(attempt.questionIds).toEqual([tf!.id]);
    const notRetired = await save(attempt.id, user.id, retired!.id, TRUE);
    expect(notRetired).toMatchObject({
      status: 'invalid',
      message: 'That question is not part of this quiz.',
    });
    expect(httpStatus(notRetired)).toBe(400);
    // A question of the reading this process already knows, but of another quiz.
    expect(
      (await save((await start(defaultQuiz.id, user.id)).id, user.id, 'burns-tf-expulsions', TRUE)).status,
    ).toBe('ok');
    const otherQuiz = await save(attempt.id, user.id, 'burns-tf-expulsions', TRUE);
    expect(otherQuiz).toMatchObject({
      status: 'invalid',
      message: 'That question is not part of this quiz.',
    });
    expect((await stored(attempt.id)).size).toBe(0);
  });

  it('keeps a question retired during the attempt answerable, as the attempt page shows it and the submit grades it', async () => {
    const { user, tf, attempt } = await trueFalseAttempt();
    expect((await save(attempt.id, user.id, tf!.id, TRUE)).status).toBe('ok');
    await setQuestionStatus({ ids: [tf!.id], status: 'retired', reviewerId: user.id });
    // The status change is a new version of the question: the copy this process kept is checked, not trusted.
    expect((await save(attempt.id, user.id, tf!.id, { type: 'true-false', value: false })).status).toBe('ok');
    expect((await stored(attempt.id)).get(tf!.id)).toEqual({ type: 'true-false', value: false });
  });

  it('refuses a question that no longer exists (400)', async () => {
    const user = await student();
    const [tf, gone] = await freshQuestions('burns-tf-expulsions', 'burns-tf-expulsions');
    const quiz = await quizOf(user.id, [tf!.id, gone!.id]);
    const attempt = await start(quiz.id, user.id);
    expect((await save(attempt.id, user.id, gone!.id, TRUE)).status).toBe('ok');
    await (await getDb()).delete(questionTable).where(eq(questionTable.id, gone!.id));
    const result = await save(attempt.id, user.id, gone!.id, TRUE);
    expect(result).toMatchObject({ status: 'invalid', message: 'That question no longer exists.' });
    expect(httpStatus(result)).toBe(400);
  });

  it('refuses an answer of the wrong shape for the question (400), whether or not this process knows the question', async () => {
    const user = await student();
    const [tf, mc, cloze] = await freshQuestions(
      'burns-tf-expulsions',
      'burns-main-argument',
      'burns-cloze-loneliness',
    );
    const quiz = await quizOf(user.id, [tf!.id, mc!.id, cloze!.id]);
    const attempt = await start(quiz.id, user.id);
    // Unknown to this process: decided on the question read from the database.
    const wrongType = await save(attempt.id, user.id, tf!.id, { type: 'short-answer', text: 'yes' });
    expect(wrongType).toMatchObject({ status: 'invalid', message: expect.stringMatching(/true-false/) });
    expect(httpStatus(wrongType)).toBe(400);
    // Known to this process (the refusal above read it): decided on its copy, before any write.
    expect((await save(attempt.id, user.id, tf!.id, { type: 'true-false', value: 'yes' })).status).toBe(
      'invalid',
    );
    expect((await save(attempt.id, user.id, tf!.id, { type: 'multiple-choice', optionId: 'a' })).status).toBe(
      'invalid',
    );
    expect(
      (await save(attempt.id, user.id, mc!.id, { type: 'multiple-choice', optionId: 'zz' })).status,
    ).toBe('invalid');
    if (cloze!.type !== 'cloze') throw new Error('fixture: burns-cloze-loneliness is a cloze question');
    const tooMany = cloze!.answer.blanks.map(() => 'word').concat('one more');
    expect(await save(attempt.id, user.id, cloze!.id, { type: 'cloze', blanks: tooMany })).toMatchObject({
      status: 'invalid',
      message: 'Too many blanks',
    });
    expect((await stored(attempt.id)).size).toBe(0);
    // A cleared answer (null) is a valid save.
    expect((await save(attempt.id, user.id, tf!.id, null)).status).toBe('ok');
  });

  it('validates against the question as stored, not a copy made before another app server edited it', async () => {
    const user = await student();
    const [mc] = await freshQuestions('burns-main-argument');
    if (mc!.type !== 'multiple-choice') throw new Error('fixture: burns-main-argument is multiple choice');
    const quiz = await quizOf(user.id, [mc!.id]);
    const attempt = await start(quiz.id, user.id);
    const [first, ...rest] = mc!.options;
    expect(
      (await save(attempt.id, user.id, mc!.id, { type: 'multiple-choice', optionId: first!.id })).status,
    ).toBe('ok');
    // The edit goes straight to the database, as through another app server: this process still has the old copy.
    const edited = { ...mc!, options: rest, answer: { optionId: rest[0]!.id } };
    await replaceQuestionData({ id: mc!.id, data: edited, reviewerId: user.id });
    const removed = await save(attempt.id, user.id, mc!.id, { type: 'multiple-choice', optionId: first!.id });
    expect(removed).toMatchObject({ status: 'invalid' });
    expect((await stored(attempt.id)).get(mc!.id)).toEqual({ type: 'multiple-choice', optionId: first!.id });
    const kept = await save(attempt.id, user.id, mc!.id, { type: 'multiple-choice', optionId: rest[0]!.id });
    expect(kept.status).toBe('ok');
  });

  it('refuses changing an answer checked with feedback (409 locked), and keeps a newer save over an older one', async () => {
    const user = await student();
    const [tf, tf2] = await freshQuestions('burns-tf-expulsions', 'burns-tf-expulsions');
    const quiz = await quizOf(user.id, [tf!.id, tf2!.id], { feedback: 'each-question' });
    const attempt = await start(quiz.id, user.id);
    expect((await save(attempt.id, user.id, tf!.id, TRUE)).status).toBe('ok');
    expect((await checkAnswer({ attemptId: attempt.id, userId: user.id, questionId: tf!.id })).status).toBe(
      'ok',
    );
    const locked = await save(attempt.id, user.id, tf!.id, { type: 'true-false', value: false });
    expect(locked).toMatchObject({ status: 'conflict', reason: 'locked' });
    expect(httpStatus(locked)).toBe(409);
    expect((await stored(attempt.id)).get(tf!.id)).toEqual(TRUE);

    const newer = await save(attempt.id, user.id, tf2!.id, TRUE, { clientSeq: 1_000_000 });
    const older = await save(
      attempt.id,
      user.id,
      tf2!.id,
      { type: 'true-false', value: false },
      { clientSeq: 999_999 },
    );
    expect(newer.status).toBe('ok');
    // Acknowledged as superseded: what it answers is the newer save, which is what is stored.
    expect(older).toMatchObject({ status: 'ok', data: { saved: { clientSeq: 1_000_000 } } });
    expect((await stored(attempt.id)).get(tf2!.id)).toEqual(TRUE);
  });
});
