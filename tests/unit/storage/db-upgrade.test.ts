import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { NewsLensDb, SCHEMA_V1 } from '../../../storage/db';
import { listTags } from '../../../storage/annotations';

// A database written by version 1 of the extension, with the data a reader would really have.
async function writeV1Database(name: string) {
  const v1 = new Dexie(name);
  v1.version(1).stores(SCHEMA_V1);
  await v1.open();
  await v1.table('articles').bulkAdd([
    {
      id: 'a1', url: 'https://news.example.com/a', title: 'Budget approved', siteName: 'Example News', authors: ['Jane Doe'],
      textHash: 'h1', isArticle: true, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-02T00:00:00Z', deletedAt: null,
      lastVisitedAt: '2026-01-02T00:00:00Z',
    },
  ]);
  await v1.table('annotations').bulkAdd([
    {
      id: 'n1', articleId: 'a1', kind: 'note', color: 'yellow', note: 'Check the 3.9% figure', tags: ['#Economy ', 'economy', 'Needs Source'],
      target: { source: 'https://news.example.com/a', quote: { type: 'TextQuoteSelector', exact: 'unemployment fell to 3.9%', prefix: 'show ', suffix: ' in' }, position: { type: 'TextPositionSelector', start: 10, end: 35 } },
      createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', deletedAt: null,
    },
    {
      id: 'n2', articleId: 'a1', kind: 'highlight', note: '', tags: [],
      target: { source: 'https://news.example.com/a', quote: { type: 'TextQuoteSelector', exact: 'council approved', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 50, end: 66 } },
      createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', deletedAt: '2026-01-03T00:00:00Z',
    },
  ]);
  v1.close();
}

describe('schema upgrade v1 -> v2', () => {
  it('keeps every row and normalises tags for the new tag index', async () => {
    const name = `upgrade-${Math.random()}`;
    await writeV1Database(name);
    const db = new NewsLensDb(name);
    await db.open();
    expect(db.verno).toBe(2);
    expect(await db.articles.count()).toBe(1);
    expect(await db.annotations.count()).toBe(2);
    const note = await db.annotations.get('n1');
    expect(note?.tags).toEqual(['economy', 'needs-source']);
    expect(note?.note).toBe('Check the 3.9% figure');
    // A v1 row without a colour gets the default; a tombstone stays a tombstone.
    const deleted = await db.annotations.get('n2');
    expect(deleted?.color).toBe('yellow');
    expect(deleted?.deletedAt).toBe('2026-01-03T00:00:00Z');
    expect(await db.annotations.where('tags').equals('economy').count()).toBe(1);
    expect(await listTags(db)).toEqual(['economy', 'needs-source']);
    db.close();
  });
});
