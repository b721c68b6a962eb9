import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export type AxeViolation = { id: string; impact: string; help: string; nodes: { target: string[] }[] };

/** Runs axe-core (WCAG 2.x A and AA rules) on the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    // Colours mid-transition (a button just enabled fades from its disabled shade) are not what a
    // reader sees: let running transitions finish first.
    await Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => null)));
    const axe = (
      window as unknown as {
        axe: { run: (c: unknown, o: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
}

/** The reading page, as a student uses it. */
export class ReadingPage {
  constructor(private readonly page: Page) {}

  async open(slug: string) {
    await this.page.goto(`/readings/${slug}`);
    await this.page.getByRole('heading', { level: 1 }).waitFor();
  }

  paragraph(id: string) {
    return this.page.locator(`[data-paragraph="${id}"]`);
  }

  sentence(id: string) {
    return this.page.locator(`[data-sentence="${id}"]`);
  }

  glossaryTerm(text: string) {
    return this.page.getByRole('button', { name: text, exact: true });
  }

  async highlight(sentenceId: string, note?: string) {
    const tools = this.page.getByRole('toolbar', { name: 'Reading tools' });
    await tools.getByRole('button', { name: 'Highlight & note' }).click();
    await this.sentence(sentenceId).click();
    if (note) await this.page.getByLabel('Note (optional)').fill(note);
    await this.page.getByRole('button', { name: 'Highlight', exact: true }).click();
    await this.page.getByRole('dialog').waitFor({ state: 'detached' });
    await tools.getByRole('button', { name: 'Done highlighting' }).click();
  }

  /** Scrolls a paragraph to the top and waits until the place is saved. */
  async readUpTo(paragraphId: string) {
    const before = await this.page.getByTestId('place-status').getAttribute('data-saved-place');
    await this.paragraph(paragraphId).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await this.page.mouse.wheel(0, 1);
    // A new place saved, not an earlier save still on show.
    await this.page.waitForFunction((previous) => {
      const saved = document.querySelector('[data-testid="place-status"]')?.getAttribute('data-saved-place');
      return Boolean(saved) && saved !== previous;
    }, before);
  }
}
