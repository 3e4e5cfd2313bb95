import type { NerDoc } from './ner-tokens';
import { lookupPhrase } from './entity-lexicon';
import { bucket as importedBucket, hashString } from './ner-hashing';
import { G_ORG_HEAD as ORG_HEAD, G_PLACE_HEAD as PLACE_HEAD, GAZ_BITS as IMPORTED_GAZ_BITS, sharedCache, tokenInfo as importedTokenInfo, type TokenInfo } from './ner-word-info';

// The features of the entity tagger, shared by the training script (scripts/train-ner.ts) and the run-time
// tagger (detect/ner-decode.ts): both must compute exactly the same numbers, and the weights file records
// FEATURE_VERSION so that weights trained for other features fail to load instead of tagging nonsense.
// Feature templates follow the greedy-tagger literature (Ratinov and Roth 2009, "Design challenges and
// misconceptions in named entity recognition"): word, shape, affixes, a ±2 window, previous tags, gazetteers,
// and document-level evidence. Features are hashed (detect/ner-hashing.ts) into 2^HASH_BITS buckets; what a word
// says on its own is in detect/ner-word-info.ts, the features of earlier decisions in detect/ner-history.ts.

// Local copies: when tsx or Vitest compile these ES modules to CommonJS, every read of an imported binding is a
// getter call, and docFeatures reads these per token and feature (measured: about a tenth of findEntities' time).
const bucket = importedBucket;
const tokenInfo = importedTokenInfo;
const G_ORG_HEAD = ORG_HEAD;
const G_PLACE_HEAD = PLACE_HEAD;
const GAZ_BITS = IMPORTED_GAZ_BITS;

/** Bump whenever a feature template, the hashing or the label set changes; retrain afterwards. */
export const FEATURE_VERSION = 6;

/** Tag set: BIO over CoNLL-2003's four types. MISC is learned so that it is *not* tagged as one of ours. */
export const LABELS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export const NUM_CLASSES = LABELS.length;
export type Label = (typeof LABELS)[number];

/** An I- tag may only continue a B- or I- tag of its own type. */
export function allowedAfter(prev: number, next: number): boolean {
  if (next === 0 || next % 2 === 1) return true;
  return prev === next || prev === next - 1;
}

/** Lower-case words that sit inside names: "Bank of England", "Ursula von der Leyen". */
const INNER_WORDS = new Set(['of', 'for', 'de', 'van', 'von', 'der', 'den', 'del', 'della', 'da', 'di', 'du', 'la', 'le', 'al', 'bin', '&', 'and', 'the']);

// Multi-word gazetteer phrases ("New York", "Bank of England"): code = 1 + 2 * typeIndex + (inside ? 1 : 0).
const PHRASE_TYPES = ['place', 'place-weak', 'organization', 'organization-weak', 'person'];
const MAX_PHRASE = 4;
const BOUNDARY = hashString('<s>', 0);
const OPENERS = new Set(['"', '“', '‘', "'", '(', ':']);

/** The longest gazetteer phrase of two to MAX_PHRASE capitalised words at each position, as codes (above). */
function phraseCodes(doc: NerDoc, folded: string[], capital: boolean[]): Int32Array {
  const codes = new Int32Array(doc.words.length);
  for (let i = 0; i < doc.words.length; i += 1) {
    if (!capital[i]) continue;
    for (let len = MAX_PHRASE; len >= 2; len -= 1) {
      const last = i + len - 1;
      if (last >= doc.words.length || doc.sentence[last] !== doc.sentence[i] || !capital[last]) continue;
      const known = lookupPhrase(folded.slice(i, last + 1).join(' '));
      if (!known) continue;
      const type = PHRASE_TYPES.indexOf(known.weak ? `${known.type}-weak` : known.type);
      codes[i] = 1 + 2 * type;
      for (let k = i + 1; k <= last; k += 1) codes[k] = 2 + 2 * type;
      i = last;
      break;
    }
  }
  return codes;
}

/**
 * Static features of every token of a document: bucket indices, token i's in
 * `features.slice(offsets[i], offsets[i + 1])`. Tag-history features are added while decoding.
 */
export interface DocFeatures {
  offsets: Int32Array;
  features: Int32Array;
  /** Hashed lower-case word of each token, for the tag-history features. */
  lower: Int32Array;
  shape: Int32Array;
  /** Each token folded (lower case, no accents), for the rules that run after tagging. */
  folded: string[];
  /** 1 where the token starts with a capital letter. */
  capital: Uint8Array;
  /** Multi-word gazetteer phrase codes: odd where a phrase starts, even and non-zero inside one, 0 outside. */
  phrases: Int32Array;
  /** 1 where the token opens a sentence or follows a quotation mark, bracket or colon. */
  initial: Uint8Array;
}

/** Per token: 1 on lines mostly in ALL CAPS (headlines, datelines), and on lines mostly of numbers (results tables). */
function lineKinds(doc: NerDoc, infos: TokenInfo[]): { capsLine: Uint8Array; tableLine: Uint8Array } {
  const n = infos.length;
  let lines = 0;
  for (let i = 0; i < n; i += 1) lines = Math.max(lines, (doc.line[i] ?? 0) + 1);
  // Per line: words with a letter, of them ALL CAPS, and numbers.
  const lineWords = new Int32Array(lines);
  const lineUpper = new Int32Array(lines);
  const lineNumbers = new Int32Array(lines);
  for (let i = 0; i < n; i += 1) {
    const t = infos[i] as TokenInfo;
    const l = doc.line[i] ?? 0;
    if (t.letter) {
      lineWords[l] = (lineWords[l] ?? 0) + 1;
      if (t.upper) lineUpper[l] = (lineUpper[l] ?? 0) + 1;
    } else if (t.number) lineNumbers[l] = (lineNumbers[l] ?? 0) + 1;
  }
  const capsLine = new Uint8Array(n);
  const tableLine = new Uint8Array(n);
  for (let i = 0; i < n; i += 1) {
    const l = doc.line[i] ?? 0;
    const words = lineWords[l] ?? 0;
    const numbers = lineNumbers[l] ?? 0;
    capsLine[i] = words >= 2 && (lineUpper[l] ?? 0) / words > 0.6 ? 1 : 0;
    tableLine[i] = numbers >= 2 && numbers >= words ? 1 : 0;
  }
  return { capsLine, tableLine };
}

/**
 * Capitalised runs, names with inner "of", "de", "and" ("Bank of England"): for every capitalised token the first
 * and last token of its run, -1 elsewhere.
 */
function capitalisedRuns(doc: NerDoc, capital: boolean[]): { runStart: Int32Array; runEnd: Int32Array } {
  const n = capital.length;
  const runStart = new Int32Array(n).fill(-1);
  const runEnd = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i += 1) {
    if (!capital[i]) continue;
    let j = i;
    for (;;) {
      if (j + 1 < n && capital[j + 1] && doc.sentence[j + 1] === doc.sentence[i]) j += 1;
      else if (j + 2 < n && INNER_WORDS.has(doc.words[j + 1] ?? '') && capital[j + 2] && doc.sentence[j + 2] === doc.sentence[i]) j += 2;
      else break;
    }
    for (let k = i; k <= j; k += 1) {
      runStart[k] = i;
      runEnd[k] = j;
    }
    i = j;
  }
  return { runStart, runEnd };
}

/** How many other mentions of a word lend their contexts to each mention (bounds the cost on long articles). */
const MAX_CONTEXT_MENTIONS = 12;

/**
 * Context aggregation (Ratinov and Roth 2009): for each capitalised token, the hashed words just before and just
 * after the other capitalised mentions of the same word in the document ("the island of Divar" lends "of" to every
 * "Divar"), deduplicated. Returns the hashes of token i in `hashes.slice(offsets[i], offsets[i + 1])`, before-words
 * and after-words marked by the low bit of their position (`kinds`).
 */
function contextAggregation(doc: NerDoc, infos: TokenInfo[], folded: string[], capsLine: Uint8Array): { offsets: Int32Array; hashes: Int32Array; kinds: Uint8Array } {
  const n = infos.length;
  const mentions = new Map<string, number[]>();
  for (let i = 0; i < n; i += 1) {
    const t = infos[i] as TokenInfo;
    if (!t.capital || !t.letter || capsLine[i] === 1) continue;
    const key = folded[i] ?? '';
    const list = mentions.get(key);
    if (!list) mentions.set(key, [i]);
    else if (list.length < MAX_CONTEXT_MENTIONS) list.push(i);
  }
  const before = (j: number) => (j > 0 && doc.sentence[j - 1] === doc.sentence[j] ? (infos[j - 1] as TokenInfo).lower : BOUNDARY);
  const after = (j: number) => (j + 1 < n && doc.sentence[j + 1] === doc.sentence[j] ? (infos[j + 1] as TokenInfo).lower : BOUNDARY);
  const offsets = new Int32Array(n + 1);
  const hashes: number[] = [];
  const kinds: number[] = [];
  const seen = new Set<number>();
  const keep = (h: number, kind: number) => {
    const key = h * 2 + kind;
    if (seen.has(key)) return;
    seen.add(key);
    hashes.push(h);
    kinds.push(kind);
  };
  for (let i = 0; i < n; i += 1) {
    offsets[i] = hashes.length;
    const t = infos[i] as TokenInfo;
    if (!t.capital || !t.letter) continue;
    const list = mentions.get(folded[i] ?? '');
    if (!list || list.length < 2) continue;
    seen.clear();
    for (const j of list) {
      if (j === i) continue;
      keep(before(j), 0);
      keep(after(j), 1);
    }
  }
  offsets[n] = hashes.length;
  return { offsets, hashes: Int32Array.from(hashes), kinds: Uint8Array.from(kinds) };
}

const CAPITAL = /^\p{Lu}/u;

/** "Dave Matthews Band ( DMB )": true when `word` spells the capitals of tokens first..last. */
function isAbbreviationOf(word: string, words: string[], first: number, last: number): boolean {
  let initials = '';
  for (let k = first; k <= last; k += 1) {
    const w = words[k] ?? '';
    if (CAPITAL.test(w)) initials += w.charAt(0);
  }
  const letters = word.replace(/[^\p{L}]/gu, '').toUpperCase();
  return initials.length >= 2 && letters.length >= 2 && initials.toUpperCase() === letters;
}

/**
 * Computes the static features of a document. Document-level evidence (Krishnan and Manning 2006's
 * non-local consistency, as plain features): whether the word is written capitalised mid-sentence or in lower
 * case elsewhere in the document, whether it is part of a longer capitalised name elsewhere, and the contexts of
 * its other mentions (contextAggregation). A capitalised run's outside words, its "the", and an abbreviation in
 * brackets after it ("( DMB )") are seen by every token of the run, however long.
 */
export function docFeatures(doc: NerDoc, cache: Map<string, TokenInfo> = sharedCache()): DocFeatures {
  const n = doc.words.length;
  const infos = doc.words.map((w) => tokenInfo(w, cache));
  const folded = infos.map((t) => t.folded);
  const capital = infos.map((t) => t.capital);
  const phrases = phraseCodes(doc, folded, capital);
  const sentenceStart = new Uint8Array(n);
  for (let i = 0; i < n; i += 1) if (i === 0 || doc.sentence[i] !== doc.sentence[i - 1]) sentenceStart[i] = 1;
  // Sentence-initial capitals and quotation openers say little; a capital after a quote mark is also initial.
  const initial = new Uint8Array(n);
  for (let i = 0; i < n; i += 1) initial[i] = sentenceStart[i] === 1 || (i > 0 && OPENERS.has(doc.words[i - 1] ?? '')) ? 1 : 0;
  const { capsLine, tableLine } = lineKinds(doc, infos);
  const { runStart, runEnd } = capitalisedRuns(doc, capital);
  const contexts = contextAggregation(doc, infos, folded, capsLine);

  // Document evidence, by lower-case word.
  const midCapital = new Set<string>();
  const lowerCase = new Set<string>();
  const inLongName = new Set<string>();
  for (let i = 0; i < n; i += 1) {
    const l = folded[i] ?? '';
    if (!(infos[i] as TokenInfo).letter) continue;
    if (capital[i] && initial[i] === 0 && capsLine[i] === 0) midCapital.add(l);
    if (!capital[i]) lowerCase.add(l);
    if (capital[i] && capsLine[i] === 0 && (runEnd[i] ?? -1) > (runStart[i] ?? -1)) inLongName.add(l);
  }

  const offsets = new Int32Array(n + 1);
  let out = new Int32Array(n * 48 + 16);
  let size = 0;
  const emit = (b: number) => {
    if (size === out.length) {
      const grown = new Int32Array(out.length * 2);
      grown.set(out);
      out = grown;
    }
    out[size] = b;
    size += 1;
  };
  const lowerArr = new Int32Array(n);
  const shapeArr = new Int32Array(n);
  for (let i = 0; i < n; i += 1) lowerArr[i] = (infos[i] as TokenInfo).lower;
  for (let i = 0; i < n; i += 1) shapeArr[i] = (infos[i] as TokenInfo).shape;
  for (let i = 0; i < n; i += 1) {
    offsets[i] = size;
    const t = infos[i] as TokenInfo;
    const sent = doc.sentence[i];
    // Window: undefined outside the token's sentence.
    const p1 = i >= 1 && doc.sentence[i - 1] === sent ? infos[i - 1] : undefined;
    const p2 = i >= 2 && doc.sentence[i - 2] === sent ? infos[i - 2] : undefined;
    const n1 = i + 1 < n && doc.sentence[i + 1] === sent ? infos[i + 1] : undefined;
    const n2 = i + 2 < n && doc.sentence[i + 2] === sent ? infos[i + 2] : undefined;
    const lp1 = p1 ? p1.lower : BOUNDARY;
    const ln1 = n1 ? n1.lower : BOUNDARY;
    const sp1 = p1 ? p1.shape : BOUNDARY;
    const sn1 = n1 ? n1.shape : BOUNDARY;
    const ss = sentenceStart[i] ?? 0;
    const init = initial[i] ?? 0;
    const caps = capsLine[i] ?? 0;
    const table = tableLine[i] ?? 0;
    emit(bucket(1, 0));
    emit(bucket(2, t.lower));
    emit(bucket(3, t.exact));
    emit(bucket(4, lp1));
    emit(bucket(5, ln1));
    emit(bucket(6, p2 ? p2.lower : BOUNDARY));
    emit(bucket(7, n2 ? n2.lower : BOUNDARY));
    emit(bucket(8, t.shape));
    emit(bucket(9, sp1));
    emit(bucket(10, sn1));
    emit(bucket(11, t.longShape));
    emit(bucket(12, sp1, t.shape, sn1));
    emit(bucket(13, t.prefix3));
    emit(bucket(14, t.prefix4));
    emit(bucket(15, t.suffix2));
    emit(bucket(16, t.suffix3));
    emit(bucket(17, t.suffix4));
    emit(bucket(18, lp1, t.lower));
    emit(bucket(19, t.lower, ln1));
    emit(bucket(20, init, t.shape));
    emit(bucket(21, init, t.lower));
    emit(bucket(22, caps, t.shape));
    emit(bucket(23, caps, t.lower));
    emit(bucket(24, table, t.shape));
    emit(bucket(25, table, sp1, t.shape));
    emit(bucket(26, lp1, t.shape));
    emit(bucket(27, t.shape, ln1));
    emit(bucket(28, phrases[i] ?? 0, caps));
    emit(bucket(29, p1 ? (phrases[i - 1] ?? 0) : 99));
    emit(bucket(30, n1 ? (phrases[i + 1] ?? 0) : 99));
    emit(bucket(31, ss, i - (runStart[i] ?? i) > 0 ? 1 : 0, t.capital ? 1 : 0));
    const gaz = t.gaz;
    const gp = p1 ? p1.gaz : 0;
    const gn = n1 ? n1.gaz : 0;
    if (gaz | gp | gn) {
      for (let b = 0; b < GAZ_BITS; b += 1) {
        const bit = 1 << b;
        if (gaz & bit) emit(bucket(40, b, caps, init));
        if (gp & bit) emit(bucket(41, b));
        if (gn & bit) emit(bucket(42, b));
      }
    }
    if (t.capital) {
      const rs = runStart[i] ?? i;
      const re = runEnd[i] ?? i;
      const len = Math.min(re - rs + 1, 4);
      const pos = i === rs ? 0 : i === re ? 2 : 1;
      const head = infos[re] as TokenInfo;
      const headKind = head.gaz & G_ORG_HEAD ? 1 : head.gaz & G_PLACE_HEAD ? 2 : 0;
      emit(bucket(50, len, pos, caps));
      emit(bucket(51, headKind, pos));
      emit(bucket(52, head.lower, pos));
      const l = t.folded;
      const doc1 = midCapital.has(l) ? 1 : 0;
      const doc2 = lowerCase.has(l) ? 1 : 0;
      const doc3 = inLongName.has(l) ? 1 : 0;
      emit(bucket(53, doc1, doc2, init));
      emit(bucket(54, doc3, len === 1 ? 1 : 0, caps));
      const before = rs > 0 && doc.sentence[rs - 1] === sent ? (infos[rs - 1] as TokenInfo) : undefined;
      const after = re + 1 < n && doc.sentence[re + 1] === sent ? (infos[re + 1] as TokenInfo) : undefined;
      emit(bucket(55, before ? before.lower : BOUNDARY, pos));
      emit(bucket(56, after ? after.lower : BOUNDARY, pos));
      const the = before?.folded === 'the' || (rs === i && t.folded === 'the') ? 1 : 0;
      emit(bucket(57, the, len, headKind));
      // "( DMB )" after the run, or this token in brackets after a run whose capitals it spells.
      if (after && doc.words[re + 1] === '(' && doc.words[re + 3] === ')' && doc.sentence[re + 3] === sent) {
        emit(bucket(58, pos, isAbbreviationOf(doc.words[re + 2] ?? '', doc.words, rs, re) ? 1 : 0));
      }
      if (i >= 2 && doc.words[i - 1] === '(' && doc.words[i + 1] === ')' && (runEnd[i - 2] ?? -1) === i - 2) {
        const prs = runStart[i - 2] ?? i - 2;
        const prevHead = infos[i - 2] as TokenInfo;
        const prevKind = prevHead.gaz & G_ORG_HEAD ? 1 : prevHead.gaz & G_PLACE_HEAD ? 2 : 0;
        emit(bucket(59, isAbbreviationOf(doc.words[i] ?? '', doc.words, prs, i - 2) ? 1 : 0, prevKind));
      }
      for (let k = contexts.offsets[i] ?? 0; k < (contexts.offsets[i + 1] ?? 0); k += 1) {
        emit(bucket(80 + (contexts.kinds[k] ?? 0), contexts.hashes[k] ?? 0));
      }
    }
  }
  offsets[n] = size;
  return { offsets, features: out.subarray(0, size), lower: lowerArr, shape: shapeArr, folded, capital: Uint8Array.from(capital, (c) => (c ? 1 : 0)), phrases, initial };
}
