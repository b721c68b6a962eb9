import type { Question } from '../schema';
import type { ExportNote, ExportResult, LineError, ReadQuestion, ReadResult } from './types';

/**
 * Aiken, Moodle's simplest text format: multiple choice with one right answer and nothing else.
 *
 *     Question text, on one line
 *     A) First choice
 *     B) Second choice
 *     ANSWER: B
 *
 * The rules are Moodle's (question/format/aiken/format.php): each line is trimmed and a line of
 * fewer than two characters is skipped; a line starting with a capital letter and ")" or "."
 * is a choice; a line starting "ANSWER:" closes the question, and its first letter names the
 * right choice; any other line starts a new question (so a second line of question text drops
 * the question before it). Moodle needs two choices at least. Where Moodle would silently do
 * something odd (an ANSWER letter with no such choice, lower case, a file ending mid-question)
 * this reader reports the line instead.
 */

const CHOICE = /^[A-Z][).][ \t]?/;
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** One line, as Aiken needs: no line breaks, runs of white space as one space. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * A question whose text would read as a choice or an answer line ("U.S. policy …", "ANSWER: …")
 * gets "Question: " in front, so Moodle reads it as the question it is.
 */
function questionLine(text: string): { line: string; changed: boolean } {
  const line = oneLine(text);
  return CHOICE.test(line) || line.startsWith('ANSWER:') || line.length < 2
    ? { line: `Question: ${line}`, changed: true }
    : { line, changed: false };
}

type Choice = { text: string; right: boolean };

function asChoices(q: Question): { prompt: string; choices: Choice[]; note?: string } | { skip: string } {
  switch (q.type) {
    case 'multiple-choice':
      return {
        prompt: q.prompt,
        choices: q.options.map((o) => ({ text: o.text, right: o.id === q.answer.optionId })),
      };
    case 'true-false':
      return {
        prompt: q.prompt.includes(q.statement) ? q.prompt : `${q.prompt} ${q.statement}`,
        choices: [
          { text: 'True', right: q.answer.value },
          { text: 'False', right: !q.answer.value },
        ],
        note: 'True/false → multiple choice of True and False.',
      };
    case 'select-evidence':
      if (q.answer.sentenceIds.length !== 1)
        return { skip: 'Several key sentences: Aiken has one right answer.' };
      return {
        prompt: `${q.prompt} Claim: ${q.claim}`,
        choices: q.options.map((o) => ({ text: o.text, right: o.id === q.answer.sentenceIds[0] })),
        note: 'Select the evidence → multiple choice of the sentences.',
      };
    case 'cloze': {
      const [blank] = q.answer.blanks;
      if (q.answer.blanks.length !== 1 || !blank || !q.wordBank?.length)
        return { skip: 'A cloze without a word bank, or of several blanks: Aiken has only multiple choice.' };
      const right = q.wordBank.find((w) => blank.accepted.includes(w)) ?? blank.accepted[0] ?? '';
      const others = q.wordBank.filter((w) => !blank.accepted.includes(w));
      return {
        prompt: `${q.prompt} ${q.text.replace(/\{\{1\}\}/, '_____')}`,
        choices: [{ text: right, right: true }, ...others.map((text) => ({ text, right: false }))],
        note: 'Cloze with a word bank → multiple choice of the words.',
      };
    }
    case 'multiple-answer':
      return { skip: 'Select all that apply: Aiken has one right answer.' };
    case 'short-answer':
      return { skip: 'Short answer: Aiken has only multiple choice.' };
    case 'matching':
      return { skip: 'Matching: Aiken has only multiple choice.' };
    case 'ordering':
      return { skip: 'Ordering: Aiken has only multiple choice.' };
    case 'claim-evidence-reasoning':
      return { skip: 'Claim, evidence and reasoning has a written part: Aiken has only multiple choice.' };
  }
}

/** What no Aiken file keeps, whatever its questions: said once on the page, not per question. */
export const AIKEN_LEAVES_OUT =
  'Aiken keeps the question, its choices and the answer: explanations, feedback on choices and evidence sentences stay behind.';

/**
 * A bank as an Aiken file. Aiken has no comments, so what was converted or left out is not in
 * the file: it is in `notes`, which the bank page shows beside the download link.
 */
export function bankToAiken(questions: readonly Question[]): ExportResult {
  const blocks: string[] = [];
  const notes: ExportNote[] = [];
  for (const q of questions) {
    const as = asChoices(q);
    if ('skip' in as) {
      notes.push({ questionId: q.id, type: q.type, kind: 'skipped', message: as.skip });
      continue;
    }
    const { line, changed } = questionLine(as.prompt);
    const lines = [line, ...as.choices.map((c, i) => `${LETTERS[i]}) ${oneLine(c.text)}`)];
    const right = as.choices.findIndex((c) => c.right);
    lines.push(`ANSWER: ${LETTERS[right]}`);
    blocks.push(lines.join('\n'));
    if (as.note) notes.push({ questionId: q.id, type: q.type, kind: 'converted', message: as.note });
    if (changed)
      notes.push({
        questionId: q.id,
        type: q.type,
        kind: 'changed',
        message: 'The question starts like a choice ("A." or "ANSWER:"), so "Question: " is put in front.',
      });
  }
  return { text: blocks.length ? `${blocks.join('\n\n')}\n` : '', exported: blocks.length, notes };
}

/** Reads an Aiken file by Moodle's rules; each problem is reported with its line. */
export function parseAiken(text: string): ReadResult {
  const questions: ReadQuestion[] = [];
  const errors: LineError[] = [];
  const notes: LineError[] = [];
  let open: { line: number; text: string; choices: string[] } | null = null;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const now = raw.trim();
    if (now.length < 2) return;
    if (CHOICE.test(now)) {
      if (!open) {
        errors.push({ line, message: `A choice ("${now.slice(0, 2)}") before any question.` });
        return;
      }
      const expected = LETTERS[open.choices.length];
      if (now[0] !== expected)
        notes.push({
          line,
          message: `Choice ${now[0]} where ${expected} was expected: choices are read in order.`,
        });
      open.choices.push(now.replace(CHOICE, '').trim());
      return;
    }
    if (now.startsWith('ANSWER:')) {
      if (!open) {
        errors.push({ line, message: 'An ANSWER line before any question.' });
        return;
      }
      const question = open;
      open = null;
      const letter = now.slice('ANSWER:'.length).trim().slice(0, 1);
      const index = LETTERS.indexOf(letter);
      if (question.choices.length < 2) {
        errors.push({ line: question.line, message: 'A question needs two choices at least.' });
        return;
      }
      if (index < 0) {
        errors.push({
          line,
          message: letter
            ? `ANSWER: ${letter}: the answer is a capital letter (A, B, …).`
            : 'ANSWER: names no choice.',
        });
        return;
      }
      if (index >= question.choices.length) {
        errors.push({
          line,
          message: `ANSWER: ${letter}, but the question has only ${question.choices.length} choices.`,
        });
        return;
      }
      const ids = question.choices.map((_, i) => (LETTERS[i] ?? 'z').toLowerCase());
      questions.push({
        line: question.line,
        title: null,
        stem: question.text,
        body: {
          type: 'multiple-choice',
          prompt: question.text,
          options: question.choices.map((c, i) => ({ id: ids[i], text: c })),
          answer: { optionId: ids[index] },
        },
        notes: [],
        meta: null,
      });
      return;
    }
    if (open)
      errors.push({
        line: open.line,
        message: `No ANSWER line before line ${line}: Aiken wants the question on one line, its choices, then ANSWER.`,
      });
    open = { line, text: now, choices: [] };
  });
  if (open !== null) {
    const last = open as { line: number };
    errors.push({ line: last.line, message: 'The file ends before this question’s ANSWER line.' });
  }
  errors.sort((a, b) => a.line - b.line);
  return { questions, errors, notes };
}
