// The reader's per-site switch. Kept apart from settings.ts (which reads the database) because the content script
// needs it, and nothing the content script imports may pull Dexie into a page.
import type { DisplayMode, Settings } from './types';

/**
 * The key a site is switched off under: the hostname without a leading `www.` (the same site to a reader, and what the
 * popup shows). Lower-cases, since hostnames are case-insensitive.
 */
export function siteKey(hostname: string): string {
  return hostname.toLowerCase().replace(/^www\./, '');
}

/** Whether automatic detection may run on a page of this hostname. */
export function isSiteEnabled(settings: Settings, hostname: string): boolean {
  return !settings.disabledSites.includes(siteKey(hostname));
}

/** The display mode for a site: its own mode if the reader chose one, else the global one. */
export function displayModeFor(settings: Settings, hostname: string): DisplayMode {
  return settings.siteDisplayModes[siteKey(hostname)] ?? settings.displayMode;
}
