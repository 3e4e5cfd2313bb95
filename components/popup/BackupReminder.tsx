import { useState } from 'preact/hooks';
import { getSettings } from '../../storage/settings';
import { backupReminder, readBackupStatus, recordBackup, snoozeBackupReminder } from '../../storage/backup-status';
import { useLiveQuery } from '../shared/use-live-query';
import { buildExportFiles } from './export-formats';
import { bundleForEverything } from './export-scope';
import { useFeedback } from './Feedback';
import { useServices } from './services';

/**
 * A quiet reminder, shown in the popup (and the side panel) only when enough is unsaved: one click saves a full JSON
 * backup (the same file Settings → Import reads back) and records it; "Later" hides it for a week.
 */
export function BackupReminder() {
  const { db, deps, download } = useServices();
  const feedback = useFeedback();
  const [saved, setSaved] = useState<string | null>(null);
  const { value: status } = useLiveQuery(() => readBackupStatus(db), [db]);
  const reminder = status ? backupReminder(status, deps.now()) : null;

  if (saved) {
    return (
      <p class="backup-reminder done" role="status" data-testid="nl-backup-saved">
        Saved {saved}. Keep it somewhere outside this browser.
      </p>
    );
  }
  if (!reminder) return null;

  const backUp = async () => {
    const files = await feedback.run(async () => {
      const now = deps.now();
      const built = await buildExportFiles('backup', await bundleForEverything(db, now), 'all', now, await getSettings(db));
      for (const file of built) download(file);
      await recordBackup(db, now);
      return built;
    });
    if (files?.[0]) setSaved(files[0].fileName);
  };

  return (
    <section class="backup-reminder" aria-label="Backup reminder" data-testid="nl-backup-reminder">
      <p>{reminder.message}</p>
      <div class="backup-actions">
        <button type="button" class="primary" onClick={() => void backUp()} data-testid="nl-backup-now">
          Back up now
        </button>
        <button type="button" onClick={() => void feedback.run(() => snoozeBackupReminder(db, deps.now()))}>
          Later
        </button>
      </div>
    </section>
  );
}
