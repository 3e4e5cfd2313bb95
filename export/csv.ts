// Readwise's CSV import format, written to RFC 4180. Readwise documents the columns Highlight (required), Title, Author,
// URL, Note, Location and Date; it has no tag column, but it reads inline tags from a note that starts with ".tag"
// (Readwise "action tags"), so a highlight's tags travel that way.
// The file starts with a UTF-8 byte order mark: Excel reads a CSV without one in the system code page and garbles every
// non-Latin character. Spreadsheet apps run cells that start with a formula character, and quotes come from arbitrary
// web pages, so such cells get a leading apostrophe (OWASP's CSV injection advice), also when the formula character
// hides behind leading whitespace, which spreadsheets skip.
import { CLAIM_STATUS_LABELS, type Annotation, type Article } from '../storage/types';
import { liveArticlesWithAnnotations, type ExportBundle } from './bundle';
import { tagName } from './markdown-text';
import type { SliceOptions } from './slices';
import { TextBlobWriter } from './output';
import { mapLiveSections, type ExportSource } from './source';

export const CSV_COLUMNS = ['Highlight', 'Title', 'Author', 'URL', 'Note', 'Location', 'Date'] as const;

const BOM = '\uFEFF';

/** The whole export as a Readwise CSV (BOM, header row, CRLF line ends). */
export function toCsv(bundle: ExportBundle): string {
  return joinCsv(liveArticlesWithAnnotations(bundle).map(articleRows));
}

/**
 * toCsv read from `source` a page at a time, in slices that yield to the event loop, with progress (articles) and
 * cancellation, as a text/csv Blob with the same bytes as toCsv of the same records.
 */
export async function toCsvInSlices(source: ExportSource, slices: SliceOptions = {}): Promise<Blob> {
  const out = new TextBlobWriter();
  out.write(`${BOM}${csvLine([...CSV_COLUMNS])}`);
  await mapLiveSections(source, (section) => {
    for (const row of articleRows(section)) out.write(`\r\n${row}`);
  }, slices);
  out.write('\r\n');
  return out.toBlob('text/csv');
}

function joinCsv(articles: string[][]): string {
  return `${BOM}${[csvLine([...CSV_COLUMNS]), ...articles.flat()].join('\r\n')}\r\n`;
}

function articleRows({ article, annotations }: { article: Article; annotations: Annotation[] }): string[] {
  return annotations.map((annotation, index) => csvLine(csvRow(article, annotation, index)));
}

function csvLine(cells: string[]): string {
  return cells.map(csvCell).join(',');
}

function csvRow(article: Article, annotation: Annotation, index: number): string[] {
  return [
    annotation.target.quote.exact,
    article.title,
    article.authors.map((author) => author.name).join(', '),
    article.url,
    noteWithTagsAndClaim(annotation),
    // Readwise sorts a document's highlights by Location; the highlight's place in reading order (1, 2, 3, ...) is the
    // position Readwise's "order" location type expects for web articles, which have no pages.
    String(index + 1),
    readwiseDate(annotation.createdAt),
  ];
}

/**
 * Tags as Readwise inline tags on the note's first line (".budget .needs-source"), then the reader's note, then the
 * claim's state: Readwise has no column for fact-checks, so it travels in the note rather than being lost.
 */
function noteWithTagsAndClaim(annotation: Annotation): string {
  const tags = annotation.tags.map(tagName).filter((tag): tag is string => tag !== undefined);
  const lines: string[] = [];
  if (tags.length > 0) lines.push(tags.map((tag) => `.${tag}`).join(' '));
  if (annotation.note) lines.push(annotation.note);
  const claim = annotation.claim;
  if (claim) {
    const parts = [`Claim status: ${CLAIM_STATUS_LABELS[claim.status].toLowerCase()}`];
    if (claim.verdict) parts.push(`verdict: ${claim.verdict}${claim.rating !== undefined ? ` (${claim.rating}/5)` : ''}`);
    if (claim.claimant) parts.push(`claimant: ${claim.claimant}`);
    lines.push(parts.join('; '));
  }
  return lines.join('\n');
}

/** "2025-03-06 09:05:00" in UTC: the form Readwise documents for its Date column. */
function readwiseDate(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? '' : new Date(time).toISOString().slice(0, 19).replace('T', ' ');
}

// OWASP lists =, +, -, @, tab and carriage return as dangerous first characters. Spreadsheets also skip leading
// whitespace (any Unicode space, line feeds, invisible format characters) before deciding whether a cell is a formula,
// so the guard looks past them too.
const FORMULA_START = /^(?:[\t\r]|[\s\p{Zs}\p{Cf}]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/u;

/**
 * One RFC 4180 cell. A value that a spreadsheet would read as a formula (=, +, -, @ or their full-width forms, after
 * any leading whitespace) gets a leading apostrophe, which spreadsheets show as text and do not evaluate.
 */
export function csvCell(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}
