import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { importBackupInWorker } from '../../../../components/popup/backup-importer';
import type { ImportProgress } from '../../../../components/popup/backup-import-run';
import { toBackupJson } from '../../../../export/backup';
import { ImportConflictError } from '../../../../storage/backup-import';
import { NewsLensDb } from '../../../../storage/db';
import { makeAnnotation, makeArticle } from '../../../fixtures/popup-data';

// happy-dom has no module workers: backup-import-worker.ts runs on this thread behind a stand-in Worker, with
// messages delivered on later tasks as between threads. The worker opens the extension's database by its real name.
type Handler = (event: { data: unknown }) => void;
let toWorker: Handler | null = null;
let worker: StandInWorker | null = null;

class StandInWorker {
  onmessage: Handler | null = null;
  onerror: ((event: { message: string }) => void) | null = null;
  terminated = false;
  constructor() {
    worker = this;
  }
  postMessage(data: unknown) {
    setTimeout(() => toWorker?.({ data }), 0);
  }
  terminate() {
    this.terminated = true;
  }
}

beforeEach(async () => {
  vi.stubGlobal('Worker', StandInWorker);
  vi.spyOn(self, 'postMessage').mockImplementation((data: unknown) => {
    setTimeout(() => worker?.onmessage?.({ data }), 0);
  });
  // A fresh module per test, as each import starts a fresh worker.
  vi.resetModules();
  await import('../../../../components/popup/backup-import-worker');
  toWorker = self.onmessage as Handler;
  self.onmessage = null;
});

afterEach(async () => {
  vi.unstubAllGlobals();
  toWorker = null;
  worker = null;
  await new NewsLensDb().delete();
});

const fileOf = (text: string) => new File([text], 'backup.json', { type: 'application/json' });
const backupOf = (articles: ReturnType<typeof makeArticle>[], annotations: ReturnType<typeof makeAnnotation>[]) =>
  fileOf(toBackupJson({ articles, annotations, exportedAt: '2025-04-01T12:00:00.000Z' }));

async function rows() {
  const db = new NewsLensDb();
  const result = { articles: await db.articles.orderBy('id').toArray(), annotations: await db.annotations.orderBy('id').toArray() };
  db.close();
  return result;
}

describe('importBackupInWorker', () => {
  it('checks, then saves in the worker, reports both steps and resolves with the counts once committed', async () => {
    const article = makeArticle();
    const notes = Array.from({ length: 600 }, (_, i) => makeAnnotation(article, { start: i }));
    const seen: ImportProgress[] = [];
    const result = await importBackupInWorker(backupOf([article], notes), { onProgress: (p) => seen.push(p) });
    expect(result).toEqual({ ok: true, counts: { articles: { added: 1, updated: 0, kept: 0 }, annotations: { added: 600, updated: 0, kept: 0 } } });
    expect(seen[0]?.step).toBe('Checking');
    expect(seen.at(-1)).toEqual({ step: 'Saving', done: 601, total: 601 });
    expect(seen.findIndex((p) => p.step === 'Saving')).toBeGreaterThan(seen.findLastIndex((p) => p.step === 'Checking'));
    const stored = await rows();
    expect(stored.articles).toEqual([article]);
    expect(stored.annotations).toHaveLength(600);
    expect(worker?.terminated).toBe(true);
  });

  it('a rejected file resolves with the reason and writes nothing', async () => {
    const result = await importBackupInWorker(fileOf('{"hello": "world"}'));
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).not.toBe('');
    expect(await rows()).toEqual({ articles: [], annotations: [] });
  });

  it('Cancel while saving rejects with an AbortError only after the worker rolled back; nothing is kept', async () => {
    const stored = makeArticle();
    const db = new NewsLensDb();
    await db.articles.add(stored);
    db.close();
    const article = makeArticle();
    const notes = Array.from({ length: 2000 }, (_, i) => makeAnnotation(article, { start: i }));
    const controller = new AbortController();
    const run = importBackupInWorker(backupOf([article], notes), {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.step === 'Saving' && p.done > 500) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(worker?.terminated).toBe(true);
    expect(await rows()).toEqual({ articles: [stored], annotations: [] });
  });

  it('an address clash reaches the popup as an ImportConflictError with the reader-facing message', async () => {
    const moved = makeArticle({ title: 'Moved article' });
    const holder = makeArticle({ title: 'The other article' });
    const db = new NewsLensDb();
    await db.articles.bulkAdd([moved, holder]);
    db.close();
    const run = importBackupInWorker(backupOf([{ ...moved, url: holder.url, updatedAt: '2030-01-01T00:00:00.000Z' }], []));
    await expect(run).rejects.toBeInstanceOf(ImportConflictError);
    await expect(run).rejects.toThrow(/^Nothing was imported: the backup's article “Moved article”/);
    expect((await rows()).articles).toEqual([moved, holder].sort((a, b) => a.id.localeCompare(b.id)));
  });
});
