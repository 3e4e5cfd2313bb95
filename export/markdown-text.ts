// Markdown from untrusted text: quotes come from arbitrary pages and must render as the words they are,
// not as headings, lists, links, HTML, math ($), Obsidian comments (%%) or tags (#word) in the reader's notes.

// Pairs only where only the pair means something (==highlight==, %%comment%%, &entity;), to keep prose readable.
const INLINE_SPECIALS = /[\\`*_[\]<>#|~$^]|=(?==)|%(?=%)|&(?=#?[a-z0-9]+;)/gi;
const BARE_URL = /https?:\/\/[^\s<>"[\]]+/g;

export function escapeMarkdownLine(line: string): string {
  const trimmed = line.trimStart();
  let escaped = '';
  let last = 0;
  // Bare URLs stay untouched so note apps still turn them into links.
  for (const match of trimmed.matchAll(BARE_URL)) {
    escaped += trimmed.slice(last, match.index).replace(INLINE_SPECIALS, '\\$&') + match[0];
    last = match.index + match[0].length;
  }
  escaped += trimmed.slice(last).replace(INLINE_SPECIALS, '\\$&');
  // Line-start markers: list items, ordered lists, thematic breaks / setext underlines.
  return escaped.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

export function escapeMarkdown(text: string): string[] {
  return text.split(/\r\n|\r|\n/).map(escapeMarkdownLine);
}

/** Every line of a multi-line quote stays inside the block; blank lines become a bare `>`. */
export function blockQuote(text: string): string {
  return escapeMarkdown(text)
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
}

export function markdownLink(label: string, url: string): string {
  const safeUrl = url.replace(/[<>\s]/g, (char) => encodeURIComponent(char));
  return `[${escapeMarkdownLine(label.replace(/\s+/g, ' '))}](<${safeUrl}>)`;
}

/**
 * Note apps (Obsidian, Logseq) accept letters, digits, _, - and / in tags, and no tag made only of digits.
 * Returns undefined when nothing usable is left.
 */
export function tagName(tag: string): string | undefined {
  const name = tag
    .trim()
    .replace(/^#+/, '')
    .replace(/\s+/g, '-')
    .replace(/[^\p{L}\p{N}\p{M}_\-/]/gu, '');
  if (!name) return undefined;
  return /^\d+$/.test(name) ? `_${name}` : name;
}
