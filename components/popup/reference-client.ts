// The popup's side of reference-worker.ts: one worker per popup, started on the first export that needs references and
// kept, so later exports reuse its engines.
import type { ReferenceFormatter } from '../../export/markdown';
import type { FromReferences, ToReferences } from './reference-protocol';

let worker: Worker | undefined;
let nextId = 0;
const waiting = new Map<number, { resolve: (references: string[]) => void; reject: (error: Error) => void }>();

function referenceWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL('./reference-worker.ts', import.meta.url), { type: 'module' });
  started.onmessage = (event: MessageEvent<FromReferences>) => {
    const reply = event.data;
    const request = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (reply.ok) request?.resolve(reply.references);
    else request?.reject(new Error(`Formatting references failed: ${reply.message}`));
  };
  started.onerror = (event) => {
    // A worker that cannot start or crashed answers nothing more: fail what waits, and start afresh next time.
    for (const request of waiting.values()) request.reject(new Error(`Formatting references failed: ${event.message || 'the worker stopped'}`));
    waiting.clear();
    started.terminate();
    worker = undefined;
  };
  worker = started;
  return started;
}

/** Formats references in the worker (see reference-worker.ts); rejects with an Error when the worker fails. */
export const formatReferencesInWorker: ReferenceFormatter = (items, style) =>
  new Promise((resolve, reject) => {
    const id = ++nextId;
    waiting.set(id, { resolve, reject });
    referenceWorker().postMessage({ id, style, items } satisfies ToReferences);
  });
