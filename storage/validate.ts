// Small structural validators for untrusted input (messages from content scripts, imported files).
// Each returns the value typed, or throws ValidationError naming the path that is wrong.
import type { DocumentSelector } from '../anchoring/types';
import { AUTHOR_KINDS, type Author } from '../detect/types';

export class ValidationError extends Error {
  constructor(readonly path: string, problem: string) {
    super(`${path} ${problem}`);
    this.name = 'ValidationError';
  }
}

export type Obj = Record<string, unknown>;

export function object(value: unknown, path: string): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ValidationError(path, 'must be an object');
  return value as Obj;
}

export function string(value: unknown, path: string, maxLength = 10_000): string {
  if (typeof value !== 'string') throw new ValidationError(path, 'must be a string');
  if (value.length > maxLength) throw new ValidationError(path, `is too long (${value.length} > ${maxLength} characters)`);
  return value;
}

export function optionalString(value: unknown, path: string, maxLength = 10_000): string | undefined {
  return value === undefined || value === null ? undefined : string(value, path, maxLength);
}

export function integer(value: unknown, path: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ValidationError(path, `must be a whole number from ${min} to ${max}`);
  }
  return value;
}

export function number(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new ValidationError(path, `must be a number from ${min} to ${max}`);
  }
  return value;
}

export function boolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw new ValidationError(path, 'must be true or false');
  return value;
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ValidationError(path, `must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

export function array<T>(value: unknown, path: string, item: (v: unknown, p: string) => T, maxItems = 1000): T[] {
  if (!Array.isArray(value)) throw new ValidationError(path, 'must be a list');
  if (value.length > maxItems) throw new ValidationError(path, `has too many items (${value.length} > ${maxItems})`);
  return value.map((v, i) => item(v, `${path}[${i}]`));
}

/** Only http(s) URLs may ever become links in our UI or exports. */
export function httpUrl(value: unknown, path: string): string {
  const text = string(value, path, 4096).trim();
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw new ValidationError(path, 'is not a valid URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new ValidationError(path, 'must be an http(s) URL');
  return parsed.href;
}

export function isoTime(value: unknown, path: string): string {
  const text = string(value, path, 64);
  if (Number.isNaN(Date.parse(text))) throw new ValidationError(path, 'must be an ISO date-time');
  return text;
}

export function uuid(value: unknown, path: string): string {
  const text = string(value, path, 64);
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text)) throw new ValidationError(path, 'must be a UUID');
  return text;
}

/** An `Author { name, kind }` record (see detect/types.ts); names are at most 300 characters like every byline field. */
export function author(value: unknown, path: string): Author {
  const a = object(value, path);
  const name = string(a.name, `${path}.name`, 300);
  if (!name.trim()) throw new ValidationError(`${path}.name`, 'must not be empty');
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
  const start = integer(position.start, `${path}.position.start`, 0, 100_000_000);
  const end = integer(position.end, `${path}.position.end`, start, 100_000_000);
  const exact = string(quote.exact, `${path}.quote.exact`, 20_000);
  if (!exact) throw new ValidationError(`${path}.quote.exact`, 'must not be empty');
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact,
      prefix: string(quote.prefix, `${path}.quote.prefix`, 2000),
      suffix: string(quote.suffix, `${path}.quote.suffix`, 2000),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}
