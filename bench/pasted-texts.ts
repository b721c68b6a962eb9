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
 *   npm run bench:pasted -- FOLDER [--list] [--questions]
 *
 * --list prints each text's metadata and first paragraphs; --questions also runs the question
 * generator on each text and counts what it keeps: per 1,000 words, per type, how many types a
 * text gets (the issue's bar: 30 per 1,000 words, six types).
 *
 * The folder is yours: texts that cannot be shipped with the repository (statements published
 * without a licence to redistribute, say) are measured where they are. No timing here: this is a
 * count of outcomes, run in a few seconds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { generateQuestions } from '@/questions/generate';
import { parseReading } from '@/questions/reading/parse';
import { QUESTION_TYPES } from '@/questions/schema';

const folder = process.argv[2];
if (!folder) {
  console.error('Usage: npm run bench:pasted -- FOLDER [--list]');
  process.exit(2);
}
const list = process.argv.includes('--list');
const withQuestions = process.argv.includes('--questions');
const generated = { words: 0, kept: 0, typesPerText: [] as number[], byType: new Map<string, number>() };
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
  if (withQuestions) {
    const report = generateQuestions(reading, { readingSlug: path.basename(file, '.txt') });
    generated.words += paragraphs.reduce((n, p) => n + p.split(/\s+/).length, 0);
    generated.kept += report.questions.length;
    for (const [type, n] of Object.entries(report.keptByType))
      generated.byType.set(type, (generated.byType.get(type) ?? 0) + n);
    generated.typesPerText.push(Object.values(report.keptByType).filter((n) => n > 0).length);
  }
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

if (withQuestions) {
  const texts = generated.typesPerText.length;
  const meanTypes = generated.typesPerText.reduce((a, b) => a + b, 0) / Math.max(1, texts);
  console.log('\n## Questions kept\n');
  console.log('| words | kept | per 1,000 words | types per text (mean) | texts with six types or more |');
  console.log('| ---: | ---: | ---: | ---: | ---: |');
  console.log(
    `| ${generated.words} | ${generated.kept} | ${((1000 * generated.kept) / Math.max(1, generated.words)).toFixed(1)} | ${meanTypes.toFixed(2)} | ${generated.typesPerText.filter((n) => n >= 6).length} |`,
  );
  console.log(`\n| ${QUESTION_TYPES.join(' | ')} |`);
  console.log(`| ${QUESTION_TYPES.map(() => '---:').join(' | ')} |`);
  console.log(`| ${QUESTION_TYPES.map((t) => generated.byType.get(t) ?? 0).join(' | ')} |`);
}
