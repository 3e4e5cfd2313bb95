// The reader's own annotations on this page: place the saved ones (re-anchoring; what cannot be placed stays an
// orphan), create, edit, delete with undo, and keep tag suggestions fresh. Talks to the background only through the
// injected `ask`, and to the paint only through `paintAnnotations`.
import { anchorAll } from '../anchoring/match';
import { describeDocumentRange } from '../anchoring/document-text';
import { describeRange } from '../anchoring/selectors';
import { pageAddress } from '../storage/article-identity';
import type { PageActions, PageState, PlacedAnnotation, Store } from '../components/page/page-state';
import { trackingAnnotation } from '../components/page/page-state';
import { inReadingOrder } from '../components/page/page-selectors';
import type { Annotation, AnnotationKind, Article, ClaimReview, HighlightColor } from '../storage/types';
import { guarded, openCard } from './cards';
import type { Ask } from './messaging';
import type { PageText, Span } from './page-text';

/** What the annotations need from the visit: the article row (created on the first annotation) and the reader's colour. */
export interface ArticleSource {
  /** The stored article, recording the page first when it was only looked up. Throws when the page cannot be stored. */
  ensureArticle(): Promise<Article>;
  defaultColor(): HighlightColor;
  /** The reader saved an annotation here: a page that was not an article becomes one the reader works on. */
  annotated(): void;
}

export interface ReaderAnnotationsOptions {
  doc: Document;
  store: Store<PageState>;
  text: PageText;
  ask: Ask;
  article: ArticleSource;
  paint: { paintAnnotations(): void };
}

type AnnotationActions = Pick<
  PageActions,
  | 'highlightSelection'
  | 'noteSelection'
  | 'saveDraft'
  | 'tagSelection'
  | 'trackSelectionAsClaim'
  | 'trackClaim'
  | 'updateAnnotation'
  | 'acceptChange'
  | 'detachAnnotation'
  | 'deleteAnnotation'
  | 'openAnnotation'
>;

/** A claim the reader starts tracking: not started, no verdict or evidence yet. */
function newClaimReview(claimant?: string): ClaimReview {
  return { status: 'unstarted', verdict: '', evidence: [], ...(claimant ? { claimant } : {}) };
}

export class ReaderAnnotations {
  readonly actions: AnnotationActions;

  constructor(private readonly options: ReaderAnnotationsOptions) {
    this.actions = this.buildActions();
  }

  /**
   * Re-anchors the saved annotations in the current text, paints them, and reports to the background any whose
   * anchor quality, confidence (by more than 0.01) or found text moved, so lists outside the page can say "not found"
   * or show what changed. Notes the reader detached from changed text stay orphans and are not looked for.
   */
  async place(annotations: Annotation[], articleId: string | null): Promise<void> {
    const { store, text, ask } = this.options;
    const current = text.map?.text ?? '';
    const live = annotations.filter((a) => !a.anchor?.detached);
    const anchors = anchorAll(
      current,
      live.map((a) => ({ quote: a.target.quote, position: a.target.position })),
    );
    const byId = new Map(live.map((a, i) => [a.id, anchors[i]]));
    const placed: PlacedAnnotation[] = annotations.map((annotation) => {
      const anchor = byId.get(annotation.id);
      if (!anchor) return { annotation, quality: 'orphan', confidence: 0 };
      // For a changed quote, the text now in its place: the reader sees what changed before accepting or detaching.
      const found = anchor.quality === 'changed' ? current.slice(anchor.start, anchor.end) : undefined;
      return {
        annotation,
        quality: anchor.quality,
        confidence: anchor.confidence,
        start: anchor.start,
        end: anchor.end,
        ...(found !== undefined ? { found } : {}),
      };
    });
    store.set({ annotations: inReadingOrder(placed) });
    this.options.paint.paintAnnotations();
    const changed = placed.filter(
      (p) =>
        !p.annotation.anchor?.detached &&
        (p.annotation.anchor?.quality !== p.quality ||
          Math.abs((p.annotation.anchor?.confidence ?? -1) - p.confidence) > 0.01 ||
          p.annotation.anchor?.found !== p.found),
    );
    if (changed.length && articleId) {
      await ask({
        type: 'anchors/report',
        articleId,
        reports: changed.map((p) => ({
          id: p.annotation.id,
          quality: p.quality,
          confidence: p.confidence,
          ...(p.found !== undefined ? { found: p.found } : {}),
        })),
      });
    }
  }

  /** Refreshes the tag suggestions; a failure is ignored (suggestions are a convenience, highlights are not). */
  async refreshTags(): Promise<void> {
    try {
      this.options.store.set({ knownTags: await this.options.ask({ type: 'tags/list' }) });
    } catch {
      // Tag suggestions must never hide the page's highlights behind an error.
    }
  }

  private buildActions(): AnnotationActions {
    return {
      highlightSelection: this.withSelection(async (selection, color?: HighlightColor) => {
        await this.create('highlight', selection, color ? { color } : {});
      }),
      noteSelection: this.withSelection(async ({ start, end, text }) => {
        // Nothing is stored yet: a note cancelled with Escape leaves no empty note behind.
        openCard(this.options.store, this.options.text, { kind: 'draft', start, end, text }, { start, end });
      }),
      saveDraft: async (span, patch) => {
        const placed = await this.create('note', span, patch);
        openCard(this.options.store, this.options.text, { kind: 'annotation', annotationId: placed.annotation.id }, span);
      },
      tagSelection: this.withSelection(async (selection, tags: string[]) => {
        await this.create('highlight', selection, { tags });
      }),
      trackSelectionAsClaim: this.withSelection(async (selection) => {
        const placed = await this.create('claim', selection, { color: 'pink', claim: newClaimReview() });
        openCard(this.options.store, this.options.text, { kind: 'annotation', annotationId: placed.annotation.id }, selection);
      }),
      trackClaim: guarded(this.options.store, async (claimIndex: number) => {
        const { store, text } = this.options;
        const claim = store.get().claims[claimIndex];
        if (!claim || trackingAnnotation(store.get(), claim)) return;
        await this.create('claim', claim, { color: 'pink', claim: newClaimReview(claim.speaker) });
        openCard(store, text, { kind: 'claim', claimIndex }, claim);
      }),
      // Not guarded: the editing card shows the failure itself (a conflict must keep the reader's text and say why).
      updateAnnotation: async (id, patch) => {
        const updated = await this.options.ask({ type: 'annotation/update', id, patch });
        this.options.store.set((s) => ({ annotations: s.annotations.map((p) => (p.annotation.id === id ? { ...p, annotation: updated } : p)) }));
        this.options.paint.paintAnnotations();
        void this.refreshTags();
      },
      // The reader accepts the changed text: the note's quote and position become the text where it was found.
      acceptChange: guarded(this.options.store, async (id) => {
        const { store, text, ask } = this.options;
        const placed = store.get().annotations.find((p) => p.annotation.id === id);
        if (!text.map || placed?.start === undefined || placed.end === undefined) return;
        const { quote, position } = describeRange(text.map.text, placed.start, placed.end);
        const updated = await ask({ type: 'annotation/update', id, patch: { target: { ...placed.annotation.target, quote, position } } });
        store.set((s) => ({
          annotations: s.annotations.map((p) => (p.annotation.id === id ? { annotation: updated, quality: 'exact', confidence: 1, start: p.start, end: p.end } : p)),
        }));
        this.options.paint.paintAnnotations();
      }),
      // The reader says the changed text is not what the note was about: it becomes an orphan and is no longer looked for.
      detachAnnotation: guarded(this.options.store, async (id) => {
        const { store, ask } = this.options;
        const updated = await ask({ type: 'annotation/update', id, patch: { detached: true } });
        store.set((s) => ({
          annotations: s.annotations.map((p) => (p.annotation.id === id ? { annotation: updated, quality: 'orphan', confidence: 0 } : p)),
          card: null,
        }));
        this.options.paint.paintAnnotations();
      }),
      deleteAnnotation: guarded(this.options.store, async (id) => {
        const { store, ask } = this.options;
        const removed = store.get().annotations.find((p) => p.annotation.id === id);
        await ask({ type: 'annotation/delete', id });
        store.set((s) => ({
          annotations: s.annotations.filter((p) => p.annotation.id !== id),
          card: null,
          toast: { message: `${deletedWords(removed?.annotation.kind)} deleted.`, undo: () => void this.restore(id, removed) },
        }));
        this.options.paint.paintAnnotations();
      }),
      openAnnotation: (id) => {
        const placed = this.options.store.get().annotations.find((p) => p.annotation.id === id);
        if (placed?.start !== undefined && placed.end !== undefined) {
          openCard(this.options.store, this.options.text, { kind: 'annotation', annotationId: id }, { start: placed.start, end: placed.end });
        }
      },
    };
  }

  /** Undoes a delete; the restored annotation goes back where it was placed (or to the orphans). */
  private async restore(id: string, removed: PlacedAnnotation | undefined): Promise<void> {
    const { store, ask } = this.options;
    try {
      const annotation = await ask({ type: 'annotation/restore', id });
      const placed: PlacedAnnotation = removed ? { ...removed, annotation } : { annotation, quality: 'orphan', confidence: 0 };
      store.set((s) => ({ annotations: inReadingOrder([...s.annotations, placed]), toast: null }));
      this.options.paint.paintAnnotations();
    } catch (error) {
      store.set({ error: error instanceof Error ? error.message : String(error) });
    }
  }

  private withSelection<A extends unknown[]>(run: (selection: NonNullable<PageState['selection']>, ...args: A) => Promise<void>): (...args: A) => Promise<void> {
    return guarded(this.options.store, async (...args: A) => {
      const selection = this.options.store.get().selection;
      if (selection) await run(selection, ...args);
    });
  }

  private async create(kind: AnnotationKind, span: Span, extra: Partial<Annotation> = {}): Promise<PlacedAnnotation> {
    const { store, text, ask, doc } = this.options;
    const map = text.map;
    if (!map) throw new Error('The page has not been read yet.');
    const article = await this.options.article.ensureArticle();
    const { quote, position } = describeRange(map.text, span.start, span.end);
    const range = text.rangeOf(span);
    const document = range ? describeDocumentRange(range) : null;
    const annotation = await ask({
      type: 'annotation/create',
      articleId: article.id,
      annotation: {
        kind,
        // The page's own address (host as the reader saw it, tracking parameters dropped), not the article's
        // normalised identity: W3C consumers open and match against the real page.
        target: { source: pageAddress(doc.location.href), quote, position, ...(document ? { document } : {}) },
        color: extra.color ?? this.options.article.defaultColor(),
        note: extra.note ?? '',
        tags: extra.tags ?? [],
        ...(extra.claim ? { claim: extra.claim } : {}),
      },
    });
    const placed: PlacedAnnotation = { annotation, quality: 'exact', confidence: 1, start: span.start, end: span.end };
    store.set((s) => ({ annotations: inReadingOrder([...s.annotations, placed]), selection: null }));
    this.options.paint.paintAnnotations();
    doc.getSelection()?.removeAllRanges();
    void this.refreshTags();
    this.options.article.annotated();
    return placed;
  }
}

function deletedWords(kind: AnnotationKind | undefined): string {
  return kind === 'note' ? 'Note' : kind === 'claim' ? 'Tracked claim' : 'Highlight';
}
