// The first page of "All notes" (no query, no filter) read through indexes, so the list opens as fast on a 50,000-note
// library as on a small one; the full search index (storage/library-search.ts) takes over once it is loaded.
import type { NewsLensDb } from './db';
import { compareGroupOrder, type ArticleGroup } from './search';
import { compareReadingOrder, type Annotation } from './types';

/** Notes read per step while walking the library from the most recently changed note. */
const NOTES_PER_READ = 200;
/** Articles whose notes are read per step: about 100 notes, one page of the list, at ten notes per article. */
const ARTICLES_PER_READ = 10;

const isLive = (row: { deletedAt: string | null }) => !row.deletedAt;

/**
 * Live notes of live articles, counted with indexes: all notes, minus tombstones (the `deletedAt` index holds only
 * those), minus live notes of tombstoned articles. Chromium counts a store by walking it (about 0.1-0.5 s for 50,000
 * notes, measured in the popup), so callers ask for this after the rows they show, not alongside them.
 */
export async function countLiveNotes(db: NewsLensDb): Promise<number> {
  const [all, tombstoned, deadArticles] = await Promise.all([
    db.annotations.count(),
    db.annotations.where('deletedAt').above('').count(),
    db.articles.where('deletedAt').above('').primaryKeys(),
  ]);
  const orphaned = deadArticles.length ? await db.annotations.where('articleId').anyOf(deadArticles).filter(isLive).count() : 0;
  return all - tombstoned - orphaned;
}

/** Live notes of each article in `articleIds`, in reading order. */
async function liveNotesOf(db: NewsLensDb, articleIds: readonly string[]): Promise<Map<string, Annotation[]>> {
  const byArticle = new Map<string, Annotation[]>(articleIds.map((id) => [id, []]));
  if (articleIds.length) {
    for (const note of await db.annotations.where('articleId').anyOf(articleIds as string[]).toArray()) {
      if (isLive(note)) byArticle.get(note.articleId)?.push(note);
    }
  }
  for (const notes of byArticle.values()) notes.sort(compareReadingOrder);
  return byArticle;
}

/**
 * Which of `articleIds` have a live note, from keys only (the `articleId` index and the tombstones' ids), without
 * reading a note row.
 */
async function withLiveNotes(db: NewsLensDb, articleIds: readonly string[]): Promise<Set<string>> {
  const live = new Set<string>();
  if (!articleIds.length) return live;
  const tombstoned = new Set(await db.annotations.where('deletedAt').above('').primaryKeys());
  await db.annotations
    .where('articleId')
    .anyOf(articleIds as string[])
    .eachKey((articleId, cursor) => {
      if (!tombstoned.has(cursor.primaryKey)) live.add(String(articleId));
    });
  return live;
}

/**
 * The groups `searchPage` (storage/search.ts) gives for an empty query, no filters and `limit` notes shown, read with the `updatedAt`, `articleId` and `lastVisitedAt` indexes: O(rows shown) reads instead of O(library).
 * The total is `countLiveNotes`.
 */
export async function firstLibraryPage(db: NewsLensDb, limit: number): Promise<ArticleGroup[]> {
  const groups: Array<ArticleGroup & { latest: string }> = [];
  const seen = new Set<string>();
  let budget = limit;
  // Walk notes from the most recently changed: the first live note met of each article is its latest. The articles are
  // read a few at a time, so a page of recent notes spread over a hundred articles does not read all their notes.
  for (let offset = 0; budget > 0; offset += NOTES_PER_READ) {
    const batch = await db.annotations.orderBy('updatedAt').reverse().offset(offset).limit(NOTES_PER_READ).toArray();
    const latest = new Map<string, string>();
    for (const note of batch) if (isLive(note) && !seen.has(note.articleId) && !latest.has(note.articleId)) latest.set(note.articleId, note.updatedAt);
    const ids = [...latest.keys()];
    for (let from = 0; from < ids.length && budget > 0; from += ARTICLES_PER_READ) {
      const chunk = ids.slice(from, from + ARTICLES_PER_READ);
      for (const id of chunk) seen.add(id);
      const [articles, notes] = await Promise.all([db.articles.bulkGet(chunk), liveNotesOf(db, chunk)]);
      chunk.forEach((id, i) => {
        const article = articles[i];
        const annotations = (notes.get(id) ?? []).slice(0, Math.max(budget, 0));
        if (budget <= 0 || !article || !isLive(article) || !annotations.length) return;
        groups.push({ article, annotations, latest: latest.get(id) as string });
        budget -= annotations.length;
      });
    }
    if (batch.length < NOTES_PER_READ) break;
  }
  // Visited articles without notes come in by their last visit: those after the last group shown fall off the page.
  const cutoff = budget <= 0 ? (groups[groups.length - 1]?.latest ?? '') : '';
  const visited = (await db.articles.where('lastVisitedAt').above(cutoff).reverse().toArray()).filter((a) => isLive(a) && !seen.has(a.id));
  const annotated = await withLiveNotes(db, visited.map((a) => a.id));
  for (const article of visited) {
    if (!annotated.has(article.id)) groups.push({ article, annotations: [], latest: article.lastVisitedAt });
  }
  groups.sort((a, b) => compareGroupOrder({ articleId: a.article.id, latest: a.latest }, { articleId: b.article.id, latest: b.latest }));
  return groups.map(({ article, annotations }) => ({ article, annotations }));
}
