/**
 * How texts pasted from elsewhere come through the reading import: every `.txt` file in a folder
 * goes through parseReading, and the report counts what usually goes wrong with a page printed
 * to PDF and read back as text (a mission's statement, a report, a scanned speech):
 *
 *   - broken paragraphs: one that ends on no stop followed by one that opens in small letters
 *     (a paragraph cut at a page break or a wrapped line);
 *   - bars read for "I": paragraphs with a lone "|" before a word;
 *   - stubs: paragraphs of six words or fewer that end no sentence (head lines, headers, debris);
 *   - metadata found: how many texts got an author, a date, a title other than "Untitled reading".
 *
 *   npm run bench:pasted -- FOLDER [--list]     (--list prints each text's metadata and first paragraphs)
 *
 * The folder is yours: texts that cannot be shipped with the repository (statements published
 * without a licence to redistribute, say) are measured where they are. No timing here: this is a
 * count of outcomes, run in a few seconds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseReading } from '@/questions/reading/parse';

const folder = process.argv[2];
if (!folder) {
  console.error('Usage: npm run bench:pasted -- FOLDER [--list]');
  process.exit(2);
}
const list = process.argv.includes('--list');
const files = readdirSync(folder)
  .filter((f) => f.endsWith('.txt'))
  .sort();

const totals = {
  texts: 0,
  failed: 0,
  paragraphs: 0,
  broken: 0,
  bars: 0,
  stubs: 0,
  authors: 0,
  dates: 0,
  titles: 0,
};
for (const file of files) {
  totals.texts++;
  let reading: ReturnType<typeof parseReading>;
  try {
    reading = parseReading({ text: readFileSync(path.join(folder, file), 'utf8'), format: 'text' });
  } catch (error) {
    totals.failed++;
    console.log(`${file}: not read (${(error as Error).message})`);
    continue;
  }
  const paragraphs = reading.paragraphs.map((p) => p.text);
  const broken = paragraphs.filter(
    (p, i) =>
      i + 1 < paragraphs.length && !/[.!?:;"”’)\]—…-]$/.test(p) && /^\p{Ll}/u.test(paragraphs[i + 1]!),
  ).length;
  const bars = paragraphs.filter((p) => /(^|\s)\|\s+\p{Ll}/u.test(p)).length;
  const stubs = paragraphs.filter((p) => p.split(/\s+/).length <= 6 && !/[.!?]["”’]?$/.test(p)).length;
  totals.paragraphs += paragraphs.length;
  totals.broken += broken;
  totals.bars += bars;
  totals.stubs += stubs;
  if (reading.author) totals.authors++;
  if (reading.publishedOn) totals.dates++;
  if (reading.title !== 'Untitled reading') totals.titles++;
  if (list) {
    console.log(
      `\n${file}: “${reading.title}” by ${reading.author ?? '—'}${reading.authorNote ? ` (${reading.authorNote})` : ''}, ${reading.publishedOn ?? 'no date'}; ${paragraphs.length} paragraphs, ${broken} broken, ${bars} with a bar, ${stubs} stubs`,
    );
    for (const p of paragraphs.slice(0, 3)) console.log(`  ${p.slice(0, 110)}`);
  }
}

console.log(`\n# Pasted texts: ${folder}\n`);
console.log(
  '| texts | not read | paragraphs | broken | with a bar for "I" | stubs | author found | date found | title found |',
);
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
console.log(
  `| ${totals.texts} | ${totals.failed} | ${totals.paragraphs} | ${totals.broken} | ${totals.bars} | ${totals.stubs} | ${totals.authors} | ${totals.dates} | ${totals.titles} |`,
);
