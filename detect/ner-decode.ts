import { NUM_CLASSES, allowedAfter, type DocFeatures } from './ner-features';
import { MENTION_FEATURES, PAIR_FEATURES, PredictionHistory, mentionFeatures, pairFeatures } from './ner-history';
import type { NerDoc } from './ner-tokens';

// Decoding of the entity tagger: first-order Viterbi over the BIO labels of one sentence at a time (the
// structured perceptron's decoder, Collins 2002), with the types of earlier sentences' mentions (ner-history.ts)
// fixed while a sentence is decoded. Measured against the greedy left-to-right decoder it replaced: see README
// "Entity model".

/** Weights as the tagger reads them: the shipped int16 units, or the trainer's real numbers. */
export type TaggerWeights = Int16Array | Float32Array;

// The scoring loop is unrolled over the nine classes (it runs ~70 times per token); this guards the unrolling.
if (NUM_CLASSES !== 9) throw new Error('addBuckets is unrolled for 9 classes');

// Local copies of imported constants and of the BIO constraint: when tsx or Vitest compile these ES modules to
// CommonJS, every read of an imported binding is a getter call, and the decoding loops read them per token and
// class (measured: about a tenth of findEntities' time).
const CLASSES = NUM_CLASSES;
const PAIRS = PAIR_FEATURES;
const MENTIONS = MENTION_FEATURES;
/** Previous-label slots: -1 (sentence start) and the nine labels, stored at prev + 1. */
const PREVS = CLASSES + 1;
/** ALLOWED[(prev + 1) * CLASSES + next] is 1 when label `next` may follow label `prev` (allowedAfter; -1 acts as O). */
const ALLOWED = new Uint8Array(PREVS * CLASSES);
for (let prev = -1; prev < CLASSES; prev += 1) {
  for (let next = 0; next < CLASSES; next += 1) ALLOWED[(prev + 1) * CLASSES + next] = allowedAfter(Math.max(prev, 0), next) ? 1 : 0;
}

/** Adds the nine class weights of `count` buckets (from `buckets[from]` on) to `scores[at..at + 9)`. */
function addBuckets(weights: TaggerWeights, buckets: Int32Array, from: number, count: number, scores: Float64Array, at: number): void {
  let s0 = scores[at] as number;
  let s1 = scores[at + 1] as number;
  let s2 = scores[at + 2] as number;
  let s3 = scores[at + 3] as number;
  let s4 = scores[at + 4] as number;
  let s5 = scores[at + 5] as number;
  let s6 = scores[at + 6] as number;
  let s7 = scores[at + 7] as number;
  let s8 = scores[at + 8] as number;
  const end = from + count;
  for (let k = from; k < end; k += 1) {
    const b = (buckets[k] as number) * 9;
    s0 += weights[b] as number;
    s1 += weights[b + 1] as number;
    s2 += weights[b + 2] as number;
    s3 += weights[b + 3] as number;
    s4 += weights[b + 4] as number;
    s5 += weights[b + 5] as number;
    s6 += weights[b + 6] as number;
    s7 += weights[b + 7] as number;
    s8 += weights[b + 8] as number;
  }
  scores[at] = s0;
  scores[at + 1] = s1;
  scores[at + 2] = s2;
  scores[at + 3] = s3;
  scores[at + 4] = s4;
  scores[at + 5] = s5;
  scores[at + 6] = s6;
  scores[at + 7] = s7;
  scores[at + 8] = s8;
}

/**
 * The pair features' class scores (ner-history.ts pairFeatures: they depend only on the previous label and the
 * token's word and shape) of tokens [from, to), computed once per distinct word and shape: function words and
 * punctuation make most of an article, so a whole document costs a few hundred lookups instead of 27 per token.
 * Scores of token i after label prev: scores[((index[i - from] * PREVS) + prev + 1) * CLASSES + class].
 */
export interface PairTable {
  index: Int32Array;
  scores: Float64Array;
}

/** Builds the PairTable of tokens [from, to) with these weights (rebuild it after the weights change). */
export function pairTable(weights: TaggerWeights, f: DocFeatures, from: number, to: number): PairTable {
  const index = new Int32Array(to - from);
  const seen = new Map<number, Map<number, number>>();
  const firsts: number[] = [];
  for (let i = from; i < to; i += 1) {
    const lower = f.lower[i] as number;
    const shape = f.shape[i] as number;
    let byShape = seen.get(lower);
    if (!byShape) {
      byShape = new Map();
      seen.set(lower, byShape);
    }
    let k = byShape.get(shape);
    if (k === undefined) {
      k = firsts.length;
      byShape.set(shape, k);
      firsts.push(i);
    }
    index[i - from] = k;
  }
  const scores = new Float64Array(firsts.length * PREVS * CLASSES);
  const buckets = new Int32Array(PAIRS);
  firsts.forEach((i, k) => {
    for (let prev = -1; prev < CLASSES; prev += 1) {
      pairFeatures(f, i, prev, buckets);
      addBuckets(weights, buckets, 0, PAIRS, scores, (k * PREVS + prev + 1) * CLASSES);
    }
  });
  return { index, scores };
}

/**
 * Viterbi decoding of one sentence at a time, with work buffers kept between sentences (grown to the longest).
 * Used by `tagDoc` and by the trainer, which decodes with its current weights and compares with the gold labels.
 */
export class SentenceDecoder {
  private emission = new Float64Array(0);
  private delta = new Float64Array(0);
  private back = new Int8Array(0);
  private readonly buckets = new Int32Array(MENTIONS);

  private ensure(n: number): void {
    if (this.delta.length >= n * CLASSES) return;
    const size = Math.max(n, 64);
    this.emission = new Float64Array(size * CLASSES);
    this.delta = new Float64Array(size * CLASSES);
    this.back = new Int8Array(size * CLASSES);
  }

  /**
   * Writes the best label sequence (indices into LABELS) of tokens [from, to) of one sentence into `tags`, under
   * the BIO constraint; `history` holds the types of mentions in the sentences before and is not changed. `pairs`
   * is a PairTable of these weights covering the sentence, built from token `pairsFrom` on.
   */
  decode(weights: TaggerWeights, f: DocFeatures, from: number, to: number, history: PredictionHistory, tags: Uint8Array, pairs: PairTable, pairsFrom: number): void {
    const n = to - from;
    this.ensure(n);
    const { emission, delta, back, buckets } = this;
    const pair = pairs.scores;
    const rows = pairs.index;
    emission.fill(0, 0, n * CLASSES);
    for (let t = 0; t < n; t += 1) {
      const i = from + t;
      const start = f.offsets[i] as number;
      addBuckets(weights, f.features, start, (f.offsets[i + 1] as number) - start, emission, t * CLASSES);
      mentionFeatures(f, i, history, buckets);
      addBuckets(weights, buckets, 0, MENTIONS, emission, t * CLASSES);
    }
    // At a sentence's start the previous label is -1 (slot 0 of the token's pair row).
    const first = (rows[from - pairsFrom] as number) * PREVS * CLASSES;
    for (let c = 0; c < CLASSES; c += 1) {
      delta[c] = ALLOWED[c] === 1 ? (emission[c] as number) + (pair[first + c] as number) : -Infinity;
    }
    for (let t = 1; t < n; t += 1) {
      const row = (rows[from + t - pairsFrom] as number) * PREVS * CLASSES;
      for (let c = 0; c < CLASSES; c += 1) {
        let best = -Infinity;
        let arg = 0;
        for (let p = 0; p < CLASSES; p += 1) {
          if (ALLOWED[(p + 1) * CLASSES + c] !== 1) continue;
          const s = (delta[(t - 1) * CLASSES + p] as number) + (pair[row + (p + 1) * CLASSES + c] as number);
          if (s > best) {
            best = s;
            arg = p;
          }
        }
        delta[t * CLASSES + c] = best + (emission[t * CLASSES + c] as number);
        back[t * CLASSES + c] = arg;
      }
    }
    let last = 0;
    for (let c = 1; c < CLASSES; c += 1) if ((delta[(n - 1) * CLASSES + c] as number) > (delta[(n - 1) * CLASSES + last] as number)) last = c;
    for (let t = n - 1; t >= 0; t -= 1) {
      tags[from + t] = last;
      last = back[t * CLASSES + last] as number;
    }
  }
}

/** Calls `visit(from, to)` for each sentence of the document: the runs of tokens with one sentence number. */
export function forEachSentence(doc: NerDoc, visit: (from: number, to: number) => void): void {
  const n = doc.words.length;
  let from = 0;
  for (let i = 1; i <= n; i += 1) {
    if (i === n || doc.sentence[i] !== doc.sentence[i - 1]) {
      visit(from, i);
      from = i;
    }
  }
}

/** Tags a document sentence by sentence (Viterbi): a label index (into LABELS) per token. */
export function tagDoc(weights: TaggerWeights, doc: NerDoc, f: DocFeatures): Uint8Array {
  const tags = new Uint8Array(doc.words.length);
  const decoder = new SentenceDecoder();
  const history = new PredictionHistory();
  const pairs = pairTable(weights, f, 0, doc.words.length);
  forEachSentence(doc, (from, to) => {
    decoder.decode(weights, f, from, to, history, tags, pairs, 0);
    for (let i = from; i < to; i += 1) history.record(f, i, tags[i] as number);
  });
  return tags;
}
