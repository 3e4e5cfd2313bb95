// The popup's side of reference-worker.ts: up to two workers per popup (one on a single-core machine), started as
// exports need them and kept, so later exports reuse their engines. An export asks for a page of references at a time
// and reads ahead (export/source.ts mapLiveSections), so two pages are formatted at once, one in each worker: a
// Markdown export of 5,000 articles is bound by formatting references (~0.5 ms each, one core), and a second core halves
// that. Each worker builds its own engine the first time it formats a style (~100 ms, off this thread).
import type { ReferenceFormatter } from '../../export/markdown';
import type { FromReferences, ToReferences } from './reference-protocol';

/** Workers at most: the popup's own thread needs a core too, and a third worker would only compete with it. */
const MAX_WORKERS = 2;

interface ReferenceWorker {
  worker: Worker;
  /** Requests sent and not answered yet. */
  pending: number;
}

interface Request {
  resolve: (references: string[]) => void;
  reject: (error: Error) => void;
  by: ReferenceWorker;
}

const workers: ReferenceWorker[] = [];
let nextId = 0;
const waiting = new Map<number, Request>();

/** How many workers this machine gets: two when it reports more than one logical processor. */
export function workerLimit(hardwareConcurrency: number | undefined): number {
  return hardwareConcurrency !== undefined && hardwareConcurrency > 1 ? MAX_WORKERS : 1;
}

function startWorker(): ReferenceWorker {
  const started: ReferenceWorker = { worker: new Worker(new URL('./reference-worker.ts', import.meta.url), { type: 'module' }), pending: 0 };
  started.worker.onmessage = (event: MessageEvent<FromReferences>) => {
    const reply = event.data;
    const request = waiting.get(reply.id);
    waiting.delete(reply.id);
    started.pending--;
    if (reply.ok) request?.resolve(reply.references);
    else request?.reject(new Error(`Formatting references failed: ${reply.message}`));
  };
  started.worker.onerror = (event) => {
    // A worker that cannot start or crashed answers nothing more: fail what waits on it, and start afresh next time.
    for (const [id, request] of waiting) {
      if (request.by !== started) continue;
      request.reject(new Error(`Formatting references failed: ${event.message || 'the worker stopped'}`));
      waiting.delete(id);
    }
    started.worker.terminate();
    const at = workers.indexOf(started);
    if (at >= 0) workers.splice(at, 1);
  };
  workers.push(started);
  return started;
}

/** An idle worker, else a new one while under the limit, else the one with the fewest requests waiting. */
function leastBusyWorker(): ReferenceWorker {
  const idle = workers.find((w) => w.pending === 0);
  if (idle) return idle;
  if (workers.length < workerLimit(navigator.hardwareConcurrency)) return startWorker();
  return workers.reduce((best, w) => (w.pending < best.pending ? w : best));
}

/** Formats references in a worker (see reference-worker.ts); rejects with an Error when the worker fails. */
export const formatReferencesInWorker: ReferenceFormatter = (items, style) =>
  new Promise((resolve, reject) => {
    const id = ++nextId;
    const by = leastBusyWorker();
    by.pending++;
    waiting.set(id, { resolve, reject, by });
    by.worker.postMessage({ id, style, items } satisfies ToReferences);
  });
