// Markdown for students and note apps. One article per file is how Obsidian and Logseq work (front matter describes
// the file), so toMarkdownFiles is the main export; toMarkdown gives a single document: with one article it is that
// article's file, with several it gets one file-level front matter and a section per article.
import type { Annotation, Article, ClaimStatus } from '../storage/types';
import { liveArticlesWithAnnotations, type ArticleWithAnnotations, type ExportBundle } from './bundle';
import { formatCitation, type CitationStyle } from './citation';
import { isoDateOf } from './dates';
import { noteFileName } from './file-names';
import { blockQuote, escapeMarkdown, escapeMarkdownLine, markdownLink, tagName } from './markdown-text';
import { frontMatter } from './yaml';

export interface MarkdownOptions {
  citationStyle?: CitationStyle;
}

const STATUS_LABELS: Record<ClaimStatus, string> = {
  unstarted: 'not started',
  in_progress: 'in progress',
  inconclusive: 'inconclusive',
  verified: 'verified',
  false: 'false',
};

export function toMarkdown(bundle: ExportBundle, options: MarkdownOptions = {}): string {
  const sections = liveArticlesWithAnnotations(bundle);
  const [only] = sections;
  if (sections.length === 1 && only) return articleFile(only, options);
  const header = frontMatter([
    ['title', 'NewsLens notes'],
    ['exported', { date: isoDateOf(bundle.exportedAt) ?? bundle.exportedAt }],
    ['articles', sections.length],
    ['tags', uniqueTags(sections.flatMap((section) => section.annotations))],
  ]);
  return [header, ...sections.map((section) => articleBody(section, options))].join('\n\n') + '\n';
}

export function toMarkdownFiles(bundle: ExportBundle, options: MarkdownOptions = {}): Array<{ fileName: string; content: string }> {
  const taken = new Set<string>();
  return liveArticlesWithAnnotations(bundle).map((section) => ({
    fileName: noteFileName(section.article.title, taken),
    content: articleFile(section, options),
  }));
}

function articleFile(section: ArticleWithAnnotations, options: MarkdownOptions): string {
  const { article, annotations } = section;
  const header = frontMatter([
    ['title', article.title],
    ['authors', article.authors.map((author) => author.name)],
    ['site', article.siteName || undefined],
    ['published', publishedValue(article)],
    ['url', article.url],
    ['accessed', { date: isoDateOf(article.lastVisitedAt) ?? article.lastVisitedAt }],
    ['tags', uniqueTags(annotations)],
  ]);
  return `${header}\n\n${articleBody(section, options)}\n`;
}

function publishedValue(article: Article): { date: string } | undefined {
  const date = isoDateOf(article.publishedAt);
  return date ? { date } : undefined;
}

function articleBody({ article, annotations }: ArticleWithAnnotations, options: MarkdownOptions): string {
  const parts = [`# ${escapeMarkdownLine(article.title.replace(/\s+/g, ' ')) || 'Untitled'}`];
  parts.push(escapeMarkdown(formatCitation(article, options.citationStyle ?? 'apa')).join('\n'));
  for (const annotation of annotations) parts.push(annotationBlock(annotation));
  return parts.join('\n\n');
}

function annotationBlock(annotation: Annotation): string {
  const parts = [blockQuote(annotation.target.quote.exact)];
  if (annotation.kind === 'entity' && annotation.entityType) parts.push(`Entity: ${annotation.entityType}`);
  if (annotation.note.trim()) parts.push(escapeMarkdown(annotation.note.trim()).join('\n'));
  if (annotation.claim) parts.push(claimLines(annotation.claim));
  const tags = uniqueTags([annotation]);
  if (tags.length > 0) parts.push(tags.map((tag) => `#${tag}`).join(' '));
  return parts.join('\n\n');
}

function claimLines(claim: NonNullable<Annotation['claim']>): string {
  const lines = [`- Claim status: ${STATUS_LABELS[claim.status]}`];
  if (claim.verdict.trim()) {
    const rating = claim.rating !== undefined ? ` (${claim.rating}/5)` : '';
    lines.push(`- Verdict: ${escapeMarkdownLine(claim.verdict.trim())}${rating}`);
  }
  if (claim.claimant?.trim()) lines.push(`- Claimant: ${escapeMarkdownLine(claim.claimant.trim())}`);
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

function uniqueTags(annotations: readonly Annotation[]): string[] {
  const seen = new Set<string>();
  for (const annotation of annotations) {
    for (const tag of annotation.tags) {
      const name = tagName(tag);
      if (name) seen.add(name);
    }
  }
  return [...seen];
}
