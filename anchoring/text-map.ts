// Plain text of an article root plus a two-way map between text offsets and live DOM positions.
// The text is what a reader sees: blocks become "\n\n", HTML whitespace collapses like a browser renders it.

export interface TextMap {
  text: string;
  /** Text nodes in document order; charNode refers to them by index. */
  nodes: Text[];
  /** For each char of text: index into nodes. Never decreases, so a node's chars form one run (binary search). */
  charNode: Int32Array;
  /** For each char of text: offset inside its node, or -1 for a synthetic paragraph break. */
  charOffset: Int32Array;
}

export interface BuildTextMapOptions {
  /** Extra elements to leave out with their subtree (the article finder passes its boilerplate test). */
  skip?: (el: Element) => boolean;
  /** Stop once the text reaches this length; protects the content script on enormous pages. */
  maxChars?: number;
  /**
   * Read computed styles to catch display:none / visibility:hidden set by stylesheets and block-level
   * elements with inline tags. Default true; off is faster and still honours tags and attributes.
   */
  computedStyle?: boolean;
}

const DEFAULT_MAX_CHARS = 2_000_000;
const SYNTHETIC = -1;

const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'INPUT', 'TEXTAREA', 'SELECT', 'BUTTON',
  'IFRAME', 'OBJECT', 'CANVAS', 'VIDEO', 'AUDIO', 'MATH', 'HEAD', 'TITLE', 'META', 'LINK',
]);

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'BR', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIALOG', 'DIV',
  'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER',
  'HGROUP', 'HR', 'LEGEND', 'LI', 'MAIN', 'MENU', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY',
  'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

const PREFORMATTED_TAGS = new Set(['PRE', 'LISTING', 'XMP', 'PLAINTEXT']);

const INLINE_DISPLAYS = new Set(['inline', 'inline-block', 'inline-flex', 'inline-grid', 'contents', 'ruby', '']);

function isHtmlSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
}

/** Growable pair of typed arrays; avoids a JS object per character on long pages. */
class CharPositions {
  node: Int32Array;
  offset: Int32Array;
  length = 0;

  constructor(capacity: number) {
    this.node = new Int32Array(capacity);
    this.offset = new Int32Array(capacity);
  }

  push(node: number, offset: number): void {
    if (this.length === this.node.length) {
      const bigger = this.node.length * 2;
      const n = new Int32Array(bigger);
      n.set(this.node);
      const o = new Int32Array(bigger);
      o.set(this.offset);
      this.node = n;
      this.offset = o;
    }
    this.node[this.length] = node;
    this.offset[this.length] = offset;
    this.length += 1;
  }
}

type ElementVerdict = { skip: true } | { skip: false; block: boolean; pre: boolean };

function judgeElement(el: Element, options: BuildTextMapOptions, view: Window | null): ElementVerdict {
  const tag = el.tagName.toUpperCase();
  if (SKIPPED_TAGS.has(tag)) return { skip: true };
  // Cheap attribute cues first: they make the computed-style call unnecessary for the subtree.
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return { skip: true };
  if (options.skip?.(el)) return { skip: true };
  let block = BLOCK_TAGS.has(tag);
  let pre = PREFORMATTED_TAGS.has(tag);
  if (view && options.computedStyle !== false) {
    const style = view.getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse') {
      return { skip: true };
    }
    if (!block && !INLINE_DISPLAYS.has(style.display)) block = true;
    const ws = style.whiteSpace;
    if (ws === 'pre' || ws === 'pre-wrap' || ws === 'break-spaces') pre = true;
  }
  return { skip: false, block, pre };
}

export function buildTextMap(root: Element, options: BuildTextMapOptions = {}): TextMap {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const doc = root.ownerDocument;
  const view = doc.defaultView;
  const nodes: Text[] = [];
  const parts: string[] = [];
  const chars = new CharPositions(4096);

  // Breaks and spaces are held back until real text follows, so the text never starts or ends with
  // them and never holds two in a row.
  let pendingBreak = false;
  let pendingSpace: { node: number; offset: number } | null = null;
  let lastWasSpace = true;
  let preDepth = 0;

  const emit = (s: string, node: number, offset: number): void => {
    parts.push(s);
    chars.push(node, offset);
  };

  const flushBefore = (nodeIndex: number): void => {
    if (pendingBreak) {
      if (chars.length > 0) {
        emit('\n', nodeIndex, SYNTHETIC);
        emit('\n', nodeIndex, SYNTHETIC);
      }
      pendingBreak = false;
      pendingSpace = null;
    } else if (pendingSpace) {
      emit(' ', pendingSpace.node, pendingSpace.offset);
      pendingSpace = null;
    }
  };

  const blockBoundary = (): void => {
    pendingBreak = true;
    pendingSpace = null;
    lastWasSpace = true;
  };

  const addText = (textNode: Text): void => {
    const data = textNode.data;
    if (data.length === 0) return;
    const nodeIndex = nodes.length;
    nodes.push(textNode);
    let i = 0;
    while (i < data.length) {
      if (preDepth === 0 && isHtmlSpace(data.charCodeAt(i))) {
        if (!lastWasSpace && !pendingBreak && pendingSpace === null) pendingSpace = { node: nodeIndex, offset: i };
        lastWasSpace = true;
        i++;
        continue;
      }
      // A run of visible chars goes into the text as one piece; one string per char is the slow part on long pages.
      let end = i + 1;
      while (end < data.length && (preDepth > 0 || !isHtmlSpace(data.charCodeAt(end)))) end++;
      flushBefore(nodeIndex);
      parts.push(data.slice(i, end));
      for (let k = i; k < end; k++) chars.push(nodeIndex, k);
      lastWasSpace = false;
      i = end;
    }
  };

  // firstChild/nextSibling/parentNode rather than nextNode(), so leaving a block is visible and a
  // skipped element's subtree is never entered.
  const walker = doc.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */);
  const openBlocks: boolean[] = [];
  const openPre: boolean[] = [];
  const leave = (): void => {
    if (openBlocks.pop()) blockBoundary();
    if (openPre.pop()) preDepth -= 1;
  };

  const rootVerdict = judgeElement(root, {}, view);
  if (!rootVerdict.skip && rootVerdict.pre) preDepth = 1;

  let current: Node | null = walker.firstChild();
  while (current && chars.length < maxChars) {
    if (current.nodeType === 3) {
      addText(current as Text);
    } else {
      const verdict = judgeElement(current as Element, options, view);
      if (!verdict.skip) {
        if (verdict.block) blockBoundary();
        if (verdict.pre) preDepth += 1;
        openBlocks.push(verdict.block);
        openPre.push(verdict.pre);
        const child = walker.firstChild();
        if (child) {
          current = child;
          continue;
        }
        leave();
      }
    }
    let next: Node | null = walker.nextSibling();
    while (!next) {
      const parent = walker.parentNode();
      if (!parent || parent === root) break;
      leave();
      next = walker.nextSibling();
    }
    current = next;
  }

  let text = parts.join('');
  let length = chars.length;
  if (length > maxChars) {
    text = text.slice(0, maxChars);
    length = maxChars;
  }
  while (length > 0 && chars.offset[length - 1] === SYNTHETIC) length -= 1;
  text = text.slice(0, length);
  return {
    text,
    nodes,
    charNode: chars.node.slice(0, length),
    charOffset: chars.offset.slice(0, length),
  };
}

/** First index in [lo, hi) whose value is >= target (values non-decreasing). */
function lowerBound(values: Int32Array, target: number, lo = 0, hi = values.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function nodeIndexOf(map: TextMap, node: Text): number {
  // Nodes are in document order, so a binary search by document position finds it without a lookup table.
  let lo = 0;
  let hi = map.nodes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const candidate = map.nodes[mid] as Text;
    if (candidate === node) return mid;
    if (candidate.compareDocumentPosition(node) & 4 /* FOLLOWING */) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Index of the first mapped text node at or after the boundary point (container, offset). */
function firstNodeAtOrAfter(map: TextMap, container: Node, offset: number): number {
  const child = container.nodeType === 1 ? container.childNodes[offset] : undefined;
  const isAfter = (n: Text): boolean => {
    if (child) return n === child || (child.compareDocumentPosition(n) & 4) !== 0;
    const rel = container.compareDocumentPosition(n);
    return (rel & 4) !== 0 && (rel & 16) === 0; // following, but not inside the container
  };
  let lo = 0;
  let hi = map.nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isAfter(map.nodes[mid] as Text)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Text offset of a DOM boundary point: the index of the first text char at or after it. */
function boundaryToOffset(map: TextMap, container: Node, offset: number): number {
  if (container.nodeType === 3) {
    const index = nodeIndexOf(map, container as Text);
    if (index >= 0) {
      const lo = lowerBound(map.charNode, index);
      const hi = lowerBound(map.charNode, index + 1, lo);
      let j = lo;
      while (j < hi && (map.charOffset[j] as number) < offset) j++;
      return j;
    }
    const after = firstNodeAtOrAfter(map, container, 0);
    return lowerBound(map.charNode, after);
  }
  return lowerBound(map.charNode, firstNodeAtOrAfter(map, container, offset));
}

function isInside(map: TextMap, node: Node): boolean {
  const first = map.nodes[0];
  if (!first) return false;
  let root: Node | null = first.parentNode;
  while (root?.parentNode) root = root.parentNode;
  return root !== null && (node === root || root.contains(node));
}

export function offsetsFromPoint(map: TextMap, node: Node, offset: number): number | null {
  if (!isInside(map, node)) return null;
  let at = boundaryToOffset(map, node, offset);
  while (at < map.text.length && map.charOffset[at] === SYNTHETIC) at++;
  return at;
}

export function offsetsFromRange(map: TextMap, range: Range): { start: number; end: number } | null {
  if (!isInside(map, range.startContainer) || !isInside(map, range.endContainer)) return null;
  let start = boundaryToOffset(map, range.startContainer, range.startOffset);
  let end = boundaryToOffset(map, range.endContainer, range.endOffset);
  while (start < end && map.charOffset[start] === SYNTHETIC) start++;
  while (end > start && map.charOffset[end - 1] === SYNTHETIC) end--;
  if (end <= start) return null;
  return { start, end };
}

export function rangeFromOffsets(map: TextMap, start: number, end: number): Range | null {
  let s = Math.max(0, start);
  let e = Math.min(map.text.length, end);
  // Paragraph breaks have no DOM text of their own; trim them so the range starts and ends on real chars.
  while (s < e && map.charOffset[s] === SYNTHETIC) s++;
  while (e > s && map.charOffset[e - 1] === SYNTHETIC) e--;
  if (e <= s) return null;
  const startNode = map.nodes[map.charNode[s] as number];
  const endNode = map.nodes[map.charNode[e - 1] as number];
  if (!startNode || !endNode || !startNode.isConnected || !endNode.isConnected) return null;
  const startOffset = map.charOffset[s] as number;
  const endOffset = (map.charOffset[e - 1] as number) + 1;
  if (startOffset > startNode.length || endOffset > endNode.length) return null;
  const range = startNode.ownerDocument.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  return range;
}
