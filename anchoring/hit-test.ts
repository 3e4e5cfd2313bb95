import { offsetsFromPoint, type TextMap } from './text-map';

export interface Span {
  start: number;
  end: number;
}

/**
 * Highlights painted with the Custom Highlight API are not elements, so clicks cannot target them:
 * we find the text offset under the pointer and look it up among the painted spans instead.
 */
export function offsetAtPoint(doc: Document, map: TextMap, x: number, y: number): number | null {
  const withPosition = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (withPosition.caretPositionFromPoint) {
    const position = withPosition.caretPositionFromPoint(x, y);
    return position ? offsetsFromPoint(map, position.offsetNode, position.offset) : null;
  }
  const range = withPosition.caretRangeFromPoint?.(x, y);
  return range ? offsetsFromPoint(map, range.startContainer, range.startOffset) : null;
}

/**
 * The innermost (shortest) span containing `offset`, from spans sorted by start. A caret position sits between
 * two characters, so a click on the last half of a span's last character may report its end: both sides count.
 */
export function spanAt<T extends Span>(sorted: readonly T[], offset: number): T | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as T).start <= offset) lo = mid + 1;
    else hi = mid;
  }
  let best: T | undefined;
  // Spans may nest (a claim around entities) so walk back over every span that starts before the offset;
  // stop early once spans end far before it, since sorted-by-start spans rarely reach back further.
  for (let i = lo - 1, seen = 0; i >= 0 && seen < 64; i--, seen++) {
    const span = sorted[i] as T;
    if (span.start <= offset && offset <= span.end && (span.end > offset || span.end === offset)) {
      if (!best || span.end - span.start < best.end - best.start) best = span;
    }
  }
  return best;
}

/**
 * Caret lookups snap to the nearest text, even from an empty margin or a skipped promo box, so a hit must also
 * fall inside one of the span's line boxes.
 */
export function rangeContainsPoint(range: Range, x: number, y: number, slop = 1): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left - slop && x <= rect.right + slop && y >= rect.top - slop && y <= rect.bottom + slop) return true;
  }
  return false;
}
