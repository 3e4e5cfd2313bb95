// The contract between the page room (`page/`, which owns the page session: detection, painting, messages to the
// background) and the in-page Preact UI. The UI renders PageState and calls PageActions; it never talks to the
// background or touches the page DOM itself.
import type { AnchorQuality } from '../../anchoring/types';
import type { Claim, EntityRecord } from '../../detect/types';
import { compareReadingOrder, type Annotation, type AnnotationPatch, type DisplayMode, type HighlightColor, type PaintKind } from '../../storage/types';

/** Viewport coordinates (as from getBoundingClientRect). */
export interface Rect {
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface PlacedAnnotation {
  annotation: Annotation;
  quality: AnchorQuality;
  confidence: number;
  /** Offsets in the current article text; absent for orphans. */
  start?: number;
  end?: number;
  /** For quality 'changed': the text now at [start, end), to show the reader what changed. */
  found?: string;
}

/**
 * Reading order on the page as it is now: placed annotations by their current offsets, orphans after them, ties
 * (and orphans among themselves) in the stored reading order.
 */
export function comparePlacement(a: PlacedAnnotation, b: PlacedAnnotation): number {
  return (a.start ?? Infinity) - (b.start ?? Infinity) || compareReadingOrder(a.annotation, b.annotation);
}

export type Card =
  /** `preview`: opened by hovering, so it must not take focus away from the page; a click opens it for real. */
  | { kind: 'entity'; entityId: string; rect: Rect; preview?: boolean }
  | { kind: 'claim'; claimIndex: number; rect: Rect; preview?: boolean }
  | { kind: 'annotation'; annotationId: string; rect: Rect; focusNote?: boolean }
  /** A note not saved yet: nothing is stored until the reader saves, so Escape leaves no empty note behind. */
  | { kind: 'draft'; start: number; end: number; text: string; rect: Rect };

export interface SelectionInfo {
  start: number;
  end: number;
  text: string;
  rect: Rect;
}

export interface PageState {
  phase: 'scanning' | 'ready' | 'not-article' | 'error';
  /** A problem the reader must see (quota exceeded, background unreachable); dismissible. */
  error: string | null;
  /** A short-lived message, optionally with an undo action. */
  toast: { message: string; undo?: () => void } | null;
  isArticle: boolean;
  articleTitle: string;
  /** The article text differs from the text the reader annotated. */
  textChanged: boolean;
  groups: EntityRecord[];
  claims: Claim[];
  annotations: PlacedAnnotation[];
  hiddenKinds: PaintKind[];
  card: Card | null;
  selection: SelectionInfo | null;
  knownTags: string[];
  /** Index into `claims` of the claim last stepped to with "next claim". */
  currentClaim: number;
  /** What the page paints (see page/display-mode.ts). */
  mode: DisplayMode;
  /** Indices into `claims` of the painted claims, most check-worthy first: the order "next claim" steps in. */
  claimOrder: number[];
  /** Whether the keyboard shortcuts sheet is open. */
  shortcutsOpen: boolean;
  /** The reader's default highlight colour (Settings), for new notes. */
  defaultColor: HighlightColor;
  /** Set by the "annotate selection" shortcut: the selection toolbar takes focus. Cleared when the selection changes. */
  toolbarFocus: boolean;
}

export interface PageActions {
  highlightSelection(color?: HighlightColor): Promise<void>;
  /** Opens a note editor on the selection; the note is stored only when `saveDraft` runs. */
  noteSelection(): Promise<void>;
  /** Stores the note being drafted on `span` and shows it as a saved note. */
  saveDraft?(span: { start: number; end: number }, patch: Pick<AnnotationPatch, 'note' | 'tags' | 'color'>): Promise<void>;
  tagSelection(tags: string[]): Promise<void>;
  trackSelectionAsClaim(): Promise<void>;
  /** Saves a detected claim as a claim annotation with status `unstarted` and opens its card. */
  trackClaim(claimIndex: number): Promise<void>;
  updateAnnotation(id: string, patch: AnnotationPatch): Promise<void>;
  /** A note found with changes: store the text it was found on as its quote (it becomes exact). */
  acceptChange(id: string): Promise<void>;
  /** A note found with changes: make it an orphan that later visits leave alone. */
  detachAnnotation(id: string): Promise<void>;
  /** Tombstones it and offers undo in a toast. */
  deleteAnnotation(id: string): Promise<void>;
  openAnnotation(id: string): void;
  toggleKind(kind: PaintKind): void;
  /** Flashes every mention of the entity and scrolls to the first. */
  highlightAllMentions(entityId: string): void;
  /** Steps to the next (1) or previous (-1) claim, scrolls to it and opens its card. */
  stepClaim(direction: 1 | -1): void;
  scrollToAnnotation(id: string): void;
  closeCard(): void;
  /** The pointer entered (true) or left (false) a hover-preview card: keep it open while the reader is on it. */
  holdPreview(held: boolean): void;
  dismissError(): void;
  dismissToast(): void;
  annotateAnyway(): void;
  /** The reader pressed Escape in the selection toolbar: drop the selection in the page and in the UI. */
  dismissSelection(): void;
  /** Switches the display mode and remembers it for this site. */
  setMode?(mode: DisplayMode): void;
  /** Opens or closes the keyboard shortcuts sheet. */
  toggleShortcuts?(open: boolean): void;
}

/** A minimal observable store: the session writes, the UI subscribes. */
export interface Store<T> {
  get(): T;
  set(patch: Partial<T> | ((state: T) => Partial<T>)): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<T extends object>(initial: T): Store<T> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(patch) {
      const next = typeof patch === 'function' ? patch(state) : patch;
      state = { ...state, ...next };
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const INITIAL_PAGE_STATE: PageState = {
  phase: 'scanning',
  error: null,
  toast: null,
  isArticle: false,
  articleTitle: '',
  textChanged: false,
  groups: [],
  claims: [],
  annotations: [],
  hiddenKinds: [],
  card: null,
  selection: null,
  knownTags: [],
  currentClaim: -1,
  mode: 'read',
  claimOrder: [],
  shortcutsOpen: false,
  toolbarFocus: false,
  defaultColor: 'yellow',
};

/** The claim annotation (if any) that tracks a detected claim: they overlap in the current text. */
export function trackingAnnotation(state: PageState, claim: Claim): PlacedAnnotation | undefined {
  return state.annotations.find(
    (p) => p.annotation.kind === 'claim' && p.start !== undefined && p.end !== undefined && p.start < claim.end && claim.start < p.end,
  );
}
