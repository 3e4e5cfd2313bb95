// Sentence segmentation tuned for news text. Intl.Segmenter (ICU) does the bulk of the work;
// the fixes below cover what ICU gets wrong in journalism: honorifics and initialisms before names,
// quotes that run over several sentences, and wire-service datelines glued to the first sentence.

import { hasOpenQuote } from './claim-quotes';

export interface SentenceSpan {
  start: number;
  end: number;
  text: string;
}

/** Titles and Latin abbreviations: always followed by more of the same sentence ("Mr. Smith", "e.g. rents"). */
const ALWAYS_CONTINUES = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'gen', 'col', 'lt', 'sgt', 'capt', 'cmdr', 'adm', 'maj', 'cpl', 'sen', 'rep',
  'gov', 'rev', 'hon', 'st', 'mt', 'ft', 'vs', 'v', 'e.g', 'i.e', 'approx', 'ca', 'cf', 'est',
]);

/** Abbreviations that continue the sentence only before a number ("No. 10", "Jan. 6", but "He said no. Then ..."). */
const BEFORE_NUMBER = new Set([
  'no', 'nos', 'vol', 'pp', 'p', 'fig', 'art', 'sec', 'ch',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/**
 * Closed-class words (articles, pronouns, conjunctions, prepositions, sentence adverbs): they never continue a proper
 * name, so one of them after "U.S." or "W." starts a new sentence. The list is of a word class, not of allowed openers.
 */
const FUNCTION_WORDS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her', 'its',
  'their', 'our', 'my', 'your', 'there', 'but', 'and', 'or', 'so', 'yet', 'if', 'when', 'while', 'as', 'in', 'on', 'at',
  'for', 'from', 'with', 'by', 'to', 'of', 'after', 'before', 'since', 'however', 'meanwhile', 'still', 'also', 'then',
  'now', 'some', 'many', 'most', 'all', 'no', 'not', 'what', 'who', 'why', 'how', 'where', 'which', 'one', 'both',
]);

/**
 * Heads of names that follow a country initialism or a person's initial: institutions, offices and titles
 * ("U.S. Senate", "U.K. Supreme Court", "U.S. President Joe Biden", "U.N. Security Council").
 */
const NAME_HEADS = new Set([
  'senate', 'house', 'congress', 'parliament', 'government', 'army', 'navy', 'air', 'marine', 'marines', 'coast',
  'court', 'supreme', 'district', 'federal', 'state', 'national', 'central', 'department', 'embassy', 'consulate',
  'ambassador', 'president', 'vice', 'secretary', 'attorney', 'treasury', 'office', 'agency', 'forces', 'military',
  'border', 'customs', 'postal', 'census', 'geological', 'secret', 'special', 'chamber', 'capitol', 'constitution',
  'open', 'olympic', 'trade', 'justice', 'commerce', 'energy', 'defense', 'defence', 'health', 'home', 'foreign',
  'prime', 'chancellor', 'minister', 'representative', 'senator', 'general', 'envoy', 'security', 'steel',
  'bank', 'intelligence', 'election', 'labor', 'labour', 'food', 'fish', 'citizenship', 'immigration',
]);

/** What follows a clock time within the same sentence: a time zone, a day or a month ("6 p.m. ET Monday"). */
const TIME_CONTINUATION =
  /^(?:et|est|edt|ct|cst|cdt|mt|mst|mdt|pt|pst|pdt|gmt|bst|utc|cet|cest|jst|local|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)$/i;

const MAX_QUOTE_MERGE_CHARS = 1200;

let segmenter: Intl.Segmenter | undefined;

function getSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  return segmenter;
}

function span(text: string, start: number, end: number): SentenceSpan | undefined {
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  if (!/[\p{L}\p{N}]/u.test(text.slice(start, end))) return undefined;
  return { start, end, text: text.slice(start, end) };
}

// "LONDON (Reuters) -", "KYIV, Ukraine (AP) —", "WASHINGTON —": a place in capitals, an optional agency, a dash.
// A date may follow the place: "NEW YORK, March 3 (Reuters) -".
const DATELINE =
  /^[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}(?:, [A-Z][\p{L}.]+(?: [A-Z][\p{L}.]+)?)?(?: \d{1,2})?(?: \([^()\n]{1,40}\))? ?[-–—] /u;

function splitDateline(text: string, s: SentenceSpan): SentenceSpan[] {
  const m = DATELINE.exec(s.text);
  if (!m) return [s];
  const head = span(text, s.start, s.start + m[0].length);
  const rest = span(text, s.start + m[0].length, s.end);
  return [head, rest].filter((x): x is SentenceSpan => x !== undefined);
}

function lastToken(sentence: string): string {
  const m = /(\S+)$/.exec(sentence);
  return m ? m[1]! : '';
}

/** The word before the last token, without punctuation (the "George" of "George W."), or '' at the start. */
function wordBeforeLast(sentence: string): string {
  const m = /(\S+)\s+\S+$/.exec(sentence);
  return m ? m[1]!.replace(/^[“"‘'(\[]+|[,;:]+$/gu, '') : '';
}

/** The first two words of a segment, without opening quotes or brackets. */
function firstWords(sentence: string): [string, string] {
  const m = /^[“"‘'(\[]*([\p{L}\p{N}][\p{L}\p{N}.’'-]*)[,;:]?\s*[“"‘'(\[]*([\p{L}\p{N}]*)/u.exec(sentence);
  return m ? [m[1]!.replace(/\.$/, ''), m[2]!] : ['', ''];
}

const isCapitalised = (word: string) => /^\p{Lu}/u.test(word);

/**
 * Whether the capitalised word after an initialism or initial continues a name rather than starting a sentence:
 * never a function word; yes for a name head ("Senate", "President") or when a second capitalised word follows
 * ("U.S. Steel Corp", "W. Bush Jr"), since a new sentence's second word is usually lower case.
 */
function continuesName(next: string, afterNext: string): boolean {
  const lower = next.toLowerCase();
  if (FUNCTION_WORDS.has(lower)) return false;
  return NAME_HEADS.has(lower) || isCapitalised(afterNext);
}

/**
 * Whether ICU's break after `prev` is false because its last token is an abbreviation that the next word continues.
 * Decided by looking at the next word (and the one after it), not by a list of words allowed to open a sentence:
 * "at 6 p.m. Turnout was" and "in the U.S. Shareholders were" split; "the U.S. Senate voted", "6 p.m. ET Monday",
 * "George W. Bush" and "No. 10" do not; a title such as "Mr." never ends a sentence.
 */
function endsWithAbbreviation(prev: string, next: string): boolean {
  const token = lastToken(prev);
  if (!token.endsWith('.')) return false;
  const bare = token.replace(/^[(“"‘']+/, '').slice(0, -1);
  const lower = bare.toLowerCase();
  if (ALWAYS_CONTINUES.has(lower)) return true;
  const [nextWord, afterNext] = firstWords(next);
  if (BEFORE_NUMBER.has(lower)) return /^\d/.test(nextWord);
  const isInitialism = /^(?:\p{L}\.)+\p{L}$/u.test(bare);
  const isInitial = /^\p{Lu}$/u.test(bare);
  if (!isInitialism && !isInitial) return false;
  // Style guides spell out numbers that open a sentence, so a digit continues ("the U.S. 10-year yield").
  if (/^\d/.test(nextWord)) return true;
  if (lower === 'a.m' || lower === 'p.m') return TIME_CONTINUATION.test(nextWord);
  // A single initial after a capitalised word is a middle initial ("George W. Bush"), as is one that opens the text
  // ("J. K. Rowling"); after a lower-case word it is a letter-name ("plan B.", "vitamin D.") and is judged like "U.S.".
  if (isInitial) {
    const before = wordBeforeLast(prev);
    if ((before === '' || isCapitalised(before) || /^\p{Lu}\.$/u.test(before)) && !FUNCTION_WORDS.has(nextWord.toLowerCase())) return true;
  }
  return continuesName(nextWord, afterNext);
}

function mergeSegments(text: string, segments: SentenceSpan[]): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  for (const seg of segments) {
    const prev = out[out.length - 1];
    // News sentences never start in lowercase: ICU splits “Why now?” he asked after the question mark.
    const joinLower = /^[\p{Ll}]/u.test(seg.text);
    const joinAbbrev = prev !== undefined && endsWithAbbreviation(prev.text, seg.text);
    const joinQuote =
      prev !== undefined && hasOpenQuote(prev.text) && seg.end - prev.start <= MAX_QUOTE_MERGE_CHARS;
    if (prev && (joinLower || joinAbbrev || joinQuote)) {
      out[out.length - 1] = { start: prev.start, end: seg.end, text: text.slice(prev.start, seg.end) };
    } else {
      out.push(seg);
    }
  }
  return out;
}

/**
 * Splits article text into trimmed sentences with UTF-16 offsets (`text.slice(start, end) === text`).
 * Every line break is a hard boundary, so headings, bylines and promo lines never merge into prose.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const result: SentenceSpan[] = [];
  const lineRe = /[^\n]+/g;
  for (let line = lineRe.exec(text); line; line = lineRe.exec(text)) {
    const lineStart = line.index;
    const raw: SentenceSpan[] = [];
    for (const seg of getSegmenter().segment(line[0])) {
      const s = span(text, lineStart + seg.index, lineStart + seg.index + seg.segment.length);
      if (s) raw.push(s);
    }
    const merged = mergeSegments(text, raw);
    const first = merged[0];
    if (first) merged.splice(0, 1, ...splitDateline(text, first));
    result.push(...merged);
  }
  return result;
}
