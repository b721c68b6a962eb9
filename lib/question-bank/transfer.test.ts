import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  insertGeneratedQuestions,
  listReadingQuestions,
  setQuestionStatus,
  upsertAuthoredQuestions,
} from '@/db/queries/questions';
import { getQuestionsByIds, getQuiz, insertQuiz } from '@/db/queries/quizzes';
import { upsertShippedReading } from '@/db/queries/readings';
import { insertUser } from '@/db/queries/users';
import { setUpTestDatabase } from '@/db/test-database';
import { DEFAULT_QUIZ_SETTINGS } from '@/lib/quiz/builder';
import { loadShippedReading } from '@/lib/reading/content';
import { loadAuthoredBank } from '@/questions/bank';
import { parseGift } from '@/questions/formats/gift';
import { planImport } from '@/questions/formats/to-bank';
import {
  confirmImport,
  detectFormat,
  exportBank,
  exportQuiz,
  previewImport,
  readImportUpload,
} from './transfer';

setUpTestDatabase();

const SLUG = 'burns-lead-with-diplomacy';
const GIFT = [
  '::One::How many countries expelled Russian diplomats? {=27 ~12 ~60}',
  '',
  '::Broken::{=a ~b',
  '',
  '::Two::Putin has overplayed his hand. {TRUE}',
].join('\n');

async function setUp() {
  const reading = await upsertShippedReading(loadShippedReading(SLUG));
  return { reading };
}

describe('reading an uploaded bank file', () => {
  // Detection and parsing run in the request: a pattern that restarted at every line of a file of
  // newlines held the server for about an hour (a static review's proof of concept).
  it('tells the format of a file of a million blank lines in one pass', () => {
    expect(detectFormat(`${'\n'.repeat(1_000_000)}x`)).toBe('gift');
    expect(detectFormat(`${' \n'.repeat(500_000)}A) x`)).toBe('gift');
  });
});

describe('importing into a bank', () => {
  it('plans a file of many questions in the engine worker, with the drafts a plan in place gives', async () => {
    const { reading } = await setUp();
    const text = Array.from(
      { length: 150 },
      (_, i) =>
        `::Q${i}::Did ${27 + i} countries expel Russian diplomats? {${i % 2 === 0 ? 'TRUE' : 'FALSE'}}`,
    ).join('\n\n');
    const progress: { done: number; total: number; stage?: string }[] = [];
    const preview = await previewImport({
      reading,
      format: 'gift',
      text,
      onProgress: (p) => progress.push(p),
    });
    if (preview.status !== 'ok') throw new Error(preview.message);
    // The worker tells how far it has got, as it goes: from the start, step by step, to the end.
    expect(progress.length).toBeGreaterThanOrEqual(10);
    expect(progress[0]).toMatchObject({ done: 0, total: 150 });
    expect(progress.at(-1)).toMatchObject({ done: 150, total: 150 });
    expect(progress.every((p, i) => i === 0 || p.done > progress[i - 1]!.done)).toBe(true);
    const sentences = reading.paragraphs.flatMap((p) => p.sentences.map(({ id, text }) => ({ id, text })));
    const here = planImport(parseGift(text), { slug: reading.slug, sentences }, 'gift');
    expect(preview.data.drafts).toHaveLength(150);
    expect(preview.data.drafts.map((d) => d.question)).toEqual(here.drafts.map((d) => d.question));
    // A ceiling: the worker's start and 150 questions, on a core shared with a browser test.
  }, 120_000);

  it('reads an upload as it arrived: a zip as a QTI package, a Windows-1252 file with a note, limits before reading', async () => {
    const { reading } = await setUp();
    const cp1252 = new Uint8Array([...Buffer.from('::T::Tom'), 0xe1, ...Buffer.from('s agreed. {TRUE}')]);
    const read = await readImportUpload({
      reading,
      format: 'detect',
      bytes: cp1252,
      source: 'file',
      fileName: 'x.txt',
    });
    if (read.status !== 'ok') throw new Error(read.message);
    expect(read.data.format).toBe('gift');
    expect(read.data.read.questions[0]?.body.prompt).toMatch(/Tomás agreed\.$/);
    expect(read.data.fileNote).toMatch(/read as Windows-1252/);
    const zip = zipSync({ 'imsmanifest.xml': strToU8('<manifest/>') });
    const asPackage = await readImportUpload({ reading, format: 'detect', bytes: zip, source: 'file' });
    expect(asPackage).toMatchObject({ status: 'ok', data: { format: 'qti3', detected: true } });
    const big = new Uint8Array(2 * 1024 * 1024 + 1).fill(0x41);
    expect(await readImportUpload({ reading, format: 'gift', bytes: big, source: 'paste' })).toMatchObject({
      status: 'too-large',
    });
    expect(
      await readImportUpload({ reading, format: 'qti21', bytes: new Uint8Array(), source: 'file' }),
    ).toMatchObject({
      status: 'invalid',
      message: 'Choose the QTI package (.zip) to upload.',
    });
  });

  it('previews without writing, then writes the previewed drafts once, however often it is confirmed', async () => {
    const { reading } = await setUp();
    const preview = await previewImport({ reading, format: 'gift', text: GIFT });
    if (preview.status !== 'ok') throw new Error(preview.message);
    expect(preview.data.drafts.map((d) => d.line)).toEqual([1, 5]);
    expect(preview.data.errors.map((e) => e.line)).toEqual([3]);
    expect(await listReadingQuestions({ readingId: reading.id })).toHaveLength(0);

    const confirm = () =>
      confirmImport({ reading, bankOwnerId: null, format: 'gift', text: GIFT, digest: preview.data.digest });
    expect(await confirm()).toMatchObject({ status: 'ok', data: { added: 2, already: 0 } });
    expect(await confirm()).toMatchObject({ status: 'ok', data: { added: 0, already: 2 } });
    const stored = await listReadingQuestions({ readingId: reading.id });
    expect(stored.map((r) => [r.status, r.source])).toEqual([
      ['draft', 'authored'],
      ['draft', 'authored'],
    ]);
  });

  it('refuses a confirmation that is not what was previewed, and a file over the limits, with a 4xx code', async () => {
    const { reading } = await setUp();
    const before = (await listReadingQuestions({ readingId: reading.id })).length;
    expect(
      await confirmImport({ reading, bankOwnerId: null, format: 'gift', text: GIFT, digest: '0'.repeat(32) }),
    ).toMatchObject({ status: 'conflict' });
    const many = Array.from({ length: 10_000 }, (_, i) => `Question number ${i}? {=yes ~no}`).join('\n\n');
    expect(await previewImport({ reading, format: 'gift', text: many })).toMatchObject({
      status: 'too-large',
      message: 'The file has 10,000 questions; import at most 1,000 at a time (split the file).',
    });
    expect(
      await previewImport({ reading, format: 'aiken', text: 'x'.repeat(2 * 1024 * 1024 + 1) }),
    ).toMatchObject({
      status: 'too-large',
    });
    expect(await previewImport({ reading, format: 'aiken', text: '   ' })).toMatchObject({
      status: 'invalid',
    });
    expect(await listReadingQuestions({ readingId: reading.id })).toHaveLength(before);
  });

  it('imports into an instructor’s copy under ids of its own', async () => {
    const { reading } = await setUp();
    const owner = (await insertUser({ email: 'copy@transfer.test', name: 'Copy' }))!;
    const preview = await previewImport({ reading, format: 'gift', text: GIFT });
    if (preview.status !== 'ok') throw new Error(preview.message);
    const digest = preview.data.digest;
    await confirmImport({ reading, bankOwnerId: null, format: 'gift', text: GIFT, digest });
    await confirmImport({ reading, bankOwnerId: owner.id, format: 'gift', text: GIFT, digest });
    expect(await listReadingQuestions({ readingId: reading.id, ownerId: owner.id })).toHaveLength(2);
    expect(await listReadingQuestions({ readingId: reading.id, ownerId: null })).toHaveLength(2);
  });
});

describe('importing Moodle XML into a bank', () => {
  it('tells the format from the content, previews, and writes the drafts once', async () => {
    const { reading } = await setUp();
    const bank = loadAuthoredBank(SLUG);
    await upsertAuthoredQuestions({ readingId: reading.id, bank });
    const xml = (await exportBank({ reading, bankOwnerId: null, format: 'moodle-xml', scope: 'approved' }))
      .text;
    expect(detectFormat(xml)).toBe('moodle-xml');
    expect(detectFormat(GIFT)).toBe('gift');
    expect(detectFormat('Which one?\nA) This\nB) That\nANSWER: A\n')).toBe('aiken');
    const preview = await previewImport({ reading, format: 'detect', text: xml });
    if (preview.status !== 'ok') throw new Error(preview.message);
    expect(preview.data).toMatchObject({ format: 'moodle-xml', detected: true, errors: [] });
    expect(preview.data.drafts).toHaveLength(bank.length);
    const confirm = () =>
      confirmImport({
        reading,
        bankOwnerId: null,
        format: 'moodle-xml',
        text: xml,
        digest: preview.data.digest,
      });
    // The same questions as the bank's, under the ids an import gives: added once.
    expect(await confirm()).toMatchObject({ status: 'ok', data: { added: bank.length, already: 0 } });
    expect(await confirm()).toMatchObject({ status: 'ok', data: { added: 0, already: bank.length } });
  });

  it('refuses hostile XML with a 4xx code and writes nothing', async () => {
    const { reading } = await setUp();
    const before = (await listReadingQuestions({ readingId: reading.id })).length;
    const xxe =
      '<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<quiz><question type="essay"><name><text>&x;</text></name></question></quiz>';
    const fixture = readFileSync('questions/formats/fixtures/moodle/sanctions-bank.xml', 'utf8');
    const cases: [string, string][] = [
      [xxe, 'invalid'],
      ['<quiz><question type="essay">', 'invalid'],
      [
        `<quiz>${'<question type="description"><name><text>x</text></name></question>'.repeat(1100)}</quiz>`,
        'too-large',
      ],
    ];
    for (const [text, status] of cases) {
      expect(await previewImport({ reading, format: 'detect', text })).toMatchObject({ status });
      expect(await previewImport({ reading, format: 'moodle-xml', text })).toMatchObject({ status });
      expect(
        await confirmImport({
          reading,
          bankOwnerId: null,
          format: 'moodle-xml',
          text,
          digest: '0'.repeat(32),
        }),
      ).toMatchObject({ status });
    }
    // Chosen as GIFT, a Moodle XML file is read as GIFT, and nothing in it is a GIFT question.
    expect(await previewImport({ reading, format: 'gift', text: fixture })).toMatchObject({
      status: 'ok',
      data: { format: 'gift', detected: false },
    });
    expect(await listReadingQuestions({ readingId: reading.id })).toHaveLength(before);
  });
});

describe('exporting a bank', () => {
  it('holds the approved questions, or drafts too; never rejected ones', async () => {
    const { reading } = await setUp();
    const bank = loadAuthoredBank(SLUG);
    await upsertAuthoredQuestions({ readingId: reading.id, bank });
    const [first, second] = bank;
    await insertGeneratedQuestions({
      readingId: reading.id,
      generated: [{ ...first!, id: 'extra-draft', source: 'generated' }],
    });
    const reviewer = (await insertUser({ email: 'reviewer@transfer.test', name: 'Reviewer' }))!;
    await setQuestionStatus({ ids: [second!.id], status: 'retired', reviewerId: reviewer.id });
    const approved = await exportBank({ reading, bankOwnerId: null, format: 'gift', scope: 'approved' });
    const all = await exportBank({ reading, bankOwnerId: null, format: 'gift', scope: 'all' });
    expect(approved.total).toBe(bank.length - 1);
    const drafts = await listReadingQuestions({ readingId: reading.id, statuses: ['draft'] });
    expect(drafts.map((d) => d.id)).toContain('extra-draft');
    expect(all.total).toBe(bank.length - 1 + drafts.length);
    expect(approved.text).not.toContain(`::${second!.id}::`);
    expect(all.text).toContain('::extra-draft::');
    expect(approved.filename).toBe(`${SLUG}-questions.gift.txt`);
    const aiken = await exportBank({ reading, bankOwnerId: null, format: 'aiken', scope: 'approved' });
    expect(aiken.filename).toBe(`${SLUG}-questions.aiken.txt`);
    const moodle = await exportBank({ reading, bankOwnerId: null, format: 'moodle-xml', scope: 'all' });
    expect(moodle).toMatchObject({
      filename: `${SLUG}-questions.moodle.xml`,
      contentType: 'application/xml; charset=utf-8',
      exported: all.total,
    });
    expect(moodle.text).toContain('<idnumber>extra-draft</idnumber>');
    expect(
      aiken.exported + new Set(aiken.notes.filter((n) => n.kind === 'skipped').map((n) => n.questionId)).size,
    ).toBe(aiken.total);
  });
});

describe('a bank through a QTI package', () => {
  it('exports the bank as a zip, previews it in a bank without writing, then adds every question as a draft', async () => {
    const { reading } = await setUp();
    const bank = loadAuthoredBank(SLUG);
    await upsertAuthoredQuestions({ readingId: reading.id, bank });
    for (const format of ['qti3', 'qti21'] as const) {
      const file = await exportBank({ reading, bankOwnerId: null, format, scope: 'all' });
      expect(file.filename).toBe(`${SLUG}-questions.${format}.zip`);
      if (!file.bytes) throw new Error('no zip');
      expect([...file.bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
      // Every question of the bank is written (the file's earlier tests left drafts in it too).
      expect(file.exported).toBe(file.total);
      expect(file.total).toBeGreaterThanOrEqual(bank.length);

      const owner = (await insertUser({ email: `qti-${format}@transfer.test`, name: 'QTI' }))!;
      const text = Buffer.from(file.bytes).toString('base64');
      const preview = await previewImport({ reading, format, text });
      if (preview.status !== 'ok') throw new Error(preview.message);
      expect(preview.data.errors).toEqual([]);
      // A question in the bank twice (the earlier test's copy under another id) is imported once, and said so.
      const twins = preview.data.notes.filter((n) => /The same question as/.test(n.message)).length;
      expect(preview.data.drafts.length + twins).toBe(file.total);
      expect(await listReadingQuestions({ readingId: reading.id, ownerId: owner.id })).toHaveLength(0);
      const confirmed = await confirmImport({
        reading,
        bankOwnerId: owner.id,
        format,
        text: preview.data.text,
        digest: preview.data.digest,
      });
      expect(confirmed).toMatchObject({
        status: 'ok',
        data: { added: preview.data.drafts.length, already: 0 },
      });
      const stored = await listReadingQuestions({ readingId: reading.id, ownerId: owner.id });
      expect(new Set(stored.map((r) => r.data.type))).toEqual(new Set(bank.map((q) => q.type)));
      expect(stored.every((r) => r.status === 'draft')).toBe(true);
    }
  });

  it('refuses a zip bomb, a file that is not a zip and an empty upload with a 4xx code, writing nothing', async () => {
    const { reading } = await setUp();
    const before = (await listReadingQuestions({ readingId: reading.id })).length;
    const bomb = zipSync({ 'items/a.xml': new Uint8Array(20 * 1024 * 1024) }, { level: 9 });
    const asText = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
    expect(await previewImport({ reading, format: 'qti3', text: asText(bomb) })).toMatchObject({
      status: 'too-large',
    });
    expect(
      await previewImport({ reading, format: 'qti21', text: asText(strToU8('not a zip at all')) }),
    ).toMatchObject({
      status: 'invalid',
      message: 'The file is not a zip package, or it is damaged.',
    });
    expect(await previewImport({ reading, format: 'qti3', text: '' })).toMatchObject({ status: 'invalid' });
    expect(
      await confirmImport({
        reading,
        bankOwnerId: null,
        format: 'qti3',
        text: asText(bomb),
        digest: '0'.repeat(32),
      }),
    ).toMatchObject({ status: 'too-large' });
    expect(await listReadingQuestions({ readingId: reading.id })).toHaveLength(before);
  }, 120_000);
});

describe('a quiz through a file', () => {
  it('exports a quiz in its order, and imports the file as drafts and a quiz of them in the same order', async () => {
    const { reading } = await setUp();
    const bank = loadAuthoredBank(SLUG);
    await upsertAuthoredQuestions({ readingId: reading.id, bank });
    const author = (await insertUser({ email: 'quiz-author@transfer.test', name: 'Quiz author' }))!;
    // Four questions of different types, out of the bank's order; one retired after the quiz was built.
    const picked = [...new Map(bank.map((q) => [q.type, q])).values()].slice(0, 4).reverse();
    const retired = picked[1]!;
    const quiz = await insertQuiz({
      readingId: reading.id,
      title: 'Week 3: Deterrence and diplomacy',
      createdBy: author.id,
      questionIds: picked.map((q) => q.id),
      settings: { ...DEFAULT_QUIZ_SETTINGS },
    });
    await setQuestionStatus({ ids: [retired.id], status: 'retired', reviewerId: author.id });
    const kept = picked.filter((q) => q !== retired);

    const gift = await exportQuiz({ quiz, format: 'gift' });
    expect(gift.filename).toBe('week-3-deterrence-and-diplomacy-quiz.gift.txt');
    expect(gift.text).toContain('Quiz "Week 3: Deterrence and diplomacy": 3 questions');
    const positions = kept.map((q) => gift.text.indexOf(`::${q.id}::`));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(gift.text).not.toContain(`::${retired.id}::`);
    expect(gift.notes).toContainEqual(expect.objectContaining({ questionId: retired.id, kind: 'skipped' }));
    expect(gift.total).toBe(4);

    const importer = (await insertUser({ email: 'quiz-importer@transfer.test', name: 'Importer' }))!;
    for (const format of ['qti3', 'qti21'] as const) {
      const file = await exportQuiz({ quiz, format });
      if (!file.bytes) throw new Error('no zip');
      const text = Buffer.from(file.bytes).toString('base64');
      const preview = await previewImport({ reading, format, text, fileName: 'ignored.zip' });
      if (preview.status !== 'ok') throw new Error(preview.message);
      // The package's assessment test names the quiz.
      expect(preview.data.quizTitle).toBe('Week 3: Deterrence and diplomacy');
      expect(preview.data.drafts.map((d) => d.question.type)).toEqual(kept.map((q) => q.type));
      const confirmed = await confirmImport({
        reading,
        bankOwnerId: importer.id,
        format,
        text: preview.data.text,
        digest: preview.data.digest,
        quiz: { title: `Imported ${format}`, createdBy: importer.id },
      });
      if (confirmed.status !== 'ok' || !confirmed.data.quizId) throw new Error('no quiz');
      const made = (await getQuiz({ quizId: confirmed.data.quizId }))!;
      expect(made).toMatchObject({ title: `Imported ${format}`, createdBy: importer.id, isDefault: false });
      const rows = await getQuestionsByIds({ ids: made.questionIds });
      const inOrder = made.questionIds.map((id) => rows.get(id)!);
      expect(inOrder.map((r) => r.data.type)).toEqual(kept.map((q) => q.type));
      // In the importer's own bank, as drafts: students see them once approved.
      expect(inOrder.every((r) => r.ownerId === importer.id && r.status === 'draft')).toBe(true);
    }
    // The same file imported again adds no question twice, and its quiz holds the questions already there.
    const again = await exportQuiz({ quiz, format: 'qti3' });
    const text = Buffer.from(again.bytes!).toString('base64');
    const preview = await previewImport({ reading, format: 'qti3', text });
    if (preview.status !== 'ok') throw new Error(preview.message);
    const second = await confirmImport({
      reading,
      bankOwnerId: importer.id,
      format: 'qti3',
      text: preview.data.text,
      digest: preview.data.digest,
      quiz: { title: 'Again', createdBy: importer.id },
    });
    expect(second).toMatchObject({ status: 'ok', data: { added: 0, already: 3 } });
  });

  it('suggests a quiz title from the file name, or from the reading when the name says nothing', async () => {
    const { reading } = await setUp();
    const named = await previewImport({
      reading,
      format: 'gift',
      text: GIFT,
      fileName: 'Week_4 - Sanctions.gift.txt',
    });
    expect(named).toMatchObject({ status: 'ok', data: { quizTitle: 'Week 4 - Sanctions' } });
    const unnamed = await previewImport({ reading, format: 'gift', text: GIFT, fileName: '2026-12.txt' });
    expect(unnamed).toMatchObject({
      status: 'ok',
      data: { quizTitle: `${reading.title}: imported questions` },
    });
  });
});
