import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReading } from '../parse';
import { TEST_LIMITS } from './fixtures/lincoln';
import { htmlToReadingMarkdown } from './html';

const page = readFileSync('questions/reading/import/fixtures/web-page.html', 'utf8');

describe('a web page, as a reading', () => {
  it('reads only the article: headings become sections, byline and meta tags become metadata', () => {
    const reading = parseReading({ text: htmlToReadingMarkdown(page, TEST_LIMITS), format: 'markdown' });
    expect(reading.title).toBe('Farewell Address');
    expect(reading.author).toBe('George Washington');
    expect(reading.publishedOn).toBe('1796-09-19');
    expect(reading.source).toBe('The Archive');
    expect(reading.sections.map((s) => [s.title, s.paragraphIds.length])).toEqual([
      ['The choice of a successor', 1],
      ['Foreign influence & alliances', 2],
    ]);
    expect(reading.paragraphs[1]?.text).toContain(
      'does not equally enjoin it? It will be worthy of a free, enlightened',
    );
    expect(reading.paragraphs[0]?.text).toMatch(
      /among the number of those out of whom a choice is to be made\.$/,
    );
  });

  it('leaves out scripts, navigation, page header and footer, sidebars, figures and footnotes', () => {
    const markdown = htmlToReadingMarkdown(page, TEST_LIMITS);
    for (const gone of [
      'analytics',
      'display: none',
      'Skip to content',
      'Speeches',
      'cookies',
      'Tweet',
      'Portrait',
      'Gilbert Stuart',
      'Related speeches',
      'Claypoole',
      'Hamilton',
      'All rights reserved',
      'Privacy',
    ])
      expect(markdown).not.toContain(gone);
  });

  it('keeps characters Markdown would read as markup as the text they are', () => {
    const html =
      '<h1>Notes</h1><p>1. Not a list: *stars*, _under_ [brackets] <b>bold</b> &lt;tag&gt; # &amp; \\ back.</p>';
    const reading = parseReading({ text: htmlToReadingMarkdown(html, TEST_LIMITS), format: 'markdown' });
    expect(reading.paragraphs.map((p) => p.text)).toEqual([
      '1. Not a list: *stars*, _under_ [brackets] bold <tag> # & \\ back.',
    ]);
  });

  it('refuses a page with no text, and one whose text is larger than a reading', () => {
    expect(() => htmlToReadingMarkdown('<script>alert(1)</script><nav>Home</nav>', TEST_LIMITS)).toThrow(
      /No readable text/,
    );
    const long = `<p>${'word '.repeat(400)}</p>`.repeat(100);
    expect(() => htmlToReadingMarkdown(long, TEST_LIMITS)).toThrow(/more than 37,500 words/);
  });
});
