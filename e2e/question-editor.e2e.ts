import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { QUESTION_TYPES } from '@/questions/schema';
import { setUpBrowser, uniqueEmail } from './browser';
import { AuthPages } from './pages/auth';
import { createClass } from './pages/classes';
import { QuestionBankPage, QuestionEditorPage } from './pages/question-bank';
import { axeViolations } from './pages/reading';

const browser = setUpBrowser();

/** An instructor with a class and their own copy of the Burns bank (all nine types), on its page. */
async function instructorWithBurnsCopy(label: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new AuthPages(page).signUp({
    name: 'Editor Instructor',
    email: uniqueEmail(label),
    password: 'editing questions by hand',
  });
  await page.waitForURL(/\/home$/);
  // Copying a shipped bank is for those who teach a class.
  await createClass(page, 'IR 210: Editing');
  await page.goto('/teach/readings');
  await page.getByRole('link', { name: 'Question bank' }).click();
  await page.getByRole('button', { name: 'Make my own copy' }).click();
  await page.getByRole('heading', { name: 'Your copy of the question bank' }).waitFor();
  return { context, page, bankUrl: new URL(page.url()).pathname };
}

/**
 * Presses Tab until focus is on an element matching the selector (and holding the text, when
 * given), as a keyboard user moves to a field.
 */
async function tabTo(page: Page, selector: string, text?: string, presses = 150) {
  for (let i = 0; i < presses; i++) {
    const there = await page.evaluate(
      ([s, t]) => {
        const element = document.activeElement;
        return Boolean(element?.matches(s) && (!t || element.textContent?.includes(t)));
      },
      [selector, text ?? ''] as const,
    );
    if (there) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}${text ? ` (${text})` : ''}`);
}

/** The id of the focused element ("problems" for the editor's summary of problems). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (element?.hasAttribute('data-editor-problems')) return 'problems';
    return element?.id ?? '';
  });

describe('the question editor', () => {
  it('opens every type in its forms, passes axe, saves each back unchanged, and retags many at once', async () => {
    const { context, page, bankUrl } = await instructorWithBurnsCopy('editor-types');
    const bank = new QuestionBankPage(page);
    const editor = new QuestionEditorPage(page);
    expect(await axeViolations(page), 'the bank page').toEqual([]);

    // The bank comes a page at a time: one card of each type, from whichever page it is on.
    const cards = await bank.everyCard();
    const hrefs = new Map<string, string>();
    for (const type of QUESTION_TYPES) {
      const card = cards.find((c) => c.type === type);
      expect(card, type).toBeDefined();
      if (card) hrefs.set(type, card.editHref);
    }
    for (const [type, href] of hrefs) {
      await page.goto(href);
      await editor.ready();
      expect(await axeViolations(page), type).toEqual([]);
      // The form holds the question as stored: saved without a change, the server finds none.
      expect(await editor.save(() => page.getByRole('button', { name: 'Save question' }).click()), type).toBe(
        'No changes to save.',
      );
    }

    // The sentence picker, open, passes too.
    await page.getByRole('button', { name: 'Pick evidence from the reading…' }).click();
    await page.getByRole('dialog').getByLabel('Find words in the reading').waitFor();
    expect(await axeViolations(page), 'the sentence picker').toEqual([]);
    await page.keyboard.press('Escape');

    // Retag three drafts at once.
    await page.goto(bankUrl);
    const three = (await bank.cards()).slice(0, 3).map((c) => c.id);
    for (const id of three) await bank.card(id).locator('input[data-bulk-select]').check();
    await page.locator('[data-selected-count="3"]').waitFor();
    await page.getByText('Retag ticked…').click();
    await page.locator('[data-bulk-bar]').getByLabel('Skill').selectOption({ label: 'Inference' });
    await page.locator('[data-bulk-bar]').getByLabel('Add a concept').fill('retagged together');
    await page.getByRole('button', { name: 'Apply to ticked' }).click();
    await page.locator('[data-bulk-message="success"]').waitFor();
    for (const id of three) await bank.card(id).getByText('retagged together').waitFor();
    await context.close();
    // Nine editor pages, each checked by axe: a ceiling for two busy cores, not a wait.
  }, 240_000);

  it('lists the bank 25 questions a page, each page going on where the one before stopped', async () => {
    const { context, page, bankUrl } = await instructorWithBurnsCopy('editor-pages');
    const bank = new QuestionBankPage(page);
    const total = Number(
      /(\d+) questions:/.exec((await page.getByText(/\d+ questions: \d+ approved/).textContent()) ?? '')?.[1],
    );
    expect(total).toBeGreaterThan(25);
    expect(await bank.position()).toEqual({ page: 1, pageCount: Math.ceil(total / 25) });
    const first = await bank.cards();
    expect(first).toHaveLength(25);
    expect(await axeViolations(page), 'the bank with its pager').toEqual([]);

    await bank.turn('Next');
    expect(new URL(page.url()).searchParams.get('page')).toBe('2');
    const second = await bank.cards();
    expect(second).toHaveLength(Math.min(25, total - 25));
    // Across the pages, one order: status, then the generator's quality (best first, unrated
    // last), then id. Other tests may have added rated questions to the bank this copy came from.
    const cards = [...first, ...second];
    const ids = cards.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const STATUS = { draft: 0, approved: 1, retired: 2 } as Record<string, number>;
    const expected = [...cards].sort(
      (a, b) =>
        (STATUS[a.status] ?? 3) - (STATUS[b.status] ?? 3) ||
        (b.quality ?? -1) - (a.quality ?? -1) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    expect(ids).toEqual(expected.map((c) => c.id));

    // The order and filters stay in the address from page to page.
    await page.goto(`${bankUrl}?sort=type`);
    const byType = await bank.cards();
    await bank.turn('Next');
    expect(new URL(page.url()).searchParams.get('sort')).toBe('type');
    expect(await page.locator('select[name="sort"]').inputValue()).toBe('type');
    // Drafts first, then approved (as in every order), each by type.
    const types = [...byType, ...(await bank.cards())].map((c) => `${STATUS[c.status] ?? 3} ${c.type}`);
    expect(types).toEqual([...types].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    await bank.turn('Previous');
    expect((await bank.cards()).map((c) => c.id)).toEqual(byType.map((c) => c.id));

    // A page number that is not one shows the first page; one past the last shows the last.
    await page.goto(`${bankUrl}?page=abc`);
    expect((await bank.position()).page).toBe(1);
    await page.goto(`${bankUrl}?page=999`);
    expect(await bank.position()).toEqual({ page: Math.ceil(total / 25), pageCount: Math.ceil(total / 25) });
    await context.close();
  });

  it('writes, checks and saves a question with the keyboard alone', async () => {
    const { context, page, bankUrl } = await instructorWithBurnsCopy('editor-keys');
    const editor = new QuestionEditorPage(page);
    await page.goto(`${bankUrl}/new`);
    await editor.ready();
    const keys = page.keyboard;

    await tabTo(page, '#qe-type');
    await keys.press('ArrowDown');
    expect(await page.locator('#qe-type').inputValue()).toBe('multiple-answer');
    await tabTo(page, '#qe-prompt');
    await keys.type('Which weaknesses does Burns see behind Putin’s show of strength?');
    const options = [
      { text: 'A one-dimensional economy', correct: true },
      { text: 'Sanctions that constrain him', correct: true },
      { text: 'Too many allies to keep happy', correct: false, feedback: 'Burns says the opposite.' },
      { text: 'An army too small to act', correct: false },
    ];
    for (const [index, option] of options.entries()) {
      const box = `[data-option="${'abcd'[index]}"] input[type="checkbox"]`;
      // A new question starts with option A marked correct.
      if ((await page.locator(box).isChecked()) !== option.correct) {
        await tabTo(page, box);
        await keys.press('Space');
      }
      await tabTo(page, `#qe-options-${index}-text`);
      await keys.type(option.text);
      if (option.feedback) {
        await tabTo(page, `#qe-options-${index}-feedback`);
        await keys.type(option.feedback);
      }
    }

    // Saved too early: the problems are named by field, and focus goes to their summary.
    await keys.press('Enter');
    await page.locator('[data-editor-problems]').waitFor();
    await page.waitForFunction(() => document.activeElement?.hasAttribute('data-editor-problems'));
    const problems = await page.locator('[data-editor-problems] li').allTextContents();
    expect(problems).toEqual(['Explanation: write it.', 'Evidence: give at least 1.']);
    expect(await axeViolations(page), 'the problems shown').toEqual([]);
    // A problem's link takes focus to its field.
    await tabTo(page, 'a[href="#qe-explanation"]');
    await keys.press('Enter');
    expect(await focused(page)).toBe('qe-explanation');
    await keys.type('Burns lists a one-dimensional economy and sanctions among his weaknesses.');

    // Evidence from the reading, in the picker dialog.
    await tabTo(page, '#qe-evidence');
    await keys.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Find words in the reading').waitFor();
    // The picker opens with focus in its search box.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe(
      'search',
    );
    await keys.type('one-dimensional economy');
    await dialog.locator('[data-sentence-option]').first().waitFor();
    await tabTo(page, '[data-sentence-option]');
    await keys.press('Space');
    await dialog.getByText('1 picked').waitFor();
    await keys.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await focused(page)).toBe('qe-evidence');
    expect(await page.locator('[data-evidence-list] li').count()).toBe(1);
    expect(await page.locator('[data-editor-problems]').count()).toBe(0);

    // Tags: skill, difficulty and a concept.
    await tabTo(page, '#qe-skill');
    await keys.press('ArrowDown');
    await keys.press('ArrowDown');
    expect(await page.locator('#qe-skill').inputValue()).toBe('evidence');
    await tabTo(page, 'input[name="difficulty"]:checked');
    await keys.press('ArrowRight');
    await tabTo(page, '#qe-concepts-add');
    await keys.press('Enter');
    expect(await focused(page)).toBe('qe-concepts-0');
    await keys.type('economic weakness');

    await tabTo(page, 'form[data-question-editor] button[type="submit"]');
    await keys.press('Enter');
    await page.waitForURL(/\/questions\/[^/?]+\?added=1$/);
    await editor.ready();

    // Opened again, the form shows what was written.
    expect(await page.locator('#qe-prompt').inputValue()).toBe(
      'Which weaknesses does Burns see behind Putin’s show of strength?',
    );
    for (const [index, option] of options.entries()) {
      expect(await page.locator(`#qe-options-${index}-text`).inputValue()).toBe(option.text);
      expect(await page.locator(`[data-option="${'abcd'[index]}"] input[type="checkbox"]`).isChecked()).toBe(
        option.correct,
      );
    }
    expect(await page.locator('#qe-options-2-feedback').inputValue()).toBe('Burns says the opposite.');
    expect(await page.locator('#qe-skill').inputValue()).toBe('evidence');
    expect(
      await page.locator('input[name="difficulty"]:checked').evaluate((e) => e.parentElement?.textContent),
    ).toBe('Hard');
    expect(await page.locator('#qe-concepts-0').inputValue()).toBe('economic weakness');

    // Edited and approved, still by keys: the change is saved, then approved.
    await tabTo(page, '#qe-prompt');
    await keys.press('End');
    await keys.type(' Tick every one.');
    await tabTo(page, 'form[data-question-editor] button[type="submit"]');
    expect(await editor.save(() => keys.press('Enter'))).toBe('Question saved.');
    await tabTo(page, 'form[data-question-editor] button', 'Save and approve');
    expect(await editor.save(() => keys.press('Enter'))).toBe('Approved: students can now see it.');
    await context.close();
  }, 240_000);
});
