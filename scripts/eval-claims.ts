// Evaluates check-worthiness against the cue-regex baseline of the literature (digits, comparatives, "said"/"according
// to"): 5-fold cross-validation on the ClaimBuster sentences (../shared/data/claimbuster/train.csv; the same folds,
// features and training as scripts/train-claims.ts, so this is the estimate for unseen debates), then the shipped model
// (detect/claim-model.json, as the extension runs it) on each of our labelled news sets. Run: npm run eval:claims

import { CHECK_WORTHY_THRESHOLD, isCheckWorthy } from '../detect/claims';
import {
  NEWS_HELDOUT_SETS,
  NEWS_TRAIN_SETS,
  cueBaseline,
  fmt,
  loadClaimBuster,
  loadNewsSet,
  prf,
  type LabelledSentence,
} from './claims-data';
import { FOLDS, crossValidate } from './claims-lr';

function compare(name: string, set: LabelledSentence[], predicted: boolean[]): void {
  const gold = set.map((s) => s.label);
  console.log(name);
  console.log(`  learned scorer  ${fmt(prf(gold, predicted))}`);
  console.log(`  cue baseline    ${fmt(prf(gold, set.map((s) => cueBaseline(s.text))))}`);
}

function main(): void {
  const debates = loadClaimBuster();
  const news = NEWS_TRAIN_SETS.flatMap((name) => loadNewsSet(name));
  console.log(`threshold ${CHECK_WORTHY_THRESHOLD} (medium band floor)`);
  const cv = crossValidate(debates, news);
  compare(`train.csv, ${FOLDS}-fold cross-validated`, debates, cv.probabilities.map((p) => p >= CHECK_WORTHY_THRESHOLD));
  for (const name of NEWS_TRAIN_SETS) {
    const set = loadNewsSet(name);
    compare(`${name} (trained on)`, set, set.map((s) => isCheckWorthy(s.text)));
  }
  for (const name of NEWS_HELDOUT_SETS) {
    const set = loadNewsSet(name);
    compare(`${name} (held out)`, set, set.map((s) => isCheckWorthy(s.text)));
  }
}

main();
