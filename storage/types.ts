import type { AnchorQuality, DocumentSelector, TextPositionSelector, TextQuoteSelector } from '../anchoring/types';
import { ENTITY_TYPES, type Author, type EntityType } from '../detect/types';

/** ISO 8601 time string. */
export type IsoTime = string;

export const ANNOTATION_KINDS = ['highlight', 'note', 'claim', 'entity'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

/** What the page paints and the reader can hide: each entity type, and detected claims. */
export const PAINT_KINDS = [...ENTITY_TYPES, 'claim'] as const;
export type PaintKind = (typeof PAINT_KINDS)[number];

export const CLAIM_STATUSES = ['unstarted', 'in_progress', 'inconclusive', 'verified', 'false'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** The words for each status, everywhere a reader sees one (page, popup, side panel, exports). */
export const CLAIM_STATUS_LABELS: Readonly<Record<ClaimStatus, string>> = {
  unstarted: 'Not started',
  in_progress: 'In progress',
  inconclusive: 'Inconclusive',
  verified: 'Verified',
  false: 'False',
};

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

export interface Synced {
  id: string;
  createdAt: IsoTime;
  updatedAt: IsoTime;
  /** Tombstone: set instead of deleting, so undo works and a later sync can replicate deletes. */
  deletedAt: IsoTime | null;
}

export interface Article extends Synced {
  /** Normalised URL: the identity of the article across AMP, tracking parameters and fragments. */
  url: string;
  title: string;
  siteName: string;
  /** Who wrote it, as the page says: people and organisations ("Associated Press") as separate kinds. */
  authors: Author[];
  publishedAt?: string;
  modifiedAt?: string;
  lang?: string;
  /** Hash of the article text when it was first annotated; tells us later whether it changed. */
  textHash: string;
  /** Whether the article finder believed this page is an article. */
  isArticle: boolean;
  lastVisitedAt: IsoTime;
}

export interface Evidence {
  url: string;
  note: string;
}

export interface ClaimReview {
  status: ClaimStatus;
  /** Free-text verdict label, e.g. "Mostly false". */
  verdict: string;
  /** Optional 1..5 rating that goes with the verdict in ClaimReview exports. */
  rating?: number;
  evidence: Evidence[];
  claimant?: string;
}

export interface AnnotationTarget {
  /** Normalised article URL at the time of annotating. */
  source: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  /** The same passage relative to the whole document's text (W3C export); absent on annotations made before it existed. */
  document?: DocumentSelector;
}

export interface Annotation extends Synced {
  articleId: string;
  kind: AnnotationKind;
  target: AnnotationTarget;
  color: HighlightColor;
  note: string;
  tags: string[];
  claim?: ClaimReview;
  entityType?: EntityType;
  /** Result of the latest re-anchoring on a visit; absent until the page has been visited again. */
  anchor?: AnchorState;
}

/**
 * Reading order of saved annotations: by where they start in the article text (UTF-16 offsets), then where they
 * end, then id (code-unit order, not locale order, so every machine and every export agrees).
 */
export function compareReadingOrder(a: Annotation, b: Annotation): number {
  return (
    a.target.position.start - b.target.position.start ||
    a.target.position.end - b.target.position.end ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export interface AnchorState {
  quality: AnchorQuality;
  confidence: number;
  checkedAt: IsoTime;
  /** The text now at the note's place when it was found with changes (quality 'changed'), to show what changed. */
  found?: string;
  /** The reader detached the note from the changed text: it stays an orphan on later visits. */
  detached?: boolean;
}

/**
 * What the page paints (see page/display-mode.ts): `read` (the default: the reader's highlights, quiet entities, only the
 * top claims), `fact-check` (every detection, claims stepped by check-worthiness), `study` (highlights and notes only).
 */
export const DISPLAY_MODES = ['read', 'fact-check', 'study'] as const;
export type DisplayMode = (typeof DISPLAY_MODES)[number];

export interface Settings {
  /** Sites (hostnames) where automatic annotation is switched off. */
  disabledSites: string[];
  detectEntities: boolean;
  detectClaims: boolean;
  /** Kinds hidden on the page by the reader. */
  hiddenKinds: PaintKind[];
  defaultColor: HighlightColor;
  /** The display mode on sites without a mode of their own. */
  displayMode: DisplayMode;
  /** Per-site display modes, keyed by hostname without `www.`; they win over `displayMode`. */
  siteDisplayModes: Record<string, DisplayMode>;
  /** The fact-checking organisation ClaimReview exports name as their author; empty until the reader sets it. */
  reviewer: ReviewerOrganization;
  /** Style of copied citations and of the reference at the top of Markdown notes. */
  citationStyle: CitationStyle;
  /** When the last full JSON backup was saved (storage/backup-status.ts). */
  lastBackupAt?: IsoTime;
  /** The reader chose "Later" on the backup reminder: quiet until then. */
  backupReminderSnoozedUntil?: IsoTime;
}

/** Citation styles a reader can choose (each is a CSL style file shipped in export/styles/). */
export const CITATION_STYLES = ['apa', 'mla', 'chicago'] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];

export interface ReviewerOrganization {
  name: string;
  /** Its web site (http or https), or empty. */
  url: string;
}

export const DEFAULT_SETTINGS: Settings = {
  disabledSites: [],
  detectEntities: true,
  detectClaims: true,
  hiddenKinds: [],
  defaultColor: 'yellow',
  reviewer: { name: '', url: '' },
  citationStyle: 'apa',
  displayMode: 'read',
  siteDisplayModes: {},
};

/** The fields a reader can change on an annotation. */
export interface AnnotationPatch {
  color?: HighlightColor;
  note?: string;
  tags?: string[];
  claim?: ClaimReview;
  kind?: AnnotationKind;
  /** Accepting a change: the note now targets the text it was found on (its anchor becomes exact). */
  target?: AnnotationTarget;
  /** Detaching: the note becomes an orphan and is no longer re-anchored. */
  detached?: true;
  /**
   * Optimistic concurrency: the `updatedAt` of the version the editor was opened on. When the stored row has moved on
   * since (another tab or the popup saved it), the update is refused with a `conflict` error instead of overwriting.
   */
  baseUpdatedAt?: IsoTime;
}
