import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { type ImportLimits, MB, ReadingImportError } from './document';
import { htmlToReadingMarkdown } from './html';

/**
 * A Word file (.docx) as reading Markdown: its zip is measured first (a zip bomb is refused
 * before anything is unpacked in full), then mammoth turns the document into HTML (headings by
 * their Word styles, footnotes and endnotes gathered at the end, which the HTML reader drops),
 * and that HTML is read like a web page. Headers and footers of the pages mammoth never reads.
 */
export async function docxToReadingMarkdown(bytes: Uint8Array, limits: ImportLimits): Promise<string> {
  checkZip(bytes, limits);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: [
          "p[style-name='Title'] => h1:fresh",
          "p[style-name='Subtitle'] => p:fresh",
          "p[style-name='Header'] => !",
          "p[style-name='Footer'] => !",
        ],
        // Images would arrive as data: addresses megabytes long; a reading keeps only text.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
    html = result.value;
  } catch (error) {
    throw new ReadingImportError(
      `The Word file could not be read (${error instanceof Error ? error.message.slice(0, 120) : 'damaged'}). Open it in Word or LibreOffice and save it again as .docx.`,
    );
  }
  return htmlToReadingMarkdown(html, limits);
}

/**
 * Refuses a zip that is not a Word document, has too many parts, or unpacks to more than the
 * limit: first by the sizes its directory declares, then by inflating it as a stream and counting
 * what comes out (a directory can lie), stopping at the limit, never holding more than a chunk.
 */
export function checkZip(bytes: Uint8Array, limits: ImportLimits): void {
  let entries = 0;
  let declared = 0;
  let hasDocument = false;
  try {
    unzipSync(bytes, {
      filter(file) {
        entries++;
        declared += file.originalSize;
        if (file.name === 'word/document.xml') hasDocument = true;
        return false; // measured only: nothing is inflated here
      },
    });
  } catch {
    throw new ReadingImportError(
      'The file is not a valid Word document: its zip is damaged. Save it again as .docx.',
    );
  }
  if (!hasDocument)
    throw new ReadingImportError(
      'The zip file is not a Word document (.docx): it has no word/document.xml. Save the document as .docx.',
    );
  if (entries > limits.zipEntries)
    throw new ReadingImportError(
      `The Word file has ${entries.toLocaleString('en')} parts; a document has far fewer. It is refused as a possible zip bomb.`,
      'too-large',
    );
  const tooLarge = () =>
    new ReadingImportError(
      `The Word file unpacks to more than ${MB(limits.unzippedBytes)}; it is refused as a possible zip bomb. Save it again without embedded media.`,
      'too-large',
    );
  if (declared > limits.unzippedBytes) throw tooLarge();
  let inflated = 0;
  let over = false;
  const unzip = new Unzip((file) => {
    file.ondata = (error, chunk) => {
      if (error || over) return;
      inflated += chunk.length;
      if (inflated > limits.unzippedBytes) {
        over = true;
        file.terminate();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    const step = 64 * 1024;
    for (let at = 0; at < bytes.length && !over; at += step)
      unzip.push(bytes.subarray(at, at + step), at + step >= bytes.length);
  } catch {
    if (!over)
      throw new ReadingImportError(
        'The file is not a valid Word document: its zip is damaged. Save it again as .docx.',
      );
  }
  if (over) throw tooLarge();
}
