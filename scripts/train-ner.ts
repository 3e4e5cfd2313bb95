// `npm run train:ner`: trains the entity tagger (structured averaged perceptron with Viterbi decoding over hashed
// features, Collins 2002; features in detect/ner-features.ts) on CoNLL-2003 eng.train plus the modern prose of ../shared/data/modern-ner
// (CrossNER and WikiGold, four documents in five, weighted up by repetition), prints development scores on
// eng.testa and the held-out modern documents, and writes the quantised weights to detect/ner-weights.ts.
// Deterministic: a fixed seed orders the documents of every epoch.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LABELS, NUM_CLASSES, docFeatures, type DocFeatures, type Label } from '../detect/ner-features';
import { HASH_BITS } from '../detect/ner-hashing';
import { MENTION_FEATURES, PAIR_FEATURES, PredictionHistory, mentionFeatures, pairFeatures } from '../detect/ner-history';
import { SentenceDecoder, forEachSentence, pairTable, tagDoc, type TaggerWeights } from '../detect/ner-decode';
import { encodeWeights, quantiseWeights } from '../detect/ner-model';
import type { NerDoc } from '../detect/ner-tokens';
import { CROSSNER_DOMAINS, isHeldOut, isTuning, readConll, readCrossner, requireData, toNerDoc, type LabelledDoc } from './ner-data';

const EPOCHS = Number(process.env.EPOCHS ?? 12);
/** Each modern training document is seen this many times per epoch: they are few, and closest to what readers read. */
const MODERN_WEIGHT = Number(process.env.MODERN_WEIGHT ?? 3);
const SEED = 20030531;
/**
 * TUNE=1: leave the tuning fifth of the modern data (ner-data.ts isTuning) out of training and score on it. The shipped
 * weights are not touched; WEIGHTS_OUT=FILE writes the tuned weights there, for `npm run eval:ner -- --tuning --weights FILE`.
 */
const TUNE = process.env.TUNE === '1';
const WEIGHTS_OUT = process.env.WEIGHTS_OUT;

interface Prepared {
  doc: NerDoc;
  features: DocFeatures;
  gold: Uint8Array;
}

function prepare(docs: LabelledDoc[]): Prepared[] {
  return docs.map((d) => {
    const doc = toNerDoc(d);
    const gold = Uint8Array.from(d.sentences.flatMap((s) => s.labels.map((l) => LABELS.indexOf(l))));
    return { doc, features: docFeatures(doc), gold };
  });
}

/** Mulberry32: a small seeded generator, so every run orders the documents the same way. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Entity spans "start:end:type" of a BIO label sequence (sentence boundaries given), MISC left out. */
export function spansOf(tags: ArrayLike<number>, doc: NerDoc): Set<string> {
  const spans = new Set<string>();
  let start = -1;
  let type = '';
  const close = (end: number) => {
    if (start >= 0 && type !== 'MISC') spans.add(`${start}:${end}:${type}`);
    start = -1;
  };
  for (let i = 0; i < tags.length; i += 1) {
    const label = LABELS[tags[i] ?? 0] as Label;
    const newSentence = i > 0 && doc.sentence[i] !== doc.sentence[i - 1];
    if (label === 'O' || label.startsWith('B-') || newSentence || label.slice(2) !== type) close(i);
    if (label !== 'O' && start < 0) {
      start = i;
      type = label.slice(2);
    }
  }
  close(tags.length);
  return spans;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

function f1(c: Counts): string {
  const p = c.tp / Math.max(1, c.tp + c.fp);
  const r = c.tp / Math.max(1, c.tp + c.fn);
  return `P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${(p + r === 0 ? 0 : (2 * p * r) / (p + r)).toFixed(3)}`;
}

/** Entity-level exact-match scores of the bare tagger (no post-processing) per type and overall. */
function score(name: string, data: Prepared[], weights: TaggerWeights): string {
  const by: Record<string, Counts> = { PER: { tp: 0, fp: 0, fn: 0 }, ORG: { tp: 0, fp: 0, fn: 0 }, LOC: { tp: 0, fp: 0, fn: 0 } };
  for (const d of data) {
    const gold = spansOf(d.gold, d.doc);
    const found = spansOf(tagDoc(weights, d.doc, d.features), d.doc);
    for (const s of found) {
      const c = by[s.split(':')[2] ?? ''] as Counts;
      if (gold.has(s)) c.tp += 1;
      else c.fp += 1;
    }
    for (const s of gold) if (!found.has(s)) (by[s.split(':')[2] ?? ''] as Counts).fn += 1;
  }
  const all = Object.values(by).reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  return `${name.padEnd(22)} ${f1(all)} | ${Object.entries(by).map(([t, c]) => `${t} ${f1(c)}`).join(' | ')}`;
}

/**
 * Structured averaged perceptron (Collins 2002) with lazy averaging (`totals` holds the sum of every weight over
 * time): each sentence is decoded by Viterbi with the current weights (detect/ner-decode.ts), and where its labels
 * differ from the gold ones the features of the gold labels gain one and those of the predicted labels lose one.
 */
function train(data: Prepared[], order: number[], epochs: number, dev: Array<[string, Prepared[]]>): Float32Array {
  const size = (1 << HASH_BITS) * NUM_CLASSES;
  const weights = new Float32Array(size);
  const totals = new Float64Array(size);
  const stamps = new Int32Array(size);
  const buckets = new Int32Array(Math.max(PAIR_FEATURES, MENTION_FEATURES));
  const decoder = new SentenceDecoder();
  let time = 1;
  const update = (index: number, delta: number) => {
    totals[index] = (totals[index] ?? 0) + (time - (stamps[index] ?? 0)) * (weights[index] ?? 0);
    stamps[index] = time;
    weights[index] = (weights[index] ?? 0) + delta;
  };
  const updateAll = (from: Int32Array, start: number, end: number, truth: number, guess: number) => {
    for (let k = start; k < end; k += 1) {
      const base = (from[k] ?? 0) * NUM_CLASSES;
      update(base + truth, 1);
      update(base + guess, -1);
    }
  };
  const next = random(SEED);
  const averaged = () => {
    const avg = new Float32Array(size);
    for (let k = 0; k < size; k += 1) avg[k] = ((totals[k] ?? 0) + (time - (stamps[k] ?? 0)) * (weights[k] ?? 0)) / time;
    return avg;
  };
  for (let epoch = 1; epoch <= epochs; epoch += 1) {
    for (let k = order.length - 1; k > 0; k -= 1) {
      const j = Math.floor(next() * (k + 1));
      [order[k], order[j]] = [order[j] as number, order[k] as number];
    }
    let errors = 0;
    let tokens = 0;
    for (const index of order) {
      const { doc, features, gold } = data[index] as Prepared;
      const tags = new Uint8Array(doc.words.length);
      const history = new PredictionHistory();
      forEachSentence(doc, (from, to) => {
        decoder.decode(weights, features, from, to, history, tags, pairTable(weights, features, from, to), from);
        for (let i = from; i < to; i += 1) {
          const truth = gold[i] ?? 0;
          const guess = tags[i] ?? 0;
          const truthPrev = i === from ? -1 : (gold[i - 1] ?? 0);
          const guessPrev = i === from ? -1 : (tags[i - 1] ?? 0);
          if (truth !== guess) {
            errors += 1;
            updateAll(features.features, features.offsets[i] ?? 0, features.offsets[i + 1] ?? 0, truth, guess);
            mentionFeatures(features, i, history, buckets);
            updateAll(buckets, 0, MENTION_FEATURES, truth, guess);
          }
          if (truth !== guess || truthPrev !== guessPrev) {
            pairFeatures(features, i, truthPrev, buckets);
            for (let k = 0; k < PAIR_FEATURES; k += 1) update((buckets[k] ?? 0) * NUM_CLASSES + truth, 1);
            pairFeatures(features, i, guessPrev, buckets);
            for (let k = 0; k < PAIR_FEATURES; k += 1) update((buckets[k] ?? 0) * NUM_CLASSES + guess, -1);
          }
          tokens += 1;
          time += 1;
        }
        for (let i = from; i < to; i += 1) history.record(features, i, tags[i] ?? 0);
      });
    }
    const line = `epoch ${String(epoch).padStart(2)}: training token error ${((100 * errors) / tokens).toFixed(2)}%`;
    if (epoch === epochs || epoch % 4 === 0) {
      const avg = averaged();
      console.log([line, ...dev.map(([name, d]) => `  ${score(name, d, avg)}`)].join('\n'));
    } else console.log(line);
  }
  return averaged();
}

function main(): void {
  const modernFiles = [...CROSSNER_DOMAINS.map((d) => `modern-ner/crossner-${d}-train.txt`), 'modern-ner/wikigold.conll.txt'];
  requireData('conll2003/eng.train', 'conll2003/eng.testa', ...modernFiles);
  const started = performance.now();
  const conll = prepare(readConll('conll2003/eng.train'));
  const testa = prepare(readConll('conll2003/eng.testa'));
  const crossner = CROSSNER_DOMAINS.flatMap((d) => readCrossner(`modern-ner/crossner-${d}-train.txt`));
  const wikigold = readConll('modern-ner/wikigold.conll.txt');
  const training = (d: LabelledDoc) => !isHeldOut(d) && !(TUNE && isTuning(d));
  const crossTrain = prepare(crossner.filter(training));
  const crossDev = prepare(crossner.filter(isHeldOut));
  const wikiTrain = prepare(wikigold.filter(training));
  const wikiDev = prepare(wikigold.filter(isHeldOut));
  const data = [...conll, ...crossTrain, ...wikiTrain];
  const order: number[] = [];
  data.forEach((_, i) => {
    const copies = i < conll.length ? 1 : MODERN_WEIGHT;
    for (let c = 0; c < copies; c += 1) order.push(i);
  });
  const tokens = (ds: Prepared[]) => ds.reduce((n, d) => n + d.doc.words.length, 0);
  console.log(
    `training on ${conll.length} CoNLL documents (${tokens(conll)} tokens), ${crossTrain.length} CrossNER sentences ` +
      `(${tokens(crossTrain)}), ${wikiTrain.length} WikiGold documents (${tokens(wikiTrain)}), modern x${MODERN_WEIGHT}; ` +
      `held out: ${crossDev.length} CrossNER sentences, ${wikiDev.length} WikiGold documents`,
  );
  const dev: Array<[string, Prepared[]]> = TUNE
    ? [
        ['eng.testa', testa],
        ['CrossNER tuning', prepare(crossner.filter(isTuning))],
        ['WikiGold tuning', prepare(wikigold.filter(isTuning))],
      ]
    : [
        ['eng.testa', testa],
        ['CrossNER held-out', crossDev],
        ['WikiGold held-out', wikiDev],
      ];
  const weights = train(data, order, EPOCHS, dev);
  if (TUNE && !WEIGHTS_OUT) return;
  const quantised = quantiseWeights(weights);
  console.log('quantised to int16 (bare tagger, before findEntities post-processing):');
  for (const [name, d] of dev) console.log(`  ${score(name, d, quantised.weights)}`);
  const encoded = encodeWeights(quantised);
  const out = WEIGHTS_OUT ?? join(dirname(fileURLToPath(import.meta.url)), '../detect/ner-weights.ts');
  writeFileSync(
    out,
    '// Generated by `npm run train:ner` (scripts/train-ner.ts) from CoNLL-2003 eng.train, CrossNER and WikiGold;\n' +
      '// learned parameters only, no training text. Format: detect/ner-model.ts. Do not edit.\n' +
      `export const NER_WEIGHTS = '${encoded}';\n`,
  );
  console.log(`wrote ${out}: ${encoded.length} base64 characters; ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main();
