import { type AnkiNote, NOTETYPE } from './notes';

/**
 * Anki's "Notes in Plain Text" with its header lines (read in rslib/src/import_export/text/csv:
 * export.rs writes them, metadata.rs reads them): tab-separated, fields as HTML, and the columns
 * guid, note type, deck, the four fields, tags. Anki matches a row to an existing note by the guid,
 * the same guid as in the .apkg, so either file updates what the other brought in. The note type
 * is named, not carried: it exists once the .apkg has been imported (or is made by hand with the
 * fields Front, Back, Evidence and Source).
 */

export const TEXT_HEADER = [
  '#separator:tab',
  '#html:true',
  '#guid column:1',
  '#notetype column:2',
  '#deck column:3',
  '#tags column:8',
];

/**
 * One cell as the CSV reader Anki uses takes it back: quoted when it holds a tab, a line break or
 * a double quote (inner quotes doubled), and when it starts with `#`, which would otherwise make
 * the row a comment.
 */
export function textCell(value: string): string {
  return /[\t\r\n"]/.test(value) || value.startsWith('#') ? `"${value.replace(/"/g, '""')}"` : value;
}

export function writeAnkiText(notes: AnkiNote[]): string {
  const rows = notes.map((note) =>
    [note.guid, NOTETYPE.name, note.deckName, ...note.fields, note.tags.join(' ')].map(textCell).join('\t'),
  );
  return `${[...TEXT_HEADER, ...rows].join('\n')}\n`;
}
