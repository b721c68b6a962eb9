import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { parse as giftPegjs } from 'gift-pegjs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { HTTP_STATUS } from '@/lib/server/result';
import { setUpBrowser, uniqueEmail } from './browser';
import { fetchAs } from './http';
import { AuthPages } from './pages/auth';

const browser = setUpBrowser();

const ESSAY = `Sanctions and Their Limits ${Date.now()}

Sanctions work best when many countries apply them together, because a target cannot simply move its trade to a partner who refuses to join. The European Union and the United States coordinated financial sanctions on Russia in 2014 after the annexation of Crimea.

Sanctions fail when they are unilateral, because companies in other countries fill the gap. Iran kept selling oil to China during the years of American sanctions, so the pressure on its economy was weaker than planned.`;

/** A GIFT file as Moodle writes one: a category, comments, titles, feedback; and one broken question. */
const GIFT = [
  '$CATEGORY: $course$/Sanctions',
  '',
  '// From the Moodle course',
  '::Coordination::When do sanctions work best? {',
  '  =When many countries apply them together#Right: a target cannot move its trade elsewhere.',
  '  ~When one country acts alone',
  '  ~When they target ordinary citizens',
  '  ####Sanctions work best when many countries apply them together.',
  '}',
  '',
  '::Iran::Iran kept selling oil to China during the years of American sanctions.{TRUE}',
  '',
  '::Broken::Which year? {=2014 ~2015',
  '',
  '::Gap::Unilateral sanctions fail because companies in other countries fill the {=gap}.',
].join('\n');

/** A new instructor with a new reading of ESSAY; answers the reading's bank path. */
async function instructorWithReading(page: Page, name: string, email: string): Promise<string> {
  await new AuthPages(page).signUp({ name, email, password: 'bringing my moodle bank' });
  await page.waitForURL(/\/home$/);
  await page.goto('/teach/readings/new');
  await page.getByLabel('Essay text').fill(ESSAY);
  await page.getByRole('button', { name: 'Create draft' }).click();
  await page.waitForURL(/\/teach\/readings\/[0-9a-f-]{36}$/);
  return `${new URL(page.url()).pathname}/questions`;
}

/** Asks for the preview and waits until it shows these counts; answers the preview. */
async function previewShowing(page: Page, counts: RegExp) {
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.locator('[data-import-preview]');
  await preview.waitFor();
  await expect.poll(() => preview.locator('[data-preview-counts]').textContent()).toMatch(counts);
  return preview;
}

describe('importing questions', () => {
  it('previews a GIFT file (every question, each failed line), writes nothing until confirmed, then adds drafts; the export reads in gift-pegjs', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const bankUrl = await instructorWithReading(page, 'Import Instructor', uniqueEmail('import'));

    await page.goto(bankUrl);
    await page.getByRole('link', { name: 'Import questions (GIFT, Aiken, Moodle XML, QTI)' }).click();
    await page.waitForURL(/\/questions\/import$/);
    await page.getByLabel('Or paste the questions').fill(GIFT);
    const preview = await previewShowing(page, /3 questions will be added as drafts; 1 could not be read/);
    expect(await preview.locator('[data-import-errors] li').allTextContents()).toEqual([
      'Line 13: The answer part opened with { is never closed with }.',
    ]);
    const drafts = preview.locator('[data-import-draft]');
    expect(await drafts.count()).toBe(3);
    expect(await drafts.nth(0).textContent()).toMatch(
      /Line 4 · “Coordination” · Multiple choice · Evidence · medium · draft/,
    );
    expect(await drafts.nth(1).textContent()).toMatch(/True or false/);
    expect(await drafts.nth(2).textContent()).toMatch(/Fill in the blanks/);
    // Each rests on the sentence it restates.
    expect(await drafts.nth(1).textContent()).toMatch(/Evidence found in the reading.*p2\.s2/);
    await page.screenshot({ path: '/tmp/statecraft-import-preview.png', fullPage: true });

    // Nothing is written by the preview.
    const bank = await context.newPage();
    await bank.goto(bankUrl);
    await bank.getByText('0 questions: 0 approved').waitFor();

    await page.getByRole('button', { name: 'Import 3 questions as drafts' }).click();
    await page.getByText('3 questions added as drafts. Approve them when they are ready.').waitFor();
    await page.getByRole('link', { name: 'Review the drafts' }).click();
    await page.waitForURL(/status=draft/);
    await page.getByText('3 questions: 0 approved (students see these), 3 drafts to review').waitFor();
    expect(await page.locator('[data-bank-question]').count()).toBe(3);

    // The export page says what each file changes, question by question.
    await page.goto(`${bankUrl}/export`);
    const panel = page.locator('section[aria-labelledby="transfer-heading"]');
    await panel.getByText('What changes, question by question (2)').first().click();
    await panel.screenshot({ path: '/tmp/statecraft-export-panel.png' });
    expect(await panel.locator('[data-export-choices] > li').allTextContents()).toEqual([
      expect.stringMatching(/^GIFT, approved questions 0 of 0 questions\.$/),
      expect.stringMatching(/^GIFT, drafts and approved 3 of 3 questions\.$/),
      expect.stringMatching(/^Aiken, approved questions 0 of 0 questions\. Aiken keeps/),
      expect.stringMatching(
        /^Aiken, drafts and approved 2 of 3 questions; 1 as the closest type; 1 left out/,
      ),
      expect.stringMatching(/^Moodle XML, approved questions 0 of 0 questions\.$/),
      expect.stringMatching(/^Moodle XML, drafts and approved 3 of 3 questions\.$/),
      expect.stringMatching(/^QTI 3\.0 package \(\.zip\), approved questions 0 of 0 questions\. Skill/),
      expect.stringMatching(
        /^QTI 3\.0 package \(\.zip\), drafts and approved 3 of 3 questions; 1 as the closest type/,
      ),
      expect.stringMatching(
        /^QTI 2\.1 package \(\.zip, for Canvas and Blackboard\), approved questions 0 of 0/,
      ),
      expect.stringMatching(
        /^QTI 2\.1 package \(\.zip, for Canvas and Blackboard\), drafts and approved 3 of 3/,
      ),
    ]);

    // The export of the bank (drafts too) is read by a published GIFT parser.
    const link = page.getByRole('link', { name: 'GIFT, drafts and approved' });
    const response = await page.request.get((await link.getAttribute('href'))!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-disposition']).toMatch(/attachment; filename=".*\.gift\.txt"/);
    const parsed = giftPegjs(await response.text());
    expect(parsed.map((q) => q.type).sort()).toEqual(['MC', 'Short', 'TF']);

    // An Aiken file, uploaded.
    await page.goto(`${bankUrl}/import`);
    await page.getByLabel('Aiken (.txt)').check();
    await page.locator('#import-file').setInputFiles({
      name: 'sanctions.txt',
      mimeType: 'text/plain',
      // Not UTF-8: Windows-1252, where "ç" is the one byte 0xE7.
      buffer: Buffer.from(
        'Which country kept buying Iranian oil, according to the essay?\r\nA) China\r\nB) Fran\xe7e\r\nANSWER: A\r\n',
        'latin1',
      ),
    });
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.locator('[data-import-preview]').waitFor();
    await page.getByText('The file is not UTF-8; it was read as Windows-1252.', { exact: false }).waitFor();
    expect(await page.locator('[data-import-draft]').textContent()).toMatch(/Françe/);

    // A file over the limit gets a clear message, not a crash.
    await page.locator('#import-file').setInputFiles({
      name: 'huge.txt',
      mimeType: 'text/plain',
      buffer: Buffer.alloc(2 * 1024 * 1024 + 1, 'a'),
    });
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByText('The file is larger than 2 MB; split it and import the parts.').first().waitFor();
    await context.close();
  });

  it('previews a Moodle XML file (every question with its line, each failed question with its line and why), confirms, and the drafts appear; the bank exports as Moodle XML', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const bankUrl = await instructorWithReading(page, 'Moodle Instructor', uniqueEmail('moodle-import'));

    // A bank as Moodle exports one, uploaded; the format is told from the content.
    await page.goto(`${bankUrl}/import`);
    await page.locator('#import-file').setInputFiles({
      name: 'sanctions.xml',
      mimeType: 'application/xml',
      buffer: readFileSync('questions/formats/fixtures/moodle/sanctions-bank.xml'),
    });
    const preview = await previewShowing(page, /8 questions will be added as drafts; 1 could not be read/);
    expect(await preview.locator('[data-preview-format]').textContent()).toMatch(
      /Read as Moodle XML \(told from the content/,
    );
    expect(await preview.locator('[data-import-errors] li').allTextContents()).toEqual([
      'Line 267: Numerical and calculated questions have no counterpart in this app.',
    ]);
    const drafts = preview.locator('[data-import-draft]');
    expect(await drafts.count()).toBe(8);
    expect(await drafts.nth(0).textContent()).toMatch(/Line 15 · “Coordination” · Multiple choice/);
    expect(await drafts.nth(5).textContent()).toMatch(/Line 192 · “Cloze” · Fill in the blanks/);
    expect(await drafts.nth(7).textContent()).toMatch(/Line 237 · “Drag” · Fill in the blanks/);
    await page.screenshot({ path: '/tmp/statecraft-moodle-import-preview.png', fullPage: true });

    await page.getByRole('button', { name: 'Import 8 questions as drafts' }).click();
    await page.getByText('8 questions added as drafts. Approve them when they are ready.').waitFor();
    await page.getByRole('link', { name: 'Review the drafts' }).click();
    await page.waitForURL(/status=draft/);
    await page.getByText('8 questions: 0 approved (students see these), 8 drafts to review').waitFor();
    expect(await page.locator('[data-bank-question]').count()).toBe(8);

    // The bank, drafts too, downloads as Moodle XML, and reads back as the types it holds.
    await page.goto(`${bankUrl}/export`);
    const link = page.getByRole('link', { name: 'Moodle XML, drafts and approved' });
    const response = await page.request.get((await link.getAttribute('href'))!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^application\/xml/);
    expect(response.headers()['content-disposition']).toMatch(/attachment; filename=".*\.moodle\.xml"/);
    const xml = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@',
      isArray: (n) => n === 'question',
    }).parse(await response.text()) as { quiz: { question: { '@type': string }[] } };
    const types = xml.quiz.question.map((q) => q['@type']).filter((t) => t !== 'category');
    // Both clozes have a word bank (drop-down blanks, drag and drop), so both go out as ddwtos.
    expect(types.sort()).toEqual([
      'ddwtos',
      'ddwtos',
      'essay',
      'essay',
      'matching',
      'multichoice',
      'multichoice',
      'truefalse',
    ]);

    // Hostile XML, pasted or uploaded, sent as the page sends it: a 400 or 413 with the reason
    // (never a server error, never a stream begun), and nothing written.
    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const readingId = bankUrl.split('/')[3]!;
    const question = '<question type="essay"><name><text>x</text></name></question>';
    const hostile: [string, keyof typeof HTTP_STATUS, RegExp][] = [
      [
        '<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<quiz>&x;</quiz>',
        'invalid',
        /declares a document type/,
      ],
      [
        `<!DOCTYPE q [<!ENTITY a "${'a'.repeat(100)}"><!ENTITY b "${'&a;'.repeat(100)}"><!ENTITY c "${'&b;'.repeat(100)}">]><quiz>&c;</quiz>`,
        'invalid',
        /declares a document type/,
      ],
      ['<quiz>\n<question type="essay">\n</quiz>', 'invalid', /line 3, column 1/],
      [`<quiz>${question.repeat(1001)}</quiz>`, 'too-large', /1,001 questions/],
    ];
    for (const [text, status, message] of hostile)
      for (const source of ['paste', 'file']) {
        const answer = await fetchAs(
          inject('baseURL'),
          { cookie },
          `/api/readings/${readingId}/bank/import?step=preview&format=detect&source=${source}&name=bank.xml`,
          { method: 'POST', body: text, headers: { origin: inject('baseURL') } },
        );
        expect(answer.status).toBe(HTTP_STATUS[status]);
        expect(JSON.parse(answer.text)).toMatchObject({
          error: { code: status, message: expect.stringMatching(message) },
        });
      }
    // A long file streams its progress, then the preview: lines the page turns into its bar.
    const long = Array.from(
      { length: 150 },
      (_, i) => `::L${i}::Did ${i + 2} countries join the sanctions? {TRUE}`,
    );
    const streamed = await fetchAs(
      inject('baseURL'),
      { cookie },
      `/api/readings/${readingId}/bank/import?step=preview&format=gift&source=paste`,
      { method: 'POST', body: long.join('\n\n'), headers: { origin: inject('baseURL') } },
    );
    expect(streamed.contentType).toMatch(/^application\/x-ndjson/);
    const streamLines = streamed.text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const result = streamLines.pop();
    expect(streamLines.length).toBeGreaterThanOrEqual(10);
    expect(streamLines.at(-1)).toEqual({
      progress: { stage: 'Matching questions to the reading', done: 150, total: 150 },
    });
    expect(result).toMatchObject({ result: { status: 'ok', data: { format: 'gift' } } });
    expect(result.result.data.drafts).toHaveLength(150);
    await page.goto(bankUrl);
    await page.getByText('8 questions: 0 approved (students see these), 8 drafts to review').waitFor();

    // In the page, the message is shown.
    await page.goto(`${bankUrl}/import`);
    await page
      .getByLabel('Or paste the questions')
      .fill(
        '<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<quiz>&x;</quiz>',
      );
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByText('The file declares a document type', { exact: false }).first().waitFor();
    await context.close();
  });
});
