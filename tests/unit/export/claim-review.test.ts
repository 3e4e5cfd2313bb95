import { describe, expect, it } from 'vitest';
import type { ExportBundle } from '../../../export/bundle';
import { shortenClaim, toClaimReviewJson, toClaimReviews } from '../../../export/claim-review';
import { encodeTextDirective, textFragmentUrl } from '../../../export/text-fragment';
import type { Annotation } from '../../../storage/types';
import { allAnnotations, budgetArticle, cyrillicArticle, emojiHighlight, unemploymentClaim, wireArticle } from '../../fixtures/export/sample-data';
import { readExportFixture } from '../../support/read-fixture';

const longClaim: Annotation = {
  ...unemploymentClaim,
  id: 'b0000000-0000-4000-8000-000000000007',
  articleId: wireArticle.id,
  note: '',
  updatedAt: '2025-04-03T08:00:00.000Z',
  target: {
    source: wireArticle.url,
    quote: {
      type: 'TextQuoteSelector',
      exact: 'The central bank will hold rates at 4.5% until the end of next year,\naccording to three people familiar with the board’s thinking',
      prefix: '',
      suffix: '.',
    },
    position: { type: 'TextPositionSelector', start: 0, end: 129 },
  },
  claim: { status: 'verified', verdict: 'True', evidence: [], claimant: 'Federal Reserve Board' },
};

const bundle: ExportBundle = {
  articles: [budgetArticle, wireArticle, cyrillicArticle],
  annotations: [...allAnnotations, longClaim],
  exportedAt: '2025-04-04T00:00:00.000Z',
};

describe('toClaimReviewJson', () => {
  it('matches the hand-written ClaimReview list: only finished checks with a verdict', () => {
    expect(toClaimReviewJson(bundle)).toBe(readExportFixture('expected-claim-review.json'));
  });

  it('parses back with the fields fact-check consumers require', () => {
    const reviews = JSON.parse(toClaimReviewJson(bundle, { reviewer: { name: ' Example Fact Desk ', url: 'https://factcheck.example.org/' } }));
    expect(reviews).toHaveLength(2);
    for (const review of reviews) {
      expect(review['@context']).toBe('https://schema.org');
      expect(review['@type']).toBe('ClaimReview');
      expect(review.url).toMatch(/^https:\/\//);
      expect(review.claimReviewed.length).toBeLessThanOrEqual(75);
      expect(review.reviewRating.alternateName).toBeTruthy();
      expect(review.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(review.itemReviewed.appearance).toMatchObject({ '@type': 'NewsArticle', url: expect.stringMatching(/^https:/) });
      expect(review.author).toEqual({ '@type': 'Organization', name: 'Example Fact Desk', url: 'https://factcheck.example.org/' });
    }
  });

  it('never publishes a check that is not finished, whatever its verdict field says', () => {
    const statuses = ['unstarted', 'in_progress', 'inconclusive', 'verified', 'false'] as const;
    const claims = statuses.map((status, i) => ({
      ...unemploymentClaim,
      id: `b0000000-0000-4000-8000-00000000010${i}`,
      claim: { ...unemploymentClaim.claim!, status, verdict: 'Looks false so far' },
    }));
    const reviews = toClaimReviews({ ...bundle, annotations: claims });
    expect(reviews.map((review) => review.url.length > 0 && review.reviewRating.alternateName)).toHaveLength(3);
    const published = toClaimReviews({ ...bundle, annotations: claims }).map((r) => r.reviewRating.ratingValue);
    expect(published).toEqual([2, 2, 2]);
    expect(toClaimReviews({ ...bundle, annotations: [claims[1]!] })).toEqual([]);
    expect(toClaimReviews({ ...bundle, annotations: [claims[0]!] })).toEqual([]);
  });

  it('names the claimant the reader typed and cites the evidence links (http only)', () => {
    const [review] = toClaimReviews({ ...bundle, annotations: [unemploymentClaim] });
    expect(review?.itemReviewed.author).toEqual({ '@type': 'Person', name: 'Jane Minister' });
    expect(review?.citation).toEqual([{ '@type': 'CreativeWork', url: 'https://stats.example.gov/release?q=3', name: 'Official release' }]);
  });

  it('cannot break out of the <script> element it is pasted into (issue 15, item 6)', () => {
    const hostile: Annotation = {
      ...unemploymentClaim,
      claim: { ...unemploymentClaim.claim!, claimant: '</script><script>alert(1)</script><!--' },
      target: { ...unemploymentClaim.target, quote: { ...unemploymentClaim.target.quote, exact: 'A & B > C </SCRIPT>' } },
    };
    const json = toClaimReviewJson({ ...bundle, annotations: [hostile] });
    expect(json).not.toMatch(/[<>&]/);
    expect(json).toContain('\\u003c/script\\u003e\\u003cscript\\u003e');
    const [review] = JSON.parse(json);
    expect(review.itemReviewed.author.name).toBe('</script><script>alert(1)</script><!--');
    expect(review.claimReviewed).toBe('A & B > C </SCRIPT>');
  });

  it('uses the desk\'s review address when it publishes reviews', () => {
    const [review] = toClaimReviews(bundle, { reviewUrlBase: 'https://factcheck.example.org/reviews' });
    expect(review?.url).toBe('https://factcheck.example.org/reviews/b0000000-0000-4000-8000-000000000002');
    const [fallback] = toClaimReviews(bundle, { reviewUrlBase: 'javascript:alert(1)' });
    expect(fallback?.url).toMatch(/^https:\/\/news\.example\.com\/2025\/03\/05\/budget#:~:text=/);
  });

  it('leaves the rating value out when neither a rating nor a settled status gives one', () => {
    const open: Annotation = { ...emojiHighlight, claim: { status: 'inconclusive', verdict: 'Unproven', evidence: [] } };
    const [review] = toClaimReviews({ ...bundle, annotations: [open] });
    expect(review?.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'Unproven' });
  });
});

describe('shortenClaim', () => {
  it('keeps short claims and cuts long ones at a word boundary', () => {
    expect(shortenClaim('  Prices  rose\n5%  ')).toBe('Prices rose 5%');
    expect(shortenClaim('a'.repeat(100))).toBe(`${'a'.repeat(74)}…`);
    // 74 code units end in the middle of the 37th emoji: the half must go, not be printed as a broken character.
    expect(shortenClaim(`a${'😀'.repeat(50)}`)).toBe(`a${'😀'.repeat(36)}…`);
  });
});

describe('textFragmentUrl', () => {
  it('encodes the directive\'s own syntax characters and replaces an existing fragment', () => {
    expect(encodeTextDirective('cost-of-living, food & fuel')).toBe('cost%2Dof%2Dliving%2C%20food%20%26%20fuel');
    expect(textFragmentUrl('https://e.example/a#top', 'short quote')).toBe('https://e.example/a#:~:text=short%20quote');
  });
});
