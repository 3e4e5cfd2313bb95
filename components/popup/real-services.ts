import { getDb } from '../../storage/db';
import { realDeps } from '../../storage/deps';
import { downloadFile } from '../shared/download';
import { importBackupInWorker } from './backup-importer';
import { formatReferencesInWorker } from './reference-client';
import { openLibrarySearchWorker } from './library-search-client';
import { browserPermissions, browserStorage, browserTabs } from './browser-services';
import type { PopupServices } from './services';

export function realServices(): PopupServices {
  return {
    db: getDb(),
    deps: realDeps,
    tabs: browserTabs,
    permissions: browserPermissions,
    storage: browserStorage,
    download: (file) => downloadFile(file),
    importBackupFile: importBackupInWorker,
    formatReferences: formatReferencesInWorker,
    openLibrarySearch: openLibrarySearchWorker,
    copyText: (text) => navigator.clipboard.writeText(text),
  };
}
