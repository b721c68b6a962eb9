import type { Page } from 'playwright-core';

export type BankCard = {
  id: string;
  type: string;
  status: string;
  quality: number | null;
  /** Its editor's address. */
  editHref: string;
};

/** A reading's question bank page, as an instructor reviews it. */
export class QuestionBankPage {
  constructor(private readonly page: Page) {}

  card(id: string) {
    return this.page.locator(`[data-bank-question="${id}"]`);
  }

  /** The cards of this page as listed (best estimated quality first), read from their data attributes. */
  async cards(): Promise<BankCard[]> {
    return this.page.locator('[data-bank-question]').evaluateAll((elements) =>
      elements.map((element) => {
        const data = (element as HTMLElement).dataset;
        const edit = [...element.querySelectorAll('a')].find((a) => a.textContent?.startsWith('Edit'));
        return {
          id: data.bankQuestion ?? '',
          type: data.type ?? '',
          status: data.status ?? '',
          quality: data.quality ? Number(data.quality) : null,
          editHref: edit?.getAttribute('href') ?? '',
        };
      }),
    );
  }

  /** The bank's pager (absent when everything fits on one page). */
  pager() {
    return this.page.getByRole('navigation', { name: 'Question pages' });
  }

  /** Which page is shown, of how many (1 of 1 when the bank has no pager). */
  async position(): Promise<{ page: number; pageCount: number }> {
    if (!(await this.pager().count())) return { page: 1, pageCount: 1 };
    const text = (await this.pager().locator('[aria-current="page"]').textContent()) ?? '';
    const [, page, pageCount] = /Page (\d+) of (\d+)/.exec(text) ?? [];
    return { page: Number(page), pageCount: Number(pageCount) };
  }

  /** Follows the pager's Previous or Next link and waits until that page is the one shown. */
  async turn(link: 'Previous' | 'Next') {
    const { page } = await this.position();
    await this.pager().getByRole('link', { name: link, exact: true }).click();
    const to = link === 'Next' ? page + 1 : page - 1;
    await this.pager().locator(`[aria-current="page"][data-page="${to}"]`).waitFor();
  }

  /** Every card of the bank, from this page to the last, following Next; ends on the last page. */
  async everyCard(): Promise<BankCard[]> {
    const all = await this.cards();
    for (let at = await this.position(); at.page < at.pageCount; at = await this.position()) {
      await this.turn('Next');
      all.push(...(await this.cards()));
    }
    return all;
  }

  /** Asks for drafts and waits until the background job says it is done. */
  async generate(timeout = 180_000) {
    await this.page.getByRole('button', { name: 'Generate questions' }).click();
    await this.page.locator('[data-generation-status="done"]').waitFor({ timeout });
  }

  /** Ticks the cards' checkboxes and presses a button of the bulk bar; waits for its answer. */
  async bulk(ids: string[], button: 'Approve ticked' | 'Reject ticked' | 'Back to draft') {
    for (const id of ids) await this.card(id).locator('input[data-bulk-select]').check();
    await this.page.locator(`[data-selected-count="${ids.length}"]`).waitFor();
    await this.page.getByRole('button', { name: button }).click();
    await this.page.locator('[data-bulk-message="success"]').waitFor();
  }

  async editHref(id: string): Promise<string> {
    return (await this.card(id).getByRole('link', { name: 'Edit this question' }).getAttribute('href')) ?? '';
  }
}

/** The question editor (edit and write pages). */
export class QuestionEditorPage {
  constructor(private readonly page: Page) {}

  /** Waits until React runs the form: its save button is disabled until then. */
  async ready() {
    await this.page.locator('form[data-question-editor] button[type="submit"]:not([disabled])').waitFor();
  }

  /**
   * Does what sends a save (a click, a key), and answers what the server said to it, or what the
   * form's own check found (then nothing was sent).
   */
  async save(send: () => Promise<void>): Promise<string> {
    const line = this.page.locator('[data-editor-message]');
    const before = Number(await line.getAttribute('data-save-count'));
    await send();
    const answered = this.page.locator(`[data-editor-message][data-save-count="${before + 1}"]`);
    await answered.or(this.page.locator('[data-editor-problems]')).first().waitFor({ timeout: 60_000 });
    if (!(await answered.count()))
      return `Not sent: ${await this.page.locator('[data-editor-problems]').textContent()}`;
    return (await line.textContent()) ?? '';
  }

  /** Opens a sentence picker, finds sentences by their words and ticks the first match, then closes it. */
  async pick(openLabel: string | RegExp, words: string) {
    await this.page.getByRole('button', { name: openLabel }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('Find words in the reading').fill(words);
    await dialog.locator('[data-sentence-option]').first().check();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
}
