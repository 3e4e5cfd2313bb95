import { fold } from './entity-fold';
import {
  NAME_HONOURS,
  TITLE_MODIFIERS,
  isCommonWord,
  isDateWord,
  isDemonym,
  isFamilyName,
  isGivenName,
  isNotEntityAcronym,
  isPlaceAcronym,
  isTitleHead,
  lookupPhrase,
  orgHeadWords,
  placeHeadWords,
} from './entity-lexicon';
import { hashString } from './ner-hashing';

// What the entity tagger knows about one word on its own, whatever its context: hashed spellings, shapes and
// affixes, and which of our word lists know it. The same in every article, so it is computed once per word and
// kept across calls (detect/ner-features.ts builds a document's features from it).

/** "Xx", "X.X.", "d-d", "x": character classes with runs collapsed. */
function shortShape(word: string): string {
  let out = '';
  let last = '';
  for (const ch of word) {
    let c: string;
    if (ch >= '0' && ch <= '9') c = 'd';
    else if (ch !== ch.toLowerCase()) c = 'X';
    else if (ch !== ch.toUpperCase()) c = 'x';
    else c = ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

/** Character classes without collapsing, cut to 5: tells "Xxxx" from "Xx" and "dddd" (a year) from "dd". */
function longShape(word: string): string {
  let out = '';
  for (const ch of word) {
    if (out.length >= 5) break;
    if (ch >= '0' && ch <= '9') out += 'd';
    else if (ch !== ch.toLowerCase()) out += 'X';
    else if (ch !== ch.toUpperCase()) out += 'x';
    else out += ch;
  }
  return out;
}

const CAPITAL = /^\p{Lu}/u;
const LETTER = /\p{L}/u;
const NUMBER = /^[\d.,:/-]+$/;

// Gazetteer bits: which of our word lists know the word (folded). One feature per set bit.
const G_GIVEN = 1;
const G_FAMILY = 2;
const G_PLACE = 4;
const G_CITY = 8;
const G_ORG = 16;
const G_ORG_WEAK = 32;
const G_DEMONYM = 64;
export const G_ORG_HEAD = 128;
export const G_PLACE_HEAD = 256;
const G_TITLE = 512;
const G_COMMON = 1024;
const G_HONOUR = 2048;
const G_TITLE_MOD = 4096;
const G_DATE = 8192;
const G_PLACE_ACRONYM = 16384;
const G_NOT_ENTITY_ACRONYM = 32768;
export const GAZ_BITS = 16;

function gazetteerBits(folded: string): number {
  let g = 0;
  if (isGivenName(folded)) g |= G_GIVEN;
  if (isFamilyName(folded)) g |= G_FAMILY;
  const known = lookupPhrase(folded);
  if (known?.type === 'place') g |= known.weak ? G_CITY : G_PLACE;
  if (known?.type === 'organization') g |= known.weak ? G_ORG_WEAK : G_ORG;
  if (isDemonym(folded)) g |= G_DEMONYM;
  if (orgHeadWords().has(folded)) g |= G_ORG_HEAD;
  if (placeHeadWords().has(folded)) g |= G_PLACE_HEAD;
  if (isTitleHead(folded)) g |= G_TITLE;
  if (isCommonWord(folded)) g |= G_COMMON;
  if (NAME_HONOURS.has(folded)) g |= G_HONOUR;
  if (TITLE_MODIFIERS.has(folded)) g |= G_TITLE_MOD;
  if (isDateWord(folded, true)) g |= G_DATE;
  if (isPlaceAcronym(folded)) g |= G_PLACE_ACRONYM;
  if (isNotEntityAcronym(folded)) g |= G_NOT_ENTITY_ACRONYM;
  return g;
}

/** What one token tells every feature that looks at it, computed once per word. */
export interface TokenInfo {
  /** Hashes (ner-hashing.ts hashString) of the lower-case word, the word as written, shapes and affixes. */
  lower: number;
  exact: number;
  shape: number;
  longShape: number;
  prefix3: number;
  prefix4: number;
  suffix2: number;
  suffix3: number;
  suffix4: number;
  gaz: number;
  capital: boolean;
  folded: string;
  /** Has a letter; has one and no lower-case letter (ALL CAPS); only digits and . , : / - ("1,000", "3-1", "."). */
  letter: boolean;
  upper: boolean;
  number: boolean;
}

// Word information is the same in every article: kept across calls (bounded) so a warm worker skips it.
const CACHE_LIMIT = 200_000;
let cache: Map<string, TokenInfo> | undefined;
/** The process-wide word cache, emptied when it outgrows CACHE_LIMIT words. */
export function sharedCache(): Map<string, TokenInfo> {
  if (!cache || cache.size > CACHE_LIMIT) cache = new Map();
  return cache;
}

/** The word's information, from `cache` when another document had the word already. */
export function tokenInfo(word: string, cache: Map<string, TokenInfo>): TokenInfo {
  const cached = cache.get(word);
  if (cached) return cached;
  const lower = word.toLowerCase();
  const folded = fold(word);
  const shape = shortShape(word);
  const info: TokenInfo = {
    lower: hashString(lower, 1),
    exact: hashString(word, 2),
    shape: hashString(shape, 3),
    longShape: hashString(longShape(word), 4),
    prefix3: hashString(lower.slice(0, 3), 5),
    prefix4: hashString(lower.slice(0, 4), 6),
    suffix2: hashString(lower.slice(-2), 7),
    suffix3: hashString(lower.slice(-3), 8),
    suffix4: hashString(lower.slice(-4), 9),
    gaz: LETTER.test(word) ? gazetteerBits(folded) : 0,
    capital: CAPITAL.test(word),
    folded,
    letter: LETTER.test(word),
    upper: LETTER.test(word) && word === word.toUpperCase(),
    number: NUMBER.test(word),
  };
  cache.set(word, info);
  return info;
}
