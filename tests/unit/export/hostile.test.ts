// Page text is hostile: whatever a page puts in its title, byline, site name or the quoted passage must reach every
// export format as text, never as markup, a formula, a link or a front-matter key. Each format is read back with the
// tool its users open it with.
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import matter from 'gray-matter';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import type { ExportBundle } from '../../../export/bundle';
import { toBibtex, toCslJson } from '../../../export/citation';
import { toClaimReviewJson } from '../../../export/claim-review';
import { toCsv } from '../../../export/csv';
import { toMarkdown } from '../../../export/markdown';
import { toWebAnnotationJson } from '../../../export/web-annotation';
import type { Annotation, Article } from '../../../storage/types';
import { budgetArticle, unemploymentClaim } from '../../fixtures/export/sample-data';
import { warmCiteproc } from '../../support/warm-citeproc';

warmCiteproc();

const HOSTILE = '=HYPERLINK("https://evil.example","x") </script><img src=x onerror=alert(1)> [a](javascript:alert(1)) %\n---\nkey: v';

const article: Article = {
  ...budgetArticle,
  title: HOSTILE,
  siteName: `<b>${HOSTILE}</b>`,
  authors: [{ name: HOSTILE, kind: 'organization' }],
};

const claim: Annotation = {
  ...unemploymentClaim,
  articleId: article.id,
  note: '',
  target: { ...unemploymentClaim.target, quote: { ...unemploymentClaim.target.quote, exact: ` \u00a0${HOSTILE}`, prefix: HOSTILE, suffix: HOSTILE } },
  claim: { ...unemploymentClaim.claim!, claimant: HOSTILE, evidence: [] },
};

const bundle: ExportBundle = { articles: [article], annotations: [claim], exportedAt: '2025-03-08T12:00:00.000Z' };

describe('hostile page text in every format', () => {
  it('Markdown: no HTML, no link, no extra front-matter key', () => {
    const parsed = matter(toMarkdown(bundle));
    expect(Object.keys(parsed.data)).toEqual(['title', 'aliases', 'authors', 'site', 'published', 'url', 'accessed', 'tags']);
    expect(parsed.data.title).toBe(HOSTILE);
    const html = new MarkdownIt({ html: true }).render(parsed.content);
    expect(html).not.toMatch(/<img|<script|<\/script|<b>|<a |<hr/);
  });

  it('CSV: no cell a spreadsheet would run', () => {
    const rows: string[][] = parseCsv(toCsv(bundle), { bom: true });
    for (const cell of rows.slice(1).flat()) expect(cell, cell).not.toMatch(/^[\s\u00a0]*[=+\-@]/);
  });

  it('JSON-LD (W3C and ClaimReview): nothing that ends a script element, and the text reads back exactly', () => {
    for (const json of [toWebAnnotationJson(bundle), toClaimReviewJson(bundle)]) {
      expect(json).not.toMatch(/[<>&]/);
      expect(json).toContain(JSON.stringify(HOSTILE).slice(1, 20));
    }
    expect(JSON.parse(toClaimReviewJson(bundle))[0].itemReviewed.author.name).toBe(HOSTILE.replace(/\s+/g, ' '));
  });

  it('BibTeX: one entry whose fields read back as the page text', () => {
    const parsed = parseBibtex(toBibtex(article));
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries).toHaveLength(1);
    expect(parsed.entries[0]?.fields.title).toBe(HOSTILE.replace(/\s+/g, ' '));
    expect(parsed.entries[0]?.fields.author).toEqual([{ name: HOSTILE.replace(/\s+/g, ' ') }]);
  });

  it('CSL-JSON: the organisation stays one literal name', () => {
    expect(toCslJson(article).author).toEqual([{ literal: HOSTILE.replace(/\s+/g, ' ') }]);
  });
});
