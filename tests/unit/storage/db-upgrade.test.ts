import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { NewsLensDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3 } from '../../../storage/db';
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

describe('schema upgrade v1 -> current', () => {
  it('keeps every row and normalises tags for the new tag index', async () => {
    const name = `upgrade-${Math.random()}`;
    await writeV1Database(name);
    const db = new NewsLensDb(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect((await db.articles.get('a1'))?.authors).toEqual([{ name: 'Jane Doe', kind: 'person' }]);
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

// Rows as version 2 of the extension stored them: authors as the plain strings the old finder produced.
async function writeV2Database(name: string) {
  const v2 = new Dexie(name);
  v2.version(2).stores(SCHEMA_V2);
  await v2.open();
  const row = (id: string, url: string, authors: unknown) => ({
    id, url, title: `Story ${id}`, siteName: 'Example News', authors, textHash: 'h', isArticle: true,
    createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-02T00:00:00Z', deletedAt: null, lastVisitedAt: '2026-01-02T00:00:00Z',
  });
  await v2.table('articles').bulkAdd([
    row('a1', 'https://news.example.com/a', ['Helen Marsh', 'David Okafor']),
    row('a2', 'https://news.example.com/b', ['Associated Press', 'Agence France-Presse', 'BBC News', 'Our Foreign Staff']),
    row('a3', 'https://news.example.com/c', []),
    row('a4', 'https://news.example.com/d', undefined),
    row('a5', 'https://news.example.com/e', ['  ', 'Al Jazeera', { name: 'Jane Roe', kind: 'person' }]),
  ]);
  await v2.table('annotations').add({
    id: 'n1', articleId: 'a2', kind: 'note', color: 'yellow', note: 'keep me', tags: ['wire'],
    target: { source: 'https://news.example.com/b', quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 0, end: 1 } },
    createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', deletedAt: null,
  });
  v2.close();
}

describe('schema upgrade v2 -> v3', () => {
  it('turns string authors into person records, known organisations into organisation records', async () => {
    const name = `upgrade-${Math.random()}`;
    await writeV2Database(name);
    const db = new NewsLensDb(name);
    await db.open();
    expect(db.verno).toBe(4);
    const authors = async (id: string) => (await db.articles.get(id))?.authors;
    expect(await authors('a1')).toEqual([
      { name: 'Helen Marsh', kind: 'person' },
      { name: 'David Okafor', kind: 'person' },
    ]);
    expect(await authors('a2')).toEqual([
      { name: 'Associated Press', kind: 'organization' },
      { name: 'Agence France-Presse', kind: 'organization' },
      { name: 'BBC News', kind: 'organization' },
      { name: 'Our Foreign Staff', kind: 'organization' },
    ]);
    expect(await authors('a3')).toEqual([]);
    expect(await authors('a4')).toEqual([]);
    // Blank names go; a row already in the new shape keeps it.
    expect(await authors('a5')).toEqual([
      { name: 'Al Jazeera', kind: 'organization' },
      { name: 'Jane Roe', kind: 'person' },
    ]);
    // Everything else in the rows, and the annotations, is untouched.
    expect(await db.articles.get('a2')).toMatchObject({ title: 'Story a2', url: 'https://news.example.com/b', textHash: 'h' });
    expect(await db.articles.where('url').equals('https://news.example.com/e').count()).toBe(1);
    expect((await db.annotations.get('n1'))?.note).toBe('keep me');
    db.close();
  });
});

describe('schema upgrade v3 -> v4', () => {
  it('indexes tombstones and visit times of rows already stored, changing no row', async () => {
    const name = `upgrade-${Math.random()}`;
    const v3 = new Dexie(name);
    v3.version(3).stores(SCHEMA_V3);
    await v3.open();
    const article = (id: string, visited: string, deletedAt: string | null) => ({
      id, url: `https://news.example.com/${id}`, title: id, siteName: 'Example News', authors: [], textHash: 'h', isArticle: true,
      createdAt: '2026-01-01T00:00:00Z', updatedAt: visited, lastVisitedAt: visited, deletedAt,
    });
    await v3.table('articles').bulkAdd([
      article('a1', '2026-01-03T00:00:00Z', null),
      article('a2', '2026-01-05T00:00:00Z', '2026-01-06T00:00:00Z'),
      article('a3', '2026-01-04T00:00:00Z', null),
    ]);
    const note = (id: string, deletedAt: string | null) => ({
      id, articleId: 'a1', kind: 'highlight', color: 'yellow', note: '', tags: [],
      target: { source: 'https://news.example.com/a1', quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' } },
      createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', deletedAt,
    });
    await v3.table('annotations').bulkAdd([note('n1', null), note('n2', '2026-01-02T00:00:00Z'), note('n3', null)]);
    const before = await v3.table('annotations').toArray();
    v3.close();

    const db = new NewsLensDb(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.annotations.where('deletedAt').above('').primaryKeys()).toEqual(['n2']);
    expect(await db.articles.where('deletedAt').above('').primaryKeys()).toEqual(['a2']);
    expect(await db.articles.orderBy('lastVisitedAt').reverse().primaryKeys()).toEqual(['a2', 'a3', 'a1']);
    expect(await db.annotations.toArray()).toEqual(before);
    expect(db.annotations.schema.idxByName.kind).toBeUndefined();
    db.close();
  });
});
