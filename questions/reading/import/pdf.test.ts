import { beforeAll, describe, expect, it } from 'vitest';
import { parseReading } from '../parse';
import type { ImportLimits } from './document';
import { convertWithLibreOffice } from './fixtures/libreoffice';
import { pdfToReadingMarkdown } from './pdf';

const LIMITS: ImportLimits = {
  fileBytes: 20 * 1024 * 1024,
  pages: 200,
  unzippedBytes: 60 * 1024 * 1024,
  zipEntries: 2_000,
  textBytes: 2 * 1024 * 1024,
  words: 37_500,
};
const SOURCE = 'questions/reading/import/fixtures/lincoln-1865.fodt';

// Made by LibreOffice from the hand-written OpenDocument source: four A5 pages, each with the
// running head "Abraham Lincoln, Second Inaugural Address" and its page number at the foot, and
// a footnote on the first.
let pdf: Uint8Array;
let locked: Uint8Array;
beforeAll(async () => {
  [pdf, locked] = await Promise.all([
    convertWithLibreOffice(SOURCE, 'pdf'),
    convertWithLibreOffice(SOURCE, 'pdf', { password: 'union' }),
  ]);
}, 240_000);

describe('a PDF made by LibreOffice, as a reading', () => {
  it('keeps the text, makes its headings sections and finds the byline and date', async () => {
    const markdown = await pdfToReadingMarkdown(pdf, LIMITS);
    const reading = parseReading({ text: markdown, format: 'markdown' });
    expect(reading.title).toBe('Second Inaugural Address');
    expect(reading.author).toBe('Abraham Lincoln');
    expect(reading.publishedOn).toBe('March 4, 1865');
    expect(reading.sections.map((s) => [s.title, s.paragraphIds.length])).toEqual([
      ['Four years of contest', 2],
      ['The cause of the war', 3],
      ['With malice toward none', 1],
    ]);
    // The paragraph broken over pages two and three is one paragraph again.
    expect(reading.paragraphs[4]?.text).toMatch(
      /^"Woe unto the world .* shall be paid by another drawn with the sword, as was said three thousand years ago, so still .* righteous altogether\."$/,
    );
    expect(reading.paragraphs[0]?.text).toContain(
      'little that is new could be presented. The progress of our arms',
    );
    expect(reading.wordCount).toBeGreaterThan(650);
  });

  it('drops the running heads, the page numbers, the footnote and its marker', async () => {
    const markdown = await pdfToReadingMarkdown(pdf, LIMITS);
    expect(markdown).not.toContain('Abraham Lincoln, Second Inaugural Address');
    expect(markdown).not.toContain('east portico');
    expect(markdown).not.toMatch(/presented\.\s*1/);
    expect(markdown.split('\n').filter((line) => /^\s*\d+\s*$/.test(line))).toEqual([]);
  });

  it('refuses a PDF with more pages than allowed, saying how many it has', async () => {
    await expect(pdfToReadingMarkdown(pdf, { ...LIMITS, pages: 2 })).rejects.toMatchObject({
      refusal: 'too-large',
      message: expect.stringMatching(/has 4 pages; .* at most 2/),
    });
  });

  it('refuses a PDF whose text is larger than a reading', async () => {
    await expect(pdfToReadingMarkdown(pdf, { ...LIMITS, words: 300 })).rejects.toMatchObject({
      refusal: 'too-large',
      message: expect.stringContaining('more than 300 words'),
    });
  });

  it('refuses a password-protected PDF and a damaged one in words', async () => {
    await expect(pdfToReadingMarkdown(locked, LIMITS)).rejects.toMatchObject({
      refusal: 'invalid',
      message: expect.stringContaining('protected by a password'),
    });
    const cut = pdf.slice(0, Math.floor(pdf.length / 3));
    await expect(pdfToReadingMarkdown(cut, LIMITS)).rejects.toMatchObject({ refusal: 'invalid' });
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    noise.set(new TextEncoder().encode('%PDF-1.7\n'));
    await expect(pdfToReadingMarkdown(noise, LIMITS)).rejects.toMatchObject({ refusal: 'invalid' });
  });
});
