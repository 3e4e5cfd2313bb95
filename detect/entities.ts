import type { EntityMention, EntityRecord, EntityType } from './types';
import { fold } from './entity-fold';
import { assignEntityIds, canonicalFor, type TypedMention } from './entity-aliases';
import { isCommonWord, lookupPhrase } from './entity-lexicon';
import { capitalRuns, segmentRun, type Segment } from './entity-segments';
import { splitHyphenated, tokenize, type Token } from './entity-tokens';

function isKnownWord(folded: string): boolean {
  return lookupPhrase(folded) !== undefined;
}

function segmentText(tokens: Token[], s: Segment): string {
  return tokens
    .slice(s.first, s.last + 1)
    .map((t) => t.folded)
    .join(' ');
}

/**
 * Types the mentions that local evidence left open, using the rest of the article: a word the
 * article also uses as part of a full name ("Zhao" after "Zhao Leji") or types elsewhere.
 */
function resolveWithArticle(tokens: Token[], segments: Segment[]): Segment[] {
  const typeOfSurface = new Map<string, EntityType>();
  const typeOfWord = new Map<string, EntityType>();
  for (const s of segments) {
    if (!s.type || !s.confident) continue;
    const surface = segmentText(tokens, s);
    typeOfSurface.set(surface, s.type);
    if (s.last > s.first && s.type !== 'place') {
      for (let k = s.first; k <= s.last; k += 1) {
        const t = tokens[k];
        if (t && t.capital && !typeOfWord.has(t.folded)) typeOfWord.set(t.folded, s.type);
      }
    }
  }
  const resolved: Segment[] = [];
  for (const s of segments) {
    if (s.type && (s.confident || !tokens[s.first]?.headline)) {
      const surface = segmentText(tokens, s);
      const word = s.first === s.last ? typeOfWord.get(surface) : undefined;
      const known = s.confident ? undefined : typeOfSurface.get(surface) ?? (word === 'person' ? word : undefined);
      resolved.push(known ? { ...s, type: known } : s);
      continue;
    }
    const surface = segmentText(tokens, s);
    const type = typeOfSurface.get(surface) ?? (s.first === s.last ? typeOfWord.get(surface) : undefined);
    if (type) resolved.push({ ...s, type });
  }
  return resolved.filter((s) => {
    if (s.first !== s.last || s.confident) return true;
    const t = tokens[s.first];
    if (!t) return false;
    const surface = t.folded;
    // A lone ordinary word with a capital ("Shares", "Officials") is only a name if the article says so elsewhere.
    return !(isCommonWord(surface) && !typeOfWord.has(surface) && !typeOfSurface.has(surface));
  });
}

function toTypedMentions(text: string, tokens: Token[], segments: Segment[]): TypedMention[] {
  const out: TypedMention[] = [];
  for (const s of segments) {
    const first = tokens[s.first];
    const last = tokens[s.last];
    if (!first || !last || !s.type) continue;
    out.push({
      start: first.start,
      end: last.end,
      text: text.slice(first.start, last.end),
      type: s.type,
      canonical: s.canonical,
      surnameFirst: s.surnameFirst,
    });
  }
  return out;
}

/** "People's Bank of China", "Women's Institute": an ordinary word's possessive that opens a name. */
function rejoinPossessiveNames(text: string, tokens: Token[]): void {
  for (let i = 1; i < tokens.length; i += 1) {
    const prev = tokens[i - 1];
    const cur = tokens[i];
    if (!prev || !cur || !prev.possessive || !prev.capital || !cur.capital || !isCommonWord(prev.folded)) continue;
    if (text.slice(prev.end + 2, cur.start) !== ' ') continue;
    prev.end += 2;
    prev.text = text.slice(prev.start, prev.end);
    prev.possessive = false;
    cur.joined = true;
  }
}

/** People, organisations and places named in plain article text, in text order, never overlapping. */
export function findEntities(text: string): EntityMention[] {
  const tokens = tokenize(text).flatMap((t) => splitHyphenated(t, isKnownWord));
  rejoinPossessiveNames(text, tokens);
  const segments = capitalRuns(tokens).flatMap(([from, to]) => segmentRun(tokens, from, to));
  const mentions = toTypedMentions(text, tokens, resolveWithArticle(tokens, segments));
  return assignEntityIds(mentions).map(({ start, end, text: mentionText, type, entityId }) => ({
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
