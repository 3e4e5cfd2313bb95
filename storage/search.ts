// Full-text search and filters for the popup's "All notes" view. The pure part works on arrays so it can be
// benchmarked and tested without a browser; components/popup/use-search-index.ts reads the rows from Dexie.
import { compareReadingOrder, type Annotation, type AnnotationKind, type Article, type ClaimStatus } from './types';

export interface SearchFilters {
  /** Every listed tag must be on the annotation. */
  tags?: readonly string[];
  kinds?: readonly AnnotationKind[];
  claimStatuses?: readonly ClaimStatus[];
  /** Case- and accent-insensitive part of the verdict label. */
  verdict?: string;
  sites?: readonly string[];
  articleId?: string;
  /** Inclusive calendar days (YYYY-MM-DD) compared with the annotation's creation day. */
  from?: string;
  to?: string;
}

export interface IndexedAnnotation {
  annotation: Annotation;
  article: Article;
  /** Folded quote, note, tags, verdict, claimant and article title: one string to test query tokens against. */
  haystack: string;
  createdDay: string;
}

export interface SearchIndex {
  entries: IndexedAnnotation[];
  /** Live articles the reader has visited but not annotated yet: still listed, so they can be found again. */
  unannotated: Article[];
}

export interface ArticleGroup {
  article: Article;
  /** Reading order (position in the article text). */
  annotations: Annotation[];
}

export interface SearchResult {
  groups: ArticleGroup[];
  total: number;
}

/** Lower-cases and strips accents, so "Zürich" is found by "zurich" and "CAFÉ" by "cafe". */
export function foldText(text: string): string {
  // Most notes are plain ASCII; skipping Unicode normalisation for them makes indexing 10,000 notes several times faster.
  if (!/[^\x00-\x7f]/.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Splits a query into folded tokens; a "double-quoted phrase" stays one token. All tokens must match (AND). */
export function tokenizeQuery(query: string): string[] {
  const tokens: string[] = [];
  for (const match of foldText(query).matchAll(/"([^"]*)"|(\S+)/g)) {
    const token = (match[1] ?? match[2] ?? '').replace(/\s+/g, ' ').trim();
    if (token) tokens.push(token);
  }
  return tokens;
}

/** One live annotation of a live article as the index holds it (the haystack is built here and only here). */
function indexEntry(annotation: Annotation, article: Article): IndexedAnnotation {
  const parts = [
    annotation.target.quote.exact,
    annotation.note,
    annotation.tags.join(' '),
    annotation.claim?.verdict ?? '',
    annotation.claim?.claimant ?? '',
    article.title,
  ];
  return {
    annotation,
    article,
    haystack: foldText(parts.join('\n').replace(/\s+/g, ' ')),
    createdDay: annotation.createdAt.slice(0, 10),
  };
}

/** Live articles the index lists without notes: every live article none of `entries` belongs to. */
function unannotatedArticles(articles: Iterable<Article>, entries: readonly IndexedAnnotation[]): Article[] {
  const annotated = new Set(entries.map((entry) => entry.annotation.articleId));
  return [...articles].filter((article) => !annotated.has(article.id));
}

/**
 * Builds an index a batch of rows at a time, so a caller reading the library in pages can fold each page's text
 * between its reads instead of all of it in one task. `add` takes annotations whose articles were all given to the
 * constructor; `finish` returns the same index `buildSearchIndex` gives for the same rows.
 */
export class SearchIndexBuilder {
  private readonly byId = new Map<string, Article>();
  private readonly entries: IndexedAnnotation[] = [];

  /** Tombstoned articles are left out, and so are their annotations. */
  constructor(articles: Iterable<Article>) {
    for (const article of articles) if (!article.deletedAt) this.byId.set(article.id, article);
  }

  /** Tombstoned annotations and annotations of missing or tombstoned articles are left out. */
  add(annotations: readonly Annotation[]): void {
    for (const annotation of annotations) {
      if (annotation.deletedAt) continue;
      const article = this.byId.get(annotation.articleId);
      if (article) this.entries.push(indexEntry(annotation, article));
    }
  }

  finish(): SearchIndex {
    return { entries: this.entries, unannotated: unannotatedArticles(this.byId.values(), this.entries) };
  }
}

/** Tombstoned rows and annotations of missing or tombstoned articles are left out. */
export function buildSearchIndex(articles: readonly Article[], annotations: readonly Annotation[]): SearchIndex {
  const builder = new SearchIndexBuilder(articles);
  builder.add(annotations);
  return builder.finish();
}

/** Rows written since an index was built, read again by id; `undefined` where the row no longer exists. */
export interface ChangedRows {
  articles: ReadonlyMap<string, Article | undefined>;
  annotations: ReadonlyMap<string, Annotation | undefined>;
}

/** Ids of the articles an index knows (with or without notes): a changed article outside it may bring stored notes. */
export function indexedArticleIds(index: SearchIndex): Set<string> {
  const ids = new Set(index.unannotated.map((article) => article.id));
  for (const entry of index.entries) ids.add(entry.article.id);
  return ids;
}

/**
 * The index as `buildSearchIndex` would build it after the changed rows were written, without reading anything else:
 * O(entries) work and new haystacks only for changed rows, so an open "All notes" list follows a write elsewhere
 * cheaply. `changed.annotations` must hold every stored note of each changed article outside `indexedArticleIds(index)`
 * (a new article, or one restored from a tombstone, whose notes the index left out).
 */
export function patchSearchIndex(index: SearchIndex, changed: ChangedRows): SearchIndex {
  const articles = new Map<string, Article>();
  for (const entry of index.entries) articles.set(entry.article.id, entry.article);
  for (const article of index.unannotated) articles.set(article.id, article);
  for (const [id, row] of changed.articles) {
    if (row && !row.deletedAt) articles.set(id, row);
    else articles.delete(id);
  }
  const entries: IndexedAnnotation[] = [];
  for (const entry of index.entries) {
    const { id, articleId } = entry.annotation;
    if (changed.annotations.has(id)) continue;
    const article = articles.get(articleId);
    if (!article) continue;
    entries.push(article === entry.article ? entry : indexEntry(entry.annotation, article));
  }
  for (const annotation of changed.annotations.values()) {
    if (!annotation || annotation.deletedAt) continue;
    const article = articles.get(annotation.articleId);
    if (article) entries.push(indexEntry(annotation, article));
  }
  return { entries, unannotated: unannotatedArticles(articles.values(), entries) };
}

/** An article without notes is shown when no note-level filter is on and its title (or site) matches the query. */
function unannotatedMatches(article: Article, tokens: string[], filters: SearchFilters): boolean {
  if (filters.kinds?.length || filters.tags?.length || filters.claimStatuses?.length || filters.verdict?.trim()) return false;
  if (filters.articleId && article.id !== filters.articleId) return false;
  if (filters.sites?.length && !filters.sites.includes(article.siteName)) return false;
  const day = article.lastVisitedAt.slice(0, 10);
  if ((filters.from && day < filters.from) || (filters.to && day > filters.to)) return false;
  const haystack = foldText(`${article.title} ${article.siteName}`);
  return tokens.every((token) => haystack.includes(token));
}

function passesFilters(entry: IndexedAnnotation, filters: SearchFilters, verdict: string): boolean {
  const { annotation, article } = entry;
  if (filters.articleId && annotation.articleId !== filters.articleId) return false;
  if (filters.kinds?.length && !filters.kinds.includes(annotation.kind)) return false;
  if (filters.tags?.length && !filters.tags.every((tag) => annotation.tags.includes(tag))) return false;
  if (filters.claimStatuses?.length && !(annotation.claim && filters.claimStatuses.includes(annotation.claim.status))) return false;
  if (verdict && !(annotation.claim && foldText(annotation.claim.verdict).includes(verdict))) return false;
  if (filters.sites?.length && !filters.sites.includes(article.siteName)) return false;
  if (filters.from && entry.createdDay < filters.from) return false;
  if (filters.to && entry.createdDay > filters.to) return false;
  return true;
}

/**
 * Matching annotations grouped by article: articles with the most recently changed annotation first,
 * annotations within an article in reading order.
 */
export function searchAnnotations(index: SearchIndex, query: string, filters: SearchFilters = {}): SearchResult {
  const tokens = tokenizeQuery(query);
  const verdict = filters.verdict ? foldText(filters.verdict.trim()) : '';
  const groups = new Map<string, { group: ArticleGroup; latest: string }>();
  let total = 0;
  for (const entry of index.entries) {
    if (!passesFilters(entry, filters, verdict)) continue;
    if (!tokens.every((token) => entry.haystack.includes(token))) continue;
    total++;
    const { article, annotation } = entry;
    const existing = groups.get(article.id);
    if (existing) {
      existing.group.annotations.push(annotation);
      if (annotation.updatedAt > existing.latest) existing.latest = annotation.updatedAt;
    } else {
      groups.set(article.id, { group: { article, annotations: [annotation] }, latest: annotation.updatedAt });
    }
  }
  for (const article of index.unannotated) {
    if (unannotatedMatches(article, tokens, filters)) {
      groups.set(article.id, { group: { article, annotations: [] }, latest: article.lastVisitedAt });
    }
  }
  const sorted = [...groups.values()].sort((a, b) => (a.latest < b.latest ? 1 : a.latest > b.latest ? -1 : 0));
  for (const { group } of sorted) group.annotations.sort(compareReadingOrder);
  return { groups: sorted.map(({ group }) => group), total };
}

/** Tags of live annotations, the most used first (then by name), as `listTags` orders them, counted from the index. */
export function listIndexTags(index: SearchIndex): string[] {
  const counts = new Map<string, number>();
  for (const { annotation } of index.entries) for (const tag of annotation.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([tag]) => tag);
}

/** Distinct sites that have live annotations, for the site filter. */
export function listSites(index: SearchIndex): string[] {
  return [...new Set(index.entries.map((e) => e.article.siteName).filter(Boolean))].sort((a, b) => a.localeCompare(b));
}
