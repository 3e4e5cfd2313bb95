// W3C Web Annotation Data Model (JSON-LD). The collection follows the model's paging structure: an
// AnnotationCollection whose embedded first AnnotationPage holds the items. TextPositionSelector is emitted only
// when its code-point offsets can be proven (see code-points.ts); the TextQuoteSelector always travels.
import type { Annotation, ClaimStatus } from '../storage/types';
import { liveArticlesWithAnnotations, type ExportBundle } from './bundle';
import { codePointRange } from './code-points';

export const WEB_ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface WebAnnotationOptions {
  /** Current article texts by article id, which let positions be converted to code points for any annotation. */
  texts?: Record<string, string>;
  /** IRI of the collection; defaults to one derived from exportedAt so the same export gives the same file. */
  id?: string;
}

type Motivation = 'highlighting' | 'commenting' | 'tagging' | 'assessing' | 'classifying';

type Body =
  | { type: 'TextualBody'; purpose: Motivation; value: string; format?: 'text/plain' }
  | { type: 'SpecificResource'; purpose: 'linking'; source: string };

type WebSelector =
  | { type: 'TextQuoteSelector'; exact: string; prefix?: string; suffix?: string }
  | { type: 'TextPositionSelector'; start: number; end: number };

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: Motivation;
  created: string;
  modified: string;
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

const STATUS_LABELS: Record<ClaimStatus, string> = {
  unstarted: 'claim: not started',
  in_progress: 'claim: in progress',
  inconclusive: 'claim: inconclusive',
  verified: 'claim: verified',
  false: 'claim: false',
};

export function toWebAnnotationCollection(bundle: ExportBundle, options: WebAnnotationOptions = {}): WebAnnotationCollection {
  const items = liveArticlesWithAnnotations(bundle).flatMap(({ article, annotations }) =>
    annotations.map((annotation) => toWebAnnotation(annotation, options.texts?.[article.id])),
  );
  const id = options.id ?? `urn:newslens:export:${bundle.exportedAt}`;
  return {
    '@context': WEB_ANNOTATION_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: 'NewsLens annotations',
    total: items.length,
    first: { id: `${id}:page:1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

export function toWebAnnotationJson(bundle: ExportBundle, options: WebAnnotationOptions = {}): string {
  return `${JSON.stringify(toWebAnnotationCollection(bundle, options), null, 2)}\n`;
}

export function toWebAnnotation(annotation: Annotation, articleText?: string): WebAnnotation {
  const body = bodiesOf(annotation);
  const web: WebAnnotation = {
    id: `urn:uuid:${annotation.id}`,
    type: 'Annotation',
    motivation: motivationOf(annotation),
    created: annotation.createdAt,
    modified: annotation.updatedAt,
    target: { source: annotation.target.source, selector: selectorsOf(annotation, articleText) },
  };
  if (body.length > 0) web.body = body;
  return web;
}

function motivationOf(annotation: Annotation): Motivation {
  if (annotation.claim?.verdict.trim()) return 'assessing';
  if (annotation.kind === 'entity' && annotation.entityType) return 'classifying';
  if (annotation.note.trim()) return 'commenting';
  if (annotation.tags.length > 0) return 'tagging';
  return 'highlighting';
}

function bodiesOf(annotation: Annotation): Body[] {
  const bodies: Body[] = [];
  const text = (purpose: Motivation, value: string): Body => ({ type: 'TextualBody', purpose, value });
  const claim = annotation.claim;
  if (claim?.verdict.trim()) bodies.push(text('assessing', claim.verdict.trim()));
  if (claim) bodies.push(text('classifying', STATUS_LABELS[claim.status]));
  if (annotation.kind === 'entity' && annotation.entityType) bodies.push(text('classifying', annotation.entityType));
  if (annotation.note.trim()) {
    bodies.push({ type: 'TextualBody', purpose: 'commenting', value: annotation.note, format: 'text/plain' });
  }
  for (const tag of annotation.tags) bodies.push(text('tagging', tag));
  for (const evidence of claim?.evidence ?? []) {
    if (/^https?:\/\//i.test(evidence.url)) bodies.push({ type: 'SpecificResource', purpose: 'linking', source: evidence.url });
  }
  return bodies;
}

function selectorsOf(annotation: Annotation, articleText?: string): WebSelector[] {
  const { exact, prefix, suffix } = annotation.target.quote;
  const quote: WebSelector = { type: 'TextQuoteSelector', exact };
  if (prefix) quote.prefix = prefix;
  if (suffix) quote.suffix = suffix;
  const range = codePointRange(annotation, articleText);
  return range ? [quote, { type: 'TextPositionSelector', start: range.start, end: range.end }] : [quote];
}
