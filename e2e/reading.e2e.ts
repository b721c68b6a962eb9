import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { setUpBrowser, uniqueEmail } from './browser';
import { AuthPages } from './pages/auth';
import { axeViolations, marginLayoutProblems, ReadingPage } from './pages/reading';
import { root } from './server';

const browser = setUpBrowser();
const BURNS = 'burns-lead-with-diplomacy';

async function signedInStudent(
  options: { viewport?: { width: number; height: number }; colorScheme?: 'light' | 'dark' } = {},
) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await new AuthPages(page).signUp({
    name: 'Reader Student',
    email: uniqueEmail('reader'),
    password: 'reading closely every day',
  });
  await page.waitForURL(/\/home$/);
  return { context, page };
}

describe('reading the Burns essay', () => {
  it('shows the essay without the web-page debris, with sections, reading time and context notes', async () => {
    const { context, page } = await signedInStudent();
    const reading = new ReadingPage(page);
    await reading.open(BURNS);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Lead with Diplomacy/);
    expect(await page.locator('[data-paragraph]').count()).toBe(16);
    const body = (await page.locator('[data-paragraph]').allTextContents()).join('\n');
    expect(body).not.toMatch(/More >|originally published|was president of the Carnegie Endowment/);
    expect(await page.getByText('William J. Burns · The New York Times · April 2018').isVisible()).toBe(true);
    expect(await page.getByText(/4 min read/).isVisible()).toBe(true);
    const outline = page.getByRole('navigation', { name: 'Sections' });
    expect(await outline.getByRole('link').count()).toBe(5);
    expect(await page.getByText('About the author').isVisible()).toBe(true);
    await context.close();
  });

  it('explains glossary terms on hover and on keyboard focus, and Escape hides the definition', async () => {
    const { context, page } = await signedInStudent();
    const reading = new ReadingPage(page);
    await reading.open(BURNS);
    const term = reading.glossaryTerm('revanchism');
    await term.hover();
    const tip = page.getByRole('tooltip').filter({ hasText: 'winning back lost territory' });
    await tip.waitFor();
    await page.mouse.move(0, 0);
    await tip.waitFor({ state: 'hidden' });

    await reading.glossaryTerm('grand bargain').focus();
    await page.getByRole('tooltip').filter({ hasText: 'comprehensive deal' }).waitFor();
    expect(await reading.glossaryTerm('grand bargain').getAttribute('aria-describedby')).toBeTruthy();
    await page.keyboard.press('Escape');
    await page.getByRole('tooltip').filter({ hasText: 'comprehensive deal' }).waitFor({ state: 'hidden' });
    await context.close();
  });

  it('keeps highlights and the place across a visit, and removes a highlight', async () => {
    const { context, page } = await signedInStudent();
    const reading = new ReadingPage(page);
    await reading.open(BURNS);
    await reading.highlight('p9.s1', 'Loneliness is the weak spot');
    expect(await reading.sentence('p9.s1').getAttribute('class')).toMatch(/bg-amber/);
    await reading.readUpTo('p12');

    // Leave, then come back in a new tab.
    await page.goto('/home');
    expect(await page.getByText('Keep reading').isVisible()).toBe(true);
    const again = await context.newPage();
    const back = new ReadingPage(again);
    await back.open(BURNS);
    await again.getByText('Welcome back: you are where you left off.').waitFor();
    const top = await back.paragraph('p12').evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(-5);
    expect(top).toBeLessThan(400);
    expect(await back.sentence('p9.s1').getAttribute('class')).toMatch(/bg-amber/);
    const outline = again.getByRole('navigation', { name: 'Sections' });
    expect(await outline.getByText('(read)').count()).toBeGreaterThanOrEqual(3);

    // On paper: no site menu or outline, the highlight keeps its colour and its note is printed.
    await again.emulateMedia({ media: 'print' });
    expect(await again.getByRole('banner').isVisible()).toBe(false);
    expect(await outline.isVisible()).toBe(false);
    expect(await again.locator('[data-print-note]').textContent()).toBe(
      ' [Note: Loneliness is the weak spot]',
    );
    expect(await again.locator('[data-print-note]').isVisible()).toBe(true);
    expect(await back.sentence('p9.s1').evaluate((el) => getComputedStyle(el).printColorAdjust)).toBe(
      'exact',
    );
    await again.emulateMedia({ media: 'screen' });

    await again.getByRole('button', { name: /My highlights \(1\)/ }).click();
    await again.getByText('Note: Loneliness is the weak spot', { exact: true }).waitFor();
    await again.getByRole('button', { name: 'Remove this highlight' }).click();
    await again.getByRole('button', { name: /My highlights \(0\)/ }).waitFor();
    await again.reload();
    expect(await new ReadingPage(again).sentence('p9.s1').getAttribute('class')).not.toMatch(/bg-amber/);
    await context.close();
  });

  it('lets a keyboard user highlight a sentence', async () => {
    const { context, page } = await signedInStudent();
    const reading = new ReadingPage(page);
    await reading.open(BURNS);
    await page.getByRole('button', { name: 'Highlight & note' }).click();
    await reading.sentence('p1.s1').focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Note (optional)').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('annotation-note');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await reading.sentence('p1.s1').getAttribute('aria-pressed')).toBe('true');
    await context.close();
  });

  it('answers a guided question in place, retries it, and follows the feedback back to the text', async () => {
    const { context, page } = await signedInStudent();
    await new ReadingPage(page).open(BURNS);
    const question = page.locator('[data-guided-question="burns-why-coalitions"]');
    await question.getByRole('textbox').fill('Coalitions are faster and easier than acting alone.');
    await question.getByRole('button', { name: 'Check answer' }).click();
    await question.getByRole('status').getByText('Not yet').waitFor();
    await question
      .getByRole('textbox')
      .fill(
        'Putin is diplomatically lonely, with no web of alliances, so working with allies exposes his weakness. Coalitions are slower and harder, but their effects last longer and work better.',
      );
    await question.getByRole('button', { name: 'Check answer' }).click();
    await question
      .getByRole('status')
      .getByText(/Correct|Partly correct/)
      .waitFor();
    expect(await question.getByText('You made these points:').isVisible()).toBe(true);

    await question.getByRole('link', { name: 'Show in the text' }).click();
    await page.waitForURL(/evidence=/);
    const evidence = new URL(page.url()).searchParams.get('evidence')!.split(',');
    expect(evidence.length).toBeGreaterThan(0);
    const marked = new ReadingPage(page).sentence(evidence[0]!);
    await marked.getByText('Evidence for the question:').waitFor({ state: 'attached' });
    expect(await marked.getAttribute('class')).toMatch(/bg-sky/);
    const box = await marked.boundingBox();
    expect(box && box.y >= 0 && box.y < 1000).toBe(true);

    // The answer is remembered on the next visit.
    await page.goto(`/readings/${BURNS}`);
    await page
      .locator('[data-guided-question="burns-why-coalitions"]')
      .getByText(/You answered this before \(2 tries/)
      .waitFor();
    await context.close();
  });

  it('notices a guided answer written for another guided question of the reading, and names it', async () => {
    const { context, page } = await signedInStudent();
    await new ReadingPage(page).open(BURNS);
    const question = page.locator('[data-guided-question="burns-why-sanctions"]');
    await question
      .getByRole('textbox')
      .fill(
        'Putin is diplomatically lonely, with no web of alliances, so working with allies exposes his weakness. Coalitions are slower and harder, but their effects last longer and work better.',
      );
    await question.getByRole('button', { name: 'Check answer' }).click();
    const other = question.getByRole('status').locator('[data-other-question]');
    await other.waitFor();
    expect(await other.textContent()).toContain('work in coalitions');
    expect(await question.getByRole('status').locator('[data-provisional]').textContent()).toContain(
      'another of these questions',
    );
    await context.close();
  });

  it('has no axe-core violations, in light and dark mode and on a phone', async () => {
    for (const options of [
      { colorScheme: 'light' as const },
      { colorScheme: 'dark' as const },
      { colorScheme: 'light' as const, viewport: { width: 390, height: 844 } },
    ]) {
      const { context, page } = await signedInStudent(options);
      await new ReadingPage(page).open(BURNS);
      const violations = await axeViolations(page);
      expect(violations, JSON.stringify({ options, violations }, null, 2)).toEqual([]);
      await context.close();
    }
  });

  it("shows each student a guided question's options in an order of their own, the same on every visit", async () => {
    const authored = JSON.parse(
      readFileSync(path.join(root, 'content', BURNS, 'questions.json'), 'utf8'),
    ) as { questions: { id: string; type: string; options?: { id: string }[] }[] };
    const choices = authored.questions.filter((q) =>
      ['burns-skripal-message', 'burns-biggest-vulnerability', 'burns-vocab-impunity'].includes(q.id),
    );
    expect(choices.map((q) => q.type)).toEqual(['multiple-choice', 'multiple-choice', 'multiple-choice']);
    const { context, page } = await signedInStudent();
    const reading = new ReadingPage(page);
    const shown = async () => {
      const order: Record<string, string[]> = {};
      for (const q of choices)
        order[q.id] = await page
          .locator(`[data-guided-question="${q.id}"] input[type="radio"]`)
          .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
      return order;
    };
    await reading.open(BURNS);
    const first = await shown();
    for (const q of choices) expect([...first[q.id]!].sort()).toEqual(q.options!.map((o) => o.id).sort());
    // Shuffled: with three questions of four options, all three in the written order (the key
    // first) happens by chance once in 24^3 = 13,824 students.
    expect(choices.some((q) => first[q.id]!.join() !== q.options!.map((o) => o.id).join())).toBe(true);
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await shown()).toEqual(first);
    await context.close();
  });

  it('keeps long context notes in the margin without leaving a gap in the text', async () => {
    const { context, page } = await signedInStudent({ viewport: { width: 1280, height: 900 } });
    const reading = new ReadingPage(page);
    await reading.open(BURNS);
    await reading.marginNotesPlaced();
    const layout = await reading.marginLayout();
    expect(layout.notes.map((n) => n.paragraph)).toEqual(['p1', 'p4', 'p8', 'p10', 'p14']);
    expect(marginLayoutProblems(layout)).toEqual([]);
    await context.close();
  });

  it('brings a section or a sentence reached by a link into view below the sticky bars, not under them', async () => {
    const { context, page } = await signedInStudent({ viewport: { width: 1280, height: 800 } });
    await new ReadingPage(page).open(BURNS);
    /** The target's top, and the lowest edge of any bar stuck to the top of the window above it. */
    const clearance = (selector: string) =>
      page.evaluate((sel) => {
        const target = document.querySelector(sel)!.getBoundingClientRect();
        let barsBottom = 0;
        for (const el of document.querySelectorAll('body *')) {
          const { position } = getComputedStyle(el);
          if (position !== 'sticky' && position !== 'fixed') continue;
          const bar = el.getBoundingClientRect();
          // A bar across the top of the window, over the target's column (not the side outline).
          if (bar.height === 0 || bar.top > 120 || bar.height > window.innerHeight / 3) continue;
          if (bar.right <= target.left || bar.left >= target.right) continue;
          barsBottom = Math.max(barsBottom, bar.bottom);
        }
        return { top: Math.round(target.top), barsBottom: Math.round(barsBottom) };
      }, selector);
    const clearOfBars = async (selector: string) => {
      await expect
        .poll(async () => {
          const { top, barsBottom } = await clearance(selector);
          return barsBottom > 0 && top >= barsBottom && top < 400;
        })
        .toBe(true);
    };
    const sectionLink = page.getByRole('navigation', { name: 'Sections' }).getByRole('link').nth(3);
    const sectionTarget = (await sectionLink.getAttribute('href'))!;
    await sectionLink.click();
    await clearOfBars(`[id="${sectionTarget.slice(1)}"]`);
    await page.evaluate(() => {
      window.location.hash = '#s-p12-s1';
    });
    await clearOfBars('#s-p12-s1');
    await context.close();
  });

  it('fits a phone screen and prints without the tools', async () => {
    const { context, page } = await signedInStudent({ viewport: { width: 390, height: 844 } });
    await new ReadingPage(page).open(BURNS);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await page.getByText('Sections', { exact: true }).first().isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('toolbar', { name: 'Reading tools' }).isVisible()).toBe(false);
    expect(await page.locator('[data-paragraph="p16"]').isVisible()).toBe(true);
    await context.close();
  });
});

describe('an instructor turns another essay into a reading', () => {
  it('pastes, adjusts sections, adds a glossary term and a note, publishes, and a student reads it', async () => {
    const instructor = await browser.newContext();
    const page = await instructor.newPage();
    await new AuthPages(page).signUp({
      name: 'Ina Instructor',
      email: uniqueEmail('instructor'),
      password: 'teaching realism to sophomores',
    });
    await page.waitForURL(/\/home$/);
    await page.goto('/teach/readings/new');
    const title = `The Case for Deterrence ${Date.now()}`;
    await page
      .getByLabel('Essay text')
      .fill(
        [
          title,
          'Jane Q. Analyst\nJane Q. Analyst is a fellow at the Institute for Strategy.\nMore >',
          'Deterrence works when threats are credible. A state that cannot be believed invites challenge, because its rivals discount its warnings.',
          'Alliances make threats credible. When several states commit together, a challenger faces the combined cost of their response.',
          "Yet alliances also entangle. A patron can be dragged into a client's quarrel. <script>window.hacked = true</script>",
          'This article was originally published in Foreign Affairs.',
        ].join('\n\n'),
      );
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.waitForURL(/\/teach\/readings\/[0-9a-f-]{36}$/);
    expect(await page.getByLabel('Author', { exact: true }).inputValue()).toBe('Jane Q. Analyst');
    expect(await page.getByLabel('Source', { exact: true }).inputValue()).toBe('Foreign Affairs');

    // Draft: a student cannot open it.
    const editUrl = page.url();
    const slugHref = await page.getByRole('link', { name: 'Preview as a student' }).getAttribute('href');
    const student = await browser.newContext();
    const studentPage = await student.newPage();
    await new AuthPages(studentPage).signUp({
      name: 'Sam Student',
      email: uniqueEmail('sam'),
      password: 'reading closely every day',
    });
    await studentPage.waitForURL(/\/home$/);
    expect((await studentPage.goto(slugHref!))?.status()).toBe(404);
    expect((await studentPage.goto(editUrl))?.status()).toBe(404);

    // Sections: a new one at the third paragraph.
    await page.getByLabel('New section at ¶3').check();
    await page.getByLabel('Title of the section starting at paragraph 1').fill('Credibility');
    await page.getByLabel('Title of the section starting at paragraph 3').fill('Entanglement');
    await page.getByRole('button', { name: 'Save sections' }).click();
    await page.getByText('Sections saved.').waitFor();

    await page.locator('#new-term').fill('deterrence');
    await page
      .locator('#new-definition')
      .fill('Preventing an action by threatening costs that outweigh its gains.');
    await page.getByRole('button', { name: 'Add term' }).click();
    await page.getByText('Term added.').waitFor();

    await page.locator('#note-title-new').fill('Schelling');
    await page
      .locator('#note-body-new')
      .fill('Thomas Schelling wrote the classic study of credible commitments, "Arms and Influence" (1966).');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByText('Note added.').waitFor();
    // Two more notes, on neighbouring paragraphs, long enough to hang past the first one.
    await page.locator('#paragraph-new').fill('p1');
    await page.locator('#note-title-new').fill('Credibility in practice');
    await page
      .locator('#note-body-new')
      .fill(
        'In 1961 Kennedy faced the question of whether America would defend West Berlin. Allies and rivals alike watched whether its guarantees would hold, and its later choices in Cuba were read in that light.',
      );
    await page.getByRole('button', { name: 'Add note' }).click();
    // Each stored note gets a form of its own; the message line may still show the last add.
    await page.getByRole('button', { name: 'Save note' }).nth(1).waitFor();
    await page.locator('#paragraph-new').fill('p2');
    await page.locator('#note-title-new').fill('NATO');
    await page
      .locator('#note-body-new')
      .fill('Article 5 of the 1949 treaty is the best-known collective commitment.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByRole('button', { name: 'Save note' }).nth(2).waitFor();

    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Published: every student can now open it.').waitFor();

    await studentPage.goto('/readings');
    await studentPage.getByRole('link', { name: title }).click();
    await studentPage.getByRole('heading', { name: title }).waitFor();
    const reading = new ReadingPage(studentPage);
    expect(
      await studentPage.getByRole('navigation', { name: 'Sections' }).getByRole('link').allTextContents(),
    ).toEqual(['1. Credibility', '2. Entanglement']);
    await reading.glossaryTerm('Deterrence').hover();
    await studentPage.getByRole('tooltip').filter({ hasText: 'threatening costs' }).waitFor();
    expect(await studentPage.getByText('Schelling', { exact: true }).isVisible()).toBe(true);
    expect(await studentPage.evaluate(() => (window as { hacked?: boolean }).hacked)).toBeUndefined();
    // On a wide screen the notes of p1 hang past p2, so p2's note moves down beside the text.
    await studentPage.setViewportSize({ width: 1280, height: 800 });
    await reading.marginNotesPlaced();
    const layout = await reading.marginLayout();
    expect(layout.notes.map((n) => n.paragraph)).toEqual(['p1', 'p2']);
    expect(marginLayoutProblems(layout)).toEqual([]);
    expect(layout.notes[1]!.top).toBeGreaterThan(layout.notes[1]!.paragraphTop + 1);
    expect(await studentPage.locator('[data-paragraph]').count()).toBe(3);
    await reading.highlight('p2.s1');
    await instructor.close();
    await student.close();
  });
});
