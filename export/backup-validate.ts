// Checks every field of an imported backup before anything reaches the database, and rebuilds each record
// from the known fields only, so a crafted file cannot smuggle extra properties into storage.
// Limits mirror the ones storage/api.ts applies to the same fields when they arrive from a content script.
import type { DocumentSelector } from '../anchoring/types';
import { authorFromName } from '../detect/article-authors';
import { AUTHOR_KINDS, type Author } from '../detect/types';
import { CLAIM_STATUSES, HIGHLIGHT_COLORS } from '../storage/types';
import { describeValue, documentSelector, ValidationError } from '../storage/validate';
import type { AnchorState, Annotation, Article, ClaimReview, Evidence } from '../storage/types';
import { ANCHOR_QUALITIES } from '../anchoring/types';
import { ENTITY_TYPES } from '../detect/types';
// The same limits as messages from the page (storage/limits.ts): what the page can save, a backup can restore.
import { LIMITS } from '../storage/limits';
import { ANNOTATION_KINDS } from '../storage/types';

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}


const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

type Fields = Record<string, unknown>;

function fail(path: string, problem: string): never {
  throw new BackupError(`${path} ${problem}`);
}

export function objectAt(value: unknown, path: string): Fields {
  if (value === undefined) fail(path, 'is missing');
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, `must be an object (found ${describeValue(value)})`);
  return value as Fields;
}

export function listAt(value: unknown, path: string, maxItems: number): unknown[] {
  if (value === undefined) fail(path, 'is missing');
  if (!Array.isArray(value)) fail(path, `must be a list (found ${describeValue(value)})`);
  if (value.length > maxItems) fail(path, `has too many items (${value.length} > ${maxItems})`);
  return value;
}

export function stringAt(value: unknown, path: string, maxLength: number): string {
  if (value === undefined) fail(path, 'is missing');
  if (typeof value !== 'string') fail(path, `must be a string (found ${describeValue(value)})`);
  if (value.length > maxLength) fail(path, `is too long (${value.length} > ${maxLength} characters)`);
  return value;
}

function optionalStringAt(value: unknown, path: string, maxLength: number): string | undefined {
  return value === undefined ? undefined : stringAt(value, path, maxLength);
}

function nonEmptyStringAt(value: unknown, path: string, maxLength: number): string {
  const text = stringAt(value, path, maxLength);
  if (text.length === 0) fail(path, 'is empty');
  return text;
}

function oneOfAt<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  const text = stringAt(value, path, 100);
  if (!(allowed as readonly string[]).includes(text)) fail(path, `must be one of ${allowed.join(', ')} (found ${describeValue(text)})`);
  return text as T;
}

function booleanAt(value: unknown, path: string): boolean {
  if (value === undefined) fail(path, 'is missing');
  if (typeof value !== 'boolean') fail(path, `must be true or false (found ${describeValue(value)})`);
  return value;
}

export function integerAt(value: unknown, path: string, min: number, max: number): number {
  if (value === undefined) fail(path, 'is missing');
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(path, `must be a whole number from ${min} to ${max} (found ${describeValue(value)})`);
  }
  return value;
}

function numberAt(value: unknown, path: string, min: number, max: number): number {
  if (value === undefined) fail(path, 'is missing');
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    fail(path, `must be a number from ${min} to ${max} (found ${describeValue(value)})`);
  }
  return value;
}

export function isoTimeAt(value: unknown, path: string): string {
  const text = stringAt(value, path, 64);
  if (!ISO_TIME.test(text) || Number.isNaN(Date.parse(text))) fail(path, `must be an ISO date-time like 2025-03-06T09:00:00.000Z (found ${describeValue(text)})`);
  return text;
}

function uuidAt(value: unknown, path: string): string {
  const text = stringAt(value, path, 64);
  if (!UUID.test(text)) fail(path, `must be a UUID (found ${describeValue(text)})`);
  return text;
}

/** Only http(s) URLs may become links anywhere in the extension or its exports. */
function httpUrlAt(value: unknown, path: string): string {
  const text = stringAt(value, path, LIMITS.url);
  if (!/^https?:\/\/[^\s]+$/i.test(text)) fail(path, `must be an http(s) URL (found ${describeValue(text)})`);
  try {
    new URL(text);
  } catch {
    fail(path, `is not a valid URL (found ${describeValue(text)})`);
  }
  return text;
}

function syncedAt(fields: Fields, path: string) {
  const deletedAt = fields.deletedAt === null ? null : isoTimeAt(fields.deletedAt, `${path}.deletedAt`);
  return {
    id: uuidAt(fields.id, `${path}.id`),
    createdAt: isoTimeAt(fields.createdAt, `${path}.createdAt`),
    updatedAt: isoTimeAt(fields.updatedAt, `${path}.updatedAt`),
    deletedAt,
  };
}

/** An author record, or a plain name from a backup written before authors were records (converted as the v3 upgrade does). */
export function articleAt(value: unknown, path: string): Article {
  const fields = objectAt(value, path);
  const siteName = stringAt(fields.siteName, `${path}.siteName`, LIMITS.siteName);
  const article: Article = {
    ...syncedAt(fields, path),
    url: httpUrlAt(fields.url, `${path}.url`),
    title: stringAt(fields.title, `${path}.title`, LIMITS.title),
    siteName,
    authors: listAt(fields.authors, `${path}.authors`, LIMITS.authors).map((author, i) =>
      authorAt(author, `${path}.authors[${i}]`, siteName),
    ),
    textHash: stringAt(fields.textHash, `${path}.textHash`, LIMITS.textHash),
    isArticle: booleanAt(fields.isArticle, `${path}.isArticle`),
    lastVisitedAt: isoTimeAt(fields.lastVisitedAt, `${path}.lastVisitedAt`),
  };
  const publishedAt = optionalStringAt(fields.publishedAt, `${path}.publishedAt`, LIMITS.date);
  if (publishedAt !== undefined) article.publishedAt = publishedAt;
  const modifiedAt = optionalStringAt(fields.modifiedAt, `${path}.modifiedAt`, LIMITS.date);
  if (modifiedAt !== undefined) article.modifiedAt = modifiedAt;
  const lang = optionalStringAt(fields.lang, `${path}.lang`, LIMITS.lang);
  if (lang !== undefined) article.lang = lang;
  return article;
}

export function annotationAt(value: unknown, path: string): Annotation {
  const fields = objectAt(value, path);
  const annotation: Annotation = {
    ...syncedAt(fields, path),
    articleId: uuidAt(fields.articleId, `${path}.articleId`),
    kind: oneOfAt(fields.kind, `${path}.kind`, ANNOTATION_KINDS),
    target: targetAt(fields.target, `${path}.target`),
    color: oneOfAt(fields.color, `${path}.color`, HIGHLIGHT_COLORS),
    note: stringAt(fields.note, `${path}.note`, LIMITS.note),
    tags: listAt(fields.tags, `${path}.tags`, LIMITS.tags).map((tag, i) => stringAt(tag, `${path}.tags[${i}]`, LIMITS.tag)),
  };
  if (fields.claim !== undefined) annotation.claim = claimAt(fields.claim, `${path}.claim`);
  if (fields.entityType !== undefined) annotation.entityType = oneOfAt(fields.entityType, `${path}.entityType`, ENTITY_TYPES);
  if (fields.anchor !== undefined) annotation.anchor = anchorAt(fields.anchor, `${path}.anchor`);
  return annotation;
}

/**
 * An `Author { name, kind }` record. Version 1 backups wrote bare name strings; those are read as records whose kind
 * comes from the name's wording (detect/article-authors.ts authorFromName), so old backups still import.
 */
function authorAt(value: unknown, path: string, siteName: string): Author {
  if (typeof value === 'string') {
    const name = nonEmptyStringAt(value, path, LIMITS.author);
    return authorFromName(name.trim(), siteName);
  }
  const fields = objectAt(value, path);
  return { name: nonEmptyStringAt(fields.name, `${path}.name`, LIMITS.author), kind: oneOfAt(fields.kind, `${path}.kind`, AUTHOR_KINDS) };
}

function targetAt(value: unknown, path: string): Annotation['target'] {
  const fields = objectAt(value, path);
  const quote = objectAt(fields.quote, `${path}.quote`);
  const position = objectAt(fields.position, `${path}.position`);
  oneOfAt(quote.type, `${path}.quote.type`, ['TextQuoteSelector']);
  oneOfAt(position.type, `${path}.position.type`, ['TextPositionSelector']);
  const start = integerAt(position.start, `${path}.position.start`, 0, LIMITS.position);
  const end = integerAt(position.end, `${path}.position.end`, start, LIMITS.position);
  return {
    source: httpUrlAt(fields.source, `${path}.source`),
    quote: {
      type: 'TextQuoteSelector',
      exact: nonEmptyStringAt(quote.exact, `${path}.quote.exact`, LIMITS.quote),
      prefix: stringAt(quote.prefix, `${path}.quote.prefix`, LIMITS.context),
      suffix: stringAt(quote.suffix, `${path}.quote.suffix`, LIMITS.context),
    },
    position: { type: 'TextPositionSelector', start, end },
    ...(fields.document !== undefined ? { document: documentSelectorAt(fields.document, `${path}.document`) } : {}),
  };
}

/** Reuses the storage validator for the selector pair and reports its problem in this file's words. */
function documentSelectorAt(value: unknown, path: string): DocumentSelector {
  try {
    return documentSelector(value, path);
  } catch (error) {
    if (error instanceof ValidationError) throw new BackupError(error.message);
    throw error;
  }
}

function claimAt(value: unknown, path: string): ClaimReview {
  const fields = objectAt(value, path);
  const claim: ClaimReview = {
    status: oneOfAt(fields.status, `${path}.status`, CLAIM_STATUSES),
    verdict: stringAt(fields.verdict, `${path}.verdict`, LIMITS.verdict),
    evidence: listAt(fields.evidence, `${path}.evidence`, LIMITS.evidence).map((item, i) => evidenceAt(item, `${path}.evidence[${i}]`)),
  };
  if (fields.rating !== undefined) claim.rating = integerAt(fields.rating, `${path}.rating`, 1, 5);
  const claimant = optionalStringAt(fields.claimant, `${path}.claimant`, LIMITS.claimant);
  if (claimant !== undefined) claim.claimant = claimant;
  return claim;
}

function evidenceAt(value: unknown, path: string): Evidence {
  const fields = objectAt(value, path);
  return { url: httpUrlAt(fields.url, `${path}.url`), note: stringAt(fields.note, `${path}.note`, LIMITS.evidenceNote) };
}

function anchorAt(value: unknown, path: string): AnchorState {
  const fields = objectAt(value, path);
  return {
    quality: oneOfAt(fields.quality, `${path}.quality`, ANCHOR_QUALITIES),
    confidence: numberAt(fields.confidence, `${path}.confidence`, 0, 1),
    checkedAt: isoTimeAt(fields.checkedAt, `${path}.checkedAt`),
  };
}
