import type { DocFeatures } from './ner-features';
import { bucket } from './ner-hashing';

// The features of the entity tagger that depend on its own earlier decisions (detect/ner-model.ts adds them while
// decoding): the previous tags, and the types this document's earlier mentions of the same word were given.

/**
 * Extended prediction history (Ratinov and Roth 2009): the types this document's earlier capitalised mentions of
 * the same word were tagged with, while the greedy pass moves left to right. Lets "Leeds" in a results table follow
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

/** Buckets of the tag-history features of token i, given the two previous tags (-1 before the sentence). */
export function historyFeatures(f: DocFeatures, i: number, prev: number, prev2: number, history: PredictionHistory, into: Int32Array): void {
  into[0] = bucket(60, prev + 1);
  into[1] = bucket(61, prev + 1, prev2 + 1);
  into[2] = bucket(62, prev + 1, f.lower[i] ?? 0);
  into[3] = bucket(63, prev + 1, f.shape[i] ?? 0);
  const [type, unanimous] = history.summary(f, i);
  into[4] = bucket(70, type, unanimous);
  into[5] = bucket(71, type, f.initial[i] ?? 0, f.shape[i] ?? 0);
}
export const HISTORY_FEATURES = 6;
