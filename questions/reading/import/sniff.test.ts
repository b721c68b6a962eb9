import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ReadingImportError, sniffReadingFile } from './sniff';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('what kind an uploaded reading file is, by its content', () => {
  it('tells a file of comments from a page in one pass (a nested pattern took hours on 300 bytes)', () => {
    expect(sniffReadingFile(bytes('<!---->'.repeat(400)), 'essay.txt')).toBe('text');
    expect(sniffReadingFile(bytes('<!-- a -->\n<!-- b -->\n<html><body>x</body></html>'), 'page.txt')).toBe(
      'html',
    );
  });

  it('knows a PDF, a Word zip, HTML, Markdown and text whatever their names say', () => {
    expect(sniffReadingFile(bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'essay.txt')).toBe('pdf');
    expect(sniffReadingFile(zipSync({ 'word/document.xml': strToU8('<w/>') }), 'essay.pdf')).toBe('docx');
    expect(sniffReadingFile(bytes('<!DOCTYPE html><html><body><p>Hi</p>'), 'page.txt')).toBe('html');
    expect(sniffReadingFile(bytes('<p>A fragment</p>'), 'saved.htm')).toBe('html');
    expect(sniffReadingFile(bytes('# Title\n\nText.'), 'essay.md')).toBe('markdown');
    expect(sniffReadingFile(bytes('Plain text.'), 'essay')).toBe('text');
  });

  it('refuses an old .doc, a binary renamed .pdf and text renamed .docx, saying what to do', () => {
    const doc = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    expect(() => sniffReadingFile(doc, 'essay.doc')).toThrow(/save it as \.docx or PDF/);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(() => sniffReadingFile(png, 'essay.pdf')).toThrow(/named \.pdf but is not a PDF/);
    expect(() => sniffReadingFile(png, 'photo.png')).toThrow(/cannot be read/);
    expect(() => sniffReadingFile(bytes('just text'), 'essay.docx')).toThrow(ReadingImportError);
  });
});
