// The learned check-worthiness model: logistic regression over the cue counts of claim-features.ts plus hashed word and
// word-pair features, with Platt scaling so the output reads as a probability. The weights are data, produced by
// `npm run train:claims` (scripts/train-claims.ts) and committed as claim-model.json; this module only reads them.

import { CUE_CAPS, FEATURE_NAMES, type FeatureCounts, type FeatureName } from './claim-features';

export const CLAIM_MODEL_FORMAT = 'newslens-claims-lr/1';

/** The committed file, as JSON. Hashed weights are quantised to int8 and stored sparsely. */
export interface ClaimModelFile {
  format: typeof CLAIM_MODEL_FORMAT;
  /** Size of the hashed feature space is 2 ** hashBits. */
  hashBits: number;
  bias: number;
  /** One weight per cue (`FeatureName`), applied to `min(count, CUE_CAPS[name])`. */
  cues: Record<string, number>;
  /** Real weight of a hashed feature = int8 value × scale. */
  scale: number;
  /** Number of non-zero hashed weights. */
  count: number;
  /** Base64 of the bucket indices in ascending order, each as the LEB128 varint of its gap from the previous one. */
  indices: string;
  /** Base64 of the int8 quantised weights, in the order of `indices`. */
  values: string;
  /** Platt scaling (Platt, 1999): probability = 1 / (1 + exp(-(a × margin + b))), fitted on out-of-fold margins. */
  platt: { a: number; b: number };
  /**
   * The check-worthy threshold (`CLAIM_BAND_FLOORS.medium`) the training script reported its scores at; a test
   * holds it equal to the shipped threshold, so moving the floor means retraining and re-reading the scores.
   */
  threshold: number;
  /** Where the weights came from and what they scored, as printed by the training script. */
  provenance: Record<string, unknown>;
}

export interface ClaimModel {
  hashBits: number;
  bias: number;
  cues: Readonly<Record<FeatureName, number>>;
  hashed: Float32Array;
  platt: { a: number; b: number };
  threshold: number;
}

function fail(message: string): never {
  throw new Error(`claim model: ${message}`);
}

function finite(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(`${what} is not a finite number`);
  return value;
}

function fromBase64(b64: string, what: string): Uint8Array {
  if (typeof b64 !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) fail(`${what} is not base64`);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/**
 * Checks and unpacks the committed weights. Throws an Error naming the problem when the file is not this format,
 * a cue weight is missing, or the packed arrays do not decode to `count` weights inside the hashed space, so a
 * truncated or hand-edited model fails loudly instead of scoring everything near the bias.
 */
export function loadClaimModel(file: unknown): ClaimModel {
  if (typeof file !== 'object' || file === null) fail('not an object');
  const f = file as Partial<ClaimModelFile>;
  if (f.format !== CLAIM_MODEL_FORMAT) fail(`format is ${String(f.format)}, expected ${CLAIM_MODEL_FORMAT}`);
  const hashBits = finite(f.hashBits, 'hashBits');
  if (!Number.isInteger(hashBits) || hashBits < 8 || hashBits > 24) fail('hashBits out of range');
  const cues = {} as Record<FeatureName, number>;
  for (const name of FEATURE_NAMES) cues[name] = finite(f.cues?.[name], `cue weight ${name}`);
  const scale = finite(f.scale, 'scale');
  const count = finite(f.count, 'count');
  const gaps = fromBase64(f.indices as string, 'indices');
  const values = fromBase64(f.values as string, 'values');
  if (values.length !== count) fail(`${values.length} values for ${count} weights`);
  const hashed = new Float32Array(1 << hashBits);
  let index = -1;
  let k = 0;
  for (let p = 0; p < gaps.length; k++) {
    let gap = 0;
    let shift = 0;
    let byte: number;
    do {
      if (p >= gaps.length) fail('indices end inside a number');
      byte = gaps[p++]!;
      gap |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    index += gap;
    if (gap === 0 || index >= hashed.length || k >= count) fail('indices do not fit the hashed space');
    hashed[index] = ((values[k]! << 24) >> 24) * scale;
  }
  if (k !== count) fail(`${k} indices for ${count} weights`);
  return {
    hashBits,
    bias: finite(f.bias, 'bias'),
    cues,
    hashed,
    platt: { a: finite(f.platt?.a, 'platt.a'), b: finite(f.platt?.b, 'platt.b') },
    threshold: finite(f.threshold, 'threshold'),
  };
}

/**
 * Packs real-valued hashed weights for the committed file: int8 with one shared scale (max |w| / 127); weights that
 * round to 0 are dropped. Used by scripts/train-claims.ts; the inverse of the unpacking in `loadClaimModel`.
 */
export function packHashedWeights(weights: Float64Array): Pick<ClaimModelFile, 'scale' | 'count' | 'indices' | 'values'> {
  let max = 0;
  for (const w of weights) max = Math.max(max, Math.abs(w));
  const scale = max > 0 ? max / 127 : 1;
  const gaps: number[] = [];
  const values: number[] = [];
  let last = -1;
  weights.forEach((w, i) => {
    const q = Math.round(w / scale);
    if (q === 0) return;
    let gap = i - last;
    last = i;
    while (gap >= 0x80) {
      gaps.push((gap & 0x7f) | 0x80);
      gap >>>= 7;
    }
    gaps.push(gap);
    values.push(q & 0xff);
  });
  return { scale, count: values.length, indices: toBase64(Uint8Array.from(gaps)), values: toBase64(Uint8Array.from(values)) };
}

/** The linear score (log-odds before calibration) of a sentence's features, term by term for the explanation. */
export interface Margin {
  margin: number;
  /** Contribution of each cue present (weight × capped count). */
  cueTerms: Partial<Record<FeatureName, number>>;
  /** Sum of the hashed word and word-pair contributions. */
  wordTerms: number;
}

/** The margin of a sentence given its cue counts (`extractFeatures`) and hashed buckets (`hashedFeatures`). */
export function margin(model: ClaimModel, cues: FeatureCounts, hashes: readonly number[]): Margin {
  let sum = model.bias;
  const cueTerms: Partial<Record<FeatureName, number>> = {};
  for (const name in cues) {
    const key = name as FeatureName;
    const term = model.cues[key] * Math.min(cues[key]!, CUE_CAPS[key]);
    cueTerms[key] = term;
    sum += term;
  }
  let wordTerms = 0;
  for (const h of hashes) wordTerms += model.hashed[h]!;
  return { margin: sum + wordTerms, cueTerms, wordTerms };
}

/**
 * Highest probability a question, a line of page furniture or a sentence not in English can get. The first two are not
 * claims by form under our labelling rule (tests/fixtures/labelled/CLAIMS-LABELLING.md); 0.1 is about the share of
 * questions the ClaimBuster crowd still labelled check-worthy (13 of 135 in train.csv, mostly rhetorical "Do you know
 * that ...?"). Boilerplate and other languages never occur in the training data, so the model cannot learn them.
 */
export const NOT_A_CLAIM_BY_FORM_MAX = 0.1;

/**
 * Calibrated probability that a sentence with this margin and these cues is check-worthy: Platt scaling of the margin,
 * capped at `NOT_A_CLAIM_BY_FORM_MAX` for questions, boilerplate and sentences not in English.
 */
export function calibrate(model: Pick<ClaimModel, 'platt'>, m: number, cues: FeatureCounts): number {
  const p = 1 / (1 + Math.exp(-(model.platt.a * m + model.platt.b)));
  return cues.question || cues.boilerplate || cues.notEnglish ? Math.min(p, NOT_A_CLAIM_BY_FORM_MAX) : p;
}
