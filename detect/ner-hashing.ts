// Feature hashing (Weinberger et al. 2009) for the entity tagger: every feature is a template id plus hashed
// values, folded into one of 2^HASH_BITS buckets of the weight table (detect/ner-model.ts).

/** log2 of the number of weight buckets; recorded in the weights file and checked on load. */
export const HASH_BITS = 18;
const HASH_MASK = (1 << HASH_BITS) - 1;

/** FNV-1a of a string (UTF-16 code units), seeded so the same text under two templates hashes apart. */
export function hashString(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) | 0;
  for (let i = 0; i < s.length; i += 1) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/** Combines a template id with up to three hashed values into a bucket index (murmur3's finaliser). */
export function bucket(template: number, a: number, b = 0, c = 0): number {
  let h = Math.imul(template + 0x9e3779b9, 0x85ebca6b) ^ a;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) ^ b;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) ^ c;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h & HASH_MASK;
}
