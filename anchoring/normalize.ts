// A matching view of a text: whitespace runs collapse to one space, typographic quotes and dashes fold
// to ASCII, invisible characters vanish. Edits of that kind are not edits a reader would notice, so the
// matcher works on this view and maps what it finds back to offsets in the real text.

export interface NormalizedText {
  text: string;
  /** normToRaw[i]: offset in the raw text of the char that produced text[i]. */
  normToRaw: Int32Array;
  /** rawToNorm[j]: offset in the normalized text of the first char produced at or after raw offset j (length raw+1). */
  rawToNorm: Int32Array;
}

const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/;

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

export function normalizeWithMap(raw: string): NormalizedText {
  const out: string[] = [];
  const normToRaw = new Int32Array(raw.length);
  const rawToNorm = new Int32Array(raw.length + 1);
  let inSpace = false;
  for (let j = 0; j < raw.length; j++) {
    rawToNorm[j] = out.length;
    const ch = raw[j] as string;
    if (INVISIBLE.test(ch)) continue;
    if (isSpace(ch)) {
      if (inSpace) continue;
      inSpace = true;
      normToRaw[out.length] = j;
      out.push(' ');
      continue;
    }
    inSpace = false;
    normToRaw[out.length] = j;
    out.push(fold(ch));
  }
  rawToNorm[raw.length] = out.length;
  return { text: out.join(''), normToRaw: normToRaw.slice(0, out.length), rawToNorm };
}

export function normalize(s: string): string {
  let out = '';
  let inSpace = false;
  for (const ch of s) {
    if (INVISIBLE.test(ch)) continue;
    if (isSpace(ch)) {
      if (!inSpace) out += ' ';
      inSpace = true;
      continue;
    }
    inSpace = false;
    out += fold(ch);
  }
  return out;
}

/** Same text for a reader when only whitespace differs. */
export function sameIgnoringSpace(a: string, b: string): boolean {
  return a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();
}
