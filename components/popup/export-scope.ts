// Gathers what an export covers. Tombstones are included: the JSON backup keeps them (so a restore replicates
// deletions) and every other exporter skips them.
import type { ExportBundle } from '../../export/bundle';
import type { NewsLensDb } from '../../storage/db';

export async function bundleForArticle(db: NewsLensDb, articleId: string, now: Date): Promise<ExportBundle> {
  return db.transaction('r', db.articles, db.annotations, async () => {
    const article = await db.articles.get(articleId);
    const annotations = await db.annotations.where('articleId').equals(articleId).toArray();
    return { articles: article ? [article] : [], annotations, exportedAt: now.toISOString() };
  });
}

export async function bundleForAnnotations(db: NewsLensDb, ids: readonly string[], now: Date): Promise<ExportBundle> {
  return db.transaction('r', db.articles, db.annotations, async () => {
    const annotations = (await db.annotations.bulkGet([...ids])).filter((a) => a !== undefined);
    const articleIds = [...new Set(annotations.map((a) => a.articleId))];
    const articles = (await db.articles.bulkGet(articleIds)).filter((a) => a !== undefined);
    return { articles, annotations, exportedAt: now.toISOString() };
  });
}

export async function bundleForEverything(db: NewsLensDb, now: Date): Promise<ExportBundle> {
  return db.transaction('r', db.articles, db.annotations, async () => ({
    articles: await db.articles.toArray(),
    annotations: await db.annotations.toArray(),
    exportedAt: now.toISOString(),
  }));
}
