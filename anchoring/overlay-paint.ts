// Paints the reader's own highlights where the page cannot see them.
//
// `CSS.highlights` is one registry per document, shared by the page's scripts and ours: a page could enumerate
// `newslens-hl-*` and learn exactly which passages the reader marked. Here each range becomes absolutely positioned
// boxes inside a *closed* shadow root of a zero-size host, so page scripts see one empty element and nothing else.
// The page DOM and its text are untouched, as with the highlight API.
//
// Boxes are placed relative to the host's own box, measured in the same frame as the ranges, so the result is right
// whatever the containing block is and scrolling the document needs no work; only layout changes (resize, fonts,
// images, inner scrollers) trigger a re-measure, batched to one per animation frame and bounded per frame.

import type { Painter } from './painter';
import { textPieces } from './text-pieces';

export interface OverlayLayerStyle {
  /** A CSS colour for the boxes; the host blends with `multiply`, so the text under it keeps its own colour. */
  fill: string;
  /** Higher paints on top where layers overlap. */
  priority: number;
}

export interface OverlayOptions {
  /** `closed` in the store build. Tests that must look inside pass `open`. */
  shadowMode?: ShadowRootMode;
  /** How many ranges are measured per animation frame, so a reader with thousands of notes never gets a long task. */
  rangesPerFrame?: number;
  /** Injected for tests; defaults to the window's `requestAnimationFrame`. */
  requestFrame?: (callback: () => void) => unknown;
}

/** Default work per frame: measuring one range costs about 5–20 µs in Chromium, so 300 stay far under 50 ms. */
const RANGES_PER_FRAME = 300;

interface LayerState {
  ranges: readonly Range[];
  box: HTMLElement;
}

/**
 * Creates a painter whose layers are boxes in a closed shadow root appended to `<html>`.
 * `set(layer, ranges)` replaces a layer; measuring happens on the next animation frame(s), never synchronously.
 * Layers not present in `styles` are ignored. `dispose()` removes the host and every listener.
 */
export function createOverlayPainter(doc: Document, styles: Record<string, OverlayLayerStyle>, options: OverlayOptions = {}): Painter {
  const win = doc.defaultView;
  if (!win) throw new Error('createOverlayPainter needs a document with a window');
  const requestFrame = options.requestFrame ?? ((callback: () => void) => win.requestAnimationFrame(callback));
  const perFrame = Math.max(1, options.rangesPerFrame ?? RANGES_PER_FRAME);

  const host = doc.createElement('newslens-marks');
  // Inline and !important so page CSS aimed at unknown elements does not move or reveal the boxes by accident.
  host.setAttribute(
    'style',
    'all: initial !important; position: absolute !important; top: 0 !important; left: 0 !important; width: 0 !important; ' +
      'height: 0 !important; overflow: visible !important; pointer-events: none !important; ' +
      'z-index: 2147482999 !important; mix-blend-mode: multiply !important; display: block !important;',
  );
  const shadow = host.attachShadow({ mode: options.shadowMode ?? 'closed' });
  const style = doc.createElement('style');
  style.textContent =
    '.layer { position: absolute; top: 0; left: 0; width: 0; height: 0; }\n' +
    '.box { position: absolute; border-radius: 2px; }\n' +
    '@media (forced-colors: active) { .box { background: Highlight !important; opacity: 0.4; } }';
  shadow.append(style);
  (doc.documentElement ?? doc.body).append(host);

  const layers = new Map<string, LayerState>();
  let dirty = new Set<string>();
  let scheduled = false;

  function layerBox(layer: string): HTMLElement {
    const box = doc.createElement('div');
    box.className = 'layer';
    box.dataset.layer = layer;
    box.style.zIndex = String(styles[layer]?.priority ?? 0);
    shadow.append(box);
    return box;
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    requestFrame(measure);
  }

  function measure(): void {
    scheduled = false;
    if (!host.isConnected) return;
    const origin = host.getBoundingClientRect();
    let budget = perFrame;
    const pending = [...dirty];
    dirty = new Set();
    for (let i = 0; i < pending.length; i++) {
      const name = pending[i] as string;
      const state = layers.get(name);
      if (!state) continue;
      if (budget <= 0) {
        for (const rest of pending.slice(i)) dirty.add(rest);
        break;
      }
      budget -= state.ranges.length;
      drawLayer(state, styles[name]?.fill ?? 'transparent', origin);
    }
    if (dirty.size) schedule();
  }

  function drawLayer(state: LayerState, fill: string, origin: DOMRect): void {
    // One group per range (its line boxes in reading order), so a highlight stays one thing for hit-testing tools.
    const marks: HTMLElement[] = [];
    for (const range of state.ranges) {
      const mark = doc.createElement('div');
      mark.className = 'mark';
      for (const rect of lineRects(range)) {
        const box = doc.createElement('div');
        box.className = 'box';
        box.style.cssText = `left:${rect.left - origin.left}px;top:${rect.top - origin.top}px;width:${rect.width}px;height:${rect.height}px;background:${fill};`;
        mark.append(box);
      }
      marks.push(mark);
    }
    state.box.replaceChildren(...marks);
  }

  function invalidateAll(): void {
    for (const name of layers.keys()) dirty.add(name);
    if (dirty.size) schedule();
  }

  // Scroll events do not bubble; a capture listener on the document sees inner scrollers too. Scrolling the document
  // itself moves the host with the text, so only other scrollers need a re-measure.
  const onScroll = (event: Event) => {
    if (event.target !== doc && event.target !== doc.documentElement && event.target !== doc.scrollingElement) invalidateAll();
  };
  doc.addEventListener('scroll', onScroll, { capture: true, passive: true });
  win.addEventListener('resize', invalidateAll);
  const resizeObserver = typeof win.ResizeObserver === 'function' ? new win.ResizeObserver(invalidateAll) : null;
  if (doc.body) resizeObserver?.observe(doc.body);
  doc.fonts?.addEventListener?.('loadingdone', invalidateAll);

  const painter: Painter = {
    native: true,
    set(layer, ranges) {
      if (!styles[layer]) return;
      const state = layers.get(layer) ?? { ranges: [], box: layerBox(layer) };
      state.ranges = [...ranges];
      layers.set(layer, state);
      dirty.add(layer);
      schedule();
    },
    clear(layer) {
      const state = layers.get(layer);
      if (!state) return;
      state.box.remove();
      layers.delete(layer);
      dirty.delete(layer);
    },
    clearAll() {
      for (const layer of [...layers.keys()]) painter.clear(layer);
    },
    dispose() {
      painter.clearAll();
      doc.removeEventListener('scroll', onScroll, { capture: true });
      win.removeEventListener('resize', invalidateAll);
      resizeObserver?.disconnect();
      doc.fonts?.removeEventListener?.('loadingdone', invalidateAll);
      host.remove();
    },
  };
  return painter;
}

/**
 * One rectangle per line fragment of a range's text, in viewport coordinates. Measured per text node, because
 * `Range.getClientRects()` also returns the border boxes of elements wholly inside the range, which would paint
 * whole paragraphs as one block.
 */
function lineRects(range: Range): DOMRect[] {
  const rects: DOMRect[] = [];
  for (const piece of textPieces(range)) {
    for (const rect of Array.from(piece.getClientRects())) if (rect.width > 0.5 && rect.height > 0.5) rects.push(rect);
  }
  return rects;
}
