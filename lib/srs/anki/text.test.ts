import { describe, expect, it } from 'vitest';
import { cardsToNotes } from './notes';
import { burnsCards, HOSTILE } from './test-cards';
import { TEXT_HEADER, textCell, writeAnkiText } from './text';

/**
 * Reads a row as the CSV reader Anki uses (Rust's csv crate: tab delimiter, double quotes, a
 * doubled quote inside quotes) would: cells split at tabs outside quotes.
 */
function readRow(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === '\t') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

describe("Anki's text format", () => {
  const cards = burnsCards();
  const notes = cardsToNotes(cards);
  const text = writeAnkiText(notes);
  const lines = text.split('\n');

  it('starts with the header lines Anki reads, and has one line per note', () => {
    expect(lines.slice(0, 6)).toEqual([
      '#separator:tab',
      '#html:true',
      '#guid column:1',
      '#notetype column:2',
      '#deck column:3',
      '#tags column:8',
    ]);
    expect(TEXT_HEADER).toHaveLength(6);
    expect(text.endsWith('\n')).toBe(true);
    // A note is one line: no field holds a raw line break.
    expect(lines.slice(6, -1)).toHaveLength(cards.length);
    expect(lines.at(-1)).toBe('');
  });

  it('gives every row its guid, note type, deck, four fields and tags, the same as the .apkg', () => {
    for (const [i, line] of lines.slice(6, -1).entries()) {
      const cells = readRow(line);
      const note = notes[i]!;
      expect(cells).toEqual([
        note.guid,
        'Statecraft review',
        note.deckName,
        ...note.fields,
        note.tags.join(' '),
      ]);
    }
  });

  it('escapes tabs, line breaks, quotes and markup so every row splits into its eight cells', () => {
    const hostile = notes.find((n) => n.guid === cardsToNotes([HOSTILE])[0]!.guid)!;
    const line = lines.find((l) => l.startsWith(`${hostile.guid}\t`))!;
    expect(line.split('\t')).toHaveLength(8);
    const cells = readRow(line);
    expect(cells[2]).toBe('Statecraft::Realism : Liberalism & "Power"');
    expect(line).toContain('\t"Statecraft::Realism : Liberalism & ""Power"""\t');
    expect(cells[3]).toBe('&lt;script&gt;alert(1)&lt;/script&gt; &quot;balance&quot;&#9;of &amp; power');
    expect(cells[4]).toBe('First line<br>second linethird<br>#not a comment');
    expect(cells[7]).toBe('statecraft realism-vs-liberalism glossary');
    // Markup of the app's own (attributes in quotes) is quoted whole.
    expect(lines.some((l) => l.includes('\t"<p>') && l.includes('<ol type=""A"">'))).toBe(true);
  });

  it('quotes a cell only when it must', () => {
    expect(textCell('plain')).toBe('plain');
    expect(textCell('a\tb')).toBe('"a\tb"');
    expect(textCell('say "hi"')).toBe('"say ""hi"""');
    expect(textCell('line\nbreak')).toBe('"line\nbreak"');
    expect(textCell('#comment?')).toBe('"#comment?"');
  });
});
