// Maps the reader's text back onto the live page: the text nodes that hold each block of the article body, the
// smallest elements holding them, and a text-map filter that keeps only those. Pure DOM code, cheap enough for the
// page's main thread (one pass over its text nodes); it never changes the page.
import type { ReaderOutput } from './article-reader';

/** Elements that start a new block of text in Readability's output (HTML block-level content). */
export const BLOCK_TAGS = new Set([
  'P', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'PRE', 'BLOCKQUOTE', 'TD', 'TH', 'DD', 'DT', 'FIGCAPTION', 'DIV',
  'SECTION', 'ARTICLE', 'TABLE', 'UL', 'OL', 'DL', 'FIGURE', 'HEADER', 'FOOTER', 'ASIDE', 'CAPTION', 'ADDRESS', 'BODY',
]);

/** Text nodes under these are never reading text (and Readability drops them). */
export const NON_TEXT_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SVG', 'svg']);

/** Whitespace collapsed and trimmed: the form in which reader and live texts are compared. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The live elements that hold the reader's text. */
export interface LiveArticle {
  /** Smallest live element containing every matched block. */
  root: Element;
  /** For each matched reader block, the smallest live element holding its text nodes. */
  blocks: Set<Element>;
  /** Share of the reader's characters found in the live page, in [0, 1]. */
  matched: number;
}

interface LiveText {
  nodes: Text[];
  texts: string[];
  index: Map<string, number[]>;
}

/** Bounds the per-block search on pages that repeat one text many times ("Advertisement", "•"). */
const MAX_CANDIDATES = 40;
/** A block's text nodes sit close together in the page; further apart than this is another place. */
const MAX_GAP = 60;

function liveTexts(body: Element): LiveText {
  const nodes: Text[] = [];
  const texts: string[] = [];
  const index = new Map<string, number[]>();
  const walker = body.ownerDocument.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent && NON_TEXT_PARENTS.has(parent.tagName)) continue;
    const value = node.nodeValue ?? '';
    // Most text nodes between tags are pure whitespace; skip them before the regex.
    if (!/\S/.test(value)) continue;
    const text = collapse(value);
    const at = texts.length;
    nodes.push(node as Text);
    texts.push(text);
    const list = index.get(text);
    if (list) list.push(at);
    else index.set(text, [at]);
  }
  return { nodes, texts, index };
}

/** Live positions of `block`'s texts when its first text is at `start`: greedy, each next text within MAX_GAP nodes. */
function alignFrom(live: LiveText, block: string[], start: number): number[] {
  const found = [start];
  let at = start;
  for (let i = 1; i < block.length; i += 1) {
    const want = block[i];
    for (let j = at + 1; j < live.texts.length && j <= at + MAX_GAP; j += 1) {
      if (live.texts[j] === want) {
        found.push(j);
        at = j;
        break;
      }
    }
  }
  return found;
}

function commonAncestor(a: Element, b: Element): Element {
  if (a === b || a.contains(b)) return a;
  let el: Element | null = a.parentElement;
  while (el && !el.contains(b)) el = el.parentElement;
  return el ?? a.ownerDocument.documentElement;
}

/**
 * Finds, in the live document, the text nodes holding each reader block (in order, so a repeated line such as a
 * headline in the navigation is not taken for the one in the story) and returns the smallest elements holding them.
 * Returns null when nothing matches. Cost: one pass over the page's text nodes plus a hash lookup per reader block.
 */
export function mapReaderToLive(doc: Document, reader: Pick<ReaderOutput, 'blocks'>): LiveArticle | null {
  const body = doc.body;
  if (!body) return null;
  const live = liveTexts(body);
  const blocks = new Set<Element>();
  let root: Element | null = null;
  let cursor = 0;
  let wanted = 0;
  let held = 0;
  for (const block of reader.blocks) {
    const size = block.reduce((sum, text) => sum + text.length, 0);
    wanted += size;
    const first = block[0];
    const candidates = first === undefined ? undefined : live.index.get(first);
    if (!candidates) continue;
    // Prefer the first place after the previous block; fall back to anywhere (Readability may reorder a lead image).
    const ordered = [...candidates.filter((at) => at >= cursor), ...candidates.filter((at) => at < cursor)];
    let best: number[] = [];
    for (const start of ordered.slice(0, MAX_CANDIDATES)) {
      const found = alignFrom(live, block, start);
      if (found.length > best.length) best = found;
      if (found.length === block.length) break;
    }
    if (best.length === 0) continue;
    held += best.reduce((sum, at) => sum + (live.texts[at]?.length ?? 0), 0);
    cursor = best[best.length - 1]! + 1;
    let holder: Element | null = null;
    for (const at of best) {
      const parent = live.nodes[at]?.parentElement;
      if (parent) holder = holder ? commonAncestor(holder, parent) : parent;
    }
    if (!holder) continue;
    blocks.add(holder);
    root = root ? commonAncestor(root, holder) : holder;
  }
  if (!root) return null;
  return { root, blocks, matched: wanted ? Math.min(1, held / wanted) : 0 };
}

/**
 * A text-map `skip` predicate that keeps only the matched blocks (and the elements on the way to them) under `root`:
 * everything Readability left out (related links, promos, share bars inside the story's container) is skipped.
 */
export function keepOnly(live: LiveArticle): (el: Element) => boolean {
  const onPath = new Set<Element>();
  for (const block of live.blocks) {
    for (let el = block.parentElement; el && el !== live.root && !onPath.has(el); el = el.parentElement) onPath.add(el);
  }
  return (el) => {
    if (el === live.root || live.blocks.has(el) || onPath.has(el)) return false;
    // Inside a kept block: keep. The walk never enters skipped subtrees, so the parent chain is short.
    for (let up = el.parentElement; up && up !== live.root; up = up.parentElement) {
      if (live.blocks.has(up)) return false;
      if (onPath.has(up)) return true;
    }
    return true;
  };
}
