// "Uninstalling loses everything": the data lives only in this browser profile's extension storage, so removing the
// extension or the profile deletes it. The reader is reminded, quietly, to keep a backup file somewhere else.

import type { NewsLensDb } from './db';
import { getSettings, saveSettings } from './settings';
import type { IsoTime } from './types';

/** What the reminder needs to know, read with indexes (no scan of the library). */
export interface BackupStatus {
  /** Notes, highlights and claims created or edited since the last backup (or ever, with none), counted up to `COUNTED_CHANGES`. */
  changesSinceBackup: number;
  lastBackupAt?: IsoTime;
  /** The oldest change not in a backup: a reader who annotated once, weeks ago, is also reminded. */
  oldestUnsavedChangeAt?: IsoTime;
  snoozedUntil?: IsoTime;
}

/** Rules of the reminder. 25 changes is about one heavy reading session; 14 days is a fortnight of occasional use. */
export const BACKUP_REMINDER = { changes: 25, days: 14, snoozeDays: 7 } as const;

const DAY_MS = 86_400_000;

/**
 * Changes are counted up to this many: the reminder then says "more than 1,000". Chromium counts an index range by
 * walking it, about a second of database time for 50,000 changes (after an import), on every popup open.
 */
export const COUNTED_CHANGES = 1000;

/**
 * Whether to remind the reader to back up, and what to say. Returns null when nothing needs saving, while snoozed,
 * and while the unsaved changes are both few (< 25) and recent (< 14 days old).
 */
export function backupReminder(status: BackupStatus, now: Date): { message: string } | null {
  if (status.changesSinceBackup === 0) return null;
  if (status.snoozedUntil && Date.parse(status.snoozedUntil) > now.getTime()) return null;
  const count = status.changesSinceBackup;
  const what =
    count === 1 ? '1 note or highlight is' : count >= COUNTED_CHANGES ? `More than ${COUNTED_CHANGES.toLocaleString('en')} notes and highlights are` : `${count} notes and highlights are`;
  const oldest = status.oldestUnsavedChangeAt ? Date.parse(status.oldestUnsavedChangeAt) : now.getTime();
  const stale = now.getTime() - oldest >= BACKUP_REMINDER.days * DAY_MS;
  if (count < BACKUP_REMINDER.changes && !stale) return null;
  const since = status.lastBackupAt ? 'since your last backup' : 'in no backup yet';
  return { message: `${what} ${since}. They live only in this browser: removing NewsLens or this profile deletes them.` };
}

/** Reads the backup status: settings plus a bounded read of keys and one indexed lookup on `annotations.updatedAt`. */
export async function readBackupStatus(db: NewsLensDb): Promise<BackupStatus> {
  const settings = await getSettings(db);
  const since = settings.lastBackupAt ?? '';
  // A Dexie collection is single-use: one per query.
  const changed = () => db.annotations.where('updatedAt').above(since);
  const [unsaved, oldest] = await Promise.all([changed().limit(COUNTED_CHANGES).primaryKeys(), changed().first()]);
  const changesSinceBackup = unsaved.length;
  return {
    changesSinceBackup,
    ...(settings.lastBackupAt ? { lastBackupAt: settings.lastBackupAt } : {}),
    ...(oldest ? { oldestUnsavedChangeAt: oldest.updatedAt } : {}),
    ...(settings.backupReminderSnoozedUntil ? { snoozedUntil: settings.backupReminderSnoozedUntil } : {}),
  };
}

/** Records that a full backup was saved at `now`: changes up to then are safe. */
export async function recordBackup(db: NewsLensDb, now: Date): Promise<void> {
  await saveSettings(db, { lastBackupAt: now.toISOString() });
}

/** "Later": no reminder for a week. */
export async function snoozeBackupReminder(db: NewsLensDb, now: Date): Promise<void> {
  await saveSettings(db, { backupReminderSnoozedUntil: new Date(now.getTime() + BACKUP_REMINDER.snoozeDays * DAY_MS).toISOString() });
}
