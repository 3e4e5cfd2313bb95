// One annotation as Markdown: the quoted page text escaped (it must stay the words it is), the reader's own note as the
// Markdown they wrote, the claim's state and evidence, and tags. Used by the Markdown export and by "Copy" in the popup,
// so a copied note and an exported one are the same text. Kept apart from markdown.ts so copying a note does not load
// the citation engine.
import { CLAIM_STATUS_LABELS, type Annotation } from '../storage/types';
import { blockQuote, escapeMarkdownLine, markdownLink, tagName } from './markdown-text';

/** The annotation's Markdown block (no trailing newline). */
export function annotationMarkdown(annotation: Annotation): string {
  const parts = [blockQuote(annotation.target.quote.exact)];
  if (annotation.kind === 'entity' && annotation.entityType) parts.push(`Entity: ${annotation.entityType}`);
  if (annotation.note.trim()) parts.push(annotation.note.trim());
  if (annotation.claim) parts.push(claimLines(annotation.claim));
  const tags = uniqueTags([annotation]);
  if (tags.length > 0) parts.push(tags.map((tag) => `#${tag}`).join(' '));
  return parts.join('\n\n');
}

function claimLines(claim: NonNullable<Annotation['claim']>): string {
  const lines = [`- Claim status: ${CLAIM_STATUS_LABELS[claim.status].toLowerCase()}`];
  if (claim.verdict.trim()) {
    const rating = claim.rating !== undefined ? ` (${claim.rating}/5)` : '';
    lines.push(`- Verdict: ${claim.verdict.replace(/\s+/g, ' ').trim()}${rating}`);
  }
  if (claim.claimant?.trim()) lines.push(`- Claimant: ${escapeMarkdownLine(claim.claimant.replace(/\s+/g, ' ').trim())}`);
  if (claim.evidence.length > 0) {
    lines.push('- Evidence:');
    for (const evidence of claim.evidence) lines.push(`  - ${evidenceLine(evidence.url, evidence.note)}`);
  }
  return lines.join('\n');
}

/** Only http(s) becomes a link; anything else is shown as inert text so a pasted javascript: URL cannot run. */
function evidenceLine(url: string, note: string): string {
  const label = note.trim() || url;
  if (/^https?:\/\//i.test(url)) return markdownLink(label, url);
  const text = note.trim() ? `${note.trim()} (${url})` : url;
  return `${escapeMarkdownLine(text.replace(/\s+/g, ' '))} — not a web link`;
}

/** Tags of the annotations as note-app tag names, each once, in first-seen order. */
export function uniqueTags(annotations: readonly Annotation[]): string[] {
  const seen = new Set<string>();
  for (const annotation of annotations) {
    for (const tag of annotation.tags) {
      const name = tagName(tag);
      if (name) seen.add(name);
    }
  }
  return [...seen];
}
