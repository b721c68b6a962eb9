import { beforeAll, describe, expect, it } from 'vitest';
import { parseReading } from '../parse';
import { convertWithLibreOffice } from './fixtures/libreoffice';
import { expectLincolnReading, LINCOLN_SOURCE, TEST_LIMITS } from './fixtures/lincoln';
import { pdfToReadingMarkdown } from './pdf';

// Made by LibreOffice from the hand-written OpenDocument source: four A5 pages, each with the
// running head "Abraham Lincoln, Second Inaugural Address" and its page number at the foot, and
// a footnote on the first.
let pdf: Uint8Array;
let locked: Uint8Array;
beforeAll(async () => {
  [pdf, locked] = await Promise.all([
    convertWithLibreOffice(LINCOLN_SOURCE, 'pdf'),
    convertWithLibreOffice(LINCOLN_SOURCE, 'pdf', { password: 'union' }),
  ]);
}, 240_000);

describe('a PDF made by LibreOffice, as a reading', () => {
  it('keeps the text, makes its headings sections and finds the byline and date', async () => {
    const markdown = await pdfToReadingMarkdown(pdf, TEST_LIMITS);
    const reading = parseReading({ text: markdown, format: 'markdown' });
    expectLincolnReading(reading);
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
    const markdown = await pdfToReadingMarkdown(pdf, TEST_LIMITS);
    expect(markdown).not.toContain('Abraham Lincoln, Second Inaugural Address');
    expect(markdown).not.toContain('east portico');
    expect(markdown).not.toMatch(/presented\.\s*1/);
    expect(markdown.split('\n').filter((line) => /^\s*\d+\s*$/.test(line))).toEqual([]);
  });

  it('refuses a PDF with more pages than allowed, saying how many it has', async () => {
    await expect(pdfToReadingMarkdown(pdf, { ...TEST_LIMITS, pages: 2 })).rejects.toMatchObject({
      refusal: 'too-large',
      message: expect.stringMatching(/has 4 pages; .* at most 2/),
    });
  });

  it('refuses a PDF whose text is larger than a reading', async () => {
    await expect(pdfToReadingMarkdown(pdf, { ...TEST_LIMITS, words: 300 })).rejects.toMatchObject({
      refusal: 'too-large',
      message: expect.stringContaining('more than 300 words'),
    });
  });

  it('refuses a password-protected PDF and a damaged one in words', async () => {
    await expect(pdfToReadingMarkdown(locked, TEST_LIMITS)).rejects.toMatchObject({
      refusal: 'invalid',
      message: expect.stringContaining('protected by a password'),
    });
    const cut = pdf.slice(0, Math.floor(pdf.length / 3));
    await expect(pdfToReadingMarkdown(cut, TEST_LIMITS)).rejects.toMatchObject({ refusal: 'invalid' });
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    noise.set(new TextEncoder().encode('%PDF-1.7\n'));
    await expect(pdfToReadingMarkdown(noise, TEST_LIMITS)).rejects.toMatchObject({ refusal: 'invalid' });
  });
});
