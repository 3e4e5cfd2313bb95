// The reader's pointer: the page selection (for the selection toolbar), clicks on painted text (open the matching
// card) and resting on a name or claim (preview its card). It reads what is painted through a narrow interface, so
// it knows nothing of painting, storage or the visit pipeline.
import { offsetAtPoint, spanAt } from '../anchoring/hit-test';
import type { PageState, PlacedAnnotation, Store } from '../components/page/page-state';
import { trackingAnnotation } from '../components/page/page-state';
import { isPreview, openCard } from './cards';
import { HoverPreview } from './hover-preview';
import type { DetectionHit } from './overlay';
import { toRect, type PageText, type Span } from './page-text';

/** What the pointer needs to know about the paint: what is drawn under a point. The Overlay provides it. */
export interface PaintedTargets {
  detectionAt(offset: number, x: number, y: number): DetectionHit | undefined;
  isUnderPoint(span: Span, x: number, y: number): boolean;
}

export interface PointerOptions {
  doc: Document;
  store: Store<PageState>;
  text: PageText;
  targets: PaintedTargets;
  /** The element that hosts our UI: events inside it are the reader using our UI, not pointing at the page. */
  uiHost: () => Element | null;
}

/** The page events the pointer follows; the content script registers them so they end with its context. */
export type PointerEvents = 'mouseup' | 'keyup' | 'selectionchange' | 'click' | 'mousemove';
export type Listen = (type: PointerEvents, handler: (event: Event) => void) => void;

/** Selection changes come in bursts while the reader drags; the toolbar follows once they pause this long (ms). */
const SELECTION_SETTLE_MS = 250;

export class Pointer {
  private readonly hover: HoverPreview;
  private selectionTimer: ReturnType<typeof setTimeout> | undefined;
  private pointerFrame = 0;
  /** A selection the reader dismissed (Escape): kept in the page, but it does not reopen the toolbar. */
  private dismissed: Span | null = null;

  constructor(private readonly options: PointerOptions) {
    const { store } = options;
    this.hover = new HoverPreview({
      previewOpen: () => isPreview(store.get().card),
      mayPreview: () => {
        const { card, selection } = store.get();
        return !selection && (!card || isPreview(card));
      },
      closePreview: () => store.set({ card: null }),
    });
  }

  /**
   * Follows the reader's pointer on the page through `listen` (document events): selections (at once on mouse-up and
   * shift-key release, debounced otherwise), clicks, and pointer moves sampled once per animation frame, since
   * hit-testing costs a caret lookup.
   */
  listen(listen: Listen): void {
    const win = this.options.doc.defaultView;
    listen('mouseup', () => setTimeout(() => this.updateSelection(), 0));
    listen('keyup', (event) => {
      if ((event as KeyboardEvent).shiftKey) this.updateSelection();
    });
    listen('selectionchange', () => {
      clearTimeout(this.selectionTimer);
      this.selectionTimer = setTimeout(() => this.updateSelection(), SELECTION_SETTLE_MS);
    });
    listen('click', (event) => this.handleClick(event as MouseEvent));
    listen('mousemove', (event) => {
      if (this.pointerFrame || !win) return;
      this.pointerFrame = win.requestAnimationFrame(() => {
        this.pointerFrame = 0;
        this.handlePointerMove(event as MouseEvent);
      });
    });
  }

  /** Keeps state.selection in step with the page selection (offsets in the article text plus a rect for the toolbar). */
  updateSelection(): void {
    const { doc, store, text } = this.options;
    const map = text.map;
    const selection = doc.getSelection();
    if (!map || !selection || selection.rangeCount === 0 || selection.isCollapsed) {
      // Focus in our toolbar collapses the page selection; the reader is acting on the selection we kept.
      const host = this.options.uiHost();
      if (host && doc.activeElement === host) return;
      if (store.get().selection) store.set({ selection: null });
      return;
    }
    const range = selection.getRangeAt(0);
    const offsets = text.offsetsOf(range);
    if (!offsets || !map.text.slice(offsets.start, offsets.end).trim()) {
      store.set({ selection: null });
      return;
    }
    if (this.dismissed && this.dismissed.start === offsets.start && this.dismissed.end === offsets.end) return;
    this.dismissed = null;
    store.set({
      selection: { ...offsets, text: map.text.slice(offsets.start, offsets.end), rect: toRect(range.getBoundingClientRect()) },
      card: null,
      toolbarFocus: false,
    });
  }

  /** Escape in the selection toolbar: the toolbar goes, the words stay selected in the page and focus returns there. */
  dismissSelection(): void {
    const { selection } = this.options.store.get();
    this.options.store.set({ selection: null });
    if (selection) this.reselect(selection);
    else this.options.doc.getSelection()?.removeAllRanges();
  }

  /**
   * Selects `span` in the page again and hands focus back to the page, after the reader dismissed our toolbar or a
   * draft note. The same selection does not bring the toolbar back until the reader changes it.
   */
  reselect(span: Span): void {
    const { doc, text } = this.options;
    const range = text.rangeOf(span);
    this.dismissed = { start: span.start, end: span.end };
    const host = this.options.uiHost();
    if (host instanceof HTMLElement) host.blur();
    const selection = doc.getSelection();
    if (!range || !selection) return;
    selection.removeAllRanges();
    selection.addRange(range);
  }

  /** Reads the page selection for a keyboard command: a shortcut is the reader's intent even on a dismissed selection. */
  takeSelection(): void {
    this.dismissed = null;
    this.updateSelection();
  }

  /** Moves keyboard focus into the selection toolbar (the "annotate selection" shortcut). */
  focusToolbar(): void {
    this.takeSelection();
    if (this.options.store.get().selection) this.options.store.set({ toolbarFocus: true });
  }

  /** Clicks on painted text open the matching card: the reader's own notes first, then entities, then claims. */
  handleClick(event: MouseEvent): void {
    const { doc, store, text, targets } = this.options;
    const map = text.map;
    if (!map || event.defaultPrevented || !doc.getSelection()?.isCollapsed) return;
    const host = this.options.uiHost();
    if (host && event.composedPath().includes(host)) return;
    const offset = offsetAtPoint(doc, map, event.clientX, event.clientY);
    if (offset === null) {
      if (store.get().card) store.set({ card: null });
      return;
    }
    const state = store.get();
    const x = event.clientX;
    const y = event.clientY;
    const placed = spanAt(
      state.annotations.filter((p): p is PlacedAnnotation & Span => p.start !== undefined && p.end !== undefined),
      offset,
    );
    if (placed && targets.isUnderPoint(placed, x, y)) {
      // A tracked detected claim opens the claim card (status, verdict, evidence); anything else its editor.
      const claimIndex = placed.annotation.kind === 'claim' ? state.claims.findIndex((c) => trackingAnnotation(state, c) === placed) : -1;
      if (claimIndex >= 0) openCard(store, text, { kind: 'claim', claimIndex }, placed);
      else openCard(store, text, { kind: 'annotation', annotationId: placed.annotation.id }, placed);
      return;
    }
    const target = targets.detectionAt(offset, x, y);
    if (target?.kind === 'entity') {
      openCard(store, text, { kind: 'entity', entityId: target.span.item.entityId }, target.span);
      return;
    }
    if (target?.kind === 'claim') {
      openCard(store, text, { kind: 'claim', claimIndex: target.span.item }, target.span);
      store.set({ currentClaim: target.span.item });
      return;
    }
    if (state.card) store.set({ card: null });
  }

  /**
   * Resting the pointer on an entity or claim previews its card without taking focus; leaving it (and the card)
   * closes the preview. A click, the keyboard, or an open non-preview card always win over hovering.
   */
  handlePointerMove(event: MouseEvent): void {
    const { doc, store, text, targets } = this.options;
    const map = text.map;
    if (!map) return;
    if (event.buttons !== 0) {
      this.hover.cancel();
      return;
    }
    const { card, selection } = store.get();
    if (selection || (card && !isPreview(card))) return;
    const offset = offsetAtPoint(doc, map, event.clientX, event.clientY);
    const target = offset === null ? undefined : targets.detectionAt(offset, event.clientX, event.clientY);
    if (!target) {
      this.hover.pointAt(undefined);
    } else if (target.kind === 'entity') {
      const { entityId } = target.span.item;
      this.hover.pointAt({
        key: `entity:${entityId}`,
        open: () => openCard(store, text, { kind: 'entity', entityId, preview: true }, target.span),
      });
    } else {
      const claimIndex = target.span.item;
      this.hover.pointAt({
        key: `claim:${claimIndex}`,
        open: () => openCard(store, text, { kind: 'claim', claimIndex, preview: true }, target.span),
      });
    }
  }

  /** The pointer is on (true) or left (false) a preview card: keep it open while the reader is on it. */
  holdPreview(held: boolean): void {
    this.hover.hold(held);
  }

  dispose(): void {
    clearTimeout(this.selectionTimer);
    if (this.pointerFrame) this.options.doc.defaultView?.cancelAnimationFrame(this.pointerFrame);
    this.hover.dispose();
  }
}
