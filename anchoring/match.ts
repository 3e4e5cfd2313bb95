import search from 'approx-string-match';
import { normalize, normalizeWithMap, sameForReader, type NormalizedText } from './normalize';
import { similarity } from './similarity';
import { changedKeyTokens, contextWords, tokenize, wordOverlap, type Token } from './tokens';
import { indexWords, stretchesFor, type WordIndex } from './word-filter';
import type { Anchor, TextPositionSelector, TextQuoteSelector } from './types';

export interface AnchorTarget {
  quote: TextQuoteSelector;
  position?: TextPositionSelector;
}

/** Quotes longer than this are found by their head and tail, then verified as a whole. */
const LONG_QUOTE = 256;
const MAX_ERRORS = 256;
/** Enough occurrences to disambiguate a repeated quote ("a" occurs thousands of times in a long article); more only costs time. */
const MAX_EXACT_CANDIDATES = 5000;
/** Below this share of matching quote chars an approximate match is another passage, not an edited quote. */
const MIN_QUOTE_SIMILARITY = 0.65;

/** Prepared once per text and shared by every annotation anchored on it. */
export interface PreparedText {
  text: string;
  normalized(): NormalizedText;
  words(): WordIndex;
}

export function prepareText(text: string): PreparedText {
  let norm: NormalizedText | undefined;
  let words: WordIndex | undefined;
  const normalized = () => (norm ??= normalizeWithMap(text));
  return {
    text,
    normalized,
    words: () => (words ??= indexWords(normalized().text)),
  };
}

interface Candidate {
  /** Offsets in the normalized text. */
  start: number;
  end: number;
  quoteSimilarity: number;
}

interface Scored extends Candidate {
  /** 0..1 as in the confidence of an Anchor; -1 for a candidate that is rejected outright. */
  score: number;
  /** An exact quote whose nearest context on both sides, paragraph edges or not, is as saved: no other candidate can be the passage. */
  settled: boolean;
  /** Where the note was expected, with its near context intact on both sides: the place is not in doubt, only the words. */
  pinned: boolean;
  /** Within IN_PLACE chars of where the note was expected. */
  inPlace: boolean;
  /** The near context is intact on at least one side. */
  oneSide: boolean;
}

/** A stretch of the normalized text to search, [from, to). */
interface Window {
  from: number;
  to: number;
}

interface Query {
  quote: string;
  prefix: string;
  suffix: string;
  /** Saved position mapped into the normalized text, if any. */
  hint?: number;
  quoteTokens: Token[];
  prefixWords: string[];
  suffixWords: string[];
  /** The saved context nearest the quote, up to NEAR_CONTEXT chars and never across a line break. */
  nearPrefix: string;
  nearSuffix: string;
  /** Line-break flags of the normalized text (NormalizedText.lineBreaks). */
  lineBreaks: Uint8Array;
}

/**
 * The score (0..1) a candidate for a quote of `quoteLength` normalized chars needs to be placed: 0.85 up to 8 chars,
 * falling linearly to 0.55 from 48. Short quotes ("the council") occur by chance and need their context to be
 * believed: an exact short quote with one side of context intact and the other unrelated scores about 0.80 and is
 * an orphan (tuned on `npm run eval:anchoring`, "passage gone, short quote"). Long quotes are specific enough that a
 * match without context is still the same passage.
 */
export function minConfidence(quoteLength: number): number {
  const shortness = Math.max(0, Math.min(1, (48 - quoteLength) / 40));
  return 0.55 + 0.3 * shortness;
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

/** Chars of context next to the quote that must still be there for an edit to count as made in place. */
const NEAR_CONTEXT = 32;
/** Similarity of that near context above which it is intact (a word of it may have been edited). */
const NEAR_INTACT = 0.8;
/** How far (chars) from where it was expected an edited passage may start and still be "in place". */
const IN_PLACE = 16;
/**
 * Quote-score penalty per changed name or number in a quote of up to KEY_PENALTY_WORDS words. One changed figure
 * takes a quote from 0.97 alike to 0.82: still placeable when its context is intact where it was. In a longer
 * quote each change weighs proportionally less: a rewritten paragraph inside a long passage changes many names,
 * and its char similarity already says how much of the passage is left.
 */
const KEY_PENALTY = 0.15;
const KEY_PENALTY_WORDS = 20;
/**
 * Context score of a side where the words between the quote and its paragraph's edge are the same then and now.
 * Across a paragraph edge the saved words belong to another paragraph, which moves independently (reordered
 * paragraphs, adverts); the paragraph itself is what still agrees. Half: a whole paragraph of 30 or more chars moved
 * elsewhere is still accepted (two agreeing edges give 0.78 for an exact quote), one edge alone does not place a
 * short quote.
 */
const EDGE_AGREEMENT = 0.5;

interface Context {
  prefix: number;
  suffix: number;
  nearPrefix: number;
  nearSuffix: number;
  /** Names and numbers of the near context that differ from the saved ones (see changedKeyTokens). */
  nearKeysChanged: number;
  /** The saved near context on both sides, across paragraph edges, is still next to the candidate. */
  surrounded: boolean;
}

/** Chars from `at` back (forward) to the nearest paragraph edge, or -1 when there is none within NEAR_CONTEXT. */
function edgeDistance(norm: string, q: Query, at: number, direction: -1 | 1): number {
  for (let i = 0; i <= NEAR_CONTEXT; i++) {
    const next = direction < 0 ? at - i - 1 : at + i;
    if (next < 0 || next >= norm.length || q.lineBreaks[next]) return i;
  }
  return -1;
}

function contextAround(norm: string, q: Query, start: number, end: number): Context {
  const before = norm.slice(Math.max(0, start - q.prefix.length), start);
  const after = norm.slice(end, end + q.suffix.length);
  const seenBefore = before.slice(-NEAR_CONTEXT);
  const seenAfter = after.slice(0, NEAR_CONTEXT);
  const edgeBefore = edgeDistance(norm, q, start, -1);
  const edgeAfter = edgeDistance(norm, q, end, 1);
  // Names and numbers are compared only within the paragraph on both sides: an advert inserted after a
  // paragraph, or a line break added inside it, is not an edit of the words next to the quote.
  const beforeLength = Math.min(q.nearPrefix.length, edgeBefore < 0 ? seenBefore.length : edgeBefore);
  const afterLength = Math.min(q.nearSuffix.length, edgeAfter < 0 ? seenAfter.length : edgeAfter);
  const keysChanged = (saved: string, seen: string) => (saved === seen ? 0 : changedKeyTokens(tokenize(saved), tokenize(seen)));
  // The same words between the quote and the paragraph edge then and now: the rest of the saved context belongs
  // to a neighbouring paragraph, which moves on its own (see EDGE_AGREEMENT).
  const boundedBefore = q.nearPrefix.length < NEAR_CONTEXT && edgeBefore === q.nearPrefix.length && norm.slice(start - edgeBefore, start) === q.nearPrefix;
  const boundedAfter = q.nearSuffix.length < NEAR_CONTEXT && edgeAfter === q.nearSuffix.length && norm.slice(end, end + edgeAfter) === q.nearSuffix;
  const nearPrefix = similarity(q.prefix.slice(-NEAR_CONTEXT), seenBefore);
  const nearSuffix = similarity(q.suffix.slice(0, NEAR_CONTEXT), seenAfter);
  return {
    prefix: Math.max(wordOverlap(q.prefixWords, contextWords(before)), boundedBefore ? EDGE_AGREEMENT : 0),
    suffix: Math.max(wordOverlap(q.suffixWords, contextWords(after)), boundedAfter ? EDGE_AGREEMENT : 0),
    nearPrefix: boundedBefore ? 1 : nearPrefix,
    nearSuffix: boundedAfter ? 1 : nearSuffix,
    surrounded: nearPrefix >= NEAR_INTACT && nearSuffix >= NEAR_INTACT,
    nearKeysChanged:
      (beforeLength > 0 ? keysChanged(q.nearPrefix.slice(-beforeLength), seenBefore.slice(-beforeLength)) : 0) +
      (afterLength > 0 ? keysChanged(q.nearSuffix.slice(0, afterLength), seenAfter.slice(0, afterLength)) : 0),
  };
}

/**
 * True when the candidate is an occurrence of the quote inside the saved context itself ("the council said the
 * council..."): when the note was made those words were already on the page next to the quote, so they are the
 * context, not the note's passage. Asked only of candidates with no near context of their own.
 */
function echoesContext(norm: string, q: Query, c: Candidate): boolean {
  for (const side of [q.prefix, q.suffix]) {
    for (let k = side.indexOf(q.quote); k >= 0; k = side.indexOf(q.quote, k + 1)) {
      const from = c.start - k;
      if (from >= 0 && similarity(side, norm.slice(from, from + side.length)) >= 0.9) return true;
    }
  }
  return false;
}

/**
 * One score for exact and approximate candidates alike, on the scale of the Hypothesis-style
 * (50·quote + 20·prefix + 20·suffix + 2·position) / 92, where the quote term sees what changed (each changed
 * name or number costs KEY_PENALTY) and context is the share of saved context words still next to the candidate.
 * A candidate with a changed name or number, in the quote or right next to it, is rejected (score -1) unless it
 * sits where the note was expected with its near context intact: that is a figure corrected in place; anywhere
 * else it is a look-alike passage (the same sentence about another company, another year).
 */
function score(norm: string, q: Query, c: Candidate): Scored {
  const ctx = contextAround(norm, q, c.start, c.end);
  const closeness = q.hint === undefined ? 0.5 : Math.max(0, 1 - Math.abs(c.start - q.hint) / Math.max(1, norm.length));
  const changedKeys = c.quoteSimilarity === 1 ? 0 : changedKeyTokens(q.quoteTokens, tokenize(norm.slice(c.start, c.end)));
  const intact = ctx.nearPrefix >= NEAR_INTACT && ctx.nearSuffix >= NEAR_INTACT;
  const inPlace = q.hint !== undefined && Math.abs(c.start - q.hint) <= IN_PLACE;
  // Settling needs the neighbours too: a whole paragraph repeated elsewhere agrees up to its edges as well.
  const settled = c.quoteSimilarity === 1 && ctx.surrounded && ctx.nearKeysChanged === 0;
  const ownContext = ctx.nearPrefix >= NEAR_INTACT || ctx.nearSuffix >= NEAR_INTACT;
  if ((changedKeys + ctx.nearKeysChanged > 0 && !(inPlace && intact)) || (!ownContext && echoesContext(norm, q, c))) {
    return { ...c, score: -1, settled: false, pinned: false, inPlace, oneSide: ownContext };
  }
  const perKey = KEY_PENALTY * Math.min(1, KEY_PENALTY_WORDS / Math.max(1, q.quoteTokens.length));
  const quoteScore = Math.max(0, c.quoteSimilarity - perKey * changedKeys);
  const value = (50 * quoteScore + 20 * ctx.prefix + 20 * ctx.suffix + 2 * closeness) / 92;
  return { ...c, score: value, settled, pinned: inPlace && intact, inPlace, oneSide: ownContext };
}

/** Only this many candidates get the full context score (word overlap, near context, names and numbers); the rest are ranked cheaply. */
const FULLY_SCORED = 12;

/** Chars of saved context that match exactly, walking outwards from the candidate: a cheap first ranking. */
function contextAgreement(norm: string, q: Query, c: Candidate): number {
  let before = 0;
  while (before < q.prefix.length && q.prefix[q.prefix.length - 1 - before] === norm[c.start - 1 - before]) before++;
  let after = 0;
  while (after < q.suffix.length && q.suffix[after] === norm[c.end + after]) after++;
  return before + after;
}

function best(norm: string, q: Query, candidates: Candidate[]): Scored | null {
  let pool = candidates;
  if (pool.length > FULLY_SCORED) {
    // A quote like "the council" can occur hundreds of times; rank by exact context first, and keep the
    // ones nearest the expected position too, since the context may have been edited.
    const byContext = [...pool].sort((a, b) => contextAgreement(norm, q, b) - contextAgreement(norm, q, a));
    const hint = q.hint;
    const byPosition = hint === undefined ? [] : [...pool].sort((a, b) => Math.abs(a.start - hint) - Math.abs(b.start - hint));
    pool = [...new Set([...byContext.slice(0, FULLY_SCORED - 4), ...byPosition.slice(0, 4)])];
  }
  let top: Scored | null = null;
  for (const c of pool) {
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
  // Matches with more errors would be rejected as implausible anyway, and the search cost grows with the budget.
  const maxErrors = Math.min(MAX_ERRORS, Math.floor(quote.length * (1 - MIN_QUOTE_SIMILARITY)));
  return search(norm, quote, maxErrors).map((m) => ({
    start: m.start + offset,
    end: m.end + offset,
    quoteSimilarity: 1 - m.errors / quote.length,
  }));
}

/** A long quote: locate its head and tail, then measure the whole span between them against the quote. */
function longQuoteCandidates(norm: string, quote: string, window: Window): Candidate[] {
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
const CONTEXT_PROBE = 32;
/** Share of the quote-plus-context pattern allowed to differ: the quote may be edited and its context too. */
const PASSAGE_ERRORS = 0.4;

/**
 * The search returns only the lowest-error matches, so a slightly edited quote can be shadowed by a
 * closer look-alike elsewhere (a headline repeating the lede). Searching for the quote together with
 * its context finds the passage the reader marked; the quote is then located inside that passage.
 */
function contextGuidedCandidates(norm: string, q: Query, window: Window): Candidate[] {
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
  const end = norm.normToRawEnd[found.end - 1];
  if (start === undefined || end === undefined) return null;
  return {
    start,
    end,
    quality: sameForReader(prepared.text.slice(start, end), exact) ? 'exact' : 'changed',
    confidence: Math.round(found.score * 1000) / 1000,
  };
}

/**
 * The saved quote, character for character, at the saved place (or where the neighbours anchored before it say the
 * text moved, `shift`) with its near context intact on at least one side: near-certain, and taken without a search.
 * Differing context only says the page moved around it.
 */
function anchorAtPosition(prepared: PreparedText, target: AnchorTarget, shift: number): Anchor | null {
  const { text } = prepared;
  const { quote, position } = target;
  if (!validPosition(text, position)) return null;
  for (const moved of shift === 0 ? [0] : [shift, 0]) {
    const start = position.start + moved;
    const end = position.end + moved;
    if (start < 0 || end > text.length || text.slice(start, end) !== quote.exact) continue;
    const nearPrefix = similarity(normalize(quote.prefix.slice(-NEAR_CONTEXT)), normalize(text.slice(Math.max(0, start - NEAR_CONTEXT), start)));
    const nearSuffix = similarity(normalize(quote.suffix.slice(0, NEAR_CONTEXT)), normalize(text.slice(end, end + NEAR_CONTEXT)));
    if (nearPrefix < NEAR_INTACT && nearSuffix < NEAR_INTACT) continue;
    const prefix = similarity(quote.prefix, text.slice(Math.max(0, start - quote.prefix.length), start));
    const suffix = similarity(quote.suffix, text.slice(end, end + quote.suffix.length));
    return { start, end, quality: 'exact', confidence: 0.9 + 0.05 * (prefix + suffix) };
  }
  return null;
}

/** A context-guided match scoring this well is taken without also running a plain quote search. */
const CONFIDENT = 0.8;
/**
 * A match near the expected place scoring this well is taken without searching the whole text: a better
 * one far away would need the quote moved and edited and a look-alike left near its old place.
 */
const NEARBY_ACCEPT = 0.7;

function bestPlausible(norm: string, q: Query, candidates: Candidate[]): Scored | null {
  const plausible = candidates.filter((c) => c.quoteSimilarity >= MIN_QUOTE_SIMILARITY && c.quoteSimilarity < 1);
  const top = best(norm, q, plausible);
  if (!top || q.quote.length > LONG_QUOTE) return top;
  const refined = best(norm, q, [refineBoundaries(norm, q, top)]);
  return refined && refined.score >= 0 ? refined : top;
}

function fuzzyFind(norm: string, q: Query, window: Window): Scored | null {
  if (q.quote.length > LONG_QUOTE) return bestPlausible(norm, q, longQuoteCandidates(norm, q.quote, window));
  // The quote with its context is the most specific search; a plain quote search is only needed when
  // the context was edited as well.
  const guided = bestPlausible(norm, q, contextGuidedCandidates(norm, q, window));
  if (guided && guided.score >= CONFIDENT) return guided;
  const plain = bestPlausible(norm, q, approxCandidates(norm.slice(window.from, window.to), q.quote, window.from));
  return plain && (!guided || plain.score > guided.score) ? plain : guided;
}

/** Around the expected place: the quote plus room for an inserted paragraph or two either side. */
function nearbyWindow(norm: string, q: Query): Window | null {
  if (q.hint === undefined) return null;
  const reach = Math.max(600, q.quote.length * 2);
  const from = Math.max(0, q.hint - reach);
  const to = Math.min(norm.length, q.hint + q.quote.length + reach);
  return from === 0 && to === norm.length ? null : { from, to };
}

/** Share of the near suffix that may differ where the in-place candidate ends. */
const IN_PLACE_SUFFIX_ERRORS = 0.2;

/**
 * The text between the saved near context at the expected place, when that context is still there: a quote
 * edited in place ("18" → "15"). Approximate search cannot find a two-char quote with one char changed; its
 * context can.
 */
function inPlaceCandidate(norm: string, q: Query): Candidate | null {
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

/** Texts shorter than this are searched whole; the word filter pays off on long articles. */
const FILTER_FROM = 20_000;

function wholeTextStretches(prepared: PreparedText, q: Query): Window[] {
  const norm = prepared.normalized().text;
  const whole = [{ from: 0, to: norm.length }];
  if (norm.length < FILTER_FROM) return whole;
  const pattern = q.quote.length > LONG_QUOTE ? q.quote : q.prefix.slice(-CONTEXT_PROBE) + q.quote + q.suffix.slice(0, CONTEXT_PROBE);
  return stretchesFor(prepared.words(), pattern, Math.ceil(pattern.length * PASSAGE_ERRORS)) ?? whole;
}

/** Below minConfidence by this much is still enough where the note was expected with one side of its context. */
const IN_PLACE_ALLOWANCE = 0.1;

/**
 * The score a candidate needs. Short quotes need their context because they occur by chance (minConfidence);
 * a candidate where the note was expected with its near context on both sides (pinned) has ruled chance out and
 * needs no more than a long quote; one where it was expected with one side intact, a little less than usual.
 */
function acceptance(found: Scored, threshold: number): number {
  if (found.pinned) return minConfidence(Infinity);
  return found.inPlace && found.oneSide ? threshold - IN_PLACE_ALLOWANCE : threshold;
}

function better(a: Scored | null, b: Scored | null): Scored | null {
  if (!a) return b;
  if (!b) return a;
  return b.score > a.score ? b : a;
}

/**
 * Re-anchors one saved annotation on a prepared text. Exact occurrences of the quote and approximate matches
 * compete on one score (see `score`); an exact occurrence is taken without searching further only when its
 * near context on both sides is as saved.
 * @param shift how far text has moved since the annotation was saved (UTF-16 units), as learned from annotations
 *   anchored before this one; it moves the saved position to where the quote is now expected.
 * @returns UTF-16 offsets into `prepared.text`, or null (an orphan) when no candidate reaches minConfidence.
 */
export function anchorPrepared(prepared: PreparedText, target: AnchorTarget, shift = 0): Anchor | null {
  if (target.quote.exact.length === 0) return null;
  // Before anything else, and without building the matching view of the whole text: most notes are in place.
  const atPosition = anchorAtPosition(prepared, target, shift);
  if (atPosition) return atPosition;
  const quote = normalize(target.quote.exact).trim();
  if (quote.length === 0) return null;
  const norm = prepared.normalized();
  const saved = target.position?.start;
  const expected = saved !== undefined && Number.isInteger(saved) ? Math.max(0, Math.min(prepared.text.length, saved + shift)) : undefined;
  const prefix = normalize(target.quote.prefix);
  const suffix = normalize(target.quote.suffix);
  const rawPrefix = target.quote.prefix;
  const rawSuffix = target.quote.suffix;
  const lineEnd = rawSuffix.search(/[\n\r\u2028\u2029]/);
  const q: Query = {
    quote,
    prefix,
    suffix,
    hint: expected === undefined ? undefined : norm.rawToNorm[expected],
    quoteTokens: tokenize(quote),
    prefixWords: contextWords(prefix),
    suffixWords: contextWords(suffix),
    nearPrefix: normalize(rawPrefix.slice(Math.max(rawPrefix.lastIndexOf('\n'), rawPrefix.lastIndexOf('\r')) + 1)).slice(-NEAR_CONTEXT),
    nearSuffix: normalize(lineEnd < 0 ? rawSuffix : rawSuffix.slice(0, lineEnd)).slice(0, NEAR_CONTEXT),
    lineBreaks: norm.lineBreaks,
  };
  const threshold = minConfidence(quote.length);
  const accept = (found: Scored | null): Anchor | null =>
    found && found.score >= acceptance(found, threshold) ? toAnchor(prepared, target.quote.exact, found) : null;

  const exact = best(norm.text, q, exactCandidates(norm.text, quote));
  if (exact?.settled && exact.score >= threshold) return toAnchor(prepared, target.quote.exact, exact);

  // An exact occurrence with other words around it competes with edited versions of the passage.
  let found = exact;
  const inPlace = inPlaceCandidate(norm.text, q);
  if (inPlace) found = better(found, best(norm.text, q, [inPlace]));
  const window = nearbyWindow(norm.text, q);
  if (window) {
    const nearby = fuzzyFind(norm.text, q, window);
    found = better(found, nearby);
    if (nearby && found === nearby && nearby.score >= Math.max(threshold, NEARBY_ACCEPT)) return accept(found);
  }
  for (const stretch of wholeTextStretches(prepared, q)) found = better(found, fuzzyFind(norm.text, q, stretch));
  return accept(found);
}

export function anchor(text: string, selectors: AnchorTarget): Anchor | null {
  return anchorPrepared(prepareText(text), selectors);
}

/**
 * Anchors many annotations on one text. The normalized text is built once, and annotations are taken in
 * saved-position order so each starts its search where its neighbour was found (edits shift whole stretches).
 */
export function anchorAll(text: string, items: readonly AnchorTarget[]): (Anchor | null)[] {
  const prepared = prepareText(text);
  const order = items.map((_, i) => i);
  order.sort((a, b) => (items[a]?.position?.start ?? 0) - (items[b]?.position?.start ?? 0));
  const anchors: (Anchor | null)[] = new Array<Anchor | null>(items.length).fill(null);
  let shift = 0;
  for (const i of order) {
    const item = items[i] as AnchorTarget;
    const found = anchorPrepared(prepared, item, shift);
    anchors[i] = found;
    if (found && item.position) shift = found.start - item.position.start;
  }
  return anchors;
}
