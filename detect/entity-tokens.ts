import { fold } from './entity-fold';

export interface Token {
  /** The word as written, without a possessive "'s". */
  text: string;
  start: number;
  end: number;
  folded: string;
  /** Starts with a capital letter (or an "al-"/"el-" particle before one). */
  capital: boolean;
  allCaps: boolean;
  possessive: boolean;
  /** First word of a sentence, quotation or line: its capital letter says little. */
  sentenceStart: boolean;
  /** Only a single space separates it from the previous token, so both can belong to one name. */
  joined: boolean;
  /** Inside an ALL-CAPS or Title Case headline, where capitals are no evidence at all. */
  headline: boolean;
  line: number;
}

const WORD = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-'’&][\p{L}\p{M}\p{N}]+)*/gu;
const POSSESSIVE = /['’]s$/;
const ARABIC_PARTICLE = /^(?:al|el|ad|an|ar|as|ash|at|az|bin|ibn|abu|bou|ben|ould)-\p{Lu}/u;
const SENTENCE_END = /[.!?]/;
const OPENERS = /[“"‘«:(\[]/;
// Full stops after these end an abbreviation, not a sentence.
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'no', 'gen', 'col', 'capt', 'lt', 'sgt', 'prof', 'rev', 'gov', 'sen', 'rep', 'jr', 'sr',
  'co', 'corp', 'inc', 'ltd', 'vs', 'mt', 'ft', 'cllr', 'det', 'insp', 'supt',
]);

function isCapital(word: string): boolean {
  const first = word.charAt(0);
  return (first !== first.toLowerCase() && first === first.toUpperCase()) || ARABIC_PARTICLE.test(word);
}

function isAllCaps(word: string): boolean {
  const letters = word.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

function endsAbbreviation(prev: Token | undefined): boolean {
  if (!prev) return false;
  return ABBREVIATIONS.has(prev.folded) || (prev.text.length === 1 && prev.capital) || /\.$/.test(prev.text);
}

const FUNCTION_WORDS = new Set(['in', 'on', 'of', 'the', 'a', 'an', 'to', 'for', 'and', 'at', 'over', 'as', 'with', 'by', 'is', 'will', 'from', 'after']);

/** A line is a headline when its capitals follow a style (ALL CAPS or Title Case) rather than grammar. */
function headlineLines(tokens: Token[], text: string): Set<number> {
  const byLine = new Map<number, Token[]>();
  for (const t of tokens) {
    const list = byLine.get(t.line);
    if (list) list.push(t);
    else byLine.set(t.line, [t]);
  }
  const result = new Set<number>();
  for (const [line, words] of byLine) {
    const lettered = words.filter((w) => /\p{L}/u.test(w.text));
    if (lettered.length < 3 || lettered.length > 25) continue;
    const last = lettered[lettered.length - 1];
    const endsSentence = last !== undefined && /^\s*[.!?]/.test(text.slice(last.end, last.end + 2));
    const caps = lettered.filter((w) => w.allCaps).length;
    if (caps / lettered.length >= 0.7) {
      result.add(line);
      continue;
    }
    const capitalised = lettered.filter((w) => w.capital).length;
    const capitalFunctionWord = lettered.slice(1).some((w) => w.capital && FUNCTION_WORDS.has(w.folded));
    if (!endsSentence && capitalFunctionWord && capitalised / lettered.length >= 0.75) result.add(line);
  }
  return result;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 0;
  let lastEnd = 0;
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    let word = match[0];
    const gap = text.slice(lastEnd, start);
    if (gap.includes('\n')) line += 1;
    const possessive = POSSESSIVE.test(word) && word.length > 2;
    if (possessive) word = word.slice(0, -2);
    const prev = tokens[tokens.length - 1];
    const gapEndsSentence = SENTENCE_END.test(gap) && !(gap.trim() === '.' && endsAbbreviation(prev));
    tokens.push({
      text: word,
      start,
      end: start + word.length,
      folded: fold(word),
      capital: isCapital(word),
      allCaps: isAllCaps(word),
      possessive,
      sentenceStart: !prev || gap.includes('\n') || gapEndsSentence || OPENERS.test(gap),
      joined: prev !== undefined && !prev.possessive && /^[ \u00a0]$/.test(gap),
      headline: false,
      line,
    });
    lastEnd = start + match[0].length;
  }
  const headlines = headlineLines(tokens, text);
  if (headlines.size > 0) for (const t of tokens) t.headline = headlines.has(t.line);
  return tokens;
}

/**
 * "UK-China" names two places; "Rolls-Royce" and "Jae-myung" are one name. Splits a hyphenated
 * token when every part is separately known.
 */
export function splitHyphenated(token: Token, isKnown: (folded: string) => boolean): Token[] {
  if (!token.text.includes('-')) return [token];
  const parts = token.text.split('-');
  if (parts.length < 2 || !parts.every((p) => isCapital(p) && isKnown(fold(p)))) return [token];
  const out: Token[] = [];
  let offset = token.start;
  parts.forEach((part, i) => {
    out.push({
      ...token,
      text: part,
      start: offset,
      end: offset + part.length,
      folded: fold(part),
      allCaps: isAllCaps(part),
      possessive: i === parts.length - 1 && token.possessive,
      joined: i === 0 && token.joined,
    });
    offset += part.length + 1;
  });
  return out;
}
