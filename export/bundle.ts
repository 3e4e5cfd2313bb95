import { compareReadingOrder, type Annotation, type Article } from '../storage/types';

/** What every exporter receives; the popup gathers it from storage. */
export interface ExportBundle {
  articles: Article[];
  annotations: Annotation[];
  /** ISO time of the export; exporters print it rather than reading the clock, so output is reproducible. */
  exportedAt: string;
}

export interface ArticleWithAnnotations {
  article: Article;
  annotations: Annotation[];
}

/**
 * Live articles in the order the caller gave them, each with its live annotations in reading order.
 * Annotations whose article is missing or deleted are left out: they cannot be cited or placed.
 */
export function liveArticlesWithAnnotations(bundle: ExportBundle): ArticleWithAnnotations[] {
  const byArticle = new Map<string, Annotation[]>();
  for (const annotation of bundle.annotations) {
    if (annotation.deletedAt != null) continue;
    const list = byArticle.get(annotation.articleId);
    if (list) list.push(annotation);
    else byArticle.set(annotation.articleId, [annotation]);
  }
  return bundle.articles
    .filter((article) => article.deletedAt == null)
    .map((article) => ({ article, annotations: [...(byArticle.get(article.id) ?? [])].sort(compareReadingOrder) }));
}

/** Code-unit comparison: unlike localeCompare it gives the same order on every machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
