import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReading, ReadingParseError } from '@/questions/reading/parse';
import { PARSE_IN_WORKER_ABOVE_WORDS } from './limits';
import { parseReadingOffThread } from './parse-off-thread';

const truman = readFileSync('bench/fixtures/truman-1953-state-of-the-union.txt', 'utf8');

describe('parsing a long reading off the server’s thread', () => {
  it('gives exactly what parsing in place gives', async () => {
    expect(truman.split(/\s+/).length).toBeGreaterThan(PARSE_IN_WORKER_ABOVE_WORDS);
    const input = { text: truman, format: 'text' as const, title: 'State of the Union, 1953' };
    expect(await parseReadingOffThread(input)).toEqual(parseReading(input));
  }, 60_000);

  it('refuses a long text that is not a reading with the parser’s own message', async () => {
    // Thousands of "words" that are only markup: nothing readable is left.
    const markup = Array.from({ length: PARSE_IN_WORKER_ABOVE_WORDS + 10 }, () => '---').join('\n\n');
    const inPlace = (() => {
      try {
        parseReading({ text: markup, format: 'markdown' });
        return null;
      } catch (error) {
        return error;
      }
    })();
    expect(inPlace).toBeInstanceOf(ReadingParseError);
    await expect(parseReadingOffThread({ text: markup, format: 'markdown' })).rejects.toThrow(
      (inPlace as Error).message,
    );
  }, 60_000);
});
