// The one validator toolkit for untrusted input: messages from content scripts and imported backups. Each function
// returns the value typed, or throws ValidationError naming the path that is wrong and what was found there, in
// words a reader can act on ("annotations[0].color must be one of yellow, … (found "red")").
import type { DocumentSelector } from '../anchoring/types';
import { AUTHOR_KINDS, type Author } from '../detect/types';
import { LIMITS } from './limits';

export class ValidationError extends Error {
  constructor(readonly path: string, problem: string) {
    super(`${path} ${problem}`);
    this.name = 'ValidationError';
  }
}

export type Obj = Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** ISO 8601 date-time with a zone, as `Date.prototype.toISOString` and our exports write it. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** A short, safe description of a bad value for an error message (never the whole of a long string). */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.length > 40 ? 'a string' : JSON.stringify(value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

function fail(path: string, problem: string): never {
  throw new ValidationError(path, problem);
}

function present(value: unknown, path: string): void {
  if (value === undefined) fail(path, 'is missing');
}

export function object(value: unknown, path: string): Obj {
  present(value, path);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, `must be an object (found ${describeValue(value)})`);
  return value as Obj;
}

export function string(value: unknown, path: string, maxLength: number): string {
  present(value, path);
  if (typeof value !== 'string') fail(path, `must be a string (found ${describeValue(value)})`);
  if (value.length > maxLength) fail(path, `is too long (${value.length} > ${maxLength} characters)`);
  return value;
}

/** Absent (undefined or null) is allowed and gives undefined. */
export function optionalString(value: unknown, path: string, maxLength: number): string | undefined {
  return value === undefined || value === null ? undefined : string(value, path, maxLength);
}

export function nonEmptyString(value: unknown, path: string, maxLength: number): string {
  const text = string(value, path, maxLength);
  if (!text.trim()) fail(path, 'must not be empty');
  return text;
}

export function integer(value: unknown, path: string, min: number, max: number): number {
  present(value, path);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(path, `must be a whole number from ${min} to ${max} (found ${describeValue(value)})`);
  }
  return value;
}

export function number(value: unknown, path: string, min: number, max: number): number {
  present(value, path);
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    fail(path, `must be a number from ${min} to ${max} (found ${describeValue(value)})`);
  }
  return value;
}

export function boolean(value: unknown, path: string): boolean {
  present(value, path);
  if (typeof value !== 'boolean') fail(path, `must be true or false (found ${describeValue(value)})`);
  return value;
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
  const text = string(value, path, LIMITS.token);
  if (!(allowed as readonly string[]).includes(text)) fail(path, `must be one of ${allowed.join(', ')} (found ${describeValue(text)})`);
  return text as T;
}

export function array<T>(value: unknown, path: string, item: (v: unknown, p: string) => T, maxItems: number): T[] {
  present(value, path);
  if (!Array.isArray(value)) fail(path, `must be a list (found ${describeValue(value)})`);
  if (value.length > maxItems) fail(path, `has too many items (${value.length} > ${maxItems})`);
  return value.map((v, i) => item(v, `${path}[${i}]`));
}

/** Only http(s) URLs may ever become links in our UI or exports. Returns the URL as given (no re-serialising). */
export function httpUrl(value: unknown, path: string): string {
  const text = string(value, path, LIMITS.url);
  if (!/^https?:\/\/\S+$/i.test(text)) fail(path, `must be an http(s) URL (found ${describeValue(text)})`);
  try {
    new URL(text);
  } catch {
    fail(path, `is not a valid URL (found ${describeValue(text)})`);
  }
  return text;
}

export function isoTime(value: unknown, path: string): string {
  const text = string(value, path, LIMITS.token);
  if (!ISO_TIME.test(text) || Number.isNaN(Date.parse(text))) fail(path, `must be an ISO date-time like 2025-03-06T09:00:00.000Z (found ${describeValue(text)})`);
  return text;
}

export function uuid(value: unknown, path: string): string {
  const text = string(value, path, LIMITS.token);
  if (!UUID.test(text)) fail(path, `must be a UUID (found ${describeValue(text)})`);
  return text;
}

/** An `Author { name, kind }` record (see detect/types.ts); names are at most LIMITS.author characters. */
export function author(value: unknown, path: string): Author {
  const a = object(value, path);
  const name = nonEmptyString(a.name, `${path}.name`, LIMITS.author);
  return { name, kind: oneOf(a.kind, AUTHOR_KINDS, `${path}.kind`) };
}

/**
 * The optional selector pair relative to the whole document's text content (`document.body.textContent`: every text
 * node, no separators added), as a W3C consumer such as Apache Annotator reads the page. Positions count Unicode code
 * points, as the Web Annotation model defines them; `end` may not precede `start`.
 */
export function documentSelector(value: unknown, path: string): DocumentSelector {
  const d = object(value, path);
  const quote = object(d.quote, `${path}.quote`);
  const position = object(d.position, `${path}.position`);
  oneOf(quote.type, ['TextQuoteSelector'], `${path}.quote.type`);
  oneOf(position.type, ['TextPositionSelector'], `${path}.position.type`);
  const start = integer(position.start, `${path}.position.start`, 0, LIMITS.position);
  const end = integer(position.end, `${path}.position.end`, start, LIMITS.position);
  const exact = string(quote.exact, `${path}.quote.exact`, LIMITS.quote);
  if (!exact) fail(`${path}.quote.exact`, 'must not be empty');
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact,
      prefix: string(quote.prefix, `${path}.quote.prefix`, LIMITS.context),
      suffix: string(quote.suffix, `${path}.quote.suffix`, LIMITS.context),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}
