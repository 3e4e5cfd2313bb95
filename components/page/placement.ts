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

/** A card's place, and the height it must not exceed so it does not cover the text it describes. */
export interface CardPlace extends Point {
  maxHeight?: number;
}

/** Below this a card is too short to be useful; it may then overlap its text rather than shrink further. */
export const MIN_CARD_HEIGHT = 120;

/**
 * Beside, never over, the text a card describes (a clicked mention, a claim of several lines). In order: below it, above
 * it, to its right, to its left, each only where the whole card fits; otherwise below or above (whichever has more room)
 * with a `maxHeight` so the card scrolls inside instead of covering the text. Always inside the viewport.
 */
export function placeNear(anchor: Rect, box: Size, viewport: Size, gap = 8): CardPlace {
  const m = VIEWPORT_MARGIN;
  const below = anchor.top + anchor.height + gap;
  const roomBelow = viewport.height - m - below;
  const roomAbove = anchor.top - gap - m;
  const left = clampLeft(anchor, box, viewport, false);
  if (box.height <= roomBelow) return { top: below, left };
  if (box.height <= roomAbove) return { top: anchor.top - gap - box.height, left };
  const top = clamp(anchor.top, m, viewport.height - box.height - m);
  const right = anchor.left + anchor.width + gap;
  if (right + box.width <= viewport.width - m) return { top, left: right };
  const leftSide = anchor.left - gap - box.width;
  if (leftSide >= m) return { top, left: leftSide };
  const room = Math.max(roomBelow, roomAbove);
  if (room < MIN_CARD_HEIGHT) {
    // Nowhere to go (a viewport smaller than the card, or text taller than the viewport): stay inside the viewport.
    return { top: clamp(below, m, viewport.height - box.height - m), left };
  }
  return roomBelow >= roomAbove ? { top: below, left, maxHeight: roomBelow } : { top: m, left, maxHeight: roomAbove };
}
