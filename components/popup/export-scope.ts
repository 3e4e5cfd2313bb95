// What an export covers, as a source read page by page (export/source.ts): an export of the whole library never loads
// the library at once, and each database read is small enough to decode in a short task. Tombstones are included: the
// JSON backup keeps them (so a restore replicates deletions) and every other exporter skips them.
// Each page is read in its own transaction (IndexedDB commits a transaction as soon as the code waits on anything else),
// so a note saved in another tab while a long export runs may or may not be in it. Articles are never hard-deleted, so
// every annotation read has its article.
import type { ArticleWithAnnotations } from '../../export/bundle';
import { bundleSource, type ExportSource } from '../../export/source';
import type { NewsLensDb } from '../../storage/db';
import type { Annotation, Article } from '../../storage/types';

/** Articles per page of "articles with their annotations" (20 notes each is 1,000 rows to decode). */
const ARTICLE_PAGE = 50;
/** Rows per page when records are read by id. */
const RECORD_PAGE = 500;

function withAnnotations(articles: readonly Article[], annotations: readonly Annotation[]): ArticleWithAnnotations[] {
  const byArticle = new Map<string, Annotation[]>(articles.map((article) => [article.id, []]));
  for (const annotation of annotations) byArticle.get(annotation.articleId)?.push(annotation);
  return articles.map((article) => ({ article, annotations: byArticle.get(article.id) ?? [] }));
}

/** Reads a table in primary-key (id) order, `size` rows at a time. */
async function* tableById<T extends { id: string }>(db: NewsLensDb, table: 'articles' | 'annotations', size: number): AsyncGenerator<T[]> {
  let after: string | undefined;
  for (;;) {
    const rows = (await db.transaction('r', db.table(table), () => {
      const ordered = after === undefined ? db.table(table).orderBy(':id') : db.table(table).where(':id').above(after);
      return ordered.limit(size).toArray();
    })) as T[];
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]?.id;
  }
}

/** Reads the rows with the given ids, in the given order, `size` at a time; ids with no row are skipped. */
async function* rowsByIds<T>(db: NewsLensDb, table: 'articles' | 'annotations', ids: readonly string[], size: number): AsyncGenerator<T[]> {
  for (let start = 0; start < ids.length; start += size) {
    const rows = (await db.table(table).bulkGet(ids.slice(start, start + size))) as Array<T | undefined>;
    yield rows.filter((row): row is T => row !== undefined);
  }
}

/**
 * The annotations of these articles, one index lookup per article, all in flight at once: IndexedDB serves them in
 * one round of requests, where Dexie's anyOf walks a cursor from key to key (in fake-indexeddb, 50 ids among 50,000
 * notes took 450 ms against 16 ms).
 */
async function annotationsOf(db: NewsLensDb, articleIds: readonly string[]): Promise<Annotation[]> {
  const lists = await Promise.all(articleIds.map((id) => db.annotations.where('articleId').equals(id).toArray()));
  return lists.flat();
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One article and its annotations: small, so it is read at once. */
export async function bundleForArticle(db: NewsLensDb, articleId: string, now: Date): Promise<ExportSource> {
  return db.transaction('r', db.articles, db.annotations, async () => {
    const article = await db.articles.get(articleId);
    const annotations = await db.annotations.where('articleId').equals(articleId).toArray();
    return bundleSource({ articles: article ? [article] : [], annotations, exportedAt: now.toISOString() });
  });
}

/**
 * The annotations with the given ids (a selection, or what a search shows) and their articles, articles in the order
 * their first annotation comes in `ids`. The ids are read once up front, a page at a time, to learn the articles.
 */
export async function bundleForAnnotations(db: NewsLensDb, ids: readonly string[], now: Date): Promise<ExportSource> {
  const selected = new Set<string>();
  const articleIds = new Set<string>();
  for await (const page of rowsByIds<Annotation>(db, 'annotations', ids, RECORD_PAGE)) {
    for (const annotation of page) {
      selected.add(annotation.id);
      articleIds.add(annotation.articleId);
    }
  }
  const articleOrder = [...articleIds];
  return {
    exportedAt: now.toISOString(),
    counts: async () => ({ articles: articleOrder.length, annotations: selected.size }),
    async *articlePages() {
      for (let start = 0; start < articleOrder.length; start += ARTICLE_PAGE) {
        const pageIds = articleOrder.slice(start, start + ARTICLE_PAGE);
        const page = await db.transaction('r', db.articles, db.annotations, async () => {
          const articles = (await db.articles.bulkGet(pageIds)).filter((a): a is Article => a !== undefined);
          const annotations = (await annotationsOf(db, pageIds)).filter((a) => selected.has(a.id));
          return withAnnotations(articles, annotations);
        });
        yield page;
      }
    },
    annotationsById: () => rowsByIds<Annotation>(db, 'annotations', [...selected].sort(byCodeUnits), RECORD_PAGE),
    articlesById: () => rowsByIds<Article>(db, 'articles', [...articleOrder].sort(byCodeUnits), RECORD_PAGE),
  };
}

/** Every article and annotation in the database, articles in id order, read a page at a time. */
export async function bundleForEverything(db: NewsLensDb, now: Date): Promise<ExportSource> {
  return {
    exportedAt: now.toISOString(),
    counts: () =>
      db.transaction('r', db.articles, db.annotations, async () => ({ articles: await db.articles.count(), annotations: await db.annotations.count() })),
    async *articlePages() {
      for await (const articles of tableById<Article>(db, 'articles', ARTICLE_PAGE)) {
        // The page is every article whose id lies between its first and last: their annotations are one range of the
        // articleId index, read in one request, in the order the per-article lookups gave (by article id, then id).
        const first = articles[0]?.id;
        const last = articles[articles.length - 1]?.id;
        if (first === undefined || last === undefined) continue;
        const annotations = await db.annotations.where('articleId').between(first, last, true, true).toArray();
        yield withAnnotations(articles, annotations);
      }
    },
    annotationsById: () => tableById<Annotation>(db, 'annotations', RECORD_PAGE),
    articlesById: () => tableById<Article>(db, 'articles', RECORD_PAGE),
  };
}
