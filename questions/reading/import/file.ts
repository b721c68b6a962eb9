import { decodeWindows1252 } from '../encoding';
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
  // A byte-order mark wins over what the page declares, as in browsers (pasted pages carry one).
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes);
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
