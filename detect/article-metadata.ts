// Article metadata from the page, most trustworthy source first:
// JSON-LD > Highwire citation_* > OpenGraph og:* / article:* > <meta name=author> > visible byline markup > a "By …"
// line > <title> / <h1>; dates from visible <time> last.
// Every value is page-controlled text: it is cleaned to plain text and URLs are kept only when http(s).
import { cleanAuthorCandidate, ORGANIZATION_TYPES, uniqueAuthors } from './article-authors';
import type { ArticleMetadata, Author } from './types';

const ARTICLE_TYPES = new Set([
  'Article', 'NewsArticle', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle', 'ReviewNewsArticle',
  'BackgroundNewsArticle', 'AskPublicNewsArticle', 'LiveBlogPosting', 'BlogPosting', 'Report',
]);

const MAX_JSON_LD_CHARS = 500_000;
const MAX_JSON_LD_NODES = 2_000;
const MAX_JSON_LD_VALUES = 20_000;
const MAX_AUTHORS = 20;
const MAX_TEXT = 500;

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x')) return safeCodePoint(parseInt(lower.slice(2), 16)) ?? whole;
    if (lower.startsWith('#')) return safeCodePoint(parseInt(lower.slice(1), 10)) ?? whole;
    return NAMED_ENTITIES[lower] ?? whole;
  });
}

function safeCodePoint(code: number): string | undefined {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

/** Plain text from a page-supplied string: entities decoded, tags dropped, whitespace collapsed, length capped. */
export function cleanText(value: unknown): string {
  if (typeof value !== 'string') return '';
  return decodeEntities(value)
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_TEXT);
}

function httpUrl(value: unknown, base: string): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** ISO time for a full timestamp, YYYY-MM-DD for a bare date (a date has no time zone to convert). */
function cleanDate(value: unknown): string | undefined {
  const text = cleanText(value);
  const bareDate = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text);
  if (bareDate) {
    const [, year, month, day] = bareDate;
    return `${year}-${month?.padStart(2, '0')}-${day?.padStart(2, '0')}`;
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) return undefined;
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function typesOf(node: JsonObject): string[] {
  const type = node['@type'];
  const list = Array.isArray(type) ? type : [type];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/#:]/, ''));
}

/** Every object in the parsed JSON-LD blocks (arrays, @graph, nesting), bounded against hostile pages. */
function jsonLdNodes(doc: Document): JsonObject[] {
  const nodes: JsonObject[] = [];
  const pending: unknown[] = [];
  let next = 0;
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    // Some sites wrap the JSON in a CDATA section (an XHTML habit); JSON.parse needs it unwrapped.
    const source = (script.textContent ?? '').replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[/, '').replace(/(?:\/\/\s*)?\]\]>\s*$/, '');
    if (source.length > MAX_JSON_LD_CHARS) continue;
    try {
      pending.push(JSON.parse(source));
    } catch {
      // Broken JSON-LD is common; the other sources still apply.
    }
  }
  while (next < pending.length && nodes.length < MAX_JSON_LD_NODES && pending.length < MAX_JSON_LD_VALUES) {
    const value = pending[next];
    next += 1;
    if (Array.isArray(value)) for (const item of value) pending.push(item);
    else if (isObject(value)) {
      nodes.push(value);
      for (const child of Object.values(value)) if (typeof child === 'object' && child !== null) pending.push(child);
    }
  }
  return nodes;
}

function resolveRef(value: unknown, byId: Map<string, JsonObject>): unknown {
  if (isObject(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1) {
    return byId.get(value['@id']) ?? value;
  }
  return value;
}

/** The text of a JSON-LD name, which some sites nest: {"name": {"@value": "Jane Doe"}} or a list of names. */
function nameText(value: unknown, depth = 0): string {
  if (typeof value === 'string') return cleanText(value);
  if (depth > 3) return '';
  if (Array.isArray(value)) return nameText(value[0], depth + 1);
  if (isObject(value)) return nameText(value['@value'] ?? value['name'] ?? value['text'], depth + 1);
  return '';
}

/** Authors from a JSON-LD author value: a string, a Person/Organization object, an @id reference, or a list of them. */
function authorsOf(value: unknown, byId: Map<string, JsonObject>): Author[] {
  const list = Array.isArray(value) ? value : [value];
  const authors: Author[] = [];
  for (const raw of list.slice(0, MAX_AUTHORS)) {
    const item = resolveRef(raw, byId);
    if (isObject(item)) {
      const types = typesOf(item);
      const kind = types.some((type) => ORGANIZATION_TYPES.has(type)) ? 'organization' : types.includes('Person') ? 'person' : undefined;
      authors.push(...cleanAuthorCandidate(nameText(item['name']), { kind }));
    } else {
      const name = cleanText(item);
      if (!/^https?:\/\//i.test(name)) authors.push(...cleanAuthorCandidate(name));
    }
  }
  return authors;
}

function urlOf(value: unknown, base: string): string | undefined {
  if (isObject(value)) return httpUrl(value['@id'] ?? value['url'], base);
  return httpUrl(value, base);
}

type Found = { [K in keyof ArticleMetadata]?: ArticleMetadata[K] };

function fromJsonLd(nodes: JsonObject[], base: string): Found & { articleType?: string } {
  const article = nodes.find((node) => typesOf(node).some((type) => ARTICLE_TYPES.has(type)));
  if (!article) return {};
  const byId = new Map<string, JsonObject>();
  for (const node of nodes) if (typeof node['@id'] === 'string' && Object.keys(node).length > 1) byId.set(node['@id'], node);
  const publisher = resolveRef(article['publisher'], byId);
  const website = resolveRef(article['isPartOf'], byId);
  const websiteName = isObject(website) && typesOf(website).includes('WebSite') ? cleanText(website['name']) : '';
  const language = article['inLanguage'];
  return {
    articleType: typesOf(article).find((type) => ARTICLE_TYPES.has(type)),
    headline: cleanText(article['headline']) || cleanText(article['name']),
    authors: authorsOf(article['author'], byId),
    siteName: websiteName || (isObject(publisher) ? cleanText(publisher['name']) : undefined),
    publishedAt: cleanDate(article['datePublished']),
    modifiedAt: cleanDate(article['dateModified']),
    canonicalUrl: httpUrl(article['url'], base) ?? urlOf(article['mainEntityOfPage'], base),
    lang: isObject(language) ? cleanText(language['alternateName']) : cleanText(language),
    description: cleanText(article['description']),
  };
}

function metaValues(doc: Document, attribute: 'name' | 'property', key: string): string[] {
  const values: string[] = [];
  for (const meta of Array.from(doc.querySelectorAll(`meta[${attribute}]`))) {
    if (meta.getAttribute(attribute)?.toLowerCase() === key) {
      const value = cleanText(meta.getAttribute('content'));
      if (value) values.push(value);
    }
  }
  return values;
}

const meta = (doc: Document, attribute: 'name' | 'property', key: string): string | undefined =>
  metaValues(doc, attribute, key)[0];

function fromCitation(doc: Document, base: string): Found {
  return {
    headline: meta(doc, 'name', 'citation_title'),
    // One person per tag, often written "Family, Given": never split on the comma.
    authors: metaValues(doc, 'name', 'citation_author').flatMap((name) => cleanAuthorCandidate(name, { split: false })),
    siteName: meta(doc, 'name', 'citation_publisher') ?? meta(doc, 'name', 'citation_journal_title'),
    // citation_online_date is the first online appearance, not an update.
    publishedAt: cleanDate(
      meta(doc, 'name', 'citation_publication_date') ?? meta(doc, 'name', 'citation_date') ?? meta(doc, 'name', 'citation_online_date'),
    ),
    canonicalUrl: httpUrl(meta(doc, 'name', 'citation_public_url') ?? meta(doc, 'name', 'citation_fulltext_html_url'), base),
    lang: meta(doc, 'name', 'citation_language'),
    description: meta(doc, 'name', 'citation_abstract'),
  };
}

function fromOpenGraph(doc: Document, base: string): Found {
  const locale = meta(doc, 'property', 'og:locale');
  return {
    headline: meta(doc, 'property', 'og:title'),
    // article:author is usually a profile URL, which is not a name.
    authors: metaValues(doc, 'property', 'article:author')
      .filter((name) => !/^https?:\/\//i.test(name))
      .flatMap((name) => cleanAuthorCandidate(name)),
    siteName: meta(doc, 'property', 'og:site_name'),
    publishedAt: cleanDate(meta(doc, 'property', 'article:published_time')),
    modifiedAt: cleanDate(meta(doc, 'property', 'article:modified_time') ?? meta(doc, 'property', 'og:updated_time')),
    canonicalUrl: httpUrl(meta(doc, 'property', 'og:url'), base),
    lang: locale?.replace('_', '-'),
    description: meta(doc, 'property', 'og:description'),
  };
}

/** Byline widgets in page markup, in the order sites use them: microformats and microdata first, then class names. */
const BYLINE_SELECTORS = [
  '[itemprop~="author"] [itemprop~="name"]',
  '[itemprop~="author"]',
  '[rel~="author"]',
  '.vcard .fn',
  '.byline__name, .byline-name, .author-name, .author__name, .authorName',
  '.byline, [class*="byline"], [id*="byline"]',
  '.author, [class*="author"], [data-testid*="byline"]',
];
/** Byline text longer than this is a bio box or an author page, not a signature. */
const MAX_BYLINE_CHARS = 300;
/** Text nodes to look through for a "By …" line; it sits near the headline, early in the page. */
const MAX_BY_LINE_NODES = 5_000;

function inFurniture(el: Element): boolean {
  return el.closest('nav, footer, aside, [role="navigation"], [role="contentinfo"], [class*="comment"], [class*="related"]') !== null;
}

/**
 * Authors named by byline markup: the first selector that yields a plausible name wins, and only its first byline
 * (with the sibling names in the same parent, as in "<span>A</span>, <span>B</span> and <span>C</span>"): the same
 * markup further down is other stories' bylines.
 */
function fromBylineMarkup(doc: Document): Author[] {
  for (const selector of BYLINE_SELECTORS) {
    const found: Author[] = [];
    let parent: Element | null | undefined;
    for (const el of Array.from(doc.querySelectorAll(selector)).slice(0, 40)) {
      if (el.tagName === 'META' || el.tagName === 'LINK' || inFurniture(el)) continue;
      if (parent !== undefined && el.parentElement !== parent) break;
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (!text || text.length > MAX_BYLINE_CHARS) continue;
      const authors = cleanAuthorCandidate(cleanText(text));
      if (authors.length === 0) continue;
      found.push(...authors);
      parent = el.parentElement;
    }
    if (found.length > 0) return found;
  }
  return [];
}

/** A short "By Jane Doe and John Roe" line anywhere in the page text. */
function fromByLine(doc: Document): Author[] {
  if (!doc.body) return [];
  const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
  let seen = 0;
  for (let node = walker.nextNode(); node && seen < MAX_BY_LINE_NODES; node = walker.nextNode(), seen += 1) {
    if (!/^\s*by\b/i.test(node.nodeValue ?? '')) continue;
    const holder = node.parentElement;
    if (!holder || holder.closest('script, style, nav, footer') || inFurniture(holder)) continue;
    // "By" may be its own text node with the name in a link next to it: read the enclosing line.
    const line = holder.textContent && holder.textContent.trim().length > 3 ? holder : holder.parentElement;
    const text = (line?.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!/^by\s+\p{Lu}/iu.test(text) || text.length > 120) continue;
    const authors = cleanAuthorCandidate(cleanText(text));
    if (authors.length > 0) return authors;
  }
  return [];
}

function fromPlainHtml(doc: Document, readerByline: string | undefined): Found {
  const metaAuthor = meta(doc, 'name', 'author');
  const h1 = doc.querySelector('h1');
  const fromMeta = metaAuthor && !/^https?:\/\//i.test(metaAuthor) ? cleanAuthorCandidate(metaAuthor) : [];
  const reader = readerByline ? cleanAuthorCandidate(cleanText(readerByline)) : [];
  return {
    // Readability's byline first: it only takes bylines outside the furniture it discards (a related-stories rail
    // with its own rel=author links comes before the story on some pages).
    authors: first(fromMeta, reader, fromBylineMarkup(doc), fromByLine(doc)) ?? [],
    headline: cleanText(h1?.textContent) || cleanText(doc.title),
    description: meta(doc, 'name', 'description'),
    publishedAt: visibleDate(doc),
  };
}

/** The first machine-readable date the page shows (<time datetime>), for pages without metadata dates. */
function visibleDate(doc: Document): string | undefined {
  for (const time of Array.from(doc.querySelectorAll('time[datetime]')).slice(0, 10)) {
    const date = cleanDate(time.getAttribute('datetime'));
    if (date) return date;
  }
  return undefined;
}

function canonicalLink(doc: Document, base: string): string | undefined {
  for (const link of Array.from(doc.querySelectorAll('link[rel]'))) {
    const rels = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (rels.includes('canonical')) {
      const href = httpUrl(link.getAttribute('href'), base);
      if (href) return href;
    }
  }
  return undefined;
}

function first<T>(...values: (T | undefined)[]): T | undefined {
  return values.find((value) => value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0));
}

export interface MetadataWithEvidence {
  metadata: ArticleMetadata;
  /** schema.org article type found in JSON-LD, e.g. "NewsArticle". */
  jsonLdType?: string;
  /** Every schema.org type found in JSON-LD, so the finder can recognise listing pages. */
  jsonLdTypes: string[];
}

/**
 * Metadata with the evidence the article finder needs. `readerByline` is Readability's byline for the page, when it
 * ran: a visible-markup candidate read the way Firefox Reader View reads it.
 */
export function extractMetadataWithEvidence(doc: Document, readerByline?: string): MetadataWithEvidence {
  const base = doc.baseURI || doc.URL || 'about:blank';
  const nodes = jsonLdNodes(doc);
  const { articleType, ...jsonLd } = fromJsonLd(nodes, base);
  const citation = fromCitation(doc, base);
  const og = fromOpenGraph(doc, base);
  const plain = fromPlainHtml(doc, readerByline);
  const sources = [jsonLd, citation, og, plain];
  const pick = <K extends keyof ArticleMetadata>(key: K): ArticleMetadata[K] | undefined =>
    first(...sources.map((source) => source[key]));
  const metadata: ArticleMetadata = {
    headline: pick('headline') ?? '',
    authors: uniqueAuthors(pick('authors') ?? [], MAX_AUTHORS),
  };
  const optional = {
    siteName: pick('siteName'),
    publishedAt: pick('publishedAt'),
    modifiedAt: pick('modifiedAt'),
    // The page's own canonical link is its most deliberate statement of identity.
    canonicalUrl: first(canonicalLink(doc, base), jsonLd.canonicalUrl, citation.canonicalUrl, og.canonicalUrl),
    lang: first(cleanText(doc.documentElement.getAttribute('lang')), jsonLd.lang, citation.lang, og.lang),
    description: pick('description'),
  };
  for (const [key, value] of Object.entries(optional) as [keyof typeof optional, string | undefined][]) {
    if (value) metadata[key] = value;
  }
  return { metadata, jsonLdType: articleType, jsonLdTypes: nodes.flatMap(typesOf) };
}

/** Headline, authors, site, dates, canonical URL, language and description of the page. */
export function extractMetadata(doc: Document): ArticleMetadata {
  return extractMetadataWithEvidence(doc).metadata;
}
