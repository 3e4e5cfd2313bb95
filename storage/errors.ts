export type StorageErrorCode = 'quota' | 'not_found' | 'invalid' | 'forbidden' | 'conflict' | 'unknown';

export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

const QUOTA_MESSAGE =
  'Your browser refused to store more data (storage quota exceeded). Nothing was saved. Free some disk space or export and delete old notes, then try again.';

/** Dexie wraps IndexedDB errors (sometimes twice); a quota error must reach the reader as such, not as "something failed". */
export function isQuotaError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const { name, message } = current as { name?: string; message?: string };
    if (name === 'QuotaExceededError' || /quota/i.test(message ?? '')) return true;
    current = (current as { inner?: unknown; cause?: unknown }).inner ?? (current as { cause?: unknown }).cause;
  }
  return false;
}

export function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  if (isQuotaError(error)) return new StorageError('quota', QUOTA_MESSAGE);
  const message = error instanceof Error ? error.message : String(error);
  return new StorageError('unknown', `Could not save: ${message}`);
}
