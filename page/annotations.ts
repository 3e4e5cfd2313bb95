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
  | 'tagSelection'
  | 'trackSelectionAsClaim'
  | 'trackClaim'
  | 'updateAnnotation'
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
   * anchor quality or confidence moved (by more than 0.01), so lists outside the page can say "not found".
   */
  async place(annotations: Annotation[], articleId: string | null): Promise<void> {
    const { store, text, ask } = this.options;
    const anchors = anchorAll(
      text.map?.text ?? '',
      annotations.map((a) => ({ quote: a.target.quote, position: a.target.position })),
    );
    const placed: PlacedAnnotation[] = annotations.map((annotation, i) => {
      const anchor = anchors[i];
      return anchor
        ? { annotation, quality: anchor.quality, confidence: anchor.confidence, start: anchor.start, end: anchor.end }
        : { annotation, quality: 'orphan', confidence: 0 };
    });
    store.set({ annotations: inReadingOrder(placed) });
    this.options.paint.paintAnnotations();
    const changed = placed.filter(
      (p) => p.annotation.anchor?.quality !== p.quality || Math.abs((p.annotation.anchor?.confidence ?? -1) - p.confidence) > 0.01,
    );
    if (changed.length && articleId) {
      await ask({
        type: 'anchors/report',
        articleId,
        reports: changed.map((p) => ({ id: p.annotation.id, quality: p.quality, confidence: p.confidence })),
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
      noteSelection: this.withSelection(async (selection) => {
        const placed = await this.create('note', selection);
        openCard(this.options.store, this.options.text, { kind: 'annotation', annotationId: placed.annotation.id, focusNote: true }, selection);
      }),
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
      updateAnnotation: guarded(this.options.store, async (id, patch) => {
        const updated = await this.options.ask({ type: 'annotation/update', id, patch });
        this.options.store.set((s) => ({ annotations: s.annotations.map((p) => (p.annotation.id === id ? { ...p, annotation: updated } : p)) }));
        this.options.paint.paintAnnotations();
        void this.refreshTags();
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

  private withSelection<A extends unknown[]>(run: (selection: Span, ...args: A) => Promise<void>): (...args: A) => Promise<void> {
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
