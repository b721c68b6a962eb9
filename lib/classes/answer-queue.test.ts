import { beforeAll, describe, expect, it } from 'vitest';
import { listAnswersAwaitingInstructor, storeInstructorGrades } from '@/db/queries/class-progress';
import { addMember, createClass } from '@/db/queries/classes';
import { getAttempt, getDefaultQuiz, getResponse } from '@/db/queries/quizzes';
import { getReadingBySlug } from '@/db/queries/readings';
import { insertUser } from '@/db/queries/users';
import type { Quiz } from '@/db/schema';
import { setUpTestDatabase } from '@/db/test-database';
import { assignForTest } from '@/db/test-fixtures';
import { saveAnswer, startOrResumeAttempt, submitAttempt } from '@/lib/quiz/attempts';
import { storedFeedbackView } from '@/lib/quiz/feedback';
import { seedShippedReadings } from '@/lib/seed';
import { loadAuthoredBank } from '@/questions/bank';
import type { ClaimEvidenceReasoningQuestion, ShortAnswerQuestion } from '@/questions/schema';
import {
  answerQueue,
  classExamples,
  type FreeTextQuestion,
  gradesForGroup,
  scoreForVerdicts,
} from './answer-queue';
import { classGradebook } from './dashboard';

setUpTestDatabase();

const bank = loadAuthoredBank('burns-lead-with-diplomacy');
const coalitions = bank.find((q) => q.id === 'burns-why-coalitions') as ShortAnswerQuestion;
const sanctions = bank.find((q) => q.id === 'burns-why-sanctions') as ShortAnswerQuestion;
const isolation = bank.find((q) => q.id === 'burns-cer-isolation') as ClaimEvidenceReasoningQuestion;
let quiz: Quiz;

/** The instructor's queue of one free-text question of the assignment, read as its page reads it. */
const queueOf = async (classId: string, assignmentId: string, question: FreeTextQuestion) =>
  answerQueue({
    classId,
    assignmentId,
    question,
    quizQuestions: quiz.questionIds.map((id) => bank.find((q) => q.id === id)!),
    book: await classGradebook(classId),
  });
let seq = 1;

beforeAll(async () => {
  await seedShippedReadings();
  const reading = await getReadingBySlug({ slug: 'burns-lead-with-diplomacy' });
  quiz = (await getDefaultQuiz({ readingId: reading!.id }))!;
});

async function classWithAssignment() {
  const teacher = (await insertUser({ email: `teacher-${seq++}@example.org`, name: 'Teacher' }))!;
  const klass = await createClass({ name: 'IR 101', userId: teacher.id, joinCode: `CODE${seq++}X` });
  const assignment = await assignForTest({ classId: klass.id, quizId: quiz.id, createdBy: teacher.id });
  return { teacher, klass, assignment };
}

/** A student of the class who answers the coalitions question (or `question`) with `text` and submits. */
async function submits(
  classId: string,
  assignmentId: string,
  name: string,
  text: string,
  question: ShortAnswerQuestion = coalitions,
) {
  const user = (await insertUser({ email: `${name}-${seq++}@example.org`, name }))!;
  await addMember({ classId, userId: user.id, role: 'student' });
  const started = await startOrResumeAttempt({ quizId: quiz.id, userId: user.id, assignmentId });
  if (started.status !== 'ok') throw new Error(started.message);
  const attemptId = started.data.attempt.id;
  const saved = await saveAnswer({
    session: 'checked',
    attemptId,
    userId: user.id,
    questionId: question.id,
    response: { type: 'short-answer', text },
    flagged: false,
    confidence: null,
    clientSeq: seq++,
  });
  expect(saved.status).toBe('ok');
  expect((await submitAttempt({ attemptId, userId: user.id })).status).toBe('ok');
  return { user, attemptId };
}

describe('scores from an instructor verdict', () => {
  it('is the share of points made, partly counting half', () => {
    const ids = coalitions.rubric.keyPoints.map((k) => k.id);
    const all = Object.fromEntries(ids.map((id) => [id, 'met' as const]));
    expect(scoreForVerdicts(coalitions, all, null)).toBe(1);
    const one = {
      ...Object.fromEntries(ids.map((id) => [id, 'missed' as const])),
      [ids[0]!]: 'partly' as const,
    };
    expect(scoreForVerdicts(coalitions, one, null)).toBeCloseTo(0.5 / ids.length, 3);
  });

  it('keeps the evidence part of claim-evidence-reasoning as the answer earned it', () => {
    const all = Object.fromEntries(isolation.rubric.keyPoints.map((k) => [k.id, 'met' as const]));
    const none = Object.fromEntries(isolation.rubric.keyPoints.map((k) => [k.id, 'missed' as const]));
    const right = {
      type: 'claim-evidence-reasoning' as const,
      sentenceId: isolation.answer.sentenceIds[0]!,
      reasoning: 'x',
    };
    const wrong = { ...right, sentenceId: null };
    const { evidence, reasoning } = isolation.weights;
    expect(scoreForVerdicts(isolation, all, right)).toBe(1);
    expect(scoreForVerdicts(isolation, all, wrong)).toBeCloseTo(reasoning / (evidence + reasoning), 3);
    expect(scoreForVerdicts(isolation, none, right)).toBeCloseTo(evidence / (evidence + reasoning), 3);
  });
});

describe('instructor grades', () => {
  it('change the label, score and attempt together, and teach the grader for later answers', async () => {
    const { teacher, klass, assignment } = await classWithAssignment();
    const answer = 'Working with others counts since Moscow stands nearly alone and Washington does not.';
    const first = await submits(klass.id, assignment.id, 'first', answer);
    const before = (await getResponse({ attemptId: first.attemptId, questionId: coalitions.id }))!;
    const verdicts = Object.fromEntries(coalitions.rubric.keyPoints.map((k) => [k.id, 'met' as const]));

    await storeInstructorGrades({
      grades: (await gradesForGroup({
        assignmentId: assignment.id,
        question: coalitions,
        attemptIds: [first.attemptId],
        verdicts,
      }))!,
      comment: 'All three points.',
      instructorId: teacher.id,
    });
    const after = (await getResponse({ attemptId: first.attemptId, questionId: coalitions.id }))!;
    expect(after.overrideScore).toBe(1);
    expect(after.overrideKeyPoints).toEqual(verdicts);
    const view = storedFeedbackView(coalitions, after)!;
    expect(view).toMatchObject({
      score: 1,
      correct: 'correct',
      instructor: { comment: 'All three points.' },
    });
    expect(view.keyPointsMissed).toEqual([]);
    // The attempt counts the new grade: this one question of twelve right.
    const attempt = (await getAttempt({ attemptId: first.attemptId }))!;
    expect(attempt.score).toBeCloseTo(1 / quiz.questionIds.length, 3);

    const examples = await classExamples(klass.id, [coalitions]);
    expect(examples.get(coalitions.id)).toEqual([{ answer, score: 1, keyPoints: verdicts }]);
    // Another class's grader has learnt nothing from it.
    const other = await classWithAssignment();
    expect((await classExamples(other.klass.id, [coalitions])).size).toBe(0);

    // The same answer from a classmate after the grade is graded with the instructor's example.
    const second = await submits(klass.id, assignment.id, 'second', answer);
    const later = (await getResponse({ attemptId: second.attemptId, questionId: coalitions.id }))!;
    expect(later.grade!.score).toBeGreaterThan(before.grade!.score);
    const elsewhere = await submits(other.klass.id, other.assignment.id, 'elsewhere', answer);
    const unlearnt = (await getResponse({ attemptId: elsewhere.attemptId, questionId: coalitions.id }))!;
    expect(unlearnt.grade!.score).toBe(before.grade!.score);
    // An answer from another class's assignment cannot be graded through this one.
    expect(
      await gradesForGroup({
        assignmentId: assignment.id,
        question: coalitions,
        attemptIds: [second.attemptId, elsewhere.attemptId],
        verdicts,
      }),
    ).toBeNull();
  });

  it('queue the class answers in groups, the ones to grade first', async () => {
    const { teacher, klass, assignment } = await classWithAssignment();
    const alike = 'Coalitions help because Russia has few friends and America has many allies.';
    const a = await submits(klass.id, assignment.id, 'ana', alike);
    const b = await submits(klass.id, assignment.id, 'ben', `${alike} `);
    const c = await submits(klass.id, assignment.id, 'cleo', 'It was about a poisoning in England.');
    const queue = await queueOf(klass.id, assignment.id, coalitions);
    expect(queue.answered).toBe(3);
    const groupOf = (id: string) => queue.groups.findIndex((g) => g.answers.some((x) => x.attemptId === id));
    expect(groupOf(a.attemptId)).toBe(groupOf(b.attemptId));
    expect(groupOf(c.attemptId)).not.toBe(groupOf(a.attemptId));

    const verdicts = Object.fromEntries(coalitions.rubric.keyPoints.map((k) => [k.id, 'missed' as const]));
    await storeInstructorGrades({
      grades: (await gradesForGroup({
        assignmentId: assignment.id,
        question: coalitions,
        attemptIds: [c.attemptId],
        verdicts,
      }))!,
      comment: null,
      instructorId: teacher.id,
    });
    const again = await queueOf(klass.id, assignment.id, coalitions);
    expect(again.graded).toBe(1);
    expect(again.examples).toBe(1);
    const last = again.groups.at(-1)!;
    expect(last.ungraded).toBe(0);
    expect(last.suggested).toEqual(verdicts);
    expect(again.groups[0]!.ungraded).toBeGreaterThan(0);
  });

  it('tell an instructor how many unsure answers wait for them, until graded', async () => {
    const { teacher, klass, assignment } = await classWithAssignment();
    const spanish = await submits(
      klass.id,
      assignment.id,
      'sofia',
      'Rusia casi no tiene amigos, mientras que Estados Unidos tiene muchos aliados.',
    );
    const stored = (await getResponse({ attemptId: spanish.attemptId, questionId: coalitions.id }))!;
    expect(stored.grade).toMatchObject({ needsReview: true });
    expect(storedFeedbackView(coalitions, stored)!.provisional).toBe(true);
    expect(await listAnswersAwaitingInstructor({ instructorId: teacher.id })).toEqual([
      { classId: klass.id, assignmentId: assignment.id, title: 'Burns', answers: 1 },
    ]);
    // Nobody else is asked to grade them.
    expect(await listAnswersAwaitingInstructor({ instructorId: spanish.user.id })).toEqual([]);
    const verdicts = Object.fromEntries(coalitions.rubric.keyPoints.map((k) => [k.id, 'met' as const]));
    await storeInstructorGrades({
      grades: (await gradesForGroup({
        assignmentId: assignment.id,
        question: coalitions,
        attemptIds: [spanish.attemptId],
        verdicts,
      }))!,
      comment: null,
      instructorId: teacher.id,
    });
    expect(await listAnswersAwaitingInstructor({ instructorId: teacher.id })).toEqual([]);
  });

  it('say why each answer waits: one that seems to deny a point, one in another language', async () => {
    const { klass, assignment } = await classWithAssignment();
    const denying = await submits(
      klass.id,
      assignment.id,
      'dara',
      'Putin is diplomatically lonely, but coordinated pressure from many countries can never alter his calculus.',
    );
    const spanish = await submits(
      klass.id,
      assignment.id,
      'ines',
      'Rusia casi no tiene amigos, mientras que Estados Unidos tiene muchos aliados.',
    );
    const queue = await queueOf(klass.id, assignment.id, coalitions);
    const reasonsOf = (attemptId: string) =>
      queue.groups.flatMap((g) => g.answers).find((a) => a.attemptId === attemptId)!.reviewReasons;
    expect(reasonsOf(denying.attemptId)).toContain('may-deny');
    expect(reasonsOf(spanish.attemptId)).toContain('other-language');
    // The student reads why, and which point their answer seems to deny, from the stored grade.
    const stored = (await getResponse({ attemptId: denying.attemptId, questionId: coalitions.id }))!;
    const view = storedFeedbackView(coalitions, stored, { instructorReviews: true })!;
    expect(view).toMatchObject({
      provisional: true,
      instructorReviews: true,
      provisionalBecause: expect.stringContaining('it seems to deny a point'),
    });
    expect(view.keyPointsQuestioned).toEqual([expect.objectContaining({ id: 'calculus', why: 'opposite' })]);
    expect(view.keyPointsMissed.map((k) => k.id)).not.toContain('calculus');
    // Outside an assignment no instructor sees it, and the card must not promise one.
    expect(storedFeedbackView(coalitions, stored)!.instructorReviews).toBe(false);
  });

  it('notice an answer written for another question of the quiz, at submit and in the queue', async () => {
    const { klass, assignment } = await classWithAssignment();
    // Written for "Why coalitions?" (data/ir-sibling-answers.jsonl), typed under "Why sanctions?".
    const misplaced = await submits(
      klass.id,
      assignment.id,
      'omar',
      'Russia stands almost friendless in the world, while America can call on dozens of partners; acting together takes longer and is more frustrating, but what results endures, and joint pressure can shift how the Kremlin weighs its choices.',
      sanctions,
    );
    const stored = (await getResponse({ attemptId: misplaced.attemptId, questionId: sanctions.id }))!;
    expect(stored.grade?.reviewReasons).toContain('other-question');
    expect(stored.grade?.feedback).toContain(coalitions.prompt);
    const view = storedFeedbackView(sanctions, stored, { instructorReviews: true })!;
    expect(view.provisionalBecause).toContain('another of these questions');
    expect(view.otherQuestion).toBe(coalitions.prompt);
    const queue = await queueOf(klass.id, assignment.id, sanctions);
    const answer = queue.groups.flatMap((g) => g.answers).find((a) => a.attemptId === misplaced.attemptId)!;
    expect(answer.reviewReasons).toContain('other-question');
    expect(answer.verdicts).toEqual(
      Object.fromEntries(stored.grade!.keyPoints!.map((k) => [k.id, k.status])),
    );
  });
});
