import { describe, expect, it } from 'vitest';
import { parseReading } from '@/questions/reading/parse';
import { previewTermList, termsToWrite } from './term-list-import';

const { paragraphs } = parseReading({
  text: 'Alliances\n\nSmall states bandwagon with the strongest power. Others form coalitions to balance it.',
  format: 'text',
});
const list = [
  'coalition\tA group of states acting together for a time.',
  'Small state\tA state that cannot secure itself alone.',
  'security dilemma\tArming for safety makes rivals less safe.',
  'a line with no separator',
].join('\n');

describe('previewTermList and termsToWrite', () => {
  it('marks each term found, missing or already in the glossary, and writes the found ones with the form the text uses', () => {
    const preview = previewTermList({
      text: list,
      separator: 'auto',
      paragraphs,
      glossary: [{ term: 'Coalition', definition: 'Older wording.' }],
    });
    expect(preview.rows.map((r) => [r.term, r.place?.written ?? null, r.existing?.term ?? null])).toEqual([
      ['coalition', 'coalitions', 'Coalition'],
      ['Small state', 'Small states', null],
      ['security dilemma', null, null],
    ]);
    expect(preview.rows[0]!.place).toMatchObject({ paragraph: 1, sentence: 2 });
    expect(preview.problems).toEqual([{ line: 4, message: expect.stringMatching(/No separator/) }]);

    expect(termsToWrite(preview, { duplicates: 'skip', addAnyway: [] })).toEqual([
      {
        term: 'coalition',
        definition: 'A group of states acting together for a time.',
        aliases: ['coalitions'],
      },
      {
        term: 'Small state',
        definition: 'A state that cannot secure itself alone.',
        aliases: ['Small states'],
      },
    ]);
    // Ticked, a term the text does not use is added too, with no other form.
    expect(termsToWrite(preview, { duplicates: 'skip', addAnyway: [3] }).at(-1)).toEqual({
      term: 'security dilemma',
      definition: 'Arming for safety makes rivals less safe.',
      aliases: [],
    });
  });

  it('gives a new digest when the glossary changed since the preview', () => {
    const before = previewTermList({ text: list, separator: 'auto', paragraphs, glossary: [] });
    const again = previewTermList({ text: list, separator: 'auto', paragraphs, glossary: [] });
    const after = previewTermList({
      text: list,
      separator: 'auto',
      paragraphs,
      glossary: [{ term: 'small state', definition: 'Added meanwhile.' }],
    });
    expect(again.digest).toBe(before.digest);
    expect(after.digest).not.toBe(before.digest);
  });
});
