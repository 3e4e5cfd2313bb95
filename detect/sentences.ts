// Sentence segmentation tuned for news text. Intl.Segmenter (ICU) does the bulk of the work;
// the fixes below cover what ICU gets wrong in journalism: honorifics and initialisms before names,
// quotes that run over several sentences, and wire-service datelines glued to the first sentence.

import { hasOpenQuote } from './claim-quotes';

export interface SentenceSpan {
  start: number;
  end: number;
  text: string;
}

/** Abbreviations that are always followed by more of the same sentence (a name, a number). */
const ALWAYS_CONTINUES = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'gen', 'col', 'lt', 'sgt', 'capt', 'cmdr', 'adm', 'maj', 'cpl', 'sen', 'rep',
  'gov', 'rev', 'hon', 'st', 'mt', 'ft', 'jan', 'feb', 'mar', 'apr',
  'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'vs', 'v', 'e.g', 'i.e', 'approx', 'ca', 'cf', 'est',
]);

/** Abbreviations that continue the sentence only before a number ("No. 10" but "He said no. Then ..."). */
const BEFORE_NUMBER = new Set(['no', 'nos', 'vol', 'pp', 'p', 'fig', 'art', 'sec', 'ch']);

/** Words that usually open a new sentence, so an initialism ("U.S.") before them really ends one. */
const SENTENCE_OPENERS = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'this', 'that', 'these', 'those', 'there', 'but',
  'and', 'or', 'so', 'yet', 'in', 'on', 'at', 'for', 'however', 'meanwhile', 'still', 'also', 'his', 'her', 'its',
  'their', 'our', 'my', 'if', 'when', 'while', 'after', 'before', 'since', 'as', 'many', 'some', 'most', 'officials',
]);

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
const DATELINE = /^[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}(?:, [A-Z][\p{L}.]+(?: [A-Z][\p{L}.]+)?)?(?: \([^()\n]{1,40}\))? ?[-–—] /u;

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

function firstWord(sentence: string): string {
  const m = /^[“"‘'(\[]*([\p{L}\p{N}]+)/u.exec(sentence);
  return m ? m[1]! : '';
}

function endsWithAbbreviation(prev: string, next: string): boolean {
  const token = lastToken(prev);
  if (!token.endsWith('.')) return false;
  const bare = token.replace(/^[(“"‘']+/, '').slice(0, -1);
  if (ALWAYS_CONTINUES.has(bare.toLowerCase())) return true;
  const nextWord = firstWord(next);
  if (BEFORE_NUMBER.has(bare.toLowerCase())) return /^\d/.test(nextWord);
  // Initialisms (U.S., U.K.) and single initials (George W. Bush) end a sentence only when a typical opener follows.
  if (/^(?:\p{L}\.)+\p{L}$/u.test(bare) || /^\p{Lu}$/u.test(bare)) {
    return !SENTENCE_OPENERS.has(nextWord.toLowerCase());
  }
  return false;
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
