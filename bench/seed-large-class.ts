/**
 * Seeds a large class for the dashboard benchmark: one instructor, 1,000 students, 30
 * assignments of the Burns essay, each with its own 20-question quiz drawn from the Burns bank
 * (authored and generated questions, all approved), and the attempts a term of such a class
 * leaves behind. Deterministic: one seeded generator decides everything, ids included; only the
 * dates move, anchored on today (UTC) so that most assignments are always in the past.
 *
 *   npm run seed:large-class     seeds the configured database (DATABASE_URL, else the PGlite
 *                                folder): never while a server has that PGlite folder open.
 *
 * How answers are made: each student has an ability and habits (how often they miss or are
 * late), each question a difficulty and a discrimination; the chance of a right answer is
 * logistic in their difference. A wrong answer picks one of the question's plausible wrong
 * answers, some more attractive than others, or a partly right one where the type has one.
 * Every answer variant is graded once, by the app's own grader, and its grade reused.
 */
import { and, eq, sql } from 'drizzle-orm';
import { closeDb, configureDatabase, getClient } from '@/db';
import { rebuildAssignmentResults } from '@/db/queries/assignment-results';
import { getReadingBySlug } from '@/db/queries/readings';
import {
  type AttemptResponse,
  accommodations,
  assignments,
  attemptResponses,
  attempts,
  classes,
  classMembers,
  type LatePolicy,
  type QuestionRow,
  type QuizSettings,
  questions,
  quizzes,
  type StoredGrade,
  users,
} from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { gradeSaved } from '@/lib/quiz/attempts';
import { loadShippedReading } from '@/lib/reading/content';
import { seedShippedReadings } from '@/lib/seed';
import { ruleBasedProvider } from '@/questions/providers';
import type { Response as Answer, Question } from '@/questions/schema';

export const LARGE_CLASS = {
  name: 'IR 101: Diplomacy and Statecraft, large lecture',
  instructor: { name: 'Prof. Helen Carter', email: 'instructor@large-class.statecraft' },
  /** Every account of the large class signs in with it (benchmark data, never a real class). */
  password: 'large-class passphrase',
  readingSlug: 'burns-lead-with-diplomacy',
} as const;

export type LargeClassOptions = {
  students?: number;
  assignments?: number;
  questionsPerQuiz?: number;
  /** Seed of the generator: the same seed gives the same class. */
  seed?: number;
  /** Dates are laid out around this moment (default: today, 00:00 UTC). */
  now?: Date;
  log?: (line: string) => void;
};

export type SeedStep = { step: string; rows: number; seconds: number };

export type LargeClassSeed = {
  classId: string;
  className: string;
  instructorEmail: string;
  password: string;
  students: number;
  assignments: number;
  questionsPerQuiz: number;
  attempts: number;
  responses: number;
  steps: SeedStep[];
  seconds: number;
};

const DAY = 86_400_000;
const MINUTE = 60_000;
/** Rows per INSERT statement: 4,000 answers × 7 parameters stays under PostgreSQL's 65,535. */
const CHUNK = 4_000;

// ---- A seeded generator (mulberry32) and what is drawn from it ----

function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    between: (lo: number, hi: number) => lo + next() * (hi - lo),
    normal: (mean: number, sd: number) =>
      mean + sd * Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
    pick: <T>(items: readonly T[]): T => items[int(items.length)]!,
    weighted: <T>(items: readonly { weight: number; value: T }[]): T => {
      let r = next() * items.reduce((sum, i) => sum + i.weight, 0);
      for (const item of items) {
        r -= item.weight;
        if (r < 0) return item.value;
      }
      return items[items.length - 1]!.value;
    },
    shuffle: <T>(items: readonly T[]): T[] => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
    /** A version-4-shaped UUID, so ids look like the app's own (class ids are checked for it). */
    uuid: () => {
      const hex = Array.from({ length: 4 }, () => int(0x1_0000_0000).toString(16).padStart(8, '0')).join('');
      const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    },
  };
}

type Rng = ReturnType<typeof generator>;

// biome-ignore format: a list of names
const FIRST_NAMES = [
  'Aisha', 'Alejandro', 'Amelia', 'Arjun', 'Beatriz', 'Chen', 'Chiara', 'Daniel', 'Dmitri', 'Elena',
  'Emeka', 'Fatima', 'Finn', 'Gabriel', 'Hana', 'Hugo', 'Ines', 'Isaac', 'Jamal', 'Jana', 'Kai', 'Kenji',
  'Laila', 'Lucas', 'Maja', 'Mateo', 'Mei', 'Nadia', 'Noah', 'Olga', 'Omar', 'Priya', 'Rafael', 'Sara',
  'Sofia', 'Tariq', 'Thandiwe', 'Tomasz', 'Yara', 'Zoe',
];
// biome-ignore format: a list of names
const LAST_NAMES = [
  'Adeyemi', 'Andersen', 'Bauer', 'Bianchi', 'Costa', 'Dubois', 'Eriksson', 'Fernandes', 'García', 'Gupta',
  'Haddad', 'Ivanova', 'Jensen', 'Kim', 'Kowalski', 'Lindqvist', 'Mbeki', 'Moreau', 'Müller', 'Nakamura',
  'Novak', 'Okafor', 'Olsen', 'Park', 'Petrov', 'Quispe', 'Rahman', 'Rossi', 'Santos', 'Schmidt',
  'Singh', 'Tanaka', 'Torres', 'Van Dijk', 'Wang', 'Weber', 'Xu', 'Yilmaz', 'Zhang', 'Zielinski',
];

// ---- Answer variants: a few per question, graded once ----

type Outcome = 'correct' | 'partial' | 'incorrect';
type Variant = { response: Answer | null; grade: StoredGrade; weight: number };
type QuestionModel = {
  question: Question;
  /** Item response theory: difficulty (logits) and discrimination. */
  difficulty: number;
  discrimination: number;
  variants: Record<Outcome, Variant[]>;
  unanswered: StoredGrade;
};

const VAGUE = 'Burns says diplomacy is important and the United States should use it more.';
const OFF_TOPIC = 'The essay is mostly about the economy and trade between Europe and China.';

/** Answers a student might plausibly give to a question, right, partly right and wrong. */
function candidateAnswers(q: Question): Answer[] {
  switch (q.type) {
    case 'multiple-choice':
      return q.options.map((o) => ({ type: q.type, optionId: o.id }));
    case 'true-false':
      return [true, false].map((value) => ({ type: q.type, value }));
    case 'select-evidence':
      return q.options.map((o) => ({ type: q.type, sentenceId: o.id }));
    case 'multiple-answer': {
      const key = q.answer.optionIds;
      const wrong = q.options.map((o) => o.id).filter((id) => !key.includes(id));
      return [
        { type: q.type, optionIds: key },
        { type: q.type, optionIds: key.slice(0, Math.max(1, key.length - 1)) },
        { type: q.type, optionIds: [...key, wrong[0]!] },
        ...wrong.map((id) => ({ type: q.type, optionIds: [id] })),
      ];
    }
    case 'cloze': {
      const right = q.answer.blanks.map((b) => b.accepted[0]!);
      const accepted = new Set(q.answer.blanks.flatMap((b) => b.accepted.map((a) => a.toLowerCase())));
      const decoys = (q.wordBank ?? []).filter((w) => !accepted.has(w.toLowerCase()));
      const wrongWords = decoys.length ? decoys : ['power', 'sanctions'];
      return [
        { type: q.type, blanks: right },
        ...(right.length > 1 ? [{ type: q.type, blanks: [right[0]!, ...right.slice(1).map(() => '')] }] : []),
        ...wrongWords.map((w) => ({ type: q.type, blanks: right.map(() => w) })),
      ];
    }
    case 'short-answer': {
      const [first, second] = q.rubric.keyPoints;
      return [
        { type: q.type, text: q.modelAnswer },
        { type: q.type, text: first!.text },
        ...(second ? [{ type: q.type, text: `${first!.accept[0] ?? first!.text} ${VAGUE}` }] : []),
        { type: q.type, text: VAGUE },
        { type: q.type, text: OFF_TOPIC },
      ];
    }
    case 'matching': {
      const left = q.left.map((o) => o.id);
      const key = left.map((id) => q.answer.pairs[id]!);
      const pairsOf = (rights: string[]) => Object.fromEntries(left.map((id, i) => [id, rights[i]!]));
      const swapped = [key[1]!, key[0]!, ...key.slice(2)];
      const rotated = [...key.slice(1), key[0]!];
      return [
        { type: q.type, pairs: pairsOf(key) },
        { type: q.type, pairs: pairsOf(swapped) },
        { type: q.type, pairs: pairsOf(rotated) },
      ];
    }
    case 'ordering': {
      const key = q.answer.order;
      return [
        { type: q.type, order: key },
        { type: q.type, order: [key[1]!, key[0]!, ...key.slice(2)] },
        { type: q.type, order: [...key].reverse() },
      ];
    }
    case 'claim-evidence-reasoning': {
      const key = q.answer.sentenceIds[0]!;
      const wrong = q.options.map((o) => o.id).filter((id) => !q.answer.sentenceIds.includes(id));
      return [
        { type: q.type, sentenceId: key, reasoning: q.modelAnswer },
        { type: q.type, sentenceId: key, reasoning: VAGUE },
        ...wrong.flatMap((id) => [
          { type: q.type, sentenceId: id, reasoning: q.modelAnswer },
          { type: q.type, sentenceId: id, reasoning: VAGUE },
        ]),
        { type: q.type, sentenceId: null, reasoning: OFF_TOPIC },
      ];
    }
  }
}

/** `gradeSaved` reads only the question's data and the saved response (each question's outcomes alone). */
const gradeAs = (question: Question, response: Answer | null) =>
  gradeSaved({ data: question } as QuestionRow, response ? ({ response } as AttemptResponse) : undefined, {
    quizQuestions: [],
  });

function modelQuestion(question: Question, rng: Rng): QuestionModel {
  const variants: Record<Outcome, Variant[]> = { correct: [], partial: [], incorrect: [] };
  const seen = new Set<string>();
  for (const response of candidateAnswers(question)) {
    const key = JSON.stringify(response);
    if (seen.has(key)) continue;
    seen.add(key);
    const grade = gradeAs(question, response);
    // Some wrong answers attract far more students than others.
    variants[grade.correct].push({
      response,
      grade,
      weight: grade.correct === 'correct' ? 1 : 0.2 + rng.next() ** 2 * 5,
    });
  }
  if (variants.correct.length === 0) throw new Error(`${question.id}: no answer variant is graded correct`);
  return {
    question,
    difficulty: (question.difficulty - 2) * 0.9 + rng.normal(0, 0.5),
    discrimination: rng.between(0.6, 1.8),
    variants,
    unanswered: gradeAs(question, null),
  };
}

function answer(
  model: QuestionModel,
  ability: number,
  rng: Rng,
): { variant: Variant; outcome: Outcome } | null {
  if (rng.next() < 0.01) return null; // left blank
  const p = 1 / (1 + Math.exp(-model.discrimination * (ability - model.difficulty)));
  let outcome: Outcome = rng.next() < p ? 'correct' : rng.next() < 0.45 ? 'partial' : 'incorrect';
  if (model.variants[outcome].length === 0) outcome = outcome === 'partial' ? 'incorrect' : 'partial';
  if (model.variants[outcome].length === 0) outcome = 'correct';
  const variant = rng.weighted(model.variants[outcome].map((v) => ({ weight: v.weight, value: v })));
  return { variant, outcome };
}

// ---- The class ----

type Student = {
  id: string;
  name: string;
  email: string;
  ability: number;
  missRate: number;
  lateRate: number;
};

type Plan = {
  id: string;
  quizId: string;
  title: string;
  opensAt: Date;
  dueAt: Date;
  attemptsAllowed: number | null;
  timeLimitMinutes: number | null;
  latePolicy: LatePolicy;
  feedbackRelease: 'after-submit' | 'after-due';
  questionIds: string[];
};

type AccommodationRow = typeof accommodations.$inferInsert;
type AttemptRow = typeof attempts.$inferInsert;
type ResponseRow = typeof attemptResponses.$inferInsert;

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
const startOfDayUtc = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

/** Seeds the large class into the configured database (migrating it first). */
export async function seedLargeClass(options: LargeClassOptions = {}): Promise<LargeClassSeed> {
  const studentCount = options.students ?? 1_000;
  const assignmentCount = options.assignments ?? 30;
  const perQuiz = options.questionsPerQuiz ?? 20;
  const log = options.log ?? console.log;
  const now = options.now ?? startOfDayUtc(new Date());
  const rng = generator(options.seed ?? 20_260_101);
  const steps: SeedStep[] = [];
  const started = performance.now();
  const step = async <T>(name: string, run: () => Promise<{ rows: number; value: T }>): Promise<T> => {
    const t0 = performance.now();
    const { rows, value } = await run();
    const seconds = (performance.now() - t0) / 1000;
    steps.push({ step: name, rows, seconds });
    log(
      `  ${name.padEnd(40)} ${rows ? `${String(rows).padStart(8)} rows` : ''.padStart(13)} ${seconds.toFixed(1).padStart(6)} s`,
    );
    return value;
  };

  const client = await getClient();
  const { db } = client;
  const readingId = await step('migrations, shipped readings', async () => {
    await client.migrate();
    const [existing] = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, LARGE_CLASS.instructor.email));
    if (existing)
      throw new Error(`${LARGE_CLASS.instructor.email} already exists: the large class is seeded.`);
    await seedShippedReadings();
    const reading = await getReadingBySlug({ slug: LARGE_CLASS.readingSlug });
    if (!reading) throw new Error(`The ${LARGE_CLASS.readingSlug} reading is not in content/`);
    return { rows: 0, value: reading.id };
  });

  // People first: the instructor reviews the generated questions.
  const passwordHash = await hashPassword(LARGE_CLASS.password);
  const instructorId = rng.uuid();
  const classId = rng.uuid();
  const names = rng.shuffle(FIRST_NAMES.flatMap((first) => LAST_NAMES.map((last) => `${first} ${last}`)));
  const students: Student[] = Array.from({ length: studentCount }, (_, i) => {
    const name = names[i % names.length]!;
    const handle = name
      .normalize('NFD')
      .replace(/[^A-Za-z ]/g, '')
      .toLowerCase()
      .replace(/ /g, '.');
    return {
      id: rng.uuid(),
      name,
      email: `${handle}.${String(i + 1).padStart(4, '0')}@students.large-class.statecraft`,
      ability: rng.normal(0.6, 1.1),
      // Most students rarely miss or are late; a few often do.
      missRate: 0.015 + 0.3 * rng.next() ** 6,
      lateRate: 0.02 + 0.25 * rng.next() ** 4,
    };
  });
  await step('users, class, members', async () => {
    await db.transaction(async (tx) => {
      await tx
        .insert(users)
        .values([
          { id: instructorId, ...LARGE_CLASS.instructor, passwordHash },
          ...students.map((s) => ({ id: s.id, name: s.name, email: s.email, passwordHash })),
        ]);
      await tx.insert(classes).values({ id: classId, name: LARGE_CLASS.name, createdBy: instructorId });
      await tx
        .insert(classMembers)
        .values([
          { classId, userId: instructorId, role: 'instructor' as const },
          ...students.map((s) => ({ classId, userId: s.id, role: 'student' as const })),
        ]);
    });
    return { rows: 2 * (studentCount + 1) + 1, value: undefined };
  });

  const bank = await step('question bank: generate, approve', async () => {
    const shipped = loadShippedReading(LARGE_CLASS.readingSlug);
    const { questions: generated } = await ruleBasedProvider.generate(shipped.reading, {
      readingSlug: LARGE_CLASS.readingSlug,
    });
    const reviewedAt = new Date(now.getTime() - 120 * DAY);
    await db
      .insert(questions)
      .values(
        generated.map((q) => ({
          id: q.id,
          readingId,
          type: q.type,
          skill: q.skill,
          source: q.source,
          status: 'approved' as const,
          data: { ...q, status: 'approved' as const },
          reviewedBy: instructorId,
          reviewedAt,
        })),
      )
      .onConflictDoUpdate({
        target: questions.id,
        set: { status: 'approved', data: sql`excluded.data`, reviewedBy: instructorId, reviewedAt },
        setWhere: sql`${questions.status} = 'draft'`,
      });
    const rows = await db
      .select({ data: questions.data })
      .from(questions)
      .where(and(eq(questions.readingId, readingId), eq(questions.status, 'approved')))
      .orderBy(questions.id);
    return { rows: generated.length, value: rows.map((r) => r.data) };
  });
  if (bank.length < perQuiz)
    throw new Error(`Only ${bank.length} approved questions for ${perQuiz} per quiz`);

  const models = await step('answer variants, graded once', async () => {
    const byId = new Map(bank.map((q) => [q.id, modelQuestion(q, rng)]));
    const count = [...byId.values()].reduce(
      (n, m) => n + m.variants.correct.length + m.variants.partial.length + m.variants.incorrect.length,
      0,
    );
    return { rows: count, value: byId };
  });

  // A term of assignments, one every four days; the last few are still to come.
  const termStart = now.getTime() - 100 * DAY;
  const settings: QuizSettings = {
    shuffleQuestions: true,
    shuffleOptions: true,
    attemptsAllowed: 1,
    timeLimitMinutes: null,
    passMark: 70,
    feedback: 'after-submit',
    confidence: false,
  };
  const plans: Plan[] = Array.from({ length: assignmentCount }, (_, i) => {
    const dueAt = new Date(termStart + (i + 1) * 4 * DAY + 23 * 60 * MINUTE + 59 * MINUTE);
    const number = String(i + 1).padStart(2, '0');
    return {
      id: rng.uuid(),
      quizId: rng.uuid(),
      title: `Quiz ${number}: Lead with diplomacy`,
      opensAt: new Date(dueAt.getTime() - 7 * DAY),
      dueAt,
      attemptsAllowed: i % 4 === 0 ? 2 : 1,
      timeLimitMinutes: i % 2 === 0 ? 30 : null,
      latePolicy:
        i % 5 === 4
          ? { kind: 'refuse' }
          : i % 3 === 0
            ? { kind: 'penalty', percent: 10 }
            : { kind: 'accept' },
      feedbackRelease: i % 6 === 5 ? 'after-due' : 'after-submit',
      questionIds: rng
        .shuffle(bank)
        .slice(0, perQuiz)
        .map((q) => q.id),
    };
  });

  // Accommodations: extra time for a few students, an extra attempt for others, and extensions.
  const accommodationRows: AccommodationRow[] = [];
  const picked = rng.shuffle(students).slice(0, 30);
  for (const [n, s] of picked.entries()) {
    if (n < 12) {
      for (const p of plans)
        if (p.timeLimitMinutes)
          accommodationRows.push({ assignmentId: p.id, userId: s.id, extraMinutes: 15 });
    } else if (n < 18) {
      for (const p of plans)
        if (p.attemptsAllowed) accommodationRows.push({ assignmentId: p.id, userId: s.id, extraAttempts: 1 });
    } else {
      const p = rng.pick(plans);
      accommodationRows.push({
        assignmentId: p.id,
        userId: s.id,
        dueAt: new Date(p.dueAt.getTime() + 3 * DAY),
      });
    }
  }
  const accommodationBy = new Map(accommodationRows.map((a) => [`${a.assignmentId}:${a.userId}`, a]));

  await step('quizzes, assignments, accommodations', async () => {
    await db.transaction(async (tx) => {
      await tx.insert(quizzes).values(
        plans.map((p) => ({
          id: p.quizId,
          readingId,
          title: `${p.title} (${perQuiz} questions)`,
          createdBy: instructorId,
          questionIds: p.questionIds,
          settings: { ...settings, timeLimitMinutes: p.timeLimitMinutes, attemptsAllowed: p.attemptsAllowed },
          createdAt: new Date(termStart - 7 * DAY),
        })),
      );
      await tx.insert(assignments).values(
        plans.map((p) => ({
          id: p.id,
          classId,
          quizId: p.quizId,
          title: p.title,
          opensAt: p.opensAt,
          dueAt: p.dueAt,
          attemptsAllowed: p.attemptsAllowed,
          timeLimitMinutes: p.timeLimitMinutes,
          latePolicy: p.latePolicy,
          feedbackRelease: p.feedbackRelease,
          createdBy: instructorId,
          createdAt: new Date(termStart - 7 * DAY),
        })),
      );
      if (accommodationRows.length) await tx.insert(accommodations).values(accommodationRows);
    });
    return { rows: 2 * plans.length + accommodationRows.length, value: undefined };
  });

  // Attempts and answers, one transaction per assignment.
  let attemptTotal = 0;
  let responseTotal = 0;
  let overrides = 0;
  await step('attempts and answers', async () => {
    for (const [index, plan] of plans.entries()) {
      const attemptRows: AttemptRow[] = [];
      const responseRows: ResponseRow[] = [];
      const drift = (0.4 * index) / plans.length; // students get better over the term

      const sit = (
        s: Student,
        number: number,
        startedAt: Date,
        extraMinutes: number,
        dueAt: Date,
        finish: boolean,
      ) => {
        const attemptId = rng.uuid();
        const limit = plan.timeLimitMinutes === null ? null : plan.timeLimitMinutes + extraMinutes;
        const minutes = Math.min(limit ?? 60, rng.between(8, 40));
        const submittedAt = new Date(startedAt.getTime() + minutes * MINUTE);
        const order = rng.shuffle(plan.questionIds);
        const ability = s.ability + drift + (number - 1) * 0.4;
        const answered = finish ? order.length : rng.int(order.length);
        const scores: number[] = [];
        for (const [i, questionId] of order.entries()) {
          const model = models.get(questionId)!;
          const savedAt = new Date(startedAt.getTime() + ((i + 1) / (order.length + 1)) * minutes * MINUTE);
          if (!finish) {
            if (i >= answered) break;
            const given = answer(model, ability, rng);
            if (given)
              responseRows.push({
                attemptId,
                questionId,
                response: given.variant.response,
                clientSeq: i + 1,
                savedAt,
              });
            continue;
          }
          const given = answer(model, ability, rng);
          const row: ResponseRow = {
            attemptId,
            questionId,
            response: given?.variant.response ?? null,
            clientSeq: given ? i + 1 : 0,
            savedAt,
            grade: given?.variant.grade ?? model.unanswered,
            gradedBy: 'auto',
          };
          let score = row.grade!.score;
          // Now and then the instructor regrades a partly right written answer.
          const written =
            model.question.type === 'short-answer' || model.question.type === 'claim-evidence-reasoning';
          if (written && given?.outcome === 'partial' && rng.next() < 0.01) {
            score = Math.min(1, Math.round((score + 0.25) * 4) / 4);
            Object.assign(row, {
              overrideScore: score,
              overrideComment: 'Your second point is there, in other words: credit given.',
              overriddenBy: instructorId,
              overriddenAt: new Date(submittedAt.getTime() + 2 * DAY),
              gradedBy: 'instructor',
            });
            overrides++;
          }
          scores.push(score);
          responseRows.push(row);
        }
        const score = finish ? round4(scores.reduce((a, b) => a + b, 0) / scores.length) : null;
        attemptRows.push({
          id: attemptId,
          quizId: plan.quizId,
          userId: s.id,
          assignmentId: plan.id,
          number,
          status: finish ? 'submitted' : 'in-progress',
          questionIds: order,
          startedAt,
          deadlineAt: limit === null ? null : new Date(startedAt.getTime() + limit * MINUTE),
          submittedAt: finish ? submittedAt : null,
          late: finish && submittedAt > dueAt,
          score,
        });
        return score;
      };

      for (const s of students) {
        const acc = accommodationBy.get(`${plan.id}:${s.id}`);
        const dueAt = acc?.dueAt ?? plan.dueAt;
        const extraMinutes = acc?.extraMinutes ?? 0;
        const allowed =
          plan.attemptsAllowed === null ? null : plan.attemptsAllowed + (acc?.extraAttempts ?? 0);
        if (now < plan.opensAt) continue;
        const open = now < dueAt;
        // Before the due date, the share who have done it grows as the date nears.
        const progress = open
          ? (now.getTime() - plan.opensAt.getTime()) / (dueAt.getTime() - plan.opensAt.getTime())
          : 1;
        const r = rng.next();
        if (r < s.missRate || (open && r > progress ** 1.5)) {
          // Missed (or not yet done); some opened it and walked away.
          if (rng.next() < 0.15) {
            const at = new Date(Math.min(now.getTime(), dueAt.getTime()) - rng.between(1, 72) * 60 * MINUTE);
            if (at >= plan.opensAt) sit(s, 1, at, extraMinutes, dueAt, false);
          }
          continue;
        }
        const late = !open && rng.next() < s.lateRate;
        if (late && plan.latePolicy.kind === 'refuse') continue;
        const latest = Math.min(now.getTime(), dueAt.getTime()) - 60 * MINUTE;
        const startedAt = late
          ? new Date(dueAt.getTime() + rng.between(1, 96) * 60 * MINUTE)
          : new Date(Math.max(plan.opensAt.getTime(), latest - rng.between(0, 5 * 24) * 60 * MINUTE));
        if (startedAt.getTime() > now.getTime()) continue;
        const first = sit(s, 1, startedAt, extraMinutes, dueAt, true);
        if ((allowed === null || allowed >= 2) && first !== null && first < 0.7 && rng.next() < 0.5) {
          const again = new Date(startedAt.getTime() + rng.between(2, 30) * 60 * MINUTE);
          if (again.getTime() < now.getTime() && (again < dueAt || plan.latePolicy.kind !== 'refuse'))
            sit(s, 2, again, extraMinutes, dueAt, true);
        }
      }

      await db.transaction(async (tx) => {
        for (let i = 0; i < attemptRows.length; i += CHUNK)
          await tx.insert(attempts).values(attemptRows.slice(i, i + CHUNK));
        for (let i = 0; i < responseRows.length; i += CHUNK)
          await tx.insert(attemptResponses).values(responseRows.slice(i, i + CHUNK));
        // Written straight to the tables, not through the app: the kept class figures are rebuilt.
        await rebuildAssignmentResults(tx, [plan.id]);
      });
      attemptTotal += attemptRows.length;
      responseTotal += responseRows.length;
    }
    return { rows: attemptTotal + responseTotal, value: undefined };
  });

  await step('analyze', async () => {
    await db.execute(sql`analyze`);
    return { rows: 0, value: undefined };
  });

  const seconds = (performance.now() - started) / 1000;
  log(
    `  ${studentCount} students, ${plans.length} assignments × ${perQuiz} questions: ${attemptTotal} attempts, ${responseTotal} answers, ${overrides} regraded by the instructor; ${seconds.toFixed(1)} s in all`,
  );
  return {
    classId,
    className: LARGE_CLASS.name,
    instructorEmail: LARGE_CLASS.instructor.email,
    password: LARGE_CLASS.password,
    students: studentCount,
    assignments: plans.length,
    questionsPerQuiz: perQuiz,
    attempts: attemptTotal,
    responses: responseTotal,
    steps,
    seconds,
  };
}

// `npm run seed:large-class`
if (import.meta.url === `file://${process.argv[1]}`) {
  (async () => {
    const { databaseConfig } = await import('@/lib/env');
    configureDatabase(databaseConfig());
    const { driver } = await getClient();
    console.log(`Seeding the large class into ${driver === 'pglite' ? 'PGlite' : 'PostgreSQL'}…`);
    const students = process.env.STUDENTS ? Number(process.env.STUDENTS) : undefined;
    const seeded = await seedLargeClass({ students });
    console.log(
      `Class "${seeded.className}" (${seeded.classId}): sign in as ${seeded.instructorEmail}, password "${seeded.password}".`,
    );
  })()
    .finally(() => closeDb())
    .catch((error) => {
      console.error(error);
      process.exitCode = 1;
    });
}
