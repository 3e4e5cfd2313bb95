import { describe, expect, it } from 'vitest';
import type { ArticleWithAnnotations } from '../../../export/bundle';
import { bundleSource, mapLiveSections } from '../../../export/source';
import { makeArticle } from '../../fixtures/popup-data';

describe('mapLiveSections', () => {
  it('starts preparing the next pages while the first is still being prepared, and works on pages in order', async () => {
    const articles = Array.from({ length: 450 }, (_, i) => makeArticle({ id: `article-${String(i).padStart(3, '0')}`, url: `https://example.org/${i}` }));
    const source = bundleSource({ articles, annotations: [], exportedAt: '2025-04-01T12:00:00.000Z' });
    const started: string[] = [];
    const release: Array<() => void> = [];
    const prepare = (sections: ArticleWithAnnotations[]) =>
      new Promise<void>((resolve) => {
        started.push(sections[0]!.article.id);
        release.push(resolve);
      });
    const run = mapLiveSections(source, (section) => section.article.id, { budgetMs: 0 }, prepare);
    await new Promise((resolve) => setTimeout(resolve, 10));
    // Three pages (of 200, 200 and 50) read and sent for preparation before the first is ready.
    expect(started).toEqual(['article-000', 'article-200', 'article-400']);
    release[2]!();
    release[1]!();
    await new Promise((resolve) => setTimeout(resolve, 10));
    release[0]!();
    expect(await run).toEqual(articles.map((a) => a.id));
  });
});
