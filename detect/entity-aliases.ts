import type { EntityType } from './types';
import { fold, slug } from './entity-fold';
import { NAME_HONOURS, NAME_PARTICLES, lookupPhrase, orgHeadWords } from './entity-lexicon';

/** A typed mention before it has an id: what the detector found, in text order. */
export interface TypedMention {
  start: number;
  end: number;
  text: string;
  type: EntityType;
  canonical?: string;
  surnameFirst?: boolean;
}

interface Group {
  type: EntityType;
  names: string[];
  words: string[];
  surnameFirst: boolean;
  lastSeen: number;
  fixedCanonical?: string;
}

function words(name: string): string[] {
  return fold(name)
    .split(/[\s]+/)
    .filter((w) => w.length > 0);
}

function withoutHonours(name: string): string {
  const parts = name.split(/\s+/);
  while (parts.length > 2 && NAME_HONOURS.has(fold(parts[0] ?? ''))) parts.shift();
  return parts.join(' ');
}

function initials(name: string, keepConnectors: boolean): string {
  return words(name)
    .filter((w) => keepConnectors || !['of', 'for', 'and', '&', 'the', 'on'].includes(w))
    .map((w) => w.charAt(0))
    .join('');
}

function isSubsequence(short: string[], long: string[]): boolean {
  let i = 0;
  for (const w of long) if (w === short[i]) i += 1;
  return i === short.length;
}

/** Which earlier group a one-word mention refers to: "Starmer" is "Keir Starmer", "Xi" is "Xi Jinping". */
function shortFormOwner(word: string, groups: Group[], type: EntityType): Group | undefined {
  let best: Group | undefined;
  let bestScore = 0;
  for (const g of groups) {
    if (g.type !== type || g.words.length < 2) continue;
    const last = g.words[g.words.length - 1];
    const first = g.words[0];
    let score = 0;
    if (g.surnameFirst ? first === word : last === word) score = 3;
    else if (g.words.includes(word) && !NAME_PARTICLES.has(word)) score = type === 'person' ? 2 : 0;
    if (type === 'organization' && first === word && g.words.slice(1).every((w) => orgHeadWords().has(w))) score = 3;
    if (score > bestScore || (score === bestScore && score > 0 && best && g.lastSeen > best.lastSeen)) {
      best = g;
      bestScore = score;
    }
  }
  return bestScore > 0 ? best : undefined;
}

function acronymOwner(acronym: string, groups: Group[]): Group | undefined {
  const a = fold(acronym).replace(/\./g, '');
  if (a.length < 2) return undefined;
  return groups.find(
    (g) =>
      g.words.length >= 2 &&
      g.type !== 'person' &&
      g.names.some((n) => initials(n, false) === a || initials(n, true) === a),
  );
}

/** The name to show and to key on: a gazetteer's name where one applies, else the fullest name used. */
export function canonicalFor(type: EntityType, names: string[]): string {
  for (const n of names) {
    const known = lookupPhrase(fold(n));
    if (known?.canonical && known.type === type) return known.canonical;
  }
  let best = '';
  for (const raw of names) {
    const n = type === 'person' ? withoutHonours(raw) : raw;
    if (words(n).length > words(best).length) best = n;
  }
  return best;
}

/**
 * Gives every mention the id of the real-world thing it names within this article, merging
 * short forms, acronyms and honours with the fullest name the article uses.
 */
export function assignEntityIds(mentions: TypedMention[]): Array<TypedMention & { entityId: string; canonical: string }> {
  const groups: Group[] = [];
  const owner: Group[] = [];
  // Longest names first, so every short form finds the full name wherever it appears.
  const order = mentions
    .map((m, i) => i)
    .sort((a, b) => words(mentions[b]?.text ?? '').length - words(mentions[a]?.text ?? '').length || a - b);
  for (const i of order) {
    const m = mentions[i];
    if (!m) continue;
    const name = m.type === 'person' ? withoutHonours(m.text) : m.text;
    const w = words(name);
    const key = m.canonical ? fold(m.canonical) : w.join(' ');
    let group = groups.find((g) => g.type === m.type && (g.fixedCanonical ? fold(g.fixedCanonical) : g.words.join(' ')) === key);
    if (!group && m.canonical) group = groups.find((g) => g.type === m.type && g.names.some((n) => fold(n) === key));
    if (!group && m.type === 'person' && w.length >= 2) {
      group = groups.find((g) => g.type === 'person' && g.words.length > w.length && isSubsequence(w, g.words));
    }
    if (!group && w.length === 1) {
      const word = w[0] ?? '';
      group = shortFormOwner(word, groups, m.type) ?? (m.type === 'person' ? undefined : acronymOwner(word, groups));
    }
    if (!group) {
      group = { type: m.type, names: [], words: w, surnameFirst: m.surnameFirst ?? false, lastSeen: m.start, fixedCanonical: m.canonical };
      groups.push(group);
    }
    if (!group.names.includes(name)) group.names.push(name);
    group.lastSeen = Math.max(group.lastSeen, m.start);
    owner[i] = group;
  }
  return mentions.map((m, i) => {
    const g = owner[i];
    const canonical = g ? canonicalFor(g.type, g.names) : m.text;
    return { ...m, canonical, entityId: `${m.type}:${slug(canonical)}` };
  });
}
