/**
 * Import benchmark: how long and how much memory does a 40-page PDF take to become a reading?
 *
 * The PDF is made by LibreOffice (`soffice --headless --convert-to pdf`) from an OpenDocument
 * text written here: Truman's 1953 State of the Union (bench/fixtures, public domain) followed by
 * its first three fifths again, on A5 pages with a running head and a page number on each, a heading
 * every eight paragraphs. Then, RUNS times each:
 *
 *   1. convert: unpdf reads the pages and the converter rebuilds paragraphs and sections
 *      (questions/reading/import/pdf.ts), in this process;
 *   2. parse: the converted Markdown through parseReading (sentences, metadata), in this process;
 *   3. worker: the whole import as the server runs it (lib/reading/import-off-thread.ts): a job
 *      for the engine's worker process, the file sent to it and the reading sent back.
 *
 * Prints the PDF's size and pages, the reading's words, paragraphs and sections, the median and
 * the slowest time of each step, and the highest memory this process reached (RSS and heap)
 * while converting and parsing.
 *
 * Then a question bank: a GIFT file of 1,000 questions without Statecraft's comments (the Burns
 * bank's questions, numbered into sets), as a file from Moodle would come, previewed against the
 * Burns essay as the import page does it (lib/question-bank/transfer.ts: read, then each question
 * matched to its evidence sentences in the engine's worker), beside the same plan made in this
 * process. For both, the longest the event loop was held (what a server's other requests wait).
 *
 *   npm run bench:imports            (RUNS=5 npm run bench:imports)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Reading } from '@/db/schema';
import { previewImport } from '@/lib/question-bank/transfer';
import { importReadingOffThread } from '@/lib/reading/import-off-thread';
import { READING_FILE_LIMITS, readingTooLarge } from '@/lib/reading/limits';
import { loadAuthoredBank } from '@/questions/bank';
import { bankToGift, parseGift } from '@/questions/formats/gift';
import { planImport } from '@/questions/formats/to-bank';
import { convertWithLibreOffice } from '@/questions/reading/import/fixtures/libreoffice';
import { pdfToReadingMarkdown } from '@/questions/reading/import/pdf';
import { parseReading } from '@/questions/reading/parse';

const RUNS = Number(process.env.RUNS ?? 3);
const TEXT = 'bench/fixtures/truman-1953-state-of-the-union.txt';

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The long text as an OpenDocument file with pages like a printed reader's. */
function benchDocument(): string {
  const paragraphs = readFileSync(TEXT, 'utf8')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const text = [...paragraphs, ...paragraphs.slice(0, Math.ceil(paragraphs.length * 0.6))];
  const body = text
    .map((p, i) => {
      const heading =
        i % 8 === 0
          ? `<text:h text:style-name="Heading_20_2" text:outline-level="2">Part ${i / 8 + 1}</text:h>`
          : '';
      return `${heading}<text:p text:style-name="Text_20_body">${escapeXml(p)}</text:p>`;
    })
    .join('\n');
  const ns = (prefix: string, uri: string) => `xmlns:${prefix}="${uri}"`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document ${ns('office', 'urn:oasis:names:tc:opendocument:xmlns:office:1.0')} ${ns('style', 'urn:oasis:names:tc:opendocument:xmlns:style:1.0')} ${ns('text', 'urn:oasis:names:tc:opendocument:xmlns:text:1.0')} ${ns('fo', 'urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0')} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:styles>
  <style:style style:name="Standard" style:family="paragraph"><style:text-properties fo:font-size="11pt"/></style:style>
  <style:style style:name="Text_20_body" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-bottom="0.3cm"/></style:style>
  <style:style style:name="Heading_20_1" style:family="paragraph" style:default-outline-level="1"><style:text-properties fo:font-size="18pt" fo:font-weight="bold"/></style:style>
  <style:style style:name="Heading_20_2" style:family="paragraph" style:default-outline-level="2"><style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.3cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="14pt" fo:font-weight="bold"/></style:style>
  <style:style style:name="Header" style:family="paragraph"><style:text-properties fo:font-size="9pt" fo:font-style="italic"/></style:style>
  <style:style style:name="Footer" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="9pt"/></style:style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="14.8cm" fo:page-height="21cm" fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="2cm" fo:margin-right="2cm"/></style:page-layout>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="pm1">
   <style:header><text:p text:style-name="Header">Harry S. Truman, Annual Message to the Congress, 1953</text:p></style:header>
   <style:footer><text:p text:style-name="Footer"><text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>
  </style:master-page>
 </office:master-styles>
 <office:body><office:text>
<text:h text:style-name="Heading_20_1" text:outline-level="1">The State of the Union, 1953</text:h>
<text:p text:style-name="Text_20_body">By Harry S. Truman</text:p>
${body}
 </office:text></office:body>
</office:document>
`;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const line = (step: string, values: number[]) =>
  `  ${step.padEnd(8)} median ${(median(values) / 1000).toFixed(2)} s, slowest ${(Math.max(...values) / 1000).toFixed(2)} s (${values.length} runs)`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** The Burns bank as GIFT without Statecraft's comments, numbered into sets up to `count` questions. */
function giftFile(count: number): string {
  const plain = bankToGift(loadAuthoredBank('burns-lead-with-diplomacy'), '')
    .text.split('\n')
    .filter((l) => !l.startsWith('//'))
    .join('\n');
  const blocks = plain.split(/\n\s*\n/).filter((b) => b.trim().startsWith('::'));
  const out: string[] = [];
  for (let set = 1; out.length < count; set++)
    for (const block of blocks) {
      if (out.length === count) break;
      out.push(block.replace(/^::([^:]+)::/, `::$1-${set}::(Set ${set}) `));
    }
  return out.join('\n\n');
}

/** Runs `work` while measuring the longest gap between 5 ms ticks of the event loop. */
async function withLoopLag<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; lagMs: number }> {
  let last = performance.now();
  let lag = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    lag = Math.max(lag, now - last - 5);
    last = now;
  }, 5);
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  clearInterval(tick);
  lag = Math.max(lag, performance.now() - last - 5);
  return { result, ms, lagMs: lag };
}

async function benchBankImport() {
  const text = giftFile(1000);
  const essay = parseReading({
    text: readFileSync('content/burns-lead-with-diplomacy/essay.txt', 'utf8'),
    format: 'text',
  });
  // What the preview reads of a reading: its slug and its sentences.
  const reading = { slug: 'burns-lead-with-diplomacy', paragraphs: essay.paragraphs } as unknown as Reading;
  const sentences = essay.paragraphs.flatMap((p) => p.sentences);
  console.log(
    `\nGIFT file: ${(Buffer.byteLength(text) / 1024).toFixed(0)} kB, 1,000 questions without Statecraft's comments, against the Burns essay (${sentences.length} sentences)`,
  );
  const inPlace: number[] = [];
  const inPlaceLag: number[] = [];
  const offThread: number[] = [];
  const offThreadLag: number[] = [];
  let drafts = 0;
  for (let run = 0; run < RUNS; run++) {
    const here = await withLoopLag(async () =>
      planImport(parseGift(text), { slug: reading.slug, sentences }, 'gift'),
    );
    inPlace.push(here.ms);
    inPlaceLag.push(here.lagMs);
    const there = await withLoopLag(() => previewImport({ reading, format: 'gift', text }));
    if (there.result.status !== 'ok') throw new Error(there.result.message);
    drafts = there.result.data.drafts.length;
    offThread.push(there.ms);
    offThreadLag.push(there.lagMs);
  }
  console.log(`Preview: ${drafts} drafts`);
  console.log(line('in place', inPlace));
  console.log(
    `  event loop held at most ${Math.max(...inPlaceLag).toFixed(0)} ms (the plan made in this process)`,
  );
  console.log(line('preview', offThread));
  console.log(
    `  event loop held at most ${Math.max(...offThreadLag).toFixed(0)} ms (reading the file here, the plan in the worker)`,
  );
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'statecraft-bench-imports-'));
  try {
    const source = path.join(dir, 'truman-1953.fodt');
    writeFileSync(source, benchDocument());
    let started = performance.now();
    const pdf = await convertWithLibreOffice(source, 'pdf');
    const sofficeMs = performance.now() - started;
    const pages = (
      Buffer.from(pdf)
        .toString('latin1')
        .match(/\/Type\s*\/Page[^s]/g) ?? []
    ).length;
    console.log(
      `PDF made by LibreOffice in ${(sofficeMs / 1000).toFixed(1)} s: ${pages} pages, ${(pdf.length / 1024).toFixed(0)} kB`,
    );

    let peakRss = 0;
    let peakHeap = 0;
    const sampler = setInterval(() => {
      const usage = process.memoryUsage();
      peakRss = Math.max(peakRss, usage.rss);
      peakHeap = Math.max(peakHeap, usage.heapUsed);
    }, 20);
    const before = process.memoryUsage();
    const times = { convert: [] as number[], parse: [] as number[], worker: [] as number[] };
    let summary = '';
    for (let run = 0; run < RUNS; run++) {
      started = performance.now();
      const markdown = await pdfToReadingMarkdown(pdf, READING_FILE_LIMITS);
      times.convert.push(performance.now() - started);
      started = performance.now();
      const reading = parseReading({ text: markdown, format: 'markdown' });
      times.parse.push(performance.now() - started);
      const furniture = markdown
        .split('\n')
        .filter((l) => /Annual Message to the Congress|^\s*\d+\s*$/.test(l)).length;
      if (furniture > 0) throw new Error(`${furniture} running heads or page numbers were left in the text.`);
      const tooLarge = readingTooLarge(reading);
      if (tooLarge) throw new Error(`The bench reading is over the limits: ${tooLarge}`);
      summary = `${reading.wordCount.toLocaleString('en')} words, ${reading.paragraphs.length} paragraphs, ${reading.sections.length} sections; title “${reading.title}”, author ${reading.author}; no running head or page number left`;
    }
    clearInterval(sampler);
    console.log(`Reading: ${summary}`);
    console.log(
      `Memory of this process while converting and parsing: RSS ${mb(before.rss)} → peak ${mb(peakRss)}, heap ${mb(before.heapUsed)} → peak ${mb(peakHeap)}`,
    );
    for (const step of ['convert', 'parse'] as const) console.log(line(step, times[step]));
    for (let run = 0; run < RUNS; run++) {
      started = performance.now();
      await importReadingOffThread({ kind: 'pdf', bytes: pdf });
      times.worker.push(performance.now() - started);
    }
    console.log(line('worker', times.worker));
    await benchBankImport();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
