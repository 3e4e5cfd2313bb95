// Trains the check-worthiness model shipped in detect/claim-model.json: L2-regularised logistic regression over the cues
// of detect/claim-features.ts and hashed word/word-pair features, on the ClaimBuster debate sentences
// (../shared/data/claimbuster/train.csv) plus our two tuning news sets; calibrated with Platt scaling on out-of-fold
// margins. Prints 5-fold cross-validated P/R/F1 on train.csv and scores on every news set (held-out ones are never
// trained on). Deterministic: same data, same file. Run: npm run train:claims

import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CUE_CAPS, FEATURE_NAMES, extractFeatures, hashedFeatures } from '../detect/claim-features';
import { CLAIM_MODEL_FORMAT, calibrate, packHashedWeights, type ClaimModelFile } from '../detect/claim-model';
import { CLAIM_BAND_FLOORS } from '../detect/claim-bands';
import {
  NEWS_HELDOUT_SETS,
  NEWS_TRAIN_SETS,
  fmt,
  loadClaimBuster,
  loadNewsSet,
  prf,
  seededRandom,
  shuffle,
  stratifiedFolds,
  type LabelledSentence,
} from './claims-data';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '../detect/claim-model.json');

const HASH_BITS = 18;
const FOLDS = 5;
const SEED = 20261130;
const EPOCHS = 25;
/** AdaGrad step size (Duchi, Hazan and Singer, 2011). */
const LEARNING_RATE = 0.02;
/** L2 penalty per example update; chosen by cross-validated F1 on train.csv. */
const L2 = 2e-5;
/** Our news sentences are few and of the genre users read, so each counts as this many debate sentences. */
const NEWS_WEIGHT = 3;

interface Example {
  /** Raw cue counts, for the question/boilerplate cap of `calibrate`. */
  counts: ReturnType<typeof extractFeatures>;
  cues: Float64Array;
  hashes: number[];
  y: number;
  weight: number;
}

function toExample(s: LabelledSentence, weight: number): Example {
  const counts = extractFeatures(s.text);
  const cues = new Float64Array(FEATURE_NAMES.length);
  FEATURE_NAMES.forEach((name, i) => (cues[i] = Math.min(counts[name] ?? 0, CUE_CAPS[name])));
  return { counts, cues, hashes: hashedFeatures(s.text, HASH_BITS), y: s.label ? 1 : 0, weight };
}

interface Params {
  bias: number;
  cues: Float64Array;
  hashed: Float64Array;
}

function marginOf(p: Params, x: Example): number {
  let z = p.bias;
  for (let i = 0; i < x.cues.length; i++) z += p.cues[i]! * x.cues[i]!;
  for (const h of x.hashes) z += p.hashed[h]!;
  return z;
}

/** Sparse AdaGrad on the weighted log loss with L2 applied to the weights each example touches. */
function train(examples: Example[]): Params {
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
function fitPlatt(margins: number[], labels: number[]): { a: number; b: number } {
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

function main(): void {
  const debates = loadClaimBuster();
  const newsTrain = NEWS_TRAIN_SETS.flatMap((name) => loadNewsSet(name));
  const debateExamples = debates.map((s) => toExample(s, 1));
  const newsExamples = newsTrain.map((s) => toExample(s, NEWS_WEIGHT));
  console.log(
    `train.csv: ${debates.length} sentences (${debates.filter((s) => s.label).length} check-worthy); ` +
      `news tuning sets: ${newsTrain.length} sentences, weight ${NEWS_WEIGHT}`,
  );

  // Cross-validation on train.csv: each fold's model also sees all news tuning sentences (never the held-out sets).
  const folds = stratifiedFolds(debates, FOLDS, SEED);
  const outOfFold = new Array<number>(debates.length).fill(0);
  for (let k = 0; k < FOLDS; k++) {
    const params = train([...debateExamples.filter((_, i) => folds[i] !== k), ...newsExamples]);
    debateExamples.forEach((x, i) => {
      if (folds[i] === k) outOfFold[i] = marginOf(params, x);
    });
  }
  const gold = debates.map((s) => s.label);
  const platt = fitPlatt(outOfFold, gold.map((g) => (g ? 1 : 0)));
  const cvProbs = outOfFold.map((m, i) => calibrate({ platt }, m, debateExamples[i]!.counts));
  let best = { threshold: 0.5, f1: 0 };
  for (let t = 0.2; t <= 0.7001; t += 0.01) {
    const f1 = prf(gold, cvProbs.map((q) => q >= t)).f1;
    if (f1 > best.f1) best = { threshold: Math.round(t * 100) / 100, f1 };
  }
  const shipped = CLAIM_BAND_FLOORS.medium;
  const cvAtShipped = prf(gold, cvProbs.map((q) => q >= shipped));
  console.log(`Platt scaling: a=${platt.a.toFixed(4)} b=${platt.b.toFixed(4)}`);
  console.log(`${FOLDS}-fold CV on train.csv at the check-worthy threshold ${shipped}: ${fmt(cvAtShipped)}`);
  console.log(`  (best CV F1 ${best.f1.toFixed(3)} at threshold ${best.threshold})`);

  const final = train([...debateExamples, ...newsExamples]);
  const packed = packHashedWeights(final.hashed);
  const cues: Record<string, number> = {};
  FEATURE_NAMES.forEach((name, i) => (cues[name] = Math.round(final.cues[i]! * 10000) / 10000));
  const file: ClaimModelFile = {
    format: CLAIM_MODEL_FORMAT,
    hashBits: HASH_BITS,
    bias: Math.round(final.bias * 10000) / 10000,
    cues,
    ...packed,
    platt: { a: Math.round(platt.a * 10000) / 10000, b: Math.round(platt.b * 10000) / 10000 },
    threshold: shipped,
    provenance: {
      data: 'ClaimBuster crowdsourced 2-class sentences (Arslan et al., 2020) train.csv + tests/fixtures/labelled ' + NEWS_TRAIN_SETS.join(', '),
      trainer: 'scripts/train-claims.ts',
      hyperparameters: { epochs: EPOCHS, learningRate: LEARNING_RATE, l2: L2, newsWeight: NEWS_WEIGHT, seed: SEED },
      crossValidation: { folds: FOLDS, threshold: shipped, ...round(cvAtShipped), bestThreshold: best.threshold, bestF1: +best.f1.toFixed(3) },
    },
  };

  // News sets with the final model, exactly as shipped (quantised), at the shipped threshold.
  const scale = packed.scale;
  const quantised: Params = { bias: file.bias, cues: Float64Array.from(FEATURE_NAMES, (n) => cues[n]!), hashed: final.hashed.map((w) => Math.round(w / scale) * scale) };
  for (const name of [...NEWS_TRAIN_SETS, ...NEWS_HELDOUT_SETS]) {
    const set = loadNewsSet(name);
    const predicted = set.map((s) => {
      const x = toExample(s, 1);
      return calibrate(file, marginOf(quantised, x), x.counts) >= shipped;
    });
    const role = (NEWS_TRAIN_SETS as readonly string[]).includes(name) ? 'trained on' : 'held out';
    console.log(`${name} (${role}): ${fmt(prf(set.map((s) => s.label), predicted))}`);
  }
  writeFileSync(OUT, `${JSON.stringify(file)}\n`);
  console.log(`wrote ${OUT}: ${packed.count} hashed weights`);
}

function round(s: { precision: number; recall: number; f1: number }) {
  return { precision: +s.precision.toFixed(3), recall: +s.recall.toFixed(3), f1: +s.f1.toFixed(3) };
}

main();
