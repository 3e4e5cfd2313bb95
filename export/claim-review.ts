// schema.org ClaimReview for finished fact checks: a claim whose status settles it (verified, false, inconclusive) and
// that carries the checker's verdict. Claims still being checked (or not started) are never published as reviews.
// Google's ClaimReview guidelines require the reviewing organisation as author, the claim, a rating with its text
// (alternateName) and a url. A desk that publishes its reviews passes reviewUrlBase and each review gets its own page
// address. Otherwise we do not invent a review page that does not exist: the url is the article itself with a text
// fragment that opens it scrolled to the claim, which is unique per claim and points at what was reviewed.
// Evidence links become the review's `citation` (the sources it is based on). The file is escaped for <script> (json-ld.ts).
import type { Annotation, Article, ClaimReview as StoredClaim, ClaimStatus, ReviewerOrganization } from '../storage/types';
import { liveArticlesWithAnnotations, type ExportBundle } from './bundle';
import { isoDateOf } from './dates';
import { JsonLdArrayWriter, toJsonLd } from './json-ld';
import type { SliceOptions } from './slices';
import { mapLiveSections, type ExportSource } from './source';
import { authorFromName } from '../detect/article-authors';
import { textFragmentUrl } from './text-fragment';

export interface ClaimReviewOptions {
  /** The fact-checking organisation from Settings; left out of the markup when its name is empty. */
  reviewer?: ReviewerOrganization;
  /** Address under which reviews are published, e.g. "https://factcheck.example.org/reviews/"; the annotation id is appended. */
  reviewUrlBase?: string;
}

export const CLAIM_REVIEWED_MAX = 75;

/** Statuses that finish a check; only these are published. */
export const FINISHED_CLAIM_STATUSES: readonly ClaimStatus[] = ['verified', 'false', 'inconclusive'];

/** A rating is only implied by a status that settles the question; other statuses leave it to the checker. */
const STATUS_RATINGS: Partial<Record<ClaimStatus, number>> = { verified: 5, false: 1 };

type SchemaAgent = { '@type': 'Person' | 'Organization'; name: string; url?: string };

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
  citation?: Array<{ '@type': 'CreativeWork'; url: string; name?: string }>;
}

/** True when an annotation is a finished check with a verdict, i.e. publishable as a ClaimReview. */
export function isFinishedCheck(claim: StoredClaim | undefined): claim is StoredClaim {
  return claim !== undefined && FINISHED_CLAIM_STATUSES.includes(claim.status) && claim.verdict.trim() !== '';
}

/** One ClaimReview per finished check in the export's live annotations, in article and reading order. */
export function toClaimReviews(bundle: ExportBundle, options: ClaimReviewOptions = {}): ClaimReviewJsonLd[] {
  return liveArticlesWithAnnotations(bundle).flatMap(({ article, annotations }) => claimReviewsOf(article, annotations, options));
}

/** The reviews of one article's annotations (finished checks only). */
export function claimReviewsOf(article: Article, annotations: readonly Annotation[], options: ClaimReviewOptions = {}): ClaimReviewJsonLd[] {
  return annotations.flatMap((annotation) => (isFinishedCheck(annotation.claim) ? [toClaimReview(article, annotation, annotation.claim, options)] : []));
}

/** The reviews as one JSON-LD file, safe to paste inside a <script> element. */
export function toClaimReviewJson(bundle: ExportBundle, options: ClaimReviewOptions = {}): string {
  return toJsonLd(toClaimReviews(bundle, options));
}

/**
 * toClaimReviewJson read from `source` a page at a time, in slices that yield to the event loop, with progress
 * (articles) and cancellation, as an application/ld+json Blob with the same text (written review by review with
 * JsonLdArrayWriter; only the output is kept).
 */
export async function toClaimReviewJsonInSlices(source: ExportSource, options: ClaimReviewOptions = {}, slices: SliceOptions = {}): Promise<Blob> {
  const out = new JsonLdArrayWriter((items) => items);
  await mapLiveSections(source, ({ article, annotations }) => {
    for (const review of claimReviewsOf(article, annotations, options)) out.push(review);
  }, slices);
  return out.toBlob('application/ld+json');
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
  const reviewer = options.reviewer;
  if (reviewer?.name.trim()) {
    review.author = { '@type': 'Organization', name: reviewer.name.trim() };
    if (/^https?:\/\//i.test(reviewer.url)) review.author.url = reviewer.url;
  }
  const claimant = claim.claimant?.replace(/\s+/g, ' ').trim();
  if (claimant) {
    // A claimant is usually a speaker ("Smith said"), so a bare name is a person unless it reads like an organisation.
    review.itemReviewed.author = { '@type': authorFromName(claimant).kind === 'organization' ? 'Organization' : 'Person', name: claimant };
  }
  const published = isoDateOf(article.publishedAt);
  if (published) review.itemReviewed.datePublished = published;
  const citations = claim.evidence
    .filter((evidence) => /^https?:\/\//i.test(evidence.url))
    .map((evidence) => {
      const name = evidence.note.replace(/\s+/g, ' ').trim();
      return name ? { '@type': 'CreativeWork' as const, url: evidence.url, name } : { '@type': 'CreativeWork' as const, url: evidence.url };
    });
  if (citations.length > 0) review.citation = citations;
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
