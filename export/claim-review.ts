// schema.org ClaimReview for claims a fact-checker has given a verdict.
// url is required by consumers (Google Fact Check Tools). A desk that publishes its reviews passes reviewUrlBase
// and each review gets its own page address. Otherwise we do not invent a review page that does not exist: the url
// is the article itself with a text fragment that opens it scrolled to the claim (and still opens the article where
// fragments are unsupported), which is unique per claim and points at what was reviewed.
import type { Annotation, Article, ClaimReview as StoredClaim, ClaimStatus } from '../storage/types';
import { liveArticlesWithAnnotations, type ExportBundle } from './bundle';
import { isoDateOf } from './dates';
import { isOrganizationName } from './names';
import { textFragmentUrl } from './text-fragment';

export interface ClaimReviewOptions {
  reviewer?: { name: string; type?: 'Person' | 'Organization' };
  /** Address under which reviews are published, e.g. "https://factcheck.example.org/reviews/"; the annotation id is appended. */
  reviewUrlBase?: string;
}

export const CLAIM_REVIEWED_MAX = 75;

/** A rating is only implied by a status that settles the question; other statuses leave it to the checker. */
const STATUS_RATINGS: Partial<Record<ClaimStatus, number>> = { verified: 5, false: 1 };

type SchemaAgent = { '@type': 'Person' | 'Organization'; name: string };

export interface ClaimReviewJsonLd {
  '@context': 'https://schema.org';
  '@type': 'ClaimReview';
  url: string;
  claimReviewed: string;
  datePublished: string;
  author?: SchemaAgent;
  itemReviewed: {
    '@type': 'Claim';
    author?: SchemaAgent;
    datePublished?: string;
    appearance: { '@type': 'NewsArticle'; url: string; headline: string };
  };
  reviewRating: { '@type': 'Rating'; alternateName: string; ratingValue?: number; bestRating?: 5; worstRating?: 1 };
}

export function toClaimReviews(bundle: ExportBundle, options: ClaimReviewOptions = {}): ClaimReviewJsonLd[] {
  return liveArticlesWithAnnotations(bundle).flatMap(({ article, annotations }) =>
    annotations.flatMap((annotation) => {
      const claim = annotation.claim;
      return claim && claim.verdict.trim() ? [toClaimReview(article, annotation, claim, options)] : [];
    }),
  );
}

export function toClaimReviewJson(bundle: ExportBundle, options: ClaimReviewOptions = {}): string {
  return `${JSON.stringify(toClaimReviews(bundle, options), null, 2)}\n`;
}

function toClaimReview(article: Article, annotation: Annotation, claim: StoredClaim, options: ClaimReviewOptions): ClaimReviewJsonLd {
  const review: ClaimReviewJsonLd = {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: reviewUrl(article, annotation, options.reviewUrlBase),
    claimReviewed: shortenClaim(annotation.target.quote.exact),
    datePublished: annotation.updatedAt.slice(0, 10),
    itemReviewed: {
      '@type': 'Claim',
      appearance: { '@type': 'NewsArticle', url: article.url, headline: article.title },
    },
    reviewRating: ratingOf(claim),
  };
  if (options.reviewer?.name.trim()) {
    review.author = { '@type': options.reviewer.type ?? 'Person', name: options.reviewer.name.trim() };
  }
  const claimant = claim.claimant?.trim();
  if (claimant) {
    review.itemReviewed.author = { '@type': isOrganizationName(claimant) ? 'Organization' : 'Person', name: claimant };
  }
  const published = isoDateOf(article.publishedAt);
  if (published) review.itemReviewed.datePublished = published;
  return review;
}

function ratingOf(claim: StoredClaim): ClaimReviewJsonLd['reviewRating'] {
  const value = claim.rating ?? STATUS_RATINGS[claim.status];
  const rating: ClaimReviewJsonLd['reviewRating'] = { '@type': 'Rating', alternateName: claim.verdict.trim() };
  return value === undefined ? rating : { ...rating, ratingValue: value, bestRating: 5, worstRating: 1 };
}

function reviewUrl(article: Article, annotation: Annotation, base: string | undefined): string {
  if (base && /^https?:\/\/\S+$/i.test(base)) return `${base.replace(/\/?$/, '/')}${encodeURIComponent(annotation.id)}`;
  return textFragmentUrl(annotation.target.source || article.url, annotation.target.quote.exact);
}

/** Whitespace collapsed, then cut at a word boundary with an ellipsis so the result stays within the limit. */
export function shortenClaim(text: string, max = CLAIM_REVIEWED_MAX): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const room = flat.slice(0, max - 1);
  const lastSpace = room.lastIndexOf(' ');
  // A hard cut must not leave half of a surrogate pair (an emoji) behind.
  const cut = lastSpace >= max / 2 ? room.slice(0, lastSpace) : room.replace(/[\uD800-\uDBFF]$/, '');
  return `${cut.replace(/[\s,;:.\-–—]+$/, '')}…`;
}
