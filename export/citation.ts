// APA comes from citation-js (citeproc-js with the CSL APA style it bundles), which handles the rules that are easy
// to get wrong: "n.d.", "Retrieved ... from" for undated pages, "&", et al. beyond 20 authors.
// MLA and BibTeX are our own because citation-js does not serve them well here:
// - it bundles no MLA style (only APA, Vancouver, Harvard), and the official CSL MLA style is another project's file;
// - its BibTeX output either drops every non-Latin character (default ASCII mode: a Russian title becomes "")
//   or, in Unicode mode, escapes nothing (a "%" in a title comments out the rest of the line in TeX).
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-csl';
import type { Article } from '../storage/types';
import { liveArticlesWithAnnotations, type ExportBundle } from './bundle';
import { dateParts, isoDate, type DateParts } from './dates';
import { parseName, type ParsedName } from './names';

export type CitationStyle = 'apa' | 'mla';

type CslName = { family: string; given: string; suffix?: string } | { literal: string };

export interface CslItem {
  id: string;
  type: 'article-newspaper';
  title: string;
  author?: CslName[];
  'container-title'?: string;
  issued?: { 'date-parts': [DateParts] };
  accessed?: { 'date-parts': [DateParts] };
  URL: string;
  language?: string;
}

export function toCslJson(article: Article, accessed?: Date): CslItem {
  const item: CslItem = { id: article.id, type: 'article-newspaper', title: article.title.trim(), URL: article.url };
  const authors = citedAuthors(article).map(toCslName);
  if (authors.length > 0) item.author = authors;
  if (article.siteName.trim()) item['container-title'] = article.siteName.trim();
  const issued = dateParts(article.publishedAt);
  if (issued) item.issued = { 'date-parts': [issued] };
  const accessedParts = accessedDateParts(article, accessed);
  if (accessedParts) item.accessed = { 'date-parts': [accessedParts] };
  if (article.lang) item.language = article.lang;
  return item;
}

/**
 * A one-line plain-text reference. `accessed` defaults to the reader's last visit: MLA prints it,
 * APA only for undated pages ("Retrieved March 7, 2025, from ...").
 */
export function formatCitation(article: Article, style: CitationStyle, accessed?: Date): string {
  return style === 'apa' ? formatApa(article, accessed) : formatMla(article, accessed);
}

function formatApa(article: Article, accessed?: Date): string {
  const cite = new Cite([toCslJson(article, accessed)]);
  const text = cite.format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' });
  return typeof text === 'string' ? text.trim() : '';
}

const MLA_MONTHS = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

function formatMla(article: Article, accessed?: Date): string {
  const parts: string[] = [];
  const authors = mlaAuthors(citedAuthors(article).filter((name) => !isSiteAsAuthor(name, article)));
  if (authors) parts.push(endWith(authors, '.'));
  const title = article.title.trim();
  if (title) parts.push(`“${endWith(singleInnerQuotes(title), '.')}”`);
  const details: string[] = [];
  if (article.siteName.trim()) details.push(article.siteName.trim());
  const published = dateParts(article.publishedAt);
  if (published) details.push(mlaDate(published));
  details.push(article.url.replace(/^https?:\/\//, ''));
  parts.push(`${details.join(', ')}.`);
  const accessedParts = accessedDateParts(article, accessed);
  if (accessedParts) parts.push(`Accessed ${mlaDate(accessedParts)}.`);
  return parts.join(' ');
}

function mlaAuthors(names: ParsedName[]): string {
  const [first, second] = names;
  if (!first) return '';
  const inverted = first.kind === 'person' ? [first.family, first.given, first.suffix].filter(Boolean).join(', ') : first.name;
  if (names.length === 1) return inverted;
  if (names.length === 2 && second) return `${inverted}, and ${displayName(second)}`;
  return `${inverted}, et al`;
}

function displayName(name: ParsedName): string {
  if (name.kind === 'organization') return name.name;
  const base = `${name.given} ${name.family}`.trim();
  return name.suffix ? `${base}, ${name.suffix}` : base;
}

/** MLA leaves out an author that is just the publication itself ("Reuters" on reuters.com). */
function isSiteAsAuthor(name: ParsedName, article: Article): boolean {
  return name.kind === 'organization' && name.name.toLowerCase() === article.siteName.trim().toLowerCase();
}

function mlaDate(parts: DateParts): string {
  const [year, month, day] = parts;
  const monthName = month === undefined ? undefined : MLA_MONTHS[month - 1];
  return [day, monthName, year].filter((part) => part !== undefined).join(' ');
}

/** MLA puts quotation marks inside a quoted title as single ones. */
function singleInnerQuotes(title: string): string {
  return title.replace(/“([^”]*)”|"([^"]*)"/g, (_match, curly?: string, straight?: string) => `‘${curly ?? straight ?? ''}’`);
}

/** Add closing punctuation unless the text already ends a sentence ("Who pays?" stays as it is). */
function endWith(text: string, mark: string): string {
  return /[.?!…]$/.test(text) ? text : text + mark;
}

/**
 * BibTeX for reference managers. Follows what Zotero writes for news articles (@article, journal, year, month macro,
 * url, urldate) so both BibTeX and biblatex read it; @online when there is no publication name.
 * Text stays UTF-8 (biber and modern BibTeX read it); TeX's special characters are escaped.
 */
export function toBibtex(article: Article, accessed?: Date): string {
  return bibtexEntry(article, bibtexKey(article), accessed);
}

/** All live articles of an export as one .bib file; a key that collides gets 2, 3, ... so every entry stays citable. */
export function toBibtexFile(bundle: ExportBundle): string {
  const used = new Set<string>();
  return liveArticlesWithAnnotations(bundle)
    .map(({ article }) => {
      const base = bibtexKey(article);
      let key = base;
      for (let n = 2; used.has(key); n++) key = `${base}${n}`;
      used.add(key);
      return bibtexEntry(article, key);
    })
    .join('\n');
}

/** All live articles of an export as a CSL-JSON list (what Zotero and pandoc import). */
export function toCslJsonFile(bundle: ExportBundle): string {
  return `${JSON.stringify(liveArticlesWithAnnotations(bundle).map(({ article }) => toCslJson(article)), null, 2)}\n`;
}

function bibtexEntry(article: Article, key: string, accessed?: Date): string {
  const names = citedAuthors(article);
  const published = dateParts(article.publishedAt);
  const site = article.siteName.trim();
  const fields: Array<[string, string]> = [];
  if (names.length > 0) fields.push(['author', `{${names.map(bibtexName).join(' and ')}}`]);
  // Double braces keep the headline's capitalisation: BibTeX styles lowercase @article titles otherwise.
  fields.push(['title', `{{${escapeTex(article.title.trim())}}}`]);
  if (site) fields.push(['journal', `{${escapeTex(site)}}`]);
  if (published) {
    fields.push(['year', `{${published[0]}}`]);
    const month = published[1];
    if (month !== undefined) fields.push(['month', BIBTEX_MONTHS[month - 1] ?? `{${month}}`]);
  }
  fields.push(['url', `{${bibtexUrl(article.url)}}`]);
  const accessedIso = accessedDateParts(article, accessed);
  if (accessedIso) fields.push(['urldate', `{${isoDate(accessedIso)}}`]);
  if (article.lang) fields.push(['langid', `{${escapeTex(article.lang)}}`]);
  const entryType = site ? 'article' : 'online';
  const body = fields.map(([name, value]) => `  ${name} = ${value},`).join('\n');
  return `@${entryType}{${key},\n${body}\n}\n`;
}

const BIBTEX_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function bibtexName(name: ParsedName): string {
  // Braces stop BibTeX from splitting an organisation into "first" and "last" names.
  if (name.kind === 'organization') return `{${escapeTex(name.name)}}`;
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
};

export function escapeTex(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\{}$%&#_~^]/g, (char) => TEX_ESCAPES[char] ?? char);
}

/** url fields are read verbatim, so only characters that break the entry's braces or comment it out are encoded. */
function bibtexUrl(url: string): string {
  return url.replace(/[{}%\s\\]/g, (char) => (char === '%' ? '\\%' : encodeURIComponent(char)));
}

/** Stable key from the metadata (surname + year + first title word), so re-exports do not duplicate entries. */
function bibtexKey(article: Article): string {
  const first = citedAuthors(article)[0];
  const published = dateParts(article.publishedAt);
  const who = first ? (first.kind === 'person' ? first.family : first.name) : article.siteName;
  const word = article.title.split(/\s+/).map(asciiWord).find((w) => w.length > 2 && !STOP_WORDS.has(w)) ?? '';
  const key = `${asciiWord(who)}${published ? published[0] : ''}${word}`;
  return /^[a-z]/.test(key) ? key : `newslens${key}${asciiWord(article.id).slice(0, 8)}`;
}

const STOP_WORDS = new Set(['the', 'and', 'for', 'with', 'from', 'that', 'this', 'are', 'was', 'how', 'why', 'what', 'who']);

function asciiWord(text: string): string {
  return text.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]/g, '');
}

function citedAuthors(article: Article): ParsedName[] {
  return article.authors
    .map((author) => author.name.trim())
    .filter((author) => author.length > 0)
    .map((author) => parseName(author, article.siteName));
}

function toCslName(name: ParsedName): CslName {
  if (name.kind === 'organization') return { literal: name.name };
  return name.suffix ? { family: name.family, given: name.given, suffix: name.suffix } : { family: name.family, given: name.given };
}

/** A given Date is the reader's "now", so its local calendar day counts; a stored visit time is read as written. */
function accessedDateParts(article: Article, accessed?: Date): DateParts | undefined {
  if (accessed && !Number.isNaN(accessed.getTime())) {
    return [accessed.getFullYear(), accessed.getMonth() + 1, accessed.getDate()];
  }
  return dateParts(article.lastVisitedAt);
}
