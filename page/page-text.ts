// The article as the page room sees it: which element is the article, and its text with the map back to the DOM.
// Every collaborator reads offsets through this one object, so a re-read (a re-rendered page, the fallback painter
// splitting text nodes) re-points all of them at once.
import { buildTextMap, offsetsFromRange, rangeFromOffsets, type TextMap } from '../anchoring/text-map';
import { findArticleAsync, type ArticleFinding, type ReadPage } from '../detect/article';
import type { Rect } from '../components/page/page-state';

/** A page larger than this is cut: detection stays responsive and nothing freezes on an endless feed (UTF-16 units). */
const MAX_TEXT_CHARS = 600_000;

/** [start, end) in UTF-16 code units of the article text. */
export interface Span {
  start: number;
  end: number;
}

/** What a fresh read of the page found compared with the text we hold. */
export type Reread = 'same' | 'moved' | 'changed';

export class PageText {
  finding: ArticleFinding | null = null;
  root: Element | null = null;
  map: TextMap | null = null;

  /** `read` runs Readability on the serialised page off the page's main thread (see page/read-page.ts). */
  constructor(
    private readonly doc: Document,
    private readonly readPage: ReadPage,
  ) {}

  /** Decides whether the page is an article and which element holds it (Readability, in the background: the slow half). */
  async find(): Promise<ArticleFinding> {
    this.finding = await findArticleAsync(this.doc, this.readPage);
    this.root = this.rootFor(this.finding);
    return this.finding;
  }

  /** Reads the text of the element `find` chose. */
  read(): TextMap {
    this.map = this.mapOf(this.root ?? this.doc.documentElement, this.finding);
    return this.map;
  }

  /**
   * Reads the page again and compares: `same` text in the same nodes changes nothing; `moved` (same words re-rendered
   * into new nodes) adopts the new map, so paint can be re-pointed without detecting again; `changed` keeps the old
   * map for the caller to start a full visit.
   */
  async reread(): Promise<Reread> {
    const previous = this.map;
    if (!previous) return 'changed';
    const finding = await findArticleAsync(this.doc, this.readPage);
    await yieldToPage();
    const root = this.rootFor(finding);
    const map = this.mapOf(root, finding);
    if (map.text !== previous.text) return 'changed';
    const sameNodes = map.nodes.length === previous.nodes.length && map.nodes.every((n, i) => n === previous.nodes[i]);
    if (sameNodes) return 'same';
    this.finding = finding;
    this.root = root;
    this.map = map;
    return 'moved';
  }

  rangeOf(span: Span): Range | null {
    return this.map ? rangeFromOffsets(this.map, span.start, span.end) : null;
  }

  rangesOf(spans: readonly Span[]): Range[] {
    const ranges: Range[] = [];
    for (const span of spans) {
      const range = this.rangeOf(span);
      if (range) ranges.push(range);
    }
    return ranges;
  }

  /** The span of article text a DOM range covers, or null when it lies outside the article. */
  offsetsOf(range: Range): Span | null {
    return this.map ? offsetsFromRange(this.map, range) : null;
  }

  /** Where the span is drawn now (viewport coordinates), or null when it cannot be mapped. */
  rectOf(span: Span): Rect | null {
    const range = this.rangeOf(span);
    return range ? toRect(range.getBoundingClientRect()) : null;
  }

  private rootFor(finding: ArticleFinding): Element {
    return (finding.isArticle && finding.root) || this.doc.body || this.doc.documentElement;
  }

  private mapOf(root: Element, finding: ArticleFinding | null): TextMap {
    return buildTextMap(root, { skip: skipFor(finding), maxChars: MAX_TEXT_CHARS });
  }
}

/**
 * Inside a detected article only the blocks Readability kept are read; on any other page (annotated because the
 * reader asked) the reader decides what matters, so nothing is left out.
 */
function skipFor(finding: ArticleFinding | null): ((el: Element) => boolean) | undefined {
  return finding?.isArticle ? finding.skip : undefined;
}

export function toRect(r: DOMRect): Rect {
  return { top: r.top, left: r.left, width: r.width, height: r.height };
}

/** Gives the page's own work (input, rendering) a turn between our steps, so no single task of ours runs long. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((done) => setTimeout(done, 0));
}
