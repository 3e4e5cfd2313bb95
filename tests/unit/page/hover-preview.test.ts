import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HOVER_CLOSE_MS, HOVER_OPEN_MS, HoverPreview } from '../../../page/hover-preview';

function setup() {
  const state = { open: false, allowed: true };
  const opened: string[] = [];
  const hover = new HoverPreview({
    previewOpen: () => state.open,
    mayPreview: () => state.allowed,
    closePreview: () => (state.open = false),
  });
  const target = (key: string) => ({
    key,
    open: () => {
      opened.push(key);
      state.open = true;
    },
  });
  return { state, opened, hover, target };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('HoverPreview', () => {
  it('opens only after the pointer rests, and once per thing', () => {
    const { hover, target, opened } = setup();
    hover.pointAt(target('entity:a'));
    vi.advanceTimersByTime(HOVER_OPEN_MS - 10);
    expect(opened).toEqual([]);
    hover.pointAt(target('entity:a'));
    vi.advanceTimersByTime(20);
    expect(opened).toEqual(['entity:a']);
  });

  it('passing over something on the way does not open it', () => {
    const { hover, target, opened } = setup();
    hover.pointAt(target('entity:a'));
    vi.advanceTimersByTime(100);
    hover.pointAt(target('claim:3'));
    vi.advanceTimersByTime(HOVER_OPEN_MS);
    expect(opened).toEqual(['claim:3']);
  });

  it('closes after leaving, unless the pointer is on the card', () => {
    const { hover, target, state } = setup();
    hover.pointAt(target('entity:a'));
    vi.advanceTimersByTime(HOVER_OPEN_MS);
    hover.hold(true);
    hover.pointAt(undefined);
    vi.advanceTimersByTime(HOVER_CLOSE_MS * 2);
    expect(state.open).toBe(true);
    hover.hold(false);
    vi.advanceTimersByTime(HOVER_CLOSE_MS);
    expect(state.open).toBe(false);
  });

  it('never opens over a selection or a card opened on purpose, and cancel drops a pending preview', () => {
    const { hover, target, opened, state } = setup();
    state.allowed = false;
    hover.pointAt(target('entity:a'));
    vi.advanceTimersByTime(HOVER_OPEN_MS);
    expect(opened).toEqual([]);
    state.allowed = true;
    hover.pointAt(target('entity:b'));
    hover.cancel();
    vi.advanceTimersByTime(HOVER_OPEN_MS);
    expect(opened).toEqual([]);
  });
});
