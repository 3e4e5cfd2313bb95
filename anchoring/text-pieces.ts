/**
 * Splits a range into one range per text node it covers (empty pieces dropped), in document order. Wrapping needs it
 * (`surroundContents` cannot cross element boundaries) and so does measuring (`Range.getClientRects()` on a range that
 * holds whole elements also returns their border boxes).
 */
export function textPieces(range: Range): Range[] {
  const doc = range.startContainer.ownerDocument ?? document;
  const root = range.commonAncestorContainer;
  const pieces: Range[] = [];
  const walker = doc.createTreeWalker(root.nodeType === Node.TEXT_NODE ? root.parentNode ?? root : root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!range.intersectsNode(node)) continue;
    const text = node as Text;
    const start = node === range.startContainer ? range.startOffset : 0;
    const end = node === range.endContainer ? range.endOffset : text.length;
    if (end <= start) continue;
    const piece = doc.createRange();
    piece.setStart(text, start);
    piece.setEnd(text, end);
    pieces.push(piece);
  }
  return pieces;
}
