import type { NerDoc, NerToken } from './ner-tokens';
import { TITLE_MODIFIERS, isCommonWord, isDemonym, isFamilyName, isGivenName, isTitleHead, lookupPhrase, startsSeatOfPower } from './entity-lexicon';
import { CAPITAL, surface, type Span } from './entity-spans';
import { LABELS as IMPORTED_LABELS } from './ner-features';
import { isEastAsianName } from './names-east-asian';

// Rules from our word lists that run after the tagger: names the lists know for certain that it missed or mistyped.

/** A local copy: imported bindings compiled to CommonJS (tsx, Vitest) are getter calls, read here per token. */
const LABELS = IMPORTED_LABELS;

/**
 * Names the tagger left out (O) or called MISC but our word lists know for certain: a country, region, party,
 * notable organisation or seat of power named whole, a given name followed by a family name ("Donald Trump"), a
 * family-name-first East Asian name ("Xi Jinping"). The tagger learned from 1996 Reuters and Wikipedia; these
 * lists know today's names.
 */
export function knownNames(tags: Uint8Array, tokens: NerToken[], folded: string[], phrases: Int32Array, doc: NerDoc, spans: Span[]): Span[] {
  // Gazetteer places and organisations only where the tagger saw nothing, or called MISC a stretch holding or
  // followed by a title ("US President" is a place and a title); elsewhere MISC is often right about them ("Japan
  // Open"). A person's name may be taken from any MISC span ("US President Donald Trump").
  const misc = (k: number) => (LABELS[tags[k] ?? 0] ?? 'O').endsWith('MISC');
  const titledMisc = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i += 1) {
    const titled = isTitleHead(folded[i] ?? '') || (LABELS[tags[i + 1] ?? 0] !== 'I-MISC' && isTitleHead(folded[i + 1] ?? ''));
    if (!misc(i) || !titled) continue;
    for (let k = i; k >= 0 && (LABELS[tags[k] ?? 0] ?? 'O').endsWith('MISC'); k -= 1) {
      titledMisc[k] = 1;
      if (LABELS[tags[k] ?? 0] === 'B-MISC') break;
    }
  }
  const open = (k: number, i: number, misc = false) => {
    if (k >= tokens.length || doc.sentence[k] !== doc.sentence[i] || !CAPITAL.test(tokens[k]?.text ?? '')) return false;
    const label = LABELS[tags[k] ?? 0] ?? 'O';
    return label === 'O' || titledMisc[k] === 1 || (misc && label.endsWith('MISC'));
  };
  const added: Span[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    if (!open(i, i, true)) continue;
    let found: Span | undefined;
    // Multi-word gazetteer phrases were already found while computing features (odd codes open one).
    for (let len = (phrases[i] ?? 0) % 2 === 1 ? 4 : 1; len >= 1 && !found; len -= 1) {
      let ok = true;
      for (let k = i; k < i + len; k += 1) if (!open(k, i)) ok = false;
      if (!ok) continue;
      const known = lookupPhrase(folded.slice(i, i + len).join(' '));
      if (known && !known.weak) found = { first: i, last: i + len - 1, type: known.type };
    }
    if (!found && open(i + 1, i, true)) {
      const a = folded[i] ?? '';
      const b = folded[i + 1] ?? '';
      const surname = (w: string) => !lookupPhrase(w) && !isCommonWord(w) && !isTitleHead(w) && !isDemonym(w);
      if (isEastAsianName(a, b) || (isGivenName(a) && !isTitleHead(a) && surname(b))) {
        found = { first: i, last: i + 1, type: 'person' };
        if (open(i + 2, i, true) && isFamilyName(folded[i + 2] ?? '') && surname(folded[i + 2] ?? '')) found.last = i + 2;
      }
    }
    if (found) {
      added.push(found);
      i = found.last;
    }
  }
  if (added.length === 0) return spans;
  return [...spans, ...added].sort((a, b) => a.first - b.first);
}

/**
 * Seats of power used for the institution inside ("Downing Street said", "Number 10") are organisations in
 * our labelling, whatever the tagger learned from CoNLL (which labels them places). From entity-lexicon.
 */
export function seatsOfPower(tokens: NerToken[], folded: string[], spans: Span[]): Span[] {
  const seats: Span[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    if (!startsSeatOfPower(folded[i] ?? '') || !CAPITAL.test(tokens[i]?.text ?? '')) continue;
    for (let len = 3; len >= 1; len -= 1) {
      if (i + len > tokens.length) continue;
      const known = lookupPhrase(surface(folded, { first: i, last: i + len - 1 }));
      if (known?.type === 'organization' && known.canonical) {
        seats.push({ first: i, last: i + len - 1, type: 'organization' });
        i += len - 1;
        break;
      }
    }
  }
  if (seats.length === 0) return spans;
  const kept = spans.filter((s) => !seats.some((t) => s.first <= t.last && t.first <= s.last));
  return [...kept, ...seats].sort((a, b) => a.first - b.first);
}

/**
 * A party, notable organisation or seat of power named whole is an organisation whatever the context suggests
 * ("Amazon", "Unilever", "Likud"). Places are left to the tagger: counties and countries field teams
 * ("Yorkshire won by six wickets"), which CoNLL-2003 labels organisations; measured, overriding them cost 4 points.
 */
export function knownOrganisations(folded: string[], spans: Span[]): void {
  for (const s of spans) {
    const known = lookupPhrase(surface(folded, s));
    if (known?.type === 'organization' && !known.weak) s.type = 'organization';
  }
}

/**
 * A country named as a modifier stays a place: "US President Donald Trump" ("US" before a title), and "the UK Labour
 * government" ("UK" before a party our lists know) is the place "UK" and the organisation "Labour", as in our
 * labelled seed article. The tagger, which learned CoNLL-2003's habit of folding a leading place into an
 * organisation's name ("Russian Foreign Ministry"), calls both wholes organisations. Only whole countries and
 * regions of our lists count, and only parties or notable organisations as the rest ("US Navy" stays whole).
 */
export function countryModifiers(tokens: NerToken[], folded: string[], spans: Span[]): Span[] {
  const country = (k: number) => {
    const known = lookupPhrase(folded[k] ?? '');
    return known?.type === 'place' && !known.weak && CAPITAL.test(tokens[k]?.text ?? '');
  };
  const out: Span[] = [];
  for (const s of spans) {
    if (s.type !== 'organization' || !country(s.first)) {
      out.push(s);
      continue;
    }
    const after = folded[s.last + 1] ?? '';
    if (s.first === s.last && (isTitleHead(after) || TITLE_MODIFIERS.has(after)) && CAPITAL.test(tokens[s.last + 1]?.text ?? '')) {
      out.push({ ...s, type: 'place' });
      continue;
    }
    const rest = s.last > s.first ? lookupPhrase(surface(folded, { first: s.first + 1, last: s.last })) : undefined;
    if (rest?.type === 'organization' && !rest.weak) {
      out.push({ first: s.first, last: s.first, type: 'place' }, { first: s.first + 1, last: s.last, type: 'organization' });
      continue;
    }
    out.push(s);
  }
  return out;
}
