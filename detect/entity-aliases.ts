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
}

function words(name: string): string[] {
  return fold(name)
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

function withoutHonours(name: string): string {
  const parts = name.split(/\s+/);
  while (parts.length > 2 && NAME_HONOURS.has(fold(parts[0] ?? ''))) parts.shift();
  return parts.join(' ');
}

const CONNECTORS = new Set(['of', 'for', 'and', '&', 'the', 'on']);

function initials(nameWords: string[], keepConnectors: boolean): string {
  return nameWords
    .filter((w) => keepConnectors || !CONNECTORS.has(w))
    .map((w) => w.charAt(0))
    .join('');
}

function isSubsequence(short: string[], long: string[]): boolean {
  let i = 0;
  for (const w of long) if (w === short[i]) i += 1;
  return i === short.length;
}

/** Groups of one article, indexed for the ways a later mention can refer back to them. */
class GroupIndex {
  readonly groups: Group[] = [];
  private readonly byKey = new Map<string, Group>();
  private readonly byInitials = new Map<string, Group>();
  private readonly multiWord: Group[] = [];

  find(type: EntityType, key: string): Group | undefined {
    return this.byKey.get(`${type}|${key}`);
  }

  add(group: Group, key: string): void {
    this.groups.push(group);
    this.byKey.set(`${group.type}|${key}`, group);
    if (group.words.length >= 2) this.multiWord.push(group);
    this.noteName(group, group.words);
  }

  noteName(group: Group, nameWords: string[]): void {
    if (group.type === 'person' || nameWords.length < 2) return;
    for (const keep of [false, true]) {
      const acronym = initials(nameWords, keep);
      if (!this.byInitials.has(acronym)) this.byInitials.set(acronym, group);
    }
  }

  /** The full name whose words contain this mention's words: "Cassiel Ato Forson" for "Ato Forson". */
  longerPerson(nameWords: string[]): Group | undefined {
    return this.multiWord.find((g) => g.type === 'person' && g.words.length > nameWords.length && isSubsequence(nameWords, g.words));
  }

  /** Which group a one-word mention refers to: "Starmer" is "Keir Starmer", "Xi" is "Xi Jinping". */
  shortFormOwner(word: string, type: EntityType): Group | undefined {
    let best: Group | undefined;
    let bestScore = 0;
    for (const g of this.multiWord) {
      if (g.type !== type) continue;
      const first = g.words[0];
      const last = g.words[g.words.length - 1];
      let score = 0;
      if (g.surnameFirst ? first === word : last === word) score = 3;
      else if (type === 'person' && g.words.includes(word) && !NAME_PARTICLES.has(word)) score = 2;
      if (type === 'organization' && first === word && g.words.slice(1).every((w) => orgHeadWords().has(w))) score = 3;
      if (score > bestScore) {
        best = g;
        bestScore = score;
      }
    }
    return best;
  }

  acronymOwner(word: string): Group | undefined {
    const acronym = word.replace(/\./g, '');
    return acronym.length >= 2 ? this.byInitials.get(acronym) : undefined;
  }
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
  const index = new GroupIndex();
  const owner: Array<Group | undefined> = [];
  const prepared = mentions.map((m) => {
    const name = m.type === 'person' ? withoutHonours(m.text) : m.text;
    return { name, words: words(name) };
  });
  // Longest names first, so every short form finds the full name wherever it appears. It also means that when a
  // name of n words looks for a longer owner, every group of more words already exists: the answer for a given
  // name never changes afterwards, and is memoised (a long article repeats its short forms hundreds of times).
  const owners = new Map<string, Group | undefined>();
  const order = mentions.map((_, i) => i).sort((a, b) => (prepared[b]?.words.length ?? 0) - (prepared[a]?.words.length ?? 0) || a - b);
  for (const i of order) {
    const m = mentions[i];
    const p = prepared[i];
    if (!m || !p) continue;
    const key = m.canonical ? fold(m.canonical) : p.words.join(' ');
    let group = index.find(m.type, key);
    if (!group && m.type === 'person' && p.words.length >= 2) {
      const memo = `longer|${key}`;
      group = owners.has(memo) ? owners.get(memo) : index.longerPerson(p.words);
      owners.set(memo, group);
    }
    if (!group && p.words.length === 1) {
      const word = p.words[0] ?? '';
      const memo = `short|${m.type}|${word}`;
      const short = owners.has(memo) ? owners.get(memo) : index.shortFormOwner(word, m.type);
      owners.set(memo, short);
      group = short ?? (m.type === 'person' ? undefined : index.acronymOwner(word));
    }
    if (!group) {
      group = { type: m.type, names: [], words: p.words, surnameFirst: m.surnameFirst ?? false };
      index.add(group, key);
    } else if (!group.names.includes(p.name)) {
      index.noteName(group, p.words);
    }
    if (!group.names.includes(p.name)) group.names.push(p.name);
    owner[i] = group;
  }
  const canonicals = new Map<Group, { canonical: string; entityId: string }>();
  return mentions.map((m, i) => {
    const g = owner[i];
    if (!g) return { ...m, canonical: m.text, entityId: `${m.type}:${slug(m.text)}` };
    let named = canonicals.get(g);
    if (!named) {
      const canonical = canonicalFor(g.type, g.names);
      named = { canonical, entityId: `${m.type}:${slug(canonical)}` };
      canonicals.set(g, named);
    }
    return { ...m, ...named };
  });
}
