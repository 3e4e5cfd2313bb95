// Where a saved quote may be now: exact occurrences, approximate matches (approx-string-match), long quotes by head
// and tail, the quote searched with its context, and the text between the saved context at the expected place.
// Candidates are scored by match-score.ts; anchoring/match.ts decides which searches run.
import search from 'approx-string-match';
import { similarity } from './similarity';
import { MAX_ERRORS, MAX_EXACT_CANDIDATES, MIN_QUOTE_SIMILARITY, NEAR_INTACT, type Candidate, type Query, type Window } from './match-query';

/** Every exact occurrence of the normalized quote (up to MAX_EXACT_CANDIDATES). */
export function exactCandidates(norm: string, quote: string): Candidate[] {
  const found: Candidate[] = [];
  for (let at = norm.indexOf(quote); at >= 0 && found.length < MAX_EXACT_CANDIDATES; at = norm.indexOf(quote, at + 1)) {
    found.push({ start: at, end: at + quote.length, quoteSimilarity: 1 });
  }
  return found;
}

/** Approximate matches of `quote` in `norm` (approx-string-match), offsets moved by `offset` into the whole text. */
export function approxCandidates(norm: string, quote: string, offset = 0): Candidate[] {
  // Matches with more errors would be rejected as implausible anyway, and the search cost grows with the budget.
  const maxErrors = Math.min(MAX_ERRORS, Math.floor(quote.length * (1 - MIN_QUOTE_SIMILARITY)));
  return search(norm, quote, maxErrors).map((m) => ({
    start: m.start + offset,
    end: m.end + offset,
    quoteSimilarity: 1 - m.errors / quote.length,
  }));
}

/** A long quote: locate its head and tail, then measure the whole span between them against the quote. */
export function longQuoteCandidates(norm: string, quote: string, window: Window): Candidate[] {
  const part = 128;
  const area = norm.slice(window.from, window.to);
  const heads = approxCandidates(area, quote.slice(0, part), window.from);
  const tails = approxCandidates(area, quote.slice(-part), window.from);
  const spans: Candidate[] = [];
  for (const h of heads) {
    for (const t of tails) {
      const length = t.end - h.start;
      if (t.end <= h.start || length < quote.length * 0.5 || length > quote.length * 1.5) continue;
      const windowStart = Math.max(0, h.start - 16);
      const span = norm.slice(windowStart, Math.min(norm.length, t.end + 16));
      const verified = search(span, quote, Math.floor(quote.length * (1 - MIN_QUOTE_SIMILARITY)));
      const first = verified[0];
      if (first) {
        spans.push({
          start: first.start + windowStart,
          end: first.end + windowStart,
          quoteSimilarity: 1 - first.errors / quote.length,
        });
      }
    }
  }
  return spans;
}

/** How much saved context goes into the context-guided search pattern on each side. */
export const CONTEXT_PROBE = 32;
/** Share of the quote-plus-context pattern allowed to differ: the quote may be edited and its context too. */
export const PASSAGE_ERRORS = 0.4;

/**
 * The search returns only the lowest-error matches, so a slightly edited quote can be shadowed by a
 * closer look-alike elsewhere (a headline repeating the lede). Searching for the quote together with
 * its context finds the passage the reader marked; the quote is then located inside that passage.
 */
export function contextGuidedCandidates(norm: string, q: Query, window: Window): Candidate[] {
  const before = q.prefix.slice(-CONTEXT_PROBE);
  const after = q.suffix.slice(0, CONTEXT_PROBE);
  if (before.length + after.length === 0) return [];
  const pattern = before + q.quote + after;
  const passages = search(norm.slice(window.from, window.to), pattern, Math.min(MAX_ERRORS, Math.floor(pattern.length * PASSAGE_ERRORS)));
  const found: Candidate[] = [];
  for (const passage of passages.slice(0, 8)) {
    const from = Math.max(0, window.from + passage.start - 8);
    const to = Math.min(norm.length, window.from + passage.end + 8);
    found.push(...approxCandidates(norm.slice(from, to), q.quote, from));
  }
  return found;
}

const REFINE_PROBE = 24;

function nearest<T>(items: T[], distance: (item: T) => number): T | undefined {
  let top: T | undefined;
  let topDistance = Infinity;
  for (const item of items) {
    const d = distance(item);
    if (d < topDistance) {
      top = item;
      topDistance = d;
    }
  }
  return top;
}

/**
 * An approximate match ends where the edit distance is lowest, which can cut an inserted word off the
 * end. The saved context knows better: the quote is what lies between the prefix and the suffix.
 */
export function refineBoundaries(norm: string, q: Query, c: Candidate): Candidate {
  const half = Math.ceil(q.quote.length / 2);
  let start = c.start;
  let end = c.end;
  const after = q.suffix.slice(0, REFINE_PROBE).trimEnd();
  if (after.trim().length >= 8) {
    const from = Math.max(c.start + 1, c.end - half);
    const hits = search(norm.slice(from, c.end + half + after.length), after, Math.floor(after.length / 4));
    const hit = nearest(hits, (m) => Math.abs(m.start + from - c.end));
    if (hit) end = hit.start + from;
  }
  const before = q.prefix.slice(-REFINE_PROBE).trimStart();
  if (before.trim().length >= 8) {
    const from = Math.max(0, c.start - half - before.length);
    const hits = search(norm.slice(from, Math.max(from, Math.min(end - 1, c.start + half))), before, Math.floor(before.length / 4));
    const hit = nearest(hits, (m) => Math.abs(m.end + from - c.start));
    if (hit) start = hit.end + from;
  }
  while (start < end && norm[start] === ' ') start++;
  while (end > start && norm[end - 1] === ' ') end--;
  const length = end - start;
  if ((start === c.start && end === c.end) || length < q.quote.length * 0.5 || length > q.quote.length * 2) return c;
  const quoteSimilarity = similarity(q.quote, norm.slice(start, end));
  return quoteSimilarity >= MIN_QUOTE_SIMILARITY ? { start, end, quoteSimilarity } : c;
}

/** Share of the near suffix that may differ where the in-place candidate ends. */
const IN_PLACE_SUFFIX_ERRORS = 0.2;

/**
 * The text between the saved near context at the expected place, when that context is still there: a quote
 * edited in place ("18" → "15"). Approximate search cannot find a two-char quote with one char changed; its
 * context can.
 */
export function inPlaceCandidate(norm: string, q: Query): Candidate | null {
  const hint = q.hint;
  if (hint === undefined || q.nearPrefix.length < 8 || q.nearSuffix.trim().length < 8) return null;
  if (similarity(q.nearPrefix, norm.slice(Math.max(0, hint - q.nearPrefix.length), hint)) < NEAR_INTACT) return null;
  const from = Math.min(norm.length, hint + 1);
  const area = norm.slice(from, from + 2 * q.quote.length + q.nearSuffix.length);
  const hits = search(area, q.nearSuffix, Math.floor(q.nearSuffix.length * IN_PLACE_SUFFIX_ERRORS));
  const hit = nearest(hits, (m) => Math.abs(m.start + from - (hint + q.quote.length)));
  if (!hit) return null;
  let end = from + hit.start;
  while (end > hint && norm[end - 1] === ' ') end--;
  const length = end - hint;
  if (length < q.quote.length * 0.5 || length > q.quote.length * 2) return null;
  return { start: hint, end, quoteSimilarity: similarity(q.quote, norm.slice(hint, end)) };
}
