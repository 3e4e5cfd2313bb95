// Full-text search and filters for the "All notes" view, over a compact index: a few facts and one folded string per
// note, no copies of the rows (a 50,000-note library is ~20 MB here instead of ~60 MB of row objects). The index is
// pure data so it can be tested and benchmarked without a browser; storage/library-search.ts loads it from Dexie and
// keeps it current, in a worker in the extension (components/popup/library-search-worker.ts).
import { NoteTexts, stripSeparator, type NoteText } from './search-text';
import type { Annotation, AnnotationKind, Article, ClaimStatus } from './types';

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


/** What the index keeps of a live note: enough to filter, match, group and order it; the row itself is read by id. */
export interface NoteFacts extends NoteText {
  id: string;
  articleId: string;
  updatedAt: string;
  /** YYYY-MM-DD of `createdAt`, for the date filters. */
  createdDay: string;
  kind: AnnotationKind;
  claimStatus?: ClaimStatus;
  /** Folded verdict label ('' without a claim). */
  verdict: string;
  tags: readonly string[];
  /** Reading order: TextPositionSelector start and end (UTF-16 offsets in the article text). */
  start: number;
  end: number;
  /** Folded quote, note, tags, verdict and claimant: one string to test query tokens against. */
  haystack: string;
}

/** What the index keeps of a live article. */
export interface ArticleFacts {
  id: string;
  siteName: string;
  lastVisitedAt: string;
  /** Folded title: a query token found here matches every note of the article. */
  title: string;
  /** Folded title and site: what an article without notes is found by. */
  titleAndSite: string;
}

/** Article ids with the note ids of each, in the order "All notes" shows them. */
export interface IdGroup {
  articleId: string;
  /** Reading order (position in the article text). */
  annotationIds: string[];
}

export interface SearchResult {
  /** Articles with the most recently changed matching note first (an article without notes: its last visit). */
  groups: IdGroup[];
  /** Matching notes (articles without notes add none). */
  total: number;
}

/** A group as the list renders it: the rows themselves, read by id for the notes shown. */
export interface ArticleGroup {
  article: Article;
  /** Reading order (position in the article text). */
  annotations: Annotation[];
}

/** Rows written since an index was built, read again by id; `undefined` where the row no longer exists. */
export interface ChangedRows {
  articles: ReadonlyMap<string, Article | undefined>;
  annotations: ReadonlyMap<string, Annotation | undefined>;
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
    const token = stripSeparator(match[1] ?? match[2] ?? '').replace(/\s+/g, ' ').trim();
    if (token) tokens.push(token);
  }
  return tokens;
}


const NO_TAGS: readonly string[] = Object.freeze([]);

/**
 * The facts of a live note. `same` returns one shared instance of equal strings (days, kinds, statuses, tags, article
 * ids): each row read from IndexedDB brings its own copies, and 50,000 notes share a few hundred distinct values.
 */
function noteFacts(annotation: Annotation, same: (text: string) => string): NoteFacts {
  const parts = [annotation.target.quote.exact, annotation.note, annotation.tags.join(' '), annotation.claim?.verdict ?? '', annotation.claim?.claimant ?? ''];
  return {
    id: annotation.id,
    articleId: same(annotation.articleId),
    updatedAt: annotation.updatedAt,
    createdDay: same(annotation.createdAt.slice(0, 10)),
    kind: same(annotation.kind) as AnnotationKind,
    claimStatus: annotation.claim ? (same(annotation.claim.status) as ClaimStatus) : undefined,
    verdict: annotation.claim?.verdict ? same(foldText(annotation.claim.verdict)) : '',
    tags: annotation.tags.length ? annotation.tags.map(same) : NO_TAGS,
    start: annotation.target.position.start,
    end: annotation.target.position.end,
    haystack: stripSeparator(foldText(parts.join('\n').replace(/\s+/g, ' '))),
  };
}

function articleFacts(article: Article): ArticleFacts {
  return {
    id: article.id,
    siteName: article.siteName,
    lastVisitedAt: article.lastVisitedAt,
    title: foldText(article.title),
    titleAndSite: foldText(`${article.title} ${article.siteName}`),
  };
}

/** The order of `compareReadingOrder` (storage/types.ts), on facts. */
function compareFactsReadingOrder(a: NoteFacts, b: NoteFacts): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Live notes of live articles, and live articles (with or without notes), as facts. Built a batch of rows at a time
 * (`addArticles` before the notes that belong to them) and then kept current with `apply`; every operation costs
 * O(rows given), never O(library).
 */
export class SearchIndex {
  readonly notes = new Map<string, NoteFacts>();
  readonly articles = new Map<string, ArticleFacts>();
  /** Notes per live article (an array: ten-odd notes each, lighter than 5,000 small maps); none or [] = no live notes. */
  private readonly byArticle = new Map<string, NoteFacts[]>();
  private readonly texts = new NoteTexts<NoteFacts>();
  /** One instance of each repeated string (see `noteFacts`); article ids enter with their articles. */
  private readonly strings = new Map<string, string>();
  private readonly same = (text: string): string => {
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    this.strings.set(text, text);
    return text;
  };

  /** Tombstoned articles are left out (and their notes, given later, with them). */
  addArticles(articles: Iterable<Article>): void {
    for (const article of articles) if (!article.deletedAt) this.articles.set(article.id, articleFacts(article));
  }

  /** Tombstoned notes, and notes of articles the index does not hold (missing or tombstoned), are left out. */
  addNotes(annotations: Iterable<Annotation>): void {
    for (const annotation of annotations) {
      if (annotation.deletedAt || !this.articles.has(annotation.articleId)) continue;
      const facts = noteFacts(annotation, this.same);
      this.notes.set(annotation.id, facts);
      this.texts.add(facts);
      let notes = this.byArticle.get(annotation.articleId);
      if (!notes) this.byArticle.set(annotation.articleId, (notes = []));
      notes.push(facts);
    }
  }

  /** Whether `articleId` is a live article of the index: a changed article it does not hold may bring stored notes. */
  holdsArticle(articleId: string): boolean {
    return this.articles.has(articleId);
  }

  /**
   * Makes the index what building it again would give after the changed rows were written. `changed.annotations` must
   * hold every stored note of each changed article the index did not hold (new, or restored from a tombstone).
   */
  apply(changed: ChangedRows): void {
    for (const [id, row] of changed.articles) {
      if (row && !row.deletedAt) {
        this.articles.set(id, articleFacts(row));
        continue;
      }
      this.articles.delete(id);
      for (const note of [...(this.byArticle.get(id) ?? [])]) this.removeNote(note.id);
      this.byArticle.delete(id);
    }
    for (const [id, row] of changed.annotations) {
      this.removeNote(id);
      if (row) this.addNotes([row]);
    }
  }

  private removeNote(id: string): void {
    const facts = this.notes.get(id);
    if (!facts) return;
    this.notes.delete(id);
    const siblings = this.byArticle.get(facts.articleId);
    const at = siblings ? siblings.indexOf(facts) : -1;
    if (at >= 0) siblings?.splice(at, 1);
    this.texts.remove(facts);
  }

  /**
   * Calls `visit` with each live note in which every token is found, in the note's text or its article's title
   * (tokens as `tokenizeQuery` gives them).
   */
  forEachMatch(tokens: readonly string[], visit: (note: NoteFacts) => void): void {
    const inTitles = tokens.map((token) => {
      const ids = new Set<string>();
      for (const article of this.articles.values()) if (article.title.includes(token)) ids.add(article.id);
      return ids;
    });
    this.texts.forEachMatch(tokens, (k, note) => (inTitles[k] as Set<string>).has(note.articleId), visit);
  }

  hasNotes(articleId: string): boolean {
    return Boolean(this.byArticle.get(articleId)?.length);
  }

  /** Live articles without live notes. */
  *unannotated(): Iterable<ArticleFacts> {
    for (const article of this.articles.values()) if (!this.hasNotes(article.id)) yield article;
  }
}

/** Builds the index of the given rows in one call (tests, benchmarks); the extension builds it in pages. */
export function buildSearchIndex(articles: readonly Article[], annotations: readonly Annotation[]): SearchIndex {
  const index = new SearchIndex();
  index.addArticles(articles);
  index.addNotes(annotations);
  return index;
}

/** An article without notes is shown when no note-level filter is on and its title (or site) matches the query. */
function unannotatedMatches(article: ArticleFacts, tokens: string[], filters: SearchFilters): boolean {
  if (filters.kinds?.length || filters.tags?.length || filters.claimStatuses?.length || filters.verdict?.trim()) return false;
  if (filters.articleId && article.id !== filters.articleId) return false;
  if (filters.sites?.length && !filters.sites.includes(article.siteName)) return false;
  const day = article.lastVisitedAt.slice(0, 10);
  if ((filters.from && day < filters.from) || (filters.to && day > filters.to)) return false;
  return tokens.every((token) => article.titleAndSite.includes(token));
}

/** The filters on the note itself (site and article are checked once per article). */
function passesNoteFilters(note: NoteFacts, filters: SearchFilters, verdict: string): boolean {
  if (filters.kinds?.length && !filters.kinds.includes(note.kind)) return false;
  if (filters.tags?.length && !filters.tags.every((tag) => note.tags.includes(tag))) return false;
  if (filters.claimStatuses?.length && !(note.claimStatus && filters.claimStatuses.includes(note.claimStatus))) return false;
  if (verdict && !(note.claimStatus && note.verdict.includes(verdict))) return false;
  if (filters.from && note.createdDay < filters.from) return false;
  if (filters.to && note.createdDay > filters.to) return false;
  return true;
}

/**
 * The order of groups in "All notes": the latest change first (an article's most recently changed matching note, or
 * its last visit when it has no notes), then by article id so that equal times always come out the same way.
 */
export function compareGroupOrder(a: { articleId: string; latest: string }, b: { articleId: string; latest: string }): number {
  if (a.latest !== b.latest) return a.latest < b.latest ? 1 : -1;
  return a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0;
}

/** Matching notes grouped by article, groups in list order, notes not yet in reading order. */
function matchGroups(index: SearchIndex, query: string, filters: SearchFilters): { groups: Array<{ articleId: string; notes: NoteFacts[] }>; total: number } {
  const tokens = tokenizeQuery(query);
  const verdict = filters.verdict ? foldText(filters.verdict.trim()) : '';
  const byArticle = new Map<string, { articleId: string; notes: NoteFacts[]; latest: string }>();
  let total = 0;
  index.forEachMatch(tokens, (note) => {
    if (filters.articleId && note.articleId !== filters.articleId) return;
    if (!passesNoteFilters(note, filters, verdict)) return;
    if (filters.sites?.length && !filters.sites.includes((index.articles.get(note.articleId) as ArticleFacts).siteName)) return;
    total++;
    const group = byArticle.get(note.articleId);
    if (!group) byArticle.set(note.articleId, { articleId: note.articleId, notes: [note], latest: note.updatedAt });
    else {
      group.notes.push(note);
      if (note.updatedAt > group.latest) group.latest = note.updatedAt;
    }
  });
  const groups = [...byArticle.values()];
  for (const article of index.unannotated()) {
    if (unannotatedMatches(article, tokens, filters)) groups.push({ articleId: article.id, notes: [], latest: article.lastVisitedAt });
  }
  groups.sort(compareGroupOrder);
  return { groups, total };
}

const inReadingOrder = (notes: NoteFacts[]) => notes.sort(compareFactsReadingOrder).map((note) => note.id);

/**
 * Every note matching all query tokens (each found in the note's text or its article's title) and the filters,
 * grouped by article: articles with the most recently changed matching note first, notes in reading order; articles
 * without notes whose title or site matches are listed too, by their last visit. O(notes in the index).
 */
export function searchAnnotations(index: SearchIndex, query: string, filters: SearchFilters = {}): SearchResult {
  const { groups, total } = matchGroups(index, query, filters);
  return { groups: groups.map(({ articleId, notes }) => ({ articleId, annotationIds: inReadingOrder(notes) })), total };
}

/**
 * The groups a list showing `limit` notes displays, and the total of `searchAnnotations`: whole groups in order until
 * `limit` notes are shown (the last one cut short), articles without notes included while the budget lasts. Only the
 * shown groups are put in reading order: this is what the list needs on each keystroke.
 */
export function searchPage(index: SearchIndex, query: string, filters: SearchFilters, limit: number): SearchResult {
  const { groups, total } = matchGroups(index, query, filters);
  let budget = limit;
  const shown: IdGroup[] = [];
  for (const { articleId, notes } of groups) {
    if (budget <= 0) break;
    const annotationIds = inReadingOrder(notes).slice(0, budget);
    budget -= annotationIds.length;
    shown.push({ articleId, annotationIds });
  }
  return { groups: shown, total };
}

/** Tags of live notes, the most used first (then by name), as `listTags` (storage/annotations.ts) orders them. */
export function listIndexTags(index: SearchIndex): string[] {
  const counts = new Map<string, number>();
  for (const note of index.notes.values()) for (const tag of note.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([tag]) => tag);
}

/** Distinct sites that have live notes, for the site filter. */
export function listSites(index: SearchIndex): string[] {
  const sites = new Set<string>();
  for (const note of index.notes.values()) {
    const site = index.articles.get(note.articleId)?.siteName;
    if (site) sites.add(site);
  }
  return [...sites].sort((a, b) => a.localeCompare(b));
}
