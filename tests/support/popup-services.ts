import { vi } from 'vitest';
import type { PopupServices, TabBridge } from '../../components/popup/services';
import type { TabStatus } from '../../storage/api';
import { NewsLensDb } from '../../storage/db';
import type { StorageDeps } from '../../storage/deps';
import type { DownloadFile } from '../../components/shared/download';
import { importBackupText } from '../../components/popup/backup-import-run';
import { referenceEngine } from '../../export/reference-engine';
import { LibrarySearch } from '../../storage/library-search';

export const FIXED_NOW = new Date('2025-04-01T12:00:00.000Z');

export function testDeps(): StorageDeps {
  return { now: () => FIXED_NOW, uuid: () => crypto.randomUUID() };
}

export function emptyStatus(patch: Partial<TabStatus> = {}): TabStatus {
  return { articleId: null, isArticle: true, entities: [], claims: [], orphans: 0, textChanged: false, ...patch };
}

export function fakeServices(overrides: { tabs?: Partial<TabBridge>; granted?: string[] } = {}) {
  const db = new NewsLensDb(`popup-${crypto.randomUUID()}`);
  let granted = [...(overrides.granted ?? [])];
  const tabs: TabBridge = {
    findTarget: vi.fn(async () => ({ id: 7, url: 'https://news.example.com/story', title: 'Story' })),
    getStatus: vi.fn(async () => emptyStatus()),
    scrollTo: vi.fn(async () => {}),
    annotateAnyway: vi.fn(async () => {}),
    injectContentScript: vi.fn(async () => {}),
    ...overrides.tabs,
  };
  const copied: string[] = [];
  const downloads: DownloadFile[] = [];
  const services: PopupServices = {
    db,
    deps: testDeps(),
    tabs,
    permissions: {
      list: vi.fn(async () => granted),
      request: vi.fn(async (origin: string) => {
        granted.push(origin);
        return true;
      }),
      remove: vi.fn(async (origin: string) => {
        granted = granted.filter((o) => o !== origin);
        return true;
      }),
    },
    storage: { persist: vi.fn(async () => true), persisted: vi.fn(async () => true) },
    download: (file) => downloads.push(file),
    // What the worker runs, on this thread and with this database: happy-dom has no module workers.
    importBackupFile: async (file, options) => importBackupText(db, await file.text(), options),
    formatReferences: async (items, style) => referenceEngine(style).formatAll(items),
    // The same index as the worker holds, on this thread.
    openLibrarySearch: () => {
      const listeners = new Set<() => void>();
      const search = new LibrarySearch(db, () => listeners.forEach((listener) => listener()));
      return {
        query: (request) => search.query(request),
        matchingIds: (query, filters) => search.matchingIds(query, filters),
        onChange: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
        close: () => search.close(),
      };
    },
    copyText: async (text) => {
      copied.push(text);
    },
  };
  return { services, db, tabs, downloads, copied };
}
