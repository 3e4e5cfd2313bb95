// Readwise's CSV import format, written to RFC 4180. Spreadsheet apps run cells that start with a formula
// character, and quotes come from arbitrary web pages, so such cells get a leading apostrophe (OWASP's advice).
import type { Annotation, Article } from '../storage/types';
import { liveArticlesWithAnnotations, type ExportBundle } from './bundle';

export const CSV_COLUMNS = ['Highlight', 'Title', 'Author', 'URL', 'Note', 'Tags', 'Location', 'Date'] as const;

const CLAIM_STATUS_LABELS: Record<string, string> = {
  unstarted: 'not started',
  in_progress: 'in progress',
  inconclusive: 'inconclusive',
  verified: 'verified',
  false: 'false',
};

export function toCsv(bundle: ExportBundle): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const { article, annotations } of liveArticlesWithAnnotations(bundle)) {
    for (const annotation of annotations) rows.push(csvRow(article, annotation));
  }
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function csvRow(article: Article, annotation: Annotation): string[] {
  return [
    annotation.target.quote.exact,
    article.title,
    article.authors.map((author) => author.name).join(', '),
    article.url,
    noteWithClaim(annotation),
    annotation.tags.join(', '),
    // Readwise sorts highlights by this number; the character offset keeps reading order.
    String(annotation.target.position.start),
    readwiseDate(annotation.createdAt),
  ];
}

/** Readwise has no column for fact-checks, so the claim's state travels in the note rather than being lost. */
function noteWithClaim(annotation: Annotation): string {
  const claim = annotation.claim;
  if (!claim) return annotation.note;
  const parts = [`Claim status: ${CLAIM_STATUS_LABELS[claim.status] ?? claim.status}`];
  if (claim.verdict) parts.push(`verdict: ${claim.verdict}${claim.rating !== undefined ? ` (${claim.rating}/5)` : ''}`);
  if (claim.claimant) parts.push(`claimant: ${claim.claimant}`);
  const claimLine = parts.join('; ');
  return annotation.note ? `${annotation.note}\n${claimLine}` : claimLine;
}

/** "2025-03-06 09:05:00" in UTC: the form Readwise documents for its Date column. */
function readwiseDate(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? '' : new Date(time).toISOString().slice(0, 19).replace('T', ' ');
}

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}
