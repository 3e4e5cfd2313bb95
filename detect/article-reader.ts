// Firefox Reader View's engine (@mozilla/readability) as the reference for "where is the article body", in two halves
// that can run in different places:
// - readArticle() runs Readability on a disposable document (a clone, or a DOMParser parse of the serialised page in an
//   offscreen document / background page) and returns plain data: the body's text, block by block.
// - mapReaderToLive() finds the live elements of the page that hold those same texts, so the page itself is annotated
//   and never replaced or changed.
// Pure DOM code: no extension APIs.
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { type ArticleFinding, findArticleWith, serialisePage } from './article';
import { BLOCK_TAGS, collapse, NON_TEXT_PARENTS } from './article-live';

/** What Readability found, as structured-clone-safe data (it crosses from an offscreen document to the page). */
export interface ReaderOutput {
  /**
   * The article body in reading order: one entry per block (paragraph, list item, heading, caption...), each the
   * block's text nodes with whitespace collapsed and empty ones dropped. Text nodes, not joined text, so the live page's
   * nodes can be found one by one.
   */
  blocks: string[][];
  /** Readability's own verdict on the whole page (isProbablyReaderable: enough long paragraphs outside furniture). */
  readerable: boolean;
  /** Headings inside the extracted body that are (or sit in) links: many of them mean a list of stories, not a story. */
  linkedHeadings: number;
  /** Blocks of at least PARAGRAPH_CHARS characters in the extracted body. */
  paragraphs: number;
  /** Characters of body text (whitespace collapsed). */
  chars: number;
  /** Characters of that text inside links. */
  linkChars: number;
  /** Readability's byline (visible markup: rel=author, itemprop=author, byline/author classes), cleaned later. */
  byline: string;
  title: string;
  siteName: string;
  publishedTime: string;
}

/** A block this long is a paragraph (Readability's own readerable check uses 140; short lines are captions, datelines). */
export const PARAGRAPH_CHARS = 80;

function blockOf(node: Node, stop: Element): Element {
  let el = node.parentElement;
  while (el && el !== stop && !BLOCK_TAGS.has(el.tagName.toUpperCase())) el = el.parentElement;
  return el ?? stop;
}

function readerable(doc: Document): boolean {
  try {
    return isProbablyReaderable(doc);
  } catch {
    return false;
  }
}

/**
 * Runs Readability on `doc`, which it MUTATES (Readability rewrites the tree it reads): pass a clone or a freshly
 * parsed copy, never the live page. Returns null when Readability finds no body at all.
 * Cost: one full Readability pass (50–250 ms on a large news page in Chromium; more under a DOM emulator), so on a real
 * page it belongs off the page's main thread (see entrypoints/offscreen).
 */
export function readArticle(doc: Document): ReaderOutput | null {
  const isReaderable = readerable(doc);
  let article: ReturnType<Readability<Element>['parse']>;
  try {
    // The serializer hands back Readability's own content element instead of an HTML string to re-parse.
    article = new Readability<Element>(doc, { serializer: (el) => el as Element }).parse();
  } catch {
    return null;
  }
  const content = article?.content;
  if (!article || !content) return null;
  const blocks: string[][] = [];
  let current: Element | null = null;
  let paragraphs = 0;
  let chars = 0;
  let linkChars = 0;
  const walker = content.ownerDocument.createTreeWalker(content, 4 /* NodeFilter.SHOW_TEXT */);
  const blockChars = new Map<string[], number>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent && NON_TEXT_PARENTS.has(parent.tagName)) continue;
    const text = collapse(node.nodeValue ?? '');
    if (!text) continue;
    const block = blockOf(node, content);
    if (block !== current || blocks.length === 0) {
      blocks.push([]);
      current = block;
    }
    const last = blocks[blocks.length - 1]!;
    last.push(text);
    blockChars.set(last, (blockChars.get(last) ?? 0) + text.length + 1);
    chars += text.length + 1;
    if (parent?.closest('a[href]')) linkChars += text.length + 1;
  }
  for (const length of blockChars.values()) if (length >= PARAGRAPH_CHARS) paragraphs += 1;
  let linkedHeadings = 0;
  for (const heading of Array.from(content.querySelectorAll('h2, h3, h4'))) {
    if (heading.querySelector('a[href]') || heading.closest('a[href]')) linkedHeadings += 1;
  }
  return {
    blocks,
    readerable: isReaderable,
    linkedHeadings,
    paragraphs,
    chars,
    linkChars,
    byline: article.byline ?? '',
    title: article.title ?? '',
    siteName: article.siteName ?? '',
    publishedTime: article.publishedTime ?? '',
  };
}


/**
 * Whether `doc` is an article and where its body is, with Readability run synchronously on a re-parsed copy of it:
 * the same serialise-and-parse path the extension takes off the page's main thread (findArticleAsync), here in one
 * call. For saved pages, tests and evaluation; on a live page use findArticleAsync, since the Readability pass can take
 * longer than the main thread's 50 ms budget. Never changes `doc`.
 */
export function findArticle(doc: Document): ArticleFinding {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  const parser = view?.DOMParser ? new view.DOMParser() : new DOMParser();
  return findArticleWith(doc, readHtml(serialisePage(doc), parser));
}

/** Pages larger than this are not parsed a second time (10 MB of markup; the largest saved news page is 1.2 MB). */
export const MAX_READ_HTML_CHARS = 10_000_000;

/**
 * Parses serialised page markup with `parser` (by default the context's own: an offscreen document in Chromium, the
 * background page in Firefox) and runs readArticle on it. Scripts in the markup never run: DOMParser documents are inert.
 * Returns null for markup over MAX_READ_HTML_CHARS or when Readability finds no body.
 */
export function readHtml(html: string, parser: DOMParser = new DOMParser()): ReaderOutput | null {
  if (html.length > MAX_READ_HTML_CHARS) return null;
  const doc = parser.parseFromString(html, 'text/html');
  return readArticle(doc);
}
