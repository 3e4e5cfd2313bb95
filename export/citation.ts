// Citations. APA, MLA and Chicago (author-date) come from citeproc-js (export/reference-engine.ts) with the official CSL style files in
// export/styles/ (citation-style-language/styles, CC BY-SA 3.0, licence headers kept): the styles encode the rules that
// are easy to get wrong ("n.d.", "Retrieved ... from", et al., MLA's access date). This module is only ever imported
// lazily, so citeproc-js and the style files load with the citation chunk, not with the popup.
// BibTeX is our own writer: citation-js's BibTeX output either drops every non-Latin character (ASCII mode) or escapes
// nothing (Unicode mode: a "%" in a title comments out the rest of the line in TeX).
import type { Article, CitationStyle } from '../storage/types';
import { liveArticlesWithAnnotations, type ExportBundle } from './bundle';
import { dateParts, isoDate, type DateParts } from './dates';
import { citedNames, type CitedName } from './names';
import type { CslItem, CslName } from './csl-item';
import { referenceEngine } from './reference-engine';
import { mapInSlices, type SliceOptions } from './slices';
import { mapLiveSections, type ExportSource } from './source';

export type { CitationStyle, CslItem };

/**
 * The publication an article appeared in, or undefined. A site name that is only the page's host name (what the page
 * falls back to when it declares no publication) is not a publication: citing "127.0.0.1" as a newspaper is wrong.
 */
export function publicationName(article: Article): string | undefined {
  const site = article.siteName.replace(/\s+/g, ' ').trim();
  if (!site) return undefined;
  let host = '';
  try {
    host = new URL(article.url).hostname.toLowerCase();
  } catch {
    return site;
  }
  const bare = site.toLowerCase().replace(/^www\./, '');
  return bare === host || bare === host.replace(/^www\./, '') ? undefined : site;
}

/** CSL-JSON for one article (what Zotero, pandoc and citeproc read). `accessed` defaults to the last visit. */
export function toCslJson(article: Article, accessed?: Date): CslItem {
  const item: CslItem = { id: article.id, type: 'article-newspaper', title: article.title.replace(/\s+/g, ' ').trim(), URL: article.url };
  const authors = citedNames(article.authors).map(toCslName);
  if (authors.length > 0) item.author = authors;
  const publication = publicationName(article);
  if (publication) item['container-title'] = publication;
  const issued = dateParts(article.publishedAt);
  if (issued) item.issued = { 'date-parts': [issued] };
  const accessedParts = accessedDateParts(article, accessed);
  if (accessedParts) item.accessed = { 'date-parts': [accessedParts] };
  if (article.lang) item.language = article.lang;
  return item;
}

/**
 * A one-line plain-text reference in the chosen style, rendered by citeproc-js from the shipped CSL file.
 * `accessed` defaults to the reader's last visit (MLA prints it; APA only for undated pages).
 */
export function formatCitation(article: Article, style: CitationStyle, accessed?: Date): string {
  return referenceEngine(style).format(toCslJson(article, accessed));
}

function toCslName(name: CitedName): CslName {
  if ('literal' in name) return { literal: name.literal };
  return name.suffix ? { family: name.family, given: name.given, suffix: name.suffix } : { family: name.family, given: name.given };
}

/**
 * Writes BibTeX entries one at a time with keys unique across everything this writer has written, so an export done in
 * slices (or a .bib assembled entry by entry) never has two entries under one key. Follows what Zotero writes for news
 * articles (@article, journal, year, month macro, url, urldate) so both BibTeX and biblatex read it; @online when there
 * is no publication. Text stays UTF-8 (biber and modern BibTeX read it); TeX's special characters are escaped.
 */
export class BibtexWriter {
  private readonly used = new Set<string>();

  /** One entry; a key already written gets 2, 3, ... appended. */
  entry(article: Article, accessed?: Date): string {
    return bibtexEntry(article, uniqueKey(bibtexKey(article), this.used), accessed);
  }
}

/** One article's entry on its own (its key is unique only within itself; use BibtexWriter for several). */
export function toBibtex(article: Article, accessed?: Date): string {
  return new BibtexWriter().entry(article, accessed);
}

/** All live articles of an export as one .bib file with unique keys. */
export function toBibtexFile(bundle: ExportBundle, accessed?: Date): string {
  const writer = new BibtexWriter();
  return liveArticlesWithAnnotations(bundle)
    .map(({ article }) => writer.entry(article, accessed))
    .join('\n');
}

/** All live articles of an export as a CSL-JSON list (what Zotero and pandoc import). */
export function toCslJsonFile(bundle: ExportBundle, accessed?: Date): string {
  return `${JSON.stringify(liveArticlesWithAnnotations(bundle).map(({ article }) => toCslJson(article, accessed)), null, 2)}\n`;
}

/**
 * The articles a citation export is about: the live articles of `source` that have live annotations there, or every
 * live article when none has any (exporting citations of a selection of articles without notes). Read in slices with
 * progress (articles) and cancellation.
 */
export async function citedArticles(source: ExportSource, slices: SliceOptions = {}): Promise<Article[]> {
  const withNotes: Article[] = [];
  const live = await mapLiveSections(
    source,
    ({ article, annotations }) => {
      if (annotations.length > 0) withNotes.push(article);
      return article;
    },
    slices,
  );
  return withNotes.length > 0 ? withNotes : live;
}

/** The cited articles of `source` (see citedArticles) as one .bib file with unique keys, in slices. */
export async function toBibtexFileInSlices(source: ExportSource, accessed?: Date, slices: SliceOptions = {}): Promise<string> {
  const writer = new BibtexWriter();
  const entries = await mapInSlices(await citedArticles(source, slices), (article) => writer.entry(article, accessed), slices);
  return entries.join('\n');
}

/** The cited articles of `source` (see citedArticles) as a CSL-JSON list, in slices. */
export async function toCslJsonFileInSlices(source: ExportSource, accessed?: Date, slices: SliceOptions = {}): Promise<string> {
  const items = await mapInSlices(await citedArticles(source, slices), (article) => toCslJson(article, accessed), slices);
  return `${JSON.stringify(items, null, 2)}\n`;
}

/** `base`, or `base2`, `base3`, ... whichever is not in `used` yet; records the result in `used`. */
export function uniqueKey(base: string, used: Set<string>): string {
  let key = base;
  for (let n = 2; used.has(key); n++) key = `${base}${n}`;
  used.add(key);
  return key;
}

function bibtexEntry(article: Article, key: string, accessed?: Date): string {
  const names = citedNames(article.authors);
  const published = dateParts(article.publishedAt);
  const publication = publicationName(article);
  const fields: Array<[string, string]> = [];
  if (names.length > 0) fields.push(['author', `{${names.map(bibtexName).join(' and ')}}`]);
  // Double braces keep the headline's capitalisation: BibTeX styles lowercase @article titles otherwise.
  fields.push(['title', `{{${escapeTex(article.title.trim())}}}`]);
  if (publication) fields.push(['journal', `{${escapeTex(publication)}}`]);
  if (published) {
    fields.push(['year', `{${published[0]}}`]);
    const month = published[1];
    if (month !== undefined) fields.push(['month', BIBTEX_MONTHS[month - 1] ?? `{${month}}`]);
  }
  fields.push(['url', `{${bibtexUrl(article.url)}}`]);
  const accessedParts = accessedDateParts(article, accessed);
  if (accessedParts) fields.push(['urldate', `{${isoDate(accessedParts)}}`]);
  if (article.lang) fields.push(['langid', `{${escapeTex(article.lang)}}`]);
  const entryType = publication ? 'article' : 'online';
  const body = fields.map(([name, value]) => `  ${name} = ${value},`).join('\n');
  return `@${entryType}{${key},\n${body}\n}\n`;
}

const BIBTEX_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function bibtexName(name: CitedName): string {
  // Braces make a name one unit: BibTeX never splits an organisation (or a name kept whole) into first and last names.
  if ('literal' in name) return `{${escapeTex(name.literal)}}`;
  const family = escapeTex(name.family);
  const given = escapeTex(name.given);
  if (name.suffix) return `${family}, ${escapeTex(name.suffix)}, ${given}`;
  return given ? `${family}, ${given}` : family;
}

const TEX_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '%': '\\%',
  '&': '\\&',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  // TeX's default text fonts turn these into other glyphs (< is ¡, > is ¿, ` is an opening quote).
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '`': '\\textasciigrave{}',
};

/**
 * Page text for a BibTeX field: whitespace collapsed (a field is one line), TeX's special characters escaped, and
 * runs of hyphens broken with {} so TeX does not join them into an en or em dash.
 */
export function escapeTex(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\{}$%&#_~^<>`]/g, (char) => TEX_ESCAPES[char] ?? char)
    .replace(/-(?=-)/g, '-{}');
}

/**
 * url is a verbatim field (biber and Better BibTeX read it character for character), so a TeX escape such as `\%`
 * would end up inside the link. Only what would break the entry's braces or the line is percent-encoded.
 */
function bibtexUrl(url: string): string {
  return url.replace(/[{}\s\\]/g, (char) => encodeURIComponent(char));
}

/** Stable key from the metadata (surname + year + first title word), so re-exports do not duplicate entries. */
function bibtexKey(article: Article): string {
  const first = citedNames(article.authors)[0];
  const published = dateParts(article.publishedAt);
  const who = first ? ('literal' in first ? first.literal : first.family) : (publicationName(article) ?? '');
  const word = article.title.split(/\s+/).map(asciiWord).find((w) => w.length > 2 && !STOP_WORDS.has(w)) ?? '';
  const key = `${asciiWord(who)}${published ? published[0] : ''}${word}`;
  return /^[a-z]/.test(key) ? key : `newslens${key}${asciiWord(article.id).slice(0, 8)}`;
}

const STOP_WORDS = new Set(['the', 'and', 'for', 'with', 'from', 'that', 'this', 'are', 'was', 'how', 'why', 'what', 'who']);

function asciiWord(text: string): string {
  return text.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** A given Date is the reader's "now", so its local calendar day counts; a stored visit time is read as written. */
function accessedDateParts(article: Article, accessed?: Date): DateParts | undefined {
  if (accessed && !Number.isNaN(accessed.getTime())) {
    return [accessed.getFullYear(), accessed.getMonth() + 1, accessed.getDate()];
  }
  return dateParts(article.lastVisitedAt);
}
