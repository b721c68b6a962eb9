import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { loadAuthoredBank } from '../bank';
import { parseReading } from '../reading/parse';
import { QUESTION_TYPES, type Question, type QuestionType } from '../schema';
import { canonical, TYPE_WITHOUT_COMMENTS } from './canonical';
import { bankToMoodleXml, isMoodleGrade, isXmlRefusal, parseMoodleXml } from './moodle-xml';
import { planImport } from './to-bank';
import type { ReadResult } from './types';

const slug = 'burns-lead-with-diplomacy';
const reading = parseReading({ text: readFileSync(`content/${slug}/essay.txt`, 'utf8'), format: 'text' });
const sentences = reading.paragraphs.flatMap((p) => p.sentences);
const burns = loadAuthoredBank(slug);
const fixture = (name: string) => readFileSync(`questions/formats/fixtures/moodle/${name}`, 'utf8');

function read(text: string): ReadResult {
  const result = parseMoodleXml(text);
  if (isXmlRefusal(result)) throw new Error(result.message);
  return result;
}
const readBack = (text: string, on = { slug, sentences }) => planImport(read(text), on, 'moodle-xml');

// ---- Moodle's importer, as rules: what question/format/xml/format.php and the question types'
// import_from_xml read (element paths as xmlize gives them), and what they refuse. Written from
// reading Moodle's source; an independent reading of the file (fast-xml-parser in its plain mode,
// not the app's reader).

const MOODLE_FORMATS = ['moodle_auto_format', 'html', 'plain_text', 'wiki_like', 'markdown'];
type X = Record<string, unknown>;
const list = (v: unknown): X[] => (v === undefined ? [] : Array.isArray(v) ? (v as X[]) : [v as X]);
const text = (node: unknown): string => {
  const t = (node as X | undefined)?.text;
  const v = Array.isArray(t) ? t[0] : t;
  return typeof v === 'string' ? v : v === undefined ? '' : String((v as X)['#text'] ?? '');
};
// Moodle's multianswer syntax (question/type/multianswer/questiontype.php, ANSWER_REGEX), ported.
const MOODLE_CLOZE =
  /\{([0-9]*):(NUMERICAL|NM|MULTICHOICE|MC|SHORTANSWER|SA|MW)[A-Z_]*:((=|%-?[0-9]+%)?.+?(?<!\\|&)(#.*?(?<!\\))?(~(=|%-?[0-9]+%)?.+?(?<!\\|&)(#.*?(?<!\\))?)*)\}/g;

function moodleProblems(xml: string): string[] {
  const problems: string[] = [];
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    isArray: (name) => ['question', 'answer', 'subquestion', 'dragbox'].includes(name),
  }).parse(xml) as X;
  const questions = list((doc.quiz as X).question);
  for (const q of questions) {
    const type = q['@type'] as string;
    if (type === 'category') {
      if (!text(q.category).startsWith('$course$/')) problems.push('category path');
      continue;
    }
    const name = text(q.name);
    const where = `${type} ${name}`;
    if (!name) problems.push(`${where}: no name (xmlimportnoname)`);
    const qt = q.questiontext as X;
    if (!MOODLE_FORMATS.includes(qt['@format'] as string)) problems.push(`${where}: questiontext format`);
    if (!text(qt)) problems.push(`${where}: empty question text`);
    const answers = list(q.answer);
    for (const a of answers) {
      if (type === 'ordering') continue; // Its fraction is the position.
      if (!isMoodleGrade(Number(a['@fraction'])))
        problems.push(`${where}: grade ${a['@fraction']} (invalidgrade)`);
    }
    const fractions = answers.map((a) => Number(a['@fraction']) / 100);
    switch (type) {
      case 'multichoice': {
        const single = String(q.single);
        if (single !== 'true' && single !== 'false') problems.push(`${where}: single`);
        if (!['true', 'false'].includes(String(q.shuffleanswers))) problems.push(`${where}: shuffleanswers`);
        if (!['abc', 'ABCD', '123', 'iii', 'IIII', 'none'].includes(String(q.answernumbering)))
          problems.push(`${where}: answernumbering`);
        if (answers.length < 2) problems.push(`${where}: notenoughanswers`);
        if (single === 'true' && Math.max(...fractions) !== 1) problems.push(`${where}: fractionsnomax`);
        if (single === 'false') {
          const total = fractions.filter((f) => f > 0).reduce((a, b) => a + b, 0);
          if (Math.round(total * 100) / 100 !== 1) problems.push(`${where}: fractionsaddwrong (${total})`);
        }
        break;
      }
      case 'truefalse': {
        const texts = answers.map((a) => text(a));
        if (texts.join() !== 'true,false') problems.push(`${where}: answers ${texts}`);
        if (fractions.filter((f) => f === 1).length !== 1) problems.push(`${where}: one answer worth 100`);
        break;
      }
      case 'matching': {
        const subs = list(q.subquestion);
        if (subs.filter((s) => text(s)).length < 2 || subs.length < 3)
          problems.push(`${where}: notenoughqsandas`);
        for (const s of subs) if (!text(list(s.answer)[0])) problems.push(`${where}: subquestion answer`);
        break;
      }
      case 'cloze': {
        const found = [...text(qt).matchAll(MOODLE_CLOZE)];
        if (found.length === 0) problems.push(`${where}: no embedded answer`);
        for (const m of found)
          if (!/(^|~)(=|%100%)/.test(m[3] ?? '')) problems.push(`${where}: a blank with no right answer`);
        break;
      }
      case 'ddwtos': {
        const boxes = list(q.dragbox);
        for (const m of text(qt).matchAll(/\[\[(\d+)\]\]/g))
          if (!boxes[Number(m[1]) - 1]) problems.push(`${where}: gap ${m[1]}`);
        for (const b of boxes) if (!text(b) || !b.group) problems.push(`${where}: dragbox`);
        break;
      }
      case 'essay':
        if (!q.graderinfo || !q.responseformat) problems.push(`${where}: essay fields`);
        break;
      case 'ordering':
        if (answers.length < 2 || !q.selecttype || !q.gradingtype) problems.push(`${where}: ordering fields`);
        break;
      default:
        problems.push(`${where}: a type Moodle would not read`);
    }
  }
  return problems;
}

describe('Moodle XML export, checked against Moodle’s importer', () => {
  it('writes every type of the Burns bank as a Moodle type whose fields Moodle reads, with grades Moodle accepts', () => {
    expect(new Set(burns.map((q) => q.type))).toEqual(new Set(QUESTION_TYPES));
    const { text: xml, notes, exported } = bankToMoodleXml(burns, 'Burns: Lead with diplomacy');
    expect(exported).toBe(burns.length);
    expect(moodleProblems(xml)).toEqual([]);
    const types = [...xml.matchAll(/<question type="([a-z]+)">/g)].map((m) => m[1]);
    expect(new Set(types)).toEqual(
      new Set(['category', 'multichoice', 'truefalse', 'cloze', 'ddwtos', 'essay', 'matching', 'ordering']),
    );
    // Every conversion is said, never silent.
    for (const type of ['short-answer', 'select-evidence', 'claim-evidence-reasoning'] as QuestionType[])
      for (const q of burns.filter((b) => b.type === type))
        expect(notes.some((n) => n.questionId === q.id && n.kind === 'converted')).toBe(true);
    // Questions are grouped by skill under the reading.
    expect(xml).toContain('<text>$course$/top/Burns: Lead with diplomacy/Evidence</text>');
  });

  it('gives each right answer of a select-all its share as a Moodle grade, and a wrong one -100', () => {
    const q = burns.find((b) => b.type === 'multiple-answer');
    if (q?.type !== 'multiple-answer') throw new Error('no multiple-answer question');
    const options = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((id) => ({ id, text: `Option ${id}` }));
    for (const right of [2, 3, 6, 7]) {
      const xml = bankToMoodleXml([
        { ...q, options, answer: { optionIds: options.slice(0, right).map((o) => o.id) } },
      ]).text;
      expect(moodleProblems(xml)).toEqual([]);
      const fractions = [...xml.matchAll(/fraction="(-?[\d.]+)"/g)].map((m) => Number(m[1]));
      expect(fractions.filter((f) => f < 0)).toEqual(Array(8 - right).fill(-100));
    }
  });

  it('escapes what XML, HTML, CDATA and Moodle’s cloze syntax reserve, and reads it back as written', () => {
    const cloze = burns.find((b) => b.type === 'cloze' && !b.wordBank);
    const mc = burns.find((b) => b.type === 'multiple-choice');
    if (cloze?.type !== 'cloze' || mc?.type !== 'multiple-choice') throw new Error('missing types');
    const tricky = 'A & B < C > D "quoted" ]]> end -- {braces} #hash ~tilde /slash \\back';
    const edited: Question[] = [
      {
        ...mc,
        prompt: `${mc.prompt} ${tricky}`,
        options: mc.options.map((o, i) => (i === 0 ? { ...o, text: tricky } : o)),
      },
      {
        ...cloze,
        answer: { blanks: cloze.answer.blanks.map((b, i) => (i === 0 ? { accepted: [tricky] } : b)) },
      },
    ];
    const xml = bankToMoodleXml(edited).text;
    expect(moodleProblems(xml)).toEqual([]);
    const back = readBack(xml);
    expect(back.errors).toEqual([]);
    const [mcBack, clozeBack] = back.drafts.map((d) => d.question);
    expect(mcBack?.prompt).toBe(`${mc.prompt} ${tricky}`);
    expect(mcBack?.type === 'multiple-choice' && mcBack.options[0]?.text).toBe(tricky);
    expect(clozeBack?.type === 'cloze' && clozeBack.answer.blanks[0]?.accepted).toEqual([tricky]);
  });
});

describe('Moodle XML export then import', () => {
  it('brings every Burns question back whole, every type, with its evidence (the Statecraft comment)', () => {
    const back = readBack(bankToMoodleXml(burns).text);
    expect(back.errors).toEqual([]);
    expect(back.drafts).toHaveLength(burns.length);
    const sort = (qs: unknown[]) => qs.map((q) => JSON.stringify(q)).sort();
    expect(sort(back.drafts.map((d) => canonical(d.question)))).toEqual(sort(burns.map(canonical)));
    expect(back.drafts.every((d) => d.question.status === 'draft')).toBe(true);
  });

  it('without the comments (as Moodle re-exports it), each type comes back as itself or its closest type', () => {
    const stripped = bankToMoodleXml(burns).text.replace(/ *<!-- @statecraft .*-->\n/g, '');
    expect(stripped).not.toContain('@statecraft');
    const back = readBack(stripped);
    expect(back.errors).toEqual([]);
    const expected = TYPE_WITHOUT_COMMENTS;
    const count = (types: string[]) =>
      types.reduce<Record<string, number>>((m, t) => {
        m[t] = (m[t] ?? 0) + 1;
        return m;
      }, {});
    const evidenceKeys = burns.filter(
      (q) =>
        (q.type === 'select-evidence' || q.type === 'claim-evidence-reasoning') &&
        q.answer.sentenceIds.length > 1,
    ).length;
    const wanted = count(burns.map((q) => expected[q.type]));
    if (evidenceKeys) {
      wanted['multiple-choice'] = (wanted['multiple-choice'] ?? 0) - evidenceKeys;
      wanted['multiple-answer'] = (wanted['multiple-answer'] ?? 0) + evidenceKeys;
    }
    expect(count(back.drafts.map((d) => d.question.type))).toEqual(wanted);
    // What the file itself says survives: clozes (blanks, word banks), orderings, key points of short answers.
    for (const q of burns) {
      const twin = back.drafts.find((d) => d.question.prompt === q.prompt)?.question;
      if (q.type === 'cloze')
        expect(twin && canonical(twin)).toMatchObject({
          text: q.text,
          answer: {
            blanks: q.answer.blanks.map((b) => ({
              accepted: q.wordBank?.length
                ? [b.accepted.find((a) => q.wordBank?.includes(a)) ?? b.accepted[0]]
                : b.accepted,
            })),
          },
        });
      if (q.type === 'ordering' && twin?.type === 'ordering')
        expect(twin.answer.order.map((id) => twin.items.find((i) => i.id === id)?.text)).toEqual(
          q.answer.order.map((id) => q.items.find((i) => i.id === id)?.text),
        );
      if (q.type === 'short-answer' && twin?.type === 'short-answer') {
        expect(twin.modelAnswer).toBe(q.modelAnswer);
        expect(twin.rubric.keyPoints.map((k) => k.text)).toEqual(q.rubric.keyPoints.map((k) => k.text));
      }
    }
  });
});

describe('reading Moodle XML as Moodle writes it', () => {
  const essay = [
    'Sanctions and Their Limits',
    '',
    'Sanctions work best when many countries apply them together, because a target cannot simply move its trade to a partner who refuses to join. The European Union and the United States coordinated financial sanctions on Russia in 2014 after the annexation of Crimea.',
    '',
    'Sanctions fail when they are unilateral, because companies in other countries fill the gap. Iran kept selling oil to China during the years of American sanctions, so the pressure on its economy was weaker than planned.',
  ].join('\n');
  const sanctions = parseReading({ text: essay, format: 'text' });
  const on = { slug: 'sanctions', sentences: sanctions.paragraphs.flatMap((p) => p.sentences) };

  it('reads every type it can, with the line each starts on; a numerical question fails with its line, a category and a description are skipped', () => {
    const plan = readBack(fixture('sanctions-bank.xml'), on);
    expect(plan.drafts.map((d) => [d.line, d.title, d.question.type])).toEqual([
      [15, 'Coordination', 'multiple-choice'],
      [64, 'Who coordinated', 'multiple-answer'],
      [97, 'Iran', 'true-false'],
      [126, 'Fill the gap', 'short-answer'],
      [156, 'Match', 'matching'],
      [192, 'Cloze', 'cloze'],
      [209, 'Why coordinate', 'short-answer'],
      [237, 'Drag', 'cloze'],
    ]);
    expect(plan.errors).toEqual([
      { line: 267, message: 'Numerical and calculated questions have no counterpart in this app.' },
    ]);
    expect(plan.notes.map((n) => n.line)).toEqual([4, 291]);
    const [mc, ma, tf, sa, match, cloze, essayQ, drag] = plan.drafts.map((d) => d.question);
    expect(mc).toMatchObject({
      prompt: 'When do sanctions work best?',
      explanation: 'Sanctions work best when many countries apply them together.',
      options: [
        {
          text: 'When many countries apply them together',
          feedback: 'Right: a target cannot move its trade elsewhere.',
        },
        { text: 'When one country acts alone' },
        { text: 'When they target ordinary citizens & firms' },
      ],
      answer: { optionId: 'a' },
    });
    expect(ma).toMatchObject({ answer: { optionIds: ['a', 'b'] } });
    expect(tf).toMatchObject({
      statement: 'Iran kept selling oil to China during the years of American sanctions.',
      answer: { value: true },
    });
    expect(sa).toMatchObject({ modelAnswer: 'China' });
    expect(plan.drafts[3]?.notes).toContain('Answers with partial credit are not kept.');
    expect(match).toMatchObject({
      left: [{ text: 'Russia, 2014' }, { text: 'Iran' }],
      right: [{}, {}, { text: 'a naval blockade' }],
    });
    expect(cloze).toMatchObject({
      prompt: 'Complete the sentence from the essay.',
      text: 'Sanctions fail when they are {{1}}, because companies in other countries fill the {{2}}.',
      wordBank: ['unilateral', 'multilateral', 'secret', 'gap'],
      answer: { blanks: [{ accepted: ['unilateral'] }, { accepted: ['gap'] }] },
    });
    expect(essayQ).toMatchObject({
      modelAnswer: 'Because a target cannot simply move its trade to a partner who refuses to join.',
    });
    expect(drag).toMatchObject({
      text: 'The {{1}} and the {{2}} coordinated financial sanctions on Russia.',
      wordBank: ['European Union', 'United States', 'United Nations'],
    });
    // Each rests on the sentence it restates.
    expect(plan.drafts[2]?.question.evidence).toEqual(['p2.s2']);
    expect(plan.drafts[2]?.evidenceFound).toBe(true);
  });

  it('reads Moodle’s own gapselect fixture as a cloze with a word bank', () => {
    const result = read(fixture('gapselect_testquestion.moodle.xml'));
    expect(result.errors).toEqual([]);
    expect(result.notes.map((n) => n.line)).toEqual([4]);
    expect(result.questions.map((q) => [q.line, q.title])).toEqual([
      [12, 'Imported Drag and drop into text 001'],
    ]);
    expect(result.questions[0]?.body).toMatchObject({
      type: 'cloze',
      prompt: 'Fill in the blanks.',
      text: 'The {{1}} {{2}} on the {{3}}.',
      wordBank: ['cat', 'sat', 'mat', 'dog', 'table'],
      answer: { blanks: [{ accepted: ['cat'] }, { accepted: ['sat'] }, { accepted: ['mat'] }] },
      explanation: 'The cat sat on the mat.',
    });
  });

  it('refuses, as Moodle does, the grade 33% in Moodle’s own fixture error_invalid_grades.xml, naming its line', () => {
    const result = read(fixture('error_invalid_grades.xml'));
    expect(result.questions).toEqual([]);
    expect(result.errors).toEqual([
      { line: 38, message: expect.stringMatching(/^The grade 33% is not one Moodle accepts/) },
    ]);
  });
});

describe('hostile Moodle XML', () => {
  const quiz = (body: string) => `<?xml version="1.0"?>\n<quiz>${body}</quiz>`;

  it('refuses a document type declaration: external entities (XXE) and entity bombs are never read', () => {
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n<quiz><question type="truefalse"><name><text>&secret;</text></name></question></quiz>`;
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><quiz>&lol3;</quiz>`;
    for (const text of [xxe, lol])
      expect(parseMoodleXml(text)).toEqual({
        refused: 'invalid',
        message: expect.stringMatching(/declares a document type/),
      });
  });

  it('refuses XML that is not well-formed, or not Moodle XML, with the line where it breaks', () => {
    expect(parseMoodleXml('<?xml version="1.0"?>\n<quiz>\n<question type="truefalse">\n</quiz>')).toEqual({
      refused: 'invalid',
      message: expect.stringMatching(/^The file is not well-formed XML: line 4, column 1: /),
    });
    expect(parseMoodleXml('<html><body>hello</body></html>')).toEqual({
      refused: 'invalid',
      message: expect.stringMatching(/root element is <html>/),
    });
    expect(parseMoodleXml(`<quiz>${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}</quiz>`)).toMatchObject({
      refused: 'invalid',
    });
  });

  it('refuses a file of more questions than the limit, and a file over the size limit, as too large', () => {
    const q =
      '<question type="truefalse"><name><text>x</text></name><questiontext format="html"><text>Is this true or false?</text></questiontext><answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question>';
    expect(parseMoodleXml(quiz(q.repeat(1001)))).toEqual({
      refused: 'too-large',
      message: 'The file has 1,001 questions; import at most 1,000 at a time (split the file).',
    });
    expect(read(quiz(q.repeat(1000))).questions).toHaveLength(1000);
    expect(parseMoodleXml(quiz(' '.repeat(2 * 1024 * 1024 + 1)))).toMatchObject({ refused: 'too-large' });
  });
});
