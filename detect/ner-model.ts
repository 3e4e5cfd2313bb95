import { unzlibSync, zlibSync } from 'fflate';
import { FEATURE_VERSION, NUM_CLASSES } from './ner-features';
import { HASH_BITS } from './ner-hashing';

// The entity tagger's weights travel as one base64 string (detect/ner-weights.ts, written by
// `npm run train:ner`) so that Vite's service-worker bundle, Node and Vitest all load them as a plain module,
// with no fetch and no network. Layout before zlib compression (all integers little-endian):
//   0  "NLNE" magic            4  u16 format version     6  u16 feature version (ner-features.ts)
//   8  u8 hash bits            9  u8 classes             10 u16 zero
//   12 u32 payload length      16 u32 CRC-32 of payload  20 f32 scale (real weight of one unit)
//   24 payload: int16 weights, bucket-major
// Weights are integers of at most ±LEVELS in int16 slots, on one linear scale. They span four orders of magnitude:
// int8 rounds most of them to zero, and a logarithmic int8 code leaves the largest ones (bias-like features, added
// to every token) with errors bigger than the small weights that decide; both were measured to wreck the tagger.
// Decoding takes the argmax of sums, so the scale is only recorded, never applied.
// A weights file that does not match in any of these throws `NerWeightsError` at load: detection must fail
// loudly in tests and at build, never tag with half a model.

export const WEIGHTS_FORMAT_VERSION = 1;
const MAGIC = [0x4e, 0x4c, 0x4e, 0x45];
const HEADER_BYTES = 24;

/** Thrown when the shipped weights are missing, truncated, corrupt or trained for other features. */
export class NerWeightsError extends Error {
  constructor(message: string) {
    super(`entity tagger weights: ${message} (retrain with \`npm run train:ner\`)`);
    this.name = 'NerWeightsError';
  }
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (IEEE 802.3 polynomial, as in zlib and PNG) of the bytes. */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n += 1) {
      let c = n;
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i += 1) crc = (crcTable[(crc ^ (bytes[i] ?? 0)) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** The weights of a trained tagger: `weights[bucket * NUM_CLASSES + class]`, in units of `scale`. */
export interface NerModel {
  weights: Int16Array;
  scale: number;
}

/**
 * Largest stored magnitude: real weights are rounded to ±1023 steps (11 bits) in int16 slots. Measured on the
 * Viterbi tagger: the same F1 to the third decimal as ±32767 on eng.testa and the modern tuning data, and 28% smaller
 * compressed (0.80 MB instead of 1.12 MB), which keeps the weights under 1 MB.
 */
const LEVELS = 1023;

/** Rounds real weights to integers on the scale that maps the largest magnitude to LEVELS. */
export function quantiseWeights(real: Float32Array): NerModel {
  let largest = 0;
  for (let k = 0; k < real.length; k += 1) largest = Math.max(largest, Math.abs(real[k] ?? 0));
  const scale = Math.fround(largest / LEVELS || 1);
  const weights = new Int16Array(real.length);
  for (let k = 0; k < real.length; k += 1) weights[k] = Math.round((real[k] ?? 0) / scale);
  return { weights, scale };
}

/** Packs a quantised model into the shipped string (base64 of the zlib-compressed layout above). */
export function encodeWeights(model: NerModel): string {
  const { weights } = model;
  const payload = new Uint8Array(weights.buffer, weights.byteOffset, weights.byteLength);
  const raw = new Uint8Array(HEADER_BYTES + payload.length);
  const view = new DataView(raw.buffer);
  raw.set(MAGIC, 0);
  view.setUint16(4, WEIGHTS_FORMAT_VERSION, true);
  view.setUint16(6, FEATURE_VERSION, true);
  view.setUint8(8, HASH_BITS);
  view.setUint8(9, NUM_CLASSES);
  view.setUint32(12, payload.length, true);
  view.setUint32(16, crc32(payload), true);
  view.setFloat32(20, model.scale, true);
  raw.set(payload, HEADER_BYTES);
  const packed = zlibSync(raw, { level: 9 });
  let binary = '';
  for (let i = 0; i < packed.length; i += 0x8000) binary += String.fromCharCode(...packed.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Unpacks and checks the shipped weights string.
 * @throws NerWeightsError when the string is empty, not base64, not zlib, or its magic, versions, sizes or
 *   CRC-32 do not match this build's tagger.
 */
export function decodeWeights(encoded: string): NerModel {
  if (!encoded) throw new NerWeightsError('missing (empty string)');
  let packed: Uint8Array;
  try {
    const binary = atob(encoded);
    packed = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) packed[i] = binary.charCodeAt(i);
  } catch {
    throw new NerWeightsError('not valid base64');
  }
  let raw: Uint8Array;
  try {
    raw = unzlibSync(packed);
  } catch (error) {
    throw new NerWeightsError(`not a zlib stream (${String(error)})`);
  }
  if (raw.length < HEADER_BYTES || MAGIC.some((b, i) => raw[i] !== b)) throw new NerWeightsError('bad magic number');
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const format = view.getUint16(4, true);
  const features = view.getUint16(6, true);
  if (format !== WEIGHTS_FORMAT_VERSION) throw new NerWeightsError(`format version ${format}, expected ${WEIGHTS_FORMAT_VERSION}`);
  if (features !== FEATURE_VERSION) throw new NerWeightsError(`trained for feature version ${features}, this code computes ${FEATURE_VERSION}`);
  if (view.getUint8(8) !== HASH_BITS || view.getUint8(9) !== NUM_CLASSES) {
    throw new NerWeightsError(`shape 2^${view.getUint8(8)} x ${view.getUint8(9)}, expected 2^${HASH_BITS} x ${NUM_CLASSES}`);
  }
  const length = view.getUint32(12, true);
  if (length !== (1 << HASH_BITS) * NUM_CLASSES * 2 || raw.length !== HEADER_BYTES + length) {
    throw new NerWeightsError(`payload of ${raw.length - HEADER_BYTES} bytes, header says ${length}`);
  }
  const payload = raw.subarray(HEADER_BYTES);
  if (crc32(payload) !== view.getUint32(16, true)) throw new NerWeightsError('checksum mismatch');
  const scale = view.getFloat32(20, true);
  if (!(scale > 0 && Number.isFinite(scale))) throw new NerWeightsError(`bad scale ${scale}`);
  // Copy into an aligned buffer: the payload sits at an offset of the inflated bytes.
  const weights = new Int16Array(length / 2);
  new Uint8Array(weights.buffer).set(payload);
  return { weights, scale };
}
