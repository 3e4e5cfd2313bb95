// Names for downloaded files. Only ASCII letters, digits and dashes, so the name survives every file system,
// archive tool and e-mail attachment; the date tells exports of the same scope apart.

export type ExportFormat = 'markdown' | 'markdown-files' | 'csv' | 'backup' | 'web-annotation' | 'claim-review' | 'bibtex' | 'csl-json';

const FORMAT_NAMES: Record<ExportFormat, { kind: string; extension: string }> = {
  markdown: { kind: 'notes', extension: 'md' },
  'markdown-files': { kind: 'notes', extension: 'zip' },
  csv: { kind: 'highlights', extension: 'csv' },
  backup: { kind: 'backup', extension: 'json' },
  'web-annotation': { kind: 'annotations', extension: 'jsonld' },
  'claim-review': { kind: 'claimreview', extension: 'jsonld' },
  bibtex: { kind: 'citations', extension: 'bib' },
  'csl-json': { kind: 'citations', extension: 'json' },
};

const MAX_SLUG = 50;

/** e.g. exportFileName('markdown', 'Council approves budget', now) -> "newslens-notes-council-approves-budget-2026-11-26.md" */
export function exportFileName(format: ExportFormat, scope: string, now: Date): string {
  const { kind, extension } = FORMAT_NAMES[format];
  const slug = slugify(scope);
  return ['newslens', kind, slug, localDate(now)].filter(Boolean).join('-') + `.${extension}`;
}

export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG) return slug;
  const cut = slug.slice(0, MAX_SLUG);
  if (slug[MAX_SLUG] === '-') return cut;
  const lastDash = cut.lastIndexOf('-');
  return lastDash > MAX_SLUG / 2 ? cut.slice(0, lastDash) : cut;
}

/** The reader's calendar date: an export made at 00:30 local time carries that day, not yesterday's UTC date. */
function localDate(now: Date): string {
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((part, i) => String(part).padStart(i === 0 ? 4 : 2, '0')).join('-');
}

const RESERVED_WINDOWS_NAMES = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
const MAX_NOTE_NAME = 100;

/**
 * Note apps name notes after their file, so a Markdown note keeps the article title (any script) minus the
 * characters that file systems or wiki links reject. `taken` collects names already used in this export
 * (case-insensitively, as on macOS and Windows); repeats get " (2)", " (3)", ...
 */
export function noteFileName(title: string, taken: Set<string>): string {
  const cleaned = [...title.replace(/[\\/:*?"<>|#^[\]\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim()]
    .slice(0, MAX_NOTE_NAME)
    .join('')
    .replace(/^[.\s-]+|[.\s]+$/g, '');
  const base = !cleaned ? 'Untitled' : RESERVED_WINDOWS_NAMES.test(cleaned) ? `${cleaned} note` : cleaned;
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} (${n})`;
  taken.add(name.toLowerCase());
  return `${name}.md`;
}
