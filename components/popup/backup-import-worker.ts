// Imports a backup file off the popup's main thread: reads it, checks it and merges it into the database through its
// own connection (backup-import-run.ts), posting progress. JSON.parse of a 50,000-note backup (50 million characters)
// is one step of about 0.2-0.45 s (tests/perf/transfer.perf.ts) and the writes take seconds of IndexedDB requests;
// here they block nothing the reader sees. Dexie tells the other extension pages about the commit itself (its
// storagemutated event goes out on a BroadcastChannel), so an open "All notes" list updates as after any other write.
// Started by backup-importer.ts; protocol in backup-import-protocol.ts.
import { ImportConflictError } from '../../storage/backup-import';
import { NewsLensDb } from '../../storage/db';
import { isQuotaError } from '../../storage/errors';
import { importBackupText } from './backup-import-run';
import type { FromImporter, ToImporter } from './backup-import-protocol';

const scope = self as unknown as { onmessage: ((event: MessageEvent<ToImporter>) => void) | null; postMessage(message: FromImporter): void };
const controller = new AbortController();

scope.onmessage = async (event) => {
  if (event.data.type === 'cancel') {
    controller.abort();
    return;
  }
  const db = new NewsLensDb();
  try {
    const result = await importBackupText(
      db,
      await event.data.file.text(),
      { signal: controller.signal, onProgress: (progress) => scope.postMessage({ type: 'progress', ...progress }) },
      // Nothing else runs in this worker: slices only pace the progress messages (and let a cancel in), and each
      // yield costs a timer turn.
      100,
    );
    scope.postMessage(result.ok ? { type: 'imported', counts: result.counts } : { type: 'rejected', error: result.error });
  } catch (error) {
    if (controller.signal.aborted) scope.postMessage({ type: 'cancelled' });
    else if (error instanceof ImportConflictError) scope.postMessage({ type: 'conflict', message: error.message });
    else if (isQuotaError(error)) scope.postMessage({ type: 'quota', message: error instanceof Error ? error.message : String(error) });
    else scope.postMessage({ type: 'failed', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  } finally {
    db.close();
  }
};
