import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('quotes commas, quotes and newlines, and ends rows with CRLF', () => {
    expect(toCsv([['a', 'b,c', 'say "hi"', 'two\nlines', 3, null]])).toBe(
      'a,"b,c","say ""hi""","two\nlines",3,\r\n',
    );
  });

  it('defuses spreadsheet formulas in text', () => {
    expect(toCsv([['=HYPERLINK("http://evil")', '+1', '-2', '@SUM(A1)']])).toBe(
      `"'=HYPERLINK(""http://evil"")",'+1,'-2,'@SUM(A1)\r\n`,
    );
    expect(toCsv([[-2]])).toBe('-2\r\n');
  });
});
