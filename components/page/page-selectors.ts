// Derived views of PageState that more than one component needs.
import type { Annotation, PaintKind } from '../../storage/types';
import { comparePlacement, type PageState, type PlacedAnnotation } from './page-state';

/** Tombstoned annotations may linger in state until the session refreshes; the reader must not see them. */
export function liveAnnotations(state: PageState): PlacedAnnotation[] {
  return state.annotations.filter((p) => p.annotation.deletedAt === null);
}

export function orphanAnnotations(state: PageState): PlacedAnnotation[] {
  return liveAnnotations(state).filter((p) => p.quality === 'orphan');
}

export function trackedClaimCount(state: PageState): number {
  return liveAnnotations(state).filter((p) => p.annotation.kind === 'claim').length;
}

export function kindCounts(state: PageState): Record<PaintKind, number> {
  // Claims count what the display mode paints: in Read mode only the top claims are on the page.
  const counts: Record<PaintKind, number> = { person: 0, organization: 0, place: 0, claim: state.claimOrder.length };
  for (const group of state.groups) counts[group.type] += 1;
  return counts;
}

export function findPlaced(state: PageState, annotationId: string): PlacedAnnotation | undefined {
  return liveAnnotations(state).find((p) => p.annotation.id === annotationId);
}

/** Reading order on the page as it is now (see comparePlacement). */
export function inReadingOrder(placed: readonly PlacedAnnotation[]): PlacedAnnotation[] {
  return [...placed].sort(comparePlacement);
}

export function annotationKindWords(annotation: Annotation): string {
  switch (annotation.kind) {
    case 'claim':
      return 'Tracked claim';
    case 'note':
      return 'Note';
    case 'entity':
      return 'Entity';
    case 'highlight':
      return annotation.note.trim() ? 'Note' : 'Highlight';
  }
}

/** 1-based rank of a claim among the painted ones (most check-worthy first), or null when it is not painted. */
export function claimRank(state: PageState, claimIndex: number): number | null {
  const at = state.claimOrder.indexOf(claimIndex);
  return at < 0 ? null : at + 1;
}
