// Trains the check-worthiness model shipped in detect/claim-model.json: L2-regularised logistic regression over the cues
// of detect/claim-features.ts and hashed word, word-pair and shape features, on the ClaimBuster debate sentences
// (../shared/data/claimbuster/train.csv) plus our news tuning sets (NEWS_TRAIN_SETS in scripts/claims-data.ts);
// calibrated with Platt scaling on out-of-fold margins. Prints 5-fold cross-validated P/R/F1 on train.csv and scores on
// every news set (held-out ones are never trained on). Deterministic: same data, same file. Run: npm run train:claims

import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FEATURE_NAMES } from '../detect/claim-features';
import { CLAIM_MODEL_FORMAT, calibrate, packHashedWeights, type ClaimModelFile } from '../detect/claim-model';
import { CLAIM_BAND_FLOORS } from '../detect/claim-bands';
import { NEWS_HELDOUT_SETS, NEWS_TRAIN_SETS, fmt, loadClaimBuster, loadNewsSet, prf } from './claims-data';
import {
  EPOCHS,
  FOLDS,
  HASH_BITS,
  L2,
  LEARNING_RATE,
  NEWS_WEIGHT,
  SEED,
  crossValidate,
  marginOf,
  toExample,
  train,
  type Params,
} from './claims-lr';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '../detect/claim-model.json');

function main(): void {
  const debates = loadClaimBuster();
  const newsTrain = NEWS_TRAIN_SETS.flatMap((name) => loadNewsSet(name));
  const debateExamples = debates.map((s) => toExample(s, 1));
  const newsExamples = newsTrain.map((s) => toExample(s, NEWS_WEIGHT));
  console.log(
    `train.csv: ${debates.length} sentences (${debates.filter((s) => s.label).length} check-worthy); ` +
      `news tuning sets: ${newsTrain.length} sentences, weight ${NEWS_WEIGHT}`,
  );

  const { platt, probabilities: cvProbs } = crossValidate(debates, newsTrain);
  const gold = debates.map((s) => s.label);
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
