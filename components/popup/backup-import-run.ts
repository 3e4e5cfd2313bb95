// One backup import from the file's text to the database: check the whole file (export/backup.ts), then merge it
// (storage/backup-import.ts). The popup runs this in a worker (backup-import-worker.ts) with its own database
// connection, so neither the checks nor the 55,000 writes of a large library take the popup's main thread, and the
// checked records are never copied from one thread to another. Tests run the same function on their own thread.
import { parseBackupInSlices } from '../../export/backup';
import type { Progress } from '../../export/slices';
import { importBackup, type ImportCounts } from '../../storage/backup-import';
import type { NewsLensDb } from '../../storage/db';

/** What the import is doing: checking the file (nothing written yet), then saving it. */
export type ImportStep = 'Checking' | 'Saving';

export interface ImportProgress extends Progress {
  step: ImportStep;
}

export interface FileImportOptions {
  /** Cancels before the next slice or write chunk; nothing of the file is kept. */
  signal?: AbortSignal;
  /** Records checked, then records written, so far out of all records of the file. */
  onProgress?: (progress: ImportProgress) => void;
}

/** `ok: false` when the file is not a backup this version can import; `error` says why, for the reader. */
export type FileImportResult = { ok: true; counts: ImportCounts } | { ok: false; error: string };

/**
 * Checks `text` as a NewsLens JSON backup and, if it passes, merges it into `db` in one transaction (importBackup).
 * `checkBudgetMs` is the slice length of the checks (ms between progress reports; export/slices.ts).
 * Throws what importBackup throws: an AbortError when cancelled, ImportConflictError, the browser's QuotaExceededError.
 */
export async function importBackupText(
  db: NewsLensDb,
  text: string,
  options: FileImportOptions = {},
  checkBudgetMs?: number,
): Promise<FileImportResult> {
  const { signal, onProgress } = options;
  const parsed = await parseBackupInSlices(text, {
    ...(signal ? { signal } : {}),
    ...(onProgress ? { onProgress: (p: Progress) => onProgress({ step: 'Checking', ...p }) } : {}),
    ...(checkBudgetMs === undefined ? {} : { budgetMs: checkBudgetMs }),
  });
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const counts = await importBackup(db, parsed, {
    ...(signal ? { signal } : {}),
    ...(onProgress ? { onProgress: (p: Progress) => onProgress({ step: 'Saving', ...p }) } : {}),
  });
  return { ok: true, counts };
}
