// Selectors relative to the whole document's text content, the text a W3C Web Annotation consumer (Apache Annotator,
// Hypothesis) matches against: every Text node under the root in document order, concatenated with nothing inserted
// between blocks (unlike the article text map, which adds "\n\n" between paragraphs and collapses whitespace).
// Recorded when an annotation is made, because the page's full text is not available later at export time.
import type { DocumentSelector } from './types';

/** Characters of context kept on each side of the quote (UTF-16 code units, never splitting a surrogate pair). */
export const DOCUMENT_CONTEXT = 32;

/** Unicode code points in `text` (a surrogate pair counts once), without building an array of characters. */
export function countCodePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1;
    }
    count += 1;
  }
  return count;
}

/**
 * TextQuoteSelector and TextPositionSelector for `range` relative to the text content of `root` (default: the
 * document's body). Positions are Unicode code points from the start of that text; prefix and suffix are the
 * DOCUMENT_CONTEXT characters of document text either side, as a strict matcher will find them. Returns null when the
 * range is collapsed or not inside `root`. Cost: one pass over the document's text (Range.toString), done once per
 * annotation the reader makes.
 */
export function describeDocumentRange(range: Range, root?: Node): DocumentSelector | null {
  const doc = range.startContainer.ownerDocument;
  const scope = root ?? doc?.body;
  if (!doc || !scope || range.collapsed || !scope.contains(range.startContainer) || !scope.contains(range.endContainer)) return null;
  const exact = range.toString();
  if (!exact) return null;
  const before = doc.createRange();
  before.setStart(scope, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const after = doc.createRange();
  after.setStart(range.endContainer, range.endOffset);
  after.setEnd(scope, scope.childNodes.length);
  const textBefore = before.toString();
  const textAfter = after.toString();
  const start = countCodePoints(textBefore);
  return {
    quote: { type: 'TextQuoteSelector', exact, prefix: tail(textBefore, DOCUMENT_CONTEXT), suffix: head(textAfter, DOCUMENT_CONTEXT) },
    position: { type: 'TextPositionSelector', start, end: start + countCodePoints(exact) },
  };
}

function tail(text: string, length: number): string {
  let from = Math.max(0, text.length - length);
  const code = text.charCodeAt(from);
  if (from > 0 && code >= 0xdc00 && code <= 0xdfff) from += 1;
  return text.slice(from);
}

function head(text: string, length: number): string {
  let to = Math.min(text.length, length);
  const code = text.charCodeAt(to - 1);
  if (to < text.length && code >= 0xd800 && code <= 0xdbff) to -= 1;
  return text.slice(0, to);
}
