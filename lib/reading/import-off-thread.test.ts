import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { convertWithLibreOffice } from '@/questions/reading/import/fixtures/libreoffice';
import { ReadingImportError } from '@/questions/reading/import/sniff';
import { importReadingOffThread } from './import-off-thread';
import { READING_FILE_LIMITS } from './limits';

describe('reading an uploaded file in the engine’s worker', () => {
  it('turns a Word file made by LibreOffice into a reading with its sections and metadata', async () => {
    const bytes = await convertWithLibreOffice('questions/reading/import/fixtures/lincoln-1865.fodt', 'docx');
    const reading = await importReadingOffThread({ kind: 'docx', bytes, title: 'Lincoln, 1865' });
    expect(reading.title).toBe('Lincoln, 1865');
    expect(reading.author).toBe('Abraham Lincoln');
    expect(reading.sections.map((s) => s.title)).toEqual([
      'Four years of contest',
      'The cause of the war',
      'With malice toward none',
    ]);
    expect(reading.paragraphs[0]?.sentences[0]?.id).toBe('p1.s1');
  }, 240_000);

  it('answers a zip bomb with the converter’s refusal, not a crash', async () => {
    const size = READING_FILE_LIMITS.unzippedBytes + 1024 * 1024;
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(size).fill(0x20), x: strToU8('x') });
    const refusal = await importReadingOffThread({ kind: 'docx', bytes: bomb }).catch((error) => error);
    expect(refusal).toBeInstanceOf(ReadingImportError);
    expect(refusal).toMatchObject({ refusal: 'too-large', message: expect.stringContaining('zip bomb') });
  }, 120_000);

  it('answers a damaged PDF and a page without text as files that cannot be read', async () => {
    const damaged = await importReadingOffThread({
      kind: 'pdf',
      bytes: new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer'),
    }).catch((error) => error);
    expect(damaged).toMatchObject({ refusal: 'invalid' });
    const empty = await importReadingOffThread({
      kind: 'html',
      bytes: new TextEncoder().encode('<nav>Home</nav><script>x()</script>'),
    }).catch((error) => error);
    expect(empty).toBeInstanceOf(ReadingImportError);
  }, 120_000);
});
