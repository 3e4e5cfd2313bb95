// Shared by train-claims.ts and eval-claims.ts: reading the ClaimBuster sentences and our labelled news sets,
// stratified folds and the precision/recall/F1 of the positive (check-worthy) class.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * `../shared/data/claimbuster/train.csv` seen from the repository, or from a parent folder of it (a git worktree
 * lives deeper than the main checkout); NEWSLENS_DATA overrides the `shared/data` folder.
 */
function claimBusterPath(): string {
  if (process.env.NEWSLENS_DATA) return join(process.env.NEWSLENS_DATA, 'claimbuster/train.csv');
  let dir = resolve(root);
  for (;;) {
    const candidate = join(dir, '../shared/data/claimbuster/train.csv');
    if (existsSync(candidate) || dirname(dir) === dir) return existsSync(candidate) ? candidate : join(root, '../shared/data/claimbuster/train.csv');
    dir = dirname(dir);
  }
}
export const CLAIMBUSTER_CSV = claimBusterPath();
const LABELLED = join(root, 'tests/fixtures/labelled');

export interface LabelledSentence {
  text: string;
  label: boolean;
}

/** Our news sets: the two tuning sets may be trained on, the two held-out sets never are. */
export const NEWS_TRAIN_SETS = ['claims-dev.json', 'claims-dev-debates.json', 'claims-dev-3.json'] as const;
export const NEWS_HELDOUT_SETS = ['claims-heldout.json', 'claims-heldout-2.json'] as const;

export function loadNewsSet(name: string): LabelledSentence[] {
  const items = (JSON.parse(readFileSync(join(LABELLED, name), 'utf8')) as { items: { text: string; checkWorthy: boolean }[] }).items;
  return items.map((i) => ({ text: i.text, label: i.checkWorthy }));
}

/** RFC 4180 CSV: quoted fields may hold commas, newlines and doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

/**
 * The ClaimBuster crowd-labelled debate sentences (`sentence_id,label,text`, label 1 = check-worthy factual claim).
 * Exits the process with status 1 and a message saying where the data belongs when the file is absent.
 */
export function loadClaimBuster(): LabelledSentence[] {
  if (!existsSync(CLAIMBUSTER_CSV)) {
    console.error(
      `ClaimBuster data not found at ${CLAIMBUSTER_CSV}.\n` +
        'Put the 2-class ClaimBuster sentences there (sentence_id,label,text; see ../shared/data/README.md) and run again.',
    );
    process.exit(1);
  }
  const [header, ...rows] = parseCsv(readFileSync(CLAIMBUSTER_CSV, 'utf8'));
  const labelAt = header!.indexOf('label');
  const textAt = header!.indexOf('text');
  if (labelAt < 0 || textAt < 0) {
    console.error(`${CLAIMBUSTER_CSV}: expected columns label and text, found ${header!.join(',')}`);
    process.exit(1);
  }
  return rows.map((r) => ({ text: r[textAt]!, label: r[labelAt] === '1' }));
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so folds and training order never change between runs. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Fold number (0..k-1) of each item, stratified by label so every fold has the same share of claims. */
export function stratifiedFolds(items: LabelledSentence[], k: number, seed: number): number[] {
  const random = seededRandom(seed);
  const fold = new Array<number>(items.length).fill(0);
  for (const label of [true, false]) {
    const indices = shuffle(
      items.map((item, i) => (item.label === label ? i : -1)).filter((i) => i >= 0),
      random,
    );
    indices.forEach((itemIndex, n) => (fold[itemIndex] = n % k));
  }
  return fold;
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
  n: number;
}

/** Precision, recall and F1 of the positive class. */
export function prf(gold: boolean[], predicted: boolean[]): Scores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  gold.forEach((g, i) => {
    if (predicted[i] && g) tp++;
    else if (predicted[i]) fp++;
    else if (g) fn++;
  });
  const precision = tp / (tp + fp || 1);
  const recall = tp / (tp + fn || 1);
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall || 1), n: gold.length };
}

export const fmt = (s: Scores) => `P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}  (n=${s.n})`;

/** The check-worthiness literature's baseline, as the issue measured it: digits, comparatives, "said"/"according to". */
export function cueBaseline(sentence: string): boolean {
  return (
    /\d/.test(sentence) ||
    /\b(?:more|less|fewer|higher|lower|bigger|smaller|better|worse|\w+er)\s+than\b|\b(?:most|least|\w+est)\b/i.test(sentence) ||
    /\b(?:said|says|told|according to|announced|claimed|reported|stated)\b/i.test(sentence)
  );
}
