// Edit kinds of the re-anchoring benchmark. An article is a list of paragraphs; a note is a word-aligned span
// inside one paragraph. Every kind returns the page the note was made on, the page served later, and where the
// note's words are on the later page (or 'orphan' when they are gone), computed from the edit itself so the
// expected answer never depends on a matcher.

export type Doc = string[];

/** A span inside paragraph `p`: UTF-16 offsets into that paragraph, [start, end). */
export interface Spot {
  p: number;
  start: number;
  end: number;
}

export type Expected = Spot | 'orphan';

/** One page pair with the notes saved on `original` and where each should land on `edited`. */
export interface Case {
  original: Doc;
  notes: Spot[];
  edited: Doc;
  expected: Expected[];
}

export type Random = () => number;

/** Deterministic pseudo-random numbers (a linear congruential generator), so every run measures the same cases. */
export function seeded(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function seedOf(name: string): number {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return h >>> 0;
}

const pick = <T>(rand: Random, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
const int = (rand: Random, from: number, to: number): number => from + Math.floor(rand() * (to - from + 1));

/** Word boundaries of a paragraph: [start, end) of each run of non-space chars. */
function words(paragraph: string): [number, number][] {
  return [...paragraph.matchAll(/\S+/g)].map((m) => [m.index, m.index + m[0].length]);
}

/** Trailing punctuation a reader's selection usually leaves out. */
function trimEnd(paragraph: string, start: number, end: number): number {
  let e = end;
  while (e > start + 1 && /[,;:)"”’]/.test(paragraph[e - 1] as string)) e--;
  return e;
}

/** A random note: mostly phrases, some single words and whole sentences, a few long passages. */
export function randomSpot(doc: Doc, rand: Random, lengths?: [number, number]): Spot | null {
  const candidates = doc.map((p, i) => [i, words(p).length] as const).filter(([, n]) => n >= 3);
  if (candidates.length === 0) return null;
  const [p, count] = pick(rand, candidates);
  const r = rand();
  const [lo, hi] = lengths ?? (r < 0.2 ? [1, 3] : r < 0.8 ? [4, 15] : r < 0.95 ? [16, 40] : [40, 90]);
  const length = Math.min(count, int(rand, lo, hi));
  const first = int(rand, 0, count - length);
  const ws = words(doc[p] as string);
  const start = (ws[first] as [number, number])[0];
  const end = trimEnd(doc[p] as string, start, (ws[first + length - 1] as [number, number])[1]);
  return { p, start, end };
}

/** A random note that contains a match of `pattern` (for kinds about figures, which random spans rarely hold). */
export function spotAround(doc: Doc, rand: Random, pattern: RegExp): Spot | null {
  const hits = doc.flatMap((paragraph, p) => [...paragraph.matchAll(pattern)].map((m) => ({ p, at: m.index })));
  if (hits.length === 0) return null;
  const hit = pick(rand, hits);
  const ws = words(doc[hit.p] as string);
  const w = ws.findIndex(([s, e]) => hit.at >= s && hit.at < e);
  if (w < 0) return null;
  const length = Math.min(ws.length, int(rand, 1, 15));
  const first = int(rand, Math.max(0, w - length + 1), Math.min(w, ws.length - length));
  const start = (ws[first] as [number, number])[0];
  const end = trimEnd(doc[hit.p] as string, start, (ws[first + length - 1] as [number, number])[1]);
  return hit.at + 1 <= end ? { p: hit.p, start, end } : null;
}

export function quoteOf(doc: Doc, s: Spot): string {
  return (doc[s.p] as string).slice(s.start, s.end);
}

// ---- global edits: one edited page for all notes -------------------------------------------------------------

/** A per-char rewrite of a paragraph with its offset map: map[i] is where old char i starts now; map[len] = new length. */
function rewriteChars(paragraph: string, replace: (ch: string, i: number) => string): { text: string; map: number[] } {
  const out: string[] = [];
  const map: number[] = [];
  let at = 0;
  for (let i = 0; i < paragraph.length; i++) {
    map.push(at);
    const r = replace(paragraph[i] as string, i);
    out.push(r);
    at += r.length;
  }
  map.push(at);
  return { text: out.join(''), map };
}

function charEdit(doc: Doc, notes: Spot[], replace: (ch: string, p: number, i: number, paragraph: string) => string): Case {
  const maps: number[][] = [];
  const edited = doc.map((paragraph, p) => {
    const r = rewriteChars(paragraph, (ch, i) => replace(ch, p, i, paragraph));
    maps.push(r.map);
    return r.text;
  });
  const expected = notes.map((n) => {
    const map = maps[n.p] as number[];
    // The end maps to the end of the last char's replacement (an NFD letter keeps its combining mark).
    return { p: n.p, start: map[n.start] as number, end: map[n.end] as number };
  });
  return { original: doc, notes, edited, expected };
}

/** Paragraph-level edit: `order` lists, for each paragraph of the edited page, an old index or a new text. */
function rearrange(doc: Doc, notes: Spot[], order: (number | string)[]): Case {
  const edited = order.map((o) => (typeof o === 'number' ? (doc[o] as string) : o));
  const expected = notes.map((n): Expected => {
    const at = order.indexOf(n.p);
    return at < 0 ? 'orphan' : { p: at, start: n.start, end: n.end };
  });
  return { original: doc, notes, edited, expected };
}

const AD_LINES = [
  'Advertisement',
  'Story continues below advertisement',
  'Sponsored: The 10 gadgets everyone is buying this year',
  'Sign up for our morning newsletter and get the day’s top stories in your inbox.',
  'Read more: What the new rules mean for you',
];

export interface GlobalKind {
  name: string;
  /** `other` is another article, for inserted paragraphs and a replaced page. */
  apply: (doc: Doc, notes: Spot[], rand: Random, other: Doc) => Case;
}

export const GLOBAL_KINDS: GlobalKind[] = [
  { name: 'unchanged', apply: (doc, notes) => rearrange(doc, notes, doc.map((_, i) => i)) },
  {
    name: 'NFC saved, NFD served',
    apply: (doc, notes) => charEdit(doc, notes, (ch) => ch.normalize('NFD')),
  },
  {
    name: 'whitespace',
    apply: (doc, notes, rand) => charEdit(doc, notes, (ch) => (ch === ' ' && rand() < 0.3 ? pick(rand, ['  ', ' \n ', '\u00a0', '\t']) : ch)),
  },
  {
    name: 'quotes and dashes',
    apply: (doc, notes) =>
      charEdit(doc, notes, (ch, _p, i, paragraph) => {
        switch (ch) {
          case '\u2019':
          case '\u2018':
            return "'";
          case "'":
            return '\u2019';
          case '\u201c':
          case '\u201d':
            return '"';
          case '"':
            return /\s/.test(paragraph[i - 1] ?? ' ') ? '\u201c' : '\u201d';
          case '\u2013':
          case '\u2014':
            return '-';
          case '-':
            return '\u2013';
          default:
            return ch;
        }
      }),
  },
  {
    name: 'paragraphs inserted',
    apply: (doc, notes, rand, other) => {
      const order: (number | string)[] = doc.map((_, i) => i);
      for (let k = int(rand, 2, 4); k > 0; k--) order.splice(int(rand, 0, order.length), 0, pick(rand, other));
      return rearrange(doc, notes, order);
    },
  },
  {
    name: 'paragraphs deleted',
    apply: (doc, notes, rand) => {
      const gone = new Set<number>();
      for (let k = Math.min(int(rand, 2, 3), doc.length - 1); k > 0; k--) gone.add(int(rand, 0, doc.length - 1));
      return rearrange(doc, notes, doc.map((_, i) => i).filter((i) => !gone.has(i)));
    },
  },
  {
    name: 'paragraphs reordered',
    apply: (doc, notes, rand) => {
      const order = doc.map((_, i) => i);
      for (let k = 0; k < 3; k++) {
        const [moved] = order.splice(int(rand, 0, order.length - 1), 1);
        order.splice(int(rand, 0, order.length), 0, moved as number);
      }
      return rearrange(doc, notes, order);
    },
  },
  {
    name: 'ads inserted mid-article',
    apply: (doc, notes, rand) => {
      const order: (number | string)[] = [];
      doc.forEach((_, i) => {
        order.push(i);
        if (i % 3 === 2) order.push(pick(rand, AD_LINES));
      });
      return rearrange(doc, notes, order);
    },
  },
  {
    name: 'live-blog prepends',
    apply: (doc, notes, rand, other) => {
      const updates = Array.from({ length: int(rand, 3, 6) }, (_, k) => `${10 + k}:${int(rand, 10, 59)} GMT Update: ${pick(rand, other)}`);
      return rearrange(doc, notes, [...updates, ...doc.map((_, i) => i)]);
    },
  },
  {
    name: 'article replaced',
    apply: (doc, notes, _rand, other) => ({ original: doc, notes, edited: [...other], expected: notes.map(() => 'orphan' as const) }),
  },
];

// ---- per-note edits: one page pair for each note ---------------------------------------------------------------

/** Numbers and names: tokens with a digit, or starting with a capital letter. */
const KEY_TOKEN = /\p{N}[\p{N},.]*\p{N}|\p{N}|\p{Lu}[\p{L}'’-]+/gu;

function keyTokens(s: string): RegExpExecArray[] {
  return [...s.matchAll(KEY_TOKEN)];
}

function replaceIn(paragraph: string, at: number, length: number, by: string): string {
  return paragraph.slice(0, at) + by + paragraph.slice(at + length);
}

/** Another number of the same magnitude ("18" → "27"), never equal to the old one. */
function otherNumber(old: string, rand: Random): string {
  for (;;) {
    const changed = old.replace(/\d/g, (d, i: number) => (i === 0 && old.length > 1 ? String(int(rand, 1, 9)) : rand() < 0.6 ? String(int(rand, 0, 9)) : d));
    if (changed !== old) return changed;
  }
}

/** Where to put a copy of a paragraph: at least two paragraphs away from it. */
function farIndex(doc: Doc, p: number, rand: Random): number | null {
  const options = doc.map((_, i) => i).filter((i) => Math.abs(i - p) >= 2);
  options.push(doc.length);
  const usable = options.filter((i) => Math.abs(i - p) >= 2);
  return usable.length ? pick(rand, usable) : null;
}

function insertAt(doc: Doc, at: number, paragraph: string): Doc {
  return [...doc.slice(0, at), paragraph, ...doc.slice(at)];
}

function sentenceAround(paragraph: string, start: number, end: number): [number, number] {
  let from = 0;
  for (const m of paragraph.slice(0, start).matchAll(/[.!?]["”’]?\s+/g)) from = m.index + m[0].length;
  const rest = /[.!?]["”’]?(\s+|$)/.exec(paragraph.slice(end));
  const to = rest ? end + rest.index + rest[0].length : paragraph.length;
  return [from, to];
}

/** A one- or two-digit number standing alone ("18", not "1.8" or "2,018"). */
const SMALL_NUMBER = /(?<![\p{N}.,])\p{N}{1,2}(?![\p{N}]|[.,]\p{N})/gu;

export interface NoteKind {
  name: string;
  /** The note's length range in words, when the kind needs a particular kind of quote. */
  lengths?: [number, number];
  /** Notes are drawn around matches of this pattern, when the kind is about something random spans rarely hold. */
  around?: RegExp;
  /** A page pair for this note, or null when the note does not fit the kind (another note is drawn). */
  make: (doc: Doc, note: Spot, rand: Random, other: Doc) => Case | null;
}

export const NOTE_KINDS: NoteKind[] = [
  {
    // The reader's paragraph and a look-alike with another name or figure are both on the page; later the
    // reader's paragraph is deleted. The look-alike is not the note's passage.
    name: 'near-copy left after deletion',
    make: (doc, note, rand) => {
      const quote = quoteOf(doc, note);
      const keys = keyTokens(quote).filter((m) => m.index > 0 || /\d/.test(m[0]));
      if (keys.length === 0) return null;
      const key = pick(rand, keys);
      let by: string;
      if (/\d/.test(key[0])) by = otherNumber(key[0], rand);
      else {
        const names = [...new Set(doc.flatMap((p) => keyTokens(p).map((m) => m[0])))].filter((w) => !/\d/.test(w) && !quote.includes(w) && w.length > 2);
        if (names.length === 0) return null;
        by = pick(rand, names);
      }
      const copy = replaceIn(doc[note.p] as string, note.start + key.index, key[0].length, by);
      const at = farIndex(doc, note.p, rand);
      if (at === null) return null;
      const original = insertAt(doc, at, copy);
      const p = at <= note.p ? note.p + 1 : note.p;
      const edited = original.filter((_, i) => i !== p);
      return { original, notes: [{ ...note, p }], edited, expected: ['orphan'] };
    },
  },
  {
    // A short or common quote whose passage is deleted or rewritten while the same words stay elsewhere.
    name: 'passage gone, short quote',
    lengths: [1, 3],
    make: (doc, note, rand, other) => {
      const quote = quoteOf(doc, note);
      if (doc.join('\n\n').split(quote).length < 3) return null;
      const paragraph = doc[note.p] as string;
      const [from, to] = sentenceAround(paragraph, note.start, note.end);
      const how = rand();
      let edited: Doc;
      if (how < 0.34 || (from === 0 && to === paragraph.length)) edited = doc.filter((_, i) => i !== note.p);
      else if (how < 0.67) edited = doc.map((x, i) => (i === note.p ? (x.slice(0, from) + x.slice(to)).trim() : x));
      else {
        const sentences = pick(rand, other).split(/(?<=[.!?])\s+/);
        const replacement = pick(rand, sentences);
        if (replacement.includes(quote)) return null;
        edited = doc.map((x, i) => (i === note.p ? x.slice(0, from) + replacement + (to < x.length ? ' ' : '') + x.slice(to) : x));
      }
      return { original: doc, notes: [note], edited, expected: ['orphan'] };
    },
  },
  {
    // The quote is also repeated verbatim elsewhere (a pull quote); a typo is then fixed inside the reader's passage.
    name: 'typo fixed, exact copy elsewhere',
    lengths: [3, 20],
    make: (doc, note, rand) => {
      const quote = quoteOf(doc, note);
      const fixable = [...quote.matchAll(/\b\p{Ll}{5,}\b/gu)];
      if (fixable.length === 0) return null;
      const word = pick(rand, fixable);
      const w = word[0];
      const k = int(rand, 1, w.length - 3);
      // Swapped letters are the commonest typo; the fix swaps them back.
      const fixed = w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2);
      if (fixed === w) return null;
      const at = farIndex(doc, note.p, rand);
      if (at === null) return null;
      const original = insertAt(doc, at, quote);
      const p = at <= note.p ? note.p + 1 : note.p;
      const edited = original.map((x, i) => (i === p ? replaceIn(x, note.start + word.index, w.length, fixed) : x));
      return { original, notes: [{ ...note, p }], edited, expected: [{ p, start: note.start, end: note.end }] };
    },
  },
  {
    // A one- or two-digit figure corrected in place ("18" → "15"), everything around it unchanged.
    name: 'number corrected',
    around: SMALL_NUMBER,
    make: (doc, note, rand) => {
      const quote = quoteOf(doc, note);
      const numbers = [...quote.matchAll(SMALL_NUMBER)];
      if (numbers.length === 0) return null;
      const n = pick(rand, numbers);
      const by = otherNumber(n[0], rand);
      const edited = doc.map((x, i) => (i === note.p ? replaceIn(x, note.start + n.index, n[0].length, by) : x));
      return { original: doc, notes: [note], edited, expected: [{ p: note.p, start: note.start, end: note.end + by.length - n[0].length }] };
    },
  },
];
