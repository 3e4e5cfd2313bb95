import type { EntityType } from './types';
import type { NerDoc, NerToken } from './ner-tokens';
import { fold } from './entity-fold';
import { NAME_HONOURS, TITLE_MODIFIERS, isDemonym, isTitleHead, lookupPhrase } from './entity-lexicon';
import { LABELS as IMPORTED_LABELS } from './ner-features';

// Entity spans over the tagger's tokens, and the labelling conventions every span is held to after tagging:
// no leading article, no title, British honours kept, gazetteer names the tagger broke in two joined again.

/** A local copy: imported bindings compiled to CommonJS (tsx, Vitest) are getter calls, read here per token. */
const LABELS = IMPORTED_LABELS;

const TYPE_OF_LABEL: Record<string, EntityType | undefined> = { PER: 'person', ORG: 'organization', LOC: 'place' };

/** A typed stretch of tokens, [first, last] inclusive. */
export interface Span {
  first: number;
  last: number;
  type: EntityType;
}

/** Entity spans of the tagger's BIO labels; MISC (events, nationalities, works) is dropped here. */
export function spansOf(tags: Uint8Array, doc: NerDoc): Span[] {
  const spans: Span[] = [];
  let open: { first: number; label: string } | undefined;
  const close = (last: number) => {
    const type = open ? TYPE_OF_LABEL[open.label] : undefined;
    if (open && type) spans.push({ first: open.first, last, type });
    open = undefined;
  };
  for (let i = 0; i < tags.length; i += 1) {
    const label = LABELS[tags[i] ?? 0] ?? 'O';
    const type = label.slice(2);
    if (open && (label === 'O' || label.startsWith('B-') || type !== open.label || doc.sentence[i] !== doc.sentence[i - 1])) close(i - 1);
    if (label !== 'O' && !open) open = { first: i, label: type };
  }
  close(tags.length - 1);
  return spans;
}

export const CAPITAL = /^\p{Lu}/u;
const CAPITAL_OR_DIGIT = /^[\p{Lu}\d]/u;
/** A name's last token has a letter ("MTV2", "F."), and is no bare number. */
const WORD_END = /\p{L}/u;

/** The folded words of a span joined by spaces: the key of our gazetteers and of document-level agreement. */
export function surface(folded: string[], s: { first: number; last: number }): string {
  if (s.first === s.last) return folded[s.first] ?? '';
  return folded.slice(s.first, s.last + 1).join(' ');
}

export const ARTICLES = new Set(['the', 'a', 'an']);

/**
 * Names are labelled without a leading article ("the Labour Party" is "Labour Party"), as in our fixtures; they
 * start with a capital ("of Xinjiang" is "Xinjiang") and end with a word, not a quote mark or a score
 * ("J. Adams 123" in a results table is "J. Adams"). A lone demonym is no name of ours.
 */
export function withoutArticles(tokens: NerToken[], folded: string[], spans: Span[]): Span[] {
  const weakStart = (k: number) => ARTICLES.has(folded[k] ?? '') || !CAPITAL_OR_DIGIT.test(tokens[k]?.text ?? '');
  const weakEnd = (k: number) => !WORD_END.test(tokens[k]?.text ?? '');
  for (const s of spans) {
    while (s.first < s.last && weakStart(s.first)) s.first += 1;
    while (s.last > s.first && weakEnd(s.last)) s.last -= 1;
  }
  return spans.filter((s) => !weakStart(s.first) && !weakEnd(s.last) && !(s.first === s.last && isDemonym(folded[s.first] ?? '')));
}

/**
 * A capital "The" inside a sentence opens the name it stands before ("reviewed in The New Yorker", "signed by The
 * Disabilities Trust"); at a sentence's start it is only an article ("The Labour Party said"). Measured on CoNLL-2003
 * eng.train, CrossNER and WikiGold: a mid-sentence "The" before an entity is part of it 78 times in 90, a
 * sentence-initial one 13 times in 257. `initial` is DocFeatures.initial. Not for people ("The Rock" aside).
 */
export function withInnerThe(tokens: NerToken[], initial: Uint8Array, spans: Span[]): void {
  let previousEnd = -1;
  for (const s of spans) {
    const k = s.first - 1;
    if (s.type !== 'person' && k > previousEnd && tokens[k]?.text === 'The' && initial[k] === 0) s.first = k;
    previousEnd = s.last;
  }
}

/** Titles introduce a person's name without being part of it ("Mayor Sadiq Khan", "US President Joe Biden"). */
export function withoutTitles(tokens: NerToken[], spans: Span[]): void {
  for (const s of spans) {
    if (s.type !== 'person') continue;
    while (s.first < s.last) {
      const w = fold(tokens[s.first]?.text ?? '').replace(/\.$/, '');
      if (NAME_HONOURS.has(w) || (!isTitleHead(w) && !TITLE_MODIFIERS.has(w))) break;
      s.first += 1;
    }
  }
}

/**
 * Two touching spans of one type that together make a name our lists know are one name: the tagger sometimes
 * breaks "The World | Health Organization" after a sentence-initial article.
 */
export function joinKnownPhrases(folded: string[], spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    let from = prev?.first ?? 0;
    while (prev && from < prev.last && ARTICLES.has(folded[from] ?? '')) from += 1;
    if (prev && prev.type === s.type && prev.last + 1 === s.first && lookupPhrase(surface(folded, { first: from, last: s.last }))) {
      prev.last = s.last;
      continue;
    }
    out.push({ ...s });
  }
  return out;
}

/** British honours are part of how a person is named ("Sir Keir Starmer"): CoNLL leaves them out, we keep them. */
export function withHonours(tokens: NerToken[], spans: Span[]): void {
  const ends = new Set(spans.map((s) => s.last));
  for (const s of spans) {
    const before = tokens[s.first - 1];
    const covered = ends.has(s.first - 1);
    if (s.type === 'person' && before && !covered && CAPITAL.test(before.text) && NAME_HONOURS.has(fold(before.text))) s.first -= 1;
  }
}
