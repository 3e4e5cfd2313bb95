// Article metadata gives authors as display strings ("Jane Doe", "Doe, Jane", "Reuters").
// Citations need them split; organisations must never be split into given/family names.

export type ParsedName =
  | { kind: 'person'; given: string; family: string; suffix?: string }
  | { kind: 'organization'; name: string };

const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'la', 'le', 'dos', 'das', 'ter', 'ten', 'bin', 'al']);
const SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv']);
const ORGANIZATION_WORDS =
  /\b(news|press|agency|agencies|staff|desk|board|team|newsroom|editors|editorial|reporters|correspondents|service|bureau|media|inc|ltd|llc|corp|corporation|company|group|association|institute|university|council|ministry|department|office|foundation|network|radio|television|tv)\b/i;

export function cleanAuthorName(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim().replace(/^by\s+/i, '');
}

/** A name is treated as an organisation when it is one word, an acronym, matches the site, or reads like one. */
export function isOrganizationName(name: string, siteName = ''): boolean {
  const cleaned = cleanAuthorName(name);
  if (!cleaned.includes(' ') && !cleaned.includes(',')) return true;
  if (siteName && cleaned.toLowerCase() === siteName.trim().toLowerCase()) return true;
  return ORGANIZATION_WORDS.test(cleaned);
}

export function parseName(raw: string, siteName = ''): ParsedName {
  const name = cleanAuthorName(raw);
  if (isOrganizationName(name, siteName)) return { kind: 'organization', name };
  const comma = name.indexOf(',');
  if (comma > 0) {
    const family = name.slice(0, comma).trim();
    const rest = name.slice(comma + 1).trim();
    return { kind: 'person', family, given: rest };
  }
  const words = name.split(' ');
  let suffix: string | undefined;
  const last = words[words.length - 1];
  if (words.length > 2 && last !== undefined && SUFFIXES.has(last.toLowerCase())) {
    suffix = last;
    words.pop();
  }
  let familyStart = words.length - 1;
  while (familyStart > 1 && PARTICLES.has((words[familyStart - 1] ?? '').toLowerCase())) familyStart -= 1;
  const parsed: ParsedName = {
    kind: 'person',
    given: words.slice(0, familyStart).join(' '),
    family: words.slice(familyStart).join(' '),
  };
  return suffix ? { ...parsed, suffix } : parsed;
}
