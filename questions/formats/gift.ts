import type { Question, QuestionOf } from '../schema';
import { evidenceRecord, matchingBody, statecraftRecord } from './to-bank';
import type { ExportNote, ExportResult, LineError, ReadQuestion, ReadResult } from './types';

/**
 * GIFT, Moodle's text format for question banks (https://docs.moodle.org/en/GIFT_format).
 *
 * Export: every type of the app that GIFT can express is written as that type (multiple choice,
 * multiple answer with weights, true/false, missing word, matching); the others as the closest
 * type with a `//` comment saying what changed (short answer → essay, ordering → matching to
 * positions, evidence questions → multiple choice of the reading's sentences, a cloze of several
 * blanks → one missing-word question per blank). Each question is preceded by one comment,
 * `// @statecraft {…}`, holding what GIFT cannot (skill, difficulty, evidence sentences, rubric,
 * sentence ids): Moodle and other readers ignore comments, and importing the file back into the
 * app restores the question whole.
 *
 * Import reads what Moodle writes and people type: titles, `[format]` markers, `$CATEGORY`
 * lines, comments, escapes, per-answer and general feedback, weights, missing-word questions.
 * Numerical questions have no counterpart in the app and are reported, with their line.
 */

// ---- Writing ----

/** GIFT's special characters (and the escape character itself), escaped; a newline as `\n`. */
export function escapeGift(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\\~=#{}:]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n');
}

/** A comment line: never more than one line, whatever the note says. */
const comment = (text: string) => `// ${text.replace(/\s+/g, ' ').trim()}`;

const feedback = (text: string | undefined) => (text ? `#${escapeGift(text)}` : '');
const general = (q: Question) => `####${escapeGift(q.explanation)}`;

/** "->" separates a matching pair and cannot be escaped; it is written as an arrow. */
const matchText = (text: string) => escapeGift(text.replace(/->/g, '→'));

/** 33.33333 for a third, as Moodle lists its grades (it keeps five decimals). */
const percent = (value: number) => String(Math.round(value * 100_000) / 100_000);

export const POSITION_LABEL = (n: number) => `Position ${n}`;
const POSITION = /^Position (\d+)$/;

type Written = { blocks: string[]; notes: Omit<ExportNote, 'questionId' | 'type'>[] };

function meta(q: Question, extra: Record<string, unknown> = {}, part?: { part: number; of: number }) {
  return `// @statecraft ${JSON.stringify(statecraftRecord(q, extra, part))}`;
}

function question(title: string, stem: string, answers: string[], after = ''): string {
  const body = answers.length ? `{\n${answers.map((a) => `\t${a}`).join('\n')}\n}` : '{}';
  return `::${escapeGift(title)}::${stem}${body}${after}`;
}

function choices(
  q: Question,
  options: { text: string; feedback?: string }[],
  correct: (index: number) => boolean,
): string[] {
  const right = options.filter((_, i) => correct(i)).length;
  if (right === 1)
    return [
      ...options.map((o, i) => `${correct(i) ? '=' : '~'}${escapeGift(o.text)}${feedback(o.feedback)}`),
      general(q),
    ];
  // Several right answers: each earns its share; a wrong one takes it all back (Moodle's advice).
  return [
    ...options.map(
      (o, i) =>
        `~%${correct(i) ? percent(100 / right) : '-100'}%${escapeGift(o.text)}${feedback(o.feedback)}`,
    ),
    general(q),
  ];
}

/** A true/false question shows its statement; the prompt is kept when it adds something. */
function trueFalseStem(q: QuestionOf<'true-false'>): string {
  return q.prompt.includes(q.statement) ? q.prompt : `${q.prompt} ${q.statement}`;
}

function clozeParts(q: QuestionOf<'cloze'>): string[] {
  return q.text.split(/\{\{\d+\}\}/);
}

function writeQuestion(q: Question): Written {
  const head = (extra?: Record<string, unknown>) => meta(q, extra);
  switch (q.type) {
    case 'multiple-choice':
      return {
        blocks: [
          `${head()}\n${question(
            q.id,
            escapeGift(q.prompt),
            choices(q, q.options, (i) => q.options[i]?.id === q.answer.optionId),
          )}`,
        ],
        notes: [],
      };
    case 'multiple-answer':
      return {
        blocks: [
          `${head()}\n${question(
            q.id,
            escapeGift(q.prompt),
            choices(q, q.options, (i) => q.answer.optionIds.includes(q.options[i]?.id ?? '')),
          )}`,
        ],
        notes: [],
      };
    case 'true-false':
      return {
        blocks: [
          `${head({ prompt: q.prompt, statement: q.statement })}\n${question(
            q.id,
            escapeGift(trueFalseStem(q)),
            [`${q.answer.value ? 'TRUE' : 'FALSE'}${general(q)}`],
          )}`,
        ],
        notes: [],
      };
    case 'cloze':
      return writeCloze(q);
    case 'short-answer':
      return {
        blocks: [
          `${head({ rubric: q.rubric, modelAnswer: q.modelAnswer, explanation: q.explanation })}\n${comment(
            `Statecraft: a short answer graded against key points; GIFT has no such type, so it is an essay here, with the model answer as general feedback. Key points: ${q.rubric.keyPoints.map((k) => k.text).join(' | ')}`,
          )}\n${question(q.id, escapeGift(q.prompt), [`####${escapeGift(q.modelAnswer)}`])}`,
        ],
        notes: [
          {
            kind: 'converted',
            message:
              'Short answer → essay (graded by hand in Moodle); the model answer is the general feedback, the key points a comment.',
          },
        ],
      };
    case 'matching': {
      const byId = new Map(q.right.map((r) => [r.id, r.text]));
      const used = new Set(Object.values(q.answer.pairs));
      const arrows = [...q.left, ...q.right].some((o) => o.text.includes('->'));
      return {
        blocks: [
          `${head()}\n${question(q.id, escapeGift(q.prompt), [
            ...q.left.map(
              (l) => `=${matchText(l.text)} -> ${matchText(byId.get(q.answer.pairs[l.id] ?? '') ?? '')}`,
            ),
            ...q.right.filter((r) => !used.has(r.id)).map((r) => `= -> ${matchText(r.text)}`),
            general(q),
          ])}`,
        ],
        notes: arrows
          ? [
              {
                kind: 'changed',
                message: 'A "->" in a term or definition is written "→": GIFT reads "->" as a pair.',
              },
            ]
          : [],
      };
    }
    case 'ordering': {
      const position = new Map(q.answer.order.map((id, i) => [id, i + 1]));
      return {
        blocks: [
          `${head({ itemIds: q.items.map((i) => i.id) })}\n${comment(
            'Statecraft: an ordering question; GIFT has none, so each item is matched to its position.',
          )}\n${question(q.id, escapeGift(q.prompt), [
            ...q.items.map((i) => `=${matchText(i.text)} -> ${POSITION_LABEL(position.get(i.id) ?? 0)}`),
            general(q),
          ])}`,
        ],
        notes: [{ kind: 'converted', message: 'Ordering → matching of each item to its position.' }],
      };
    }
    case 'select-evidence':
    case 'claim-evidence-reasoning': {
      const extra = evidenceRecord(q);
      const note =
        q.type === 'select-evidence'
          ? 'Select the evidence → multiple choice of the reading’s sentences.'
          : 'Claim, evidence and reasoning → multiple choice of the evidence; the written reasoning (its rubric) is not in GIFT, only in the comment.';
      return {
        blocks: [
          `${head(extra)}\n${comment(`Statecraft: ${note}`)}\n${question(
            q.id,
            escapeGift(`${q.prompt} Claim: ${q.claim}`),
            choices(q, q.options, (i) => q.answer.sentenceIds.includes(q.options[i]?.id ?? '')),
          )}`,
        ],
        notes: [{ kind: 'converted', message: note }],
      };
    }
  }
}

function writeCloze(q: QuestionOf<'cloze'>): Written {
  const parts = clozeParts(q);
  const blanks = q.answer.blanks;
  const extra = { prompt: q.prompt, text: q.text, blanks, wordBank: q.wordBank };
  const one = (index: number) => {
    const accepted = blanks[index]?.accepted ?? [];
    let answers: string[];
    if (q.wordBank?.length) {
      const [first] = accepted;
      const others = q.wordBank.filter((w) => !accepted.includes(w));
      answers = [`=${escapeGift(first ?? '')}`, ...others.map((w) => `~${escapeGift(w)}`)];
    } else answers = accepted.map((a) => `=${escapeGift(a)}`);
    // The other blanks are filled with their first accepted answer.
    const fill = (i: number) => escapeGift(blanks[i]?.accepted[0] ?? '');
    const before = parts
      .slice(0, index + 1)
      .map((p, i) => escapeGift(p) + (i < index ? fill(i) : ''))
      .join('');
    const after = parts
      .slice(index + 1)
      .map((p, j) => escapeGift(p) + (index + 1 + j < blanks.length ? fill(index + 1 + j) : ''))
      .join('');
    return { stem: `${escapeGift(q.prompt)} ${before}`, answers: [...answers, general(q)], after };
  };
  const notes: Written['notes'] = [];
  if (q.wordBank?.length && blanks.some((b) => b.accepted.length > 1))
    notes.push({
      kind: 'changed',
      message:
        'With a word bank GIFT offers one right word per blank; other accepted spellings are in the comment.',
    });
  if (blanks.length === 1) {
    const { stem, answers, after } = one(0);
    return { blocks: [`${meta(q, extra)}\n${question(q.id, stem, answers, after)}`], notes };
  }
  notes.push({
    kind: 'split',
    message: `A cloze of ${blanks.length} blanks → ${blanks.length} missing-word questions (GIFT has one blank a question).`,
  });
  return {
    blocks: blanks.map((_, i) => {
      const { stem, answers, after } = one(i);
      return `${meta(q, i === 0 ? extra : {}, { part: i + 1, of: blanks.length })}\n${
        i === 0
          ? `${comment(`Statecraft: one cloze of ${blanks.length} blanks, split into one question per blank.`)}\n`
          : ''
      }${question(`${q.id} (blank ${i + 1} of ${blanks.length})`, stem, answers, after)}`;
    }),
    notes,
  };
}

/** A bank as a GIFT file; `notes` says, per question, what was converted. */
export function bankToGift(questions: readonly Question[], heading?: string): ExportResult {
  const blocks: string[] = [];
  const notes: ExportNote[] = [];
  if (heading) blocks.push(comment(heading));
  for (const q of questions) {
    const written = writeQuestion(q);
    blocks.push(...written.blocks);
    notes.push(...written.notes.map((n) => ({ ...n, questionId: q.id, type: q.type })));
  }
  return { text: `${blocks.join('\n\n')}\n`, exported: questions.length, notes };
}

// ---- Reading ----

/** Splits on unescaped `separator`, keeping escapes in the pieces. */
function splitUnescaped(text: string, separator: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\' && i + 1 < text.length) {
      current += text.slice(i, i + 2);
      i++;
    } else if (text.startsWith(separator, i)) {
      out.push(current);
      current = '';
      i += separator.length - 1;
    } else current += text[i];
  }
  out.push(current);
  return out;
}

/** Removes GIFT's escapes: `\x` is x, `\n` a new line. */
export function unescapeGift(text: string): string {
  return text.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
}

const clean = (text: string) =>
  unescapeGift(text)
    .replace(/[ \t]+/g, ' ')
    .trim();

/** Strips HTML a question written in Moodle's editor may carry, to the plain text the app keeps. */
function plain(text: string, format: string | null): string {
  if (format === 'html' || /<\/?(p|br|b|i|em|strong|span|div)\b/i.test(text))
    return text
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<[^<>]*>/g, '')
      .replace(/&nbsp;/g, ' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  return text;
}

type Choice = { right: boolean; weight: number | null; text: string; feedback: string | undefined };

/** The answers of a choice question: `=` or `~`, an optional `%weight%`, the text, `#feedback`. */
function readChoices(answer: string): Choice[] | string {
  const out: Choice[] = [];
  let current: { marker: string; raw: string } | null = null;
  const push = () => {
    if (!current) return;
    let raw = current.raw.trim();
    let weight: number | null = null;
    const w = /^%(-?\d+(?:\.\d+)?)%/.exec(raw);
    if (w) {
      weight = Number(w[1]);
      raw = raw.slice(w[0].length);
    }
    const [text = '', ...fb] = splitUnescaped(raw, '#');
    out.push({
      right: current.marker === '=',
      weight,
      text: clean(text),
      feedback: fb.length ? clean(fb.join('#')) || undefined : undefined,
    });
  };
  let i = 0;
  const s = answer.trim();
  if (s && s[0] !== '=' && s[0] !== '~') return 'Each answer starts with = (right) or ~ (wrong).';
  while (i < s.length) {
    const c = s[i] as string;
    if (c === '\\' && i + 1 < s.length) {
      if (current) current.raw += s.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (c === '=' || c === '~') {
      push();
      current = { marker: c, raw: '' };
    } else if (current) current.raw += c;
    i++;
  }
  push();
  return out;
}

type Block = { line: number; lines: string[]; comments: { line: number; text: string }[] };

/** Lines into question blocks: a blank line ends one; comment lines belong to the next. */
function blocksOf(text: string): Block[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const blocks: Block[] = [];
  let current: Block | null = null;
  let comments: Block['comments'] = [];
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed.startsWith('//')) {
      comments.push({ line, text: trimmed.slice(2).trim() });
      return;
    }
    // A blank line ends a question; so does a category line, which is a block of its own.
    if (trimmed === '' || /^\$CATEGORY:/i.test(trimmed)) {
      if (current) blocks.push(current);
      current = null;
      if (trimmed) {
        blocks.push({ line, lines: [raw], comments });
        comments = [];
      }
      return;
    }
    if (!current) {
      current = { line, lines: [], comments };
      comments = [];
    }
    current.lines.push(raw);
  });
  if (current) blocks.push(current);
  return blocks;
}

/** The part before, inside and after the first unescaped `{…}`. */
function splitBraces(text: string): { before: string; answer: string | null; after: string } | string {
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    if (text[i] === '{' && open < 0) open = i;
    else if (text[i] === '}') {
      if (open < 0) return 'A } with no { before it (write \\} for a brace in the text).';
      const rest = text.slice(i + 1);
      if (/(^|[^\\])\{/.test(rest))
        return 'Only one {…} answer part per question (write \\{ for a brace in the text).';
      return { before: text.slice(0, open), answer: text.slice(open + 1, i), after: rest };
    }
  }
  if (open >= 0) return 'The answer part opened with { is never closed with }.';
  return { before: text, answer: null, after: '' };
}

const BLANK = '_____';

/** One block of GIFT as a question of the app (still to be checked by the schema), or why not. */
function readBlock(block: Block): ReadQuestion | { error: string } | { skip: string } {
  let text = block.lines.join('\n').trim();
  if (/^\$CATEGORY:/i.test(text)) return { skip: 'A category line: the question bank is the reading’s.' };
  let title: string | null = null;
  const t = /^::((?:\\.|[^:\\]|:(?!:))*)::/.exec(text);
  if (t) {
    title = clean(t[1] ?? '') || null;
    text = text.slice(t[0].length).trim();
  }
  let format: string | null = null;
  const f = /^\[(html|moodle|plain|markdown)\]/i.exec(text);
  if (f) {
    format = (f[1] ?? '').toLowerCase();
    text = text.slice(f[0].length);
  }
  const parts = splitBraces(text);
  if (typeof parts === 'string') return { error: parts };
  if (parts.answer === null) return { skip: 'No {…} answer part: a description, not a question.' };
  const before = plain(clean(parts.before), format);
  const after = plain(clean(parts.after), format);
  const [answerRaw = '', ...generalParts] = splitUnescaped(parts.answer, '####');
  const explanation = generalParts.length ? plain(clean(generalParts.join('####')), format) : undefined;
  const answer = answerRaw.trim();
  const notes: string[] = [];
  const stem = after ? `${before} ${BLANK} ${after}` : before;
  const base = { line: block.line, title, stem, notes, meta: readMeta(block) };

  if (answer === '') {
    if (!explanation)
      return {
        error:
          'An essay question needs a model answer, given as general feedback ({####…}), to be graded here.',
      };
    notes.push('Essay → short answer graded against the model answer (its one key point).');
    return {
      ...base,
      body: {
        type: 'short-answer',
        prompt: stem,
        modelAnswer: explanation,
        rubric: { keyPoints: [{ id: 'model', text: explanation.slice(0, 2000) }] },
        explanation,
      },
    };
  }
  if (answer.startsWith('#')) return { error: 'Numerical questions have no counterpart in this app.' };
  const tf = /^(T|TRUE|F|FALSE)\s*(#.*)?$/is.exec(answer);
  if (tf) {
    const value = /^t/i.test(tf[1] ?? '');
    const statement = stem.replace(/^true or false\s*[:?.]\s*/i, '').trim();
    return {
      ...base,
      body: {
        type: 'true-false',
        prompt: /^true or false/i.test(stem) ? stem : `True or false: ${statement}`,
        statement,
        answer: { value },
        explanation: explanation ?? (tf[2] ? clean(tf[2].replace(/^#+/, '').split('#')[0] ?? '') : undefined),
      },
    };
  }
  if (answer.startsWith('=') && splitUnescaped(answer, '->').length > 1)
    return readMatching(base, stem, answer, explanation);
  const read = readChoices(answer);
  if (typeof read === 'string') return { error: read };
  if (read.some((c) => c.text === '')) return { error: 'An answer is empty.' };
  const wrong = read.filter((c) => !c.right);
  if (after) {
    // A missing word: the blank is where the braces were.
    const accepted = read.filter((c) => c.right || (c.weight ?? 0) >= 100).map((c) => c.text);
    if (accepted.length === 0) return { error: 'A missing-word question needs a right answer (=).' };
    notes.push(
      wrong.length ? 'Missing word with choices → cloze with a word bank.' : 'Missing word → cloze.',
    );
    return {
      ...base,
      body: {
        type: 'cloze',
        prompt: 'Fill in the blank.',
        text: `${before} {{1}}${after ? ` ${after}` : ''}`.replace(/\s+([.,;:!?])/g, '$1').trim(),
        ...(wrong.length ? { wordBank: read.map((c) => c.text) } : {}),
        answer: { blanks: [{ accepted }] },
        explanation,
      },
    };
  }
  if (wrong.length === 0) {
    // Short answer: Moodle matches the words exactly; here they are key point phrasings.
    const [first, ...others] = read.filter((c) => c.weight === null || c.weight > 0).map((c) => c.text);
    if (!first) return { error: 'A short-answer question needs a right answer.' };
    notes.push('Short answer (exact words) → short answer graded against the answer as a key point.');
    return {
      ...base,
      body: {
        type: 'short-answer',
        prompt: stem,
        modelAnswer: first,
        rubric: { keyPoints: [{ id: 'answer', text: first, accept: others }] },
        explanation: explanation ?? `Answer: ${first}.`,
      },
    };
  }
  const ids = read.map((_, i) => String.fromCharCode(97 + (i % 26)) + (i >= 26 ? String(i) : ''));
  const options = read.map((c, i) => ({
    id: ids[i],
    text: c.text,
    ...(c.feedback ? { feedback: c.feedback } : {}),
  }));
  const weighted = read.some((c) => c.weight !== null);
  const right = read
    .map((c, i) => ((weighted ? (c.weight ?? (c.right ? 100 : 0)) > 0 : c.right) ? i : -1))
    .filter((i) => i >= 0);
  if (right.length === 0) return { error: 'No answer is marked right (= or a positive %weight%).' };
  if (!weighted && right.length > 1)
    return {
      error:
        'Several answers start with =: a multiple-choice question has one right answer (for “select all that apply”, give weights: ~%50%…).',
    };
  if (right.length === 1 && (!weighted || (read[right[0] ?? 0]?.weight ?? 100) === 100)) {
    return {
      ...base,
      body: {
        type: 'multiple-choice',
        prompt: stem,
        options,
        answer: { optionId: ids[right[0] ?? 0] },
        explanation,
      },
    };
  }
  if (right.length === 1) notes.push('Partial credit on one answer is not kept: it is the one right answer.');
  if (weighted && read.some((c) => c.weight !== null && c.weight > 0 && c.weight < 100 && right.length > 1))
    notes.push('Weights → select all that apply: every answer with a positive weight is right.');
  return {
    ...base,
    body: {
      type: right.length === 1 ? 'multiple-choice' : 'multiple-answer',
      prompt: stem,
      options,
      answer: right.length === 1 ? { optionId: ids[right[0] ?? 0] } : { optionIds: right.map((i) => ids[i]) },
      explanation,
    },
  };
}

function readMatching(
  base: Omit<ReadQuestion, 'body'>,
  stem: string,
  answer: string,
  explanation: string | undefined,
): ReadQuestion | { error: string } {
  const pairs: { left: string; right: string }[] = [];
  for (const piece of splitUnescaped(answer.trim().slice(1), '=')) {
    const [left = '', ...right] = splitUnescaped(piece, '->');
    if (right.length === 0) return { error: `A matching pair has no "->": "${clean(piece)}".` };
    const rightText = clean(right.join('->').split(/(?<!\\)#/)[0] ?? '');
    if (!rightText) return { error: 'A matching pair has nothing after "->".' };
    pairs.push({ left: clean(left), right: rightText });
  }
  const matched = pairs.filter((p) => p.left);
  const positions = matched.map((p) => POSITION.exec(p.right)?.[1]);
  if (
    matched.length === pairs.length &&
    matched.length >= 3 &&
    positions.every((p) => p !== undefined) &&
    [...positions]
      .map(Number)
      .sort((a, b) => a - b)
      .every((p, i) => p === i + 1)
  ) {
    const items = matched.map((p, i) => ({ id: `i${i + 1}`, text: p.left }));
    const order = matched
      .map((_, i) => i)
      .sort((a, b) => Number(positions[a]) - Number(positions[b]))
      .map((i) => `i${i + 1}`);
    base.notes.push('Matching to positions → ordering.');
    return { ...base, body: { type: 'ordering', prompt: stem, items, answer: { order }, explanation } };
  }
  return { ...base, body: matchingBody(stem, pairs, explanation) };
}

function readMeta(block: Block): unknown {
  for (const c of block.comments) {
    if (!c.text.startsWith('@statecraft ')) continue;
    try {
      return JSON.parse(c.text.slice('@statecraft '.length));
    } catch {
      return null;
    }
  }
  return null;
}

/** Reads a GIFT file: the questions found, and each block that failed, with its first line. */
export function parseGift(text: string): ReadResult {
  const questions: ReadQuestion[] = [];
  const errors: LineError[] = [];
  const notes: LineError[] = [];
  for (const block of blocksOf(text)) {
    const read = readBlock(block);
    if ('error' in read) errors.push({ line: block.line, message: read.error });
    else if ('skip' in read) notes.push({ line: block.line, message: read.skip });
    else questions.push(read);
  }
  return { questions, errors, notes };
}
