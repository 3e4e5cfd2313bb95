// Article metadata from the page head, most trustworthy source first:
// JSON-LD > Highwire citation_* > OpenGraph og:* / article:* > <meta name=author> > <title> / <h1>.
// Every value is page-controlled text: it is cleaned to plain text and URLs are kept only when http(s).
import type { ArticleMetadata } from './types';

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
    const source = script.textContent ?? '';
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

function namesOf(value: unknown, byId: Map<string, JsonObject>): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list
    .map((item) => resolveRef(item, byId))
    .map((item) => (isObject(item) ? cleanText(item['name']) : cleanText(item)))
    .filter((name) => name !== '' && !/^https?:\/\//i.test(name));
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
    authors: namesOf(article['author'], byId),
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
    authors: metaValues(doc, 'name', 'citation_author'),
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
    // article:author is usually a profile URL, which namesOf-style filtering drops.
    authors: metaValues(doc, 'property', 'article:author').filter((name) => !/^https?:\/\//i.test(name)),
    siteName: meta(doc, 'property', 'og:site_name'),
    publishedAt: cleanDate(meta(doc, 'property', 'article:published_time')),
    modifiedAt: cleanDate(meta(doc, 'property', 'article:modified_time') ?? meta(doc, 'property', 'og:updated_time')),
    canonicalUrl: httpUrl(meta(doc, 'property', 'og:url'), base),
    lang: locale?.replace('_', '-'),
    description: meta(doc, 'property', 'og:description'),
  };
}

function splitAuthorList(value: string): string[] {
  return value
    .replace(/^by\s+/i, '')
    .split(/\s*(?:,|;|\band\b|&)\s*/i)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

function fromPlainHtml(doc: Document): Found {
  const metaAuthor = meta(doc, 'name', 'author');
  const bylineAuthors = Array.from(doc.querySelectorAll('[rel~="author"], [itemprop="author"]'))
    .map((el) => cleanText(el.textContent))
    .filter((name) => name !== '' && name.length < 80);
  const h1 = doc.querySelector('h1');
  return {
    authors: metaAuthor ? splitAuthorList(metaAuthor) : bylineAuthors,
    headline: cleanText(h1?.textContent) || cleanText(doc.title),
    description: meta(doc, 'name', 'description'),
  };
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

function dedupe(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).slice(0, MAX_AUTHORS);
}

export interface MetadataWithEvidence {
  metadata: ArticleMetadata;
  /** schema.org article type found in JSON-LD, e.g. "NewsArticle". */
  jsonLdType?: string;
  /** Every schema.org type found in JSON-LD, so the finder can recognise listing pages. */
  jsonLdTypes: string[];
}

export function extractMetadataWithEvidence(doc: Document): MetadataWithEvidence {
  const base = doc.baseURI || doc.URL || 'about:blank';
  const nodes = jsonLdNodes(doc);
  const { articleType, ...jsonLd } = fromJsonLd(nodes, base);
  const citation = fromCitation(doc, base);
  const og = fromOpenGraph(doc, base);
  const plain = fromPlainHtml(doc);
  const sources = [jsonLd, citation, og, plain];
  const pick = <K extends keyof ArticleMetadata>(key: K): ArticleMetadata[K] | undefined =>
    first(...sources.map((source) => source[key]));
  const metadata: ArticleMetadata = {
    headline: pick('headline') ?? '',
    authors: dedupe(pick('authors') ?? []),
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
