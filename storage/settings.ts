import type { NewsLensDb } from './db';
import { DEFAULT_SETTINGS, type DisplayMode, type ReviewerOrganization, type Settings } from './types';
import { siteKey } from './site-key';

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

export const MAX_REVIEWER_NAME = 200;

/**
 * Checks and tidies the reviewer organisation typed in Settings: name at most MAX_REVIEWER_NAME characters, URL empty or
 * an absolute http(s) address (it becomes a link in published ClaimReview markup). Returns the cleaned value or a
 * sentence for the reader saying what to change.
 */
export function checkReviewer(input: ReviewerOrganization): { ok: true; value: ReviewerOrganization } | { ok: false; error: string } {
  const name = input.name.replace(/\s+/g, ' ').trim();
  const url = input.url.trim();
  if (name.length > MAX_REVIEWER_NAME) return { ok: false, error: `The organisation name is too long (at most ${MAX_REVIEWER_NAME} characters).` };
  if (!name && url) return { ok: false, error: 'Type the organisation’s name as well as its web address.' };
  if (!url) return { ok: true, value: { name, url: '' } };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, error: 'The web address must be a full address such as https://factcheck.example.org.' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { ok: false, error: 'The web address must start with https:// or http://.' };
  return { ok: true, value: { name, url: parsed.href } };
}

/** Remembers `mode` for one site (`null` forgets it, so the site follows the global mode again). */
export async function saveSiteDisplayMode(db: NewsLensDb, hostname: string, mode: DisplayMode | null): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const current = await getSettings(db);
    const siteDisplayModes = { ...current.siteDisplayModes };
    if (mode) siteDisplayModes[siteKey(hostname)] = mode;
    else delete siteDisplayModes[siteKey(hostname)];
    return saveSettings(db, { siteDisplayModes });
  });
}
