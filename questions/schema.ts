import { z } from 'zod';

/**
 * The one question format: authored banks, the rule-based generator and the LLM provider all
 * produce it, the grader and the quiz engine consume it. Each type is a member of a
 * discriminated union on `type`, so its options and answer key are typed.
 */

export const QUESTION_TYPES = [
  'multiple-choice',
  'multiple-answer',
  'true-false',
  'cloze',
  'short-answer',
  'matching',
  'ordering',
  'select-evidence',
  'claim-evidence-reasoning',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const SKILLS = [
  'main-idea',
  'claim-and-reason',
  'evidence',
  'cause-and-effect',
  'vocabulary',
  'context',
  'inference',
] as const;
export type Skill = (typeof SKILLS)[number];

/** What each skill is called wherever people see it. */
export const SKILL_NAMES: Record<Skill, string> = {
  'main-idea': 'Main idea',
  'claim-and-reason': 'Claim and reason',
  evidence: 'Evidence',
  'cause-and-effect': 'Cause and effect',
  vocabulary: 'Vocabulary',
  context: 'Context',
  inference: 'Inference',
};

/** A skill's name; an unknown id (an old record) is shown as it is. */
export function skillName(skill: string): string {
  return SKILL_NAMES[skill as Skill] ?? skill;
}

export const LENSES = ['realist', 'liberal', 'constructivist'] as const;
export type Lens = (typeof LENSES)[number];

export const DIFFICULTY_LABELS = { 1: 'easy', 2: 'medium', 3: 'hard' } as const;

/** `p9.s3`: a sentence of the reading as `parseReading` numbers it. */
export const sentenceIdSchema = z.string().regex(/^p\d+\.s\d+$/, 'A sentence id looks like p9.s3');

const questionIdSchema = z
  .string()
  // "~" marks a question copied into an instructor's own bank (copyId in db/queries/questions.ts).
  .regex(/^[a-z0-9][a-z0-9.~-]*$/, 'Lower-case letters, digits, dots, hyphens and ~')
  .max(120);
const optionIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][\w.-]*$/)
  .max(40);
const text = z.string().trim().min(1).max(2000);

export const choiceOptionSchema = z.object({ id: optionIdSchema, text });
export type ChoiceOption = z.infer<typeof choiceOptionSchema>;

/**
 * An option of a multiple-choice or multiple-answer question: optional `feedback` is what a
 * student who picks it is told after answering (why this distractor is tempting, or wrong).
 */
export const answerOptionSchema = choiceOptionSchema.extend({
  feedback: z.string().trim().min(1).max(1000).optional(),
});
export type AnswerOption = z.infer<typeof answerOptionSchema>;

export const evidenceOptionSchema = z.object({ id: sentenceIdSchema, text });
export type EvidenceOption = z.infer<typeof evidenceOptionSchema>;

/**
 * Grading aligns every phrasing of every key point with the answer, so a rubric is bounded: other
 * phrasings per point (an imported short answer's accepted answers among them), the length of
 * each, and the characters of the whole rubric (twelve points of hundreds of long phrasings held
 * the server about 40 s an answer; at this bound the slowest rubric grades in well under a second).
 */
export const ACCEPTED_PHRASINGS_MOST = 20;
export const PHRASING_MOST_CHARACTERS = 500;
export const RUBRIC_MOST_CHARACTERS = 20_000;

/** One point a good free-text answer makes; `accept` lists other phrasings that also earn it. */
export const keyPointSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/)
    .max(60),
  text,
  accept: z
    .array(
      text.pipe(
        z
          .string()
          .max(PHRASING_MOST_CHARACTERS, `A phrasing is at most ${PHRASING_MOST_CHARACTERS} characters.`),
      ),
    )
    .max(ACCEPTED_PHRASINGS_MOST, `List at most ${ACCEPTED_PHRASINGS_MOST} other phrasings of a key point.`)
    .default([]),
  weight: z.number().positive().max(10).default(1),
});
export type KeyPoint = z.infer<typeof keyPointSchema>;

export const rubricSchema = z
  .object({
    keyPoints: z.array(keyPointSchema).min(1).max(12),
    /** Weight of key points that earns full credit (default: all of them). */
    pointsForFullCredit: z.number().positive().optional(),
  })
  .refine(
    (rubric) =>
      rubric.keyPoints.reduce((sum, k) => sum + k.text.length + k.accept.join('').length, 0) <=
      RUBRIC_MOST_CHARACTERS,
    `A rubric's key points and phrasings come to at most ${RUBRIC_MOST_CHARACTERS.toLocaleString('en')} characters.`,
  );
export type Rubric = z.infer<typeof rubricSchema>;

const questionBase = z.object({
  id: questionIdSchema,
  readingSlug: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  prompt: z.string().trim().min(8).max(1000),
  explanation: z.string().trim().min(1).max(2000),
  /** Sentence ids the answer rests on; feedback points back to them. */
  evidence: z.array(sentenceIdSchema).min(1),
  skill: z.enum(SKILLS),
  concepts: z.array(z.string().trim().min(1).max(60)).default([]),
  lens: z.enum(LENSES).nullable().default(null),
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  source: z.enum(['authored', 'generated']),
  status: z.enum(['draft', 'approved', 'retired']),
  /**
   * The generator's estimate, 0 to 1, that an instructor would accept the question as it is
   * (its template's record, its checks, how central its evidence is). Generated questions carry
   * it; authored ones need not. Optional, so every question stored before it still parses.
   */
  quality: z.number().min(0).max(1).optional(),
});

export const multipleChoiceSchema = questionBase.extend({
  type: z.literal('multiple-choice'),
  options: z.array(answerOptionSchema).min(2).max(6),
  answer: z.object({ optionId: optionIdSchema }),
});

export const multipleAnswerSchema = questionBase.extend({
  type: z.literal('multiple-answer'),
  options: z.array(answerOptionSchema).min(3).max(8),
  answer: z.object({ optionIds: z.array(optionIdSchema).min(1) }),
});

export const trueFalseSchema = questionBase.extend({
  type: z.literal('true-false'),
  /** The statement judged, also shown inside the prompt. */
  statement: text,
  answer: z.object({ value: z.boolean() }),
});

/** `text` holds numbered blanks, `{{1}}`, `{{2}}`…, one per entry of `answer.blanks`. */
export const clozeSchema = questionBase.extend({
  type: z.literal('cloze'),
  text,
  wordBank: z.array(text).max(12).optional(),
  answer: z.object({
    blanks: z.array(z.object({ accepted: z.array(text).min(1) })).min(1),
  }),
});

export const shortAnswerSchema = questionBase.extend({
  type: z.literal('short-answer'),
  rubric: rubricSchema,
  modelAnswer: text,
});

export const matchingSchema = questionBase.extend({
  type: z.literal('matching'),
  /** Terms to match… */
  left: z.array(choiceOptionSchema).min(2).max(8),
  /** …to definitions or descriptions (may hold one or two extra). */
  right: z.array(choiceOptionSchema).min(2).max(10),
  answer: z.object({ pairs: z.record(optionIdSchema, optionIdSchema) }),
});

export const orderingSchema = questionBase.extend({
  type: z.literal('ordering'),
  items: z.array(choiceOptionSchema).min(3).max(8),
  answer: z.object({ order: z.array(optionIdSchema).min(3) }),
});

export const selectEvidenceSchema = questionBase.extend({
  type: z.literal('select-evidence'),
  claim: text,
  options: z.array(evidenceOptionSchema).min(2).max(6),
  answer: z.object({ sentenceIds: z.array(sentenceIdSchema).min(1) }),
});

export const claimEvidenceReasoningSchema = questionBase.extend({
  type: z.literal('claim-evidence-reasoning'),
  claim: text,
  options: z.array(evidenceOptionSchema).min(2).max(6),
  answer: z.object({ sentenceIds: z.array(sentenceIdSchema).min(1) }),
  /** Key points of the explanation of how the sentence supports the claim. */
  rubric: rubricSchema,
  modelAnswer: text,
  /** Share of the score for each part; they add up to 1. */
  weights: z
    .object({ evidence: z.number().min(0).max(1), reasoning: z.number().min(0).max(1) })
    .default({ evidence: 0.5, reasoning: 0.5 }),
});

const questionUnion = z.discriminatedUnion('type', [
  multipleChoiceSchema,
  multipleAnswerSchema,
  trueFalseSchema,
  clozeSchema,
  shortAnswerSchema,
  matchingSchema,
  orderingSchema,
  selectEvidenceSchema,
  claimEvidenceReasoningSchema,
]);

/** A question whose keys point at its own options, blanks and items. */
export const questionSchema = questionUnion.superRefine((q, ctx) => {
  const problem = keyProblem(q);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['answer'] });
});

export type Question = z.infer<typeof questionUnion>;
export type QuestionInput = z.input<typeof questionUnion>;
export type QuestionOf<T extends QuestionType> = Extract<Question, { type: T }>;
export type MultipleChoiceQuestion = QuestionOf<'multiple-choice'>;
export type MultipleAnswerQuestion = QuestionOf<'multiple-answer'>;
export type TrueFalseQuestion = QuestionOf<'true-false'>;
export type ClozeQuestion = QuestionOf<'cloze'>;
export type ShortAnswerQuestion = QuestionOf<'short-answer'>;
export type MatchingQuestion = QuestionOf<'matching'>;
export type OrderingQuestion = QuestionOf<'ordering'>;
export type SelectEvidenceQuestion = QuestionOf<'select-evidence'>;
export type ClaimEvidenceReasoningQuestion = QuestionOf<'claim-evidence-reasoning'>;

const unique = (ids: string[]) => new Set(ids).size === ids.length;

function keyProblem(q: Question): string | null {
  switch (q.type) {
    case 'multiple-choice':
    case 'multiple-answer': {
      const ids = q.options.map((o) => o.id);
      if (!unique(ids)) return 'Option ids must be unique';
      const keys = q.type === 'multiple-choice' ? [q.answer.optionId] : q.answer.optionIds;
      if (!unique(keys)) return 'The key repeats an option';
      if (keys.some((k) => !ids.includes(k))) return 'The key names an option that does not exist';
      if (q.type === 'multiple-answer' && keys.length === ids.length)
        return 'At least one option must be wrong';
      return null;
    }
    case 'cloze': {
      const markers = [...q.text.matchAll(/\{\{(\d+)\}\}/g)].map((m) => Number(m[1]));
      const expected = q.answer.blanks.map((_, i) => i + 1);
      if (markers.join() !== expected.join()) return 'Blanks {{1}}…{{n}} must appear once each, in order';
      return null;
    }
    case 'matching': {
      const left = q.left.map((o) => o.id);
      const right = q.right.map((o) => o.id);
      if (!unique(left) || !unique(right)) return 'Ids must be unique on each side';
      const pairs = Object.entries(q.answer.pairs);
      if (pairs.length !== left.length || left.some((id) => !(id in q.answer.pairs))) {
        return 'Every term needs exactly one match';
      }
      if (pairs.some(([, r]) => !right.includes(r))) return 'A match names a definition that does not exist';
      if (!unique(pairs.map(([, r]) => r))) return 'Two terms share one definition';
      return null;
    }
    case 'ordering': {
      const ids = q.items.map((i) => i.id);
      if (!unique(ids)) return 'Item ids must be unique';
      const order = q.answer.order;
      if (order.length !== ids.length || !unique(order) || order.some((id) => !ids.includes(id))) {
        return 'The order must list every item once';
      }
      return null;
    }
    case 'select-evidence':
    case 'claim-evidence-reasoning': {
      const ids = q.options.map((o) => o.id);
      if (!unique(ids)) return 'Option sentences must be unique';
      if (q.answer.sentenceIds.some((id) => !ids.includes(id))) return 'The key names a sentence not offered';
      if (q.answer.sentenceIds.some((id) => !q.evidence.includes(id)))
        return 'The key sentence must be evidence';
      if (q.type === 'claim-evidence-reasoning') {
        const total = q.weights.evidence + q.weights.reasoning;
        if (Math.abs(total - 1) > 1e-6) return 'Weights must add up to 1';
      }
      return null;
    }
    default:
      return null;
  }
}

// ---- Responses: what a student submits, per type ----

const answerText = z.string().max(5000);

export const responseSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('multiple-choice'), optionId: z.string().max(40) }),
  z.object({ type: z.literal('multiple-answer'), optionIds: z.array(z.string().max(40)).max(8) }),
  z.object({ type: z.literal('true-false'), value: z.boolean() }),
  z.object({ type: z.literal('cloze'), blanks: z.array(z.string().max(200)).max(20) }),
  z.object({ type: z.literal('short-answer'), text: answerText }),
  z.object({ type: z.literal('matching'), pairs: z.record(z.string().max(40), z.string().max(40)) }),
  z.object({ type: z.literal('ordering'), order: z.array(z.string().max(40)).max(8) }),
  z.object({ type: z.literal('select-evidence'), sentenceId: z.string().max(20) }),
  z.object({
    type: z.literal('claim-evidence-reasoning'),
    sentenceId: z.string().max(20).nullable(),
    reasoning: answerText,
  }),
]);
export type Response = z.infer<typeof responseSchema>;
export type ResponseOf<T extends QuestionType> = Extract<Response, { type: T }>;

export type ResponseCheck<T extends QuestionType> =
  | { ok: true; response: ResponseOf<T> }
  | { ok: false; message: string };

/**
 * Validates what a student submitted against the question it answers: the right shape for
 * the type, and only ids the question offers. Expected failures are returned, not thrown.
 */
export function parseResponseFor<Q extends Question>(question: Q, raw: unknown): ResponseCheck<Q['type']> {
  const parsed = responseSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'Invalid response' };
  const response = parsed.data;
  if (response.type !== question.type) {
    return { ok: false, message: `This is a ${question.type} question, not ${response.type}` };
  }
  const unknownId = (ids: string[], allowed: string[]) => ids.find((id) => !allowed.includes(id));
  let bad: string | undefined;
  if (response.type === 'multiple-choice' && question.type === 'multiple-choice') {
    bad = unknownId(
      [response.optionId],
      question.options.map((o) => o.id),
    );
  } else if (response.type === 'multiple-answer' && question.type === 'multiple-answer') {
    bad = unknownId(
      response.optionIds,
      question.options.map((o) => o.id),
    );
  } else if (response.type === 'matching' && question.type === 'matching') {
    bad =
      unknownId(
        Object.keys(response.pairs),
        question.left.map((o) => o.id),
      ) ??
      unknownId(
        Object.values(response.pairs),
        question.right.map((o) => o.id),
      );
  } else if (response.type === 'ordering' && question.type === 'ordering') {
    bad = unknownId(
      response.order,
      question.items.map((o) => o.id),
    );
  } else if (response.type === 'select-evidence' && question.type === 'select-evidence') {
    bad = unknownId(
      [response.sentenceId],
      question.options.map((o) => o.id),
    );
  } else if (response.type === 'claim-evidence-reasoning' && question.type === 'claim-evidence-reasoning') {
    bad = response.sentenceId
      ? unknownId(
          [response.sentenceId],
          question.options.map((o) => o.id),
        )
      : undefined;
  } else if (response.type === 'cloze' && question.type === 'cloze') {
    if (response.blanks.length > question.answer.blanks.length)
      return { ok: false, message: 'Too many blanks' };
  }
  if (bad !== undefined) return { ok: false, message: `"${bad}" is not one of this question's choices` };
  return { ok: true, response: response as ResponseOf<Q['type']> };
}

/** Parses one question; throws a ZodError naming what is wrong. */
export function parseQuestion(raw: unknown): Question {
  return questionSchema.parse(raw);
}
