import { lookupPhrase } from './entity-lexicon';
import { fold } from './entity-fold';

/**
 * Word and punctuation tokens of a text, cut the way CoNLL-2003 (Penn Treebank style) cuts news, so that
 * a tagger trained on that data sees at run time the tokens it was trained on.
 */
export interface NerToken {
  text: string;
  /** UTF-16 offsets into the text given to `tokenizeForNer`: text.slice(start, end) === token.text. */
  start: number;
  end: number;
}

/**
 * A document as the tagger reads it, both from raw text (run time) and from pre-tokenised training data.
 * `sentence[i]` and `line[i]` number the sentence and line of token i; sentences never cross lines.
 */
export interface NerDoc {
  words: string[];
  sentence: Int32Array;
  line: Int32Array;
}

export interface TokenizedText {
  tokens: NerToken[];
  doc: NerDoc;
}

// In order: a detached clitic ("George 's", as CoNLL text is spaced); runs of dashes or dots ("--", "...");
// numbers with thousands separators or a leading point ("1,000", ".496"); a Latin-style acronym with dots
// ("U.S."); letters/digits joined by inner hyphens, apostrophes, dots, slashes or ampersands ("Rolls-Royce",
// "O'Neill", "3.5", "AT&T", "1996-08-30"). Anything else that is not a space is a one-character token. With the
// u flag, `\S` takes a whole astral character.
const TOKEN =
  /['’](?:[sSmMdD]|ve|ll|re)(?![\p{L}\p{N}])|n['’]t(?![\p{L}\p{N}])|-{2,}|\.{2,}|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\.\d+|(?:\p{Lu}\.){2,}|[\p{L}\p{N}\p{M}]+(?:[-'’.&/:][\p{L}\p{N}\p{M}]+)*|\S/gu;
// Clitics CoNLL (Penn Treebank) cuts off: possessive and contracted "'s", "'m", "'ve", "'ll", "'re", "'d", "n't".
const CLITIC = /^(.+?)(['’](?:[sSmMdD]|ve|ll|re)|n['’]t)$/u;
const LIST_NUMBER = /^\d{1,3}$/;
const SENTENCE_END = new Set(['.', '!', '?']);
// CoNLL keeps the full stop of these on the word ("Mr.", "Corp."); so do we, and they end no sentence.
const ABBREVIATIONS = new Set(
  'mr|mrs|ms|dr|st|jr|sr|co|corp|inc|ltd|gen|col|lt|sgt|capt|prof|rev|gov|sen|rep|mt|ft|vs|no|cllr|det|insp|supt|bros|messrs|jan|feb|aug|sept|oct|nov|dec'.split(
    '|',
  ),
);
const SINGLE_CAPITAL = /^\p{Lu}$/u;
const CAPITALISED = /^\p{Lu}/u;

/**
 * "UK-China" names two places; "Rolls-Royce" and "Jae-myung" are one name: a hyphenated word is cut
 * only when every part is capitalised and a gazetteer knows each part.
 */
function hyphenParts(word: string): string[] | undefined {
  if (!word.includes('-')) return undefined;
  const parts = word.split('-');
  return parts.every((p) => CAPITALISED.test(p) && lookupPhrase(fold(p)) !== undefined) ? parts : undefined;
}

/**
 * Cuts text into tokens with UTF-16 offsets, sentences (ended by ".", "!" or "?" tokens and by line
 * breaks) and lines (ended by "\n"). A possessive "'s" is its own token, as in CoNLL-2003.
 */
export function tokenizeForNer(text: string): TokenizedText {
  const tokens: NerToken[] = [];
  const sentence: number[] = [];
  const line: number[] = [];
  let sentenceNo = 0;
  let lineNo = 0;
  let lastEnd = 0;
  let sentenceOpen = false;
  let justEnded = false;
  let quotesOnLine = 0;
  const push = (t: string, start: number) => {
    // A closing quote or bracket right after a full stop still belongs to the sentence it closes.
    const closer = justEnded && (t === '”' || t === ')' || t === '’' || (t === '"' && quotesOnLine % 2 === 1));
    if (t === '"') quotesOnLine += 1;
    tokens.push({ text: t, start, end: start + t.length });
    sentence.push(closer ? sentenceNo - 1 : sentenceNo);
    line.push(lineNo);
    if (!closer) {
      sentenceOpen = true;
      justEnded = false;
    }
  };
  const re = new RegExp(TOKEN.source, TOKEN.flags);
  for (let match = re.exec(text); match; match = re.exec(text)) {
    const start = match.index;
    let word = match[0];
    if (text.slice(lastEnd, start).includes('\n')) {
      lineNo += 1;
      if (sentenceOpen) sentenceNo += 1;
      sentenceOpen = false;
      justEnded = false;
      quotesOnLine = 0;
    }
    lastEnd = start + word.length;
    if (text.charCodeAt(lastEnd) === 46 /* . */ && (SINGLE_CAPITAL.test(word) || ABBREVIATIONS.has(word.toLowerCase()))) {
      // Initials and abbreviations keep their full stop, which the scan then steps over.
      word += '.';
      lastEnd += 1;
      re.lastIndex = lastEnd;
    }
    const lineStart = tokens.length === 0 || line[line.length - 1] !== lineNo;
    if (lineStart && LIST_NUMBER.test(word) && text.charCodeAt(lastEnd) === 46 && /\s/.test(text.charAt(lastEnd + 1) || ' ')) {
      // "1. Jan Ullrich": a ranked list's number keeps its point and ends no sentence.
      word += '.';
      lastEnd += 1;
      re.lastIndex = lastEnd;
    }
    const possessive = word.length > 2 ? CLITIC.exec(word) : null;
    const base = possessive?.[1] ?? word;
    const parts = hyphenParts(base);
    if (parts) {
      let at = start;
      parts.forEach((p, i) => {
        if (i > 0) {
          push('-', at);
          at += 1;
        }
        push(p, at);
        at += p.length;
      });
    } else {
      push(base, start);
    }
    if (possessive?.[2]) push(possessive[2], start + base.length);
    if (SENTENCE_END.has(word)) {
      sentenceNo += 1;
      sentenceOpen = false;
      justEnded = true;
    }
  }
  // A quote mark that ends its line after a full stop closes the sentence before it.
  for (let i = 1; i < tokens.length; i += 1) {
    const last = i + 1 === tokens.length || line[i + 1] !== line[i];
    if (last && tokens[i]?.text === '"' && line[i - 1] === line[i] && SENTENCE_END.has(tokens[i - 1]?.text ?? '')) sentence[i] = sentence[i - 1] ?? 0;
  }
  return {
    tokens,
    doc: { words: tokens.map((t) => t.text), sentence: Int32Array.from(sentence), line: Int32Array.from(line) },
  };
}
