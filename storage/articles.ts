import type { NewsLensDb } from './db';
import type { StorageDeps } from './deps';
import type { Article } from './types';

/** What a content script tells us about the page it sees; `url` is already normalised (see article-identity.ts). */
export type PageVisit = Pick<
  Article,
  'url' | 'title' | 'siteName' | 'authors' | 'publishedAt' | 'modifiedAt' | 'lang' | 'isArticle' | 'textHash'
>;

export interface VisitResult {
  article: Article;
  /** The article text differs from the text the reader annotated. */
  textChanged: boolean;
}

/**
 * Creates or refreshes the article row for a visit. The stored hash is the text the reader's notes were made on:
 * it only moves forward while the article has no live annotations, so "this article changed" means changed under your notes.
 */
export async function recordVisit(db: NewsLensDb, visit: PageVisit, deps: StorageDeps): Promise<VisitResult> {
  return db.transaction('rw', db.articles, db.annotations, async () => {
    const now = deps.now().toISOString();
    const existing = await db.articles.where('url').equals(visit.url).first();
    if (!existing) {
      const article: Article = {
        id: deps.uuid(),
        url: visit.url,
        title: visit.title,
        siteName: visit.siteName,
        authors: visit.authors,
        publishedAt: visit.publishedAt,
        modifiedAt: visit.modifiedAt,
        lang: visit.lang,
        isArticle: visit.isArticle,
        textHash: visit.textHash,
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
        lastVisitedAt: now,
      };
      await db.articles.add(article);
      return { article, textChanged: false };
    }
    const hasNotes = (await db.annotations.where('articleId').equals(existing.id).filter((a) => !a.deletedAt).count()) > 0;
    const updated: Article = {
      ...existing,
      // Metadata can improve between visits (late JSON-LD, a corrected headline); never blank out what we had.
      title: visit.title || existing.title,
      siteName: visit.siteName || existing.siteName,
      authors: visit.authors.length ? visit.authors : existing.authors,
      publishedAt: visit.publishedAt ?? existing.publishedAt,
      modifiedAt: visit.modifiedAt ?? existing.modifiedAt,
      lang: visit.lang ?? existing.lang,
      isArticle: visit.isArticle || existing.isArticle,
      textHash: hasNotes ? existing.textHash : visit.textHash,
      deletedAt: null,
      updatedAt: now,
      lastVisitedAt: now,
    };
    await db.articles.put(updated);
    return { article: updated, textChanged: hasNotes && existing.textHash !== visit.textHash };
  });
}

export async function listArticles(db: NewsLensDb): Promise<Article[]> {
  const all = await db.articles.orderBy('updatedAt').reverse().toArray();
  return all.filter((a) => !a.deletedAt);
}

export async function getArticleByUrl(db: NewsLensDb, url: string): Promise<Article | undefined> {
  const article = await db.articles.where('url').equals(url).first();
  return article && !article.deletedAt ? article : undefined;
}
