import type { EntityType } from './types';
import type { Token } from './entity-tokens';
import {
  MAX_PHRASE_WORDS,
  NAME_HONOURS,
  NAME_PARTICLES,
  ORG_CONNECTORS,
  TITLE_MODIFIERS,
  isCommonWord,
  isDateWord,
  isDemonym,
  isFamilyName,
  isGivenName,
  isNotEntityAcronym,
  isPlaceAcronym,
  isTitleHead,
  lookupPhrase,
  orgHeadWords,
  placeHeadWords,
} from './entity-lexicon';
import { isEastAsianName } from './names-east-asian';

/** A stretch of tokens that names something, with what we could tell about it locally. */
export interface Segment {
  /** Token indices [first, last] inclusive. */
  first: number;
  last: number;
  type: EntityType | undefined;
  canonical?: string;
  /** Family name comes first (East Asian order), so the short form is the first word. */
  surnameFirst?: boolean;
  /** Typed by gazetteer, title or name pattern rather than guessed. */
  confident: boolean;
}

const PLACE_PREPOSITIONS = new Set(['in', 'near', 'at', 'across', 'outside', 'around', 'throughout', 'towards', 'toward', 'from', 'to', 'into', 'via', 'visited', 'visit', 'visiting', 'reach', 'leave', 'left', 'across', 'within', 'northern', 'southern', 'eastern', 'western', 'central', 'north', 'south', 'east', 'west']);
const SPEECH_VERBS = new Set(['said', 'says', 'told', 'added', 'argued', 'insisted', 'wrote', 'warned', 'admitted', 'denied', 'claimed', 'believes', 'thinks', 'tweeted', 'posted', 'replied', 'explained', 'noted', 'urged', 'praised', 'criticised', 'criticized', 'met', 'scored', 'who', 'has', 'had', 'was', 'is']);
const ORG_CUES_BEFORE = new Set(['agency', 'broadcaster', 'newspaper', 'company', 'firm', 'group', 'lender', 'bank', 'retailer', 'carmaker', 'insurer', 'airline', 'club', 'side', 'rival', 'rivals', 'regulator', 'watchdog', 'charity', 'union', 'startup', 'start-up', 'giant', 'maker', 'network', 'channel', 'paper', 'outlet', 'party', 'label', 'publisher', 'brand', 'chain', 'operator', 'supplier', 'developer', 'platform', 'conglomerate', 'team', 'insurer', 'broker']);
const ORG_CUES_AFTER = new Set(['shares', 'stock', 'founder', 'chief', 'boss', 'spokesman', 'spokeswoman', 'spokesperson', 'chairman', 'chairwoman', 'executive', 'executives', 'manager', 'official', 'officials', 'leader', 'leaders', 'members', 'chair', 'ceo', 'headquarters', 'employees', 'staff', 'workers', 'owner', 'investors', 'customers', 'board', 'subsidiary', 'unit', 'fans', 'coach', 'striker', 'midfielder', 'defender', 'players']);

const AGENT_NOUN = /(?:er|or|ist|ian|ant|ent|man|woman)$/;
const INVESTMENT_WORDS = new Set(['shares', 'stake', 'stakes', 'investment', 'investments', 'investors', 'holding', 'holdings']);
/** Words that may open a sentence before an organisation's name without belonging to it. */
const FUNCTION_STARTS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'but', 'and', 'or', 'when', 'while', 'if', 'as', 'after', 'before', 'since', 'at', 'in', 'on', 'by', 'for', 'with', 'from', 'however', 'meanwhile', 'yesterday', 'today', 'now', 'then', 'so', 'also', 'only', 'even', 'both', 'all', 'some', 'many', 'most', 'under', 'despite', 'although', 'though', 'because', 'last', 'next', 'earlier', 'later', 'without', 'unlike', 'like', 'until', 'during', 'following', 'according', 'why', 'how', 'what', 'where', 'whether', 'his', 'her', 'their', 'its', 'our', 'my', 'your']);

function isNumberToken(t: Token | undefined): boolean {
  return t !== undefined && /^\d+$/.test(t.text);
}

/** Lower-case words that may sit inside a name, between capitalised words. */
function isConnector(t: Token, prev: Token): boolean {
  if (t.capital) return false;
  if (NAME_PARTICLES.has(t.folded)) return true;
  if (!ORG_CONNECTORS.has(t.folded)) return false;
  return t.folded !== 'the' || prev.folded === 'of' || prev.folded === 'for';
}

/** Maximal runs of capitalised words joined by single spaces (and name particles), as token index ranges. */
export function capitalRuns(tokens: Token[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (!t || !t.capital || isDateWord(t.folded, true)) {
      i += 1;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length) {
      const cur = tokens[j];
      const prev = tokens[j - 1];
      if (!cur || !prev || !cur.joined || cur.line !== t.line) break;
      if (isDateWord(cur.folded, false)) break;
      if (cur.capital || (isNumberToken(cur) && (prev.folded === 'number' || prev.folded === 'no'))) {
        j += 1;
        continue;
      }
      // Particles and connectors only count when a capitalised word follows ("Bank of England").
      let k = j;
      while (k < tokens.length) {
        const c = tokens[k];
        const p = tokens[k - 1];
        if (!c || !p || !c.joined || !isConnector(c, p)) break;
        k += 1;
      }
      const after = tokens[k];
      if (k > j && after && after.joined && after.capital && after.line === t.line) {
        j = k;
        continue;
      }
      break;
    }
    runs.push([i, j - 1]);
    i = j;
  }
  return runs;
}

function phraseAt(tokens: Token[], from: number, to: number): { length: number; type: EntityType; canonical?: string; weak?: boolean } | undefined {
  const max = Math.min(MAX_PHRASE_WORDS, to - from + 1);
  for (let length = max; length >= 1; length -= 1) {
    const last = tokens[from + length - 1];
    if (!last || (!last.capital && !isNumberToken(last))) continue;
    const words: string[] = [];
    for (let k = from; k < from + length; k += 1) words.push(tokens[k]?.folded ?? '');
    const known = lookupPhrase(words.join(' '));
    if (!known) continue;
    const first = tokens[from];
    // "Reading the report ..." is not the town: a broad list cannot outvote a sentence-initial ordinary word.
    if (known.weak && first && first.sentenceStart && isCommonWord(first.folded)) continue;
    return { length, ...known };
  }
  return undefined;
}

/** A broad-list city inside a longer unknown name ("Inter Milan", "Jack London") is part of that name. */
function isAbsorbable(phrase: { length: number; weak?: boolean; type: EntityType } | undefined): boolean {
  return phrase !== undefined && phrase.length === 1 && phrase.weak === true && phrase.type === 'place';
}

/** Leading title words, such as "Prime Minister" or "Detective Inspector", and how many tokens they take. */
function titleLength(tokens: Token[], from: number, to: number): number {
  let k = from;
  let lastHead = -1;
  while (k <= to) {
    const f = tokens[k]?.folded ?? '';
    if (isTitleHead(f)) lastHead = k;
    else if (!TITLE_MODIFIERS.has(f)) break;
    k += 1;
  }
  return lastHead >= from ? lastHead - from + 1 : 0;
}

function endsWithOrgHead(tokens: Token[], from: number, to: number): boolean {
  const last = tokens[to];
  if (!last) return false;
  if (orgHeadWords().has(last.folded)) return true;
  // "Bank of England", "Ministry of Defence", "Department for Education"
  for (let k = from; k < to; k += 1) {
    const next = tokens[k + 1]?.folded;
    if ((next === 'of' || next === 'for') && orgHeadWords().has(tokens[k]?.folded ?? '')) return true;
  }
  return false;
}

function looksLikePersonName(tokens: Token[], from: number, to: number): { person: boolean; surnameFirst?: boolean } {
  const first = tokens[from];
  const second = tokens[from + 1];
  const lastTok = tokens[to];
  if (!first || !lastTok) return { person: false };
  const length = to - from + 1;
  if (second && length <= 3 && isEastAsianName(first.folded, second.folded, length === 3 ? lastTok.folded : undefined)) {
    return { person: true, surnameFirst: true };
  }
  if (length < 2) return { person: false };
  if (NAME_HONOURS.has(first.folded)) return { person: true };
  const weakCapital = (first.sentenceStart || first.headline) && isCommonWord(first.folded);
  if (isGivenName(first.folded) && !weakCapital && !orgHeadWords().has(lastTok.folded) && !placeHeadWords().has(lastTok.folded)) return { person: true };
  if (length <= 4 && isFamilyName(lastTok.folded)) return { person: true };
  return { person: false };
}

interface Context {
  before: Token | undefined;
  before2: Token | undefined;
  after: Token | undefined;
}

/** Type of a stretch of capitalised words that no gazetteer knows, from the words around it. */
function guessFromContext(tokens: Token[], from: number, to: number, ctx: Context): EntityType | undefined {
  const before = ctx.before && (!ctx.before.capital || ctx.before.sentenceStart) ? ctx.before.folded : '';
  const before2 = ctx.before2 && !ctx.before2.capital ? ctx.before2.folded : '';
  const after = ctx.after && !ctx.after.capital ? ctx.after.folded : '';
  const last = tokens[to];
  if (!last) return undefined;
  if (placeHeadWords().has(last.folded) || placeHeadWords().has(tokens[from]?.folded ?? '')) return 'place';
  if (ORG_CUES_BEFORE.has(before) || (before === 'the' && ORG_CUES_BEFORE.has(before2))) return 'organization';
  if (before === 'in' && INVESTMENT_WORDS.has(before2)) return 'organization';
  if (ORG_CUES_AFTER.has(after)) return 'organization';
  const person = looksLikePersonName(tokens, from, to);
  if (person.person) return 'person';
  if (PLACE_PREPOSITIONS.has(before) || (before === 'the' && PLACE_PREPOSITIONS.has(before2) && to > from)) return 'place';
  if (SPEECH_VERBS.has(after)) return 'person';
  if (to > from) return 'person';
  if (isFamilyName(last.folded)) return 'person';
  return undefined;
}

function contextOf(tokens: Token[], from: number, to: number): Context {
  const before = tokens[from - 1];
  const before2 = tokens[from - 2];
  const after = tokens[to + 1];
  return {
    before: before && before.line === tokens[from]?.line ? before : undefined,
    before2: before2 && before2.line === tokens[from]?.line ? before2 : undefined,
    after: after && after.line === tokens[to]?.line ? after : undefined,
  };
}

/** Splits one capitalised run into named things, dropping titles, demonyms and sentence-initial words. */
export function segmentRun(tokens: Token[], from: number, to: number): Segment[] {
  const segments: Segment[] = [];
  let k = from;
  let titled = false;
  const headline = tokens[from]?.headline ?? false;
  while (k <= to) {
    const tok = tokens[k];
    if (!tok) break;
    if (ORG_CONNECTORS.has(tok.folded) && !tok.capital) {
      k += 1;
      continue;
    }
    const rest = to - k + 1;

    // A run ending in an organisation word is one organisation, place names inside it included.
    const titleLen = titleLength(tokens, k, to);
    if (!headline && titleLen === 0 && rest >= 2 && endsWithOrgHead(tokens, k, to) && !andSplits(tokens, k, to)) {
      const person = looksLikePersonName(tokens, k, to);
      if (!(person.person && rest === 2 && isGivenName(tok.folded))) {
        let start = k;
        while (start < to && tokens[start]?.sentenceStart && FUNCTION_STARTS.has(tokens[start]?.folded ?? '')) start += 1;
        segments.push({ first: start, last: to, type: 'organization', confident: true });
        break;
      }
    }

    const phrase = phraseAt(tokens, k, to);
    const nextTok = tokens[k + 1];
    const givenNameLead =
      isGivenName(tok.folded) && k < to && nextTok !== undefined && nextTok.capital && !nextTok.allCaps && !phraseAt(tokens, k + 1, k + 1);
    const inName = k > from && isAbsorbable(phrase) && segments.length === 0 && !titled && tokens[k - 1]?.capital === true;
    if (phrase && !inName && !(phrase.length === 1 && givenNameLead) && !(titled && phrase.length === 1 && phrase.type === 'place')) {
      let last = k + phrase.length - 1;
      // "Pacific Palisades", "Thames Valley": a known name followed by a place word is a place of its own.
      const following = tokens[last + 1];
      const extended = last < to && following !== undefined && placeHeadWords().has(following.folded) && !phraseAt(tokens, last + 1, last + 1);
      if (extended) last += 1;
      segments.push({
        first: k,
        last,
        type: extended ? 'place' : phrase.type,
        canonical: extended ? undefined : phrase.canonical,
        confident: true,
      });
      k = last + 1;
      titled = false;
      continue;
    }
    if (titleLen > 0 && k + titleLen <= to) {
      k += titleLen;
      titled = true;
      continue;
    }
    if (!titled && tok.sentenceStart && isCommonWord(tok.folded) && !isGivenName(tok.folded) && !isFamilyName(tok.folded) && k < to) {
      k += 1;
      continue;
    }
    const pluralAcronym = /^\p{Lu}{2,}s$/u.test(tok.text);
    if (isDemonym(tok.folded) || pluralAcronym || (tok.allCaps && isNotEntityAcronym(tok.folded)) || (tok.allCaps && tok.text.length > 6 && !headline)) {
      k += 1;
      continue;
    }
    if (tok.allCaps && !headline && tok.text.replace(/\W/g, '').length <= 6) {
      const initials = k < to && tok.text.length <= 3 && !tokens[k + 1]?.allCaps;
      if (!initials) {
        segments.push({ first: k, last: k, type: isPlaceAcronym(tok.folded) ? 'place' : 'organization', confident: true });
        k += 1;
        continue;
      }
    }

    // An unknown name: take words up to the next gazetteer phrase, title, "and" split or run end.
    let end = k;
    while (end + 1 <= to) {
      const next = tokens[end + 1];
      if (!next) break;
      if (next.folded === 'and' || next.folded === '&') break;
      if (isDemonym(next.folded) || isTitleHead(next.folded)) break;
      const nextPhrase = phraseAt(tokens, end + 1, to);
      const partOfName = NAME_PARTICLES.has(tokens[end]?.folded ?? '') || isAbsorbable(nextPhrase) || (nextPhrase?.length === 1 && isFamilyName(next.folded));
      if (nextPhrase && !partOfName) break;
      end += 1;
    }
    const start = titled ? k : dropWeakStart(tokens, k, end);
    if (start <= end) {
      const chunk = classifyChunk(tokens, start, end, titled);
      // "Pacific Palisades and Altadena": the unknown half of a pair is what its partner is.
      const partner = segments[segments.length - 1];
      const joinedByAnd = tokens[start - 1]?.folded === 'and' && start - 1 > from;
      if (!chunk.confident && joinedByAnd && partner?.type) chunk.type = partner.type;
      segments.push(chunk);
    }
    titled = false;
    k = end + 1;
  }
  return segments;
}

/** "Kenya, Rwanda and Uganda" splits; "Avon and Somerset Police" does not (an org word ends it). */
function andSplits(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k <= to; k += 1) {
    const f = tokens[k]?.folded;
    if (f !== 'and' && f !== '&') continue;
    let orgAfter = false;
    for (let j = k + 1; j <= to; j += 1) if (orgHeadWords().has(tokens[j]?.folded ?? '')) orgAfter = true;
    if (!orgAfter) return true;
  }
  return false;
}

/**
 * A sentence-initial capital on an ordinary word ("Local councillor ...") is not a name, and neither is
 * a job before a first name ("Campaigner Amara Okafor").
 */
function dropWeakStart(tokens: Token[], from: number, to: number): number {
  let k = from;
  while (k <= to) {
    const t = tokens[k];
    if (!t || !t.sentenceStart || isGivenName(t.folded) || isFamilyName(t.folded)) break;
    const next = tokens[k + 1];
    const descriptor = k < to && next !== undefined && isGivenName(next.folded) && AGENT_NOUN.test(t.folded);
    if (!isCommonWord(t.folded) && !descriptor) break;
    k += 1;
  }
  return k;
}

function classifyChunk(tokens: Token[], from: number, to: number, titled: boolean): Segment {
  const first = tokens[from];
  const headline = first?.headline ?? false;
  const person = looksLikePersonName(tokens, from, to);
  if (titled || person.person) {
    return { first: from, last: to, type: 'person', surnameFirst: person.surnameFirst, confident: titled || person.person };
  }
  const camel =
    from === to && first !== undefined && /^\p{Lu}\p{Ll}*\p{Lu}/u.test(first.text) && !/^(?:Mc|Mac|O['’])/.test(first.text) && !first.text.includes('-');
  if (camel && !headline) return { first: from, last: to, type: 'organization', confident: true };
  let type = headline ? undefined : guessFromContext(tokens, from, to, contextOf(tokens, from, to));
  let hasCity = false;
  for (let k = from; k <= to; k += 1) if (isAbsorbable(phraseAt(tokens, k, k))) hasCity = true;
  if (type === 'person' && to > from && hasCity) type = 'organization';
  return { first: from, last: to, type, confident: false };
}
