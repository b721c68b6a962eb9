import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseReading } from '../parse';
import { checkZip, docxToReadingMarkdown } from './docx';
import { convertWithLibreOffice } from './fixtures/libreoffice';
import { expectLincolnReading, LINCOLN_SOURCE, TEST_LIMITS } from './fixtures/lincoln';

// Made by LibreOffice (Word 2007 XML) from the hand-written OpenDocument source, with its
// running head, page numbers and a footnote.
let docx: Uint8Array;
beforeAll(async () => {
  docx = await convertWithLibreOffice(LINCOLN_SOURCE, 'docx');
}, 240_000);

/** Sets every size a zip declares for its entries (local headers and directory) to `size`. */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let at = 0; at + 4 <= out.length; at++) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50) view.setUint32(at + 22, size, true);
    if (signature === 0x02014b50) view.setUint32(at + 24, size, true);
  }
  return out;
}

describe('a Word file made by LibreOffice, as a reading', () => {
  it('makes Word’s headings sections, finds the byline and date, and drops the footnote', async () => {
    const markdown = await docxToReadingMarkdown(docx, TEST_LIMITS);
    expect(markdown).not.toContain('east portico');
    expect(markdown).not.toContain('[1]');
    expect(markdown).not.toContain('Abraham Lincoln, Second Inaugural Address');
    const reading = parseReading({ text: markdown, format: 'markdown' });
    expectLincolnReading(reading);
    expect(reading.paragraphs[0]?.text).toContain('could be presented. The progress of our arms');
  });

  it('refuses a zip bomb by its declared size, and by what it really unpacks to when the zip lies', () => {
    // 8 MB of one letter: a few kilobytes packed.
    const bomb = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'word/document.xml': new Uint8Array(8 * 1024 * 1024).fill(0x61),
    });
    expect(bomb.length).toBeLessThan(100_000);
    const small = { ...TEST_LIMITS, unzippedBytes: 1024 * 1024 };
    expect(() => checkZip(bomb, small)).toThrow(/unpacks to more than 1 MB/);
    expect(() => checkZip(lieAboutSizes(bomb, 100), small)).toThrow(/unpacks to more than 1 MB/);
    expect(() => checkZip(bomb, TEST_LIMITS)).not.toThrow();
  });

  it('refuses a zip that is not a Word document, one with too many parts, and a damaged one', async () => {
    const odt = zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text') });
    await expect(docxToReadingMarkdown(odt, TEST_LIMITS)).rejects.toThrow(/not a Word document/);
    const parts = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`word/p${i}.xml`, strToU8('x')]));
    const many = zipSync({ ...parts, 'word/document.xml': strToU8('<w:document/>') });
    await expect(docxToReadingMarkdown(many, { ...TEST_LIMITS, zipEntries: 20 })).rejects.toMatchObject({
      refusal: 'too-large',
    });
    await expect(docxToReadingMarkdown(docx.slice(0, docx.length - 200), TEST_LIMITS)).rejects.toMatchObject({
      refusal: 'invalid',
    });
  });
});
