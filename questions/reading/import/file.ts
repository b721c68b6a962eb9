import { type ImportLimits, MB, ReadingImportError } from './document';
import { docxToReadingMarkdown } from './docx';
import { htmlToReadingMarkdown } from './html';
import { pdfToReadingMarkdown } from './pdf';
import type { ConvertedKind } from './sniff';

/** A PDF, Word file or web page as the Markdown parseReading reads; throws ReadingImportError. */
export async function convertReadingFile(
  kind: ConvertedKind,
  bytes: Uint8Array,
  limits: ImportLimits,
): Promise<string> {
  if (bytes.byteLength > limits.fileBytes)
    throw new ReadingImportError(`The file is larger than ${MB(limits.fileBytes)}.`, 'too-large');
  if (kind === 'pdf') return pdfToReadingMarkdown(bytes, limits);
  if (kind === 'docx') return docxToReadingMarkdown(bytes, limits);
  return htmlToReadingMarkdown(decodeHtml(bytes), limits);
}

/** A page's bytes as text: UTF-8 unless its <meta charset> or a failed decode says Windows-1252. */
function decodeHtml(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const declared = /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (declared && /^(?:windows-1252|cp1252|iso-8859-1|latin1|us-ascii|ascii)$/.test(declared))
    return decodeWindows1252(bytes);
  if (declared && declared !== 'utf-8' && declared !== 'utf8') {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // An unknown label: fall through to UTF-8.
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

/** Windows-1252's letters for bytes 0x80 to 0x9F, where it differs from Latin-1. */
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/**
 * Windows-1252 as browsers read it (and as HTML declares ISO-8859-1 to mean). Node 20's own
 * TextDecoder("windows-1252") gives the Latin-1 control characters for 0x80 to 0x9F instead of
 * the quotes and dashes Word and old pages put there.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('latin1')
    .decode(bytes)
    .replace(/[\u0080-\u009F]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}
