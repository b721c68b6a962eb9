import { describe, expect, it } from 'vitest';
import { setUpBrowser, uniqueEmail } from './browser';
import { AuthPages } from './pages/auth';
import { burnsBank, QuizPage } from './pages/quiz';
import { axeViolations } from './pages/reading';

const browser = setUpBrowser();
const bank = burnsBank();

describe('taking the Burns quiz', () => {
  it('answers every question, survives a reload in the middle, and sees graded feedback that points into the text', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await new AuthPages(page).signUp({
      name: 'Quiz Student',
      email: uniqueEmail('quiz'),
      password: 'answers with evidence',
    });
    await page.waitForURL(/\/home$/);
    await page.goto('/readings/burns-lead-with-diplomacy');
    await page.getByRole('link', { name: 'Take the quiz' }).click();
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    await page.waitForURL(/\/attempts\/[0-9a-f-]{36}$/);
    const attemptUrl = page.url();

    const quiz = new QuizPage(page);
    expect(await axeViolations(page)).toEqual([]);
    const total = Number(
      (await page.getByRole('heading', { name: /Question 1 of/ }).textContent())?.match(/of (\d+)/)?.[1],
    );
    expect(total).toBe(12);
    const seen: string[] = [];
    for (let i = 0; i < total; i++) {
      const id = await quiz.currentQuestionId();
      seen.push(id);
      await quiz.answerCorrectly(bank.get(id)!);
      if (i === 0) await page.getByLabel('Sure', { exact: true }).check();
      if (i === 2) {
        await page.getByLabel(/Flag this question/).check();
        await page.locator('[data-flag-toggle]').getByText('Flagged to come back to').waitFor();
      }
      await quiz.waitUntilSaved();
      if (i === 5) {
        // Halfway: reload. Nothing is lost, and the attempt resumes at the first open question.
        await page.reload();
        await quiz.card().waitFor();
        expect(await page.getByRole('heading', { name: 'Question 7 of 12' }).isVisible()).toBe(true);
        expect(await page.getByRole('button', { name: /Question 6, answered/ }).count()).toBe(1);
        expect(await page.getByRole('button', { name: /Question 3, answered, flagged/ }).count()).toBe(1);
        await page.getByRole('button', { name: /Question 6, answered/ }).click();
        if (bank.get(seen[5]!)!.type === 'short-answer') {
          expect(await quiz.card().getByRole('textbox').inputValue()).toBe(
            (bank.get(seen[5]!) as { modelAnswer: string }).modelAnswer,
          );
        }
      }
      if (i < total - 1) await quiz.next();
    }
    expect(new Set(seen).size).toBe(12);

    await page.getByRole('button', { name: 'Review and submit' }).last().click();
    await page.getByText(/You have answered 12 of 12 questions\. Flagged for review: question 3\./).waitFor();
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await page.waitForURL(/\/results$/);
    const score = Number((await page.getByTestId('score').textContent())?.replace('%', ''));
    expect(score).toBeGreaterThanOrEqual(85);
    expect(await page.getByRole('heading', { name: 'By skill' }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.getByText('Sure: 1 answer, 100% fully right').isVisible()).toBe(true);

    // Feedback points back to the sentence in the text.
    const coalitions = page.locator('[data-result-question="burns-why-coalitions"]');
    expect(await coalitions.getByText('You made these points:').isVisible()).toBe(true);
    await coalitions.getByRole('link', { name: 'Show in the text' }).click();
    await page.waitForURL(/\/readings\/burns-lead-with-diplomacy\?evidence=/);
    expect(await page.locator('[data-sentence="p9.s1"]').getAttribute('class')).toMatch(/bg-sky/);
    // The paragraph carries the number the explanation cites, and the way back leads to this answer.
    const paragraph = page
      .locator('p[data-paragraph]')
      .filter({ has: page.locator('[data-sentence="p9.s1"]') });
    expect(await paragraph.getAttribute('data-paragraph-number')).toBe('9');
    expect((await paragraph.textContent())?.startsWith('Paragraph 9.')).toBe(true);
    await page.getByRole('link', { name: '← Back to results' }).click();
    await page.waitForURL(/\/results#q-burns-why-coalitions$/);

    // The attempt is closed: its page now shows the results, and a second submit changes nothing.
    await page.goto(attemptUrl);
    await page.waitForURL(/\/results$/);
    const again = await context.request.post(
      `${attemptUrl.replace(/.*\/attempts\//, '/api/attempts/')}/submit`,
      { data: {} },
    );
    expect(again.status()).toBe(200);
    expect(Math.round((await again.json()).attempt.score * 100)).toBe(score);
    await context.close();
  });

  it('keeps answers from two tabs and refuses bad answers over the API with a 4xx', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await new AuthPages(page).signUp({
      name: 'Two Tabs',
      email: uniqueEmail('tabs'),
      password: 'answers with evidence',
    });
    await page.waitForURL(/\/home$/);
    await page.goto('/readings/burns-lead-with-diplomacy');
    const quizHref = await page.getByRole('link', { name: 'Take the quiz' }).getAttribute('href');
    const quizId = quizHref!.split('/').pop()!;
    const start = await context.request.post(`/api/quizzes/${quizId}/attempts`, { data: {} });
    expect(start.status()).toBe(200);
    const { attempt } = await start.json();

    const first = attempt.questionIds[0];
    const put = (questionId: string, body: unknown) =>
      context.request.put(`/api/attempts/${attempt.id}/responses/${questionId}`, { data: body });
    expect(
      (await put(first, { response: { type: 'short-answer', text: 'wrong type' }, clientSeq: 1 })).status(),
    ).toBe(400);
    expect((await put('not-a-question', { response: null, clientSeq: 2 })).status()).toBe(400);
    expect((await put(first, { response: 'garbage', clientSeq: 3 })).status()).toBe(400);
    const invalidJson = await context.request.put(`/api/attempts/${attempt.id}/responses/${first}`, {
      headers: { 'content-type': 'application/json' },
      data: '{not json',
    });
    expect(invalidJson.status()).toBe(400);

    // Two tabs of the same attempt: the later answer wins, and both see it after a reload.
    const tabA = await context.newPage();
    const tabB = await context.newPage();
    await tabA.goto(`/quizzes/${quizId}/attempts/${attempt.id}`);
    await tabB.goto(`/quizzes/${quizId}/attempts/${attempt.id}`);
    const q = bank.get(first)!;
    await new QuizPage(tabA).answerCorrectly(q);
    await new QuizPage(tabA).waitUntilSaved();
    await tabB.reload();
    await new QuizPage(tabB).card().waitFor();
    expect(await tabB.getByRole('button', { name: /Question 1, answered/ }).count()).toBe(1);

    // Another student cannot touch the attempt.
    const stranger = await browser.newContext();
    const strangerPage = await stranger.newPage();
    await new AuthPages(strangerPage).signUp({
      name: 'Stranger',
      email: uniqueEmail('stranger'),
      password: 'answers with evidence',
    });
    await strangerPage.waitForURL(/\/home$/);
    expect(
      (
        await stranger.request.put(`/api/attempts/${attempt.id}/responses/${first}`, {
          data: { response: null, clientSeq: 9 },
        })
      ).status(),
    ).toBe(404);
    expect((await strangerPage.goto(`/quizzes/${quizId}/attempts/${attempt.id}`))?.status()).toBe(404);
    const anonymous = await browser.newContext();
    expect((await anonymous.request.post(`/api/attempts/${attempt.id}/submit`, { data: {} })).status()).toBe(
      401,
    );
    await Promise.all([context.close(), stranger.close(), anonymous.close()]);
  });
});
