// Words the reader sees for the engine's and the store's codes: one set for the page, the popup and the side panel,
// so a status or a band reads the same everywhere. The lists themselves live beside their types.
import type { AnchorQuality } from '../../anchoring/types';
import { claimBand, type ClaimBand } from '../../detect/claim-bands';
import type { ClaimReason } from '../../detect/types';
import type { AnnotationKind, CitationStyle, HighlightColor, PaintKind } from '../../storage/types';

interface KindWords {
  singular: string;
  plural: string;
  /** Shown on the swatch so kinds are told apart without relying on colour. */
  letter: string;
}

/** What the page paints: entity types and claims. */
export const KIND_WORDS: Readonly<Record<PaintKind, KindWords>> = {
  person: { singular: 'Person', plural: 'People', letter: 'P' },
  organization: { singular: 'Organisation', plural: 'Organisations', letter: 'O' },
  place: { singular: 'Place', plural: 'Places', letter: 'L' },
  claim: { singular: 'Claim', plural: 'Claims', letter: 'C' },
};

/** What the reader saved. */
export const ANNOTATION_KIND_WORDS: Readonly<Record<AnnotationKind, string>> = {
  highlight: 'Highlight',
  note: 'Note',
  claim: 'Claim',
  entity: 'Entity',
};

/** Bands rather than a number: a reader cannot act on "0.73", but can on "highly check-worthy". */
const BAND_WORDS: Readonly<Record<ClaimBand, string>> = {
  high: 'Highly check-worthy',
  medium: 'Check-worthy',
  low: 'Unlikely to need checking',
};

/** The words for a calibrated check-worthiness score, by the one band definition (`detect/claim-bands.ts`). */
export function scoreWords(score: number): string {
  return BAND_WORDS[claimBand(score)];
}

export const COLOR_WORDS: Readonly<Record<HighlightColor, string>> = {
  yellow: 'yellow',
  green: 'green',
  blue: 'blue',
  pink: 'pink',
  purple: 'purple',
};

export const CITATION_STYLE_LABELS: Readonly<Record<CitationStyle, string>> = {
  apa: 'APA (7th edition)',
  mla: 'MLA (9th edition)',
  chicago: 'Chicago (author-date)',
};

export const QUALITY_WORDS: Readonly<Record<AnchorQuality, string>> = {
  exact: 'Found exactly',
  changed: 'Found with changes',
  orphan: 'Not found',
};

export function reasonWords(reason: ClaimReason, speaker?: string): string {
  switch (reason) {
    case 'statistic':
      return 'contains a statistic';
    case 'comparison':
      return 'makes a comparison';
    case 'trend':
      return 'describes a rise or fall';
    case 'superlative':
      return 'superlative';
    case 'attribution':
      return speaker ? `attributed to ${speaker}` : 'attributed to someone';
    case 'quotation':
      return 'direct quotation';
    case 'causal':
      return 'cause and effect';
    case 'prediction':
      return 'prediction';
    case 'policy':
      return 'about a law or agreement';
    case 'event':
      return 'reports a dated event or action';
    case 'wording':
      return 'worded like claims fact-checkers check';
  }
}

export function countWords(count: number, singular: string, plural: string): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

export function mentionWords(count: number): string {
  return count === 1 ? 'Mentioned once' : `Mentioned ${count} times`;
}

/**
 * Shortens text to at most `max` characters at a word boundary, so a long claim never ends mid-word.
 * Falls back to a hard cut when a single "word" is longer than the budget (URLs, CJK text).
 */
export function truncate(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const budget = Math.max(1, max - 1);
  const cut = clean.slice(0, budget + 1);
  const lastSpace = cut.lastIndexOf(' ');
  const head = lastSpace >= budget * 0.6 ? cut.slice(0, lastSpace) : clean.slice(0, budget);
  return `${head.replace(/[\s,;:.\u2013\u2014-]+$/u, '')}\u2026`;
}
