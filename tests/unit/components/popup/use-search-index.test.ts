import { describe, expect, it } from 'vitest';
import { loadSearchIndexInPages } from '../../../../components/popup/use-search-index';
import { NewsLensDb } from '../../../../storage/db';
import { buildSearchIndex } from '../../../../storage/search';
import { generateCorpus } from '../../../fixtures/popup-data';

describe('loadSearchIndexInPages', () => {
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
