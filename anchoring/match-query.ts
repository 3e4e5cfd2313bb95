// The shapes the matcher works with (anchoring/match.ts), shared by its candidate search (match-candidates.ts) and its
// scoring (match-score.ts). Offsets are in the normalized text (anchoring/normalize.ts) unless a field says otherwise.
import type { Token } from './tokens';

/** Most edit errors an approximate search allows: more would be rejected as implausible anyway, and cost grows with it. */
export const MAX_ERRORS = 256;
/** Enough occurrences to disambiguate a repeated quote ("a" occurs thousands of times in a long article); more only costs time. */
export const MAX_EXACT_CANDIDATES = 5000;
/** Below this share of matching quote chars an approximate match is another passage, not an edited quote. */
export const MIN_QUOTE_SIMILARITY = 0.65;
/** Chars of context next to the quote that must still be there for an edit to count as made in place. */
export const NEAR_CONTEXT = 32;
/** Similarity of that near context above which it is intact (a word of it may have been edited). */
export const NEAR_INTACT = 0.8;
/** How far (chars) from where it was expected an edited passage may start and still be "in place". */
export const IN_PLACE = 16;

export interface Candidate {
  /** Offsets in the normalized text. */
  start: number;
  end: number;
  quoteSimilarity: number;
}

export interface Scored extends Candidate {
  /** 0..1 as in the confidence of an Anchor; -1 for a candidate that is rejected outright. */
  score: number;
  /** An exact quote whose nearest context on both sides, paragraph edges or not, is as saved: no other candidate can be the passage. */
  settled: boolean;
  /** Where the note was expected, with its near context intact on both sides: the place is not in doubt, only the words. */
  pinned: boolean;
  /** Within IN_PLACE chars of where the note was expected. */
  inPlace: boolean;
  /** The near context is intact on at least one side. */
  oneSide: boolean;
}

/** A stretch of the normalized text to search, [from, to). */
export interface Window {
  from: number;
  to: number;
}

export interface Query {
  quote: string;
  prefix: string;
  suffix: string;
  /** Saved position mapped into the normalized text, if any. */
  hint?: number;
  quoteTokens: Token[];
  prefixWords: string[];
  suffixWords: string[];
  /** The saved context nearest the quote, up to NEAR_CONTEXT chars and never across a line break. */
  nearPrefix: string;
  nearSuffix: string;
  /** Line-break flags of the normalized text (NormalizedText.lineBreaks). */
  lineBreaks: Uint8Array;
}
