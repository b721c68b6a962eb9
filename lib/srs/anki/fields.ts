import { createHash } from 'node:crypto';
import { decodeHTML } from 'entities';

/**
 * Anki's rules for a note's fields, as its Rust core applies them when it saves a note
 * (rslib/src/notes/mod.rs: prepare_for_update, field_checksum; rslib/src/text.rs:
 * strip_html_preserving_media_filenames). Written here from reading that source.
 */

/** Fields are stored in one column, joined by the ASCII unit separator. */
export const FIELD_SEPARATOR = '\x1f';

/** Text made safe to sit inside HTML: `& < > "` escaped, so nothing the text says becomes markup. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Plain text as an HTML field: escaped, a line break as `<br>`, a tab as `&#9;`, so a field never
 * holds a raw tab or newline (the text file's separators).
 */
export function textToHtml(text: string): string {
  return escapeHtml(text.replace(/\r\n?/g, '\n')).replace(/\n/g, '<br>').replace(/\t/g, '&#9;');
}

/**
 * What Anki does to every field before saving: ASCII control characters other than tab and newline
 * removed (the unit separator among them, so a field cannot split the note), then Unicode NFC.
 */
export function normaliseField(field: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters removed.
  return field.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '').normalize('NFC');
}

// An image, sound or other media tag, with the file name in its src or data attribute.
const MEDIA_TAG =
  /<\b(?:img|audio|video|object|source)\b(?:[^>]|"[^"]+?"|'[^']+?')+?\b(?:src|data)\b=(?:"([^"]+?)"[^>]*>|'([^']+?)'[^>]*>|([^ >]+?)(?: [^>]*>|\/>|>))/gis;
// Comments, style and script elements with their content, then any other tag.
const HTML = /<!--.*?-->|<style.*?>.*?<\/style>|<script.*?>.*?<\/script>|<.*?>/gis;

/**
 * A field as Anki sorts and checks it: a media tag becomes its file name between spaces, every other
 * tag goes (style and script with their content), entities are decoded and a no-break space becomes
 * a plain one. Not trimmed: Anki does not trim here either.
 */
export function stripHtmlForSort(html: string): string {
  const text = html
    .replace(
      MEDIA_TAG,
      (_all, double?: string, single?: string, bare?: string) => ` ${double ?? single ?? bare ?? ''} `,
    )
    .replace(HTML, '');
  return text.includes('&') ? decodeHTML(text).replace(/\u00a0/g, ' ') : text;
}

/**
 * Anki's checksum of a note (notes.csum, for finding duplicates): the first four bytes of the SHA-1
 * of the first field, stripped as for sorting, read as an unsigned big-endian integer.
 */
export function fieldChecksum(firstField: string): number {
  return createHash('sha1').update(stripHtmlForSort(firstField), 'utf8').digest().readUInt32BE(0);
}
