import { beforeAll, describe, expect, it } from 'vitest';
import { hydrationErrors, setUpBrowser, uniqueEmail } from './browser';
import { AuthPages } from './pages/auth';
import { assignBurns, createClass } from './pages/classes';
import { burnsBank, QuizPage } from './pages/quiz';
import { axeViolations } from './pages/reading';

/**
 * Every main page of a student and of an instructor, on a phone (390 px) and a laptop (1280 px),
 * in light and dark mode: axe finds nothing, nothing scrolls sideways, and the server's HTML
 * hydrates without a clash. The class has an assignment the student has submitted, so the pages
 * with tables and charts (progress, the dashboard, the report, results) are swept with data in them.
 */
const browser = setUpBrowser();
const PASSWORD = 'every page on every screen';

const student = { name: 'Layout Student', email: uniqueEmail('layout-student'), password: PASSWORD };
const teacher = { name: 'Layout Teacher', email: uniqueEmail('layout-teacher'), password: PASSWORD };
let classUrl = '';
/** Pages that exist once the student has submitted the assignment. */
let reportUrl = '';
let resultsUrl = '';
let attemptReviewUrl = '';

beforeAll(async () => {
  const t = await browser.newContext();
  const tPage = await t.newPage();
  await new AuthPages(tPage).signUp(teacher);
  await tPage.waitForURL(/\/home$/);
  const made = await createClass(tPage, 'IR 350: Layouts');
  classUrl = made.classUrl;
  const s = await browser.newContext();
  const sPage = await s.newPage();
  await new AuthPages(sPage).signUp(student);
  await sPage.waitForURL(/\/home$/);
  await sPage.goto('/classes');
  await sPage.getByLabel('Join code from your instructor').fill(made.code);
  await sPage.getByRole('button', { name: 'Join' }).click();
  await sPage.waitForURL(/\/classes\/[0-9a-f-]{36}$/);

  // An assignment, submitted with four answers right, so the results, report and dashboard have data.
  reportUrl = await assignBurns(tPage, classUrl, 'Layout quiz', '2030-01-15T23:59');
  await sPage.goto('/home');
  await sPage.getByRole('link', { name: /Start “Layout quiz”/ }).click();
  await sPage.getByRole('button', { name: 'Start' }).click();
  await sPage.waitForURL(/\/attempts\//);
  const quiz = new QuizPage(sPage);
  const bank = burnsBank();
  for (let i = 0; i < 4; i++) {
    await quiz.answerCorrectly(bank.get(await quiz.currentQuestionId())!);
    await quiz.waitUntilSaved();
    await quiz.next();
  }
  await sPage.getByRole('button', { name: 'Review and submit' }).first().click();
  await sPage.getByRole('button', { name: 'Submit answers' }).click();
  await sPage.waitForURL(/\/results$/);
  resultsUrl = new URL(sPage.url()).pathname;
  await tPage.goto(reportUrl);
  attemptReviewUrl = (await tPage.locator(`a[href^="${classUrl}/attempts/"]`).first().getAttribute('href'))!;
  await t.close();
  await s.close();
}, 300_000);

const SCREENS = [
  { label: 'phone, light', viewport: { width: 390, height: 844 }, colorScheme: 'light' as const },
  { label: 'phone, dark', viewport: { width: 390, height: 844 }, colorScheme: 'dark' as const },
  { label: 'laptop, light', viewport: { width: 1280, height: 800 }, colorScheme: 'light' as const },
  { label: 'laptop, dark', viewport: { width: 1280, height: 800 }, colorScheme: 'dark' as const },
];

async function sweep(person: typeof student, paths: () => string[]) {
  const problems: string[] = [];
  for (const screen of SCREENS) {
    const context = await browser.newContext({ viewport: screen.viewport, colorScheme: screen.colorScheme });
    const hydration = hydrationErrors(context);
    const page = await context.newPage();
    await new AuthPages(page).signIn(person);
    await page.waitForURL(/\/home$/);
    for (const path of paths()) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) problems.push(`${screen.label} ${path}: scrolls sideways by ${overflow}px`);
      for (const v of await axeViolations(page))
        problems.push(`${screen.label} ${path}: ${v.id} (${v.nodes.length} × ${v.nodes[0]?.target ?? ''})`);
    }
    problems.push(...hydration.map((h) => `${screen.label} ${h}`));
    await context.close();
  }
  return problems;
}

describe('every main page on a phone and a laptop, light and dark', () => {
  it("a student's pages", async () => {
    const problems = await sweep(student, () => [
      '/home',
      '/readings',
      '/readings/burns-lead-with-diplomacy',
      '/review',
      '/practice',
      '/progress',
      '/classes',
      classUrl,
      resultsUrl,
      '/account',
    ]);
    expect(problems).toEqual([]);
  }, 300_000);

  it("an instructor's pages", async () => {
    const problems = await sweep(teacher, () => [
      '/home',
      '/classes',
      classUrl,
      reportUrl,
      attemptReviewUrl,
      `${classUrl}/roster`,
      '/teach/readings',
      '/account',
    ]);
    expect(problems).toEqual([]);
  }, 300_000);
});
