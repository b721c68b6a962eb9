import { decodeHTML } from 'entities';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { type Question, type QuestionOf, SKILL_NAMES, type Skill } from '../schema';
import { evidenceRecord, matchingBody, statecraftRecord } from './to-bank';
import {
  type ExportNote,
  type ExportResult,
  IMPORT_LIMITS,
  type LineError,
  type ReadQuestion,
  type ReadResult,
} from './types';

/**
 * Moodle XML, the format Moodle's question bank exports and imports whole
 * (https://docs.moodle.org/en/Moodle_XML_format). What is written follows what Moodle's own
 * importer reads (question/format/xml/format.php and the question types' import_from_xml):
 *
 * - multiple choice and select all that apply → `multichoice` (`single` true or false); a right
 *   answer of several earns its share as one of the grades Moodle accepts (50, 33.33333, 25…; any
 *   other fraction makes Moodle refuse the file), a wrong one -100;
 * - true/false → `truefalse` (answers "true" and "false", as Moodle matches them);
 * - a cloze without a word bank → `cloze` (Moodle's multianswer: `{1:SHORTANSWER:=a~=b}` in the
 *   text); with a word bank → `ddwtos` (drag and drop into text: `[[n]]` gaps, `dragbox` choices);
 * - matching → `matching` (extra definitions as answers of empty subquestions);
 * - ordering → `ordering` (standard in Moodle 4.4+, a plugin before), the answers in the right order;
 * - short answer (free text graded by key points) → `essay`, the model answer and key points as
 *   grader information; select the evidence and claim–evidence–reasoning → `multichoice` of the
 *   sentences. Each such conversion is in the export notes, never silent.
 *
 * Texts are HTML in CDATA. Before each question a comment `<!-- @statecraft {…} -->` holds what
 * Moodle cannot (skill, difficulty, evidence sentences, rubric, sentence ids): Moodle ignores it,
 * and importing the file back restores the question whole. Questions are grouped in categories
 * `$course$/top/<reading>/<skill>`.
 *
 * Import reads every type above (and Moodle's `shortanswer`, `gapselect`, `match`, `multianswer`)
 * with the line each question starts on; a question that cannot be read is reported with its line
 * and why. The XML is read by fast-xml-parser after refusing a document type declaration (no DTD,
 * so no external entities and no entity expansion), within IMPORT_LIMITS.
 */

// ---- Writing ----

/** The grades Moodle accepts for an answer, in percent (question_bank::fraction_options_full). */
export const MOODLE_GRADES = [
  100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5,
  11.11111, 10, 5, 0,
] as const;

/** Whether Moodle accepts a grade (it allows 0.001% of slack, as match_grade_options does). */
export function isMoodleGrade(percent: number): boolean {
  return MOODLE_GRADES.some((g) => Math.abs(Math.abs(percent) - g) < 0.001);
}

/** A right answer's share of 1/k as the nearest grade Moodle accepts (k ≤ 7 is exact). */
function shareGrade(k: number): number {
  const wanted = 100 / k;
  return MOODLE_GRADES.reduce((best, g) => (Math.abs(g - wanted) < Math.abs(best - wanted) ? g : best), 100);
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A text as HTML: escaped, line breaks kept. */
const html = (text: string) => escapeXml(text).replace(/\r\n?|\n/g, '<br>');
const para = (text: string) => `<p>${html(text)}</p>`;

/** CDATA, split where the text holds "]]>" (as Moodle's xml_escape does). */
const cdata = (text: string) => (text ? `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>` : '');

const textTag = (tag: string, htmlText: string, indent = '    ') =>
  `${indent}<${tag} format="html">\n${indent}  <text>${cdata(htmlText)}</text>\n${indent}</${tag}>`;

/** A comment's text: an XML comment may not hold "--", so each such dash is written \u002d (still JSON). */
const commentJson = (value: unknown) => JSON.stringify(value).replace(/-(?=-)/g, '\\u002d');

/** Moodle's cloze syntax reserves } # ~ / " and \ inside an answer; each is escaped with \. */
const clozeAnswer = (text: string) => html(text).replace(/[}#~/"\\]/g, (c) => `\\${c}`);

const meta = (q: Question, extra: Record<string, unknown> = {}) =>
  `  <!-- @statecraft ${commentJson(statecraftRecord(q, extra))} -->`;

type Written = { type: string; questionText: string; body: string[]; extra?: Record<string, unknown> };
type Note = Omit<ExportNote, 'questionId' | 'type'>;

const COMBINED_FEEDBACK = ['correctfeedback', 'partiallycorrectfeedback', 'incorrectfeedback'].map((tag) =>
  textTag(tag, ''),
);

function answer(fraction: number, htmlText: string, feedback = '', format = 'html'): string {
  return [
    `    <answer fraction="${fraction}" format="${format}">`,
    `      <text>${format === 'html' ? cdata(htmlText) : escapeXml(htmlText)}</text>`,
    textTag('feedback', feedback, '      '),
    '    </answer>',
  ].join('\n');
}

/** A multichoice of the given options: one right answer (single), or several, each earning its share. */
function multichoice(
  options: { text: string; feedback?: string }[],
  right: (i: number) => boolean,
): string[] {
  const count = options.filter((_, i) => right(i)).length;
  const single = count === 1;
  return [
    `    <single>${single}</single>`,
    '    <shuffleanswers>true</shuffleanswers>',
    '    <answernumbering>abc</answernumbering>',
    '    <showstandardinstruction>0</showstandardinstruction>',
    ...COMBINED_FEEDBACK,
    '    <shownumcorrect/>',
    ...options.map((o, i) =>
      answer(
        right(i) ? (single ? 100 : shareGrade(count)) : single ? 0 : -100,
        html(o.text),
        o.feedback ? html(o.feedback) : '',
      ),
    ),
  ];
}

/** A true/false question shows its statement; the prompt is kept when it adds something. */
const trueFalseStem = (q: QuestionOf<'true-false'>) =>
  q.prompt.includes(q.statement) ? q.prompt : `${q.prompt} ${q.statement}`;

function writeCloze(q: QuestionOf<'cloze'>, notes: Note[]): Written {
  const blanks = q.answer.blanks;
  const [before, ...rest] = q.text.split(/\{\{\d+\}\}/);
  const extra = { prompt: q.prompt, text: q.text, blanks, wordBank: q.wordBank };
  if (!q.wordBank?.length) {
    // Moodle's cloze: each blank a short answer; every accepted spelling earns full marks.
    const text = [html(before ?? '')];
    rest.forEach((part, i) => {
      const accepted = blanks[i]?.accepted ?? [];
      text.push(`{1:SHORTANSWER:${accepted.map((a) => `=${clozeAnswer(a)}`).join('~')}}`, html(part));
    });
    return { type: 'cloze', questionText: `${para(q.prompt)}<p>${text.join('')}</p>`, body: [], extra };
  }
  // Drag and drop into text: the right word of each blank is a choice; the bank's other words too.
  const choices: string[] = [];
  const gaps = blanks.map((b) => {
    const word = q.wordBank?.find((w) => b.accepted.includes(w)) ?? b.accepted[0] ?? '';
    if (!choices.includes(word)) choices.push(word);
    return choices.indexOf(word) + 1;
  });
  for (const w of q.wordBank) if (!choices.includes(w)) choices.push(w);
  const reused = new Set(gaps.filter((g, i) => gaps.indexOf(g) !== i));
  if (blanks.some((b) => b.accepted.length > 1))
    notes.push({
      kind: 'changed',
      message:
        'Drag and drop into text has one right word a blank: other accepted spellings are only in the Statecraft comment.',
    });
  const text = [html(before ?? '')];
  rest.forEach((part, i) => {
    text.push(`[[${gaps[i]}]]`, html(part));
  });
  return {
    type: 'ddwtos',
    questionText: `${para(q.prompt)}<p>${text.join('')}</p>`,
    body: [
      '    <shuffleanswers>1</shuffleanswers>',
      ...COMBINED_FEEDBACK,
      '    <shownumcorrect/>',
      ...choices.map(
        (c, i) =>
          `    <dragbox>\n      <text>${escapeXml(c)}</text>\n      <group>1</group>\n${reused.has(i + 1) ? '      <infinite/>\n' : ''}    </dragbox>`,
      ),
    ],
    extra,
  };
}

function writeQuestion(q: Question, notes: Note[]): Written {
  switch (q.type) {
    case 'multiple-choice':
      return {
        type: 'multichoice',
        questionText: para(q.prompt),
        body: multichoice(q.options, (i) => q.options[i]?.id === q.answer.optionId),
      };
    case 'multiple-answer':
      return {
        type: 'multichoice',
        questionText: para(q.prompt),
        body: multichoice(q.options, (i) => q.answer.optionIds.includes(q.options[i]?.id ?? '')),
      };
    case 'true-false':
      return {
        type: 'truefalse',
        questionText: para(trueFalseStem(q)),
        body: [
          answer(q.answer.value ? 100 : 0, 'true', '', 'moodle_auto_format'),
          answer(q.answer.value ? 0 : 100, 'false', '', 'moodle_auto_format'),
        ],
        extra: { prompt: q.prompt, statement: q.statement },
      };
    case 'cloze':
      return writeCloze(q, notes);
    case 'short-answer':
      notes.push({
        kind: 'converted',
        message:
          'Short answer → essay (graded by hand in Moodle); the model answer and key points are the grader information.',
      });
      return {
        type: 'essay',
        questionText: para(q.prompt),
        body: [
          '    <responseformat>editor</responseformat>',
          '    <responserequired>1</responserequired>',
          '    <responsefieldlines>10</responsefieldlines>',
          '    <attachments>0</attachments>',
          '    <attachmentsrequired>0</attachmentsrequired>',
          textTag('graderinfo', graderInfo(q.modelAnswer, q.rubric.keyPoints)),
          textTag('responsetemplate', ''),
        ],
        extra: { rubric: q.rubric, modelAnswer: q.modelAnswer, explanation: q.explanation },
      };
    case 'matching': {
      const byId = new Map(q.right.map((r) => [r.id, r.text]));
      const used = new Set(Object.values(q.answer.pairs));
      if (q.left.length + q.right.filter((r) => !used.has(r.id)).length < 3)
        notes.push({
          kind: 'changed',
          message:
            'Moodle’s matching asks for three answers at least: its editor will want a third definition.',
        });
      const sub = (question: string, answerText: string) =>
        `    <subquestion format="html">\n      <text>${cdata(question)}</text>\n      <answer>\n        <text>${escapeXml(answerText)}</text>\n      </answer>\n    </subquestion>`;
      return {
        type: 'matching',
        questionText: para(q.prompt),
        body: [
          '    <shuffleanswers>true</shuffleanswers>',
          ...COMBINED_FEEDBACK,
          '    <shownumcorrect/>',
          ...q.left.map((l) => sub(html(l.text), byId.get(q.answer.pairs[l.id] ?? '') ?? '')),
          // An extra definition is an answer with no question, as Moodle's editor writes one.
          ...q.right.filter((r) => !used.has(r.id)).map((r) => sub('', r.text)),
        ],
      };
    }
    case 'ordering': {
      const byId = new Map(q.items.map((i) => [i.id, i.text]));
      notes.push({
        kind: 'changed',
        message:
          'Ordering is Moodle’s ordering type: standard from Moodle 4.4, a plugin (qtype_ordering) before.',
      });
      return {
        type: 'ordering',
        questionText: para(q.prompt),
        body: [
          '    <layouttype>VERTICAL</layouttype>',
          '    <selecttype>ALL</selecttype>',
          '    <selectcount>0</selectcount>',
          '    <gradingtype>ABSOLUTE_POSITION</gradingtype>',
          '    <showgrading>SHOW</showgrading>',
          ...COMBINED_FEEDBACK,
          // The answers in the right order; Moodle numbers them so (its fraction is the position).
          ...q.answer.order.map(
            (id, i) =>
              `    <answer fraction="${i + 1}" format="html">\n      <text>${cdata(html(byId.get(id) ?? ''))}</text>\n    </answer>`,
          ),
        ],
        extra: { itemIds: q.answer.order, display: q.items.map((i) => i.id) },
      };
    }
    case 'select-evidence':
    case 'claim-evidence-reasoning': {
      const message =
        q.type === 'select-evidence'
          ? 'Select the evidence → multiple choice of the reading’s sentences.'
          : 'Claim, evidence and reasoning → multiple choice of the evidence; the written reasoning (its rubric) is not in Moodle, only in the Statecraft comment.';
      notes.push({ kind: 'converted', message });
      const extra = evidenceRecord(q);
      return {
        type: 'multichoice',
        questionText: `${para(q.prompt)}${para(`Claim: ${q.claim}`)}`,
        body: multichoice(q.options, (i) => q.answer.sentenceIds.includes(q.options[i]?.id ?? '')),
        extra,
      };
    }
  }
}

const KEY_POINTS = 'Key points:';

function graderInfo(model: string, keyPoints: { text: string }[]): string {
  return `${para(model)}<p>${KEY_POINTS}</p><ul>${keyPoints.map((k) => `<li>${html(k.text)}</li>`).join('')}</ul>`;
}

function category(path: string): string {
  return [
    '  <question type="category">',
    `    <category>\n      <text>${escapeXml(path)}</text>\n    </category>`,
    textTag('info', ''),
    '  </question>',
  ].join('\n');
}

/** A category path's part: Moodle separates parts with "/" (written "//" inside a name). */
const categoryPart = (name: string) => name.replace(/\s+/g, ' ').trim().replace(/\//g, '//');

/**
 * A bank as a Moodle XML file, its questions grouped by skill in categories under the reading's
 * name; `notes` says, per question, what was converted.
 */
export function bankToMoodleXml(questions: readonly Question[], readingTitle = 'Statecraft'): ExportResult {
  const notes: ExportNote[] = [];
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<quiz>'];
  const skills = Object.keys(SKILL_NAMES) as Skill[];
  const ordered = [...questions].sort((a, b) => skills.indexOf(a.skill) - skills.indexOf(b.skill));
  let current: string | null = null;
  for (const q of ordered) {
    if (q.skill !== current) {
      current = q.skill;
      out.push(category(`$course$/top/${categoryPart(readingTitle)}/${categoryPart(SKILL_NAMES[q.skill])}`));
    }
    const own: Note[] = [];
    const w = writeQuestion(q, own);
    notes.push(...own.map((n) => ({ ...n, questionId: q.id, type: q.type })));
    out.push(
      meta(q, w.extra),
      `  <question type="${w.type}">`,
      `    <name>\n      <text>${escapeXml(q.id)}</text>\n    </name>`,
      textTag('questiontext', w.questionText),
      textTag('generalfeedback', html(q.explanation)),
      ...(w.type === 'cloze' ? [] : ['    <defaultgrade>1</defaultgrade>']),
      '    <penalty>0.3333333</penalty>',
      '    <hidden>0</hidden>',
      // Moodle keeps an id number of up to 100 characters, unique in its category.
      `    <idnumber>${q.id.length <= 100 ? escapeXml(q.id) : ''}</idnumber>`,
      ...w.body,
      '  </question>',
    );
  }
  out.push('</quiz>', '');
  return { text: out.join('\n'), exported: questions.length, notes };
}

// ---- Reading ----

type XmlNode = Record<string, unknown>;
const META = XMLParser.getMetaDataSymbol() as unknown as string;

const tagOf = (node: XmlNode) => Object.keys(node).find((k) => k !== ':@') ?? '';
const kids = (node: XmlNode | undefined): XmlNode[] => {
  if (!node) return [];
  const value = node[tagOf(node)];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
};
const attr = (node: XmlNode | undefined, name: string): string | undefined =>
  (node?.[':@'] as Record<string, string> | undefined)?.[name];
const all = (node: XmlNode | undefined, name: string) => kids(node).filter((k) => tagOf(k) === name);
const child = (node: XmlNode | undefined, name: string) => kids(node).find((k) => tagOf(k) === name);
/** The text directly inside an element (CDATA included, entities decoded by the parser). */
const ownText = (node: XmlNode | undefined) =>
  kids(node)
    .map((k) => (typeof k['#text'] === 'string' ? (k['#text'] as string) : ''))
    .join('');
/** The `<text>` of a child (Moodle's `<questiontext><text>…</text></questiontext>`), trimmed. */
const textOf = (node: XmlNode | undefined, name?: string) =>
  ownText(child(name ? child(node, name) : node, 'text')).trim();

/** HTML as the plain text the app keeps: blocks and breaks as spaces, tags dropped, entities decoded. */
export function htmlToText(text: string): string {
  return decodeHTML(
    text
      .replace(/<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|li|h[1-6]|tr|blockquote)\s*>/gi, '\n')
      .replace(/<[^<>]*>/g, ''),
  )
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/** A field's text: HTML (Moodle's default) as plain text, plain text as it is. */
function fieldText(node: XmlNode | undefined, name?: string): string {
  const element = name ? child(node, name) : node;
  const raw = textOf(element);
  const format = attr(element, 'format') ?? 'html';
  const text = format === 'plain_text' || format === 'markdown' ? raw : htmlToText(raw);
  return text.replace(/\s+/g, ' ').trim();
}

/** The paragraphs of an HTML text, each as plain text. */
function paragraphs(htmlText: string): string[] {
  return htmlToText(htmlText)
    .split('\n')
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

const BLANK = '_____';
type Out = ReadQuestion | { error: string; line?: number } | { skip: string };

/** A cloze's prompt and text: the paragraphs before the first blank are the prompt, the rest the text. */
function promptAndText(parts: string[]): { prompt: string; text: string } {
  const first = parts.findIndex((p) => /\{\{\d+\}\}/.test(p));
  const prompt = parts.slice(0, Math.max(first, 0)).join(' ');
  const text = parts.slice(Math.max(first, 0)).join(' ');
  return { prompt: prompt.length >= 8 ? prompt : `${prompt} Fill in the blanks.`.trim(), text };
}

/** The stem the Statecraft comment is checked against: the prompt and the text, its first blank shown. */
const clozeStem = (prompt: string, text: string) => `${prompt} ${text.replace(/\{\{\d+\}\}/, BLANK)}`;

type Alternative = { fraction: number; text: string; feedback: string };

/** One embedded answer's alternatives: `=a#feedback~%50%b~c`, with Moodle's escapes. */
function alternatives(body: string): Alternative[] | string {
  const out: Alternative[] = [];
  for (const raw of body.split(/(?<!\\)~/)) {
    let rest = raw;
    let fraction = 0;
    const f = /^(=|%(-?\d+(?:\.\d+)?)%)/.exec(rest);
    if (f) {
      fraction = f[1] === '=' ? 100 : Number(f[2]);
      rest = rest.slice(f[0].length);
    }
    const [answerText = '', ...feedback] = rest.split(/(?<!\\|&)#/);
    const unescaped = (s: string) =>
      htmlToText(s.replace(/\\([}#~/"\\])/g, '$1'))
        .replace(/\s+/g, ' ')
        .trim();
    if (!unescaped(answerText)) return 'An embedded answer is empty.';
    out.push({ fraction, text: unescaped(answerText), feedback: unescaped(feedback.join('#')) });
  }
  return out;
}

/** Moodle's embedded answers ({1:SHORTANSWER:…}), as its multianswer type reads them. */
const EMBEDDED =
  /\{(\d*):(SHORTANSWER(?:_C)?|SAC?|MWC?|MULTICHOICE(?:_[VH]?S?)?|MC[VH]?S?|MULTIRESPONSE(?:_H?S?)?|MR[H]?S?|NUMERICAL|NM):((?:\\.|[^}\\])*)\}/g;

function readCloze(
  base: Omit<ReadQuestion, 'body' | 'stem'>,
  questionHtml: string,
  explanation: string,
): Out {
  const blanks: { accepted: string[] }[] = [];
  const bank: string[] = [];
  let choices = false;
  const found: { problem: string | null } = { problem: null };
  const marked = questionHtml.replace(EMBEDDED, (_, _weight: string, kind: string, body: string) => {
    if (found.problem) return '';
    if (/^(NUMERICAL|NM)$/.test(kind)) found.problem = 'A numerical blank has no counterpart in this app.';
    else if (/^(MULTIRESPONSE|MR)/.test(kind))
      found.problem = 'A blank with several right choices has no counterpart here.';
    const alts = alternatives(body);
    if (typeof alts === 'string') found.problem ??= alts;
    if (found.problem || typeof alts === 'string') return '';
    const accepted = alts.filter((a) => a.fraction >= 100 && a.text !== '*').map((a) => a.text);
    if (accepted.length === 0) found.problem = `Blank ${blanks.length + 1} has no answer worth full marks.`;
    if (/^(MULTICHOICE|MC)/.test(kind)) {
      choices = true;
      for (const a of alts) if (!bank.includes(a.text)) bank.push(a.text);
    } else if (alts.some((a) => a.fraction > 0 && a.fraction < 100))
      base.notes.push(
        `Partial credit in blank ${blanks.length + 1} is not kept: only full-mark answers count.`,
      );
    blanks.push({ accepted });
    return `{{${blanks.length}}}`;
  });
  if (found.problem) return { error: found.problem };
  if (blanks.length === 0) return { error: 'A cloze question with no embedded answer ({1:SHORTANSWER:=…}).' };
  const { prompt, text } = promptAndText(paragraphs(marked));
  if (choices) {
    // A word bank serves every blank: a typed blank's answer joins it, or it could not be filled.
    for (const b of blanks)
      if (b.accepted[0] && !b.accepted.some((a) => bank.includes(a))) bank.push(b.accepted[0]);
    base.notes.push('Drop-down blanks → cloze with a word bank (the choices of every blank).');
  }
  return {
    ...base,
    stem: clozeStem(prompt, text),
    body: {
      type: 'cloze',
      prompt,
      text,
      ...(choices ? { wordBank: bank } : {}),
      answer: { blanks },
      explanation,
    },
  };
}

function readGaps(
  base: Omit<ReadQuestion, 'body' | 'stem'>,
  question: XmlNode,
  questionHtml: string,
  explanation: string,
): Out {
  const choiceTag = attr(question, 'type') === 'gapselect' ? 'selectoption' : 'dragbox';
  const words = all(question, choiceTag)
    .map((c) => textOf(c))
    .map((t) => htmlToText(t).replace(/\s+/g, ' ').trim());
  if (words.length === 0) return { error: `No <${choiceTag}> choices.` };
  const blanks: { accepted: string[] }[] = [];
  const found: { problem: string | null } = { problem: null };
  const marked = questionHtml.replace(/\[\[(\d+)\]\]/g, (_, n: string) => {
    const word = words[Number(n) - 1];
    if (!word) found.problem ??= `The gap [[${n}]] names no choice (there are ${words.length}).`;
    blanks.push({ accepted: [word ?? ''] });
    return `{{${blanks.length}}}`;
  });
  if (found.problem) return { error: found.problem };
  if (blanks.length === 0) return { error: 'No gaps ([[1]], [[2]]…) in the question text.' };
  const { prompt, text } = promptAndText(paragraphs(marked));
  const wordBank = [...new Set(words)];
  if (new Set(all(question, choiceTag).map((c) => ownText(child(c, 'group')).trim())).size > 1)
    base.notes.push('Choice groups are not kept: every blank offers the whole word bank.');
  base.notes.push(`Gaps (${attr(question, 'type')}) → cloze with a word bank.`);
  return {
    ...base,
    stem: clozeStem(prompt, text),
    body: { type: 'cloze', prompt, text, wordBank, answer: { blanks }, explanation },
  };
}

const optionId = (i: number) => String.fromCharCode(97 + (i % 26)) + (i >= 26 ? String(i) : '');

function readChoice(
  base: Omit<ReadQuestion, 'body' | 'stem'>,
  question: XmlNode,
  stem: string,
  explanation: string,
  lineOf: (n: XmlNode) => number,
): Out {
  const single = !/^(false|0|)$/.test((ownText(child(question, 'single')) || 'true').trim());
  const answers = all(question, 'answer');
  const read: { text: string; feedback?: string; grade: number }[] = [];
  for (const a of answers) {
    const grade = Number(attr(a, 'fraction') ?? '0');
    if (!Number.isFinite(grade) || !isMoodleGrade(grade))
      return {
        error: `The grade ${attr(a, 'fraction')}% is not one Moodle accepts (100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0 or minus one of them).`,
        line: lineOf(a),
      };
    const text = fieldText(a);
    if (!text) return { error: 'An answer is empty.', line: lineOf(a) };
    const feedback = fieldText(a, 'feedback');
    read.push({ text, grade, ...(feedback ? { feedback } : {}) });
  }
  if (read.length < 2) return { error: 'A multiple-choice question needs two answers at least.' };
  const options = read.map((r, i) => ({
    id: optionId(i),
    text: r.text,
    ...(r.feedback ? { feedback: r.feedback } : {}),
  }));
  const right = read.map((r, i) => (r.grade > 0 ? i : -1)).filter((i) => i >= 0);
  if (right.length === 0) return { error: 'No answer earns marks (a fraction above 0).' };
  if (single || right.length === 1) {
    const full = read.findIndex((r) => r.grade >= 100);
    if (full < 0) return { error: 'A one-answer question needs an answer worth 100%.' };
    if (right.length > 1)
      base.notes.push('Partial credit on other answers is not kept: one answer is right.');
    return {
      ...base,
      stem,
      body: {
        type: 'multiple-choice',
        prompt: stem,
        options,
        answer: { optionId: optionId(full) },
        explanation,
      },
    };
  }
  const total = right.reduce((sum, i) => sum + (read[i]?.grade ?? 0), 0);
  if (Math.abs(total - 100) > 0.01)
    base.notes.push(
      `The right answers’ grades add up to ${Math.round(total * 1000) / 1000}%, not 100% (Moodle would refuse this); every answer with a positive grade is taken as right.`,
    );
  return {
    ...base,
    stem,
    body: {
      type: 'multiple-answer',
      prompt: stem,
      options,
      answer: { optionIds: right.map(optionId) },
      explanation,
    },
  };
}

function readQuestion(
  question: XmlNode,
  line: number,
  metaValue: unknown,
  lineOf: (n: XmlNode) => number,
): Out {
  const type = attr(question, 'type') ?? '';
  if (type === 'category')
    return { skip: `Category “${textOf(question, 'category')}”: the questions join this reading’s bank.` };
  if (type === 'description') return { skip: 'A description, not a question.' };
  const title = textOf(question, 'name') ? htmlToText(textOf(question, 'name')) : null;
  const questionElement = child(question, 'questiontext');
  const questionHtml = textOf(questionElement);
  const stem = fieldText(questionElement);
  const explanation = fieldText(question, 'generalfeedback');
  const base = { line, title, notes: [] as string[], meta: metaValue };
  switch (type) {
    case 'multichoice':
      return readChoice(base, question, stem, explanation, lineOf);
    case 'truefalse': {
      const answers = all(question, 'answer');
      const right = answers.find((a) => Number(attr(a, 'fraction')) === 100);
      const said = right ? textOf(right).toLowerCase() : '';
      if (said !== 'true' && said !== 'false')
        return { error: 'A true/false question needs an answer "true" or "false" worth 100%.' };
      const statement = stem.replace(/^true or false\s*[:?.]\s*/i, '').trim();
      return {
        ...base,
        stem,
        body: {
          type: 'true-false',
          prompt: /^true or false/i.test(stem) ? stem : `True or false: ${statement}`,
          statement,
          answer: { value: said === 'true' },
          explanation,
        },
      };
    }
    case 'shortanswer': {
      const answers = all(question, 'answer').map((a) => ({
        grade: Number(attr(a, 'fraction') ?? 0),
        text: fieldText(a),
      }));
      const accepted = answers.filter((a) => a.grade >= 100 && a.text && a.text !== '*').map((a) => a.text);
      const [first, ...others] = accepted;
      if (!first) return { error: 'A short-answer question needs an answer worth 100%.' };
      if (answers.some((a) => a.grade > 0 && a.grade < 100))
        base.notes.push('Answers with partial credit are not kept.');
      if (answers.some((a) => /\*/.test(a.text)))
        base.notes.push('Answers with the * wildcard are not kept.');
      base.notes.push('Short answer (exact words) → short answer graded against the answer as a key point.');
      return {
        ...base,
        stem,
        body: {
          type: 'short-answer',
          prompt: stem,
          modelAnswer: first,
          rubric: { keyPoints: [{ id: 'answer', text: first, accept: others }] },
          explanation: explanation || `Answer: ${first}.`,
        },
      };
    }
    case 'essay': {
      const info = textOf(question, 'graderinfo');
      const split = info.indexOf(`<p>${KEY_POINTS}</p>`);
      const model =
        (split >= 0 ? htmlToText(info.slice(0, split)) : fieldText(question, 'graderinfo'))
          .replace(/\s+/g, ' ')
          .trim() || explanation;
      if (!model)
        return {
          error:
            'An essay question needs a model answer (grader information or general feedback) to be graded here.',
        };
      const points =
        split >= 0
          ? [...info.slice(split).matchAll(/<li>([\s\S]*?)<\/li>/g)]
              .map((m) =>
                htmlToText(m[1] ?? '')
                  .replace(/\s+/g, ' ')
                  .trim(),
              )
              .filter(Boolean)
          : [];
      base.notes.push(
        points.length
          ? 'Essay → short answer graded against the key points of its grader information.'
          : 'Essay → short answer graded against the model answer (its one key point).',
      );
      return {
        ...base,
        stem,
        body: {
          type: 'short-answer',
          prompt: stem,
          modelAnswer: model,
          rubric: {
            keyPoints: points.length
              ? points.slice(0, 12).map((text, i) => ({ id: `point-${i + 1}`, text }))
              : [{ id: 'model', text: model.slice(0, 2000) }],
          },
          explanation: explanation || model,
        },
      };
    }
    case 'matching':
    case 'match': {
      const pairs = all(question, 'subquestion').map((s) => ({
        left: fieldText(s),
        right: htmlToText(textOf(child(s, 'answer')))
          .replace(/\s+/g, ' ')
          .trim(),
      }));
      if (pairs.some((p) => !p.right)) return { error: 'A matching subquestion has no answer.' };
      return { ...base, stem, body: matchingBody(stem, pairs, explanation) };
    }
    case 'ordering': {
      const answers = all(question, 'answer').map((a, i) => ({
        text: fieldText(a),
        position: Number(attr(a, 'fraction') ?? i + 1),
        i,
      }));
      if (answers.some((a) => !a.text)) return { error: 'An item to order is empty.' };
      answers.sort(
        (a, b) =>
          (Number.isFinite(a.position) && Number.isFinite(b.position) ? a.position - b.position : 0) ||
          a.i - b.i,
      );
      const items = answers.map((a, i) => ({ id: `i${i + 1}`, text: a.text }));
      return {
        ...base,
        stem,
        body: {
          type: 'ordering',
          prompt: stem,
          items,
          answer: { order: items.map((i) => i.id) },
          explanation,
        },
      };
    }
    case 'cloze':
    case 'multianswer':
      return readCloze(base, questionHtml, explanation);
    case 'ddwtos':
    case 'gapselect':
      return readGaps(base, question, questionHtml, explanation);
    case 'numerical':
    case 'calculated':
    case 'calculatedsimple':
    case 'calculatedmulti':
      return { error: 'Numerical and calculated questions have no counterpart in this app.' };
    default:
      return {
        error: type
          ? `Moodle’s “${type}” questions have no counterpart in this app.`
          : 'A <question> without a type.',
      };
  }
}

/** Why a file cannot be read at all (then nothing is imported), as opposed to a question that fails. */
export type XmlRefusal = { refused: 'invalid' | 'too-large'; message: string };

/** The prolog (before the first element) may declare no DTD: no external entities, no entity expansion. */
function declaresDtd(text: string): boolean {
  const first = /<[A-Za-z_]/.exec(text);
  return /<!(DOCTYPE|ENTITY)/i.test(first ? text.slice(0, first.index) : text);
}

/** Reads a Moodle XML file: the questions found, and each question that failed, with its line. */
export function parseMoodleXml(input: string): ReadResult | XmlRefusal {
  const text = input.replace(/^\uFEFF/, '');
  if (text.length > IMPORT_LIMITS.bytes)
    return {
      refused: 'too-large',
      message: `The file is larger than ${IMPORT_LIMITS.bytes / 1024 / 1024} MB; split it and import the parts.`,
    };
  if (declaresDtd(text))
    return {
      refused: 'invalid',
      message:
        'The file declares a document type (<!DOCTYPE …>). Moodle XML has none, and this app reads no DTD (it could fetch files or expand entities without end); remove it and import again.',
    };
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (valid !== true)
    return {
      refused: 'invalid',
      message: `The file is not well-formed XML: line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`,
    };
  const newlines: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) newlines.push(i);
  const lineAt = (index: number) => {
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((newlines[mid] ?? 0) < index) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
  const lineOf = (node: XmlNode) =>
    lineAt((node[META] as { startIndex?: number } | undefined)?.startIndex ?? 0);
  let document: XmlNode[];
  try {
    document = new XMLParser({
      preserveOrder: true,
      captureMetaData: true,
      ignoreAttributes: false,
      attributeNamePrefix: '',
      allowBooleanAttributes: true,
      commentPropName: '#comment',
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: false,
      processEntities: true,
      htmlEntities: false,
      maxNestedTags: 50,
    }).parse(text) as XmlNode[];
  } catch (error) {
    return { refused: 'invalid', message: `The file could not be read as XML: ${(error as Error).message}` };
  }
  const root = document.find((n) => !tagOf(n).startsWith('?') && tagOf(n) !== '#comment');
  if (!root || tagOf(root) !== 'quiz')
    return {
      refused: 'invalid',
      message: `This is XML, but not Moodle XML: its root element is <${root ? tagOf(root) : 'none'}>, Moodle’s is <quiz>.`,
    };
  const elements = all(root, 'question');
  const count = elements.filter((q) => attr(q, 'type') !== 'category').length;
  if (count > IMPORT_LIMITS.questions)
    return {
      refused: 'too-large',
      message: `The file has ${count.toLocaleString('en')} questions; import at most ${IMPORT_LIMITS.questions.toLocaleString('en')} at a time (split the file).`,
    };
  const questions: ReadQuestion[] = [];
  const errors: LineError[] = [];
  const notes: LineError[] = [];
  let pending: unknown = null;
  for (const node of kids(root)) {
    const tag = tagOf(node);
    if (tag === '#comment') {
      const said = ownText(node).trim();
      if (said.startsWith('@statecraft ')) {
        try {
          pending = JSON.parse(said.slice('@statecraft '.length));
        } catch {
          pending = { unreadable: true };
        }
      }
      continue;
    }
    if (tag !== 'question') continue;
    const line = lineOf(node);
    const read = readQuestion(node, line, pending, lineOf);
    pending = null;
    if ('error' in read) errors.push({ line: read.line ?? line, message: read.error });
    else if ('skip' in read) notes.push({ line, message: read.skip });
    else questions.push(read);
  }
  return { questions, errors, notes };
}

export const isXmlRefusal = (read: ReadResult | XmlRefusal): read is XmlRefusal => 'refused' in read;
