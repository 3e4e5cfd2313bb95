// What is painted on the page: detected entities (by type) and claims (by band), the reader's highlights (by colour),
// and a short flash when something is pointed at. Painting never changes the page's text.
import { rangeContainsPoint, spanAt } from '../anchoring/hit-test';
import { createPainter, type Painter } from '../anchoring/paint';
import type { Analysis } from '../detect/analyze';
import type { ClaimBand } from '../detect/claim-bands';
import type { EntityMention, EntityType } from '../detect/types';
import type { PageState, Store } from '../components/page/page-state';
import { HIGHLIGHT_COLORS, type DisplayMode, type HighlightColor } from '../storage/types';
import { claimsByBand, countWords, planDisplay, type DisplayPlan } from './display-mode';
import { ENTITY_LAYERS, PRIVATE_LAYERS, PUBLIC_LAYERS } from './layer-styles';
import type { PageText, Span } from './page-text';

/** How long a flashed passage stays marked (ms). */
export const FLASH_MS = 1600;

/** A detection as painted: its span and what it is (an entity mention, or the index of a claim in `state.claims`). */
export type DetectionHit = { kind: 'entity'; span: Span & { item: EntityMention } } | { kind: 'claim'; span: Span & { item: number } };

export interface OverlayOptions {
  doc: Document;
  store: Store<PageState>;
  text: PageText;
  /**
   * Called after the fallback painter (no Custom Highlight API) wrapped or unwrapped text: those mutations are ours,
   * and the session takes them off its observer's queue so they are not mistaken for the page changing.
   */
  onOwnMutation?: () => void;
  /**
   * Shadow-root mode of the private overlay that holds the reader's highlights: `closed` in the store build, `open` in
   * the e2e build so tests can count the boxes. Unit tests that look inside pass `open`.
   */
  privateShadowMode?: ShadowRootMode;
}

export class Overlay {
  private readonly painter: Painter;
  private analysis: Analysis = { entities: [], groups: [], claims: [] };
  private plan: DisplayPlan = planDisplay({ mode: 'read', claims: [], words: 0 });
  private entitySpans: (Span & { item: EntityMention })[] = [];
  private claimSpans: (Span & { item: number })[] = [];
  private flashTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: OverlayOptions) {
    this.painter = createPainter(options.doc, PUBLIC_LAYERS, {
      // The reader's highlights and the flash are painted in our closed shadow root, out of the page's reach.
      privateLayers: PRIVATE_LAYERS,
      shadowMode: options.privateShadowMode ?? (import.meta.env.MODE === 'e2e' ? 'open' : 'closed'),
    });
  }

  /** Takes a new detection result and the page's display mode, plans what the mode shows, and paints it. */
  showDetections(analysis: Analysis, mode: DisplayMode): void {
    this.analysis = analysis;
    this.applyMode(mode);
    this.paintDetections();
  }

  /**
   * Plans what `mode` paints (page/display-mode.ts: entity style, which claims by rank) and publishes the mode and the
   * painted claims' rank order to the store; the caller repaints with {@link paintDetections}.
   */
  applyMode(mode: DisplayMode): void {
    const { claims } = this.analysis;
    this.plan = planDisplay({ mode, claims, words: countWords(this.options.text.map?.text ?? '') });
    this.options.store.set({ mode, claimOrder: this.plan.claimOrder, currentClaim: -1 });
  }

  /** Repaints detections from the plan and `state.hiddenKinds` (after the reader shows or hides a kind, or the text moved). */
  paintDetections(): void {
    const hidden = new Set(this.options.store.get().hiddenKinds);
    const { entities, claims } = this.analysis;
    const { entityStyle } = this.plan;
    this.entitySpans = entityStyle === 'off' ? [] : entities.map((m) => ({ start: m.start, end: m.end, item: m }));
    // Hit-testing (spanAt) needs the spans in text order; the plan lists them by rank.
    this.claimSpans = this.plan.claimOrder
      .flatMap((i) => {
        const claim = claims[i];
        return claim ? [{ start: claim.start, end: claim.end, item: i }] : [];
      })
      .sort((a, b) => a.start - b.start);
    for (const kind of Object.keys(ENTITY_LAYERS) as EntityType[]) {
      const spans = hidden.has(kind) || entityStyle === 'off' ? [] : entities.filter((m) => m.type === kind);
      this.paint(kind, entityStyle === 'full' ? spans : []);
      this.paint(`${kind}-quiet`, entityStyle === 'quiet' ? spans : []);
    }
    const bands = claimsByBand(this.plan, claims);
    for (const band of ['high', 'medium', 'low'] as const satisfies readonly ClaimBand[]) {
      this.paint(`claim-${band}`, hidden.has('claim') ? [] : bands[band].flatMap((i) => (claims[i] ? [claims[i]] : [])));
    }
  }

  /** Paints every placed annotation of `state.annotations` in its colour; orphans have no place and are skipped. */
  paintAnnotations(): void {
    const byColor = new Map<HighlightColor, Span[]>();
    for (const placed of this.options.store.get().annotations) {
      if (placed.start === undefined || placed.end === undefined) continue;
      byColor.set(placed.annotation.color, [...(byColor.get(placed.annotation.color) ?? []), { start: placed.start, end: placed.end }]);
    }
    for (const color of HIGHLIGHT_COLORS) this.paint(`hl-${color}`, byColor.get(color) ?? []);
  }

  /** Every mention of one entity, in text order. */
  mentionsOf(entityId: string): EntityMention[] {
    return this.analysis.entities.filter((m) => m.entityId === entityId);
  }

  /** Marks the spans for {@link FLASH_MS}, replacing any flash still showing. */
  flash(spans: readonly Span[]): void {
    clearTimeout(this.flashTimer);
    this.paint('flash', spans);
    this.flashTimer = setTimeout(() => this.paint('flash', []), FLASH_MS);
  }

  /** The painted detection under a text offset and a point: an entity (more specific) before the claim around it. */
  detectionAt(offset: number, x: number, y: number): DetectionHit | undefined {
    const hidden = new Set(this.options.store.get().hiddenKinds);
    const entity = spanAt(this.entitySpans.filter((s) => !hidden.has(s.item.type)), offset);
    if (entity && this.isUnderPoint(entity, x, y)) return { kind: 'entity', span: entity };
    const claim = hidden.has('claim') ? undefined : spanAt(this.claimSpans, offset);
    return claim && this.isUnderPoint(claim, x, y) ? { kind: 'claim', span: claim } : undefined;
  }

  /** The span's text is drawn under the point (a caret position can be past the end of a line). */
  isUnderPoint(span: Span, x: number, y: number): boolean {
    const range = this.options.text.rangeOf(span);
    return !!range && rangeContainsPoint(range, x, y);
  }

  dispose(): void {
    clearTimeout(this.flashTimer);
    this.painter.dispose();
  }

  private paint(layer: string, spans: readonly Span[]): void {
    const { text } = this.options;
    if (this.painter.native) {
      const ranges = text.rangesOf(spans);
      if (ranges.length) this.painter.set(layer, ranges);
      else this.painter.clear(layer);
      return;
    }
    // The fallback wraps text in elements and unwrapping merges text nodes again, so each DOM change is followed by a
    // re-read of the map (the text is unchanged, so every offset holds) before ranges are taken from it.
    this.painter.clear(layer);
    this.afterOwnMutation();
    if (!spans.length) return;
    this.painter.set(layer, text.rangesOf(spans));
    this.afterOwnMutation();
  }

  private afterOwnMutation(): void {
    this.options.onOwnMutation?.();
    if (this.options.text.root) this.options.text.read();
  }
}
