import { browser } from 'wxt/browser';

const SCRIPT_ID = 'newslens-content';
const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';

/** Host patterns the reader has granted us (optional_host_permissions), in the form registerContentScripts accepts. */
async function grantedWebOrigins(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  return origins.filter((o) => /^(https?|\*):\/\//.test(o));
}

/**
 * Automatic annotation runs only on sites the reader allowed. The content script is registered at run time
 * for exactly those origins, so the manifest needs no host permission up front.
 */
export async function syncContentScriptRegistration(): Promise<void> {
  const matches = await grantedWebOrigins();
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (matches.length === 0) {
    if (registered.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    return;
  }
  const script = { id: SCRIPT_ID, js: [CONTENT_SCRIPT_FILE], matches, runAt: 'document_idle' as const, persistAcrossSessions: true };
  if (registered.length) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
}
