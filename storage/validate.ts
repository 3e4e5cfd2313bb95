// Small structural validators for untrusted input (messages from content scripts, imported files).
// Each returns the value typed, or throws ValidationError naming the path that is wrong.
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

/** An author record `{ name, kind }` (see detect/types.ts Author); extra fields are dropped. */
export function author(value: unknown, path: string, maxName = 300): Author {
  const record = object(value, path);
  return { name: string(record.name, `${path}.name`, maxName), kind: oneOf(record.kind, AUTHOR_KINDS, `${path}.kind`) };
}
