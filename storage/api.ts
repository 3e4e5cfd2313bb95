// The message contract between content scripts (untrusted: they live in web pages) and the background,
// which owns the database. Every message is validated here before it reaches storage; there is no generic
// "query" message, only these named operations.
import { ANCHOR_QUALITIES } from '../anchoring/types';
import type { Analysis } from '../detect/analyze';
import type { ReaderOutput } from '../detect/article';
import { ENTITY_TYPES, type EntityType } from '../detect/types';
import type { AnchorReport, AnnotationPatch, NewAnnotation } from './annotations';
import type { PageVisit } from './articles';
import { LIMITS } from './limits';
import {
  ANNOTATION_KINDS,
  CLAIM_STATUSES,
  DISPLAY_MODES,
  HIGHLIGHT_COLORS,
  type DisplayMode,
  type Annotation,
  type AnnotationTarget,
  type Article,
  type ClaimReview,
  type Settings,
} from './types';
import * as v from './validate';

/** What a content script reports about the page; the background normalises the URL. */
export interface PageReport extends Omit<PageVisit, 'url'> {
  pageUrl: string;
  canonical?: string;
  ogUrl?: string;
}

/** Every message a content script may send: its request fields and the value the background replies with. */
export interface ContentProtocol {
  /** `record: false` only looks the page up; a row is created for articles and for pages the reader annotates. */
  'page/visit': { request: { page: PageReport; record: boolean }; reply: VisitResponse };
  'annotation/create': { request: { articleId: string; annotation: NewAnnotation }; reply: Annotation };
  'annotation/update': { request: { id: string; patch: AnnotationPatch }; reply: Annotation };
  'annotation/delete': { request: { id: string }; reply: null };
  'annotation/restore': { request: { id: string }; reply: Annotation };
  'anchors/report': { request: { articleId: string; reports: AnchorReport[] }; reply: null };
  'tags/list': { request: Record<never, never>; reply: string[] };
  /** Remembers the display mode for a site (`mode: null` returns the site to the global mode). */
  'settings/site-mode': { request: { hostname: string; mode: DisplayMode | null }; reply: Settings };
  /** Detection runs in the background so a long article never blocks the page's main thread. */
  'detect/run': { request: { text: string; entities: boolean; claims: boolean }; reply: Analysis };
  /**
   * Readability on a serialised copy of the page (documentElement.outerHTML), off the page's main thread: in an
   * offscreen document (Chromium) or the background page (Firefox). The part with the last index is answered with
   * the reader's output, earlier parts with null.
   */
  'article/read': { request: { id: string; index: number; count: number; html: string }; reply: ReaderOutput | null };
}

/** Serialised pages up to this size are read (10 MB; the largest saved news page is 1.2 MB). */
export const MAX_PAGE_HTML = 10_000_000;
/**
 * The markup travels in parts of at most this many characters, one message (and one page task) each: Chromium
 * serialises a message on the sender's main thread, 20–45 ms for 1.2 MB on a loaded machine, over the 50 ms budget
 * together with the serialisation of the page itself.
 */
export const PAGE_HTML_PART = 200_000;

export type ContentMessageType = keyof ContentProtocol;

/** The wire form of one message: `{ type, ...request }`. Without a type argument, the union of all of them. */
export type ContentMessage<K extends ContentMessageType = ContentMessageType> = K extends ContentMessageType
  ? { type: K } & ContentProtocol[K]['request']
  : never;

export type ContentReply<K extends ContentMessageType> = ContentProtocol[K]['reply'];

export interface VisitResponse {
  article: Article | null;
  annotations: Annotation[];
  textChanged: boolean;
  settings: Settings;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string; code: string };

/** Keyboard shortcuts (manifest `commands`) the background forwards to the page of the active tab. */
const PAGE_COMMANDS = ['annotate-selection', 'highlight-selection', 'note-selection', 'next-claim'] as const;
export type PageCommand = (typeof PAGE_COMMANDS)[number];

export function isPageCommand(command: string): command is PageCommand {
  return (PAGE_COMMANDS as readonly string[]).includes(command);
}

/** Messages extension pages (popup, side panel) and the background send to the content script of a tab. */
export interface TabProtocol {
  'tab/status': { request: Record<never, never>; reply: TabStatus };
  'tab/scroll-to': { request: { annotationId: string }; reply: true };
  'tab/annotate-anyway': { request: Record<never, never>; reply: true };
  'tab/command': { request: { command: PageCommand }; reply: true };
}

export type TabMessageType = keyof TabProtocol;

export type TabMessage<K extends TabMessageType = TabMessageType> = K extends TabMessageType
  ? { type: K } & TabProtocol[K]['request']
  : never;

export type TabReply<K extends TabMessageType> = TabProtocol[K]['reply'];

export interface TabStatus {
  articleId: string | null;
  isArticle: boolean;
  entities: { canonical: string; type: EntityType; count: number }[];
  claims: { text: string; score: number; speaker?: string }[];
  orphans: number;
  textChanged: boolean;
}

function parseTarget(value: unknown, path: string): AnnotationTarget {
  const t = v.object(value, path);
  const quote = v.object(t.quote, `${path}.quote`);
  const position = v.object(t.position, `${path}.position`);
  const start = v.integer(position.start, `${path}.position.start`, 0, LIMITS.position);
  const end = v.integer(position.end, `${path}.position.end`, 0, LIMITS.position);
  if (end <= start) throw new v.ValidationError(`${path}.position`, 'must end after it starts');
  const exact = v.nonEmptyString(quote.exact, `${path}.quote.exact`, LIMITS.quote);
  return {
    source: v.httpUrl(t.source, `${path}.source`),
    quote: {
      type: 'TextQuoteSelector',
      exact,
      prefix: v.string(quote.prefix, `${path}.quote.prefix`, LIMITS.context),
      suffix: v.string(quote.suffix, `${path}.quote.suffix`, LIMITS.context),
    },
    position: { type: 'TextPositionSelector', start, end },
    ...(t.document !== undefined ? { document: v.documentSelector(t.document, `${path}.document`) } : {}),
  };
}

function parseClaimReview(value: unknown, path: string): ClaimReview {
  const c = v.object(value, path);
  const claimant = v.optionalString(c.claimant, `${path}.claimant`, LIMITS.claimant);
  const rating = c.rating === undefined || c.rating === null ? undefined : v.integer(c.rating, `${path}.rating`, 1, 5);
  return {
    status: v.oneOf(c.status, CLAIM_STATUSES, `${path}.status`),
    verdict: v.string(c.verdict ?? '', `${path}.verdict`, LIMITS.verdict),
    evidence: v.array(
      c.evidence ?? [],
      `${path}.evidence`,
      (e, p) => {
        const item = v.object(e, p);
        return { url: v.httpUrl(item.url, `${p}.url`), note: v.string(item.note ?? '', `${p}.note`, LIMITS.evidenceNote) };
      },
      LIMITS.evidence,
    ),
    ...(claimant ? { claimant } : {}),
    ...(rating ? { rating } : {}),
  };
}

function parsePatch(value: unknown, path: string): AnnotationPatch {
  const p = v.object(value, path);
  const patch: AnnotationPatch = {};
  if (p.color !== undefined) patch.color = v.oneOf(p.color, HIGHLIGHT_COLORS, `${path}.color`);
  if (p.note !== undefined) patch.note = v.string(p.note, `${path}.note`, LIMITS.note);
  if (p.tags !== undefined) patch.tags = v.array(p.tags, `${path}.tags`, (t, tp) => v.string(t, tp, LIMITS.tag), LIMITS.tags);
  if (p.claim !== undefined) patch.claim = parseClaimReview(p.claim, `${path}.claim`);
  if (p.kind !== undefined) patch.kind = v.oneOf(p.kind, ANNOTATION_KINDS, `${path}.kind`);
  if (p.target !== undefined) patch.target = parseTarget(p.target, `${path}.target`);
  if (p.detached !== undefined) {
    if (p.detached !== true) throw new v.ValidationError(`${path}.detached`, 'must be true when present');
    patch.detached = true;
  }
  if (p.baseUpdatedAt !== undefined) patch.baseUpdatedAt = v.isoTime(p.baseUpdatedAt, `${path}.baseUpdatedAt`);
  return patch;
}

function parseNewAnnotation(value: unknown, path: string): NewAnnotation {
  const a = v.object(value, path);
  const patch = parsePatch({ color: a.color, note: a.note, tags: a.tags, claim: a.claim }, path);
  return {
    kind: v.oneOf(a.kind, ANNOTATION_KINDS, `${path}.kind`),
    target: parseTarget(a.target, `${path}.target`),
    ...patch,
    ...(a.entityType !== undefined ? { entityType: v.oneOf(a.entityType, ENTITY_TYPES, `${path}.entityType`) } : {}),
  };
}

function parsePage(value: unknown, path: string): PageReport {
  const p = v.object(value, path);
  // Pages write canonical links with stray spaces; the browser ignores them, and so do we.
  const optionalUrl = (x: unknown, xp: string) => (x === undefined || x === null || x === '' ? undefined : v.httpUrl(typeof x === 'string' ? x.trim() : x, xp));
  return {
    pageUrl: v.httpUrl(p.pageUrl, `${path}.pageUrl`),
    canonical: optionalUrl(p.canonical, `${path}.canonical`),
    ogUrl: optionalUrl(p.ogUrl, `${path}.ogUrl`),
    title: v.string(p.title, `${path}.title`, LIMITS.title),
    siteName: v.string(p.siteName, `${path}.siteName`, LIMITS.siteName),
    authors: v.array(p.authors, `${path}.authors`, v.author, LIMITS.authors),
    publishedAt: v.optionalString(p.publishedAt, `${path}.publishedAt`, LIMITS.date),
    modifiedAt: v.optionalString(p.modifiedAt, `${path}.modifiedAt`, LIMITS.date),
    lang: v.optionalString(p.lang, `${path}.lang`, LIMITS.lang),
    isArticle: v.boolean(p.isArticle, `${path}.isArticle`),
    textHash: v.string(p.textHash, `${path}.textHash`, LIMITS.textHash),
  };
}

/** Turns anything a content script sent into a well-formed message, or throws a ValidationError saying what is wrong. */
export function parseContentMessage(value: unknown): ContentMessage {
  const m = v.object(value, 'message');
  switch (m.type) {
    case 'page/visit':
      return { type: m.type, page: parsePage(m.page, 'page'), record: v.boolean(m.record, 'record') };
    case 'annotation/create':
      return { type: m.type, articleId: v.uuid(m.articleId, 'articleId'), annotation: parseNewAnnotation(m.annotation, 'annotation') };
    case 'annotation/update':
      return { type: m.type, id: v.uuid(m.id, 'id'), patch: parsePatch(m.patch, 'patch') };
    case 'annotation/delete':
    case 'annotation/restore':
      return { type: m.type, id: v.uuid(m.id, 'id') };
    case 'anchors/report':
      return {
        type: m.type,
        articleId: v.uuid(m.articleId, 'articleId'),
        reports: v.array(
          m.reports,
          'reports',
          (r, p) => {
            const o = v.object(r, p);
            return {
              id: v.uuid(o.id, `${p}.id`),
              quality: v.oneOf(o.quality, ANCHOR_QUALITIES, `${p}.quality`),
              confidence: v.number(o.confidence, `${p}.confidence`, 0, 1),
              ...(o.found !== undefined ? { found: v.string(o.found, `${p}.found`, LIMITS.quote) } : {}),
            };
          },
          LIMITS.anchorReports,
        ),
      };
    case 'tags/list':
      return { type: m.type };
    case 'settings/site-mode':
      return {
        type: m.type,
        hostname: v.string(m.hostname, 'hostname', 253),
        mode: m.mode === null ? null : v.oneOf(m.mode, DISPLAY_MODES, 'mode'),
      };
    case 'detect/run':
      return {
        type: m.type,
        text: v.string(m.text, 'text', LIMITS.analyzedText),
        entities: v.boolean(m.entities, 'entities'),
        claims: v.boolean(m.claims, 'claims'),
      };
    case 'article/read':
      return {
        type: m.type,
        id: v.uuid(m.id, 'id'),
        count: v.integer(m.count, 'count', 1, Math.ceil(MAX_PAGE_HTML / PAGE_HTML_PART)),
        index: v.integer(m.index, 'index', 0, Math.ceil(MAX_PAGE_HTML / PAGE_HTML_PART) - 1),
        html: v.string(m.html, 'html', PAGE_HTML_PART),
      };
    default:
      throw new v.ValidationError('message.type', `is not a known message (${JSON.stringify(m.type)?.slice(0, 40)})`);
  }
}

// ---- side panel <-> page (a long-lived port, `chrome.tabs.connect(tabId, { name: PANEL_PORT })`) -----------------------

/** Name of the port the side panel opens to the content script of the tab it shows. */
export const PANEL_PORT = 'newslens-panel';

/** What the side panel shows about the page in its tab. Offsets are UTF-16 offsets into the article text. */
export interface PanelSnapshot {
  articleId: string | null;
  title: string;
  phase: 'scanning' | 'ready' | 'not-article' | 'error';
  mode: (typeof DISPLAY_MODES)[number];
  /** Length of the article text in UTF-16 code units: the scale of the article map. */
  textLength: number;
  /** Every detected claim, with its index in the page's claim list; `painted` says whether the mode shows it. */
  claims: { index: number; text: string; start: number; end: number; score: number; speaker?: string; painted: boolean; trackedBy?: string }[];
  entities: { entityId: string; canonical: string; type: string; count: number }[];
  /** Where the reader's annotations sit in the current text (null: could not be placed). */
  positions: Record<string, number | null>;
  /** The annotation nearest the middle of the viewport, as the reader scrolls. */
  nearestId: string | null;
}

export type PanelToPage =
  | { type: 'panel/scroll-to'; annotationId: string }
  | { type: 'panel/show-claim'; index: number }
  | { type: 'panel/show-entity'; entityId: string }
  | { type: 'panel/set-mode'; mode: (typeof DISPLAY_MODES)[number] }
  /** The panel changed annotations in the database: the page re-reads and repaints them. */
  | { type: 'panel/annotations-changed' };

export type PageToPanel = { type: 'panel/snapshot'; snapshot: PanelSnapshot } | { type: 'panel/nearest'; id: string | null };
