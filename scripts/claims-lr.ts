// The learning half of the claim model, shared by train-claims.ts (which writes the weights) and eval-claims.ts (which
// re-runs the cross-validation): feature vectors, sparse AdaGrad logistic regression, Platt scaling, k-fold CV.

import { CUE_CAPS, FEATURE_NAMES, extractFeatures, hashedFeatures } from '../detect/claim-features';
import { calibrate } from '../detect/claim-model';
import { seededRandom, shuffle, stratifiedFolds, type LabelledSentence } from './claims-data';

export const HASH_BITS = 18;
export const FOLDS = 5;
export const SEED = 20261130;
export const EPOCHS = 25;
/** AdaGrad step size (Duchi, Hazan and Singer, 2011). */
export const LEARNING_RATE = 0.02;
/** L2 penalty per example update; chosen by cross-validated F1 on train.csv. */
export const L2 = 2e-5;
/** Weight of each of our news sentences relative to a debate sentence; 1 measured best (CV F1 and held-out news) of 1, 2, 3. */
export const NEWS_WEIGHT = 1;

export interface Example {
  /** Raw cue counts, for the question/boilerplate cap of `calibrate`. */
  counts: ReturnType<typeof extractFeatures>;
  cues: Float64Array;
  hashes: number[];
  y: number;
  weight: number;
}

export function toExample(s: LabelledSentence, weight: number): Example {
  const counts = extractFeatures(s.text);
  const cues = new Float64Array(FEATURE_NAMES.length);
  FEATURE_NAMES.forEach((name, i) => (cues[i] = Math.min(counts[name] ?? 0, CUE_CAPS[name])));
  return { counts, cues, hashes: hashedFeatures(s.text, HASH_BITS), y: s.label ? 1 : 0, weight };
}

export interface Params {
  bias: number;
  cues: Float64Array;
  hashed: Float64Array;
}

export function marginOf(p: Params, x: Example): number {
  let z = p.bias;
  for (let i = 0; i < x.cues.length; i++) z += p.cues[i]! * x.cues[i]!;
  for (const h of x.hashes) z += p.hashed[h]!;
  return z;
}

/** Sparse AdaGrad on the weighted log loss with L2 applied to the weights each example touches. */
export function train(examples: Example[]): Params {
  const p: Params = { bias: 0, cues: new Float64Array(FEATURE_NAMES.length), hashed: new Float64Array(1 << HASH_BITS) };
  const g2 = { bias: 1e-8, cues: new Float64Array(FEATURE_NAMES.length).fill(1e-8), hashed: new Float64Array(1 << HASH_BITS).fill(1e-8) };
  const random = seededRandom(SEED);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (const x of shuffle(examples, random)) {
      const prob = 1 / (1 + Math.exp(-marginOf(p, x)));
      const err = (prob - x.y) * x.weight;
      g2.bias += err * err;
      p.bias -= (LEARNING_RATE * err) / Math.sqrt(g2.bias);
      for (let i = 0; i < x.cues.length; i++) {
        const v = x.cues[i]!;
        if (v === 0) continue;
        const g = err * v + L2 * p.cues[i]!;
        g2.cues[i] = g2.cues[i]! + g * g;
        p.cues[i] = p.cues[i]! - (LEARNING_RATE * g) / Math.sqrt(g2.cues[i]!);
      }
      for (const h of x.hashes) {
        const g = err + L2 * p.hashed[h]!;
        g2.hashed[h] = g2.hashed[h]! + g * g;
        p.hashed[h] = p.hashed[h]! - (LEARNING_RATE * g) / Math.sqrt(g2.hashed[h]!);
      }
    }
  }
  return p;
}

/** Platt scaling: fits a, b of 1 / (1 + exp(-(a·margin + b))) by Newton's method on the log loss. */
export function fitPlatt(margins: number[], labels: number[]): { a: number; b: number } {
  let a = 1;
  let b = 0;
  for (let iter = 0; iter < 50; iter++) {
    let ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
    margins.forEach((m, i) => {
      const q = 1 / (1 + Math.exp(-(a * m + b)));
      const d = q - labels[i]!;
      const w = Math.max(q * (1 - q), 1e-12);
      ga += d * m;
      gb += d;
      haa += w * m * m;
      hab += w * m;
      hbb += w;
    });
    const det = haa * hbb - hab * hab;
    if (Math.abs(det) < 1e-12) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-9) break;
  }
  return { a, b };
}


export interface CrossValidation {
  /** Out-of-fold margin of every train.csv sentence. */
  margins: number[];
  platt: { a: number; b: number };
  /** Out-of-fold calibrated probabilities, with the question/boilerplate cap the scorer applies. */
  probabilities: number[];
}

/**
 * Stratified k-fold cross-validation on the debate sentences; every fold's model is also trained on all `news`
 * sentences (the tuning sets, never the held-out ones), as the shipped model is. Platt scaling is fitted on the
 * out-of-fold margins.
 */
export function crossValidate(debates: LabelledSentence[], news: LabelledSentence[]): CrossValidation {
  const debateExamples = debates.map((s) => toExample(s, 1));
  const newsExamples = news.map((s) => toExample(s, NEWS_WEIGHT));
  const folds = stratifiedFolds(debates, FOLDS, SEED);
  const margins = new Array<number>(debates.length).fill(0);
  for (let k = 0; k < FOLDS; k++) {
    const params = train([...debateExamples.filter((_, i) => folds[i] !== k), ...newsExamples]);
    debateExamples.forEach((x, i) => {
      if (folds[i] === k) margins[i] = marginOf(params, x);
    });
  }
  const platt = fitPlatt(margins, debates.map((s) => (s.label ? 1 : 0)));
  const probabilities = margins.map((m, i) => calibrate({ platt }, m, debateExamples[i]!.counts));
  return { margins, platt, probabilities };
}
