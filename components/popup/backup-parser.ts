// Reads and checks a backup file in a dedicated worker (backup-parse-worker.ts), so the popup stays responsive while a
// large file is parsed; the result is the same ParseResult as export/backup.ts parseBackup.
import type { ParseResult } from '../../export/backup';
import type { Progress } from '../../export/slices';
import type { Annotation, Article } from '../../storage/types';
import type { FromParser, ToParser } from './backup-parse-protocol';

export interface ParseOptions {
  /** Stops the worker; the promise rejects with an AbortError. */
  signal?: AbortSignal;
  /** Records checked so far out of all records in the file. */
  onProgress?: (progress: Progress) => void;
}

/** Parses and validates `file` in a worker. Rejects with an AbortError when cancelled, or an Error when the worker fails. */
export function parseBackupInWorker(file: File, options: ParseOptions = {}): Promise<ParseResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./backup-parse-worker.ts', import.meta.url), { type: 'module' });
    const articles: Article[] = [];
    const annotations: Annotation[] = [];
    const finish = () => {
      worker.terminate();
      options.signal?.removeEventListener('abort', cancel);
    };
    const cancel = () => {
      finish();
      reject(new DOMException('The import was cancelled; nothing was changed.', 'AbortError'));
    };
    if (options.signal?.aborted) return cancel();
    options.signal?.addEventListener('abort', cancel);
    worker.onmessage = (event: MessageEvent<FromParser>) => {
      const message = event.data;
      switch (message.type) {
        case 'progress':
          options.onProgress?.({ done: message.done, total: message.total });
          return;
        case 'articles':
          for (const row of message.rows) articles.push(row);
          return;
        case 'annotations':
          for (const row of message.rows) annotations.push(row);
          return;
        case 'done':
          finish();
          resolve({ ok: true, articles, annotations, exportedAt: message.exportedAt });
          return;
        case 'rejected':
          finish();
          resolve({ ok: false, error: message.error });
          return;
        case 'failed':
          finish();
          reject(new Error(`Reading the backup failed: ${message.message}`));
      }
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(`Reading the backup failed: ${event.message || 'the worker could not start'}`));
    };
    worker.postMessage({ file } satisfies ToParser);
  });
}
