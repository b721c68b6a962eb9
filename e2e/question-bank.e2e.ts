import { describe, expect, it } from 'vitest';
import { setUpBrowser, uniqueEmail } from './browser';
import { AuthPages } from './pages/auth';

const browser = setUpBrowser();

const ESSAY = `# Sanctions and Their Limits ${Date.now()}

## Why sanctions work

Sanctions work best when many countries apply them together, because a target cannot simply move its trade to a partner who refuses to join. The European Union and the United States coordinated financial sanctions on Russia in 2014 after the annexation of Crimea.

Coordinated sanctions also send a political signal. They show the target that its conduct has united its rivals, which raises the cost of further aggression.

## Why sanctions fail

Sanctions fail when they are unilateral, because companies in other countries fill the gap. Iran kept selling oil to China during the years of American sanctions, so the pressure on its economy was weaker than planned.

Sanctions also hurt ordinary citizens more than elites, who can shelter their wealth abroad. That is why some economists argue for targeted measures against the assets of officials and their families.`;

describe('the question bank', () => {
  it('generates drafts that students never see until approved, and guided mode opens sections as questions are answered', async () => {
    const instructor = await browser.newContext();
    const page = await instructor.newPage();
    await new AuthPages(page).signUp({
      name: 'Bank Instructor',
      email: uniqueEmail('bank'),
      password: 'reviewing every question',
    });
    await page.waitForURL(/\/home$/);
    await page.goto('/teach/readings/new');
    await page.getByLabel('Essay text').fill(ESSAY);
    await page.getByLabel('Markdown').check();
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.waitForURL(/\/teach\/readings\/[0-9a-f-]{36}$/);
    const editUrl = page.url();
    await page.getByLabel(/Guided mode/).check();
    await page.getByRole('button', { name: 'Save details' }).click();
    await page.getByText('Details saved.').waitFor();
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Published: every student can now open it.').waitFor();
    const readingHref = (await page
      .getByRole('link', { name: 'Preview as a student' })
      .getAttribute('href'))!;

    await page.getByRole('link', { name: 'Question bank' }).click();
    await page.getByRole('button', { name: 'Generate questions' }).click();
    // Generation runs in the background; the page follows the job until it is done.
    await page.locator('[data-generation-status="done"]').waitFor({ timeout: 60_000 });
    const report = (await page.locator('[data-generation-status="done"]').textContent())?.replace(
      /^Done\.\s*/,
      '',
    );
    // Several drafts from 130 words (ten or more until 7 December, when a "why" kept both as a
    // short answer and with choices became one question).
    const drafts = Number(report?.match(/^(\d+)/)?.[1]);
    expect(drafts).toBeGreaterThanOrEqual(5);

    // A student sees the reading with no guided questions: nothing is approved yet.
    const student = await browser.newContext();
    const studentPage = await student.newPage();
    await new AuthPages(studentPage).signUp({
      name: 'Bank Student',
      email: uniqueEmail('bank-student'),
      password: 'reading closely every day',
    });
    await studentPage.waitForURL(/\/home$/);
    await studentPage.goto(readingHref);
    expect(await studentPage.locator('[data-guided-question]').count()).toBe(0);
    expect(await studentPage.getByRole('heading', { name: 'Why sanctions fail' }).count()).toBe(1);

    // Approve one choice question on the first section; reject another question there.
    await page.goto(page.url().split('?')[0]!);
    const firstSection = await page.locator('[data-bank-question]').evaluateAll((els) =>
      els
        .filter((el) =>
          [...el.querySelectorAll('[data-evidence]')].every((e) =>
            /^p[12]\./.test((e as HTMLElement).dataset.evidence ?? ''),
          ),
        )
        .map((el) => ({
          id: (el as HTMLElement).dataset.bankQuestion!,
          type: (el as HTMLElement).dataset.type,
        })),
    );
    const approved = firstSection.find((q) => q.type === 'true-false' || q.type === 'multiple-choice')?.id;
    const rejected = firstSection.find((q) => q.id !== approved)?.id;
    expect(approved && rejected).toBeTruthy();
    if (!approved || !rejected) return;
    await page.locator(`[data-bank-question="${approved}"]`).getByRole('button', { name: 'Approve' }).click();
    await page.locator(`[data-bank-question="${approved}"]`).getByText('approved', { exact: true }).waitFor();
    await page.locator(`[data-bank-question="${rejected}"]`).getByRole('button', { name: 'Reject' }).click();
    await page.locator(`[data-bank-question="${rejected}"]`).getByText('retired', { exact: true }).waitFor();

    // Guided mode: the second section stays closed until the first section's question is answered.
    await studentPage.goto(readingHref);
    const question = studentPage.locator(`[data-guided-question="${approved}"]`);
    await question.waitFor();
    expect(await studentPage.locator(`[data-guided-question="${rejected}"]`).count()).toBe(0);
    expect(await studentPage.getByRole('heading', { name: 'Why sanctions fail' }).count()).toBe(0);
    await studentPage.getByText('1 more section opens when you answer the question above.').waitFor();
    await question.locator('input[type=radio]').first().check();
    await question.getByRole('button', { name: 'Check answer' }).click();
    await question.getByRole('status').waitFor();
    await studentPage.getByRole('heading', { name: 'Why sanctions fail' }).waitFor();

    // Only the reading's creator manages its bank.
    expect((await studentPage.goto(`${editUrl}/questions`))?.status()).toBe(404);
    await instructor.close();
    await student.close();
  });
});
