import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkAnkiPackage } from '@/lib/srs/anki/package-check';
import { TEXT_HEADER } from '@/lib/srs/anki/text';
import { setUpBrowser, uniqueEmail } from './browser';
import { AuthPages } from './pages/auth';

const browser = setUpBrowser();

describe('review cards for Anki', () => {
  it('downloads the student’s cards from /review as an .apkg that opens as a valid deck, and as Anki text with the same guids', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await new AuthPages(page).signUp({
      name: 'Anki Student',
      email: uniqueEmail('anki'),
      password: 'cards in my pocket',
    });
    await page.waitForURL(/\/home$/);

    // Opening the reading makes its 13 glossary terms cards; a quiz submitted blank sends its 12
    // questions to review.
    await page.goto('/readings/burns-lead-with-diplomacy');
    await page.getByText('Place saved').waitFor();
    await page.getByRole('link', { name: 'Take the quiz' }).click();
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    await page.waitForURL(/\/attempts\//);
    await page.getByRole('button', { name: 'Review and submit' }).first().click();
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await page.waitForURL(/\/results$/);
    await page.getByRole('button', { name: 'Send to review' }).click();
    await page.getByText('12 questions added to your review queue.').waitFor();

    await page.goto('/review');
    const section = page.locator('section[aria-labelledby="anki-heading"]');
    await section.getByRole('heading', { name: 'Take your cards to Anki' }).waitFor();
    expect(await section.locator('[data-anki-count]').textContent()).toMatch(/^All 25 of your cards/);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('link', { name: 'Anki deck (.apkg)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('statecraft-review.apkg');
    const bytes = new Uint8Array(readFileSync((await download.path())!));
    const deck = await checkAnkiPackage(bytes);
    expect(deck.problems).toEqual([]);
    expect(deck.notes).toHaveLength(25);
    const glossary = deck.notes.filter((n) => n.tags.includes(' glossary '));
    const questions = deck.notes.filter((n) => n.tags.includes(' question::'));
    expect([glossary.length, questions.length]).toEqual([13, 12]);
    // Each question carries its evidence sentence and the reading's title.
    for (const note of questions) {
      expect(note.fields[2]!.length).toBeGreaterThan(20);
      expect(note.fields[3]).toMatch(/^Lead with Diplomacy/);
    }
    expect(glossary.map((n) => n.fields[0])).toContain('revanchism');

    // The text file, from the other link: Anki's header lines and the same notes by guid.
    const href = await section.getByRole('link', { name: 'Anki text file (.txt)' }).getAttribute('href');
    const text = await page.request.get(href!);
    expect(text.status()).toBe(200);
    expect(text.headers()['content-disposition']).toBe('attachment; filename="statecraft-review.txt"');
    const lines = (await text.text()).split('\n');
    // The header lines themselves are pinned in lib/srs/anki/text.test.ts.
    expect(lines.slice(0, TEXT_HEADER.length)).toEqual(TEXT_HEADER);
    const guids = lines.slice(TEXT_HEADER.length, -1).map((l) => l.split('\t')[0]);
    expect(guids.sort()).toEqual(deck.notes.map((n) => n.guid).sort());

    // Downloading again gives the same deck.
    const again = await page.request.get('/api/review/export?format=apkg');
    expect(new Uint8Array(await again.body())).toEqual(bytes);

    // A format the export does not have is a 400 with a message; no session, a 401.
    const bad = await page.request.get('/api/review/export?format=csv');
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.message).toMatch(/apkg or txt/);
    const anonymous = await browser.newContext();
    const refused = await anonymous.request.get('/api/review/export?format=apkg');
    expect(refused.status()).toBe(401);
    await anonymous.close();
    await page.screenshot({ path: '/tmp/statecraft-anki-export.png', fullPage: true });
    await context.close();
  });
});
