// Where floating UI goes. Inputs are viewport coordinates (the UI root is position:fixed at 0,0), so the result can be
// used directly as top/left.
import type { Rect } from './page-state';

export interface Size {
  width: number;
  height: number;
}

export interface Point {
  top: number;
  left: number;
}

export const VIEWPORT_MARGIN = 8;

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}

function clampLeft(anchor: Rect, box: Size, viewport: Size, centred: boolean): number {
  const wanted = centred ? anchor.left + anchor.width / 2 - box.width / 2 : anchor.left;
  return clamp(wanted, VIEWPORT_MARGIN, viewport.width - box.width - VIEWPORT_MARGIN);
}

/** Just above the anchor (a selection), centred on it; below it when there is no room above. */
export function placeAbove(anchor: Rect, box: Size, viewport: Size, gap = 8): Point {
  const above = anchor.top - gap - box.height;
  const below = anchor.top + anchor.height + gap;
  const top = above >= VIEWPORT_MARGIN ? above : below;
  return {
    top: clamp(top, VIEWPORT_MARGIN, viewport.height - box.height - VIEWPORT_MARGIN),
    left: clampLeft(anchor, box, viewport, true),
  };
}

/** Below the anchor (a clicked mention), above it when it would not fit below; always inside the viewport. */
export function placeNear(anchor: Rect, box: Size, viewport: Size, gap = 8): Point {
  const below = anchor.top + anchor.height + gap;
  const above = anchor.top - gap - box.height;
  const fitsBelow = below + box.height <= viewport.height - VIEWPORT_MARGIN;
  const top = fitsBelow || above < VIEWPORT_MARGIN ? below : above;
  return {
    top: clamp(top, VIEWPORT_MARGIN, viewport.height - box.height - VIEWPORT_MARGIN),
    left: clampLeft(anchor, box, viewport, false),
  };
}
