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

// A detached possessive ("George 's", as CoNLL text is spaced), or a word: Latin-style acronym with dots ("U.S."), or letters/digits joined by inner hyphens, apostrophes,
// dots, slashes or ampersands ("Rolls-Royce", "O'Neill", "3.5", "AT&T", "1996-08-30"). Anything else that
// is not a space is a one-character token. With the u flag, `\S` takes a whole astral character.
const TOKEN = /['’][sS](?![\p{L}\p{N}])|(?:\p{Lu}\.){2,}|[\p{L}\p{N}\p{M}]+(?:[-'’.&/][\p{L}\p{N}\p{M}]+)*|\S/gu;
const POSSESSIVE = /^(.+?)(['’][sS])$/u;
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
  const push = (t: string, start: number) => {
    tokens.push({ text: t, start, end: start + t.length });
    sentence.push(sentenceNo);
    line.push(lineNo);
    sentenceOpen = true;
  };
  const re = new RegExp(TOKEN.source, TOKEN.flags);
  for (let match = re.exec(text); match; match = re.exec(text)) {
    const start = match.index;
    let word = match[0];
    if (text.slice(lastEnd, start).includes('\n')) {
      lineNo += 1;
      if (sentenceOpen) sentenceNo += 1;
      sentenceOpen = false;
    }
    lastEnd = start + word.length;
    if (text.charCodeAt(lastEnd) === 46 /* . */ && (SINGLE_CAPITAL.test(word) || ABBREVIATIONS.has(word.toLowerCase()))) {
      // Initials and abbreviations keep their full stop, which the scan then steps over.
      word += '.';
      lastEnd += 1;
      re.lastIndex = lastEnd;
    }
    const possessive = word.length > 2 ? POSSESSIVE.exec(word) : null;
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
    }
  }
  return {
    tokens,
    doc: { words: tokens.map((t) => t.text), sentence: Int32Array.from(sentence), line: Int32Array.from(line) },
  };
}
