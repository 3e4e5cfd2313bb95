import { describe, expect, it } from 'vitest';
import { NewsLensDb } from '../../../storage/db';
import { countLiveNotes, firstLibraryPage } from '../../../storage/library-first-page';
import { buildSearchIndex, searchPage } from '../../../storage/search';
import type { Annotation, Article } from '../../../storage/types';
import { makeAnnotation, makeArticle, seededRandom, testId } from '../../fixtures/popup-data';

const at = (minutes: number) => new Date(Date.UTC(2025, 0, 1) + minutes * 60_000).toISOString();

/**
 * A library shaped like a long-used one, with every case the first page must get right: notes changed in an order
 * unrelated to their articles, tombstoned notes (some the latest of their article), tombstoned articles with live notes,
 * articles whose only notes are tombstoned, and visited articles without notes. Every time is distinct.
 */
function library(articleCount: number, seed: number): { articles: Article[]; notes: Annotation[] } {
  const random = seededRandom(seed);
  const times = Array.from({ length: articleCount * 12 }, (_, i) => i).sort(() => random() - 0.5);
  let next = 0;
  const articles: Article[] = [];
  const notes: Annotation[] = [];
  for (let a = 0; a < articleCount; a++) {
    const article = makeArticle({
      id: testId(),
      title: `Story ${a}`,
      lastVisitedAt: at(times[next++] as number),
      deletedAt: random() < 0.05 ? at(99_999) : null,
    });
    articles.push(article);
    const count = random() < 0.15 ? 0 : 1 + Math.floor(random() * 9);
    for (let n = 0; n < count; n++) {
      notes.push(
        makeAnnotation(article, {
          id: testId(),
          start: Math.floor(random() * 5000),
          updatedAt: at(times[next++] as number),
          deletedAt: random() < 0.1 ? at(99_999) : null,
        }),
      );
    }
  }
  return { articles, notes };
}

async function stored(rows: { articles: Article[]; notes: Annotation[] }): Promise<NewsLensDb> {
  const db = new NewsLensDb(`first-page-${crypto.randomUUID()}`);
  await db.articles.bulkAdd(rows.articles);
  await db.annotations.bulkAdd(rows.notes);
  return db;
}

describe('firstLibraryPage', () => {
  it.each([
    [1, 3],
    [7, 3],
    [100, 3],
    [100, 40],
    [1000, 40],
  ])('shows what the full search shows for %i notes of a %i-article library, reading only through indexes', async (limit, articleCount) => {
    for (const seed of [1, 2, 3]) {
      const rows = library(articleCount, seed);
      const db = await stored(rows);
      const expected = searchPage(buildSearchIndex(rows.articles, rows.notes), '', {}, limit);
      const groups = await firstLibraryPage(db, limit);
      expect(await countLiveNotes(db)).toBe(expected.total);
      expect(groups.map((g) => ({ articleId: g.article.id, annotationIds: g.annotations.map((n) => n.id) }))).toEqual(expected.groups);
      db.close();
    }
  });

  it('shows an empty library as empty', async () => {
    const db = await stored({ articles: [], notes: [] });
    expect(await firstLibraryPage(db, 100)).toEqual([]);
    expect(await countLiveNotes(db)).toBe(0);
    db.close();
  });
});

describe('countLiveNotes', () => {
  it('leaves out tombstoned notes and the notes of tombstoned articles', async () => {
    const live = makeArticle();
    const gone = makeArticle({ deletedAt: at(5) });
    const db = await stored({
      articles: [live, gone],
      notes: [makeAnnotation(live), makeAnnotation(live, { deletedAt: at(3) }), makeAnnotation(gone), makeAnnotation(gone, { deletedAt: at(4) })],
    });
    expect(await countLiveNotes(db)).toBe(1);
    db.close();
  });
});
