// Types shared by the pure detectors and everything that consumes their output.
// Offsets are UTF-16 indices into the text the detector was given: text.slice(start, end) === text.

import type { ClaimBand } from './claim-bands';

export const ENTITY_TYPES = ['person', 'organization', 'place'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export interface EntityMention {
  start: number;
  end: number;
  text: string;
  type: EntityType;
  /** Mentions of one real-world entity share this id within one article. */
  entityId: string;
}

export interface EntityRecord {
  entityId: string;
  canonical: string;
  type: EntityType;
  aliases: string[];
  count: number;
}

/** Why a sentence scored as check-worthy: the evidence that raised its score most, strongest first. */
export type ClaimReason =
  | 'statistic'
  | 'comparison'
  | 'trend'
  | 'superlative'
  | 'attribution'
  | 'quotation'
  | 'causal'
  | 'prediction'
  | 'policy'
  | 'event'
  /** The sentence's words and word pairs, as a whole, resemble check-worthy claims the model learned from. */
  | 'wording';

export interface Claim {
  start: number;
  end: number;
  text: string;
  /** Check-worthiness as a calibrated probability in [0, 1]. */
  score: number;
  /** `claimBand(score)`: the one band every surface shows. */
  band: ClaimBand;
  /** 1 = the most check-worthy claim in the article; ties keep text order. */
  rank: number;
  reasons: ClaimReason[];
  /** Canonical name of who made the claim, resolved to a detected entity where one matches. */
  speaker?: string;
  quoted: boolean;
}

/** What the article finder learns about a page from its metadata. */
export interface ArticleMetadata {
  headline: string;
  authors: Author[];
  siteName?: string;
  publishedAt?: string;
  modifiedAt?: string;
  canonicalUrl?: string;
  lang?: string;
  description?: string;
}

/** Who wrote an article, as the page says it: organisations ("Associated Press") are never split into given/family. */
export const AUTHOR_KINDS = ['person', 'organization'] as const;
export type AuthorKind = (typeof AUTHOR_KINDS)[number];

export interface Author {
  /** The name as the page writes it, cleaned of "By", dates, handles and bios. */
  name: string;
  kind: AuthorKind;
}
