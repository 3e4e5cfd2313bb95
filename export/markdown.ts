// Markdown for students and note apps (Obsidian, Logseq). One article per file is how those apps work (front matter
// describes the file), so "one file per article" is the main export, delivered as one .zip; toMarkdown gives a single
// document: with one article it is that article's file, with several it gets one file-level front matter and a
// section per article.
// One escaping rule: page text (titles, quotes, authors, site names, the citation built from them, a detected claimant)
// is escaped so it can never become markup, a link or a tag; the reader's own notes are Markdown the reader wrote and
// travel as written, exactly as the popup shows them formatted.
import { strToU8, Zip, ZipDeflate } from 'fflate';
import type { Article } from '../storage/types';
import { liveArticlesWithAnnotations, type ArticleWithAnnotations, type ExportBundle } from './bundle';
import { formatCitation, toCslJson, type CitationStyle, type CslItem } from './citation';
import { isoDateOf } from './dates';
import { noteFileName } from './file-names';
import { escapeMarkdown, escapeMarkdownLine } from './markdown-text';
import { annotationMarkdown, uniqueTags } from './markdown-note';
import type { SliceOptions } from './slices';
import { BytesBlobWriter, TextBlobWriter } from './output';
import { mapLiveSections, type ExportSource } from './source';
import { frontMatter } from './yaml';

export interface MarkdownOptions {
  citationStyle?: CitationStyle;
  /**
   * Formats the references of a page of articles at once (the popup passes one that works in a worker, so building
   * and running the citation engine never blocks it). Without it, references are formatted here with formatCitation.
   */
  references?: ReferenceFormatter;
}

/** The references of `items` in `style`, in order: what formatCitation gives for each. */
export type ReferenceFormatter = (items: CslItem[], style: CitationStyle) => Promise<string[]>;

/**
 * Each article's reference by article id, filled a page at a time when a ReferenceFormatter is given (the next page's
 * while this one is written) and emptied as they are used.
 */
type References = Map<string, string>;

/** Takes an article's reference out of `references` (undefined: format it here). */
function takeReference(references: References, articleId: string): string | undefined {
  const reference = references.get(articleId);
  references.delete(articleId);
  return reference;
}

/** A beforePage hook that adds the page's references to `references` (nothing when the options have no formatter). */
function referencesBeforePage(options: MarkdownOptions, references: References) {
  const format = options.references;
  if (!format) return undefined;
  return async (sections: ArticleWithAnnotations[]) => {
    const texts = await format(sections.map(({ article }) => toCslJson(article)), options.citationStyle ?? 'apa');
    sections.forEach(({ article }, i) => references.set(article.id, texts[i] ?? ''));
  };
}


/** One Markdown document for the whole export (see the file comment). */
export function toMarkdown(bundle: ExportBundle, options: MarkdownOptions = {}): string {
  const sections = liveArticlesWithAnnotations(bundle);
  return joinMarkdown(sections, bundle.exportedAt, sections.map((section) => (sections.length === 1 ? articleFile(section, options) : articleBody(section, options))));
}

/**
 * toMarkdown read from `source` a page at a time, in slices that yield to the event loop, with progress (articles) and
 * cancellation, as a text/markdown Blob with the same text as toMarkdown of the same records. Only the output (see
 * export/output.ts) and the tags seen so far are kept as it goes.
 */
export async function toMarkdownInSlices(source: ExportSource, options: MarkdownOptions = {}, slices: SliceOptions = {}): Promise<Blob> {
  const body = new TextBlobWriter();
  const tags = new Set<string>();
  const references: References = new Map();
  let only: { section: ArticleWithAnnotations; reference: string | undefined } | undefined;
  const written = await mapLiveSections(
    source,
    (section) => {
      const reference = takeReference(references, section.article.id);
      only ??= { section, reference };
      for (const tag of uniqueTags(section.annotations)) tags.add(tag);
      const text = articleBody(section, options, reference);
      body.write(only.section === section ? text : `\n\n${text}`);
    },
    slices,
    referencesBeforePage(options, references),
  );
  const type = 'text/markdown';
  // A single article is that article's file (see the file comment); its body is rebuilt with the front matter.
  if (written.length === 1 && only) return new Blob([articleFile(only.section, options, only.reference)], { type });
  const header = fileHeader(source.exportedAt, written.length, [...tags]);
  return new Blob(written.length > 0 ? [header, '\n\n', body.toBlob(type), '\n'] : [header, '\n'], { type });
}

function joinMarkdown(sections: readonly ArticleWithAnnotations[], exportedAt: string, parts: string[]): string {
  const [only] = parts;
  if (parts.length === 1 && only !== undefined) return only;
  const header = fileHeader(exportedAt, parts.length, uniqueTags(sections.flatMap((section) => section.annotations)));
  return [header, ...parts].join('\n\n') + '\n';
}

/** The front matter of a file of several articles: their count and their tags in first-seen order. */
function fileHeader(exportedAt: string, articles: number, tags: string[]): string {
  return frontMatter([
    ['title', 'NewsLens notes'],
    ['exported', { date: isoDateOf(exportedAt) ?? exportedAt }],
    ['articles', articles],
    ['tags', tags],
  ]);
}

/** One note per article, named after its title (see noteFileName). */
export function toMarkdownFiles(bundle: ExportBundle, options: MarkdownOptions = {}): Array<{ fileName: string; content: string }> {
  const taken = new Set<string>();
  return liveArticlesWithAnnotations(bundle).map((section) => ({
    fileName: noteFileName(section.article.title, taken),
    content: articleFile(section, options),
  }));
}

/**
 * "One file per article" as a single .zip (UTF-8 file names, DEFLATE level 6, every entry dated at the export), built in
 * slices with progress and cancellation: one download instead of one per article, which browsers block or ask about
 * after the first few. Each note is compressed as its article is reached (fflate's streaming Zip; a note is a few
 * kilobytes, well under a millisecond), and the compressed bytes are gathered in ~1 MB Blobs: compressing 5,000
 * notes in one step at the end was a task of over a second.
 */
export async function toMarkdownZip(source: ExportSource, options: MarkdownOptions = {}, slices: SliceOptions = {}): Promise<Blob> {
  const taken = new Set<string>();
  const references: References = new Map();
  const mtime = new Date(source.exportedAt);
  const out = new BytesBlobWriter();
  let failure: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failure ??= error;
    else out.write(data);
  });
  const add = (fileName: string, text: string) => {
    const file = new ZipDeflate(fileName, { level: 6 });
    file.mtime = mtime;
    zip.add(file);
    file.push(strToU8(text), true);
    if (failure) throw failure;
  };
  try {
    await mapLiveSections(
      source,
      (section) => add(noteFileName(section.article.title, taken), articleFile(section, options, takeReference(references, section.article.id))),
      slices,
      referencesBeforePage(options, references),
    );
  } catch (error) {
    zip.terminate();
    throw error;
  }
  zip.end();
  if (failure) throw failure;
  return out.toBlob('application/zip');
}

/** One article's note; `reference` is its formatted reference when already known (else it is formatted here). */
function articleFile(section: ArticleWithAnnotations, options: MarkdownOptions, reference?: string): string {
  const { article, annotations } = section;
  const header = frontMatter([
    ['title', article.title],
    // Obsidian links and searches notes by their aliases; the file name had to lose characters the title keeps.
    ['aliases', [article.title.replace(/\s+/g, ' ').trim()].filter(Boolean)],
    ['authors', article.authors.map((author) => author.name)],
    ['site', article.siteName || undefined],
    ['published', publishedValue(article)],
    ['url', article.url],
    ['accessed', { date: isoDateOf(article.lastVisitedAt) ?? article.lastVisitedAt }],
    ['tags', uniqueTags(annotations)],
  ]);
  return `${header}\n\n${articleBody(section, options, reference)}\n`;
}

function publishedValue(article: Article): { date: string } | undefined {
  const date = isoDateOf(article.publishedAt);
  return date ? { date } : undefined;
}

function articleBody({ article, annotations }: ArticleWithAnnotations, options: MarkdownOptions, reference?: string): string {
  const parts = [`# ${escapeMarkdownLine(article.title.replace(/\s+/g, ' ')) || 'Untitled'}`];
  parts.push(escapeMarkdown(reference ?? formatCitation(article, options.citationStyle ?? 'apa')).join('\n'));
  for (const annotation of annotations) parts.push(annotationMarkdown(annotation));
  return parts.join('\n\n');
}
