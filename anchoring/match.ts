import { normalize, normalizeWithMap, sameForReader, type NormalizedText } from './normalize';
import { similarity } from './similarity';
import { contextWords, tokenize } from './tokens';
import {
  approxCandidates,
  CONTEXT_PROBE,
  contextGuidedCandidates,
  exactCandidates,
  inPlaceCandidate,
  longQuoteCandidates,
  PASSAGE_ERRORS,
  refineBoundaries,
} from './match-candidates';
import { MIN_QUOTE_SIMILARITY, NEAR_CONTEXT, NEAR_INTACT, type Candidate, type Query, type Scored, type Window } from './match-query';
import { best } from './match-score';
import { indexWords, stretchesFor, type WordIndex } from './word-filter';
import type { Anchor, TextPositionSelector, TextQuoteSelector } from './types';

export interface AnchorTarget {
  quote: TextQuoteSelector;
  position?: TextPositionSelector;
}

/** Quotes longer than this are found by their head and tail, then verified as a whole. */
const LONG_QUOTE = 256;

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
