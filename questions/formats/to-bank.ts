import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  LENSES,
  type Question,
  type QuestionOf,
  type QuestionType,
  questionSchema,
  SKILLS,
  type Skill,
  sentenceIdSchema,
} from '../schema';
import { matchEvidence, type SentenceRef } from './evidence';
import {
  type BankFormat,
  FORMAT_NAMES,
  isQtiFormat,
  type LineError,
  type ReadQuestion,
  type ReadResult,
} from './types';

/**
 * Questions read from a GIFT, Aiken or Moodle XML file, made into drafts of a reading's bank: the fields a
 * file does not carry get defaults the preview states (skill by type, medium difficulty), the
 * evidence sentences are matched to the reading (evidence.ts), and each is checked by the one
 * question schema. A Statecraft export's comment restores what GIFT could not hold, when the
 * question it describes is still the one in the file.
 */

export type ImportDraft = {
  line: number;
  title: string | null;
  question: Question;
  /** Whether the evidence was found in the text, or is the closest sentence, to check. */
  evidenceFound: boolean;
  notes: string[];
};

export type ImportPlan = { drafts: ImportDraft[]; errors: LineError[]; notes: LineError[] };

const DEFAULT_SKILL: Record<QuestionType, Skill> = {
  'multiple-choice': 'evidence',
  'multiple-answer': 'evidence',
  'true-false': 'evidence',
  cloze: 'vocabulary',
  'short-answer': 'claim-and-reason',
  matching: 'vocabulary',
  ordering: 'main-idea',
  'select-evidence': 'evidence',
  'claim-evidence-reasoning': 'evidence',
};

/**
 * What a file's comment keeps of a question that the format cannot (GIFT's `// @statecraft {…}`,
 * Moodle XML's `<!-- @statecraft {…} -->`, QTI's `<!-- statecraft {…} -->`): read back by `metaSchema` below.
 */
export function statecraftRecord(
  q: Question,
  extra: Record<string, unknown> = {},
  part?: { part: number; of: number },
) {
  return {
    v: 1,
    id: q.id,
    type: q.type,
    skill: q.skill,
    difficulty: q.difficulty,
    lens: q.lens,
    concepts: q.concepts,
    evidence: q.evidence,
    ...(part ?? {}),
    extra,
  };
}

/** What the comment keeps of an evidence question written as multiple choice: read back by `restore`. */
export function evidenceRecord(
  q: QuestionOf<'select-evidence' | 'claim-evidence-reasoning'>,
): Record<string, unknown> {
  const record: Record<string, unknown> = {
    prompt: q.prompt,
    claim: q.claim,
    sentenceIds: q.options.map((o) => o.id),
  };
  if (q.type === 'claim-evidence-reasoning')
    Object.assign(record, { rubric: q.rubric, modelAnswer: q.modelAnswer, weights: q.weights });
  return record;
}

/** A matching question from a file's pairs of texts; a pair with no left text is an extra definition. */
export function matchingBody(
  prompt: string,
  pairs: { left: string; right: string }[],
  explanation: string | undefined,
): ReadQuestion['body'] {
  const matched = pairs.filter((p) => p.left);
  const rights = [...new Set(pairs.map((p) => p.right))];
  const rightId = (text: string) => `r${rights.indexOf(text) + 1}`;
  return {
    type: 'matching',
    prompt,
    left: matched.map((p, i) => ({ id: `l${i + 1}`, text: p.left })),
    right: rights.map((text) => ({ id: rightId(text), text })),
    answer: { pairs: Object.fromEntries(matched.map((p, i) => [`l${i + 1}`, rightId(p.right)])) },
    explanation,
  };
}

const metaSchema = z.object({
  v: z.literal(1),
  type: z.string(),
  skill: z.enum(SKILLS).optional(),
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  lens: z.enum(LENSES).nullable().optional(),
  concepts: z.array(z.string().trim().min(1).max(60)).max(20).optional(),
  evidence: z.array(sentenceIdSchema).max(20).optional(),
  id: z.string().optional(),
  part: z.number().int().min(1).optional(),
  of: z.number().int().min(1).optional(),
  extra: z.record(z.string(), z.unknown()).default({}),
});
type Meta = z.infer<typeof metaSchema>;

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** What a reader's comment adds, when it still describes the question in the file. */
function restore(read: ReadQuestion, meta: Meta): { body: ReadQuestion['body']; notes: string[] } | null {
  const body = read.body;
  const x = meta.extra;
  // White space aside: a blank before a full stop is written "_____ ." in one and "_____." in the other.
  const stemIs = (expected: string) => read.stem.replace(/\s+/g, '') === expected.replace(/\s+/g, '');
  switch (meta.type) {
    case 'short-answer':
      if (body.type !== 'short-answer') return null;
      return {
        body: {
          ...body,
          rubric: x.rubric,
          modelAnswer: x.modelAnswer ?? body.modelAnswer,
          explanation: str(x.explanation) || body.explanation,
        },
        notes: ['Key points restored from the Statecraft comment.'],
      };
    case 'true-false': {
      if (body.type !== 'true-false') return null;
      const prompt = str(x.prompt);
      const statement = str(x.statement);
      if (!stemIs(prompt.includes(statement) ? prompt : `${prompt} ${statement}`)) return null;
      return { body: { ...body, prompt, statement }, notes: [] };
    }
    case 'cloze': {
      if (body.type !== 'cloze' || typeof x.text !== 'string') return null;
      const shown = `${str(x.prompt)} ${x.text.replace(/\{\{\d+\}\}/, '_____')}`;
      if (!stemIs(shown)) return null;
      return {
        body: {
          ...body,
          prompt: str(x.prompt),
          text: x.text,
          answer: { blanks: x.blanks },
          wordBank: x.wordBank,
        },
        notes: [],
      };
    }
    case 'ordering': {
      const ids = Array.isArray(x.itemIds) ? x.itemIds.map(str) : [];
      if (body.type !== 'ordering') return null;
      const items = body.items as { id: string; text: string }[];
      if (ids.length !== items.length) return null;
      const rename = new Map(items.map((item, i) => [item.id, ids[i] as string]));
      // A file that lists the items in their right order (Moodle XML) says the order they are shown in.
      const display = Array.isArray(x.display) ? x.display.map(str) : [];
      const renamed = items.map((item) => ({ ...item, id: rename.get(item.id) as string }));
      const shown =
        display.length === renamed.length && display.every((id) => renamed.some((item) => item.id === id))
          ? display.map((id) => renamed.find((item) => item.id === id))
          : renamed;
      return {
        body: {
          ...body,
          items: shown,
          answer: { order: (body.answer as { order: string[] }).order.map((id) => rename.get(id)) },
        },
        notes: [],
      };
    }
    case 'select-evidence':
    case 'claim-evidence-reasoning': {
      if (body.type !== 'multiple-choice' && body.type !== 'multiple-answer') return null;
      if (!stemIs(`${str(x.prompt)} Claim: ${str(x.claim)}`)) return null;
      const options = body.options as { id: string; text: string }[];
      const sentenceIds = Array.isArray(x.sentenceIds) ? x.sentenceIds.map(str) : [];
      if (sentenceIds.length !== options.length) return null;
      const answer = body.answer as { optionId?: string; optionIds?: string[] };
      const keys = answer.optionIds ?? [answer.optionId ?? ''];
      const idOf = (optionId: string) => sentenceIds[options.findIndex((o) => o.id === optionId)];
      const restored: ReadQuestion['body'] = {
        ...body,
        type: meta.type,
        prompt: str(x.prompt),
        claim: str(x.claim),
        options: options.map((o, i) => ({ id: sentenceIds[i], text: o.text })),
        answer: { sentenceIds: keys.map(idOf) },
      };
      if (meta.type === 'claim-evidence-reasoning')
        Object.assign(restored, { rubric: x.rubric, modelAnswer: x.modelAnswer, weights: x.weights });
      return {
        body: restored,
        notes: [
          `Multiple choice → ${meta.type === 'select-evidence' ? 'select the evidence' : 'claim, evidence and reasoning'}, from the Statecraft comment.`,
        ],
      };
    }
    default:
      return meta.type === body.type ? { body, notes: [] } : null;
  }
}

/** A cloze split into one GIFT question per blank, put back together from its first part's comment. */
function joinSplitClozes(questions: ReadQuestion[], notes: LineError[]): ReadQuestion[] {
  const out: ReadQuestion[] = [];
  for (let i = 0; i < questions.length; i++) {
    const first = questions[i] as ReadQuestion;
    const meta = metaSchema.safeParse(first.meta);
    if (!meta.success || meta.data.part !== 1 || !meta.data.of || meta.data.of < 2) {
      out.push(first);
      continue;
    }
    const n = meta.data.of;
    const rest = questions.slice(i + 1, i + n);
    const whole =
      rest.length === n - 1 &&
      rest.every((q, k) => {
        const m = metaSchema.safeParse(q.meta);
        return m.success && m.data.id === meta.data.id && m.data.part === k + 2;
      });
    const x = meta.data.extra;
    if (!whole || typeof x.text !== 'string') {
      notes.push({
        line: first.line,
        message: 'Part of a split cloze without all its parts: read as a question of one blank.',
      });
      out.push(first);
      continue;
    }
    out.push({
      ...first,
      stem: '',
      body: {
        ...first.body,
        type: 'cloze',
        prompt: str(x.prompt),
        text: x.text,
        answer: { blanks: x.blanks },
        wordBank: x.wordBank,
      },
      notes: [
        `${n} missing-word questions (lines ${first.line}–${rest.at(-1)?.line}) → one cloze of ${n} blanks, from the Statecraft comment.`,
      ],
      meta: { ...meta.data, type: 'cloze-joined' },
    });
    i += n - 1;
  }
  return out;
}

/** The texts a question's answer rests on: its key, explanation, statement or claim, and prompt. */
function keyTexts(body: ReadQuestion['body']): string[] {
  const b = body as Record<string, unknown> & { options?: { id: string; text: string }[] };
  const out: string[] = [];
  const answer = (b.answer ?? {}) as Record<string, unknown>;
  const keys = [answer.optionId, ...((answer.optionIds as string[] | undefined) ?? [])];
  for (const o of b.options ?? []) if (keys.includes(o.id)) out.push(o.text);
  for (const k of ['statement', 'claim', 'modelAnswer', 'text', 'explanation', 'prompt']) out.push(str(b[k]));
  for (const blank of (answer.blanks as { accepted?: string[] }[] | undefined) ?? [])
    out.push(...(blank.accepted ?? []));
  for (const item of (b.items as { text: string }[] | undefined) ?? []) out.push(item.text);
  for (const side of ['left', 'right'])
    for (const item of (b[side] as { text: string }[] | undefined) ?? []) out.push(item.text);
  return out;
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'The question is not valid.';
  const where = issue.path.filter((p) => typeof p === 'string').join(' ');
  return where ? `${where}: ${issue.message}` : issue.message;
}

/** A question's id in a bank: the reading's slug and a digest of what the file said, so a file imported twice adds nothing twice. */
export function importedId(slug: string, body: unknown, salt = ''): string {
  const digest = createHash('sha256')
    .update(`${salt}\n${JSON.stringify(body)}`)
    .digest('hex')
    .slice(0, 12);
  return `${slug.slice(0, 80)}-imported-${digest}`;
}

/** Questions read from a file, as drafts of a reading's bank, or the line and reason each failed. */
export function planImport(
  read: ReadResult,
  reading: { slug: string; sentences: readonly SentenceRef[] },
  format: BankFormat,
  /** Told every fiftieth of the way (matching evidence is the slow part of a long file). */
  onProgress?: (done: number, total: number) => void,
): ImportPlan {
  const errors = [...read.errors];
  const notes = [...read.notes];
  const sentenceIds = new Set(reading.sentences.map((s) => s.id));
  const seen = new Map<string, number>();
  const drafts: ImportDraft[] = [];
  const items = joinSplitClozes(read.questions, notes);
  const step = Math.max(1, Math.ceil(items.length / 50));
  for (const [index, item] of items.entries()) {
    if (onProgress && index % step === 0) onProgress(index, items.length);
    const itemNotes = [...item.notes];
    const meta = metaSchema.safeParse(item.meta);
    let body = item.body;
    if (item.meta !== null && !meta.success)
      itemNotes.push('The Statecraft comment could not be read; ignored.');
    // A QTI reader applies its comment itself (qti-items.ts): the item already has the question's type.
    if (meta.success && meta.data.type !== 'cloze-joined' && !isQtiFormat(format)) {
      const restored = restore(item, meta.data);
      if (restored) {
        body = restored.body;
        itemNotes.push(...restored.notes);
      } else
        itemNotes.push(
          'The Statecraft comment no longer fits the question (edited since?); read from the file alone.',
        );
    }
    const id = importedId(reading.slug, body);
    const twin = seen.get(id);
    if (twin !== undefined) {
      notes.push({ line: item.line, message: `The same question as line ${twin}: imported once.` });
      continue;
    }
    seen.set(id, item.line);
    const m = meta.success ? meta.data : null;
    const kept = (m?.evidence ?? []).filter((e) => sentenceIds.has(e));
    const keyIds = ((body.answer as { sentenceIds?: string[] } | undefined)?.sentenceIds ?? []).filter((e) =>
      sentenceIds.has(e),
    );
    let evidence: string[];
    let evidenceFound = true;
    if (m?.evidence?.length && kept.length === m.evidence.length) evidence = kept;
    else if (keyIds.length) evidence = keyIds;
    else {
      const match = matchEvidence(keyTexts(body), reading.sentences);
      evidence = match.sentenceIds;
      evidenceFound = match.found;
    }
    if (evidence.length === 0) {
      errors.push({ line: item.line, message: 'The reading has no sentences to point this question at.' });
      continue;
    }
    const parsed = questionSchema.safeParse({
      ...body,
      id,
      readingSlug: reading.slug,
      explanation:
        str(body.explanation).trim() ||
        `No explanation came with this question (imported from ${isQtiFormat(format) ? 'QTI' : FORMAT_NAMES[format]}).`,
      evidence,
      skill: m?.skill ?? DEFAULT_SKILL[body.type],
      difficulty: m?.difficulty ?? 2,
      lens: m?.lens ?? null,
      concepts: m?.concepts ?? [],
      source: 'authored',
      status: 'draft',
    });
    if (!parsed.success) {
      errors.push({ line: item.line, message: describe(parsed.error) });
      continue;
    }
    drafts.push({
      line: item.line,
      title: item.title,
      question: parsed.data,
      evidenceFound,
      notes: itemNotes,
    });
  }
  onProgress?.(items.length, items.length);
  errors.sort((a, b) => a.line - b.line);
  notes.sort((a, b) => a.line - b.line);
  return { drafts, errors, notes };
}
