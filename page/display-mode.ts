// What the page shows in each display mode. Pure: given the detections, the mode and the article's length, it says which
// claims to paint (and in which order to step through them) and how loudly to mark entities. The session paints the plan.
import type { ClaimBand } from '../detect/claim-bands';
import type { Claim } from '../detect/types';
import type { DisplayMode } from '../storage/types';

/**
 * Claims painted per 1,000 words in Read mode. Issue 14 asks for "at most about 3 per 1,000 words" so a reader's own
 * highlights are not lost among detections; the claims kept are the most check-worthy ones.
 */
export const READ_CLAIMS_PER_1000_WORDS = 3;

/** How entities are marked: `full` tints and underlines each kind, `quiet` only a faint underline, `off` not at all. */
export type EntityStyle = 'full' | 'quiet' | 'off';

export interface DisplayPlan {
  mode: DisplayMode;
  entityStyle: EntityStyle;
  /**
   * Indices into the claims array of the claims to paint, most check-worthy first (ties in reading order). This is also
   * the order "next claim" steps in.
   */
  claimOrder: number[];
}

export interface DisplayInput {
  mode: DisplayMode;
  claims: readonly Pick<Claim, 'rank'>[];
  /** Length of the article in words (see `countWords`). */
  words: number;
}

/** Words in a text, counted as runs of non-space characters (the unit of "per 1,000 words" in the density budget). */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Space, tab, newlines, no-break space: enough for article text, and no regex allocation over 600k characters.
    const space = code === 32 || code === 9 || code === 10 || code === 13 || code === 160;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** How many claims Read mode paints for an article of `words` words: about 3 per 1,000, and at least one. */
export function readClaimBudget(words: number): number {
  return Math.max(1, Math.floor((words * READ_CLAIMS_PER_1000_WORDS) / 1000));
}

/** Claim indices in the engine's rank order (`Claim.rank`: 1 = most check-worthy, equal scores in reading order). */
export function rankClaims(claims: readonly Pick<Claim, 'rank'>[]): number[] {
  return claims.map((_, i) => i).sort((a, b) => claims[a]!.rank - claims[b]!.rank);
}

/**
 * The plan for one mode. Read: quiet entities and only the top claims (see `readClaimBudget`). Fact-check: every
 * entity and every claim, stepped in rank order. Study: no detections at all, so the reader's highlights and notes stand alone.
 */
export function planDisplay({ mode, claims, words }: DisplayInput): DisplayPlan {
  const ranked = rankClaims(claims);
  switch (mode) {
    case 'read':
      return { mode, entityStyle: 'quiet', claimOrder: ranked.slice(0, readClaimBudget(words)) };
    case 'fact-check':
      return { mode, entityStyle: 'full', claimOrder: ranked };
    case 'study':
      return { mode, entityStyle: 'off', claimOrder: [] };
  }
}

/** The painted claims grouped by their band (`Claim.band`, from detect/claim-bands.ts), for the page layers. */
export function claimsByBand(plan: DisplayPlan, claims: readonly Pick<Claim, 'band'>[]): Record<ClaimBand, number[]> {
  const bands: Record<ClaimBand, number[]> = { high: [], medium: [], low: [] };
  for (const index of plan.claimOrder) {
    const claim = claims[index];
    if (claim) bands[claim.band].push(index);
  }
  return bands;
}

/** Painted claims per 1,000 words: the density the target (median <= 4 in the default mode) is stated in. */
export function claimDensity(painted: number, words: number): number {
  return words > 0 ? (painted * 1000) / words : 0;
}
