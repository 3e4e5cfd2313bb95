import { describe, expect, it, vi } from 'vitest';
import { ImportConflictError, importBackup } from '../../../storage/backup-import';
import { NewsLensDb } from '../../../storage/db';
import { isQuotaError } from '../../../storage/errors';
import type { Annotation } from '../../../storage/types';
import { generateCorpus, makeAnnotation, makeArticle } from '../../fixtures/popup-data';

const OLD = '2025-03-01T00:00:00.000Z';
const NEW = '2025-03-09T00:00:00.000Z';

async function snapshot(db: NewsLensDb) {
  return { articles: await db.articles.orderBy('id').toArray(), annotations: await db.annotations.orderBy('id').toArray() };
}

async function seeded() {
  const db = new NewsLensDb(`import-${crypto.randomUUID()}`);
  const article = makeArticle({ updatedAt: OLD });
  const kept = makeAnnotation(article, { note: 'stored is newer', updatedAt: NEW });
  const replaced = makeAnnotation(article, { note: 'stored is older', updatedAt: OLD });
  await db.articles.add(article);
  await db.annotations.bulkAdd([kept, replaced]);
  return { db, article, kept, replaced };
}

describe('importBackup', () => {
  it('merges by id: new rows are added, the newer updatedAt wins, ties keep the stored row', async () => {
    const { db, article, kept, replaced } = await seeded();
    const other = makeArticle({ title: 'Second article' });
    const added = makeAnnotation(other, { note: 'only in the backup' });
    const tie = { ...kept, note: 'same time, other text', updatedAt: NEW };
    const newer = { ...replaced, note: 'backup is newer', updatedAt: NEW };
    const counts = await importBackup(db, {
      articles: [{ ...article, title: 'Older title', updatedAt: OLD }, other],
      annotations: [tie, newer, added],
    });
    expect(counts).toEqual({ articles: { added: 1, updated: 0, kept: 1 }, annotations: { added: 1, updated: 1, kept: 1 } });
    expect((await db.annotations.get(kept.id))?.note).toBe('stored is newer');
    expect((await db.annotations.get(replaced.id))?.note).toBe('backup is newer');
    expect((await db.annotations.get(added.id))?.note).toBe('only in the backup');
    expect((await db.articles.get(other.id))?.title).toBe('Second article');
    expect((await db.articles.get(article.id))?.title).toBe(article.title);
    db.close();
  });

  it('keeps tombstones: a newer deletion in the backup deletes, an older one does not', async () => {
    const { db, kept, replaced } = await seeded();
    await importBackup(db, {
      articles: [],
      annotations: [
        { ...replaced, deletedAt: NEW, updatedAt: NEW },
        { ...kept, deletedAt: OLD, updatedAt: OLD },
      ],
    });
    expect((await db.annotations.get(replaced.id))?.deletedAt).toBe(NEW);
    expect((await db.annotations.get(kept.id))?.deletedAt).toBeNull();
    db.close();
  });

  it('importing the same backup twice changes nothing the second time', async () => {
    const { db } = await seeded();
    const other = makeArticle();
    const backup = { articles: [other], annotations: [makeAnnotation(other), makeAnnotation(other)] };
    await importBackup(db, backup);
    const before = await snapshot(db);
    const counts = await importBackup(db, backup);
    expect(counts).toEqual({ articles: { added: 0, updated: 0, kept: 1 }, annotations: { added: 0, updated: 0, kept: 2 } });
    expect(await snapshot(db)).toEqual(before);
    db.close();
  });

  it('merges an article saved under another id (same URL) into the stored one and moves its annotations there', async () => {
    const { db, article } = await seeded();
    const twin = makeArticle({ url: article.url, title: 'Better headline', updatedAt: NEW });
    const note = makeAnnotation(twin, { note: 'made in another profile' });
    const counts = await importBackup(db, { articles: [twin], annotations: [note] });
    expect(counts.articles).toEqual({ added: 0, updated: 1, kept: 0 });
    expect(await db.articles.count()).toBe(1);
    expect((await db.articles.get(article.id))?.title).toBe('Better headline');
    expect((await db.annotations.get(note.id))?.articleId).toBe(article.id);
    db.close();
  });

  it('two articles with the same URL inside one backup become one row', async () => {
    const db = new NewsLensDb(`import-${crypto.randomUUID()}`);
    const first = makeArticle({ url: 'https://a.example/x', updatedAt: OLD });
    const second = makeArticle({ url: 'https://a.example/x', title: 'Newer', updatedAt: NEW });
    const note = makeAnnotation(second);
    await importBackup(db, { articles: [first, second], annotations: [note] });
    const rows = await db.articles.toArray();
    expect(rows.map((r) => [r.id, r.title])).toEqual([[first.id, 'Newer']]);
    expect((await db.annotations.get(note.id))?.articleId).toBe(first.id);
    db.close();
  });

  it('a failure part-way (here a row without an id) rolls everything back', async () => {
    const { db } = await seeded();
    const before = await snapshot(db);
    const other = makeArticle();
    const broken = { ...makeAnnotation(other), id: undefined } as unknown as Annotation;
    await expect(importBackup(db, { articles: [other], annotations: [makeAnnotation(other), broken] })).rejects.toThrow();
    expect(await snapshot(db)).toEqual(before);
    db.close();
  });

  it('says in plain words what clashed when an article id exists under another address (issue 15, item 8)', async () => {
    const { db, article } = await seeded();
    const holder = makeArticle({ title: 'The other article', url: 'https://news.example.com/other' });
    await db.articles.add(holder);
    const before = await snapshot(db);
    const moved = { ...article, title: 'Moved article', url: holder.url, updatedAt: NEW };
    const run = importBackup(db, { articles: [moved], annotations: [] });
    await expect(run).rejects.toBeInstanceOf(ImportConflictError);
    const message = await run.catch((error: Error) => error.message);
    expect(message).toMatch(/^Nothing was imported: the backup's article “Moved article” has the id of an article you already have/);
    expect(message).toContain('https://news.example.com/other belongs to another stored article, “The other article”');
    expect(message).not.toMatch(/ConstraintError|bulkPut/);
    expect(await snapshot(db)).toEqual(before);
    db.close();
  });

  it('reports progress while writing and keeps nothing when cancelled', async () => {
    const { db } = await seeded();
    const before = await snapshot(db);
    const other = makeArticle();
    const notes = Array.from({ length: 1200 }, () => makeAnnotation(other));
    const controller = new AbortController();
    const seen: number[] = [];
    const run = importBackup(db, { articles: [other], annotations: notes }, {
      signal: controller.signal,
      onProgress: ({ done, total }) => {
        seen.push(done);
        expect(total).toBe(1201);
        if (done > 500) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual([1, 251, 501]);
    expect(await snapshot(db)).toEqual(before);
    const done: number[] = [];
    await importBackup(db, { articles: [other], annotations: notes }, { onProgress: (p) => done.push(p.done) });
    expect(done).toEqual([1, 251, 501, 751, 1001, 1201]);
    db.close();
  });
});

describe('importBackup in chunks', () => {
  it('merges by id and by address across chunk boundaries as it would in one pass', async () => {
    const db = new NewsLensDb(`import-${crypto.randomUUID()}`);
    // 1,200 stored articles; the file holds them again (some newer, some older), 300 saved in another profile under
    // other ids (same addresses), and 400 new ones, shuffled so matches fall in different chunks of 500.
    const stored = Array.from({ length: 1200 }, (_, i) => makeArticle({ url: `https://news.example.com/a/${i}`, updatedAt: OLD }));
    await db.articles.bulkAdd(stored);
    const storedNotes = stored.slice(0, 600).map((article) => makeAnnotation(article, { updatedAt: NEW }));
    await db.annotations.bulkAdd(storedNotes);
    const sameIds = stored.slice(0, 900).map((article, i) => ({ ...article, title: `v2 ${i}`, updatedAt: i % 2 ? NEW : '2025-02-01T00:00:00.000Z' }));
    const otherIds = stored.slice(900).map((article) => makeArticle({ url: article.url, title: 'from another profile', updatedAt: NEW }));
    const fresh = Array.from({ length: 400 }, (_, i) => makeArticle({ url: `https://news.example.com/new/${i}` }));
    const articles = [...sameIds, ...otherIds, ...fresh].sort((a, b) => (a.title < b.title ? -1 : 1));
    const annotations = [
      ...storedNotes.map((note) => ({ ...note, note: 'older copy', updatedAt: OLD })),
      ...otherIds.map((article) => makeAnnotation(article, { note: 'follows its article' })),
      ...fresh.map((article) => makeAnnotation(article)),
    ];
    const counts = await importBackup(db, { articles, annotations });
    expect(counts.articles).toEqual({ added: 400, updated: 450 + 300, kept: 450 });
    expect(counts.annotations).toEqual({ added: 700, updated: 0, kept: 600 });
    expect(await db.articles.count()).toBe(1600);
    const moved = await db.annotations.filter((a) => a.note === 'follows its article').toArray();
    expect(new Set(moved.map((a) => a.articleId))).toEqual(new Set(stored.slice(900).map((a) => a.id)));
    expect((await db.articles.get(stored[901]!.id))?.title).toBe('from another profile');
    db.close();
  });

  it('a quota error on a later chunk keeps nothing of the file and reaches the caller as a quota error', async () => {
    const { db } = await seeded();
    const before = await snapshot(db);
    const other = makeArticle();
    const notes = Array.from({ length: 1200 }, () => makeAnnotation(other));
    let puts = 0;
    db.annotations.hook('creating', () => {
      if (++puts > 700) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const run = importBackup(db, { articles: [other], annotations: notes });
    const error = await run.catch((e: unknown) => e);
    expect(isQuotaError(error)).toBe(true);
    expect(await snapshot(db)).toEqual(before);
    db.close();
  });
});

describe('importBackup looks up only what the database holds', () => {
  it('into an empty database it reads no stored row and writes what it writes beside an unrelated library', async () => {
    const { articles, annotations } = generateCorpus(900);
    // Two rows of the file with one address: merged by address within the file, whichever path runs.
    const twin = makeArticle({ url: articles[0]!.url, title: 'Twin', updatedAt: '2030-01-01T00:00:00.000Z' });
    const backup = { articles: [...articles, twin], annotations: [...annotations, makeAnnotation(twin, { note: 'on the twin' })] };

    const empty = new NewsLensDb(`import-${crypto.randomUUID()}`);
    const emptyReads = [vi.spyOn(empty.articles, 'bulkGet'), vi.spyOn(empty.annotations, 'bulkGet'), vi.spyOn(empty.articles, 'where')];
    const emptyCounts = await importBackup(empty, backup);
    for (const read of emptyReads) expect(read).not.toHaveBeenCalled();

    const { db: other, article: unrelated, kept, replaced } = await seeded();
    const urlLookups = vi.spyOn(other.articles, 'where');
    const otherCounts = await importBackup(other, backup);
    expect(urlLookups).toHaveBeenCalled();

    expect(otherCounts).toEqual(emptyCounts);
    expect(emptyCounts.articles).toEqual({ added: articles.length, updated: 0, kept: 0 });
    const withoutUnrelated = (rows: Awaited<ReturnType<typeof snapshot>>) => ({
      articles: rows.articles.filter((a) => a.id !== unrelated.id),
      annotations: rows.annotations.filter((a) => a.id !== kept.id && a.id !== replaced.id),
    });
    expect(withoutUnrelated(await snapshot(other))).toEqual(await snapshot(empty));
    expect((await empty.articles.get(articles[0]!.id))?.title).toBe('Twin');
    empty.close();
    other.close();
  });

  it('asks the database only for the ids it holds', async () => {
    const { db, article, kept, replaced } = await seeded();
    const fresh = Array.from({ length: 600 }, () => makeAnnotation(article));
    const lookups = vi.spyOn(db.annotations, 'bulkGet');
    const counts = await importBackup(db, {
      articles: [],
      annotations: [...fresh.slice(0, 300), { ...replaced, note: 'newer', updatedAt: NEW }, ...fresh.slice(300), kept],
    });
    expect(counts.annotations).toEqual({ added: 600, updated: 1, kept: 1 });
    expect(lookups.mock.calls.flatMap(([ids]) => ids).sort()).toEqual([kept.id, replaced.id].sort());
    expect((await db.annotations.get(replaced.id))?.note).toBe('newer');
    expect(await db.annotations.count()).toBe(602);
    db.close();
  });
});
