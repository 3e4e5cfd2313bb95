// Import and export of a large library in real Chromium with the e2e build (npx wxt build --mode e2e first; EXT_DIR
// points at another build to compare, SIZE sets the number of notes, FORMATS the exports). Times each step from the
// reader's action to its result and collects the popup's long tasks (PerformanceObserver 'longtask', over 50 ms).
// Ad hoc: `npm run bench` (tests/bench/, scripts/bench.ts) is the project's benchmark; this one isolates the
// transfer steps. Run: npx vitest run --config vitest.perf.config.ts tests/perf/chromium-transfer.perf.ts
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { toBackupJson } from '../../export/backup';
import { launchChromium } from '../e2e/chromium-driver';
import { generateCorpus } from '../fixtures/popup-data';

const SIZE = Number(process.env.SIZE ?? 50_000);
const FORMATS = (process.env.FORMATS ?? 'markdown,csv,backup').split(',').filter(Boolean);

interface LongTasks {
  max: number;
  over100: number;
  count: number;
}

it(`imports and exports ${SIZE} notes in Chromium`, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newslens-transfer-'));
  const path = join(dir, 'backup.json');
  writeFileSync(path, toBackupJson({ ...generateCorpus(SIZE), exportedAt: '2025-04-01T12:00:00.000Z' }));
  const browser = await launchChromium(process.env.EXT_DIR ? { extensionDir: process.env.EXT_DIR } : {});
  try {
    const popup = (await browser.openExtensionPage('popup.html')) as unknown as Page;
    await popup.getByRole('tab', { name: 'All notes' }).click();
    await popup.evaluate(() => {
      const tasks: number[] = [];
      Object.assign(window, { longTasks: tasks });
      new PerformanceObserver((list) => tasks.push(...list.getEntries().map((entry) => entry.duration))).observe({ type: 'longtask', buffered: true });
    });
    const takeLongTasks = async (): Promise<LongTasks> => {
      const all = await popup.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.splice(0));
      return { max: Math.round(Math.max(0, ...all)), over100: all.filter((d) => d > 100).length, count: all.length };
    };
    const rows: string[] = [];
    await takeLongTasks();
    let start = Date.now();
    await popup.getByLabel('Import a NewsLens JSON backup').setInputFiles(path);
    await popup.getByText(/^Imported\./).waitFor({ timeout: 600_000 });
    rows.push(`${SIZE}\timport\t${((Date.now() - start) / 1000).toFixed(1)} s\t${JSON.stringify(await takeLongTasks())}`);
    // The list of 50,000 notes settles after the import (not part of the import).
    await popup.waitForTimeout(5000);
    await takeLongTasks();
    for (const format of FORMATS) {
      await popup.getByLabel('What').selectOption('all');
      await popup.getByLabel('Format').selectOption(format);
      await takeLongTasks();
      start = Date.now();
      const [download] = await Promise.all([
        popup.waitForEvent('download', { timeout: 600_000 }),
        popup.getByRole('button', { name: 'Export' }).click(),
      ]);
      rows.push(`${SIZE}\t${format} export\t${((Date.now() - start) / 1000).toFixed(1)} s\t${JSON.stringify(await takeLongTasks())}`);
      expect(download.suggestedFilename()).toMatch(/^newslens-/);
    }
    console.log(rows.join('\n'));
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}, 1_200_000);
