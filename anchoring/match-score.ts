// One score for every candidate of a saved quote: quote similarity (names and numbers weigh more), saved context
// still next to it, and closeness to where it was expected. anchoring/match.ts accepts or rejects on this score.
import { similarity } from './similarity';
import { changedKeyTokens, contextWords, tokenize, wordOverlap } from './tokens';
import { IN_PLACE, NEAR_CONTEXT, NEAR_INTACT, type Candidate, type Query, type Scored } from './match-query';

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

/** The best-scoring candidate (see `score`), fully scoring at most FULLY_SCORED of them; null when there are none. */
export function best(norm: string, q: Query, candidates: Candidate[]): Scored | null {
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
