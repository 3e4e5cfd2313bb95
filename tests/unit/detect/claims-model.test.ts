import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import shipped from '../../../detect/claim-model.json';
import { CLAIM_BAND_FLOORS, CHECK_WORTHY_THRESHOLD, claimBand } from '../../../detect/claim-bands';
import { FEATURE_NAMES } from '../../../detect/claim-features';
import { loadClaimModel, packHashedWeights } from '../../../detect/claim-model';

const detect = join(dirname(fileURLToPath(import.meta.url)), '../../../detect');

describe('the shipped claim model', () => {
  it('loads, has a weight for every cue, and stays small', () => {
    const model = loadClaimModel(shipped);
    expect(Object.keys(model.cues).sort()).toEqual([...FEATURE_NAMES].sort());
    expect(model.hashed.some((w) => w !== 0)).toBe(true);
    expect(gzipSync(readFileSync(join(detect, 'claim-model.json'))).length).toBeLessThanOrEqual(500 * 1024);
  });

  it('was trained and reported at the shipped check-worthy threshold, the medium band floor', () => {
    expect(CHECK_WORTHY_THRESHOLD).toBe(CLAIM_BAND_FLOORS.medium);
    expect(loadClaimModel(shipped).threshold).toBe(CHECK_WORTHY_THRESHOLD);
  });

  it('fails loudly on a corrupt file', () => {
    const bad: [string, unknown][] = [
      ['wrong format', { ...shipped, format: 'something-else' }],
      ['missing cue weight', { ...shipped, cues: { ...shipped.cues, statistic: undefined } }],
      ['truncated values', { ...shipped, values: shipped.values.slice(0, 100) }],
      ['truncated indices', { ...shipped, indices: shipped.indices.slice(0, 100) }],
      ['not base64', { ...shipped, indices: `${shipped.indices.slice(0, 8)}!!` }],
      ['non-finite calibration', { ...shipped, platt: { a: null, b: 0 } }],
      ['hashed space too small for the indices', { ...shipped, hashBits: 8 }],
      ['not an object', null],
    ];
    for (const [what, file] of bad) expect(() => loadClaimModel(file), what).toThrow(/claim model/);
  });

  it('packs and unpacks hashed weights to within one quantisation step', () => {
    const weights = new Float64Array(1 << 10);
    weights[3] = 1.27;
    weights[200] = -0.5;
    weights[1023] = 0.004; // below half a step: dropped
    const packed = packHashedWeights(weights);
    const model = loadClaimModel({ ...shipped, hashBits: 10, ...packed });
    expect(packed.count).toBe(2);
    expect(model.hashed[3]).toBeCloseTo(1.27, 2);
    expect(model.hashed[200]).toBeCloseTo(-0.5, 2);
    expect(model.hashed[1023]).toBe(0);
  });
});

describe('claim bands', () => {
  it('are a single ordered definition', () => {
    expect(claimBand(1)).toBe('high');
    expect(claimBand(CLAIM_BAND_FLOORS.high)).toBe('high');
    expect(claimBand(CLAIM_BAND_FLOORS.medium)).toBe('medium');
    expect(claimBand(CLAIM_BAND_FLOORS.medium - 0.001)).toBe('low');
    expect(CLAIM_BAND_FLOORS.high).toBeGreaterThan(CLAIM_BAND_FLOORS.medium);
  });
});
