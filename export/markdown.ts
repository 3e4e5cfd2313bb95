// Markdown for students and note apps (Obsidian, Logseq). One article per file is how those apps work (front matter
// describes the file), so "one file per article" is the main export, delivered as one .zip; toMarkdown gives a single
// document: with one article it is that article's file, with several it gets one file-level front matter and a
// section per article.
// One escaping rule: page text (titles, quotes, authors, site names, the citation built from them, a detected claimant)
// is escaped so it can never become markup, a link or a tag; the reader's own notes are Markdown the reader wrote and
// travel as written, exactly as the popup shows them formatted.
import { strToU8, Zip, ZipPassThrough } from 'fflate';
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
 * A zip entry whose bytes the browser compresses (CompressionStream "deflate-raw": zlib's DEFLATE at its default level,
 * 6, in native code). fflate's own DEFLATE allocates ~200 kB of tables per entry, which for 5,000 small notes was
 * seconds of this thread's time, much of it collecting garbage; fflate's Zip still writes the archive (ZipPassThrough
 * computes each entry's CRC-32 and size, and this subclass replaces its pass-through with compression, as fflate's
 * documentation describes).
 */
class BrowserDeflateEntry extends ZipPassThrough {
  /** Resolves once the entry's compressed bytes are handed to the archive; rejects if compressing failed. */
  compressed: Promise<void> = Promise.resolve();

  constructor(fileName: string, mtime: Date) {
    super(fileName);
    this.compression = 8;
    this.mtime = mtime;
  }

  protected override process(chunk: Uint8Array<ArrayBuffer>, final: boolean): void {
    const previous = this.compressed;
    this.compressed = deflateRaw(chunk).then(async (bytes) => {
      await previous;
      this.ondata(null, bytes, final);
    });
  }
}

/** Raw DEFLATE (RFC 1951) of `bytes` by the browser's CompressionStream. */
async function deflateRaw(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new CompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  // Not awaited before reading: a write resolves only once its bytes are read.
  const written = Promise.all([writer.write(bytes), writer.close()]);
  const parts: Array<Uint8Array<ArrayBuffer>> = [];
  const reader = stream.readable.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) parts.push(next.value);
  await written;
  if (parts.length === 1 && parts[0]) return parts[0];
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * "One file per article" as a single .zip (UTF-8 file names, DEFLATE, every entry dated at the export), built in slices
 * with progress and cancellation: one download instead of one per article, which browsers block or ask about after the
 * first few. Each note is added and compressed as its article is reached (BrowserDeflateEntry) and the archive's bytes
 * are gathered in ~1 MB Blobs: compressing 5,000 notes in one step at the end (zipSync) was a task of over a second.
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
  const entries: Array<Promise<void>> = [];
  const add = (fileName: string, text: string) => {
    if (failure) throw failure;
    const entry = new BrowserDeflateEntry(fileName, mtime);
    zip.add(entry);
    entry.push(strToU8(text), true);
    entry.compressed.catch(() => undefined);
    entries.push(entry.compressed);
  };
  try {
    await mapLiveSections(
      source,
      (section) => add(noteFileName(section.article.title, taken), articleFile(section, options, takeReference(references, section.article.id))),
      slices,
      referencesBeforePage(options, references),
    );
    await Promise.all(entries);
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
