import type { NerDoc, NerToken } from './ner-tokens';
import { isCommonWord, isDemonym, isTitleHead, lookupPhrase, NAME_HONOURS, orgHeadWords, placeHeadWords } from './entity-lexicon';
import { ARTICLES, CAPITAL, surface, type Span } from './entity-spans';

// Cues from the words in and around a name that hold in news whatever the tagger learned: who speaks, what a
// name ends with, where two names joined by "and" part.

const SPEECH_VERBS = new Set(['said', 'says', 'told', 'added', 'wrote', 'tweeted', 'argued', 'insisted', 'warned', 'replied']);
/**
 * Cues for people that hold in news whatever the tagger learned: a name opened by an honour ("Lord Darzi") is a
 * person, one closed by an organisation word ("Ananda College") is not; an unknown capitalised word the tagger
 * left out that says something ("Biden said:") is a person.
 */
export function personCues(tokens: NerToken[], folded: string[], tags: Uint8Array, doc: NerDoc, spans: Span[]): Span[] {
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
export function modernCues(tokens: NerToken[], folded: string[], spans: Span[]): Span[] {
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
