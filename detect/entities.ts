import type { EntityMention, EntityRecord, EntityType } from './types';
import { fold } from './entity-fold';
import { assignEntityIds, canonicalFor, type TypedMention } from './entity-aliases';
import {
  NAME_HONOURS,
  TITLE_MODIFIERS,
  isCommonWord,
  isDemonym,
  isFamilyName,
  isGivenName,
  isTitleHead,
  lookupPhrase,
  orgHeadWords,
  placeHeadWords,
  startsSeatOfPower,
} from './entity-lexicon';
import { LABELS as IMPORTED_LABELS, docFeatures } from './ner-features';
import { decodeWeights, tagDoc, type NerModel } from './ner-model';
import { tokenizeForNer, type NerDoc, type NerToken } from './ner-tokens';
import { NER_WEIGHTS } from './ner-weights';
import { isEastAsianName } from './names-east-asian';

let model: NerModel | undefined;
/** A local copy: imported bindings compiled to CommonJS (tsx, Vitest) are getter calls, read here per token. */
const LABELS = IMPORTED_LABELS;

/**
 * The shipped tagger, decoded on first use (part of the background worker's cold start; measured by
 * `npm run bench`). @throws NerWeightsError when detect/ner-weights.ts is corrupt or stale.
 */
export function entityModel(): NerModel {
  model ??= decodeWeights(NER_WEIGHTS);
  return model;
}

const TYPE_OF_LABEL: Record<string, EntityType | undefined> = { PER: 'person', ORG: 'organization', LOC: 'place' };

/** A typed stretch of tokens, [first, last] inclusive. */
interface Span {
  first: number;
  last: number;
  type: EntityType;
}

/**
 * Names the tagger left out (O) or called MISC but our word lists know for certain: a country, region, party,
 * notable organisation or seat of power named whole, a given name followed by a family name ("Donald Trump"), a
 * family-name-first East Asian name ("Xi Jinping"). The tagger learned from 1996 Reuters and Wikipedia; these
 * lists know today's names.
 */
function knownNames(tags: Uint8Array, tokens: NerToken[], folded: string[], phrases: Int32Array, doc: NerDoc, spans: Span[]): Span[] {
  // Gazetteer places and organisations only where the tagger saw nothing, or called MISC a stretch holding a title
  // ("US President" is a place and a title); elsewhere MISC is often right about them ("Japan Open"). A person's
  // name may be taken from any MISC span ("US President Donald Trump").
  const titledMisc = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i += 1) {
    if (!(LABELS[tags[i] ?? 0] ?? 'O').endsWith('MISC') || !isTitleHead(folded[i] ?? '')) continue;
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

/** Entity spans of the tagger's BIO labels; MISC (events, nationalities, works) is dropped here. */
function spansOf(tags: Uint8Array, doc: NerDoc): Span[] {
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

const CAPITAL = /^\p{Lu}/u;
const CAPITAL_OR_DIGIT = /^[\p{Lu}\d]/u;
/** A name's last token has a letter ("MTV2", "F."), and is no bare number. */
const WORD_END = /\p{L}/u;

/** The folded words of a span joined by spaces: the key of our gazetteers and of document-level agreement. */
function surface(folded: string[], s: { first: number; last: number }): string {
  if (s.first === s.last) return folded[s.first] ?? '';
  return folded.slice(s.first, s.last + 1).join(' ');
}

/**
 * Seats of power used for the institution inside ("Downing Street said", "Number 10") are organisations in
 * our labelling, whatever the tagger learned from CoNLL (which labels them places). From entity-lexicon.
 */
function seatsOfPower(tokens: NerToken[], folded: string[], spans: Span[]): Span[] {
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

const ARTICLES = new Set(['the', 'a', 'an']);

/**
 * Names are labelled without a leading article ("the Labour Party" is "Labour Party"), as in our fixtures; they
 * start with a capital ("of Xinjiang" is "Xinjiang") and end with a word, not a quote mark or a score
 * ("J. Adams 123" in a results table is "J. Adams"). A lone demonym is no name of ours.
 */
function withoutArticles(tokens: NerToken[], folded: string[], spans: Span[]): Span[] {
  const weakStart = (k: number) => ARTICLES.has(folded[k] ?? '') || !CAPITAL_OR_DIGIT.test(tokens[k]?.text ?? '');
  const weakEnd = (k: number) => !WORD_END.test(tokens[k]?.text ?? '');
  for (const s of spans) {
    while (s.first < s.last && weakStart(s.first)) s.first += 1;
    while (s.last > s.first && weakEnd(s.last)) s.last -= 1;
  }
  return spans.filter((s) => !weakStart(s.first) && !weakEnd(s.last) && !(s.first === s.last && isDemonym(folded[s.first] ?? '')));
}

/**
 * A party, notable organisation or seat of power named whole is an organisation whatever the context suggests
 * ("Amazon", "Unilever", "Likud"). Places are left to the tagger: counties and countries field teams
 * ("Yorkshire won by six wickets"), which CoNLL-2003 labels organisations; measured, overriding them cost 4 points.
 */
function knownOrganisations(folded: string[], spans: Span[]): void {
  for (const s of spans) {
    const known = lookupPhrase(surface(folded, s));
    if (known?.type === 'organization' && !known.weak) s.type = 'organization';
  }
}

/** Titles introduce a person's name without being part of it ("Mayor Sadiq Khan", "US President Joe Biden"). */
function withoutTitles(tokens: NerToken[], spans: Span[]): void {
  for (const s of spans) {
    if (s.type !== 'person') continue;
    while (s.first < s.last) {
      const w = fold(tokens[s.first]?.text ?? '').replace(/\.$/, '');
      if (NAME_HONOURS.has(w) || (!isTitleHead(w) && !TITLE_MODIFIERS.has(w))) break;
      s.first += 1;
    }
  }
}

const SPEECH_VERBS = new Set(['said', 'says', 'told', 'added', 'wrote', 'tweeted', 'argued', 'insisted', 'warned', 'replied']);

/**
 * Cues for people that hold in news whatever the tagger learned: a name opened by an honour ("Lord Darzi") is a
 * person, one closed by an organisation word ("Ananda College") is not; an unknown capitalised word the tagger
 * left out that says something ("Biden said:") is a person.
 */
function personCues(tokens: NerToken[], folded: string[], tags: Uint8Array, doc: NerDoc, spans: Span[]): Span[] {
  for (const s of spans) {
    if (NAME_HONOURS.has(folded[s.first] ?? '') && s.last > s.first && CAPITAL.test(tokens[s.first + 1]?.text ?? '')) s.type = 'person';
    // "Ananda College", "Workers Party": a name ending in an organisation word names no person.
    else if (s.type === 'person' && s.last > s.first && orgHeadWords().has(folded[s.last] ?? '')) s.type = 'organization';
  }
  const added: Span[] = [];
  for (let i = 0; i + 1 < tokens.length; i += 1) {
    const w = folded[i] ?? '';
    if (tags[i] !== 0 || !CAPITAL.test(tokens[i]?.text ?? '') || doc.sentence[i + 1] !== doc.sentence[i]) continue;
    if (!SPEECH_VERBS.has(folded[i + 1] ?? '') || (i > 0 && doc.sentence[i - 1] === doc.sentence[i] && CAPITAL.test(tokens[i - 1]?.text ?? ''))) continue;
    if (lookupPhrase(w) || isCommonWord(w) || isDemonym(w) || isTitleHead(w)) continue;
    added.push({ first: i, last: i, type: 'person' });
  }
  return added.length === 0 ? spans : [...spans, ...added].sort((a, b) => a.first - b.first);
}

/**
 * "Party" in the languages whose parties our readers meet by their own names ("Refah Partisi", "Partido Popular",
 * "Fianna Fáil" aside), and the heads of record labels and studios ("Virgin Records"): a name ending in one is an
 * organisation, never a person. Kept apart from the tagger's organisation-head feature, which its weights were
 * trained with.
 */
const ORGANISATION_ENDINGS = new Set([
  'partisi', 'partei', 'partido', 'parti', 'partij', 'partia', 'partito', 'puolue', 'partiet', 'partiya',
  'records', 'studios', 'pictures', 'recordings',
]);
/** A word with both letters and digits ("MTV2", "B2B"): not a part of any person's name. */
const LETTERS_AND_DIGITS = /^(?=.*\p{L})(?=.*\d)/u;

/**
 * Names on modern Wikipedia-style prose that the tagger, trained mostly on 1996 news, types as people: a name
 * ending in a party or label word ("Saadet Partisi", "Virgin Records") and a name with a digit ("MTV2") are
 * organisations (no person's name has a digit). Two names joined by "and" are two names when each side has two
 * words or more and the first ends in an organisation or place head word or the second opens with an article
 * ("Leipzig University and University of Jena", "Linkin Park and Avenged Sevenfold"), unless our lists know the
 * whole; "Marks and Spencer" and "Greater Manchester Fire and Rescue Service" stay one.
 */
function modernCues(tokens: NerToken[], folded: string[], spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    if (s.type === 'person') {
      let digit = false;
      for (let k = s.first; k <= s.last; k += 1) if (LETTERS_AND_DIGITS.test(tokens[k]?.text ?? '')) digit = true;
      if (digit || (s.last > s.first && ORGANISATION_ENDINGS.has(folded[s.last] ?? ''))) s.type = 'organization';
    }
    let first = s.first;
    for (let k = s.first + 2; k < s.last - 1; k += 1) {
      if (folded[k] !== 'and' || lookupPhrase(surface(folded, s))) continue;
      let next = k + 1;
      if (ARTICLES.has(folded[next] ?? '') && next < s.last) next += 1;
      const head = folded[k - 1] ?? '';
      const headed = next > k + 1 || orgHeadWords().has(head) || placeHeadWords().has(head);
      if (!headed || s.last - next < 1 || !CAPITAL.test(tokens[next]?.text ?? '')) continue;
      out.push({ first, last: k - 1, type: s.type });
      first = next;
      k = next;
    }
    out.push(first === s.first ? s : { first, last: s.last, type: s.type });
  }
  return out;
}

/**
 * Two touching spans of one type that together make a name our lists know are one name: the tagger sometimes
 * breaks "The World | Health Organization" after a sentence-initial article.
 */
function joinKnownPhrases(folded: string[], spans: Span[]): Span[] {
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
function withHonours(tokens: NerToken[], spans: Span[]): void {
  const ends = new Set(spans.map((s) => s.last));
  for (const s of spans) {
    const before = tokens[s.first - 1];
    const covered = ends.has(s.first - 1);
    if (s.type === 'person' && before && !covered && CAPITAL.test(before.text) && NAME_HONOURS.has(fold(before.text))) s.first -= 1;
  }
}

/**
 * Document-level consistency (one sense per name, Krishnan and Manning 2006): a capitalised occurrence of a name
 * the tagger left untagged takes the type most of that name's tagged mentions got, and a person's family name
 * (given name in East Asian order) used alone is that person. Tagged mentions keep their own type: relabelling
 * them by majority was measured to cost 0.5 to 1 point F1 (the tagger already sees earlier predictions).
 */
function consistentDocument(tokens: NerToken[], folded: string[], doc: NerDoc, spans: Span[]): Span[] {
  const votes = new Map<string, Map<EntityType, number>>();
  const vote = (key: string, type: EntityType, weight: number) => {
    const m = votes.get(key) ?? new Map<EntityType, number>();
    m.set(type, (m.get(type) ?? 0) + weight);
    votes.set(key, m);
  };
  for (const s of spans) {
    vote(surface(folded, s), s.type, 1);
    if (s.type === 'person' && s.last > s.first) {
      const first = fold(tokens[s.first]?.text ?? '');
      const second = fold(tokens[s.first + 1]?.text ?? '');
      const short = isEastAsianName(first, second) ? s.first : s.last;
      vote(fold(tokens[short]?.text ?? ''), 'person', 2);
    }
  }
  const best = new Map<string, EntityType>();
  for (const [key, m] of votes) {
    let type: EntityType | undefined;
    let top = 0;
    for (const [t, n] of m) {
      if (n > top) {
        type = t;
        top = n;
      }
    }
    if (type) best.set(key, type);
  }

  // Untagged repeats: only single capitalised tokens or the exact multi-word surfaces, never inside a span.
  const covered = new Uint8Array(tokens.length);
  for (const s of spans) covered.fill(1, s.first, s.last + 1);
  const added: Span[] = [];
  // Multi-word names by their first word, longest first.
  const multi = new Map<string, string[][]>();
  for (const key of best.keys()) {
    const words = key.split(' ');
    if (words.length < 2) continue;
    const list = multi.get(words[0] ?? '') ?? [];
    list.push(words);
    multi.set(words[0] ?? '', list);
  }
  for (const list of multi.values()) list.sort((a, b) => b.length - a.length);
  for (let i = 0; i < tokens.length; i += 1) {
    if (covered[i] || !CAPITAL.test(tokens[i]?.text ?? '')) continue;
    const prevCapital = i > 0 && doc.sentence[i - 1] === doc.sentence[i] && CAPITAL.test(tokens[i - 1]?.text ?? '') && !covered[i - 1];
    const candidates = multi.get(folded[i] ?? '');
    const match = candidates?.find((words) => words.every((w, k) => folded[i + k] === w && covered[i + k] === 0));
    if (match) {
      added.push({ first: i, last: i + match.length - 1, type: best.get(match.join(' ')) as EntityType });
      covered.fill(1, i, i + match.length);
      i += match.length - 1;
      continue;
    }
    const nextCapital = i + 1 < tokens.length && doc.sentence[i + 1] === doc.sentence[i] && CAPITAL.test(tokens[i + 1]?.text ?? '');
    const type = best.get(folded[i] ?? '');
    // A lone word, not the edge of a longer capitalised name the tagger chose to leave out.
    if (type && !prevCapital && !nextCapital) added.push({ first: i, last: i, type });
  }
  return added.length === 0 ? spans : [...spans, ...added].sort((a, b) => a.first - b.first);
}

function toTypedMentions(text: string, tokens: NerToken[], folded: string[], spans: Span[]): TypedMention[] {
  return spans.map((s) => {
    const first = tokens[s.first] as NerToken;
    const last = tokens[s.last] as NerToken;
    const known = lookupPhrase(surface(folded, s));
    const words = s.last - s.first + 1;
    const a = fold(first.text);
    const b = fold(tokens[s.first + 1]?.text ?? '');
    const surnameFirst = s.type === 'person' && (words === 2 ? isEastAsianName(a, b) : words === 3 && isEastAsianName(a, b, fold(last.text)));
    return {
      start: first.start,
      end: last.end,
      text: text.slice(first.start, last.end),
      type: s.type,
      canonical: known?.type === s.type ? known.canonical : undefined,
      surnameFirst,
    };
  });
}

/**
 * People, organisations and places named in plain article text, in text order, never overlapping.
 * Offsets are UTF-16 indices into `text` (text.slice(start, end) === mention.text); mentions of one entity
 * share `entityId`. A learned tagger (detect/ner-model.ts, trained by scripts/train-ner.ts) finds and types
 * the names; rules then keep our conventions (seats of power, honours), make the document consistent and
 * merge short forms, acronyms and aliases. @throws NerWeightsError when the shipped weights do not load.
 */
export function findEntities(text: string): EntityMention[] {
  const { tokens, doc } = tokenizeForNer(text);
  if (tokens.length === 0) return [];
  const features = docFeatures(doc);
  const tags = tagDoc(entityModel().weights, doc, features);
  const folded = features.folded;
  let spans = knownNames(tags, tokens, folded, features.phrases, doc, spansOf(tags, doc));
  spans = seatsOfPower(tokens, folded, withoutArticles(tokens, folded, joinKnownPhrases(folded, spans)));
  spans = modernCues(tokens, folded, personCues(tokens, folded, tags, doc, spans));
  knownOrganisations(folded, spans);
  withoutTitles(tokens, spans);
  withHonours(tokens, spans);
  spans = consistentDocument(tokens, features.folded, doc, spans);
  return assignEntityIds(toTypedMentions(text, tokens, folded, spans)).map(({ start, end, text: mentionText, type, entityId }) => ({
    start,
    end,
    text: mentionText,
    type,
    entityId,
  }));
}

/** One record per entityId, with the fullest name as canonical and every other spelling as an alias. */
export function groupEntities(mentions: EntityMention[]): EntityRecord[] {
  const byId = new Map<string, EntityMention[]>();
  for (const m of mentions) {
    const list = byId.get(m.entityId);
    if (list) list.push(m);
    else byId.set(m.entityId, [m]);
  }
  return [...byId.entries()].map(([entityId, list]) => {
    const type = list[0]?.type ?? 'person';
    const canonical = canonicalFor(type, list.map((m) => m.text));
    const aliases = [...new Set(list.map((m) => m.text))].filter((a) => fold(a) !== fold(canonical));
    return { entityId, canonical, type, aliases, count: list.length };
  });
}
