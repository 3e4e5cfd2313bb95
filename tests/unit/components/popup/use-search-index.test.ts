import { describe, expect, it } from 'vitest';
import { loadSearchIndexInPages } from '../../../../components/popup/use-search-index';
import { NewsLensDb } from '../../../../storage/db';
import { buildSearchIndex } from '../../../../storage/search';
import { generateCorpus, makeAnnotation, makeArticle } from '../../../fixtures/popup-data';

describe('loadSearchIndexInPages', () => {
  it('reads articles and annotations from the database, without tombstones', async () => {
    const db = new NewsLensDb(`search-${crypto.randomUUID()}`);
    const budget = makeArticle({ title: 'Council approves new budget' });
    const zurich = makeArticle({ title: 'Zürich café prices soar' });
    const a1 = makeAnnotation(budget, { quote: 'unemployment fell to 3.9%' });
    const a2 = makeAnnotation(budget, { quote: 'the largest budget in history', start: 20 });
    const a3 = makeAnnotation(zurich, { quote: 'coffee costs 7 francs' });
    const tomb = makeAnnotation(budget, { quote: 'removed words', deletedAt: '2025-03-07T00:00:00.000Z' });
    await db.articles.bulkAdd([budget, zurich]);
    await db.annotations.bulkAdd([a1, a2, a3, tomb]);
    const index = await loadSearchIndexInPages(db, new AbortController().signal);
    expect(index.entries.map((e) => e.annotation.id).sort()).toEqual([a1.id, a2.id, a3.id].sort());
    db.close();
  });

  it('reads a library of several pages into the same index as one read of everything', async () => {
    const db = new NewsLensDb(`paged-${crypto.randomUUID()}`);
    const corpus = generateCorpus(2500);
    await db.articles.bulkAdd(corpus.articles);
    await db.annotations.bulkAdd(corpus.annotations);
    const paged = await loadSearchIndexInPages(db, new AbortController().signal);
    const whole = buildSearchIndex(await db.articles.toArray(), await db.annotations.toArray());
    expect(paged.entries.length).toBeGreaterThan(2000);
    expect(paged.entries.map((e) => e.haystack)).toEqual(whole.entries.map((e) => e.haystack));
    expect(paged.unannotated.map((a) => a.id)).toEqual(whole.unannotated.map((a) => a.id));
    db.close();
  });

  it('stops with an AbortError when cancelled', async () => {
    const db = new NewsLensDb(`paged-${crypto.randomUUID()}`);
    const corpus = generateCorpus(1500);
    await db.articles.bulkAdd(corpus.articles);
    await db.annotations.bulkAdd(corpus.annotations);
    const controller = new AbortController();
    const loading = loadSearchIndexInPages(db, controller.signal);
    controller.abort();
    await expect(loading).rejects.toMatchObject({ name: 'AbortError' });
    db.close();
  });
});
