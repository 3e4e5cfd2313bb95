// Reads and checks a backup file off the popup's main thread: JSON.parse of a 50,000-note backup (50 million
// characters) is one step of about 0.2-0.45 s (tests/perf/transfer.perf.ts), and the per-record checks add more.
// The checked records go back in chunks, so the popup decodes them a short task at a time. Started by
// backup-parser.ts; protocol in backup-parse-protocol.ts.
import { parseBackupInSlices } from '../../export/backup';
import { PARSED_CHUNK, type FromParser, type ToParser } from './backup-parse-protocol';

const scope = self as unknown as { onmessage: ((event: MessageEvent<ToParser>) => void) | null; postMessage(message: FromParser): void };

scope.onmessage = async (event) => {
  try {
    const parsed = await parseBackupInSlices(await event.data.file.text(), {
      onProgress: ({ done, total }) => scope.postMessage({ type: 'progress', done, total }),
      // Nothing else runs in this worker: slices only pace the progress messages, and each yield costs a timer turn.
      budgetMs: 100,
    });
    if (!parsed.ok) {
      scope.postMessage({ type: 'rejected', error: parsed.error });
      return;
    }
    for (let start = 0; start < parsed.articles.length; start += PARSED_CHUNK) {
      scope.postMessage({ type: 'articles', rows: parsed.articles.slice(start, start + PARSED_CHUNK) });
    }
    for (let start = 0; start < parsed.annotations.length; start += PARSED_CHUNK) {
      scope.postMessage({ type: 'annotations', rows: parsed.annotations.slice(start, start + PARSED_CHUNK) });
    }
    scope.postMessage({ type: 'done', exportedAt: parsed.exportedAt });
  } catch (error) {
    scope.postMessage({ type: 'failed', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
};
