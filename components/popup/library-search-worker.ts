// Holds the "All notes" search index (storage/library-search.ts) off the popup's main thread: loading a 50,000-note
// library and matching every keystroke against it happen here, and the popup receives only the ids of the notes it
// shows. The worker opens the extension's database itself and hears every write through Dexie's cross-context
// `storagemutated` event. Started by library-search-client.ts, one per open "All notes" list.
import { getDb } from '../../storage/db';
import { LibrarySearch } from '../../storage/library-search';
import type { FromLibrarySearch, ToLibrarySearch } from './library-search-protocol';

const scope = self as unknown as { onmessage: ((event: MessageEvent<ToLibrarySearch>) => void) | null; postMessage(message: FromLibrarySearch): void };

const search = new LibrarySearch(getDb(), () => scope.postMessage({ id: 0, changed: true }));

scope.onmessage = async (event) => {
  const request = event.data;
  try {
    if (request.type === 'query') scope.postMessage({ id: request.id, ok: true, page: await search.query(request.request) });
    else scope.postMessage({ id: request.id, ok: true, ids: await search.matchingIds(request.query, request.filters) });
  } catch (error) {
    scope.postMessage({ id: request.id, ok: false, message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
};
