import { describe, expect, it } from 'vitest';
import {
  createAnnotation,
  deleteAnnotation,
  listArticleAnnotations,
  listTags,
  recordAnchors,
  restoreAnnotation,
  updateAnnotation,
} from '../../../storage/annotations';
import { listArticles, recordVisit } from '../../../storage/articles';
import { fixedDeps, freshDb, target, visit } from '../../support/storage';
import { makeAnnotation, makeArticle } from '../../fixtures/popup-data';

describe('articles', () => {
  it('creates an article on first visit and reuses it on the next', async () => {
    const db = freshDb();
    const deps = fixedDeps();
    const first = await recordVisit(db, visit(), deps);
    deps.tick();
    const second = await recordVisit(db, visit({ title: 'Starmer meets Xi in Beijing' }), deps);
    expect(second.article.id).toBe(first.article.id);
    expect(second.article.title).toBe('Starmer meets Xi in Beijing');
    expect(await listArticles(db)).toHaveLength(1);
  });

  it('keeps metadata it had when a later visit lacks it', async () => {
    const db = freshDb();
    const deps = fixedDeps();
    await recordVisit(db, visit(), deps);
    const again = await recordVisit(db, visit({ authors: [], publishedAt: undefined, title: '' }), deps);
    expect(again.article.authors).toEqual([{ name: 'Helen Marsh', kind: 'person' }]);
    expect(again.article.publishedAt).toBe('2026-01-29T07:04:12.000Z');
    expect(again.article.title).toBe('Starmer meets Xi');
  });

  it('reports a changed text only when the reader has notes on the old text', async () => {
    const db = freshDb();
    const deps = fixedDeps();
    const { article } = await recordVisit(db, visit(), deps);
    expect((await recordVisit(db, visit({ textHash: 'hash-2' }), deps)).textChanged).toBe(false);
    await createAnnotation(db, article.id, { kind: 'highlight', target: target() }, deps);
    const changed = await recordVisit(db, visit({ textHash: 'hash-3' }), deps);
    expect(changed.textChanged).toBe(true);
    expect(changed.article.textHash).toBe('hash-2');
  });
});

describe('annotations', () => {
  it('creates, updates, tombstones and restores', async () => {
    const db = freshDb();
    const deps = fixedDeps();
    const { article } = await recordVisit(db, visit(), deps);
    const created = await createAnnotation(db, article.id, { kind: 'note', target: target(), note: 'Check this', tags: ['#Needs Source', 'needs-source'] }, deps);
    expect(created.tags).toEqual(['needs-source']);
    expect(created.deletedAt).toBeNull();
    deps.tick();
    const updated = await updateAnnotation(db, created.id, { note: 'Checked: ONS release', color: 'green' }, deps);
    expect(updated.note).toBe('Checked: ONS release');
    expect(updated.updatedAt > created.updatedAt).toBe(true);
    await deleteAnnotation(db, created.id, deps);
    expect(await listArticleAnnotations(db, article.id)).toEqual([]);
    expect((await db.annotations.get(created.id))?.deletedAt).not.toBeNull();
    const restored = await restoreAnnotation(db, created.id, deps);
    expect(restored.note).toBe('Checked: ONS release');
    expect(await listArticleAnnotations(db, article.id)).toHaveLength(1);
  });

  it('refuses to annotate an article that does not exist', async () => {
    const db = freshDb();
    await expect(createAnnotation(db, 'missing', { kind: 'highlight', target: target() }, fixedDeps())).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('lists annotations in reading order and tags by use', async () => {
    const db = freshDb();
    const deps = fixedDeps();
    const { article } = await recordVisit(db, visit(), deps);
    await createAnnotation(db, article.id, { kind: 'highlight', target: target('later words', 500), tags: ['trade'] }, deps);
    await createAnnotation(db, article.id, { kind: 'highlight', target: target('earlier words', 10), tags: ['trade', 'china'] }, deps);
    const list = await listArticleAnnotations(db, article.id);
    expect(list.map((a) => a.target.quote.exact)).toEqual(['earlier words', 'later words']);
    expect(await listTags(db)).toEqual(['trade', 'china']);
  });

  it('suggests the tags of the 500 most recently changed notes first, by use among them, then the rest by name', async () => {
    const db = freshDb();
    const article = makeArticle();
    await db.articles.add(article);
    const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();
    const notes = Array.from({ length: 600 }, (_, i) =>
      makeAnnotation(article, { updatedAt: at(i), tags: i < 100 ? ['archive'] : i === 599 ? ['current', 'zz-rare'] : ['current'] }),
    );
    await db.annotations.bulkAdd(notes);
    // 'archive' has 100 uses, all older than the newest 500 notes; 'zz-rare' one use among them.
    expect(await listTags(db)).toEqual(['current', 'zz-rare', 'archive']);
  });

  it('suggests tags of live notes only: a deleted note takes the tags only it had out of the suggestions', async () => {
    const db = freshDb();
    const deps = fixedDeps();
    const { article } = await recordVisit(db, visit(), deps);
    const gone = await createAnnotation(db, article.id, { kind: 'highlight', target: target('a', 1), tags: ['china', 'draft', 'china-2'] }, deps);
    await createAnnotation(db, article.id, { kind: 'highlight', target: target('b', 5), tags: ['china'] }, deps);
    await createAnnotation(db, article.id, { kind: 'highlight', target: target('c', 9), tags: ['trade'] }, deps);
    expect(await listTags(db)).toEqual(['china', 'china-2', 'draft', 'trade']);
    await deleteAnnotation(db, gone.id, deps);
    expect(await listTags(db)).toEqual(['china', 'trade']);
  });

  it('two tabs writing at once lose nothing', async () => {
    const db = freshDb();
    const deps = fixedDeps();
    const { article } = await recordVisit(db, visit(), deps);
    const base = await createAnnotation(db, article.id, { kind: 'note', target: target() }, deps);
    // Tab A edits the note while tab B retags it and both create new highlights, all interleaved.
    await Promise.all([
      updateAnnotation(db, base.id, { note: 'from tab A' }, deps),
      updateAnnotation(db, base.id, { tags: ['from-tab-b'] }, deps),
      ...Array.from({ length: 20 }, (_, i) =>
        createAnnotation(db, article.id, { kind: 'highlight', target: target(`quote ${i}`, i * 20) }, deps),
      ),
    ]);
    const stored = await db.annotations.get(base.id);
    expect(stored?.note).toBe('from tab A');
    expect(stored?.tags).toEqual(['from-tab-b']);
    expect(await listArticleAnnotations(db, article.id)).toHaveLength(21);
  });

  it('refuses a stale edit (a card opened before another tab saved) instead of overwriting it', async () => {
    const db = freshDb();
    const deps = fixedDeps();
    const { article } = await recordVisit(db, visit(), deps);
    const opened = await createAnnotation(db, article.id, { kind: 'note', target: target(), tags: ['first'] }, deps);
    deps.tick();
    // Tab B saves new tags and colour; tab A's card was opened on the earlier version.
    await updateAnnotation(db, opened.id, { tags: ['from-tab-b'], color: 'green', baseUpdatedAt: opened.updatedAt }, deps);
    deps.tick();
    await expect(updateAnnotation(db, opened.id, { note: 'from tab A', baseUpdatedAt: opened.updatedAt }, deps)).rejects.toMatchObject({
      code: 'conflict',
    });
    const stored = await db.annotations.get(opened.id);
    expect(stored).toMatchObject({ note: '', tags: ['from-tab-b'], color: 'green' });
    // Saving again on purpose, on the version now stored, goes through and keeps tab B's fields.
    const saved = await updateAnnotation(db, opened.id, { note: 'from tab A', baseUpdatedAt: stored?.updatedAt }, deps);
    expect(saved).toMatchObject({ note: 'from tab A', tags: ['from-tab-b'], color: 'green' });
  });

  it('records how each annotation was re-anchored', async () => {
    const db = freshDb();
    const deps = fixedDeps();
    const { article } = await recordVisit(db, visit(), deps);
    const a = await createAnnotation(db, article.id, { kind: 'highlight', target: target() }, deps);
    await recordAnchors(db, article.id, [{ id: a.id, quality: 'orphan', confidence: 0 }], deps);
    expect((await db.annotations.get(a.id))?.anchor).toMatchObject({ quality: 'orphan', confidence: 0 });
  });

  it('keeps the text a note was found on, accepts it as the new quote, and keeps a detached note an orphan', async () => {
    const db = freshDb();
    const deps = fixedDeps();
    const { article } = await recordVisit(db, visit(), deps);
    const a = await createAnnotation(db, article.id, { kind: 'highlight', target: target() }, deps);
    await recordAnchors(db, article.id, [{ id: a.id, quality: 'changed', confidence: 0.8, found: 'the new words' }], deps);
    expect((await db.annotations.get(a.id))?.anchor).toMatchObject({ quality: 'changed', found: 'the new words' });

    const old = a.target;
    const accepted = await updateAnnotation(db, a.id, { target: { ...old, quote: { ...old.quote, exact: 'the new words' } } }, deps);
    expect(accepted.target.quote.exact).toBe('the new words');
    expect(accepted.anchor).toMatchObject({ quality: 'exact', confidence: 1 });
    expect(accepted.anchor?.found).toBeUndefined();

    const detached = await updateAnnotation(db, a.id, { detached: true }, deps);
    expect(detached.anchor).toMatchObject({ quality: 'orphan', detached: true });
    await recordAnchors(db, article.id, [{ id: a.id, quality: 'exact', confidence: 1 }], deps);
    expect((await db.annotations.get(a.id))?.anchor).toMatchObject({ quality: 'orphan', detached: true });
  });
});
