import { browser } from 'wxt/browser';

const SCRIPT_ID = 'newslens-content';
const GUARD_ID = 'newslens-input-guard';
export const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';
/** Runs at document_start, before page scripts, so its listeners come first (page/input-guard.ts). */
const GUARD_SCRIPT_FILE = 'content-scripts/input-guard.js';

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
  const ids = [GUARD_ID, SCRIPT_ID];
  const registered = new Set((await browser.scripting.getRegisteredContentScripts({ ids })).map((script) => script.id));
  if (matches.length === 0) {
    if (registered.size) await browser.scripting.unregisterContentScripts({ ids: [...registered] });
    return;
  }
  const scripts = [
    { id: GUARD_ID, js: [GUARD_SCRIPT_FILE], matches, runAt: 'document_start' as const, persistAcrossSessions: true },
    { id: SCRIPT_ID, js: [CONTENT_SCRIPT_FILE], matches, runAt: 'document_idle' as const, persistAcrossSessions: true },
  ];
  const existing = scripts.filter((script) => registered.has(script.id));
  const missing = scripts.filter((script) => !registered.has(script.id));
  if (existing.length) await browser.scripting.updateContentScripts(existing);
  if (missing.length) await browser.scripting.registerContentScripts(missing);
}
