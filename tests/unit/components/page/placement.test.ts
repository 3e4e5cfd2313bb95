import { describe, expect, it } from 'vitest';
import { placeAbove, placeNear, VIEWPORT_MARGIN } from '../../../../components/page/placement';

const viewport = { width: 1000, height: 700 };
const toolbar = { width: 300, height: 40 };
const card = { width: 360, height: 300 };

describe('placeAbove (selection toolbar)', () => {
  it('sits just above the selection, centred on it', () => {
    const p = placeAbove({ top: 300, left: 400, width: 200, height: 20 }, toolbar, viewport);
    expect(p).toEqual({ top: 300 - 8 - 40, left: 500 - 150 });
  });

  it('flips below when the selection is at the top of the viewport', () => {
    const p = placeAbove({ top: 10, left: 400, width: 200, height: 20 }, toolbar, viewport);
    expect(p.top).toBe(10 + 20 + 8);
  });

  it('stays inside the viewport horizontally', () => {
    expect(placeAbove({ top: 300, left: 0, width: 20, height: 20 }, toolbar, viewport).left).toBe(VIEWPORT_MARGIN);
    expect(placeAbove({ top: 300, left: 990, width: 10, height: 20 }, toolbar, viewport).left).toBe(
      1000 - 300 - VIEWPORT_MARGIN,
    );
  });

  it('stays inside the viewport for a selection scrolled partly off screen', () => {
    const p = placeAbove({ top: -500, left: 100, width: 100, height: 900 }, toolbar, viewport);
    expect(p.top).toBeGreaterThanOrEqual(VIEWPORT_MARGIN);
    expect(p.top + toolbar.height).toBeLessThanOrEqual(viewport.height - VIEWPORT_MARGIN);
  });
});

describe('placeNear (cards)', () => {
  it('opens below the clicked text, aligned to its left edge', () => {
    expect(placeNear({ top: 100, left: 200, width: 80, height: 20 }, card, viewport)).toEqual({ top: 128, left: 200 });
  });

  it('opens above when there is no room below', () => {
    const p = placeNear({ top: 600, left: 200, width: 80, height: 20 }, card, viewport);
    expect(p.top).toBe(600 - 8 - 300);
  });

  it('opens beside a claim of several lines when it fits neither below nor above', () => {
    const claim = { top: 200, left: 100, width: 400, height: 300 };
    const p = placeNear(claim, card, viewport);
    expect(p).toEqual({ top: 200, left: 508 });
  });

  it('shrinks rather than covering the text when no side has room for the whole card', () => {
    const claim = { top: 250, left: 20, width: 900, height: 200 };
    const p = placeNear(claim, card, viewport);
    expect(p.top).toBe(458);
    expect(p.maxHeight).toBe(700 - 8 - 458);
    const overlaps = (p.top < claim.top + claim.height && p.top + (p.maxHeight ?? card.height) > claim.top);
    expect(overlaps).toBe(false);
  });

  it('is clamped into a viewport smaller than the card', () => {
    const p = placeNear({ top: 150, left: 50, width: 80, height: 20 }, card, { width: 320, height: 250 });
    expect(p.top).toBe(VIEWPORT_MARGIN);
    expect(p.left).toBe(VIEWPORT_MARGIN);
  });
});
