/**
 * Page benchmark: Lighthouse 12.8 (mobile, its default simulated throttling) against the built app
 * in Debian's Chromium, on the four pages a class lives on: the landing page (signed out), the
 * Burns reading and a quiz in progress (as a demo student), and the demo class (as its
 * instructor); and a class in mid-term (30 students, 30 assignments of 20 questions,
 * bench/seed-large-class.ts) as its instructor, since the demo class has no assignments. Prints
 * each page's performance, accessibility and best-practices scores, its
 * first-load JavaScript (scripts' transfer size, gzip, as Lighthouse saw the network) and its
 * largest metrics, then each figure against the targets of issue 15: performance >= 90,
 * accessibility and best practices 100, the reading page's first-load JS <= 150 kB.
 *
 *   npm run bench:pages          (RUNS=3 npm run bench:pages: the median of three runs a page;
 *                                 LIGHTHOUSE_REPORTS=dir keeps each run's report, as JSON, there;
 *                                 SERVER_ONLY=1: only each page's time on the server)
 */

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import type { Result } from 'lighthouse';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../e2e/chromium';
import { cookiesForBrowser } from '../e2e/http';
import { buildIfStale, startServer } from '../e2e/server';
import { DEMO_PASSWORD } from '../lib/seed';
import { signIn } from './sign-in';

const run = promisify(execFile);
const LIGHTHOUSE_PAGE = path.join(import.meta.dirname, 'lighthouse-page.mjs');
const RUNS = Math.max(1, Number(process.env.RUNS ?? 1));
const SERVER_REQUESTS = Math.max(1, Number(process.env.SERVER_REQUESTS ?? 40));
const TARGETS = { performance: 90, accessibility: 100, 'best-practices': 100, readingScriptKb: 150 };
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;

type PageUnderTest = { label: string; path: string; cookie?: string };
type Measure = {
  scores: Record<(typeof CATEGORIES)[number], number>;
  scriptKb: number;
  totalKb: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  failing: string[];
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** The first match of `pattern` in a page's HTML, fetched with the cookie given. */
async function findIn(url: string, cookie: string, pattern: RegExp, what: string): Promise<string> {
  const html = await (await fetch(url, { headers: { cookie } })).text();
  const found = pattern.exec(html)?.[1];
  if (!found) throw new Error(`No ${what} on ${url}.`);
  return found;
}

/** One Lighthouse run in its own plain-Node process (bench/lighthouse-page.mjs). */
async function audit(port: number, url: string, cookie: string | undefined): Promise<Measure> {
  const { stdout } = await run(
    process.execPath,
    [
      LIGHTHOUSE_PAGE,
      String(port),
      url,
      JSON.stringify(cookiesForBrowser(cookie ?? '', url)),
      CATEGORIES.join(','),
    ],
    { maxBuffer: 256 * 1024 * 1024 },
  );
  const lhr = JSON.parse(stdout) as Result;
  if (process.env.LIGHTHOUSE_REPORTS)
    writeFileSync(
      path.join(
        process.env.LIGHTHOUSE_REPORTS,
        `${new URL(url).pathname.split('/')[1] || 'landing'}-${Date.now()}.json`,
      ),
      stdout,
    );
  if (!lhr.finalDisplayedUrl.startsWith(url))
    throw new Error(`Lighthouse was sent to ${lhr.finalDisplayedUrl}, not ${url}: is the session good?`);
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
  const requests =
    (lhr.audits['network-requests']?.details as { items?: Record<string, unknown>[] })?.items ?? [];
  const bytes = (items: Record<string, unknown>[]) =>
    items.reduce((sum, r) => sum + Number(r.transferSize ?? 0), 0) / 1024;
  const metric = (id: string) => Number(lhr.audits[id]?.numericValue ?? Number.NaN);
  const failing = CATEGORIES.flatMap((category) =>
    (lhr.categories[category]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0)
      .map((ref) => lhr.audits[ref.id])
      .filter((a) => a && a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative')
      .map((a) => `${category}: ${a!.id} (${a!.score})`),
  );
  return {
    scores: Object.fromEntries(
      CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]),
    ) as Measure['scores'],
    scriptKb: bytes(requests.filter((r) => r.resourceType === 'Script')),
    totalKb: bytes(requests),
    fcpMs: metric('first-contentful-paint'),
    lcpMs: metric('largest-contentful-paint'),
    tbtMs: metric('total-blocking-time'),
    cls: metric('cumulative-layout-shift'),
    failing,
  };
}

type ServerTime = { firstByteMs: number[]; lastByteMs: number[]; kb: number };

/**
 * One request for a page, timed as the browser's first request sees it: until the first byte of the
 * body (what a shell sent early would shorten) and until the last.
 */
async function timeRequest(url: string, cookie: string | undefined, into: ServerTime) {
  const start = performance.now();
  const response = await fetch(url, { headers: { cookie: cookie ?? '' }, redirect: 'manual' });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}.`);
  const reader = response.body!.getReader();
  let chunk = await reader.read();
  into.firstByteMs.push(performance.now() - start);
  let bytes = 0;
  while (!chunk.done) {
    bytes += chunk.value.byteLength;
    chunk = await reader.read();
  }
  into.lastByteMs.push(performance.now() - start);
  into.kb = bytes / 1024;
}

/** Asks for a script until the server sends it Brotli-compressed (it compresses in the background). */
async function untilBrotli(url: string) {
  for (let attempt = 0; attempt < 400; attempt++) {
    const response = await fetch(url, { headers: { 'accept-encoding': 'br, gzip' } });
    await response.arrayBuffer();
    if (response.headers.get('content-encoding') === 'br') return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${url} never came Brotli-compressed.`);
}

async function main() {
  buildIfStale();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'statecraft-pages-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PGLITE_DATA_DIR: dataDir,
    SEED_DEMO: 'true',
    DATABASE_URL: '',
  };
  delete env.AUTH_SECRET;
  // The class in mid-term, seeded into the same folder before the server opens it.
  process.env.PGLITE_DATA_DIR = dataDir;
  process.env.DATABASE_URL = '';
  const { configureDatabase, closeDb } = await import('@/db');
  const { databaseConfig } = await import('@/lib/env');
  configureDatabase(databaseConfig());
  const { seedLargeClass } = await import('./seed-large-class');
  const term = await seedLargeClass({ students: 30, log: () => {} });
  await closeDb();
  const server = await startServer(env, path.join(dataDir, 'server.log'));
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: CHROMIUM_FLAGS,
  });
  const problems: string[] = [];
  try {
    const { baseURL } = server;
    const student = await signIn(baseURL, 'lena@demo.statecraft', DEMO_PASSWORD);
    const instructor = await signIn(baseURL, 'instructor@demo.statecraft', DEMO_PASSWORD);
    const termInstructor = await signIn(baseURL, term.instructorEmail, term.password);
    const readingPath = '/readings/burns-lead-with-diplomacy';
    const quizId = await findIn(
      `${baseURL}${readingPath}`,
      student,
      /href="\/quizzes\/([^"/?]+)"/,
      'quiz link',
    );
    const started = await fetch(`${baseURL}/api/quizzes/${quizId}/attempts`, {
      method: 'POST',
      headers: { cookie: student, origin: baseURL, 'content-type': 'application/json' },
      body: '{}',
    });
    const attemptId = ((await started.json()) as { attempt?: { id?: string } }).attempt?.id;
    if (!attemptId) throw new Error(`No attempt was started (${started.status}).`);
    const classId = await findIn(
      `${baseURL}/classes`,
      instructor,
      /href="\/classes\/([0-9a-f-]{36})"/,
      'class link',
    );
    const pages: PageUnderTest[] = [
      { label: 'landing', path: '/' },
      { label: 'reading', path: readingPath, cookie: student },
      { label: 'quiz', path: `/quizzes/${quizId}/attempts/${attemptId}`, cookie: student },
      { label: 'class', path: `/classes/${classId}`, cookie: instructor },
      { label: 'class (30)', path: `/classes/${term.classId}`, cookie: termInstructor },
    ];
    // One unmeasured load of each page first, with its scripts and styles: no page pays for the
    // server's first render of it, nor for the first request of a script, which the server answers
    // with gzip while it makes the Brotli copy it sends from then on (lib/server/static-brotli.mjs).
    const assets = new Set<string>();
    for (const page of pages) {
      const html = await (
        await fetch(`${baseURL}${page.path}`, { headers: { cookie: page.cookie ?? '' } })
      ).text();
      for (const [, asset] of html.matchAll(/(?:src|href)="(\/_next\/static\/[^"?]+\.(?:js|css))/g))
        assets.add(asset!);
    }
    for (const asset of assets) await untilBrotli(`${baseURL}${asset}`);

    // The floors: /about reads nothing, but like every page it renders per request, since each
    // response carries its own CSP nonce (proxy.ts), which a prerendered page could not; /account
    // is a signed-in page that reads only its user, as every private page must.
    const floors: PageUnderTest[] = [
      { label: 'about', path: '/about' },
      { label: 'account', path: '/account', cookie: student },
    ];
    const times = new Map<string, ServerTime>();
    const timed = [...floors, ...pages];
    for (const page of timed) times.set(page.label, { firstByteMs: [], lastByteMs: [], kb: 0 });
    // Every page warmed up first, then measured in turns, so a slower moment of the machine falls
    // on all of them alike; one request at a time, each with the server's whole attention.
    for (let round = -10; round < SERVER_REQUESTS; round++)
      for (const page of timed) {
        const into = round < 0 ? { firstByteMs: [], lastByteMs: [], kb: 0 } : times.get(page.label)!;
        await timeRequest(`${baseURL}${page.path}`, page.cookie, into);
      }
    const about = times.get('about')!;
    const account = times.get('account')!;
    console.log(
      `\nServer time, median of ${SERVER_REQUESTS} requests a page (in turns, one at a time), in ms, and against /about (reads nothing) and /account (reads its user)`,
    );
    console.log('page        first byte   x about  x account   last byte    HTML kB');
    for (const [label, t] of times) {
      const first = median(t.firstByteMs);
      console.log(
        `${label.padEnd(10)}${first.toFixed(1).padStart(12)}${(first / median(about.firstByteMs)).toFixed(2).padStart(10)}${(first / median(account.firstByteMs)).toFixed(2).padStart(11)}${median(t.lastByteMs).toFixed(1).padStart(12)}${t.kb.toFixed(1).padStart(11)}`,
      );
    }
    if (process.env.SERVER_ONLY) return;

    const rows: { page: PageUnderTest; measure: Measure }[] = [];
    for (const page of pages) {
      const runs: Measure[] = [];
      for (let i = 0; i < RUNS; i++)
        runs.push(await audit(chrome.port, `${baseURL}${page.path}`, page.cookie));
      const pick = (f: (m: Measure) => number) => median(runs.map(f));
      rows.push({
        page,
        measure: {
          scores: Object.fromEntries(
            CATEGORIES.map((c) => [c, pick((m) => m.scores[c])]),
          ) as Measure['scores'],
          scriptKb: pick((m) => m.scriptKb),
          totalKb: pick((m) => m.totalKb),
          fcpMs: pick((m) => m.fcpMs),
          lcpMs: pick((m) => m.lcpMs),
          tbtMs: pick((m) => m.tbtMs),
          cls: pick((m) => m.cls),
          failing: [...new Set(runs.flatMap((m) => m.failing))],
        },
      });
    }

    const f = (n: number, width = 7, digits = 0) => n.toFixed(digits).padStart(width);
    console.log(
      `\nStatecraft pages: Lighthouse (mobile, simulated throttling), Chromium at ${CHROMIUM_PATH}; median of ${RUNS} run(s) a page`,
    );
    console.log('page        perf  a11y  best  first-load JS kB  all kB   FCP ms   LCP ms   TBT ms    CLS');
    for (const { page, measure: m } of rows)
      console.log(
        `${page.label.padEnd(10)}${f(m.scores.performance, 6)}${f(m.scores.accessibility, 6)}${f(m.scores['best-practices'], 6)}${f(m.scriptKb, 18, 1)}${f(m.totalKb, 8, 1)}${f(m.fcpMs, 9)}${f(m.lcpMs, 9)}${f(m.tbtMs, 9)}${f(m.cls, 7, 3)}`,
      );
    for (const { page, measure: m } of rows) {
      if (m.failing.length) console.log(`${page.label}: audits below full marks: ${m.failing.join(', ')}`);
      if (m.scores.performance < TARGETS.performance)
        problems.push(`${page.label}: performance ${m.scores.performance} < ${TARGETS.performance}`);
      if (m.scores.accessibility < TARGETS.accessibility)
        problems.push(`${page.label}: accessibility ${m.scores.accessibility} < ${TARGETS.accessibility}`);
      if (m.scores['best-practices'] < TARGETS['best-practices'])
        problems.push(
          `${page.label}: best practices ${m.scores['best-practices']} < ${TARGETS['best-practices']}`,
        );
    }
    const reading = rows.find((r) => r.page.label === 'reading')?.measure;
    if (reading && reading.scriptKb > TARGETS.readingScriptKb)
      problems.push(
        `reading: first-load JS ${reading.scriptKb.toFixed(1)} kB > ${TARGETS.readingScriptKb} kB`,
      );
    console.log(
      problems.length ? `FAIL against the targets:\n  ${problems.join('\n  ')}` : 'PASS: every target met',
    );
    if (problems.length) process.exitCode = 1;
  } finally {
    chrome.kill();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
