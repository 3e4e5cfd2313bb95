// Tags are free text typed by the reader; these rules keep "Budget", " budget " and "#budget" from becoming three tags.

const MAX_TAG_LENGTH = 50;

export function normalizeTag(raw: string): string {
  return raw.trim().replace(/^#+/, '').replace(/\s+/g, ' ').trim().slice(0, MAX_TAG_LENGTH);
}

function hasTag(tags: readonly string[], tag: string): boolean {
  const key = tag.toLocaleLowerCase();
  return tags.some((t) => t.toLocaleLowerCase() === key);
}

export function addTag(tags: readonly string[], raw: string): string[] {
  const tag = normalizeTag(raw);
  if (!tag || hasTag(tags, tag)) return [...tags];
  return [...tags, tag];
}

/** Known tags that start with the query come first, then those that merely contain it; chosen tags are left out. */
export function suggestTags(known: readonly string[], query: string, chosen: readonly string[], limit = 6): string[] {
  const q = normalizeTag(query).toLocaleLowerCase();
  if (!q) return [];
  const prefix: string[] = [];
  const inner: string[] = [];
  for (const tag of known) {
    if (hasTag(chosen, tag)) continue;
    const lower = tag.toLocaleLowerCase();
    if (lower.startsWith(q)) prefix.push(tag);
    else if (lower.includes(q)) inner.push(tag);
  }
  return [...prefix, ...inner].slice(0, limit);
}
