/**
 * Remembers a value in a cache that anyone's input fills (an answer's words, a pasted text's
 * lemmas): past `most` entries the cache starts afresh, so a stream of made-up words or long
 * answers cannot grow the server's heap without end. Starting afresh costs some recomputation;
 * an LRU would keep more, but what is asked again is mostly asked again soon.
 */
export function remember<K, V>(cache: Map<K, V>, key: K, value: V, most: number): V {
  if (cache.size >= most) cache.clear();
  cache.set(key, value);
  return value;
}
