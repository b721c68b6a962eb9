import { describe, expect, it } from 'vitest';
import { convertReadingFile } from './file';
import { TEST_LIMITS } from './fixtures/lincoln';

const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe('converting an uploaded file', () => {
  it('reads a page in the encoding it declares, and one that is not UTF-8 as Windows-1252', async () => {
    const declared = latin1(
      '<html><head><meta charset="iso-8859-1"></head><body><h1>Détente</h1><p>Le café de la Paix, à Genève.</p></body></html>',
    );
    expect(await convertReadingFile('html', declared, TEST_LIMITS)).toContain(
      'Le café de la Paix, à Genève.',
    );
    const undeclared = latin1('<p>Na\u00efve realism \u0096 a word on d\u00e9tente.</p>');
    expect(await convertReadingFile('html', undeclared, TEST_LIMITS)).toContain(
      'Naïve realism – a word on détente.',
    );
  });

  it('refuses a file over the size limit before reading it', async () => {
    const big = new Uint8Array(TEST_LIMITS.fileBytes + 1);
    await expect(convertReadingFile('pdf', big, TEST_LIMITS)).rejects.toMatchObject({
      refusal: 'too-large',
      message: 'The file is larger than 20 MB.',
    });
  });
});

describe('a pasted page that declares an old charset', () => {
  it('is read as the UTF-8 it was pasted as when it carries a byte-order mark', async () => {
    const page = `<html><head><meta charset="windows-1252"><title>Détente</title></head><body><main><h1>Détente</h1><p>“Quoted” — the détente of the seventies was a policy of managed rivalry between the two blocs, not a peace.</p><p>It rested on arms control, on trade and on the recognition of borders in Europe, and it ended in Afghanistan.</p></main></body></html>`;
    const markdown = await convertReadingFile('html', new TextEncoder().encode(`\uFEFF${page}`), TEST_LIMITS);
    expect(markdown).toContain('“Quoted” — the détente');
  });
});
