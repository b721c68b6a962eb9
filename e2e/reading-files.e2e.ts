import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { IDLE } from '@/lib/server/result';
import { convertWithLibreOffice } from '@/questions/reading/import/fixtures/libreoffice';
import { setUpBrowser, uniqueEmail } from './browser';
import { type ActionRef, actionIds, callAction, fetchAs, formOf, type Session, signInOverHttp } from './http';
import { AuthPages } from './pages/auth';

const browser = setUpBrowser();
const SOURCE = 'questions/reading/import/fixtures/lincoln-1865.fodt';
const PASSWORD = 'readings from word and pdf';

// The fixtures are made by LibreOffice when the test runs, from the hand-written source.
let docx: Uint8Array;
let pdf: Uint8Array;
let lockedPdf: Uint8Array;
beforeAll(async () => {
  docx = await convertWithLibreOffice(SOURCE, 'docx');
  pdf = await convertWithLibreOffice(SOURCE, 'pdf');
  lockedPdf = await convertWithLibreOffice(SOURCE, 'pdf', { password: 'union' });
}, 300_000);

const SECTIONS = ['Four years of contest', 'The cause of the war', 'With malice toward none'];
const readingLinks = (html: string) => new Set(html.match(/\/teach\/readings\/[0-9a-f-]{36}/g) ?? []).size;

describe('an instructor makes readings from a Word file and a PDF', () => {
  it('uploads each on the new-reading page and gets a draft with its sections, byline and date, without the page furniture', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await new AuthPages(page).signUp({ name: 'Wendy Word', email: uniqueEmail('files'), password: PASSWORD });
    await page.waitForURL(/\/home$/);

    for (const [name, bytes, mimeType] of [
      ['lincoln-1865.docx', docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['lincoln-1865.pdf', pdf, 'application/pdf'],
    ] as const) {
      await page.goto('/teach/readings/new');
      await page
        .getByLabel(/^Or upload a file/)
        .setInputFiles({ name, mimeType, buffer: Buffer.from(bytes) });
      await page.getByRole('button', { name: 'Create draft' }).click();
      await page.waitForURL(/\/teach\/readings\/[0-9a-f-]{36}$/, { timeout: 150_000 });
      await page.getByRole('heading', { level: 1, name: 'Second Inaugural Address' }).waitFor();
      expect(await page.getByText(/\d+ paragraphs · \d+ sections/).textContent()).toMatch(
        /^6 paragraphs · 3 sections/,
      );
      const titles = page.getByPlaceholder('Section title');
      await expect
        .poll(() =>
          titles.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value).filter(Boolean)),
        )
        .toEqual(SECTIONS);
      expect(await page.getByLabel('Author', { exact: true }).inputValue()).toBe('Abraham Lincoln');
      expect(await page.getByLabel('Date', { exact: true }).inputValue()).toBe('March 4, 1865');
      const body = (await page.locator('main').textContent()) ?? '';
      expect(body).toContain('With malice toward none, with charity for all');
      expect(body).not.toContain('east portico');
      expect(body).not.toContain('Abraham Lincoln, Second Inaugural Address');
      await page.screenshot({
        path: `/tmp/statecraft-reading-from-${name.split('.')[1]}.png`,
        fullPage: true,
      });
    }
    await context.close();
  }, 400_000);

  it('refuses a file over the limit in the browser before sending it', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await new AuthPages(page).signUp({
      name: 'Larry Large',
      email: uniqueEmail('large'),
      password: PASSWORD,
    });
    await page.waitForURL(/\/home$/);
    await page.goto('/teach/readings/new');
    // A file on disk: Chromium reads it from its path (a buffer would be sent through the protocol).
    const huge = path.join(mkdtempSync(path.join(tmpdir(), 'statecraft-huge-')), 'huge.pdf');
    writeFileSync(huge, Buffer.alloc(21 * 1024 * 1024, 0x20));
    await page.getByLabel(/^Or upload a file/).setInputFiles(huge);
    await page.getByText('“huge.pdf” is larger than 20 MB.', { exact: false }).waitFor();
    expect(await page.getByLabel(/^Or upload a file/).inputValue()).toBe('');
    rmSync(path.dirname(huge), { recursive: true, force: true });
    await context.close();
  });
});

describe('hostile files on the new-reading form', () => {
  const base = () => inject('baseURL');
  let ids: Map<string, ActionRef>;
  let session: Session;
  let bomb: Uint8Array;
  beforeAll(async () => {
    // Built before any request: compressing 80 MB holds this process's event loop for seconds
    // (more on a busy machine), and between two requests that kept fetch from retiring a kept-alive
    // connection before the server closed it, so the next request went out on a dead socket.
    bomb = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'word/document.xml': new Uint8Array(80 * 1024 * 1024).fill(0x20),
    });
    ids = await actionIds();
    const email = uniqueEmail('hostile-files');
    await callAction(base(), { cookie: '' }, ids.get('auth.signUp')!, [
      IDLE,
      formOf({ name: 'Hostile Files', email, password: PASSWORD, callbackUrl: '' }),
    ]);
    session = await signInOverHttp(base(), email, PASSWORD);
  });
  const upload = async (name: string, bytes: Uint8Array) => {
    const send = () =>
      callAction(base(), session, ids.get('readings.create')!, [
        IDLE,
        formOf({
          title: '',
          author: '',
          text: '',
          format: 'text',
          file: new File([Buffer.from(bytes)], name),
        }),
      ]);
    return send();
  };

  it('answers a zip bomb, a locked PDF, a damaged PDF and a disguised file with a refusal, and writes nothing', async () => {
    const before = readingLinks((await fetchAs(base(), session, '/teach/readings')).text);
    const cases: [string, Uint8Array, string, RegExp][] = [
      ['bomb.docx', bomb, 'too-large', /zip bomb/],
      ['locked.pdf', lockedPdf, 'invalid', /protected by a password/],
      ['cut.pdf', pdf.slice(0, 2000), 'invalid', /PDF/],
      [
        'photo.pdf',
        new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
        'invalid',
        /not a PDF/,
      ],
      [
        'old.doc',
        new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
        'invalid',
        /\.docx or PDF/,
      ],
    ];
    for (const [name, bytes, status, message] of cases) {
      const answer = await upload(name, bytes);
      expect(answer.serverError, `${name}: ${answer.text.slice(0, 300)}`).toBe(false);
      expect(answer.result?.status, name).toBe(status);
      expect(answer.result?.message, name).toMatch(message);
    }
    expect(readingLinks((await fetchAs(base(), session, '/teach/readings')).text)).toBe(before);
  }, 300_000);

  it('makes a reading of a web page’s HTML pasted with its format chosen, without the page around it', async () => {
    const page = readFileSync('questions/reading/import/fixtures/web-page.html', 'utf8');
    const answer = await callAction(base(), session, ids.get('readings.create')!, [
      IDLE,
      formOf({ title: '', author: '', text: page, format: 'html' }),
    ]);
    expect(answer.serverError).toBe(false);
    const readingUrl = /\/teach\/readings\/[0-9a-f-]{36}/.exec(answer.redirect ?? '')?.[0];
    expect(readingUrl, answer.text.slice(0, 300)).toBeDefined();
    // React separates adjacent text in its HTML with empty comments.
    const editor = (await fetchAs(base(), session, readingUrl!)).text.replace(/<!-- -->/g, '');
    expect(editor).toContain('Farewell Address');
    expect(editor).toMatch(/3 paragraphs · 2 sections/);
    expect(editor).toContain('value="George Washington"');
    expect(editor).not.toMatch(/Claypoole|All rights reserved|Related speeches/);
  }, 120_000);

  it('streams the conversion and the parse of a PDF sent as the page sends it, and refuses a zip bomb or 50 MB at once with a 4xx', async () => {
    const send = (name: string, body: Uint8Array) =>
      fetch(`${base()}/api/readings/import?source=file&name=${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { cookie: session.cookie, origin: base(), 'content-type': 'application/octet-stream' },
        body: Buffer.from(body),
      });
    const streamed = await send('lincoln-1865.pdf', pdf);
    expect(streamed.status).toBe(200);
    expect(streamed.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = (await streamed.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const last = lines.pop();
    expect(lines[0]).toEqual({ progress: { stage: 'Converting the file', done: 0, total: 1 } });
    const parsing = lines.filter((l) => l.progress?.stage === 'Finding paragraphs and sentences');
    expect(parsing.length).toBeGreaterThanOrEqual(2);
    expect(parsing.at(-1).progress.done).toBe(parsing.at(-1).progress.total);
    expect(last).toMatchObject({ result: { status: 'ok', data: { readingId: expect.any(String) } } });
    const editor = (await fetchAs(base(), session, `/teach/readings/${last.result.data.readingId}`)).text;
    expect(editor.replace(/<!-- -->/g, '')).toMatch(/6 paragraphs · 3 sections/);

    const refused = await send('bomb.docx', bomb);
    expect(refused.status).toBe(413);
    expect(await refused.json()).toMatchObject({
      error: { code: 'too-large', message: expect.stringMatching(/zip bomb/) },
    });
    const huge = await send('huge.pdf', new Uint8Array(50 * 1024 * 1024));
    expect(huge.status).toBe(413);
  }, 300_000);

  it('turns away a 50 MB upload with 413 before the app reads it', async () => {
    const response = await fetch(`${base()}/teach/readings/new`, {
      method: 'POST',
      headers: {
        cookie: session.cookie,
        origin: base(),
        'next-action': ids.get('readings.create')!.id,
        'content-type': 'application/octet-stream',
      },
      body: new Uint8Array(50 * 1024 * 1024),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 'too-large' } });
  }, 120_000);
});
