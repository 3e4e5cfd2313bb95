// Many annotations at once (the popup's bulk selection). Each operation is one transaction, so a failure
// (quota, a closed database) leaves either all of them changed or none.
import type { NewsLensDb } from './db';
import type { StorageDeps } from './deps';
import type { Annotation } from './types';

function isAnnotation(row: Annotation | undefined): row is Annotation {
  return row !== undefined;
}

/** Tombstones the live annotations among `ids`; returns the ids it changed, which is exactly what undo must restore. */
export async function bulkDeleteAnnotations(db: NewsLensDb, ids: readonly string[], deps: StorageDeps): Promise<string[]> {
  return db.transaction('rw', db.annotations, async () => {
    const now = deps.now().toISOString();
    const rows = await db.annotations.bulkGet([...ids]);
    const live = rows.filter(isAnnotation).filter((row) => !row.deletedAt).map((row) => ({ ...row, deletedAt: now, updatedAt: now }));
    await db.annotations.bulkPut(live);
    return live.map((row) => row.id);
  });
}

/** Undoes a bulk delete: clears the tombstone of every listed annotation that still has one. */
export async function bulkRestoreAnnotations(db: NewsLensDb, ids: readonly string[], deps: StorageDeps): Promise<string[]> {
  return db.transaction('rw', db.annotations, async () => {
    const now = deps.now().toISOString();
    const rows = await db.annotations.bulkGet([...ids]);
    const dead = rows.filter(isAnnotation).filter((row) => row.deletedAt).map((row) => ({ ...row, deletedAt: null, updatedAt: now }));
    await db.annotations.bulkPut(dead);
    return dead.map((row) => row.id);
  });
}
