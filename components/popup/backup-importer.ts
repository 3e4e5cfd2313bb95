// Imports a backup file in a dedicated worker (backup-import-worker.ts): the worker reads, checks and writes it with
// its own database connection, and the popup only shows its progress, so a 50,000-note import never blocks the popup.
import { ImportConflictError } from '../../storage/backup-import';
import type { FileImportOptions, FileImportResult } from './backup-import-run';
import type { FromImporter, ToImporter } from './backup-import-protocol';

/**
 * Checks `file` and merges it into the extension's database, in a worker; resolves when the import is committed (or
 * the file was rejected, `ok: false`). Rejects with an AbortError once a cancelled import is rolled back (an import
 * that committed before the cancel arrived resolves as usual), with ImportConflictError, with a DOMException named
 * QuotaExceededError when the disk is full, or an Error when the worker fails. Nothing of the file is kept unless
 * the promise resolves with `ok: true`.
 */
export function importBackupInWorker(file: File, options: FileImportOptions = {}): Promise<FileImportResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./backup-import-worker.ts', import.meta.url), { type: 'module' });
    const send = (message: ToImporter) => worker.postMessage(message);
    const finish = () => {
      worker.terminate();
      options.signal?.removeEventListener('abort', cancel);
    };
    // The worker rolls back and answers `cancelled`; until then the reader sees the last progress.
    const cancel = () => send({ type: 'cancel' });
    worker.onmessage = (event: MessageEvent<FromImporter>) => {
      const message = event.data;
      switch (message.type) {
        case 'progress':
          options.onProgress?.({ step: message.step, done: message.done, total: message.total });
          return;
        case 'imported':
          finish();
          resolve({ ok: true, counts: message.counts });
          return;
        case 'rejected':
          finish();
          resolve({ ok: false, error: message.error });
          return;
        case 'cancelled':
          finish();
          reject(new DOMException('The import was cancelled; nothing was changed.', 'AbortError'));
          return;
        case 'conflict':
          finish();
          reject(new ImportConflictError(message.message));
          return;
        case 'quota':
          finish();
          reject(new DOMException(message.message, 'QuotaExceededError'));
          return;
        case 'failed':
          finish();
          reject(new Error(`Importing the backup failed: ${message.message}`));
      }
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(`Importing the backup failed: ${event.message || 'the worker could not start'}`));
    };
    send({ type: 'start', file });
    if (options.signal?.aborted) cancel();
    else options.signal?.addEventListener('abort', cancel);
  });
}
