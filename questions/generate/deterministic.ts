/**
 * Same input, same output: where the generator needs to choose or shuffle, it draws from a
 * hash of the question's id instead of Math.random.
 */

/** 32-bit FNV-1a. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A permutation of `items` fixed by `seed` (Fisher–Yates driven by a xorshift stream). */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const result = [...items];
  let state = stableHash(seed) || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x100000000;
  };
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

/** Short stable suffix for ids. */
export const shortHash = (text: string) => stableHash(text).toString(36).slice(0, 5);
