// Decides whether a page is an article and where its body is, from what Readability found (see article-reader.ts)
// mapped back onto the live page (article-live.ts), plus the page's own statements (JSON-LD, og:type, citation_*).
// This module does not import Readability, so a content script can use it and run Readability elsewhere.
// Pure DOM code: no extension APIs, so it runs in tests and on saved pages.
import { keepOnly, mapReaderToLive } from './article-live';
import type { ReaderOutput } from './article-reader';
import { extractMetadataWithEvidence } from './article-metadata';
import type { ArticleMetadata } from './types';

export { isBoilerplate } from './article-boilerplate';
export { extractMetadata } from './article-metadata';
export type { ReaderOutput } from './article-reader';

export interface ArticleFinding {
  isArticle: boolean;
  /**
   * Smallest element of this live document holding every block of the body Readability found. Given for non-articles
   * too, so a reader can choose to annotate anyway; null when Readability found no body text on the page.
   */
  root: Element | null;
  /**
   * Text-map filter for `root`: true for elements Readability left out of the body (related links, promos, share bars
   * inside the story's container). Undefined when there is no root.
   */
  skip?: (el: Element) => boolean;
  metadata: ArticleMetadata;
  /** Human-readable evidence, for debugging and for the "why not?" hint in the UI. */
  reasons: string[];
}

/** Below this much body text, even a page that calls itself an article has nothing to annotate (a video or photo page). */
const MIN_TYPED_CHARS = 250;
/** Without metadata saying "article", Readability's readerable verdict or this much body text is needed. */
const MIN_UNTYPED_CHARS = 400;
const LONG_TEXT_CHARS = 1_500;
/** Share of the reader's text that must be found on the live page; less means the page changed under us. */
const MIN_MATCHED = 0.5;
/**
 * A body that is linked headings with a short blurb each is a list of stories (section front, search results), not a
 * story: at least this many linked headings, with less unlinked text per heading than a teaser blurb runs to. A story
 * that lists things (yahoo-1's "8 coolest games", with a paragraph or more under each linked heading) stays a story.
 */
const LISTING_MIN_HEADINGS = 4;
const LISTING_TEXT_PER_HEADING = 300;
const LISTING_TYPES = new Set(['CollectionPage', 'SearchResultsPage', 'ProfilePage', 'ItemList']);

/**
 * Judges a page from Readability's output on a copy of it (`reader`, null when Readability found nothing) and maps the
 * body onto the live `doc`. Never changes the page. Cost: metadata extraction plus one pass over the page's text nodes.
 */
export function findArticleWith(doc: Document, reader: ReaderOutput | null): ArticleFinding {
  const { metadata, jsonLdType, jsonLdTypes } = extractMetadataWithEvidence(doc, reader?.byline);
  const reasons: string[] = [];
  if (!doc.body) return { isArticle: false, root: null, metadata, reasons: ['no body'] };
  if (!reader || reader.blocks.length === 0) {
    return { isArticle: false, root: null, metadata, reasons: ['Readability found no article body'] };
  }
  const live = mapReaderToLive(doc, reader);
  reasons.push(
    `${reader.chars} characters in ${reader.paragraphs} paragraphs; ${Math.round((live?.matched ?? 0) * 100)}% found on the page under <${live?.root.tagName.toLowerCase() ?? 'none'}>`,
  );

  const typed: string[] = [];
  if (jsonLdType) typed.push(`json-ld ${jsonLdType}`);
  const ogType = doc.querySelector('meta[property="og:type"]')?.getAttribute('content')?.trim().toLowerCase();
  if (ogType === 'article') typed.push('og:type=article');
  if (doc.querySelector('meta[name="citation_title"]')) typed.push('citation_title');
  reasons.push(...typed);
  if (reader.readerable) reasons.push('readerable');

  // Counted inside the body Readability kept, not on the whole page: related-story rails beside a story are not a listing.
  const listingTypes = jsonLdTypes.filter((type) => LISTING_TYPES.has(type));
  const unlinked = reader.chars - reader.linkChars;
  const linkedListing =
    reader.linkedHeadings >= LISTING_MIN_HEADINGS && unlinked < LISTING_TEXT_PER_HEADING * reader.linkedHeadings;
  const typedListing = listingTypes.length > 0 && !jsonLdType;
  const listing = typedListing || linkedListing;
  if (listingTypes.length > 0) reasons.push(`${typedListing ? 'listing: ' : ''}json-ld ${listingTypes.join(', ')}`);
  if (linkedListing) reasons.push(`listing: ${reader.linkedHeadings} linked headings over ${unlinked} characters of unlinked text`);

  const found = live !== null && live.matched >= MIN_MATCHED;
  if (!found) reasons.push('the body Readability found is not on the live page');
  const minChars = typed.length > 0 ? MIN_TYPED_CHARS : MIN_UNTYPED_CHARS;
  const enoughText = reader.chars >= minChars;
  if (!enoughText) reasons.push('too little body text');
  const isArticle =
    !listing && found && enoughText && (typed.length > 0 || reader.readerable || reader.chars >= LONG_TEXT_CHARS);
  return { isArticle, root: live?.root ?? null, ...(live ? { skip: keepOnly(live) } : {}), metadata, reasons };
}

/** Reads a serialised page and returns Readability's findings; runs off the page's main thread in the extension. */
export type ReadPage = (html: string) => Promise<ReaderOutput | null>;

/**
 * The page's current markup for `read`: `documentElement.outerHTML` with its doctype. One synchronous serialisation
 * (about 10–20 ms for a 1 MB page in Chromium); the parse and Readability pass happen wherever `read` sends it.
 */
export function serialisePage(doc: Document): string {
  const doctype = doc.doctype ? `<!DOCTYPE ${doc.doctype.name}>` : '';
  return doctype + doc.documentElement.outerHTML;
}

/** findArticleWith, with Readability run by `read` on a serialised copy of the page (off the main thread). */
export async function findArticleAsync(doc: Document, read: ReadPage): Promise<ArticleFinding> {
  const reader = await read(serialisePage(doc));
  return findArticleWith(doc, reader);
}
