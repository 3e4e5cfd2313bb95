import { describe, expect, it } from 'vitest';
import { createAnnotation } from '../../../storage/annotations';
import { recordVisit } from '../../../storage/articles';
import { BACKUP_REMINDER, backupReminder, COUNTED_CHANGES, readBackupStatus, recordBackup, snoozeBackupReminder } from '../../../storage/backup-status';
import { fixedDeps, freshDb, target, visit } from '../../support/storage';
import { makeAnnotation, makeArticle } from '../../fixtures/popup-data';

const NOW = new Date('2025-03-20T12:00:00Z');
const DAY = 86_400_000;

describe('backup reminder rule', () => {
  it('stays quiet with nothing unsaved, few recent changes, or while snoozed', () => {
    expect(backupReminder({ changesSinceBackup: 0 }, NOW)).toBeNull();
    expect(backupReminder({ changesSinceBackup: 3, oldestUnsavedChangeAt: new Date(NOW.getTime() - DAY).toISOString() }, NOW)).toBeNull();
    const snoozedUntil = new Date(NOW.getTime() + DAY).toISOString();
    expect(backupReminder({ changesSinceBackup: 500, snoozedUntil }, NOW)).toBeNull();
  });

  it('reminds after many changes, or after old unsaved ones, and says why it matters', () => {
    const many = backupReminder({ changesSinceBackup: BACKUP_REMINDER.changes }, NOW);
    expect(many?.message).toMatch(/^25 notes and highlights are in no backup yet\. .*removing NewsLens/);
    const old = new Date(NOW.getTime() - BACKUP_REMINDER.days * DAY).toISOString();
    const stale = backupReminder({ changesSinceBackup: 1, lastBackupAt: old, oldestUnsavedChangeAt: old }, NOW);
    expect(stale?.message).toMatch(/^1 note or highlight is since your last backup/);
    expect(backupReminder({ changesSinceBackup: COUNTED_CHANGES }, NOW)?.message).toMatch(/^More than 1,000 notes and highlights are in no backup yet/);
  });
});

describe('backup status in storage', () => {
  it('counts changes since the last recorded backup, and a snooze silences it for a week', async () => {
    const db = freshDb();
    const deps = fixedDeps();
    const { article } = await recordVisit(db, visit(), deps);
    for (let i = 0; i < 3; i++) await createAnnotation(db, article.id, { kind: 'highlight', target: target(`quote ${i}`, i * 20) }, deps);
    let status = await readBackupStatus(db);
    expect(status.changesSinceBackup).toBe(3);
    expect(status.lastBackupAt).toBeUndefined();

    deps.tick();
    await recordBackup(db, deps.now());
    deps.tick();
    await createAnnotation(db, article.id, { kind: 'note', target: target('later', 200) }, deps);
    status = await readBackupStatus(db);
    expect(status.changesSinceBackup).toBe(1);
    expect(status.lastBackupAt).toBeDefined();

    const later = new Date(deps.now().getTime() + 30 * DAY);
    expect(backupReminder(status, later)).not.toBeNull();
    await snoozeBackupReminder(db, later);
    expect(backupReminder(await readBackupStatus(db), later)).toBeNull();
    expect(backupReminder(await readBackupStatus(db), new Date(later.getTime() + 8 * DAY))).not.toBeNull();
  });

  it('counts unsaved changes up to COUNTED_CHANGES, reading no more keys than that', async () => {
    const db = freshDb();
    const article = makeArticle();
    await db.articles.add(article);
    await db.annotations.bulkAdd(Array.from({ length: COUNTED_CHANGES + 50 }, () => makeAnnotation(article)));
    expect((await readBackupStatus(db)).changesSinceBackup).toBe(COUNTED_CHANGES);
  });
});
