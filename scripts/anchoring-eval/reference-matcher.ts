// The reference matcher of the anchoring benchmark: a Hypothesis-style quote matcher, written here from its
// published description (position first, then exact occurrences, then approximate matches; the best candidate by
// (50·quote + 20·prefix + 20·suffix + 2·position) / 92). It has no acceptance threshold: like the matcher it
// describes, it always returns its best candidate when the quote is found with at most half its chars wrong.
// It runs on the raw text (no whitespace, quote-mark or Unicode folding), as a DOM-text matcher would.
import search from 'approx-string-match';
import type { AnchorTarget } from '../../anchoring/match';

export interface ReferenceSpan {
  /** UTF-16 offsets into the text, [start, end). */
  start: number;
  end: number;
}

interface Found extends ReferenceSpan {
  errors: number;
}

const MAX_ERRORS = 256;

function occurrences(text: string, pattern: string): Found[] {
  const found: Found[] = [];
  for (let at = text.indexOf(pattern); at >= 0; at = text.indexOf(pattern, at + 1)) {
    found.push({ start: at, end: at + pattern.length, errors: 0 });
  }
  return found;
}

/** Exact occurrences if there are any, else approximate matches with up to `maxErrors` edits. */
function find(text: string, pattern: string, maxErrors: number): Found[] {
  const exact = occurrences(text, pattern);
  return exact.length > 0 ? exact : search(text, pattern, maxErrors);
}

/** 0..1: how well `context` is found inside `window` (1 - fewest edits / context length). */
function contextScore(context: string, window: string): number {
  if (context.length === 0) return 1;
  if (window.length === 0) return 0;
  const matches = search(window, context, context.length);
  const fewest = matches.reduce((min, m) => Math.min(min, m.errors), context.length);
  return 1 - fewest / context.length;
}

/** Re-anchors one saved target on `text`; null when the quote cannot be found with at most half its chars wrong. */
export function referenceAnchor(text: string, target: AnchorTarget): ReferenceSpan | null {
  const { exact, prefix, suffix } = target.quote;
  if (exact.length === 0) return null;
  const position = target.position;
  if (position && text.slice(position.start, position.end) === exact) return { start: position.start, end: position.end };
  const candidates = find(text, exact, Math.min(MAX_ERRORS, Math.floor(exact.length / 2)));
  let best: ReferenceSpan | null = null;
  let bestScore = -Infinity;
  for (const c of candidates) {
    const quoteScore = 1 - c.errors / exact.length;
    const prefixScore = contextScore(prefix, text.slice(Math.max(0, c.start - prefix.length), c.start));
    const suffixScore = contextScore(suffix, text.slice(c.end, c.end + suffix.length));
    const positionScore = position ? 1 - Math.abs(c.start - position.start) / Math.max(1, text.length) : 1;
    const score = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * positionScore) / 92;
    if (score > bestScore) {
      bestScore = score;
      best = { start: c.start, end: c.end };
    }
  }
  return best;
}
