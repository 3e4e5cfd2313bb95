// One page visit: find the article, map its text, ask the background to detect and to load saved notes, and keep
// that up to date when the page changes. The work is done by collaborators that only know narrow interfaces:
// PageText (the text and its map), Overlay (what is painted), Pointer (selection, clicks, hovers) and
// ReaderAnnotations (the reader's own notes). The UI only sees PageState and PageActions.
import type { PageActions, PageState, Rect, Store } from '../components/page/page-state';
import type { PageReport, TabStatus } from '../storage/api';
import { hashArticleText } from '../storage/article-identity';
import { displayModeFor, isSiteEnabled, siteKey } from '../storage/site-key';
import type { Article, PaintKind, Settings } from '../storage/types';
import { ReaderAnnotations } from './annotations';
import { placeCard } from './cards';
import { articleShown, LateArticleWatch } from './late-article';
import { BackgroundError, type Ask } from './messaging';
import { Overlay } from './overlay';
import { PageText, yieldToPage } from './page-text';
import { Pointer } from './pointer';
import { readPage } from './read-page';

/** Pages change under us (live blogs, single-page apps); wait this long (ms) for them to settle before re-reading. */
const RESCAN_DEBOUNCE_MS = 1200;

export interface SessionOptions {
  doc: Document;
  store: Store<PageState>;
  ask: Ask;
  /** The element that hosts our UI: mutations inside it are ours and never trigger a re-scan. */
  uiHost: () => Element | null;
  /** Marks progress on the UI host so tests (and curious readers) can see where the session is. */
  onPhase?: (phase: PageState['phase']) => void;
}

export class PageSession {
  readonly text: PageText;
  readonly overlay: Overlay;
  readonly pointer: Pointer;
  readonly annotations: ReaderAnnotations;
  readonly actions: PageActions;
  private readonly doc: Document;
  private readonly store: Store<PageState>;
  private article: Article | null = null;
  private settings: Settings | null = null;
  private forced = false;
  private rescanTimer: ReturnType<typeof setTimeout> | undefined;
  private observer: MutationObserver | null = null;
  private readonly late: LateArticleWatch;
  private running: Promise<void> | null = null;
  private resolveMapped: () => void = () => undefined;
  /**
   * Settles once the article text has been read. The UI mounts after that: inserting it invalidates the page's
   * styles, and the text map's style reads would then pay for a full recalculation inside our task.
   */
  readonly mapped = new Promise<void>((done) => (this.resolveMapped = done));

  constructor(private readonly options: SessionOptions) {
    const { doc, store, ask, uiHost } = options;
    this.doc = doc;
    this.store = store;
    this.text = new PageText(doc, (html) => readPage(html, ask));
    this.overlay = new Overlay({ doc, store, text: this.text, onOwnMutation: () => this.observer?.takeRecords() });
    this.pointer = new Pointer({ doc, store, text: this.text, targets: this.overlay, uiHost });
    this.annotations = new ReaderAnnotations({
      doc,
      store,
      text: this.text,
      ask,
      paint: this.overlay,
      article: {
        ensureArticle: () => this.ensureArticle(),
        defaultColor: () => this.settings?.defaultColor ?? 'yellow',
        annotated: () => {
          if (this.store.get().phase === 'not-article') this.setPhase('ready');
        },
      },
    });
    this.late = new LateArticleWatch({
      doc,
      found: () => articleShown(this.text.finding?.isArticle, this.text.map?.text),
      recheck: () => this.scheduleRescan(),
    });
    this.actions = this.pageActions();
  }

  /** Runs the whole pipeline; a second call while one runs waits for it (re-scans never overlap). */
  start(force = false): Promise<void> {
    this.forced ||= force;
    const run = (this.running ?? Promise.resolve()).then(() => this.scan()).catch((error) => this.fail(error));
    this.running = run;
    return run;
  }

  private async scan(): Promise<void> {
    const { ask } = this.options;
    // Marks let the benchmark (and a curious reader's dev tools) see how long a visit takes.
    performance.mark('newslens:scan-start');
    this.setPhase('scanning');
    // Start in a task of our own, apart from the script's start-up work.
    await yieldToPage();
    const { isArticle, metadata } = await this.text.find();
    performance.mark('newslens:found');
    const treatAsArticle = isArticle || this.forced;
    await yieldToPage();
    const map = this.text.read();
    performance.mark('newslens:mapped');
    this.resolveMapped();
    await yieldToPage();
    const visit = await ask({ type: 'page/visit', record: treatAsArticle, page: await this.pageReport() });
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
    const analysis = detect
      ? await ask({ type: 'detect/run', text: map.text, entities: visit.settings.detectEntities, claims: visit.settings.detectClaims })
      : { entities: [], groups: [], claims: [] };
    this.store.set({ groups: analysis.groups, claims: analysis.claims });
    await yieldToPage();
    this.overlay.showDetections(analysis, displayModeFor(visit.settings, this.doc.location.hostname));
    await yieldToPage();
    await this.annotations.place(visit.annotations, this.article?.id ?? null);
    void this.annotations.refreshTags();
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

  private async ensureArticle(): Promise<Article> {
    if (this.article) return this.article;
    const visit = await this.options.ask({ type: 'page/visit', record: true, page: await this.pageReport() });
    if (!visit.article) throw new BackgroundError('unknown', 'NewsLens could not store this page.');
    this.article = visit.article;
    return visit.article;
  }

  /** What we tell the background about this page; it normalises the URL into the article's identity. */
  private async pageReport(): Promise<PageReport> {
    const finding = this.text.finding;
    const metadata = finding?.metadata;
    // The bundled sample article is an extension page; it names its stand-in web address as its canonical URL.
    const web = /^https?:$/.test(this.doc.location.protocol);
    return {
      pageUrl: web || !metadata?.canonicalUrl ? this.doc.location.href : metadata.canonicalUrl,
      canonical: metadata?.canonicalUrl,
      title: metadata?.headline || this.doc.title,
      siteName: metadata?.siteName ?? siteKey(this.doc.location.hostname),
      authors: metadata?.authors ?? [],
      publishedAt: metadata?.publishedAt,
      modifiedAt: metadata?.modifiedAt,
      lang: metadata?.lang,
      isArticle: finding?.isArticle ?? false,
      textHash: await hashArticleText(this.text.map?.text ?? ''),
    };
  }

  /**
   * Steps to the next (1) or previous (-1) painted claim in rank order (most check-worthy first, not reading order):
   * scrolls to it, flashes it and opens its card.
   */
  private stepClaim(direction: 1 | -1): void {
    const { claims, claimOrder, currentClaim, hiddenKinds } = this.store.get();
    if (!claimOrder.length || hiddenKinds.includes('claim')) return;
    const at = claimOrder.indexOf(currentClaim);
    const step = at < 0 ? (direction === 1 ? 0 : claimOrder.length - 1) : (at + direction + claimOrder.length) % claimOrder.length;
    const next = claimOrder[step] ?? -1;
    const claim = claims[next];
    if (!claim) return;
    this.scrollTo(claim);
    this.overlay.flash([claim]);
    this.store.set({ currentClaim: next, card: placeCard(this.text, { kind: 'claim', claimIndex: next }, claim) });
  }

  private scrollTo(span: { start: number; end: number }): void {
    this.text.rangeOf(span)?.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
  }

  private pageActions(): PageActions {
    return {
      ...this.annotations.actions,
      toggleKind: (kind: PaintKind) => {
        this.store.set((s) => ({
          hiddenKinds: s.hiddenKinds.includes(kind) ? s.hiddenKinds.filter((k) => k !== kind) : [...s.hiddenKinds, kind],
          card: null,
        }));
        this.overlay.paintDetections();
      },
      highlightAllMentions: (entityId) => {
        const mentions = this.overlay.mentionsOf(entityId);
        const first = mentions[0];
        if (!first) return;
        this.store.set({ card: null });
        this.scrollTo(first);
        this.overlay.flash(mentions);
      },
      stepClaim: (direction) => this.stepClaim(direction),
      scrollToAnnotation: (id) => {
        const placed = this.store.get().annotations.find((p) => p.annotation.id === id);
        if (placed?.start === undefined || placed.end === undefined) return;
        const span = { start: placed.start, end: placed.end };
        this.scrollTo(span);
        this.overlay.flash([span]);
      },
      closeCard: () => {
        const { card } = this.store.get();
        this.store.set({ card: null });
        // Cancelling a note goes back to the words it was for, selected, so the reader can choose again.
        if (card?.kind === 'draft') this.pointer.reselect(card);
      },
      holdPreview: (held) => this.pointer.holdPreview(held),
      dismissSelection: () => this.pointer.dismissSelection(),
      dismissError: () => this.store.set({ error: null }),
      dismissToast: () => this.store.set({ toast: null }),
      annotateAnyway: () => void this.start(true),
      setMode: (mode) => {
        this.overlay.applyMode(mode);
        this.store.set({ card: null });
        this.overlay.paintDetections();
        // Remembered for this site; a failure to save must not undo what the reader sees now.
        void this.options.ask({ type: 'settings/site-mode', hostname: this.doc.location.hostname, mode }).catch((error) =>
          this.store.set({ error: error instanceof Error ? error.message : String(error) }),
        );
      },
      toggleShortcuts: (open) => this.store.set({ shortcutsOpen: open, card: null }),
    };
  }

  /** What the popup and side panel show about this tab. */
  status(): TabStatus {
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

  // ---- side panel -----------------------------------------------------------------------------

  /** Length of the article text (UTF-16 code units), the scale of the side panel's article map. */
  textLength(): number {
    return this.text.map?.text.length ?? 0;
  }

  articleId(): string | null {
    return this.article?.id ?? null;
  }

  /** The viewport box of a span of the article text, or null when it cannot be mapped back to the page. */
  rectOf(span: { start: number; end: number }): Rect | null {
    return this.text.rectOf(span);
  }

  /** Scrolls to a detected claim and flashes it, without opening a card (the side panel keeps focus). */
  showClaim(index: number): void {
    const claim = this.store.get().claims[index];
    if (!claim) return;
    this.scrollTo(claim);
    this.overlay.flash([claim]);
    this.store.set({ currentClaim: index });
  }

  /** Re-reads the reader's annotations from storage (the side panel edited them) and repaints them. */
  async reloadAnnotations(): Promise<void> {
    const visit = await this.options.ask({ type: 'page/visit', record: false, page: await this.pageReport() });
    await this.annotations.place(visit.annotations, this.article?.id ?? null);
  }

  // ---- pages that change after load ------------------------------------------------------------

  private scheduleRescan(): void {
    clearTimeout(this.rescanTimer);
    this.rescanTimer = setTimeout(() => void this.rescanIfChanged(), RESCAN_DEBOUNCE_MS);
  }

  private watchForChanges(): void {
    // An article whose text reads as (nearly) nothing is not on screen yet either (page/late-article.ts).
    this.late.update(!this.forced && !articleShown(this.text.finding?.isArticle, this.text.map?.text));
    if (this.observer || !this.doc.body) return;
    this.observer = new MutationObserver((mutations) => {
      const host = this.options.uiHost();
      const relevant = mutations.some((m) => !(host && (m.target === host || host.contains(m.target))));
      if (!relevant) return;
      this.scheduleRescan();
    });
    this.observer.observe(this.doc.body, { childList: true, subtree: true, characterData: true });
  }

  private async rescanIfChanged(): Promise<void> {
    if (!this.text.map) return;
    const reread = await this.text.reread();
    if (reread === 'same') return;
    if (reread === 'moved') {
      // Same words re-rendered into new nodes: re-point the paint, no need to detect again.
      this.overlay.paintDetections();
      this.overlay.paintAnnotations();
      return;
    }
    await this.start();
  }

  dispose(): void {
    this.late.stop();
    this.observer?.disconnect();
    clearTimeout(this.rescanTimer);
    this.pointer.dispose();
    this.overlay.dispose();
  }
}
