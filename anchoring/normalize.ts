// A matching view of a text: Unicode compatibility-composed (NFKC), whitespace runs collapsed to one space,
// typographic quotes and dashes folded to ASCII, invisible characters dropped. Edits of that kind are not edits
// a reader would notice (a page served with decomposed accents, "José" as "Jose\u0301", reads the same), so the
// matcher works on this view and maps what it finds back to offsets in the real text.

export interface NormalizedText {
  text: string;
  /** normToRaw[i]: UTF-16 offset in the raw text where the char that produced text[i] starts. */
  normToRaw: Int32Array;
  /**
   * normToRawEnd[i]: UTF-16 offset in the raw text just after the chars that produced text[i]. A decomposed
   * letter ("e" + U+0301) becomes one char here, so a span ending on it must end after its combining mark.
   */
  normToRawEnd: Int32Array;
  /** lineBreaks[i] is 1 where text[i] is a space collapsed from whitespace holding a line break (paragraph edges). */
  lineBreaks: Uint8Array;
  /** rawToNorm[j]: offset in the normalized text of the first char produced at or after raw offset j (length raw+1). */
  rawToNorm: Int32Array;
}

const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/;
/** Combining marks (general category M) belong to the char before them and normalize together with it. */
const MARK = /\p{M}/u;

function isSpace(ch: string): boolean {
  return /\s/.test(ch);
}

function fold(ch: string): string {
  switch (ch) {
    case '\u2018':
    case '\u2019':
    case '\u201a':
    case '\u201b':
    case '\u2032':
      return "'";
    case '\u201c':
    case '\u201d':
    case '\u201e':
    case '\u201f':
    case '\u2033':
      return '"';
    case '\u2010':
    case '\u2011':
    case '\u2012':
    case '\u2013':
    case '\u2014':
    case '\u2212':
      return '-';
    default:
      return ch;
  }
}

/**
 * The matching view of `raw` with offset maps both ways (all offsets are UTF-16 code units).
 * Unicode normalisation is NFKC (UAX #15), applied to each base char together with the combining marks
 * that follow it, so every normalized char maps back to one whole raw cluster.
 */
export function normalizeWithMap(raw: string): NormalizedText {
  const out: string[] = [];
  let normToRaw = new Int32Array(raw.length + 8);
  let normToRawEnd = new Int32Array(raw.length + 8);
  const rawToNorm = new Int32Array(raw.length + 1);
  let length = 0;
  const push = (ch: string, from: number, to: number): void => {
    if (length === normToRaw.length) {
      const bigger = normToRaw.length * 2;
      const a = new Int32Array(bigger);
      a.set(normToRaw);
      normToRaw = a;
      const b = new Int32Array(bigger);
      b.set(normToRawEnd);
      normToRawEnd = b;
    }
    out.push(ch);
    normToRaw[length] = from;
    normToRawEnd[length] = to;
    length += 1;
  };
  const breaks: number[] = [];
  let inSpace = false;
  const space = (ch: string, from: number, to: number): void => {
    if (!inSpace) push(' ', from, to);
    inSpace = true;
    if (ch === '\n' || ch === '\r' || ch === '\u2028' || ch === '\u2029') breaks.push(length - 1);
  };
  let j = 0;
  while (j < raw.length) {
    const code = raw.charCodeAt(j);
    rawToNorm[j] = length;
    // ASCII needs no Unicode normalisation unless a combining mark follows ("e" + U+0301 is "é"); most news
    // text is mostly ASCII, and this loop runs per char.
    if (code < 0x80 && !(j + 1 < raw.length && raw.charCodeAt(j + 1) >= 0x300 && MARK.test(raw[j + 1] as string))) {
      const ch = raw[j] as string;
      if (isSpace(ch)) space(ch, j, j + 1);
      else {
        inSpace = false;
        push(ch, j, j + 1);
      }
      j += 1;
      continue;
    }
    // One cluster: a code point (both halves of a surrogate pair) and the combining marks after it.
    let end = j + (code >= 0xd800 && code <= 0xdbff && j + 1 < raw.length ? 2 : 1);
    while (end < raw.length && MARK.test(raw[end] as string)) end += 1;
    for (let k = j + 1; k < end; k++) rawToNorm[k] = length;
    const cluster = raw.slice(j, end).normalize('NFKC');
    // By UTF-16 unit, so text offsets and the maps stay aligned for chars outside the BMP.
    for (let k = 0; k < cluster.length; k++) {
      const ch = cluster[k] as string;
      if (INVISIBLE.test(ch)) continue;
      if (isSpace(ch)) {
        space(ch, j, end);
        continue;
      }
      inSpace = false;
      push(fold(ch), j, end);
    }
    j = end;
  }
  rawToNorm[raw.length] = length;
  const lineBreaks = new Uint8Array(length);
  for (const at of breaks) lineBreaks[at] = 1;
  return { text: out.join(''), normToRaw: normToRaw.slice(0, length), normToRawEnd: normToRawEnd.slice(0, length), lineBreaks, rawToNorm };
}

/** The matching view of `s` without offset maps; the same text as normalizeWithMap(s).text. */
export function normalize(s: string): string {
  return normalizeWithMap(s).text;
}

/** Same text for a reader when only whitespace, Unicode form, quote marks or dashes differ. */
export function sameForReader(a: string, b: string): boolean {
  return normalize(a).trim() === normalize(b).trim();
}
