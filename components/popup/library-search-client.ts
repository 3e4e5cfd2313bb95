// The popup's side of library-search-worker.ts.
import type { LibraryPage, LibraryQuery } from '../../storage/library-search';
import type { SearchFilters } from '../../storage/search';
import type { FromLibrarySearch, ToLibrarySearch } from './library-search-protocol';
import type { LibrarySearchService } from './services';

/** Starts a search worker for one "All notes" list; `close` stops it. Requests reject with an Error when it fails. */
export function openLibrarySearchWorker(): LibrarySearchService {
  const worker = new Worker(new URL('./library-search-worker.ts', import.meta.url), { type: 'module' });
  const waiting = new Map<number, { resolve: (reply: FromLibrarySearch) => void; reject: (error: Error) => void }>();
  const listeners = new Set<() => void>();
  let nextId = 0;
  let broken: Error | undefined;

  worker.onmessage = (event: MessageEvent<FromLibrarySearch>) => {
    const reply = event.data;
    if ('changed' in reply) {
      for (const listener of listeners) listener();
      return;
    }
    const request = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (reply.ok) request?.resolve(reply);
    else request?.reject(new Error(`Searching your notes failed: ${reply.message}`));
  };
  worker.onerror = (event) => {
    // A worker that cannot start or crashed answers nothing more: fail what waits and what comes.
    broken = new Error(`Searching your notes failed: ${event.message || 'the search worker stopped'}`);
    for (const request of waiting.values()) request.reject(broken);
    waiting.clear();
  };

  type Request = ToLibrarySearch extends infer T ? (T extends ToLibrarySearch ? Omit<T, 'id'> : never) : never;
  const ask = (message: Request): Promise<FromLibrarySearch> =>
    new Promise((resolve, reject) => {
      if (broken) return reject(broken);
      const id = ++nextId;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ ...message, id } as ToLibrarySearch);
    });

  return {
    query: async (request: LibraryQuery) => ((await ask({ type: 'query', request })) as { page: LibraryPage }).page,
    matchingIds: async (query: string, filters: SearchFilters) => ((await ask({ type: 'ids', query, filters })) as { ids: string[] }).ids,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      worker.terminate();
      listeners.clear();
      for (const request of waiting.values()) request.reject(new DOMException('The list was closed.', 'AbortError'));
      waiting.clear();
    },
  };
}
