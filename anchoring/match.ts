import search from 'approx-string-match';
import { normalize, normalizeWithMap, sameIgnoringSpace, type NormalizedText } from './normalize';
import { similarity } from './similarity';
import type { Anchor, TextPositionSelector, TextQuoteSelector } from './types';

export interface AnchorTarget {
  quote: TextQuoteSelector;
  position?: TextPositionSelector;
}

/** Quotes longer than this are found by their head and tail, then verified as a whole. */
const LONG_QUOTE = 256;
const MAX_ERRORS = 256;
/** Enough occurrences to disambiguate a repeated quote; more only costs time. */
const MAX_EXACT_CANDIDATES = 200;
/** Below this share of matching quote chars an approximate match is another passage, not an edited quote. */
const MIN_QUOTE_SIMILARITY = 0.65;

/** Prepared once per text and shared by every annotation anchored on it. */
export interface PreparedText {
  text: string;
  normalized(): NormalizedText;
}

export function prepareText(text: string): PreparedText {
  let norm: NormalizedText | undefined;
  return {
    text,
    normalized: () => (norm ??= normalizeWithMap(text)),
  };
}

interface Candidate {
  /** Offsets in the normalized text. */
  start: number;
  end: number;
  quoteSimilarity: number;
}

interface Scored extends Candidate {
  score: number;
}

interface Query {
  quote: string;
  prefix: string;
  suffix: string;
  /** Saved position mapped into the normalized text, if any. */
  hint?: number;
}

/**
 * Short quotes ("the council") occur by chance; they need their context to be believed.
 * Long quotes are specific enough that a match without context is still the same passage.
 */
export function minConfidence(quoteLength: number): number {
  const shortness = Math.max(0, Math.min(1, (48 - quoteLength) / 40));
  return 0.55 + 0.2 * shortness;
}

function validPosition(text: string, position: TextPositionSelector | undefined): position is TextPositionSelector {
  return (
    position !== undefined &&
    Number.isInteger(position.start) &&
    Number.isInteger(position.end) &&
    position.start >= 0 &&
    position.end > position.start &&
    position.end <= text.length
  );
}

function contextScores(norm: string, q: Query, start: number, end: number): { prefix: number; suffix: number } {
  return {
    prefix: similarity(q.prefix, norm.slice(Math.max(0, start - q.prefix.length), start)),
    suffix: similarity(q.suffix, norm.slice(end, end + q.suffix.length)),
  };
}

function score(norm: string, q: Query, c: Candidate): Scored {
  const ctx = contextScores(norm, q, c.start, c.end);
  const closeness = q.hint === undefined ? 0.5 : Math.max(0, 1 - Math.abs(c.start - q.hint) / Math.max(1, norm.length));
  const value = (50 * c.quoteSimilarity + 20 * ctx.prefix + 20 * ctx.suffix + 2 * closeness) / 92;
  return { ...c, score: value };
}

function best(norm: string, q: Query, candidates: Candidate[]): Scored | null {
  let top: Scored | null = null;
  for (const c of candidates) {
    const s = score(norm, q, c);
    if (!top || s.score > top.score) top = s;
  }
  return top;
}

function exactCandidates(norm: string, quote: string): Candidate[] {
  const found: Candidate[] = [];
  for (let at = norm.indexOf(quote); at >= 0 && found.length < MAX_EXACT_CANDIDATES; at = norm.indexOf(quote, at + 1)) {
    found.push({ start: at, end: at + quote.length, quoteSimilarity: 1 });
  }
  return found;
}

function approxCandidates(norm: string, quote: string, offset = 0): Candidate[] {
  const maxErrors = Math.min(MAX_ERRORS, Math.floor(quote.length / 2));
  return search(norm, quote, maxErrors).map((m) => ({
    start: m.start + offset,
    end: m.end + offset,
    quoteSimilarity: 1 - m.errors / quote.length,
  }));
}

/** A long quote: locate its head and tail, then measure the whole span between them against the quote. */
function longQuoteCandidates(norm: string, quote: string): Candidate[] {
  const part = 128;
  const heads = approxCandidates(norm, quote.slice(0, part));
  const tails = approxCandidates(norm, quote.slice(-part));
  const spans: Candidate[] = [];
  for (const h of heads) {
    for (const t of tails) {
      const length = t.end - h.start;
      if (t.end <= h.start || length < quote.length * 0.5 || length > quote.length * 1.5) continue;
      const windowStart = Math.max(0, h.start - 16);
      const window = norm.slice(windowStart, Math.min(norm.length, t.end + 16));
      const verified = search(window, quote, Math.floor(quote.length / 2));
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
const CONTEXT_PROBE = 32;

/**
 * The search returns only the lowest-error matches, so a slightly edited quote can be shadowed by a
 * closer look-alike elsewhere (a headline repeating the lede). Searching for the quote together with
 * its context finds the passage the reader marked; the quote is then located inside that passage.
 */
function contextGuidedCandidates(norm: string, q: Query): Candidate[] {
  const before = q.prefix.slice(-CONTEXT_PROBE);
  const after = q.suffix.slice(0, CONTEXT_PROBE);
  if (before.length + after.length === 0) return [];
  const pattern = before + q.quote + after;
  const passages = search(norm, pattern, Math.min(MAX_ERRORS, Math.floor(pattern.length / 2)));
  const found: Candidate[] = [];
  for (const passage of passages.slice(0, 8)) {
    const from = Math.max(0, passage.start - 8);
    const to = Math.min(norm.length, passage.end + 8);
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
function refineBoundaries(norm: string, q: Query, c: Candidate): Candidate {
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

function toAnchor(prepared: PreparedText, exact: string, found: Scored): Anchor | null {
  const norm = prepared.normalized();
  const start = norm.normToRaw[found.start];
  const last = norm.normToRaw[found.end - 1];
  if (start === undefined || last === undefined) return null;
  const end = last + 1;
  const text = prepared.text.slice(start, end);
  const exactText = sameIgnoringSpace(text, exact);
  return {
    start,
    end,
    quality: exactText ? 'exact' : 'changed',
    confidence: Math.round(found.score * 1000) / 1000,
  };
}

function anchorAtPosition(text: string, target: AnchorTarget): Anchor | null {
  const { quote, position } = target;
  if (!validPosition(text, position) || text.slice(position.start, position.end) !== quote.exact) return null;
  const prefix = similarity(quote.prefix, text.slice(Math.max(0, position.start - quote.prefix.length), position.start));
  const suffix = similarity(quote.suffix, text.slice(position.end, position.end + quote.suffix.length));
  // The saved quote at the saved place is near-certain; differing context only says the page moved around it.
  return { start: position.start, end: position.end, quality: 'exact', confidence: 0.9 + 0.05 * (prefix + suffix) };
}

export function anchorPrepared(prepared: PreparedText, target: AnchorTarget): Anchor | null {
  if (target.quote.exact.length === 0) return null;
  const atPosition = anchorAtPosition(prepared.text, target);
  if (atPosition) return atPosition;

  const quote = normalize(target.quote.exact).trim();
  if (quote.length === 0) return null;
  const norm = prepared.normalized();
  const q: Query = {
    quote,
    prefix: normalize(target.quote.prefix),
    suffix: normalize(target.quote.suffix),
    hint: validPosition(prepared.text, target.position) ? norm.rawToNorm[target.position.start] : undefined,
  };
  const threshold = minConfidence(quote.length);

  const exact = best(norm.text, q, exactCandidates(norm.text, quote));
  if (exact && exact.score >= threshold) return toAnchor(prepared, target.quote.exact, exact);

  const fuzzy =
    quote.length > LONG_QUOTE
      ? longQuoteCandidates(norm.text, quote)
      : [...approxCandidates(norm.text, quote), ...contextGuidedCandidates(norm.text, q)];
  const plausible = fuzzy.filter((c) => c.quoteSimilarity >= MIN_QUOTE_SIMILARITY && c.quoteSimilarity < 1);
  const top = best(norm.text, q, plausible);
  if (!top) return null;
  const found = quote.length > LONG_QUOTE ? top : best(norm.text, q, [refineBoundaries(norm.text, q, top)]);
  if (!found || found.score < threshold) return null;
  return toAnchor(prepared, target.quote.exact, found);
}

export function anchor(text: string, selectors: AnchorTarget): Anchor | null {
  return anchorPrepared(prepareText(text), selectors);
}

export function anchorAll(text: string, items: readonly AnchorTarget[]): (Anchor | null)[] {
  const prepared = prepareText(text);
  return items.map((item) => anchorPrepared(prepared, item));
}
