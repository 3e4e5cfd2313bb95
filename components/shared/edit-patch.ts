// What an editor sends when the reader presses Save: only the fields they changed, and the version they started from.
// Two tabs (or the page card and the popup) editing one note then never erase each other's fields silently: a field
// nobody touched is not sent, and a save on a version that has moved on is refused by storage (`conflict`) and told
// to the reader, whose next Save replaces the other version on purpose.

import type { Annotation, AnnotationPatch } from '../../storage/types';

/** The fields an annotation editor can change. */
export type EditableFields = Pick<AnnotationPatch, 'note' | 'tags' | 'color' | 'claim' | 'kind'>;

/**
 * The patch that turns `saved` into `draft`: changed fields only, plus `baseUpdatedAt: saved.updatedAt` unless the
 * reader chose to overwrite after a conflict. Returns null when nothing changed (no write needed).
 */
export function editPatch(saved: Annotation, draft: EditableFields, overwrite = false): AnnotationPatch | null {
  const patch: AnnotationPatch = {};
  if (draft.note !== undefined && draft.note !== saved.note) patch.note = draft.note;
  if (draft.color !== undefined && draft.color !== saved.color) patch.color = draft.color;
  if (draft.kind !== undefined && draft.kind !== saved.kind) patch.kind = draft.kind;
  if (draft.tags !== undefined && !sameJson(draft.tags, saved.tags)) patch.tags = draft.tags;
  if (draft.claim !== undefined && !sameJson(draft.claim, saved.claim)) patch.claim = draft.claim;
  if (!Object.keys(patch).length) return null;
  return overwrite ? patch : { ...patch, baseUpdatedAt: saved.updatedAt };
}

/** Whether an error is storage refusing a stale edit (StorageError in extension pages, BackgroundError in the page). */
export function isEditConflict(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'conflict';
}

function sameJson(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

/** JSON with object keys sorted, so two equal claim reviews built in different key orders compare equal. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );
}
