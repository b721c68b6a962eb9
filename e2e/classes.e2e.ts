import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatDateTime, fromDateTimeLocal, toDateTimeLocal } from '@/lib/time';
import { hydrationErrors, setUpBrowser, uniqueEmail } from './browser';
import { assignBurns, BURNS_QUIZ, createClass } from './pages/classes';
import { QuestionEditorPage } from './pages/question-bank';
import { burnsBank, QuizPage } from './pages/quiz';
import { axeViolations } from './pages/reading';

const browser = setUpBrowser();
const bank = burnsBank();
const PASSWORD = 'teaching the class well';
/**
 * A new account, signed in, on its home page, as after the sign-up form (which e2e/auth.e2e.ts
 * tests in the browser; here the account is made over HTTP).
 */
async function person(
  name: string,
  timezoneId?: string,
): Promise<{ context: BrowserContext; page: Page; email: string }> {
  const email = uniqueEmail(name.toLowerCase().replace(/\W+/g, '-'));
  const context = await browser.signedUpContext(
    { name, email, password: PASSWORD },
    timezoneId ? { timezoneId } : {},
  );
  const page = await context.newPage();
  await page.goto('/home');
  await page.waitForURL(/\/home$/);
  return { context, page, email };
}

async function join(page: Page, code: string) {
  await page.goto('/classes');
  await page.getByLabel('Join code from your instructor').fill(code.toLowerCase());
  await page.getByRole('button', { name: 'Join' }).click();
  await page.waitForURL(/\/classes\/[0-9a-f-]{36}$/);
}

/** Records the server-action request a click sends, so it can be replayed as someone else. */
async function captureAction(page: Page, click: () => Promise<void>) {
  const request = page.waitForRequest((r) => r.method() === 'POST' && Boolean(r.headers()['next-action']));
  await click();
  const r = await request;
  return { url: r.url(), headers: r.headers(), body: r.postDataBuffer() };
}

async function replay(context: BrowserContext, action: Awaited<ReturnType<typeof captureAction>>) {
  const headers = { ...action.headers };
  delete headers.cookie;
  const response = await context.request.post(action.url, {
    headers,
    data: action.body ?? undefined,
    maxRedirects: 0,
  });
  return { status: response.status(), text: await response.text() };
}

describe('classes', () => {
  it('an instructor creates a class, a student joins and takes the assigned quiz, and the instructor sees results, item analysis and exports', async () => {
    const teacher = await person('Prof Teacher');
    const { classUrl, code } = await createClass(teacher.page, 'IR 300: Diplomacy in Practice');
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const due = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 16);
    const reportHref = await assignBurns(teacher.page, classUrl, 'Burns quiz', due);

    const student = await person('Stu Dent');
    await join(student.page, code);
    await student.page.getByText('Your assignments').waitFor();
    await student.page.goto('/home');
    const homeCard = student.page.locator('[data-home-assignment]').filter({ hasText: 'Burns quiz' });
    expect(await homeCard.getByText('not started').isVisible()).toBe(true);
    await student.page.getByRole('link', { name: /Start “Burns quiz”/ }).click();
    await student.page.getByRole('button', { name: 'Start' }).click();
    await student.page.waitForURL(/\/attempts\//);

    // Answer the first half right, the rest left blank.
    const quiz = new QuizPage(student.page);
    for (let i = 0; i < 6; i++) {
      await quiz.answerCorrectly(bank.get(await quiz.currentQuestionId())!);
      await quiz.waitUntilSaved();
      await quiz.next();
    }
    await student.page.getByRole('button', { name: 'Review and submit' }).first().click();
    await student.page.getByRole('button', { name: 'Submit answers' }).click();
    await student.page.waitForURL(/\/results$/);
    const score = Number((await student.page.getByTestId('score').textContent())!.replace('%', ''));
    expect(score).toBeGreaterThan(30);
    expect(score).toBeLessThan(60);
    await student.page.goto('/home');
    expect(await student.page.locator('[data-home-assignment]').getByText('graded').isVisible()).toBe(true);

    // The instructor sees the result, the item analysis and the exports.
    await teacher.page.goto(classUrl);
    const row = teacher.page.locator(`[data-student="${student.email}"]`);
    expect(await row.getByText(`${score}%`).first().isVisible()).toBe(true);
    expect(await axeViolations(teacher.page)).toEqual([]);
    await teacher.page.goto(reportHref);
    await teacher.page.getByRole('heading', { name: 'Item analysis' }).waitFor();
    expect(await teacher.page.locator('[data-item]').count()).toBe(12);
    expect(await teacher.page.locator('[data-paragraph-miss]').count()).toBe(16);
    expect(await teacher.page.getByText('1 of 1 submitted').isVisible()).toBe(true);

    // The export menu offers one file per importer; the Canvas one is its importer's layout.
    await teacher.page.goto(classUrl);
    await teacher.page.getByText('Export gradebook (CSV)').click();
    const canvasHref = await teacher.page.getByRole('link', { name: 'For Canvas' }).getAttribute('href');
    expect(await teacher.page.getByRole('link', { name: 'For Moodle' }).isVisible()).toBe(true);
    const gradebook = await teacher.context.request.get(canvasHref!);
    expect(gradebook.status()).toBe(200);
    expect(gradebook.headers()['content-type']).toMatch(/text\/csv/);
    const body = await gradebook.body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toMatch(/^Student,ID,SIS User ID,SIS Login ID,Section,Burns quiz/);
    expect(lines[1]).toMatch(/^Points Possible,.*,12$/);
    expect(lines[2]).toContain(student.email);
    expect(Number(lines[2]!.split(',').at(-1))).toBeCloseTo((score / 100) * 12, 0);
    const responses = await teacher.context.request.get(
      `/api/classes/${classUrl.split('/').pop()}/responses`,
    );
    expect((await responses.text()).trim().split('\r\n')).toHaveLength(1 + 12);

    // Regrade a short answer with a comment; the student sees both.
    await teacher.page.goto(classUrl);
    await row.getByRole('link').first().click();
    await teacher.page.waitForURL(/\/attempts\//);
    const sa = teacher.page.locator('[data-review-question="burns-why-coalitions"]');
    await sa.getByText('Regrade').click();
    await sa.getByLabel('Score (0–100)').fill('75');
    await sa
      .getByLabel('Comment for the student')
      .fill('Good start: say how coalitions change his calculus.');
    await sa.getByRole('button', { name: 'Save grade' }).click();
    await sa.getByText('Regraded; the student sees your grade and comment.').waitFor();
    await student.page.goto('/home');
    await student.page.locator('[data-home-assignment]').getByRole('link').click();
    await student.page.getByRole('link', { name: 'Attempt 1' }).click();
    const regraded = student.page.locator('[data-result-question="burns-why-coalitions"]');
    await regraded
      .getByText('Your instructor: “Good start: say how coalitions change his calculus.”')
      .waitFor();
    expect(await regraded.getByText('Partly correct (75%)').isVisible()).toBe(true);
    await teacher.context.close();
    await student.context.close();
  });

  it('lets each person see and change exactly what they should', async () => {
    const teacher = await person('Matrix Teacher');
    const { classUrl, code } = await createClass(teacher.page, 'IR 310: Access');
    const classId = classUrl.split('/').pop()!;
    const due = new Date(Date.now() + 86_400_000).toISOString().slice(0, 16);
    const reportHref = await assignBurns(teacher.page, classUrl, 'Matrix quiz', due);
    const student = await person('Matrix Student');
    await join(student.page, code);
    await student.page.getByRole('button', { name: 'Start' }).click();
    await student.page.waitForURL(/\/attempts\//);
    await student.page.getByRole('button', { name: 'Review and submit' }).first().click();
    await student.page.getByRole('button', { name: 'Submit answers' }).click();
    await student.page.waitForURL(/\/results$/);
    await teacher.page.goto(classUrl);
    const attemptHref = (await teacher.page
      .locator(`[data-student="${student.email}"]`)
      .getByRole('link')
      .first()
      .getAttribute('href'))!;

    const otherTeacher = await person('Other Teacher');
    const other = await createClass(otherTeacher.page, 'IR 999: Elsewhere');
    const outsider = await person('Outside Student');
    await join(outsider.page, other.code);
    const anonymous = await browser.newContext();

    type Who = 'anonymous' | 'student' | 'outsider' | 'teacher' | 'otherTeacher';
    const contexts: Record<Who, BrowserContext> = {
      anonymous,
      student: student.context,
      outsider: outsider.context,
      teacher: teacher.context,
      otherTeacher: otherTeacher.context,
    };
    const pageStatus = async (who: Who, path: string) => {
      const page = await contexts[who].newPage();
      const response = await page.goto(path);
      const result = {
        status: response?.status(),
        path: new URL(page.url()).pathname,
        joinCodeShown: (await page.getByTestId('join-code').count()) > 0,
      };
      await page.close();
      return result;
    };
    const apiStatus = async (who: Who, path: string) =>
      (await contexts[who].request.get(path, { maxRedirects: 0 })).status();

    // The class page: the instructor manages it, its student sees their assignments, nobody else sees it exists.
    expect(await pageStatus('anonymous', classUrl)).toMatchObject({ path: '/sign-in' });
    expect(await pageStatus('student', classUrl)).toMatchObject({
      status: 200,
      path: classUrl,
      joinCodeShown: false,
    });
    expect(await pageStatus('outsider', classUrl)).toMatchObject({ status: 404 });
    expect(await pageStatus('teacher', classUrl)).toMatchObject({ status: 200, joinCodeShown: true });
    expect(await pageStatus('otherTeacher', classUrl)).toMatchObject({ status: 404 });

    // The assignment report and a student's attempt: the class's instructor only.
    expect(await pageStatus('teacher', reportHref)).toMatchObject({ status: 200, path: reportHref });
    expect(await pageStatus('student', reportHref)).toMatchObject({ path: classUrl });
    for (const who of ['outsider', 'otherTeacher'] as const)
      expect(await pageStatus(who, reportHref)).toMatchObject({ status: 404 });
    expect(await pageStatus('teacher', attemptHref)).toMatchObject({ status: 200 });
    for (const who of ['student', 'outsider', 'otherTeacher'] as const)
      expect(await pageStatus(who, attemptHref)).toMatchObject({ status: 404 });

    // Exports.
    for (const path of [`/api/classes/${classId}/gradebook`, `/api/classes/${classId}/responses`]) {
      expect(await apiStatus('anonymous', path)).toBe(401);
      expect(await apiStatus('student', path)).toBe(403);
      expect(await apiStatus('outsider', path)).toBe(404);
      expect(await apiStatus('otherTeacher', path)).toBe(404);
      expect(await apiStatus('teacher', path)).toBe(200);
    }

    // Changes: an instructor's actions, replayed by everyone else, are refused on the server.
    await teacher.page.goto(classUrl);
    const newCode = await captureAction(teacher.page, () =>
      teacher.page.getByRole('button', { name: 'New code' }).click(),
    );
    await teacher.page.getByText('A new join code is ready').waitFor();
    const codeAfterTeacher = await teacher.page.getByTestId('join-code').textContent();
    expect(codeAfterTeacher).not.toBe(code);
    expect((await replay(contexts.student, newCode)).text).toContain(
      'Only the instructors of this class can do that.',
    );
    for (const who of ['outsider', 'otherTeacher'] as const) {
      const result = await replay(contexts[who], newCode);
      expect(result.text).toContain('That class does not exist or is not open to you.');
    }
    // A signed-out request is refused by the action's own session check.
    const anonymousReplay = await replay(anonymous, newCode);
    expect(anonymousReplay.text).toContain('Your session has ended');
    expect(anonymousReplay.text).not.toContain('A new join code is ready');
    await teacher.page.reload();
    expect(await teacher.page.getByTestId('join-code').textContent()).toBe(codeAfterTeacher);

    // The old code no longer lets anyone in.
    const late = await person('Late Joiner');
    await late.page.goto('/classes');
    await late.page.getByLabel('Join code from your instructor').fill(code);
    await late.page.getByRole('button', { name: 'Join' }).click();
    await late.page.getByText(/No class has that join code/).waitFor();

    // The instructor removes the student (after a confirmation), who then sees nothing of the class.
    await teacher.page.goto(classUrl);
    const studentRow = teacher.page.locator(`[data-student="${student.email}"]`);
    await studentRow.getByRole('button', { name: /^Remove/ }).click();
    const confirm = teacher.page.getByRole('dialog', { name: 'Remove Matrix Student from IR 310: Access?' });
    await confirm.waitFor();
    expect(await confirm.getByText('Their submitted work is kept').isVisible()).toBe(true);
    // Focus starts on Cancel, and Cancel removes no one.
    expect(
      await confirm.getByRole('button', { name: 'Cancel' }).evaluate((b) => b === document.activeElement),
    ).toBe(true);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect(await studentRow.isVisible()).toBe(true);
    await studentRow.getByRole('button', { name: /^Remove/ }).click();
    await confirm.getByRole('button', { name: 'Remove student' }).click();
    await studentRow.waitFor({ state: 'detached' });
    const banner = teacher.page.locator('[data-removed-banner]');
    await banner
      .getByText('Matrix Student was removed from the class. Their submitted work is kept.')
      .waitFor();
    expect(await axeViolations(teacher.page)).toEqual([]);
    expect(await pageStatus('student', classUrl)).toMatchObject({ status: 404 });

    // Undo puts the student back with their work, and the class opens to them again.
    await banner.getByRole('button', { name: 'Undo' }).click();
    await studentRow.waitFor();
    expect(await studentRow.getByRole('link').count()).toBeGreaterThan(0);
    expect(await teacher.page.locator('[data-removed-banner]').count()).toBe(0);
    expect(await pageStatus('student', classUrl)).toMatchObject({ status: 200 });

    await Promise.all(Object.values(contexts).map((c) => c.close()));
    await late.context.close();
    // Six accounts and some forty page loads: about a minute on two busy cores, so a higher ceiling.
  }, 180_000);

  it('builds a quiz by rule from the approved bank, writes a question, and assigns the quiz', async () => {
    const teacher = await person('Builder Teacher');
    const { classUrl, code } = await createClass(teacher.page, 'IR 320: Built quizzes');
    await teacher.page.goto('/teach/readings');
    await teacher.page.getByRole('link', { name: 'Question bank' }).click();
    // The shipped bank is the site administrators'; an instructor works on a copy of their own.
    await teacher.page.getByText(/only site administrators change it/).waitFor();
    await teacher.page.getByRole('button', { name: 'Make my own copy' }).click();
    await teacher.page.getByRole('heading', { name: 'Your copy of the question bank' }).waitFor();
    await teacher.page.getByText('Build a quiz by rule').click();
    const rule = teacher.page
      .locator('form')
      .filter({ has: teacher.page.locator('input[name="mode"][value="rule"]') });
    await rule.getByLabel('Quiz title').fill('Evidence and vocabulary check');
    await rule.locator('input[name="perSkill:evidence"]').fill('2');
    await rule.locator('input[name="perSkill:vocabulary"]').fill('2');
    await rule.getByRole('button', { name: 'Save quiz' }).click();
    await teacher.page.getByText('Quiz “Evidence and vocabulary check” saved with 4 questions').waitFor();

    // A question written in the editor's forms.
    await teacher.page.getByRole('link', { name: 'Write a question' }).click();
    const editor = teacher.page.getByRole('form', { name: 'Write a question' });
    await editor.getByLabel('Type of question').selectOption({ label: 'True or false' });
    await editor
      .getByLabel('Prompt', { exact: true })
      .fill('True or false: Burns says Putin has picked a fight where the West has more at stake.');
    await editor
      .getByLabel('Statement', { exact: true })
      .fill('Burns says Putin has picked a fight where the West has more at stake.');
    await editor.getByLabel('True', { exact: true }).check();
    await editor
      .getByLabel('Explanation', { exact: true })
      .fill('Paragraph 5 says the West has far more at stake than he does.');
    await new QuestionEditorPage(teacher.page).pick('Pick evidence from the reading…', 'far more at stake');
    await editor.getByLabel('Skill', { exact: true }).selectOption({ label: 'Evidence' });
    await editor.getByLabel('Easy', { exact: true }).check();
    await editor.getByRole('button', { name: 'Add a concept' }).click();
    await editor.getByLabel('Concept 1', { exact: true }).fill('stakes');
    await editor.getByRole('button', { name: 'Add question' }).click();
    await teacher.page.waitForURL(/\/questions\/[^/]+\?added=1$/);
    await teacher.page.getByText('Question added as a draft').waitFor();

    await teacher.page.goto(classUrl);
    await teacher.page.getByText('Assign a quiz').click();
    const quizSelect = teacher.page.getByLabel('Quiz', { exact: true });
    const built = await quizSelect
      .locator('option', { hasText: 'Evidence and vocabulary check (4 questions)' })
      .getAttribute('value');
    await quizSelect.selectOption(built!);
    await teacher.page.getByRole('button', { name: 'Assign', exact: true }).click();
    await teacher.page.getByText('Assigned. Students see it on their home page.').waitFor();

    const student = await person('Builder Student');
    await join(student.page, code);
    await student.page.getByRole('button', { name: 'Start' }).click();
    await student.page.getByRole('heading', { name: 'Question 1 of 4' }).waitFor();
    await teacher.context.close();
    await student.context.close();
  });

  it('opens a timed assignment on its intro page, shows attempts left, and offers no attempt past the last', async () => {
    const teacher = await person('Timed Teacher');
    const { classUrl, code } = await createClass(teacher.page, 'IR 320: Timed');
    await teacher.page.goto(classUrl);
    await teacher.page.getByText('Assign a quiz').click();
    await teacher.page.getByLabel('Quiz', { exact: true }).selectOption({ label: BURNS_QUIZ });
    await teacher.page.getByLabel('Title shown to students (optional)').fill('Timed check');
    await teacher.page.getByLabel("Attempts allowed (empty: the quiz's own)").fill('1');
    await teacher.page.getByLabel("Time limit in minutes (empty: the quiz's own)").fill('15');
    await teacher.page.getByRole('button', { name: 'Assign', exact: true }).click();
    await teacher.page.getByText('Assigned. Students see it on their home page.').waitFor();

    const student = await person('Timed Student');
    await join(student.page, code);
    const card = student.page.locator('[data-assignment]').filter({ hasText: 'Timed check' });
    expect(await card.locator('[data-card-rules]').textContent()).toBe(
      'Time limit: 15 minutes · 1 of 1 attempt left',
    );
    // Start leads to the intro page; the clock has not started yet.
    await card.getByRole('link', { name: 'Start' }).click();
    await student.page.waitForURL(/\/quizzes\/[0-9a-f-]{36}\?assignment=/);
    const introUrl = student.page.url();
    await student.page.getByRole('heading', { name: 'Timed check' }).waitFor();
    expect(await student.page.locator('[data-rule="time-limit"]').textContent()).toContain(
      'Time limit: 15 minutes',
    );
    expect(await student.page.locator('[data-rule="attempts"]').textContent()).toBe(
      '1 attempt allowed; 1 left.',
    );
    expect(await axeViolations(student.page)).toEqual([]);
    const hydration = hydrationErrors(student.context);
    await student.page.getByRole('button', { name: 'Start the quiz' }).click();
    await student.page.waitForURL(/\/attempts\//);
    await student.page.getByText('Time left:').waitFor({ state: 'attached' });
    // The running timer's page loaded fresh: the server's and the browser's clocks must not clash.
    await student.page.reload();
    const shown = await student.page.locator('[data-timer]').textContent();
    // The clock ticking means the page hydrated (its effect runs only after).
    await student.page.waitForFunction(
      (first) => document.querySelector('[data-timer]')?.textContent !== first,
      shown,
    );
    expect(hydration).toEqual([]);
    await student.page.getByRole('button', { name: 'Review and submit' }).first().click();
    await student.page.getByRole('button', { name: 'Submit answers' }).click();
    await student.page.waitForURL(/\/results$/);

    // The one attempt is used: the card and the intro page say so, and offer no new attempt.
    await student.page.goto(classUrl);
    const used = student.page.locator('[data-assignment]').filter({ hasText: 'Timed check' });
    await used.locator('[data-card-status]').getByText('No attempts left.').waitFor();
    expect(await used.getByRole('link', { name: 'Try again' }).count()).toBe(0);
    expect(await used.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    expect(await used.locator('[data-card-rules]').textContent()).toContain('0 of 1 attempt left');
    await student.page.goto(introUrl);
    await student.page.getByRole('status').getByText('You have used all 1 attempt.').waitFor();
    expect(await student.page.getByRole('button', { name: /Start/ }).count()).toBe(0);
    expect(await student.page.getByRole('link', { name: 'Attempt 1' }).isVisible()).toBe(true);
    await teacher.context.close();
    await student.context.close();
  });

  it('shows each person dates in their own time zone, typed in the class’s', async () => {
    const teacher = await person('Zone Teacher', 'America/Chicago');
    // The browser reports its zone on the first visit; the account page shows what was kept.
    await expect
      .poll(async () => {
        await teacher.page.goto('/account');
        return teacher.page.getByLabel('Show dates and count days in').inputValue();
      })
      .toBe('America/Chicago');
    const { classUrl, code } = await createClass(teacher.page, 'IR 330: Zones');
    // A winter date (no daylight saving in either city), years ahead.
    const wall = '2030-01-15T23:59';
    await teacher.page.goto(classUrl);
    await teacher.page.getByText('Assign a quiz').click();
    await teacher.page.getByLabel('Quiz', { exact: true }).selectOption({ label: BURNS_QUIZ });
    await teacher.page.getByLabel('Title shown to students (optional)').fill('Zoned quiz');
    await teacher.page.getByLabel('Due (America/Chicago time, optional)').fill(wall);
    await teacher.page.getByRole('button', { name: 'Assign', exact: true }).click();
    await teacher.page.getByText('Assigned. Students see it on their home page.').waitFor();

    // 23:59 in Chicago is the next afternoon in Tokyo: each sees the same moment in their own time.
    const due = fromDateTimeLocal(wall, 'America/Chicago')!;
    expect(due.toISOString()).toBe('2030-01-16T05:59:00.000Z');
    await teacher.page.reload();
    await teacher.page.getByText(formatDateTime(due, 'America/Chicago')).waitFor();
    expect(formatDateTime(due, 'America/Chicago')).toMatch(/23:59 CST$/);

    const student = await person('Zone Student', 'Asia/Tokyo');
    await expect
      .poll(async () => {
        await student.page.goto('/account');
        return student.page.getByLabel('Show dates and count days in').inputValue();
      })
      .toBe('Asia/Tokyo');
    await join(student.page, code);
    const card = student.page.locator('[data-assignment]').filter({ hasText: 'Zoned quiz' });
    expect(await card.getByText(`due ${formatDateTime(due, 'Asia/Tokyo')}`).isVisible()).toBe(true);
    expect(formatDateTime(due, 'Asia/Tokyo')).toMatch(/14:59 GMT\+9$/);
    // A zone the student picks themselves sticks: the browser's report no longer overrides it.
    await student.page.goto('/account');
    await student.page.getByLabel('Show dates and count days in').selectOption('Europe/Lisbon');
    await student.page.getByRole('button', { name: 'Save time zone' }).click();
    await student.page.getByText('Dates now show in Europe/Lisbon time.').waitFor();
    await student.page.goto(classUrl);
    await student.page.getByText(`due ${formatDateTime(due, 'Europe/Lisbon')}`).waitFor();
    expect(await axeViolations(student.page)).toEqual([]);
    await teacher.context.close();
    await student.context.close();
  });

  it('shows a new person the browser’s time zone on the account page when it is the first page they open', async () => {
    const context = await browser.signedUpContext(
      { name: 'First Visit', email: uniqueEmail('first-visit'), password: PASSWORD },
      { timezoneId: 'Pacific/Auckland' },
    );
    const page = await context.newPage();
    await page.goto('/account');
    // The page is drawn before the browser has reported its zone; the report refreshes it, and
    // the list must then show the zone the hint under it names, without a reload.
    await expect
      .poll(() => page.getByLabel('Show dates and count days in').inputValue())
      .toBe('Pacific/Auckland');
    await context.close();
  });

  it('warns while a due date typed is already past, names the week’s assignment on the home page, and renames the class', async () => {
    const teacher = await person('Week Teacher');
    const { classUrl } = await createClass(teacher.page, 'IR 350: This week');
    await teacher.page.goto(classUrl);
    await teacher.page.getByText('Assign a quiz').click();
    await teacher.page.getByLabel('Quiz', { exact: true }).selectOption({ label: BURNS_QUIZ });
    await teacher.page.getByLabel('Title shown to students (optional)').fill('Due this week');
    const due = teacher.page.getByLabel(/^Due \(.* time, optional\)$/);
    const zone = /^Due \((.*) time, optional\)$/
      .exec((await teacher.page.locator('label[for="assign-due"]').textContent())!)![1]!
      .replaceAll(' ', '_');
    const warning = teacher.page.getByText('This date has already passed');
    // The warning comes as the date is typed, before anything is saved, and goes with a later date.
    await due.fill('2020-01-15T23:59');
    await warning.waitFor();
    expect(await due.getAttribute('aria-describedby')).toBe('assign-due-past');
    await due.fill(toDateTimeLocal(new Date(Date.now() + 3 * 86_400_000), zone));
    await warning.waitFor({ state: 'hidden' });
    await teacher.page.getByRole('button', { name: 'Assign', exact: true }).click();
    await teacher.page.getByText('Assigned. Students see it on their home page.').waitFor();
    expect(await teacher.page.getByText(/has already passed/).count()).toBe(0);

    // Nothing to grade: the instructor's next step is the assignment due within the week.
    await teacher.page.goto('/home');
    const next = teacher.page.locator('section[aria-labelledby="next-heading"]');
    await next.getByRole('link', { name: 'Check on “Due this week”' }).waitFor();
    expect(await next.textContent()).toContain('in IR 350: This week: see who has not started it.');

    // Renaming: a blank name is refused and changes nothing; a new one shows everywhere.
    await teacher.page.goto(classUrl);
    await teacher.page.getByText('Class settings').click();
    const rename = teacher.page
      .locator('form')
      .filter({ has: teacher.page.getByRole('button', { name: 'Rename' }) });
    await rename.getByLabel('Class name').fill('   ');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await rename.getByText('The class name is missing.').waitFor();
    await teacher.page.reload();
    expect(await teacher.page.getByRole('heading', { level: 1 }).textContent()).toBe('IR 350: This week');
    await teacher.page.getByText('Class settings').click();
    await rename.getByLabel('Class name').fill('IR 351: Next week');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await rename.getByText('Renamed to “IR 351: Next week”.').waitFor();
    await teacher.page.reload();
    expect(await teacher.page.getByRole('heading', { level: 1 }).textContent()).toBe('IR 351: Next week');
    await teacher.page.goto('/classes');
    await teacher.page.getByText('IR 351: Next week').first().waitFor();
    expect(await teacher.page.getByText('IR 350: This week').count()).toBe(0);
    await teacher.context.close();
  });

  it('edits, duplicates and deletes an assignment, saying first what deleting takes with it', async () => {
    const teacher = await person('Editing Teacher');
    const { classUrl, code } = await createClass(teacher.page, 'IR 340: Edits');
    const reportHref = await assignBurns(teacher.page, classUrl, 'Week 1 quiz', '2030-01-15T23:59');
    const student = await person('Editing Student');
    await join(student.page, code);
    await student.page.getByRole('button', { name: 'Start' }).click();
    await student.page.waitForURL(/\/attempts\//);
    await student.page.getByRole('button', { name: 'Review and submit' }).first().click();
    await student.page.getByRole('button', { name: 'Submit answers' }).click();
    await student.page.waitForURL(/\/results$/);

    // Edit: two attempts and a time limit; the student's card says so at once.
    await teacher.page.goto(reportHref);
    await teacher.page.getByText('Edit, duplicate or delete').click();
    const settings = teacher.page.locator('[data-assignment-settings]');
    expect(await settings.getByLabel(/^Due \(/).inputValue()).toBe('2030-01-15T23:59');
    await settings.getByLabel("Attempts allowed (empty: the quiz's own)").fill('2');
    await settings.getByLabel("Time limit in minutes (empty: the quiz's own)").fill('20');
    await settings.getByRole('button', { name: 'Save changes' }).click();
    await settings.getByText(/^Saved\. Students see the new settings now/).waitFor();
    await student.page.goto(classUrl);
    const card = student.page.locator('[data-assignment]').filter({ hasText: 'Week 1 quiz' });
    expect(await card.locator('[data-card-rules]').textContent()).toBe(
      'Time limit: 20 minutes · 1 of 2 attempts left',
    );

    // Duplicate, then delete the copy: nobody has started it, and the dialog says so.
    await settings.getByRole('button', { name: 'Duplicate' }).click();
    await teacher.page.waitForURL(/notice=duplicated/);
    await teacher.page.getByRole('heading', { name: 'Week 1 quiz (copy)' }).waitFor();
    await teacher.page.getByText('Edit, duplicate or delete').click();
    await teacher.page.getByRole('button', { name: 'Delete assignment' }).click();
    const confirmCopy = teacher.page.getByRole('dialog', { name: 'Delete “Week 1 quiz (copy)”?' });
    await confirmCopy.getByText('No student has started it yet').waitFor();
    await confirmCopy.getByRole('button', { name: 'Delete assignment and its work' }).click();
    await teacher.page.waitForURL((url) => url.pathname === new URL(classUrl, 'http://x').pathname);
    expect(await teacher.page.getByRole('link', { name: 'Week 1 quiz (copy)' }).count()).toBe(0);

    // The original has submitted work: the dialog counts it, and "Keep it" keeps it.
    await teacher.page.goto(reportHref);
    await teacher.page.getByText('Edit, duplicate or delete').click();
    await teacher.page.getByRole('button', { name: 'Delete assignment' }).click();
    const confirm = teacher.page.getByRole('dialog', { name: 'Delete “Week 1 quiz”?' });
    await confirm
      .getByText(/^1 submitted attempt \(and 0 in progress\) by 1 student will be deleted/)
      .waitFor();
    expect(await axeViolations(teacher.page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await teacher.context.close();
    await student.context.close();
  });
});
