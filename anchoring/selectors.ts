import type { TextPositionSelector, TextQuoteSelector } from './types';

// Context is the rest of the quote's sentence: it survives edits elsewhere and tells repeated quotes
// apart far better than a fixed 32 characters. Clamped so a quote at a sentence edge still has some
// context and a run-on sentence does not bloat storage.
export const MIN_CONTEXT = 32;
export const MAX_CONTEXT = 160;
// Sentence boundaries are looked for in a window around the quote, never in the whole article.
const WINDOW = MAX_CONTEXT + 80;

let segmenter: Intl.Segmenter | null | undefined;

function sentenceSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'sentence' }) : null;
  }
  return segmenter;
}

/** Start of the sentence that contains text[at] (at is clamped to the window). */
function sentenceStartBefore(text: string, at: number): number {
  const from = Math.max(0, at - WINDOW);
  const seg = sentenceSegmenter();
  if (!seg) return from;
  let start = from;
  for (const s of seg.segment(text.slice(from, at))) start = from + s.index;
  return start;
}

/** End of the sentence that contains text[at - 1]. */
function sentenceEndAfter(text: string, at: number): number {
  const to = Math.min(text.length, at + WINDOW);
  const seg = sentenceSegmenter();
  if (!seg) return to;
  const first = seg.segment(text.slice(at, to))[Symbol.iterator]().next();
  if (first.done) return at;
  return at + first.value.segment.length;
}

function trimBreaks(s: string, side: 'start' | 'end'): string {
  return side === 'start' ? s.replace(/^\s+/, '') : s.replace(/\s+$/, '');
}

export function describeRange(
  text: string,
  start: number,
  end: number,
): { quote: TextQuoteSelector; position: TextPositionSelector } {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));

  let prefixStart = sentenceStartBefore(text, s);
  if (trimBreaks(text.slice(prefixStart, s), 'start').length < MIN_CONTEXT) prefixStart = Math.max(0, s - MIN_CONTEXT);
  prefixStart = Math.max(prefixStart, s - MAX_CONTEXT);

  let suffixEnd = sentenceEndAfter(text, e);
  if (trimBreaks(text.slice(e, suffixEnd), 'end').length < MIN_CONTEXT) suffixEnd = Math.min(text.length, e + MIN_CONTEXT);
  suffixEnd = Math.min(suffixEnd, e + MAX_CONTEXT);

  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(s, e),
      prefix: text.slice(prefixStart, s),
      suffix: text.slice(e, suffixEnd),
    },
    position: { type: 'TextPositionSelector', start: s, end: e },
  };
}
