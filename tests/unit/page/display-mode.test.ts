import { describe, expect, it } from 'vitest';
import { claimBand } from '../../../detect/claim-bands';
import { claimDensity, claimsByBand, countWords, planDisplay, rankClaims, readClaimBudget } from '../../../page/display-mode';

// 12 claims spread over an article, scores chosen to cover every band; ranks as findClaims gives them (score, then text order).
const scores = [0.52, 0.91, 0.6, 0.78, 0.55, 0.95, 0.51, 0.8, 0.62, 0.3, 0.91, 0.7];
const order = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
const claims = scores.map((score, i) => ({ start: i * 500, score, band: claimBand(score), rank: order.indexOf(i) + 1 }));

describe('display modes', () => {
  it('counts words as runs of non-space characters, no-break spaces included', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('  One two\tthree\nfour\u00a0five  ')).toBe(5);
  });

  it('follows the engine’s rank: highest score first, ties in reading order', () => {
    expect(rankClaims(claims).slice(0, 4)).toEqual([5, 1, 10, 7]);
  });

  it('Read mode paints about three claims per 1,000 words, the most check-worthy ones, and at least one', () => {
    expect(readClaimBudget(200)).toBe(1);
    expect(readClaimBudget(1000)).toBe(3);
    expect(readClaimBudget(2500)).toBe(7);
    const plan = planDisplay({ mode: 'read', claims, words: 1000 });
    expect(plan.claimOrder).toEqual([5, 1, 10]);
    expect(plan.entityStyle).toBe('quiet');
    expect(claimDensity(plan.claimOrder.length, 1000)).toBeLessThanOrEqual(3);
  });

  it('Fact-check mode paints every claim, stepping in rank order, and every entity', () => {
    const plan = planDisplay({ mode: 'fact-check', claims, words: 1000 });
    expect(plan.claimOrder).toHaveLength(claims.length);
    expect(plan.claimOrder).toEqual(rankClaims(claims));
    expect(plan.entityStyle).toBe('full');
  });

  it('Study mode paints no detections', () => {
    expect(planDisplay({ mode: 'study', claims, words: 5000 })).toEqual({ mode: 'study', entityStyle: 'off', claimOrder: [] });
  });

  it('groups painted claims by the one band definition', () => {
    const bands = claimsByBand(planDisplay({ mode: 'fact-check', claims, words: 1000 }), claims);
    expect(bands.high.sort((a, b) => a - b)).toEqual([1, 3, 5, 7, 10]);
    expect(bands.medium.sort((a, b) => a - b)).toEqual([0, 2, 4, 6, 8, 11]);
    expect(bands.low).toEqual([9]);
  });

  it('reports density per 1,000 words and 0 for an empty text', () => {
    expect(claimDensity(6, 1500)).toBeCloseTo(4);
    expect(claimDensity(3, 0)).toBe(0);
  });
});
