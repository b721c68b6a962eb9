import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export type AxeViolation = { id: string; impact: string; help: string; nodes: { target: string[] }[] };

/** Runs axe-core (WCAG 2.x A and AA rules) on the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Next.js streams a page's metadata after its content (its <title> can land after the text a
  // test waited for, on a busy machine), first in the body, then React moves it into the head as
  // it hydrates (axe once ran in between): wait for the title in the head, then look.
  await page.waitForFunction(() => Boolean(document.head.querySelector('title')?.textContent?.trim()));
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

  /**
   * Where the text and the margin notes are on screen: the space between the words of paragraphs
   * that follow each other in one section (measured on the text, since a grid row can stretch a
   * paragraph's box), and each paragraph's notes with the paragraph they belong to.
   */
  marginLayout() {
    return this.page.evaluate(() => {
      const textBox = (element: Element) => {
        const range = document.createRange();
        range.selectNodeContents(element);
        return range.getBoundingClientRect();
      };
      const paragraphs = [...document.querySelectorAll('[data-paragraph]')];
      const gaps = paragraphs.slice(1).flatMap((paragraph, i) => {
        const previous = paragraphs[i]!;
        if (previous.parentElement?.nextElementSibling !== paragraph.parentElement) return [];
        return [
          {
            after: previous.getAttribute('data-paragraph'),
            px: textBox(paragraph).top - textBox(previous).bottom,
          },
        ];
      });
      const notes = [...document.querySelectorAll('[data-margin-notes]')].map((aside) => {
        const box = aside.firstElementChild!.getBoundingClientRect();
        const paragraph = aside.parentElement!.querySelector('[data-paragraph]')!.getBoundingClientRect();
        return {
          paragraph: aside.parentElement!.querySelector('[data-paragraph]')!.getAttribute('data-paragraph'),
          top: box.top,
          bottom: box.bottom,
          left: box.left,
          paragraphTop: paragraph.top,
        };
      });
      const article = document.querySelector('article')!;
      // The right edge of the text column: paragraphs and what sits between them (guided questions).
      const columnRight = Math.max(
        ...[...article.querySelectorAll('[data-paragraph], .reading-column')].map(
          (element) => element.getBoundingClientRect().right,
        ),
      );
      return { gaps, notes, columnRight, articleBottom: article.getBoundingClientRect().bottom };
    });
  }

  /** Waits until no two paragraphs' margin notes overlap (they are placed once the page runs). */
  async marginNotesPlaced() {
    await this.page.waitForFunction(() => {
      const boxes = [...document.querySelectorAll('[data-margin-notes] > *')].map((stack) =>
        stack.getBoundingClientRect(),
      );
      return boxes.every((box, i) => i === 0 || box.top >= boxes[i - 1]!.bottom);
    });
  }
}

type MarginLayout = Awaited<ReturnType<ReadingPage['marginLayout']>>;

/**
 * What a reader of a wide screen expects of the notes in the margin: the text runs on without a
 * hole after a paragraph with long notes (no more than a line and a half between paragraphs),
 * each note sits beside the text, at or below its paragraph, none covers another, and the last
 * one ends inside the article. Answers every way the layout falls short, empty when it holds.
 */
export function marginLayoutProblems({ gaps, notes, columnRight, articleBottom }: MarginLayout): string[] {
  const problems: string[] = [];
  for (const gap of gaps)
    if (gap.px > 48) problems.push(`${Math.round(gap.px)} px of space after ${gap.after}`);
  notes.forEach((note, i) => {
    if (note.top < note.paragraphTop - 1) problems.push(`the notes of ${note.paragraph} start above it`);
    if (note.left < columnRight) problems.push(`the notes of ${note.paragraph} reach into the text column`);
    const previous = notes[i - 1];
    if (previous && note.top < previous.bottom)
      problems.push(`the notes of ${note.paragraph} cover those of ${previous.paragraph}`);
  });
  const last = notes.at(-1);
  if (last && last.bottom > articleBottom + 1) problems.push('the last notes hang below the article');
  return problems;
}
