import type { AnchorQuality } from '../anchoring/types';
import { normalizeTags, type NewsLensDb } from './db';
import type { StorageDeps } from './deps';
import { StorageError } from './errors';
import { compareReadingOrder, type Annotation, type AnnotationKind, type AnnotationPatch, type AnnotationTarget, type ClaimReview, type HighlightColor } from './types';
import type { EntityType } from '../detect/types';

export interface NewAnnotation {
  kind: AnnotationKind;
  target: AnnotationTarget;
  color?: HighlightColor;
  note?: string;
  tags?: string[];
  claim?: ClaimReview;
  entityType?: EntityType;
}

export type { AnnotationPatch };

export async function createAnnotation(
  db: NewsLensDb,
  articleId: string,
  input: NewAnnotation,
  deps: StorageDeps,
): Promise<Annotation> {
  return db.transaction('rw', db.articles, db.annotations, async () => {
    const article = await db.articles.get(articleId);
    if (!article || article.deletedAt) throw new StorageError('not_found', 'The article for this note is no longer stored.');
    const now = deps.now().toISOString();
    const annotation: Annotation = {
      id: deps.uuid(),
      articleId,
      kind: input.kind,
      target: input.target,
      color: input.color ?? 'yellow',
      note: input.note ?? '',
      tags: normalizeTags(input.tags ?? []),
      ...(input.claim ? { claim: input.claim } : {}),
      ...(input.entityType ? { entityType: input.entityType } : {}),
      anchor: { quality: 'exact', confidence: 1, checkedAt: now },
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    };
    await db.annotations.add(annotation);
    await db.articles.update(articleId, { updatedAt: now });
    return annotation;
  });
}

/**
 * Applies a patch inside one transaction (read and write together), so two tabs editing the same
 * annotation at once each keep their own fields instead of the later write erasing the earlier one.
 * Editors send only the fields the reader changed, with `baseUpdatedAt`.
 * @throws StorageError `not_found` if the annotation is gone, `conflict` if `patch.baseUpdatedAt` is given and the row
 *   was saved since (optimistic concurrency), `quota` when the browser refuses to store more.
 */
export async function updateAnnotation(
  db: NewsLensDb,
  id: string,
  patch: AnnotationPatch,
  deps: StorageDeps,
): Promise<Annotation> {
  return db.transaction('rw', db.annotations, db.articles, async () => {
    const current = await db.annotations.get(id);
    if (!current || current.deletedAt) throw new StorageError('not_found', 'This note was deleted elsewhere.');
    if (patch.baseUpdatedAt !== undefined && patch.baseUpdatedAt !== current.updatedAt) {
      throw new StorageError(
        'conflict',
        'This note was changed in another tab or window since you opened it, so your edit was not saved over it. Your text is still here: save again to replace the other version, or cancel to keep it.',
      );
    }
    const now = deps.now().toISOString();
    const next: Annotation = {
      ...current,
      ...(patch.color !== undefined ? { color: patch.color } : {}),
      ...(patch.note !== undefined ? { note: patch.note } : {}),
      ...(patch.tags !== undefined ? { tags: normalizeTags(patch.tags) } : {}),
      ...(patch.claim !== undefined ? { claim: patch.claim } : {}),
      ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
      // Accepting a change makes the text the note was found on its quote, found exactly where it is now.
      ...(patch.target !== undefined ? { target: patch.target, anchor: { quality: 'exact' as const, confidence: 1, checkedAt: now } } : {}),
      ...(patch.detached ? { anchor: { quality: 'orphan' as const, confidence: 0, checkedAt: now, detached: true } } : {}),
      updatedAt: now,
    };
    await db.annotations.put(next);
    await db.articles.update(current.articleId, { updatedAt: now });
    return next;
  });
}

/** Deletes are tombstones: undo (restore) and a later sync both need the row. */
export async function deleteAnnotation(db: NewsLensDb, id: string, deps: StorageDeps): Promise<void> {
  const now = deps.now().toISOString();
  const changed = await db.annotations.where('id').equals(id).modify({ deletedAt: now, updatedAt: now });
  if (!changed) throw new StorageError('not_found', 'This note no longer exists.');
}

export async function restoreAnnotation(db: NewsLensDb, id: string, deps: StorageDeps): Promise<Annotation> {
  const now = deps.now().toISOString();
  const changed = await db.annotations.where('id').equals(id).modify({ deletedAt: null, updatedAt: now });
  const restored = changed ? await db.annotations.get(id) : undefined;
  if (!restored) throw new StorageError('not_found', 'This note no longer exists.');
  return restored;
}

export async function listArticleAnnotations(db: NewsLensDb, articleId: string): Promise<Annotation[]> {
  const rows = await db.annotations.where('articleId').equals(articleId).toArray();
  return rows.filter((a) => !a.deletedAt).sort(compareReadingOrder);
}

/** Tags used in this many of the most recently changed notes come first in suggestions. */
const RECENT_NOTES_FOR_TAGS = 500;

/** Whether any live note carries `tag`: reads primary keys of the tag's index range until one is not a tombstone. */
async function tagIsLive(db: NewsLensDb, tag: string, tombstones: ReadonlySet<string>): Promise<boolean> {
  for (let limit = 4; ; limit *= 8) {
    const ids = await db.annotations.where('tags').equals(tag).limit(limit).primaryKeys();
    if (ids.some((id) => !tombstones.has(id))) return true;
    if (ids.length < limit) return false;
  }
}

/**
 * Tags of live notes for suggestions: those used in the 500 most recently changed notes first (the most used among
 * them first), then the rest by name. Read from indexes — distinct keys of the multi-entry `tags` index, the
 * tombstones' ids, 500 rows by `updatedAt` — never from every note: counting every tag's uses walked the whole index
 * in Chromium (2-5 s of database time per call at 50,000 notes, on every popup open and page visit).
 */
export async function listTags(db: NewsLensDb): Promise<string[]> {
  const [distinct, tombstoned, recent] = await Promise.all([
    db.annotations.orderBy('tags').uniqueKeys() as Promise<string[]>,
    db.annotations.where('deletedAt').above('').primaryKeys(),
    db.annotations.orderBy('updatedAt').reverse().limit(RECENT_NOTES_FOR_TAGS).toArray(),
  ]);
  const tombstones = new Set(tombstoned);
  const live = await Promise.all(distinct.map((tag) => tagIsLive(db, tag, tombstones)));
  const uses = new Map<string, number>();
  for (const note of recent) if (!note.deletedAt) for (const tag of note.tags) uses.set(tag, (uses.get(tag) ?? 0) + 1);
  return distinct.filter((_, i) => live[i]).sort((a, b) => (uses.get(b) ?? 0) - (uses.get(a) ?? 0) || a.localeCompare(b));
}

export interface AnchorReport {
  id: string;
  quality: AnchorQuality;
  confidence: number;
  /** For quality 'changed': the text now at the note's place. */
  found?: string;
}

/** Stores how each annotation was found on the latest visit; only annotations of that article are touched. */
export async function recordAnchors(
  db: NewsLensDb,
  articleId: string,
  reports: AnchorReport[],
  deps: StorageDeps,
): Promise<void> {
  const checkedAt = deps.now().toISOString();
  const byId = new Map(reports.map((r) => [r.id, r]));
  await db.annotations
    .where('articleId')
    .equals(articleId)
    .modify((a) => {
      const report = byId.get(a.id);
      // A note the reader detached stays an orphan whatever a page reports.
      if (report && !a.anchor?.detached) {
        a.anchor = { quality: report.quality, confidence: report.confidence, checkedAt, ...(report.found !== undefined ? { found: report.found } : {}) };
      }
    });
}
