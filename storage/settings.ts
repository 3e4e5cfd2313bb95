import type { NewsLensDb } from './db';
import { DEFAULT_SETTINGS, type Settings } from './types';

export async function getSettings(db: NewsLensDb): Promise<Settings> {
  const row = await db.settings.get('settings');
  // Merge over defaults so a setting added in a later version has a value for readers who saved settings before it existed.
  return { ...DEFAULT_SETTINGS, ...(row?.value ?? {}) };
}

export async function saveSettings(db: NewsLensDb, patch: Partial<Settings>): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const next = { ...(await getSettings(db)), ...patch };
    await db.settings.put({ key: 'settings', value: next });
    return next;
  });
}

export function isSiteEnabled(settings: Settings, hostname: string): boolean {
  return !settings.disabledSites.includes(hostname.replace(/^www\./, ''));
}
