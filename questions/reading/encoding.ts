/** Text encodings the readers meet in files saved on Windows and in old web pages. */

/** Windows-1252's letters for bytes 0x80 to 0x9F, where it differs from Latin-1. */
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/**
 * Windows-1252 as browsers read it (and as HTML declares ISO-8859-1 to mean). Node 20's own
 * TextDecoder("windows-1252") gives the Latin-1 control characters for 0x80 to 0x9F instead of
 * the quotes and dashes Word and old pages put there.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('latin1')
    .decode(bytes)
    .replace(/[\u0080-\u009F]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}
