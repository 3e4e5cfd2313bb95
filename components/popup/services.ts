// Everything the popup needs from the outside world, behind one interface: the entrypoint wires the real
// browser and database, unit tests wire fakes.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { TabStatus } from '../../storage/api';
import type { NewsLensDb } from '../../storage/db';
import type { StorageDeps } from '../../storage/deps';
import type { DownloadFile } from '../shared/download';
import type { FileImportOptions, FileImportResult } from './backup-import-run';
import type { ReferenceFormatter } from '../../export/markdown';
import type { LibraryPage, LibraryQuery } from '../../storage/library-search';
import type { SearchFilters } from '../../storage/search';

export interface TargetTab {
  id: number;
  url: string;
  title: string;
}

export interface TabBridge {
  /** The page the reader means: the active tab, or the last web page they used when the popup itself is open in a tab. */
  findTarget(): Promise<TargetTab | null>;
  /** null when the tab has no NewsLens content script (no permission for the site yet). */
  getStatus(tabId: number): Promise<TabStatus | null>;
  scrollTo(tabId: number, annotationId: string): Promise<void>;
  annotateAnyway(tabId: number): Promise<void>;
  /** Injects the content script once, with the activeTab grant of a toolbar click. */
  injectContentScript(tabId: number): Promise<void>;
}

export interface SitePermissions {
  /** Origins the reader granted, as match patterns ("https://news.example.com/*"). */
  list(): Promise<string[]>;
  request(originPattern: string): Promise<boolean>;
  remove(originPattern: string): Promise<boolean>;
}

export interface PersistentStorage {
  /** Asks once for storage the browser will not evict; returns whether storage is persistent now (null: unknown). */
  persist(): Promise<boolean | null>;
  persisted(): Promise<boolean | null>;
}

/** Opens the side panel (Chrome's side panel, Firefox's sidebar) for the current window. */
export interface SidePanelOpener {
  /** Must run in the click handler itself: browsers open side panels only in response to a user gesture. */
  open(): Promise<void>;
}

/** The "All notes" search index of the whole library (storage/library-search.ts), wherever it runs. */
export interface LibrarySearchService {
  /** The page of results for `request`, once the index is loaded; rejects with an Error when reading fails. */
  query(request: LibraryQuery): Promise<LibraryPage>;
  /** Ids of every note matching `query` and `filters`, shown or not. */
  matchingIds(query: string, filters: SearchFilters): Promise<string[]>;
  /** Calls `listener` after each write the index applied; returns the unsubscribe function. */
  onChange(listener: () => void): () => void;
  close(): void;
}

export interface PopupServices {
  db: NewsLensDb;
  deps: StorageDeps;
  tabs: TabBridge;
  permissions: SitePermissions;
  storage: PersistentStorage;
  download: (file: DownloadFile) => void;
  /**
   * Reads, checks and merges a backup file into `db`, all or nothing (the real one works in a worker with its own
   * database connection, backup-importer.ts). Rejects with an AbortError when `options.signal` is aborted before the
   * commit, and with what storage/backup-import.ts importBackup throws.
   */
  importBackupFile: (file: File, options: FileImportOptions) => Promise<FileImportResult>;
  /** Formats the references of a Markdown export (the real one works in a worker, reference-client.ts). */
  formatReferences: ReferenceFormatter;
  /** Starts the search index for one "All notes" list (the real one loads and searches in a worker). */
  openLibrarySearch: () => LibrarySearchService;
  /** Puts text on the system clipboard; rejects when the browser refuses. */
  copyText: (text: string) => Promise<void>;
  /** Absent where there is no side panel to open (the side panel itself, the options page, tests). */
  sidePanel?: SidePanelOpener;
}

export const ServicesContext = createContext<PopupServices | null>(null);

export function useServices(): PopupServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('PopupServices missing: wrap the UI in <ServicesContext.Provider>.');
  return services;
}
