// Decides whether a page is an article and finds the live element that holds its body paragraphs.
// Pure DOM code: no extension APIs, so it runs in tests and on saved pages.
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import { isBoilerplate } from './article-boilerplate';
import { extractMetadataWithEvidence } from './article-metadata';
import type { ArticleMetadata } from './types';

export { isBoilerplate } from './article-boilerplate';
export { extractMetadata } from './article-metadata';

export interface ArticleFinding {
  isArticle: boolean;
  /**
   * Smallest element of this live document holding (nearly) all body paragraphs. Given for non-articles too, so a
   * reader can choose to annotate anyway; null only when the page has no paragraph text at all.
   */
  root: Element | null;
  metadata: ArticleMetadata;
  /** Human-readable evidence, for debugging and for the "why not?" hint in the UI. */
  reasons: string[];
}

/** Bounds the work on enormous pages: the finder runs on every page the reader opens. */
const MAX_BLOCKS = 6_000;
const MAX_DEPTH = 400;
const MIN_PARAGRAPH_CHARS = 30;
const MAX_LINK_SHARE = 0.5;
/** The root must hold this share of the page's paragraph text; the rest is stray blurbs outside the story. */
const ROOT_SHARE = 0.8;
const ARTICLE_BODY_SHARE = 0.5;
const MIN_ARTICLE_CHARS = 400;
const LONG_TEXT_CHARS = 1_500;
const LISTING_TYPES = new Set(['CollectionPage', 'SearchResultsPage', 'ProfilePage']);

interface Block {
  el: Element;
  chars: number;
}

function visibleLength(text: string): number {
  return text.replace(/\s+/g, ' ').trim().length;
}

function directTextLength(el: Element): number {
  let length = 0;
  for (const child of Array.from(el.childNodes)) if (child.nodeType === 3) length += visibleLength(child.nodeValue ?? '');
  return length;
}

function linkChars(el: Element): number {
  let total = 0;
  for (const link of Array.from(el.querySelectorAll('a[href]'))) total += visibleLength(link.textContent ?? '');
  return total;
}

/** Paragraph-like blocks: <p>, <pre>, and <div>s that carry text directly (sites that skip <p>). */
function collectBlocks(body: Element): Block[] {
  const blocks: Block[] = [];
  const candidates = body.querySelectorAll('p, pre, div');
  const limit = Math.min(candidates.length, MAX_BLOCKS);
  for (let i = 0; i < limit; i += 1) {
    const el = candidates[i];
    if (!el) continue;
    if (el.tagName === 'DIV' && directTextLength(el) < MIN_PARAGRAPH_CHARS) continue;
    const chars = el.tagName === 'DIV' ? directTextLength(el) : visibleLength(el.textContent ?? '');
    if (chars < MIN_PARAGRAPH_CHARS) continue;
    if (el.tagName !== 'DIV' && linkChars(el) / chars > MAX_LINK_SHARE) continue;
    blocks.push({ el, chars });
  }
  return blocks;
}

function* ancestorsOf(el: Element, stop: Element): Generator<Element> {
  let current: Element | null = el;
  for (let depth = 0; current && depth < MAX_DEPTH; depth += 1) {
    yield current;
    if (current === stop) return;
    current = current.parentElement;
  }
}

function sumByAncestor(blocks: Block[], body: Element): Map<Element, number> {
  const totals = new Map<Element, number>();
  for (const block of blocks) {
    for (const el of ancestorsOf(block.el, body)) totals.set(el, (totals.get(el) ?? 0) + block.chars);
  }
  return totals;
}

function withoutBoilerplate(blocks: Block[], body: Element): Block[] {
  const verdicts = new Map<Element, boolean>();
  const furniture = (el: Element): boolean => {
    let verdict = verdicts.get(el);
    if (verdict === undefined) {
      verdict = el !== body && isBoilerplate(el, { computedStyle: false });
      verdicts.set(el, verdict);
    }
    return verdict;
  };
  return blocks.filter((block) => {
    for (const el of ancestorsOf(block.el, body)) if (furniture(el)) return false;
    return true;
  });
}

function descendToRoot(body: Element, totals: Map<Element, number>, total: number): Element {
  let current = body;
  for (;;) {
    let best: Element | null = null;
    let bestChars = 0;
    for (const child of Array.from(current.children)) {
      const chars = totals.get(child) ?? 0;
      if (chars > bestChars) {
        best = child;
        bestChars = chars;
      }
    }
    if (!best || bestChars < ROOT_SHARE * total) return current;
    current = best;
  }
}

function chooseRoot(doc: Document, body: Element, blocks: Block[]): { root: Element | null; chars: number } {
  if (blocks.length === 0) return { root: doc.querySelector('[itemprop="articleBody"], article'), chars: 0 };
  const totals = sumByAncestor(blocks, body);
  const total = totals.get(body) ?? 0;
  const marked = doc.querySelector('[itemprop="articleBody"]');
  const markedChars = marked ? (totals.get(marked) ?? 0) : 0;
  if (marked && markedChars >= ARTICLE_BODY_SHARE * total) return { root: marked, chars: markedChars };
  const root = descendToRoot(body, totals, total);
  return { root, chars: totals.get(root) ?? 0 };
}

function countLinkedHeadings(root: Element): number {
  let count = 0;
  for (const heading of Array.from(root.querySelectorAll('h2, h3, h4'))) {
    if (heading.querySelector('a[href]') || heading.closest('a[href]')) count += 1;
  }
  return count;
}

function readerable(doc: Document): boolean {
  try {
    return isProbablyReaderable(doc);
  } catch {
    return false;
  }
}

/** Finds the article on a page: whether there is one, its body root, its metadata, and why. */
export function findArticle(doc: Document): ArticleFinding {
  const { metadata, jsonLdType, jsonLdTypes } = extractMetadataWithEvidence(doc);
  const reasons: string[] = [];
  const body = doc.body;
  if (!body) return { isArticle: false, root: null, metadata, reasons: ['no body'] };

  const allBlocks = collectBlocks(body);
  let blocks = withoutBoilerplate(allBlocks, body);
  // A wrapper whose class merely mentions a sidebar or a menu must not hide the whole story.
  const allChars = allBlocks.reduce((sum, block) => sum + block.chars, 0);
  const keptChars = blocks.reduce((sum, block) => sum + block.chars, 0);
  if (keptChars < 0.1 * allChars) blocks = allBlocks;
  const { root, chars } = chooseRoot(doc, body, blocks);
  const paragraphs = root ? blocks.filter((block) => root.contains(block.el)).length : 0;
  reasons.push(`${chars} characters in ${paragraphs} paragraphs under <${root?.tagName.toLowerCase() ?? 'none'}>`);

  const typed: string[] = [];
  if (jsonLdType) typed.push(`json-ld ${jsonLdType}`);
  const ogType = doc.querySelector('meta[property="og:type"]')?.getAttribute('content')?.trim().toLowerCase();
  if (ogType === 'article') typed.push('og:type=article');
  if (doc.querySelector('meta[name="citation_title"]')) typed.push('citation_title');
  reasons.push(...typed);
  // Readability's check reads whole-article text (tens of ms on long pages); it only matters without metadata.
  const isReaderable = typed.length === 0 && chars < LONG_TEXT_CHARS && readerable(doc);
  if (isReaderable) reasons.push('readerable');

  const listingTypes = jsonLdTypes.filter((type) => LISTING_TYPES.has(type));
  const linkedHeadings = root ? countLinkedHeadings(root) : 0;
  const listing =
    (listingTypes.length > 0 && (!jsonLdType || linkedHeadings >= 3)) ||
    (linkedHeadings >= 4 && linkedHeadings * 2 >= paragraphs);
  if (listingTypes.length > 0) reasons.push(`json-ld ${listingTypes.join(', ')}`);
  if (listing) reasons.push(`listing: ${linkedHeadings} linked headings among ${paragraphs} paragraphs`);

  const enoughText = chars >= MIN_ARTICLE_CHARS && paragraphs >= 2;
  const isArticle = !listing && enoughText && (typed.length > 0 || isReaderable || chars >= LONG_TEXT_CHARS);
  if (!enoughText) reasons.push('too little paragraph text');
  return { isArticle, root, metadata, reasons };
}
