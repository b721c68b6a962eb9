import { describe, expect, it } from 'vitest';
import { setUpBrowser, uniqueEmail } from './browser';
import { AuthPages } from './pages/auth';
import { ReadingPage } from './pages/reading';

const browser = setUpBrowser();

describe('an instructor pastes a term list into a reading’s glossary', () => {
  it('previews found, missing, duplicate and unreadable lines, adds on confirming, and the student sees the term', async () => {
    const instructor = await browser.newContext();
    const page = await instructor.newPage();
    await new AuthPages(page).signUp({
      name: 'Tomas Teacher',
      email: uniqueEmail('terms'),
      password: 'glossaries for every reading',
    });
    await page.waitForURL(/\/home$/);
    await page.goto('/teach/readings/new');
    const title = `Coercion Short of War ${Date.now()}`;
    await page
      .getByLabel('Essay text')
      .fill(
        [
          title,
          'Economic statecraft leans on trade. Washington imposed sanctions on the regime in 2012, and the currency fell by half.',
          'A blockade is harsher: it closes the ports by force, and most lawyers call it an act of war.',
        ].join('\n\n'),
      );
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.waitForURL(/\/teach\/readings\/[0-9a-f-]{36}$/);

    // "blockade" is in the glossary already, with a definition the list will replace.
    await page.locator('#new-term').fill('blockade');
    await page.locator('#new-definition').fill('A first, rough definition.');
    await page.getByRole('button', { name: 'Add term' }).click();
    await page.getByText('Term added.').waitFor();

    // Too long a list is refused with a message, and nothing is previewed.
    const tooLong = Array.from({ length: 501 }, (_, i) => `term ${i}\tdefinition ${i}`).join('\n');
    await page.getByLabel(/^Term list/).fill(tooLong);
    await page.getByRole('button', { name: 'Preview terms' }).click();
    await page.getByText('The list has 501 lines; paste at most 500 at a time.').waitFor();
    expect(await page.locator('[data-term-preview]').count()).toBe(0);

    await page
      .getByLabel(/^Term list/)
      .fill(
        [
          'sanction\tA penalty a state imposes on another to change its conduct.',
          'soft power\tGetting others to want what you want, by attraction rather than force.',
          'Blockade\tClosing an enemy’s ports and coast by naval force.',
          'gunboat diplomacy without any separator',
        ].join('\n'),
      );
    await page.getByRole('button', { name: 'Preview terms' }).click();
    const preview = page.locator('[data-term-preview]');
    await preview.waitFor();
    expect(await preview.locator('[data-term-counts]').textContent()).toBe(
      '2 found in the text · 1 not in the text · 1 already in the glossary · 1 line could not be read',
    );
    const sanction = preview.locator('[data-term-row="sanction"]');
    expect(await sanction.textContent()).toMatch(/Paragraph 1, sentence 2:.*imposed sanctions on the regime/);
    expect(await sanction.locator('strong').textContent()).toBe('sanctions');
    expect(await preview.locator('[data-term-row="soft power"]').textContent()).toMatch(/Not in the text/);
    expect(await preview.locator('[data-term-row="Blockade"]').textContent()).toMatch(
      /Already in the glossary: “A first, rough definition.”.*Paragraph 2, sentence 1/,
    );
    expect(await preview.locator('[data-term-problems]').textContent()).toMatch(
      /Line 4: No separator: expected the term, a tab, then the definition\./,
    );
    await preview.screenshot({ path: '/tmp/statecraft-term-list-preview.png' });

    await preview.getByLabel('Replace their definitions').check();
    await preview.getByRole('button', { name: 'Add the terms found' }).click();
    await page.getByText('1 term added; 1 definition replaced; 1 not in the text left out.').waitFor();
    // The glossary editor lists the new term with the form found in the text as another form.
    await page.locator('input[name="term"][value="sanction"]').waitFor();
    expect(await page.locator('input[name="term"][value="soft power"]').count()).toBe(0);

    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Published: every student can now open it.').waitFor();

    const student = await browser.newContext();
    const studentPage = await student.newPage();
    await new AuthPages(studentPage).signUp({
      name: 'Rosa Reader',
      email: uniqueEmail('rosa'),
      password: 'reading closely every day',
    });
    await studentPage.waitForURL(/\/home$/);
    await studentPage.goto('/readings');
    await studentPage.getByRole('link', { name: title }).click();
    await studentPage.getByRole('heading', { name: title }).waitFor();
    const reading = new ReadingPage(studentPage);
    await reading.glossaryTerm('sanctions').hover();
    await studentPage.getByRole('tooltip').filter({ hasText: 'A penalty a state imposes' }).waitFor();
    await reading.glossaryTerm('blockade').focus();
    await studentPage.getByRole('tooltip').filter({ hasText: 'by naval force' }).waitFor();
    await instructor.close();
    await student.close();
  });
});
