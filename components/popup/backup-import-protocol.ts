// Messages between the popup (backup-importer.ts) and backup-import-worker.ts.
import type { ImportCounts } from '../../storage/backup-import';
import type { ImportProgress } from './backup-import-run';

export type ToImporter =
  | { type: 'start'; file: File }
  /** Stop at the next slice or write chunk; the worker answers `cancelled` once the transaction is rolled back. */
  | { type: 'cancel' };

export type FromImporter =
  | ({ type: 'progress' } & ImportProgress)
  /** Committed: every record of the file is merged. */
  | { type: 'imported'; counts: ImportCounts }
  /** The file is not a backup this version can import; `error` says why, for the reader. Nothing was written. */
  | { type: 'rejected'; error: string }
  /** Cancelled before the commit: nothing was written. */
  | { type: 'cancelled' }
  /** An ImportConflictError (storage/backup-import.ts); `message` is for the reader. Nothing was written. */
  | { type: 'conflict'; message: string }
  /** The browser refused to store more (quota). Nothing was written. */
  | { type: 'quota'; message: string }
  /** A bug or a browser failure (the file could not be read, the database could not be opened). Nothing was written. */
  | { type: 'failed'; message: string };
