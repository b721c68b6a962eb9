import { ReadingImportError } from './document';

export { type ImportLimits, type ImportRefusal, ReadingImportError } from './document';

/** What an uploaded reading file is, by its first bytes rather than its name. */
export type ReadingFileKind = 'pdf' | 'docx' | 'html' | 'markdown' | 'text';
/** The kinds that are converted (in the engine's worker) before they are read as a reading. */
export type ConvertedKind = Extract<ReadingFileKind, 'pdf' | 'docx' | 'html'>;

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) =>
  signature.every((byte, i) => bytes[at + i] === byte);
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // PK..

/** Whether the bytes open as a zip archive does (a .docx, a QTI package). */
export const isZip = (bytes: Uint8Array) => startsWith(bytes, ZIP);
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // .doc, .xls, .ppt before 2007
const HTML_OPENING = /^<(?:!doctype\s+html|html|head|body|meta|title|article|main)\b/i;

/**
 * Whether a text opens as an HTML page does, after any comments: read comment by comment rather
 * than by one pattern, whose nested repetition backtracked exponentially on a few hundred bytes
 * of "<!---->" (a static review's proof of concept).
 */
function opensAsHtml(text: string): boolean {
  let at = 0;
  for (;;) {
    while (at < text.length && /\s/.test(text[at]!)) at++;
    if (!text.startsWith('<!--', at)) return HTML_OPENING.test(text.slice(at, at + 40));
    const end = text.indexOf('-->', at + 4);
    if (end < 0) return false;
    at = end + 3;
  }
}
const EXTENSION = /\.([a-z0-9]+)$/i;

/**
 * The kind of an uploaded file, read from its content: a PDF by its `%PDF-` signature (within
 * the first kilobyte, as readers allow), a Word file by its zip signature (checked for
 * word/document.xml when read), HTML by its opening tags or name, text when it has no NUL bytes.
 * Anything else, an old binary .doc among them, is refused with what to do instead.
 */
export function sniffReadingFile(bytes: Uint8Array, name: string): ReadingFileKind {
  const extension = EXTENSION.exec(name)?.[1]?.toLowerCase() ?? '';
  const head = bytes.subarray(0, 1024);
  const pdfAt = Buffer.from(head).indexOf('%PDF-');
  if (pdfAt >= 0 && startsWith(bytes, PDF, pdfAt)) return 'pdf';
  if (startsWith(bytes, ZIP)) return 'docx';
  if (startsWith(bytes, OLE))
    throw new ReadingImportError(
      'This is an old Word (.doc) or other Office file. Open it in Word or LibreOffice and save it as .docx or PDF.',
    );
  if (head.includes(0))
    throw new ReadingImportError(
      extension && ['pdf', 'docx'].includes(extension)
        ? `The file is named .${extension} but is not a ${extension === 'pdf' ? 'PDF' : 'Word document'}. Export it again from its program.`
        : 'This kind of file cannot be read. Upload a PDF, a Word file (.docx), a web page (.html), or text (.txt, .md).',
    );
  if (extension === 'pdf' || extension === 'docx')
    throw new ReadingImportError(
      `The file is named .${extension} but holds plain text, not a ${extension === 'pdf' ? 'PDF' : 'Word document'}. Rename it .txt, or export it again.`,
    );
  const start = new TextDecoder('utf-8').decode(head);
  if (extension === 'html' || extension === 'htm' || extension === 'xhtml' || opensAsHtml(start))
    return 'html';
  return extension === 'md' || extension === 'markdown' ? 'markdown' : 'text';
}
