// One page visit: find the article, map its text, ask the background to detect and to load saved notes,
// paint everything, and turn the reader's gestures into stored annotations. The UI only sees PageState.
import { offsetAtPoint, rangeContainsPoint, spanAt } from '../../anchoring/hit-test';
import { anchorAll } from '../../anchoring/match';
import { createPainter, type Painter } from '../../anchoring/paint';
import { describeDocumentRange } from '../../anchoring/document-text';
import { describeRange } from '../../anchoring/selectors';
import { buildTextMap, offsetsFromRange, rangeFromOffsets, type TextMap } from '../../anchoring/text-map';
import { findArticleAsync, type ArticleFinding } from '../../detect/article';
import type { Analysis } from '../../detect/analyze';
import type { EntityMention } from '../../detect/types';
import type { PageReport, VisitResponse } from '../../storage/api';
import { hashArticleText, pageAddress } from '../../storage/article-identity';
import { displayModeFor, isSiteEnabled } from '../../storage/settings';
import type { Annotation, AnnotationKind, Article, DisplayMode, HighlightColor, Settings } from '../../storage/types';
import { claimsByBand, countWords, planDisplay, type DisplayPlan } from '../../page/display-mode';
import type { PageActions, PageState, PaintKind, PlacedAnnotation, Rect, Store } from '../../components/page/page-state';
import { trackingAnnotation } from '../../components/page/page-state';
import { PUBLIC_LAYERS, PRIVATE_LAYERS, ENTITY_LAYERS } from './layer-styles';
import { HoverPreview } from './hover-preview';
import { ask, BackgroundError } from './messaging';
import { readPage } from './read-page';

const FLASH_MS = 1600;
/** Pages change under us (live blogs, single-page apps); wait for them to settle before re-reading. */
const RESCAN_DEBOUNCE_MS = 1200;
/** A page larger than this is cut: detection stays responsive and nothing freezes on an endless feed. */
const MAX_TEXT_CHARS = 600_000;
/**
 * When to look again for an article that was not there at first (ms after the first scan). AMP's boilerplate reveals a
 * page after 8 s when its runtime fails; the later checks cover slow single-page apps.
 */
const LATE_ARTICLE_CHECKS_MS = [2_000, 9_000, 20_000];
/** Less article text than this (a headline and a standfirst) means the body has not been shown yet. */
const LATE_ARTICLE_MIN_CHARS = 500;

export interface SessionOptions {
  doc: Document;
  store: Store<PageState>;
  /** The element that hosts our UI: mutations inside it are ours and never trigger a re-scan. */
  uiHost: () => Element | null;
  /** Marks progress on the UI host so tests (and curious readers) can see where the session is. */
  onPhase?: (phase: PageState['phase']) => void;
}

interface Painted<T> {
  start: number;
  end: number;
  item: T;
}

export class PageSession {
  private readonly doc: Document;
  private readonly store: Store<PageState>;
  private readonly painter: Painter;
  private finding: ArticleFinding | null = null;
  private root: Element | null = null;
  private map: TextMap | null = null;
  private article: Article | null = null;
  private settings: Settings | null = null;
  private analysis: Analysis = { entities: [], groups: [], claims: [] };
  private plan: DisplayPlan = planDisplay({ mode: 'read', claims: [], words: 0 });
  private entitySpans: Painted<EntityMention>[] = [];
  private claimSpans: Painted<number>[] = [];
  private forced = false;
  /** A selection the reader dismissed (Escape): kept in the page, but it does not reopen the toolbar. */
  private dismissed: { start: number; end: number } | null = null;
  private rescanTimer: ReturnType<typeof setTimeout> | undefined;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  private observer: MutationObserver | null = null;
  private lateTimers: ReturnType<typeof setTimeout>[] = [];
  private stopLateListeners: () => void = () => undefined;
  private running: Promise<void> | null = null;
  private readonly hover = new HoverPreview({
    previewOpen: () => isPreview(this.store.get().card),
    mayPreview: () => {
      const { card, selection } = this.store.get();
      return !selection && (!card || isPreview(card));
    },
    closePreview: () => this.store.set({ card: null }),
  });
  private resolveMapped: () => void = () => undefined;
  /**
   * Settles once the article text has been read. The UI mounts after that: inserting it invalidates the page's
   * styles, and the text map's style reads would then pay for a full recalculation inside our task.
   */
  readonly mapped = new Promise<void>((done) => (this.resolveMapped = done));

  constructor(private readonly options: SessionOptions) {
    this.doc = options.doc;
    this.store = options.store;
    this.painter = createPainter(this.doc, PUBLIC_LAYERS, {
      privateLayers: PRIVATE_LAYERS,
      // The e2e build opens it so tests can count the boxes; the store build keeps it closed, as the UI.
      shadowMode: import.meta.env.MODE === 'e2e' ? 'open' : 'closed',
    });
  }

  /** Runs the whole pipeline; a second call while one runs waits for it (re-scans never overlap). */
  start(force = false): Promise<void> {
    this.forced ||= force;
    const run = (this.running ?? Promise.resolve()).then(() => this.scan()).catch((error) => this.fail(error));
    this.running = run;
    return run;
  }

  private async scan(): Promise<void> {
    // Marks let the benchmark (and a curious reader's dev tools) see how long a visit takes.
    performance.mark('newslens:scan-start');
    this.setPhase('scanning');
    // Start in a task of our own, apart from the script's start-up work.
    await yieldToPage();
    this.finding = await findArticleAsync(this.doc, readPage);
    performance.mark('newslens:found');
    await yieldToPage();
    const { isArticle, metadata } = this.finding;
    const treatAsArticle = isArticle || this.forced;
    this.root = (isArticle && this.finding.root) || this.doc.body || this.doc.documentElement;
    await yieldToPage();
    this.map = buildTextMap(this.root, { skip: skipFor(this.finding), maxChars: MAX_TEXT_CHARS });
    this.resolveMapped();
    performance.mark('newslens:mapped');
    await yieldToPage();
    const visit = await ask<VisitResponse>({ type: 'page/visit', record: treatAsArticle, page: await this.pageReport() });
    this.article = visit.article;
    this.settings = visit.settings;
    this.store.set({
      isArticle,
      articleTitle: visit.article?.title ?? metadata.headline ?? this.doc.title,
      textChanged: visit.textChanged,
      hiddenKinds: [...visit.settings.hiddenKinds],
      defaultColor: visit.settings.defaultColor,
    });
    const detect = treatAsArticle && isSiteEnabled(visit.settings, this.doc.location.hostname);
    this.analysis = detect
      ? await ask<Analysis>({
          type: 'detect/run',
          text: this.map.text,
          entities: visit.settings.detectEntities,
          claims: visit.settings.detectClaims,
        })
      : { entities: [], groups: [], claims: [] };
    this.store.set({ groups: this.analysis.groups, claims: this.analysis.claims });
    this.applyMode(displayModeFor(visit.settings, this.doc.location.hostname));
    await yieldToPage();
    this.paintDetections();
    await yieldToPage();
    await this.placeAnnotations(visit.annotations);
    void this.refreshTags();
    performance.mark('newslens:painted');
    this.setPhase(treatAsArticle || visit.annotations.length ? 'ready' : 'not-article');
    this.watchForChanges();
  }

  private setPhase(phase: PageState['phase']): void {
    this.store.set({ phase });
    this.options.onPhase?.(phase);
  }

  private fail(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.store.set({ error: message });
    if (this.store.get().phase === 'scanning') this.setPhase('error');
  }

  // ---- painting -------------------------------------------------------------------------------

  /** Plans what the mode paints (see page/display-mode.ts) and publishes it; the caller repaints. */
  private applyMode(mode: DisplayMode): void {
    const { claims } = this.analysis;
    this.plan = planDisplay({ mode, claims, words: countWords(this.map?.text ?? '') });
    this.store.set({ mode, claimOrder: this.plan.claimOrder, currentClaim: -1 });
  }

  private paintDetections(): void {
    const map = this.map;
    if (!map) return;
    const hidden = new Set(this.store.get().hiddenKinds);
    const { entityStyle } = this.plan;
    const { claims } = this.analysis;
    this.entitySpans = entityStyle === 'off' ? [] : this.analysis.entities.map((m) => ({ start: m.start, end: m.end, item: m }));
    // Hit-testing (spanAt) needs the spans in text order; the plan lists them by rank.
    this.claimSpans = this.plan.claimOrder
      .flatMap((i) => {
        const claim = claims[i];
        return claim ? [{ start: claim.start, end: claim.end, item: i }] : [];
      })
      .sort((a, b) => a.start - b.start);
    for (const kind of Object.keys(ENTITY_LAYERS) as (keyof typeof ENTITY_LAYERS)[]) {
      const ranges = hidden.has(kind) || entityStyle === 'off' ? [] : this.rangesOf(this.analysis.entities.filter((m) => m.type === kind));
      this.paint(kind, entityStyle === 'full' ? ranges : []);
      this.paint(`${kind}-quiet`, entityStyle === 'quiet' ? ranges : []);
    }
    const bands = claimsByBand(this.plan, claims);
    for (const band of ['high', 'medium', 'low'] as const) {
      const painted = hidden.has('claim') ? [] : bands[band].flatMap((i) => (claims[i] ? [claims[i]] : []));
      this.paint(`claim-${band}`, this.rangesOf(painted));
    }
  }

  private paintAnnotations(): void {
    const byColor = new Map<HighlightColor, Range[]>();
    for (const placed of this.store.get().annotations) {
      if (placed.start === undefined || placed.end === undefined) continue;
      const range = this.map && rangeFromOffsets(this.map, placed.start, placed.end);
      if (!range) continue;
      const list = byColor.get(placed.annotation.color) ?? [];
      list.push(range);
      byColor.set(placed.annotation.color, list);
    }
    for (const color of ['yellow', 'green', 'blue', 'pink', 'purple'] as const) this.paint(`hl-${color}`, byColor.get(color) ?? []);
  }

  /**
   * The fallback painter (no Custom Highlight API) wraps text in elements; those mutations are ours, so their
   * records are taken off the observer's queue before it can mistake them for the page changing.
   */
  private paint(layer: string, ranges: readonly Range[]): void {
    if (ranges.length) this.painter.set(layer, ranges);
    else this.painter.clear(layer);
    if (this.painter.native) return;
    this.observer?.takeRecords();
    // Wrapping split the text nodes the map points into; the text is unchanged, so re-reading it keeps every offset.
    if (this.root) this.map = buildTextMap(this.root, { skip: skipFor(this.finding), maxChars: MAX_TEXT_CHARS });
  }

  private rangesOf(spans: readonly { start: number; end: number }[]): Range[] {
    const map = this.map;
    if (!map) return [];
    const ranges: Range[] = [];
    for (const span of spans) {
      const range = rangeFromOffsets(map, span.start, span.end);
      if (range) ranges.push(range);
    }
    return ranges;
  }

  private flash(spans: readonly { start: number; end: number }[]): void {
    clearTimeout(this.flashTimer);
    this.paint('flash', this.rangesOf(spans));
    this.flashTimer = setTimeout(() => this.paint('flash', []), FLASH_MS);
  }

  private scrollToSpan(span: { start: number; end: number }): Rect | null {
    const range = this.map && rangeFromOffsets(this.map, span.start, span.end);
    if (!range) return null;
    const element = range.startContainer.parentElement;
    element?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    return toRect(range.getBoundingClientRect());
  }

  // ---- saved annotations ----------------------------------------------------------------------

  private async placeAnnotations(annotations: Annotation[]): Promise<void> {
    const text = this.map?.text ?? '';
    // Notes the reader detached from changed text stay orphans; they are not looked for.
    const live = annotations.filter((a) => !a.anchor?.detached);
    const anchors = anchorAll(
      text,
      live.map((a) => ({ quote: a.target.quote, position: a.target.position })),
    );
    const byId = new Map(live.map((a, i) => [a.id, anchors[i]]));
    const placed: PlacedAnnotation[] = annotations.map((annotation) => {
      const anchor = byId.get(annotation.id);
      if (!anchor) return { annotation, quality: 'orphan', confidence: 0 };
      const found = anchor.quality === 'changed' ? text.slice(anchor.start, anchor.end) : undefined;
      return { annotation, quality: anchor.quality, confidence: anchor.confidence, start: anchor.start, end: anchor.end, ...(found !== undefined ? { found } : {}) };
    });
    this.store.set({ annotations: sortPlaced(placed) });
    this.paintAnnotations();
    const changed = placed.filter(
      (p) =>
        !p.annotation.anchor?.detached &&
        (p.annotation.anchor?.quality !== p.quality ||
          Math.abs((p.annotation.anchor?.confidence ?? -1) - p.confidence) > 0.01 ||
          p.annotation.anchor?.found !== p.found),
    );
    if (changed.length && this.article) {
      await ask({
        type: 'anchors/report',
        articleId: this.article.id,
        reports: changed.map((p) => ({ id: p.annotation.id, quality: p.quality, confidence: p.confidence, ...(p.found !== undefined ? { found: p.found } : {}) })),
      });
    }
  }

  private async ensureArticle(): Promise<Article> {
    if (this.article) return this.article;
    const visit = await ask<VisitResponse>({ type: 'page/visit', record: true, page: await this.pageReport() });
    if (!visit.article) throw new BackgroundError('unknown', 'NewsLens could not store this page.');
    this.article = visit.article;
    return visit.article;
  }

  /** What we tell the background about this page; it normalises the URL into the article's identity. */
  private async pageReport(): Promise<PageReport> {
    const metadata = this.finding?.metadata;
    // The bundled sample article is an extension page; it names its stand-in web address as its canonical URL.
    const web = /^https?:$/.test(this.doc.location.protocol);
    return {
      pageUrl: web || !metadata?.canonicalUrl ? this.doc.location.href : metadata.canonicalUrl,
      canonical: metadata?.canonicalUrl,
      title: metadata?.headline || this.doc.title,
      siteName: metadata?.siteName ?? this.doc.location.hostname.replace(/^www\./, ''),
      authors: metadata?.authors ?? [],
      publishedAt: metadata?.publishedAt,
      modifiedAt: metadata?.modifiedAt,
      lang: metadata?.lang,
      isArticle: this.finding?.isArticle ?? false,
      textHash: await hashArticleText(this.map?.text ?? ''),
    };
  }

  private async create(kind: AnnotationKind, span: { start: number; end: number }, extra: Partial<Annotation> = {}): Promise<PlacedAnnotation> {
    const map = this.map;
    if (!map) throw new Error('The page has not been read yet.');
    const article = await this.ensureArticle();
    const { quote, position } = describeRange(map.text, span.start, span.end);
    const range = rangeFromOffsets(map, span.start, span.end);
    const document = range ? describeDocumentRange(range) : null;
    const annotation = await ask<Annotation>({
      type: 'annotation/create',
      articleId: article.id,
      annotation: {
        kind,
        // The page's own address (host as the reader saw it, tracking parameters dropped), not the article's
        // normalised identity: W3C consumers open and match against the real page.
        target: { source: pageAddress(this.doc.location.href), quote, position, ...(document ? { document } : {}) },
        color: extra.color ?? this.settings?.defaultColor ?? 'yellow',
        note: extra.note ?? '',
        tags: extra.tags ?? [],
        ...(extra.claim ? { claim: extra.claim } : {}),
      },
    });
    const placed: PlacedAnnotation = { annotation, quality: 'exact', confidence: 1, start: span.start, end: span.end };
    this.store.set((s) => ({ annotations: sortPlaced([...s.annotations, placed]), selection: null }));
    this.paintAnnotations();
    this.doc.getSelection()?.removeAllRanges();
    void this.refreshTags();
    if (this.store.get().phase === 'not-article') this.setPhase('ready');
    return placed;
  }

  private async refreshTags(): Promise<void> {
    try {
      this.store.set({ knownTags: await ask<string[]>({ type: 'tags/list' }) });
    } catch {
      // Tag suggestions are a convenience; a failure here must not hide the page's highlights.
    }
  }

  /** Wraps an action so every failure (a full disk above all) is shown to the reader instead of lost. */
  private guard<A extends unknown[]>(run: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
    return async (...args: A) => {
      try {
        await run(...args);
      } catch (error) {
        this.store.set({ error: error instanceof Error ? error.message : String(error) });
      }
    };
  }

  // ---- reader gestures ------------------------------------------------------------------------

  /** Keeps state.selection in step with the page selection (offsets in the article text plus a rect for the toolbar). */
  updateSelection(): void {
    const map = this.map;
    const selection = this.doc.getSelection();
    if (!map || !selection || selection.rangeCount === 0 || selection.isCollapsed) {
      // Focus in our toolbar collapses the page selection; the reader is acting on the selection we kept.
      const host = this.options.uiHost();
      if (host && this.doc.activeElement === host) return;
      if (this.store.get().selection) this.store.set({ selection: null });
      return;
    }
    const range = selection.getRangeAt(0);
    const offsets = offsetsFromRange(map, range);
    if (!offsets || !map.text.slice(offsets.start, offsets.end).trim()) {
      this.store.set({ selection: null });
      return;
    }
    if (this.dismissed && this.dismissed.start === offsets.start && this.dismissed.end === offsets.end) return;
    this.dismissed = null;
    this.store.set({
      selection: { ...offsets, text: map.text.slice(offsets.start, offsets.end), rect: toRect(range.getBoundingClientRect()) },
      card: null,
      toolbarFocus: false,
    });
  }

  /** Clicks on painted text open the matching card: the reader's own notes first, then entities, then claims. */
  handleClick(event: MouseEvent): void {
    const map = this.map;
    if (!map || event.defaultPrevented || !this.doc.getSelection()?.isCollapsed) return;
    const host = this.options.uiHost();
    if (host && event.composedPath().includes(host)) return;
    const offset = offsetAtPoint(this.doc, map, event.clientX, event.clientY);
    if (offset === null) {
      if (this.store.get().card) this.store.set({ card: null });
      return;
    }
    const state = this.store.get();
    const x = event.clientX;
    const y = event.clientY;
    const placed = spanAt(
      state.annotations.filter((p): p is PlacedAnnotation & { start: number; end: number } => p.start !== undefined && p.end !== undefined),
      offset,
    );
    if (placed && this.isUnderPoint(placed, x, y)) {
      // A tracked detected claim opens the claim card (status, verdict, evidence); anything else its editor.
      const claimIndex = placed.annotation.kind === 'claim' ? state.claims.findIndex((c) => trackingAnnotation(state, c) === placed) : -1;
      if (claimIndex >= 0) this.openCardFor({ kind: 'claim', claimIndex }, placed);
      else this.openCardFor({ kind: 'annotation', annotationId: placed.annotation.id }, placed);
      return;
    }
    const target = this.detectionAt(offset, x, y);
    if (target?.kind === 'entity') {
      this.openCardFor({ kind: 'entity', entityId: target.span.item.entityId }, target.span);
      return;
    }
    if (target?.kind === 'claim') {
      this.openCardFor({ kind: 'claim', claimIndex: target.span.item }, target.span);
      this.store.set({ currentClaim: target.span.item });
      return;
    }
    if (state.card) this.store.set({ card: null });
  }

  /**
   * Resting the pointer on an entity or claim previews its card without taking focus; leaving it (and the card)
   * closes the preview. A click, the keyboard, or an open non-preview card always win over hovering.
   */
  handlePointerMove(event: MouseEvent): void {
    const map = this.map;
    if (!map) return;
    if (event.buttons !== 0) {
      this.hover.cancel();
      return;
    }
    const { card, selection } = this.store.get();
    if (selection || (card && !isPreview(card))) return;
    const offset = offsetAtPoint(this.doc, map, event.clientX, event.clientY);
    const target = offset === null ? undefined : this.detectionAt(offset, event.clientX, event.clientY);
    if (!target) {
      this.hover.pointAt(undefined);
    } else if (target.kind === 'entity') {
      const { entityId } = target.span.item;
      this.hover.pointAt({
        key: `entity:${entityId}`,
        open: () => this.openCardFor({ kind: 'entity', entityId, preview: true }, target.span),
      });
    } else {
      const claimIndex = target.span.item;
      this.hover.pointAt({
        key: `claim:${claimIndex}`,
        open: () => this.openCardFor({ kind: 'claim', claimIndex, preview: true }, target.span),
      });
    }
  }

  /** The painted detection under a text offset: an entity (more specific) before the claim around it. */
  private detectionAt(
    offset: number,
    x: number,
    y: number,
  ): { kind: 'entity'; span: Painted<EntityMention> } | { kind: 'claim'; span: Painted<number> } | undefined {
    const hidden = new Set(this.store.get().hiddenKinds);
    const entity = spanAt(this.entitySpans.filter((s) => !hidden.has(s.item.type)), offset);
    if (entity && this.isUnderPoint(entity, x, y)) return { kind: 'entity', span: entity };
    const claim = hidden.has('claim') ? undefined : spanAt(this.claimSpans, offset);
    return claim && this.isUnderPoint(claim, x, y) ? { kind: 'claim', span: claim } : undefined;
  }

  private isUnderPoint(span: { start: number; end: number }, x: number, y: number): boolean {
    const range = this.map && rangeFromOffsets(this.map, span.start, span.end);
    return !!range && rangeContainsPoint(range, x, y);
  }

  private openCardFor(
    card:
      | { kind: 'entity'; entityId: string; preview?: boolean }
      | { kind: 'claim'; claimIndex: number; preview?: boolean }
      | { kind: 'annotation'; annotationId: string; focusNote?: boolean }
      | { kind: 'draft'; start: number; end: number; text: string },
    span: { start: number; end: number },
  ): void {
    const range = this.map && rangeFromOffsets(this.map, span.start, span.end);
    const rect = range ? toRect(range.getBoundingClientRect()) : { top: 80, left: 80, width: 0, height: 0 };
    this.store.set({ card: { ...card, rect } as PageState['card'], selection: null });
  }

  readonly actions: PageActions = {
    highlightSelection: this.guard(async (color?: HighlightColor) => {
      const selection = this.store.get().selection;
      if (selection) await this.create('highlight', selection, color ? { color } : {});
    }),
    noteSelection: this.guard(async () => {
      const selection = this.store.get().selection;
      if (!selection) return;
      const { start, end, text } = selection;
      // Nothing is stored yet: a note cancelled with Escape leaves no empty note behind.
      this.openCardFor({ kind: 'draft', start, end, text }, selection);
    }),
    saveDraft: async (span, patch) => {
      const placed = await this.create('note', span, patch);
      this.openCardFor({ kind: 'annotation', annotationId: placed.annotation.id }, span);
    },
    tagSelection: this.guard(async (tags: string[]) => {
      const selection = this.store.get().selection;
      if (selection) await this.create('highlight', selection, { tags });
    }),
    trackSelectionAsClaim: this.guard(async () => {
      const selection = this.store.get().selection;
      if (!selection) return;
      const placed = await this.create('claim', selection, {
        color: 'pink',
        claim: { status: 'unstarted', verdict: '', evidence: [] },
      });
      this.openCardFor({ kind: 'annotation', annotationId: placed.annotation.id }, selection);
    }),
    trackClaim: this.guard(async (claimIndex: number) => {
      const claim = this.store.get().claims[claimIndex];
      if (!claim || trackingAnnotation(this.store.get(), claim)) return;
      await this.create('claim', claim, {
        color: 'pink',
        claim: { status: 'unstarted', verdict: '', evidence: [], ...(claim.speaker ? { claimant: claim.speaker } : {}) },
      });
      this.openCardFor({ kind: 'claim', claimIndex }, claim);
    }),
    // Not guarded: the editing card shows the failure itself (a conflict must keep the reader's text and say why).
    updateAnnotation: async (id, patch) => {
      const updated = await ask<Annotation>({ type: 'annotation/update', id, patch });
      this.store.set((s) => ({ annotations: s.annotations.map((p) => (p.annotation.id === id ? { ...p, annotation: updated } : p)) }));
      this.paintAnnotations();
      void this.refreshTags();
    },
    acceptChange: this.guard(async (id) => {
      const placed = this.store.get().annotations.find((p) => p.annotation.id === id);
      if (!this.map || placed?.start === undefined || placed.end === undefined) return;
      const { quote, position } = describeRange(this.map.text, placed.start, placed.end);
      const updated = await ask<Annotation>({ type: 'annotation/update', id, patch: { target: { ...placed.annotation.target, quote, position } } });
      this.store.set((s) => ({
        annotations: s.annotations.map((p) => (p.annotation.id === id ? { annotation: updated, quality: 'exact', confidence: 1, start: p.start, end: p.end } : p)),
      }));
      this.paintAnnotations();
    }),
    detachAnnotation: this.guard(async (id) => {
      const updated = await ask<Annotation>({ type: 'annotation/update', id, patch: { detached: true } });
      this.store.set((s) => ({
        annotations: s.annotations.map((p) => (p.annotation.id === id ? { annotation: updated, quality: 'orphan', confidence: 0 } : p)),
        card: null,
      }));
      this.paintAnnotations();
    }),
    deleteAnnotation: this.guard(async (id) => {
      const removed = this.store.get().annotations.find((p) => p.annotation.id === id);
      await ask({ type: 'annotation/delete', id });
      this.store.set((s) => ({
        annotations: s.annotations.filter((p) => p.annotation.id !== id),
        card: null,
        toast: {
          message: `${kindLabel(removed?.annotation.kind)} deleted.`,
          undo: () => void this.restore(id, removed),
        },
      }));
      this.paintAnnotations();
    }),
    openAnnotation: (id) => {
      const placed = this.store.get().annotations.find((p) => p.annotation.id === id);
      if (placed?.start !== undefined && placed.end !== undefined) {
        this.openCardFor({ kind: 'annotation', annotationId: id }, { start: placed.start, end: placed.end });
      }
    },
    toggleKind: (kind: PaintKind) => {
      this.store.set((s) => ({
        hiddenKinds: s.hiddenKinds.includes(kind) ? s.hiddenKinds.filter((k) => k !== kind) : [...s.hiddenKinds, kind],
        card: null,
      }));
      this.paintDetections();
    },
    highlightAllMentions: (entityId) => {
      const mentions = this.analysis.entities.filter((m) => m.entityId === entityId);
      const first = mentions[0];
      if (!first) return;
      this.store.set({ card: null });
      this.scrollToSpan(first);
      this.flash(mentions);
    },
    stepClaim: (direction) => {
      // Steps through the painted claims in rank order (most check-worthy first), not in reading order.
      const { claims, claimOrder, currentClaim, hiddenKinds } = this.store.get();
      if (!claimOrder.length || hiddenKinds.includes('claim')) return;
      const at = claimOrder.indexOf(currentClaim);
      const step = at < 0 ? (direction === 1 ? 0 : claimOrder.length - 1) : (at + direction + claimOrder.length) % claimOrder.length;
      const next = claimOrder[step] ?? -1;
      const claim = claims[next];
      if (!claim) return;
      const rect = this.scrollToSpan(claim);
      this.flash([claim]);
      this.store.set({ currentClaim: next, card: { kind: 'claim', claimIndex: next, rect: rect ?? { top: 80, left: 80, width: 0, height: 0 } } });
    },
    scrollToAnnotation: (id) => {
      const placed = this.store.get().annotations.find((p) => p.annotation.id === id);
      if (placed?.start === undefined || placed.end === undefined) return;
      const span = { start: placed.start, end: placed.end };
      this.scrollToSpan(span);
      this.flash([span]);
    },
    closeCard: () => {
      const { card } = this.store.get();
      this.store.set({ card: null });
      // Cancelling a note goes back to the words it was for, selected, so the reader can choose again.
      if (card?.kind === 'draft') this.reselect(card);
    },
    holdPreview: (held) => this.hover.hold(held),
    dismissSelection: () => {
      const { selection } = this.store.get();
      this.store.set({ selection: null });
      if (selection) this.reselect(selection);
      else this.doc.getSelection()?.removeAllRanges();
    },
    dismissError: () => this.store.set({ error: null }),
    dismissToast: () => this.store.set({ toast: null }),
    annotateAnyway: () => void this.start(true),
    setMode: (mode) => {
      this.applyMode(mode);
      this.store.set({ card: null });
      this.paintDetections();
      // Remembered for this site; a failure to save must not undo what the reader sees now.
      void ask({ type: 'settings/site-mode', hostname: this.doc.location.hostname, mode }).catch((error) =>
        this.store.set({ error: error instanceof Error ? error.message : String(error) }),
      );
    },
    toggleShortcuts: (open) => this.store.set({ shortcutsOpen: open, card: null }),
  };

  /**
   * Selects `span` in the page again and hands focus back to the page, after the reader dismissed our toolbar or a draft.
   * The same selection does not bring the toolbar back until the reader changes it.
   */
  private reselect(span: { start: number; end: number }): void {
    const range = this.map && rangeFromOffsets(this.map, span.start, span.end);
    this.dismissed = { start: span.start, end: span.end };
    const host = this.options.uiHost();
    if (host instanceof HTMLElement) host.blur();
    const selection = this.doc.getSelection();
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
    if (this.store.get().selection) this.store.set({ toolbarFocus: true });
  }

  private async restore(id: string, removed: PlacedAnnotation | undefined): Promise<void> {
    try {
      const annotation = await ask<Annotation>({ type: 'annotation/restore', id });
      const placed: PlacedAnnotation = removed ? { ...removed, annotation } : { annotation, quality: 'orphan', confidence: 0 };
      this.store.set((s) => ({ annotations: sortPlaced([...s.annotations, placed]), toast: null }));
      this.paintAnnotations();
    } catch (error) {
      this.store.set({ error: error instanceof Error ? error.message : String(error) });
    }
  }

  // ---- side panel -----------------------------------------------------------------------------

  /** Length of the article text (UTF-16 code units), the scale of the side panel's article map. */
  textLength(): number {
    return this.map?.text.length ?? 0;
  }

  articleId(): string | null {
    return this.article?.id ?? null;
  }

  /** The viewport box of a span of the article text, or null when it cannot be mapped back to the page. */
  rectOf(span: { start: number; end: number }): Rect | null {
    const range = this.map && rangeFromOffsets(this.map, span.start, span.end);
    return range ? toRect(range.getBoundingClientRect()) : null;
  }

  /** Scrolls to a detected claim and flashes it, without opening a card (the side panel keeps focus). */
  showClaim(index: number): void {
    const claim = this.store.get().claims[index];
    if (!claim) return;
    this.scrollToSpan(claim);
    this.flash([claim]);
    this.store.set({ currentClaim: index });
  }

  /** Re-reads the reader's annotations from storage (the side panel edited them) and repaints them. */
  async reloadAnnotations(): Promise<void> {
    const visit = await ask<VisitResponse>({ type: 'page/visit', record: false, page: await this.pageReport() });
    await this.placeAnnotations(visit.annotations);
  }

  // ---- popup and keyboard commands -------------------------------------------------------------

  status() {
    const state = this.store.get();
    return {
      articleId: this.article?.id ?? null,
      isArticle: state.isArticle,
      entities: state.groups.map((g) => ({ canonical: g.canonical, type: g.type, count: g.count })),
      claims: state.claims.map((c) => ({ text: c.text, score: c.score, ...(c.speaker ? { speaker: c.speaker } : {}) })),
      orphans: state.annotations.filter((p) => p.quality === 'orphan').length,
      textChanged: state.textChanged,
    };
  }

  // ---- pages that change after load ------------------------------------------------------------

  private watchForChanges(): void {
    this.watchForLateArticle();
    if (this.observer || !this.doc.body) return;
    this.observer = new MutationObserver((mutations) => {
      const host = this.options.uiHost();
      const relevant = mutations.some((m) => !(host && (m.target === host || host.contains(m.target))));
      if (!relevant) return;
      clearTimeout(this.rescanTimer);
      this.rescanTimer = setTimeout(() => void this.rescanIfChanged(), RESCAN_DEBOUNCE_MS);
    });
    this.observer.observe(this.doc.body, { childList: true, subtree: true, characterData: true });
  }

  /**
   * Some pages show their article without changing the DOM: an AMP page whose runtime failed to load keeps its body
   * hidden until the boilerplate's 8-second CSS animation ends, so the text map first reads nothing and no mutation ever
   * follows. While no article has been found, look again when an animation or transition ends and a few times as the
   * page settles (LATE_ARTICLE_CHECKS_MS), and stop once one is found.
   */
  private watchForLateArticle(): void {
    // An article whose text reads as (nearly) nothing is not on screen yet either.
    const waiting = !this.forced && (!this.finding?.isArticle || (this.map?.text.trim().length ?? 0) < LATE_ARTICLE_MIN_CHARS);
    if (!waiting) {
      this.stopWatchingForLateArticle();
      return;
    }
    if (this.lateTimers.length) return;
    const check = () => {
      if (this.finding?.isArticle && (this.map?.text.trim().length ?? 0) >= LATE_ARTICLE_MIN_CHARS) return this.stopWatchingForLateArticle();
      clearTimeout(this.rescanTimer);
      this.rescanTimer = setTimeout(() => void this.rescanIfChanged(), RESCAN_DEBOUNCE_MS);
    };
    this.lateTimers = LATE_ARTICLE_CHECKS_MS.map((ms) => setTimeout(check, ms));
    this.doc.addEventListener('animationend', check, true);
    this.doc.addEventListener('transitionend', check, true);
    this.stopLateListeners = () => {
      this.doc.removeEventListener('animationend', check, true);
      this.doc.removeEventListener('transitionend', check, true);
    };
  }

  private stopWatchingForLateArticle(): void {
    for (const timer of this.lateTimers) clearTimeout(timer);
    this.lateTimers = [];
    this.stopLateListeners();
    this.stopLateListeners = () => undefined;
  }

  private async rescanIfChanged(): Promise<void> {
    if (!this.map || !this.root) return;
    const finding = await findArticleAsync(this.doc, readPage);
    await yieldToPage();
    const root = (finding.isArticle && finding.root) || this.doc.body || this.doc.documentElement;
    const map = buildTextMap(root, { skip: skipFor(finding), maxChars: MAX_TEXT_CHARS });
    const sameNodes = map.nodes.length === this.map.nodes.length && map.nodes.every((n, i) => n === this.map?.nodes[i]);
    if (map.text === this.map.text && sameNodes) return;
    if (map.text === this.map.text) {
      // Same words re-rendered into new nodes: re-point the paint, no need to detect again.
      this.map = map;
      this.root = root;
      this.finding = finding;
      this.paintDetections();
      this.paintAnnotations();
      return;
    }
    await this.start();
  }

  dispose(): void {
    this.stopWatchingForLateArticle();
    this.observer?.disconnect();
    clearTimeout(this.rescanTimer);
    clearTimeout(this.flashTimer);
    this.hover.dispose();
    this.painter.dispose();
  }
}

/**
 * Inside a detected article only the blocks Readability kept are read; on any other page (annotated because the
 * reader asked) the reader decides what matters, so nothing is left out.
 */
function skipFor(finding: ArticleFinding | null): ((el: Element) => boolean) | undefined {
  return finding?.isArticle ? finding.skip : undefined;
}


/** Gives the page's own work (input, rendering) a turn between our steps, so no single task of ours runs long. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((done) => setTimeout(done, 0));
}

function isPreview(card: PageState['card']): boolean {
  return !!card && 'preview' in card && card.preview === true;
}

function sortPlaced(list: PlacedAnnotation[]): PlacedAnnotation[] {
  return [...list].sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity) || a.annotation.createdAt.localeCompare(b.annotation.createdAt));
}

function toRect(r: DOMRect): Rect {
  return { top: r.top, left: r.left, width: r.width, height: r.height };
}

function kindLabel(kind: AnnotationKind | undefined): string {
  return kind === 'note' ? 'Note' : kind === 'claim' ? 'Tracked claim' : 'Highlight';
}
