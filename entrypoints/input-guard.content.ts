import { defineContentScript } from 'wxt/utils/define-content-script';
import { ensureInputGuard } from '../page/guarded-ui';

// Registered at document_start for the sites the reader allowed, so its window listeners run before any of the
// page's: see page/input-guard.ts. The main content script mounts the UI later and publishes it in this isolated
// world (page scripts cannot see these globals).
export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_start',
  main: ensureInputGuard,
});
