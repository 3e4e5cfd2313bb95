// W3C Web Annotation Data Model (JSON-LD). The collection follows the model's paging structure: an
// AnnotationCollection whose embedded first AnnotationPage holds the items.
// Selectors are relative to the document's text content, which is what a W3C consumer (Apache Annotator, Hypothesis)
// matches against: every text node of the page, nothing inserted between blocks, positions in Unicode code points.
// Annotations made since the page records that (target.document) export both selectors from it. Older ones only know
// the article text, which has "\n\n" between paragraphs and collapsed whitespace: they export the quote with its context
// cut at the paragraph breaks (text that is in the page as written) and no position, because a wrong position is worse
// than none.
import { CLAIM_STATUS_LABELS, type Annotation } from '../storage/types';
import { liveArticlesWithAnnotations, type ExportBundle } from './bundle';
import { JsonLdArrayWriter, toJsonLd } from './json-ld';
import type { SliceOptions } from './slices';
import { mapLiveSections, type ExportSource } from './source';

export const WEB_ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface WebAnnotationOptions {
  /** IRI of the collection; defaults to one derived from exportedAt so the same export gives the same file. */
  id?: string;
}

// The W3C context (anno.jsonld) defines no term for oa:assessing although the model lists it, so the plain word would
// expand to a relative IRI; the compact IRI expands to the real one.
type Motivation = 'highlighting' | 'commenting' | 'tagging' | 'oa:assessing' | 'classifying';

type Body =
  | { type: 'TextualBody'; purpose: Motivation; value: string; format?: 'text/plain' | 'text/markdown' }
  | { type: 'SpecificResource'; purpose: 'linking'; source: string | { id: string; label: string } };

/** The agent that made an annotation: the reader, a person (no name: NewsLens knows none and sends nothing). */
const CREATOR = { type: 'Person' } as const;
/** The software that wrote the file. */
export const GENERATOR = { type: 'Software', name: 'NewsLens' } as const;

type WebSelector =
  | { type: 'TextQuoteSelector'; exact: string; prefix?: string; suffix?: string }
  | { type: 'TextPositionSelector'; start: number; end: number };

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: Motivation;
  created: string;
  modified: string;
  creator: typeof CREATOR;
  generator: typeof GENERATOR;
  body?: Body[];
  target: { source: string; selector: WebSelector[] };
}

export interface WebAnnotationCollection {
  '@context': typeof WEB_ANNOTATION_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

/** Every live annotation of the export as one W3C AnnotationCollection (see the file comment for the selectors). */
export function toWebAnnotationCollection(bundle: ExportBundle, options: WebAnnotationOptions = {}): WebAnnotationCollection {
  const items = liveArticlesWithAnnotations(bundle).flatMap(({ annotations }) => annotations.map(toWebAnnotation));
  return collectionOf(items, items.length, bundle.exportedAt, options);
}

/** The collection as a JSON-LD file, safe to paste inside a <script> element. */
export function toWebAnnotationJson(bundle: ExportBundle, options: WebAnnotationOptions = {}): string {
  return toJsonLd(toWebAnnotationCollection(bundle, options));
}

/**
 * toWebAnnotationJson read from `source` a page at a time, in slices that yield to the event loop, with progress
 * (articles) and cancellation, as an application/ld+json Blob with the same text. Each annotation is written as its
 * article is reached (JsonLdArrayWriter); only the output is kept.
 */
export async function toWebAnnotationJsonInSlices(source: ExportSource, options: WebAnnotationOptions = {}, slices: SliceOptions = {}): Promise<Blob> {
  const out = new JsonLdArrayWriter((items, total) => collectionOf(items as WebAnnotation[], total, source.exportedAt, options));
  await mapLiveSections(source, ({ annotations }) => {
    for (const annotation of annotations) out.push(toWebAnnotation(annotation));
  }, slices);
  return out.toBlob('application/ld+json');
}

function collectionOf(items: WebAnnotation[], total: number, exportedAt: string, options: WebAnnotationOptions): WebAnnotationCollection {
  const id = options.id ?? `urn:newslens:export:${exportedAt}`;
  return {
    '@context': WEB_ANNOTATION_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: 'NewsLens annotations',
    total,
    first: { id: `${id}:page:1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

/** One annotation in the W3C model: motivation from what the reader did, bodies for notes, tags, verdicts and evidence. */
export function toWebAnnotation(annotation: Annotation): WebAnnotation {
  const body = bodiesOf(annotation);
  const web: WebAnnotation = {
    id: `urn:uuid:${annotation.id}`,
    type: 'Annotation',
    motivation: motivationOf(annotation),
    created: annotation.createdAt,
    modified: annotation.updatedAt,
    creator: CREATOR,
    generator: GENERATOR,
    target: { source: annotation.target.source, selector: selectorsOf(annotation) },
  };
  if (body.length > 0) web.body = body;
  return web;
}

function motivationOf(annotation: Annotation): Motivation {
  if (annotation.claim?.verdict.trim()) return 'oa:assessing';
  if (annotation.kind === 'entity' && annotation.entityType) return 'classifying';
  if (annotation.note.trim()) return 'commenting';
  if (annotation.tags.length > 0) return 'tagging';
  return 'highlighting';
}

function bodiesOf(annotation: Annotation): Body[] {
  const bodies: Body[] = [];
  const text = (purpose: Motivation, value: string): Body => ({ type: 'TextualBody', purpose, value });
  const claim = annotation.claim;
  if (claim?.verdict.trim()) bodies.push(text('oa:assessing', claim.verdict.trim()));
  if (claim) bodies.push(text('classifying', `claim: ${CLAIM_STATUS_LABELS[claim.status].toLowerCase()}`));
  if (annotation.kind === 'entity' && annotation.entityType) bodies.push(text('classifying', annotation.entityType));
  if (annotation.note.trim()) {
    // Notes are written in Markdown (the popup renders them so); saying so lets a consumer render them too.
    bodies.push({ type: 'TextualBody', purpose: 'commenting', value: annotation.note, format: 'text/markdown' });
  }
  for (const tag of annotation.tags) bodies.push(text('tagging', tag));
  for (const evidence of claim?.evidence ?? []) {
    if (!/^https?:\/\//i.test(evidence.url)) continue;
    const label = evidence.note.replace(/\s+/g, ' ').trim();
    bodies.push({ type: 'SpecificResource', purpose: 'linking', source: label ? { id: evidence.url, label } : evidence.url });
  }
  return bodies;
}

function selectorsOf(annotation: Annotation): WebSelector[] {
  const recorded = annotation.target.document;
  if (recorded) {
    return [quoteSelector(recorded.quote.exact, recorded.quote.prefix, recorded.quote.suffix), { ...recorded.position }];
  }
  const { exact, prefix, suffix } = annotation.target.quote;
  return [quoteSelector(exact, afterLastBreak(prefix), beforeFirstBreak(suffix))];
}

function quoteSelector(exact: string, prefix: string, suffix: string): WebSelector {
  const quote: WebSelector = { type: 'TextQuoteSelector', exact };
  if (prefix) quote.prefix = prefix;
  if (suffix) quote.suffix = suffix;
  return quote;
}

/** The article text map separates blocks with a line break run that the page does not contain (text-map.ts). */
const BLOCK_BREAK = /\n\s*\n/;

function afterLastBreak(prefix: string): string {
  const parts = prefix.split(BLOCK_BREAK);
  return parts[parts.length - 1] ?? '';
}

function beforeFirstBreak(suffix: string): string {
  return suffix.split(BLOCK_BREAK)[0] ?? '';
}
