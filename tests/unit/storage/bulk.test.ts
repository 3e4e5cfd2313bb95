import { describe, expect, it } from 'vitest';
import { NewsLensDb } from '../../../storage/db';
import type { StorageDeps } from '../../../storage/deps';
import { bulkDeleteAnnotations, bulkRestoreAnnotations } from '../../../storage/bulk';
import { makeAnnotation, makeArticle } from '../../fixtures/popup-data';

const deps: StorageDeps = { now: () => new Date('2025-04-01T12:00:00.000Z'), uuid: () => crypto.randomUUID() };

async function seeded() {
  const db = new NewsLensDb(`bulk-${crypto.randomUUID()}`);
  const article = makeArticle();
  const live = [makeAnnotation(article), makeAnnotation(article), makeAnnotation(article)];
  const alreadyDeleted = makeAnnotation(article, { deletedAt: '2025-03-10T00:00:00.000Z', updatedAt: '2025-03-10T00:00:00.000Z' });
  await db.articles.add(article);
  await db.annotations.bulkAdd([...live, alreadyDeleted]);
  return { db, live, alreadyDeleted };
}

describe('bulk delete and restore', () => {
  it('tombstones exactly the live annotations asked for, and undo brings back exactly those', async () => {
    const { db, live, alreadyDeleted } = await seeded();
    const [first, second, untouched] = live;
    const deleted = await bulkDeleteAnnotations(db, [first!.id, second!.id, alreadyDeleted.id, 'missing-id'], deps);
    expect(deleted).toEqual([first!.id, second!.id]);
    const afterDelete = await db.annotations.bulkGet([first!.id, second!.id, untouched!.id, alreadyDeleted.id]);
    expect(afterDelete.map((a) => a?.deletedAt)).toEqual([
      '2025-04-01T12:00:00.000Z',
      '2025-04-01T12:00:00.000Z',
      null,
      '2025-03-10T00:00:00.000Z',
    ]);
    expect(afterDelete[0]?.updatedAt).toBe('2025-04-01T12:00:00.000Z');

    const restored = await bulkRestoreAnnotations(db, deleted, deps);
    expect(restored).toEqual(deleted);
    const afterUndo = await db.annotations.bulkGet([first!.id, second!.id, alreadyDeleted.id]);
    expect(afterUndo.map((a) => a?.deletedAt)).toEqual([null, null, '2025-03-10T00:00:00.000Z']);
    db.close();
  });
});
