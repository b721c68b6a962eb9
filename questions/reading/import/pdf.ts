import { extractTextItems, getDocumentProxy, type StructuredTextItem } from 'unpdf';
import type { Block } from '../metadata';
import { BlockCollector, blocksToMarkdown, type ImportLimits, ReadingImportError, squash } from './document';

/** One line of a page as laid out: its text, where it sits and the size of most of its letters. */
type Line = { text: string; x: number; y: number; right: number; size: number };

/**
 * A PDF as reading Markdown. unpdf (PDF.js built for servers) gives each page's text runs with
 * their position and font size; this puts them back into lines and paragraphs:
 * - running heads and feet (a line at the top or bottom of many pages, its numbers aside) and
 *   page numbers (a bare number, "Page 3 of 40", "- 3 -" at the top or bottom) go;
 * - footnotes and note markers (text clearly smaller than the body's) go;
 * - lines clearly larger than the body's are headings, the largest first;
 * - a paragraph ends at a wider gap, an indent, or a short line that ends a sentence, and goes
 *   on over a page break when the page's last line runs to the margin.
 * Text in columns, tables and scanned pages (no text layer) are beyond it: the last are refused.
 */
export async function pdfToReadingMarkdown(bytes: Uint8Array, limits: ImportLimits): Promise<string> {
  const pages = await readPages(bytes, limits);
  const out = new BlockCollector(limits);
  for (const block of pagesToBlocks(pages)) {
    if (block.kind === 'heading') out.heading(block.depth, block.text);
    else out.paragraph(block.text);
  }
  if (out.blocks.length === 0)
    throw new ReadingImportError(
      'The PDF has no text to read: it is probably scanned pages (images). Run it through text recognition (OCR) first, or paste the text.',
    );
  return blocksToMarkdown(out.blocks);
}

async function readPages(bytes: Uint8Array, limits: ImportLimits): Promise<Line[][]> {
  let document: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // PDF.js takes the buffer over; it gets a copy so the caller's stays readable.
    document = await getDocumentProxy(new Uint8Array(bytes), {
      verbosity: 0,
    });
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException')
      throw new ReadingImportError(
        'The PDF is protected by a password. Save a copy without the password and upload that.',
      );
    throw new ReadingImportError(
      'The PDF could not be read: the file is damaged or not a PDF. Export it from its program again.',
    );
  }
  try {
    if (document.numPages > limits.pages)
      throw new ReadingImportError(
        `The PDF has ${document.numPages.toLocaleString('en')} pages; a reading can come from at most ${limits.pages}. Split it and upload the part you assign.`,
        'too-large',
      );
    let items: StructuredTextItem[][];
    try {
      items = (await extractTextItems(document)).items;
    } catch {
      throw new ReadingImportError(
        'The PDF’s text could not be read: the file is damaged. Export it from its program again.',
      );
    }
    return items.map(pageLines);
  } finally {
    await document.loadingTask.destroy().catch(() => {});
  }
}

/** A page's text runs joined into lines, top to bottom (PDF space: y grows upwards). */
function pageLines(items: StructuredTextItem[]): Line[] {
  const lines: { runs: StructuredTextItem[]; y: number }[] = [];
  for (const item of items) {
    if (item.str === '' || item.dir === 'ttb') continue;
    const line = lines.at(-1);
    const lineSize = line ? Math.max(...line.runs.map((r) => r.fontSize)) : 0;
    if (line && Math.abs(line.y - item.y) < Math.max(lineSize, item.fontSize) * 0.6) line.runs.push(item);
    else lines.push({ runs: [item], y: item.y });
  }
  return lines
    .map(({ runs, y }) => {
      // The size of most of the line's letters: a note marker or a small word does not change it.
      const letters = new Map<number, number>();
      for (const run of runs) {
        const size = Math.round(run.fontSize * 2) / 2;
        letters.set(size, (letters.get(size) ?? 0) + run.str.length);
      }
      const size = [...letters].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
      let text = '';
      let end = Number.NEGATIVE_INFINITY;
      for (const run of runs) {
        // Superscript note markers: much smaller than the line and short.
        if (run.fontSize < size * 0.8 && squash(run.str).length <= 3) continue;
        const gap = run.x - end;
        if (text && !/\s$/.test(text) && !/^\s/.test(run.str) && gap > run.fontSize * 0.15) text += ' ';
        text += run.str;
        end = run.x + run.width;
      }
      const x = Math.min(...runs.map((r) => r.x));
      return { text: squash(text), x, y, right: Math.max(...runs.map((r) => r.x + r.width)), size };
    })
    .filter((line) => line.text !== '')
    .sort((a, b) => b.y - a.y);
}

const PAGE_NUMBER =
  /^(?:page\s+)?(?:\d{1,4}|[ivxlc]{1,7})(?:\s*(?:of|\/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$|^\d{1,4}\s*[|·•]|[|·•]\s*\d{1,4}$/i;
/** A line's text with its numbers blanked: "Chapter 2 · page 14" and "Chapter 2 · page 15" match. */
const furnitureKey = (text: string) => text.toLowerCase().replace(/\d+/g, '#');
/** How many lines at each edge of a page may be running heads or feet. */
const EDGE_LINES = 2;

export function pagesToBlocks(pages: Line[][]): Block[] {
  const body = bodySize(pages);
  const repeated = repeatedEdgeLines(pages);
  const headingSizes = [
    ...new Set(
      pages
        .flat()
        .filter((l) => l.size >= body * 1.15)
        .map((l) => l.size),
    ),
  ].sort((a, b) => b - a);
  const blocks: Block[] = [];
  let paragraph: Line[] = [];
  const endParagraph = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', text: joinLines(paragraph) });
    paragraph = [];
  };
  let carry = false;
  for (const page of pages) {
    const kept = page.filter((line, i) => {
      const atEdge = i < EDGE_LINES || i >= page.length - EDGE_LINES;
      if (atEdge && (PAGE_NUMBER.test(line.text) || repeated.has(furnitureKey(line.text)))) return false;
      // Footnotes, captions and other small print.
      return line.size >= body * 0.85;
    });
    const bodyLines = kept.filter((l) => l.size < body * 1.15);
    const left = Math.min(...bodyLines.map((l) => l.x));
    const right = Math.max(...bodyLines.map((l) => l.right));
    const spacing = lineSpacing(bodyLines, body);
    if (!carry) endParagraph();
    carry = false;
    kept.forEach((line, i) => {
      const previous = kept[i - 1];
      if (line.size >= body * 1.15) {
        endParagraph();
        const depth = headingSizes.indexOf(line.size) + 1;
        const last = blocks.at(-1);
        // A heading over two lines is one heading.
        if (last?.kind === 'heading' && last.depth === depth && previous && previous.size === line.size)
          last.text = `${last.text} ${line.text}`;
        else blocks.push({ kind: 'heading', depth, text: line.text });
        return;
      }
      const prior = paragraph.at(-1);
      if (
        prior &&
        previous === prior &&
        (prior.y - line.y > spacing * 1.35 ||
          line.x > left + body * 0.9 ||
          (prior.right < right - body * 4 && /[.!?:;"”’)]$/.test(prior.text)))
      )
        endParagraph();
      paragraph.push(line);
    });
    // The page's last line runs to the margin: its paragraph goes on over the page.
    const last = kept.at(-1);
    carry = last !== undefined && paragraph.at(-1) === last && last.right >= right - body * 2;
  }
  endParagraph();
  return headingDepths(blocks);
}

/** The largest heading size is the title (depth 1) only when it is used once, first; else all start at 2. */
function headingDepths(blocks: Block[]): Block[] {
  const headings = blocks.filter((b) => b.kind === 'heading');
  const titled =
    headings.filter((b) => b.depth === 1).length === 1 &&
    blocks[0]?.kind === 'heading' &&
    blocks[0].depth === 1;
  if (titled) return blocks;
  return blocks.map((b) => (b.kind === 'heading' ? { ...b, depth: Math.min(6, b.depth + 1) } : b));
}

function joinLines(lines: Line[]): string {
  let text = '';
  for (const line of lines) {
    if (!text) text = line.text;
    // A word broken at the line's end ("inter-" / "national") is joined without a space.
    else if (/\p{L}-$/u.test(text) && /^\p{Ll}/u.test(line.text)) text += line.text;
    else text += ` ${line.text}`;
  }
  return text;
}

/** The font size of most of the document's letters. */
function bodySize(pages: Line[][]): number {
  const letters = new Map<number, number>();
  for (const line of pages.flat()) letters.set(line.size, (letters.get(line.size) ?? 0) + line.text.length);
  return [...letters].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

/** The usual distance between two lines of a paragraph on this page. */
function lineSpacing(lines: Line[], body: number): number {
  const gaps = lines
    .slice(1)
    .map((line, i) => lines[i]!.y - line.y)
    .filter((gap) => gap > 0 && gap < body * 3)
    .sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 3)] ?? body * 1.2;
}

/** Lines found at the top or bottom of at least two pages and 40% of them: running heads and feet. */
function repeatedEdgeLines(pages: Line[][]): Set<string> {
  const seen = new Map<string, number>();
  for (const page of pages) {
    const edges = new Set(
      [...page.slice(0, EDGE_LINES), ...page.slice(-EDGE_LINES)].map((line) => furnitureKey(line.text)),
    );
    for (const key of edges) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const needed = Math.max(2, Math.ceil(pages.length * 0.4));
  return new Set([...seen].filter(([, count]) => count >= needed).map(([key]) => key));
}
