import type { DocFeatures } from './ner-features';
import { bucket as importedBucket } from './ner-hashing';

/** A local copy: imported bindings compiled to CommonJS (tsx, Vitest) are getter calls, read here per token. */
const bucket = importedBucket;

// The features of the entity tagger that depend on its own decisions (detect/ner-decode.ts adds them while
// decoding): the previous label, and the types this document's earlier mentions of the same word were given.

/**
 * Extended prediction history (Ratinov and Roth 2009): the types this document's earlier capitalised mentions of
 * the same word were tagged with in the sentences decoded before. Lets "Leeds" in a results table follow
 * "Leeds" tagged as a club above, with no second model.
 */
export class PredictionHistory {
  private readonly counts = new Map<number, Int32Array>();

  /** Counts the type (O, PER, ORG, LOC, MISC) of the label given to token i. */
  record(f: DocFeatures, i: number, label: number): void {
    if (f.capital[i] !== 1) return;
    const key = f.lower[i] ?? 0;
    let c = this.counts.get(key);
    if (!c) {
      c = new Int32Array(5);
      this.counts.set(key, c);
    }
    c[(label + 1) >> 1] = (c[(label + 1) >> 1] ?? 0) + 1;
  }

  /** Majority earlier type of token i's word (0 when none), and whether every earlier mention agreed. */
  summary(f: DocFeatures, i: number): [number, number] {
    if (f.capital[i] !== 1) return [6, 0];
    const c = this.counts.get(f.lower[i] ?? 0);
    if (!c) return [0, 0];
    let best = 0;
    let total = 0;
    for (let t = 0; t < 5; t += 1) {
      total += c[t] ?? 0;
      if ((c[t] ?? 0) > (c[best] ?? 0)) best = t;
    }
    return [best + 1, (c[best] ?? 0) === total ? 1 : 0];
  }
}

/** Number of buckets pairFeatures writes. */
export const PAIR_FEATURES = 3;

/**
 * Buckets of the features that pair token i's label with the label before it (`prev`, -1 at a sentence's start):
 * the transition itself, and the transition with the word and with its shape. Viterbi decoding (ner-decode.ts)
 * scores them for every possible `prev`.
 */
export function pairFeatures(f: DocFeatures, i: number, prev: number, into: Int32Array): void {
  into[0] = bucket(60, prev + 1);
  into[1] = bucket(62, prev + 1, f.lower[i] ?? 0);
  into[2] = bucket(63, prev + 1, f.shape[i] ?? 0);
}

/** Number of buckets mentionFeatures writes. */
export const MENTION_FEATURES = 2;

/** Buckets of the features of the types this document's earlier mentions of token i's word were given. */
export function mentionFeatures(f: DocFeatures, i: number, history: PredictionHistory, into: Int32Array): void {
  const [type, unanimous] = history.summary(f, i);
  into[0] = bucket(70, type, unanimous);
  into[1] = bucket(71, type, f.initial[i] ?? 0, f.shape[i] ?? 0);
}
