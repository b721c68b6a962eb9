import { beforeAll, describe, expect, it } from 'vitest';
import { getDefaultQuiz, getQuestionsByIds, listResponses } from '@/db/queries/quizzes';
import { getReadingBySlug } from '@/db/queries/readings';
import { insertUser } from '@/db/queries/users';
import type { Quiz } from '@/db/schema';
import { setUpTestDatabase } from '@/db/test-database';
import { seedShippedReadings } from '@/lib/seed';
import type { Question } from '@/questions/schema';
import { answerVariant } from './answer-variants';
import { type SaveInput, saveAnswer, startOrResumeAttempt, submitAttempt } from './attempts';

/**
 * Saves racing a submit of the same attempt, as when a student's second tab (or a slow network)
 * submits while the first is still saving. Runs on whichever database the suite runs on: on
 * PostgreSQL the saves and the submit go through separate pooled connections, so they really
 * interleave. The rule checked: every save acknowledged as written is the answer that was graded.
 */
setUpTestDatabase();

let quiz: Quiz;
let questions: Question[];

beforeAll(async () => {
  await seedShippedReadings();
  const reading = await getReadingBySlug({ slug: 'burns-lead-with-diplomacy' });
  quiz = (await getDefaultQuiz({ readingId: reading!.id }))!;
  const rows = await getQuestionsByIds({ ids: quiz.questionIds });
  questions = quiz.questionIds.map((id) => rows.get(id)!.data);
});

/** Lets other queued work run, so a submit can start between any two saves. */
const yieldTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('saves racing a submit of the same attempt', () => {
  it('grades every acknowledged save, and acknowledges none it did not keep', async () => {
    const rounds = 16;
    let acknowledged = 0;
    let refused = 0;
    let graded = 0;
    for (let round = 0; round < rounds; round++) {
      const user = (await insertUser({ email: `race-${round}@example.org`, name: `Racer ${round}` }))!;
      const started = await startOrResumeAttempt({ quizId: quiz.id, userId: user.id });
      if (started.status !== 'ok') throw new Error(started.message);
      const attemptId = started.data.attempt.id;

      // Client A: two saves per question, the second newer, fired without waiting for answers.
      const sends: { input: SaveInput; result: ReturnType<typeof saveAnswer> }[] = [];
      // Client B: submits after a number of saves that moves with the round.
      const submitAfter = (round * 5) % (questions.length * 2);
      let submitted: ReturnType<typeof submitAttempt> | undefined;
      let seq = 1;
      // A save answered before the submit starts is always kept, whatever the race does.
      const early: SaveInput = {
        attemptId,
        userId: user.id,
        session: 'checked',
        questionId: questions[0]!.id,
        response: answerVariant(questions[0]!, round),
        flagged: false,
        confidence: null,
        clientSeq: seq++,
      };
      const earlyResult = saveAnswer(early);
      expect((await earlyResult).status).toBe('ok');
      sends.push({ input: early, result: earlyResult });
      for (let pass = 0; pass < 2; pass++) {
        for (const [index, q] of questions.entries()) {
          const input: SaveInput = {
            attemptId,
            userId: user.id,
            session: 'checked',
            questionId: q.id,
            response: answerVariant(q, round + index + pass),
            flagged: false,
            confidence: null,
            clientSeq: seq++,
          };
          sends.push({ input, result: saveAnswer(input) });
          if (sends.length === submitAfter) submitted = submitAttempt({ attemptId, userId: user.id });
          await yieldTurn();
        }
      }
      submitted ??= submitAttempt({ attemptId, userId: user.id });
      const results = await Promise.all(sends.map((s) => s.result));
      const submit = await submitted;
      expect(submit.status).toBe('ok');

      // A save sent once the submit has answered is always refused, whatever the race did.
      const late = await saveAnswer({ ...sends[0]!.input, clientSeq: seq++ });
      expect(late.status).toBe('conflict');
      refused++;

      // The newest acknowledged save of each question is the answer that must have been graded.
      const expected = new Map<string, SaveInput>();
      for (const [i, result] of results.entries()) {
        const input = sends[i]!.input;
        if (result.status !== 'ok') {
          expect(result.status).toBe('conflict');
          refused++;
          continue;
        }
        acknowledged++;
        const kept = result.data.saved;
        // A save answered "ok" either wrote its own answer or was superseded by a newer one.
        expect(kept.clientSeq).toBeGreaterThanOrEqual(input.clientSeq);
        const before = expected.get(input.questionId);
        if (!before || before.clientSeq < input.clientSeq) expected.set(input.questionId, input);
      }
      const stored = new Map((await listResponses({ attemptId })).map((r) => [r.questionId, r]));
      for (const [questionId, input] of expected) {
        const row = stored.get(questionId);
        expect(row?.clientSeq, `round ${round}, ${questionId}`).toBeGreaterThanOrEqual(input.clientSeq);
        expect(row?.grade, `round ${round}, ${questionId} was acknowledged but not graded`).not.toBeNull();
        if (row?.clientSeq === input.clientSeq) {
          expect(row.response).toEqual(input.response);
          expect(row.grade?.feedback).not.toBe('Not answered.');
          graded++;
        }
      }
      // Nothing is stored that was not acknowledged: a refused save left no trace.
      for (const [questionId, row] of stored) {
        if (!row.response) continue;
        const ack = expected.get(questionId);
        expect(ack, `round ${round}, ${questionId} stored without acknowledgement`).toBeDefined();
        expect(row.clientSeq).toBe(ack!.clientSeq);
      }
    }
    // How the race interleaves depends on the machine's load, so only the fixed points are
    // asserted: saves before the submit were kept and graded, the late ones refused.
    expect(acknowledged).toBeGreaterThan(0);
    expect(refused).toBeGreaterThanOrEqual(rounds);
    expect(graded).toBeGreaterThan(0);
  });
});
