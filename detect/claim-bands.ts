// One definition of how check-worthy a claim is, in words a reader can act on. Every surface (page layers, cards,
// side panel, popup, exports) reads bands from here, so a claim is never "low" in one place and "check-worthy" in another.

export const CLAIM_BANDS = ['high', 'medium', 'low'] as const;
export type ClaimBand = (typeof CLAIM_BANDS)[number];

/**
 * Lowest calibrated score (a probability in [0, 1]) of each band. `medium` starts at the check-worthy threshold:
 * anything below it is not reported as a claim at all by `findClaims`, but `scoreSentence` can still return it.
 * 0.4 is where `npm run train:claims` measured the best cross-validated F1 on the ClaimBuster sentences (the F1-best
 * cut of a calibrated model sits below 0.5 when claims are the minority class); `high` keeps the sentences the model
 * is at least three-quarters sure of, the ones a page shows by default.
 */
export const CLAIM_BAND_FLOORS: Readonly<Record<ClaimBand, number>> = { high: 0.75, medium: 0.4, low: 0 };

/** Sentences scoring at least this are reported as check-worthy claims: the floor of the `medium` band. */
export const CHECK_WORTHY_THRESHOLD = CLAIM_BAND_FLOORS.medium;

/** The band a calibrated check-worthiness score falls in. */
export function claimBand(score: number): ClaimBand {
  if (score >= CLAIM_BAND_FLOORS.high) return 'high';
  if (score >= CLAIM_BAND_FLOORS.medium) return 'medium';
  return 'low';
}
