// Paints ranges without touching the page's DOM or text: the CSS Custom Highlight API keeps one Highlight per
// layer in CSS.highlights, styled by ::highlight() rules in an adopted stylesheet (no <style> element either).
// Where the API is missing, a fallback wraps text in <newslens-mark> elements, which does change the DOM.

import { createOverlayPainter, type OverlayLayerStyle } from './overlay-paint';
import type { Painter } from './painter';
import { textPieces } from './text-pieces';

export interface LayerStyle {
  /** CSS declarations allowed in ::highlight(): color, background-color, text-decoration*, text-shadow. */
  css: string;
  /** Higher paints on top where layers overlap (the reader's own highlights sit above detections). */
  priority: number;
}

export type { Painter } from './painter';

const PREFIX = 'newslens-';

interface HighlightRegistryLike {
  set(name: string, highlight: unknown): void;
  delete(name: string): boolean;
}

function highlightRegistry(win: Window): { registry: HighlightRegistryLike; Highlight: new (...ranges: Range[]) => { priority: number } } | null {
  const css = (win as unknown as { CSS?: { highlights?: HighlightRegistryLike } }).CSS;
  const Highlight = (win as unknown as { Highlight?: new (...ranges: Range[]) => { priority: number } }).Highlight;
  return css?.highlights && Highlight ? { registry: css.highlights, Highlight } : null;
}

export interface PainterOptions {
  /**
   * Layers the page must not learn about (the reader's own highlights): painted by `createOverlayPainter` inside a
   * closed shadow root instead of the page-visible `CSS.highlights` registry or `<newslens-mark>` elements.
   */
  privateLayers?: Record<string, OverlayLayerStyle>;
  /** Shadow-root mode of the private overlay; `closed` unless a test must look inside. */
  shadowMode?: ShadowRootMode;
}

/**
 * A painter for `styles` (CSS Custom Highlight API, or wrapping marks where it is missing), plus, when
 * `options.privateLayers` is given, a private overlay for those layer names. `set`/`clear` route by layer name.
 */
export function createPainter(doc: Document, styles: Record<string, LayerStyle>, options: PainterOptions = {}): Painter {
  const win = doc.defaultView;
  const api = win ? highlightRegistry(win) : null;
  const shared = api ? nativePainter(doc, styles, api) : wrappingPainter(doc, styles);
  const privateLayers = options.privateLayers;
  if (!privateLayers || !Object.keys(privateLayers).length) return shared;
  const overlay = createOverlayPainter(doc, privateLayers, { shadowMode: options.shadowMode ?? 'closed' });
  const route = (layer: string) => (Object.hasOwn(privateLayers, layer) ? overlay : shared);
  return {
    native: shared.native,
    set: (layer, ranges) => route(layer).set(layer, ranges),
    clear: (layer) => route(layer).clear(layer),
    clearAll() {
      shared.clearAll();
      overlay.clearAll();
    },
    dispose() {
      shared.dispose();
      overlay.dispose();
    },
  };
}

/** Where the adopted sheet is kept on the document: an expando of our isolated world, which page scripts cannot see. */
const SHEET_KEY = Symbol.for('newslens.highlight-sheet');
type DocumentWithSheet = Document & { [SHEET_KEY]?: CSSStyleSheet };

/**
 * Adopts the `::highlight()` rules for `styles` into `doc`, once. Adding a stylesheet to a document makes the browser
 * recalculate the style of every element: on a 100,000-node page that is one task of about 350 ms (measured with
 * tests/support/extension-tasks.ts). Done at document_start (entrypoints/input-guard.content.ts, on sites the reader
 * allowed) it costs nothing, as there are no elements yet; the painter then finds the sheet and reuses it.
 * Returns the adopted sheet. Needs the CSS Custom Highlight API only to be useful, not to run.
 */
export function adoptHighlightStyles(doc: Document, styles: Record<string, LayerStyle>): CSSStyleSheet {
  const css = Object.entries(styles)
    .map(([layer, style]) => `::highlight(${PREFIX}${layer}) { ${style.css} }`)
    .join('\n');
  const holder = doc as DocumentWithSheet;
  const existing = holder[SHEET_KEY];
  if (existing && doc.adoptedStyleSheets.includes(existing)) {
    const current = Array.from(existing.cssRules, (rule) => rule.cssText).join('\n');
    // Same build, same rules: reuse. (Rule text is re-serialised by the browser, so compare after a parse of ours.)
    const probe = new (doc.defaultView as Window & typeof globalThis).CSSStyleSheet();
    probe.replaceSync(css);
    if (current !== Array.from(probe.cssRules, (rule) => rule.cssText).join('\n')) existing.replaceSync(css);
    return existing;
  }
  const sheet = new (doc.defaultView as Window & typeof globalThis).CSSStyleSheet();
  sheet.replaceSync(css);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  holder[SHEET_KEY] = sheet;
  return sheet;
}

function nativePainter(
  doc: Document,
  styles: Record<string, LayerStyle>,
  api: NonNullable<ReturnType<typeof highlightRegistry>>,
): Painter {
  const sheet = adoptHighlightStyles(doc, styles);
  const layers = new Set<string>();
  const painter: Painter = {
    native: true,
    set(layer, ranges) {
      const highlight = new api.Highlight(...ranges);
      highlight.priority = styles[layer]?.priority ?? 0;
      api.registry.set(PREFIX + layer, highlight);
      layers.add(layer);
    },
    clear(layer) {
      api.registry.delete(PREFIX + layer);
      layers.delete(layer);
    },
    clearAll() {
      for (const layer of [...layers]) painter.clear(layer);
    },
    dispose() {
      painter.clearAll();
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
      delete (doc as DocumentWithSheet)[SHEET_KEY];
    },
  };
  return painter;
}

function wrappingPainter(doc: Document, styles: Record<string, LayerStyle>): Painter {
  const marks = new Map<string, HTMLElement[]>();
  const painter: Painter = {
    native: false,
    set(layer, ranges) {
      painter.clear(layer);
      const style = styles[layer]?.css ?? '';
      const created: HTMLElement[] = [];
      // Cut every range into text-node pieces first, then wrap from the end of the document backwards: wrapping
      // splits text nodes, which would shift the offsets of any piece still to come after it in the same node.
      const pieces = ranges.flatMap(textPieces).sort((a, b) => b.compareBoundaryPoints(Range.START_TO_START, a));
      for (const piece of pieces) {
        const mark = doc.createElement('newslens-mark');
        mark.setAttribute('style', style);
        mark.dataset.layer = layer;
        piece.surroundContents(mark);
        created.push(mark);
      }
      marks.set(layer, created.reverse());
    },
    clear(layer) {
      for (const mark of marks.get(layer) ?? []) {
        const parent = mark.parentNode;
        if (!parent) continue;
        while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
        parent.removeChild(mark);
        parent.normalize();
      }
      marks.delete(layer);
    },
    clearAll() {
      for (const layer of [...marks.keys()]) painter.clear(layer);
    },
    dispose() {
      painter.clearAll();
    },
  };
  return painter;
}
