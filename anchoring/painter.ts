// The one interface every painter implements (anchoring/paint.ts: CSS Custom Highlight API or wrapping marks;
// anchoring/overlay-paint.ts: private boxes in a closed shadow root). Kept apart so the two need not import each other.

/** Paints named layers of DOM ranges; `set` replaces a layer, `clear` empties it, `dispose` removes everything. */
export interface Painter {
  /** False for the fallback that wraps text in elements (it changes the DOM, so callers re-read their text map). */
  readonly native: boolean;
  set(layer: string, ranges: readonly Range[]): void;
  clear(layer: string): void;
  clearAll(): void;
  dispose(): void;
}
