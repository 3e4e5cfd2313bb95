// Messages between the popup (or side panel) and library-search-worker.ts.
import type { LibraryPage, LibraryQuery } from '../../storage/library-search';
import type { SearchFilters } from '../../storage/search';

export type ToLibrarySearch =
  | { id: number; type: 'query'; request: LibraryQuery }
  | { id: number; type: 'ids'; query: string; filters: SearchFilters };

export type FromLibrarySearch =
  | { id: number; ok: true; page: LibraryPage }
  | { id: number; ok: true; ids: string[] }
  | { id: number; ok: false; message: string }
  /** The index applied a write: what the list shows may have changed. */
  | { id: 0; changed: true };
