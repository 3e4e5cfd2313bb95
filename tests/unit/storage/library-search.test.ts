import { describe, expect, it, vi } from 'vitest';
import { NewsLensDb } from '../../../storage/db';
import { LibrarySearch, loadSearchIndexInPages } from '../../../storage/library-search';
import { buildSearchIndex } from '../../../storage/search';
import { generateCorpus, makeAnnotation, makeArticle } from '../../fixtures/popup-data';

async function corpusDb(notes: number): Promise<NewsLensDb> {
  const db = new NewsLensDb(`library-${crypto.randomUUID()}`);
  const corpus = generateCorpus(notes);
  await db.articles.bulkAdd(corpus.articles);
  await db.annotations.bulkAdd(corpus.annotations);
  return db;
}

describe('loadSearchIndexInPages', () => {
  it('reads a library of several pages into the same index as one read of everything', async () => {
    const db = await corpusDb(2500);
    const paged = await loadSearchIndexInPages(db, new AbortController().signal);
    const whole = buildSearchIndex(await db.articles.toArray(), await db.annotations.toArray());
    expect(paged.notes.size).toBe(2500);
    // Facts without the text chunk that holds them (an internal of the index).
    const facts = (index: typeof paged) => [...index.notes.values()].map(({ textChunk, ...rest }) => rest);
    expect(facts(paged)).toEqual(facts(whole));
    expect([...paged.articles.values()]).toEqual([...whole.articles.values()]);
    db.close();
  });

  it('stops with an AbortError when cancelled', async () => {
    const db = await corpusDb(1500);
    const controller = new AbortController();
    const loading = loadSearchIndexInPages(db, controller.signal);
    controller.abort();
    await expect(loading).rejects.toMatchObject({ name: 'AbortError' });
    db.close();
  });
});

describe('LibrarySearch', () => {
  it('answers one page of results with the total, tags and sites, and every matching id on request', async () => {
    const db = await corpusDb(1200);
    const search = new LibrarySearch(db);
    const page = await search.query({ query: 'budget', filters: {}, limit: 30 });
    const shown = page.groups.flatMap((g) => g.annotationIds);
    expect(shown).toHaveLength(30);
    expect(page.total).toBeGreaterThan(30);
    expect(page.tags).toContain('economy');
    expect(page.sites).toContain('site0.example.com');
    const all = await search.matchingIds('budget', {});
    expect(all).toHaveLength(page.total);
    expect(all.slice(0, 30)).toEqual(shown);
    search.close();
    db.close();
  });

  it("applies another connection's writes by reading only the rows they touched, and tells its listener", async () => {
    const db = new NewsLensDb(`library-${crypto.randomUUID()}`);
    const article = makeArticle({ title: 'Storm hits the coast' });
    await db.articles.add(article);
    await db.annotations.add(makeAnnotation(article, { quote: 'winds of 150 km/h' }));
    let changes = 0;
    const search = new LibrarySearch(db, () => changes++);
    expect((await search.query({ query: '', filters: {}, limit: 10 })).total).toBe(1);
    // Another connection to the same database, as the background service worker holds.
    const background = new NewsLensDb(db.name);
    await background.annotations.add(makeAnnotation(article, { quote: 'roofs blown off', start: 900 }));
    await expect.poll(() => changes).toBeGreaterThan(0);
    const page = await search.query({ query: 'roofs', filters: {}, limit: 10 });
    expect(page.total).toBe(1);
    expect(page.groups[0]?.articleId).toBe(article.id);
    background.close();
    search.close();
    db.close();
  });

  it('reads the library again in pages after a write of thousands of rows (an import) instead of patching row by row', async () => {
    const db = await corpusDb(20);
    let changes = 0;
    const search = new LibrarySearch(db, () => changes++);
    expect((await search.query({ query: '', filters: {}, limit: 10 })).total).toBe(20);
    const reads = vi.spyOn(db.annotations, 'orderBy');
    const bulkReads = vi.spyOn(db.annotations, 'bulkGet');
    const importer = new NewsLensDb(db.name);
    const corpus = generateCorpus(6000, 7);
    await importer.articles.bulkPut(corpus.articles);
    await importer.annotations.bulkPut(corpus.annotations);
    await expect.poll(() => changes).toBeGreaterThan(0);
    expect((await search.query({ query: '', filters: {}, limit: 10 })).total).toBe(6000);
    expect(reads).toHaveBeenCalled();
    expect(bulkReads).not.toHaveBeenCalled();
    importer.close();
    search.close();
    db.close();
  });

  it('rejects queries with the error that stopped loading', async () => {
    const db = await corpusDb(10);
    db.annotations.hook('reading', () => {
      throw new Error('disk on fire');
    });
    const search = new LibrarySearch(db);
    await expect(search.query({ query: '', filters: {}, limit: 10 })).rejects.toThrow('disk on fire');
    search.close();
    db.close();
  });
});
