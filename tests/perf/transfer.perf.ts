import { expect, it } from 'vitest';
import { bundleForEverything } from '../../components/popup/export-scope';
import { parseBackupInSlices, toBackupJsonInSlices } from '../../export/backup';
import { toCsvInSlices } from '../../export/csv';
import { toMarkdownInSlices } from '../../export/markdown';
import { importBackup } from '../../storage/backup-import';
import { NewsLensDb } from '../../storage/db';
import { generateCorpus } from '../fixtures/popup-data';

async function measure<T>(work: () => Promise<T>) {
  let last = performance.now();
  let longest = 0;
  let running = true;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  const start = performance.now();
  const result = await work();
  const total = performance.now() - start;
  running = false;
  tick();
  return { result, total, longest };
}

const sizes = (process.env.SIZES ?? '10000,50000').split(',').map(Number);
const NOW = new Date('2025-04-01T12:00:00.000Z');

for (const size of sizes) {
  it(`transfer at ${size} notes`, async () => {
    const corpus = generateCorpus(size);
    const seed = new NewsLensDb(`perf-seed-${size}`);
    await seed.articles.bulkAdd(corpus.articles);
    await seed.annotations.bulkAdd(corpus.annotations);
    const rows: string[] = [];
    const report = (name: string, m: { total: number; longest: number }) =>
      rows.push(`${size}\t${name}\ttotal ${(m.total / 1000).toFixed(2)} s\tlongest ${m.longest.toFixed(0)} ms`);

    const backup = await measure(async () => toBackupJsonInSlices(await bundleForEverything(seed, NOW)));
    report('backup export', backup);
    const md = await measure(async () => toMarkdownInSlices(await bundleForEverything(seed, NOW), { citationStyle: 'apa' }));
    report('markdown export', md);
    const csv = await measure(async () => toCsvInSlices(await bundleForEverything(seed, NOW)));
    report('csv export', csv);
    const text = await backup.result.text();
    const parse = await measure(async () => JSON.parse(text));
    report(`JSON.parse alone (${(text.length / 1e6).toFixed(1)} M chars)`, parse);
    const target = new NewsLensDb(`perf-target-${size}`);
    const imported = await measure(async () => {
      const parsed = await parseBackupInSlices(text);
      if (!parsed.ok) throw new Error(parsed.error);
      return importBackup(target, parsed);
    });
    report('import', imported);
    expect(imported.result.annotations.added).toBe(size);
    expect(await target.annotations.count()).toBe(size);
    console.log(rows.join('\n'));
    await seed.delete();
    await target.delete();
  });
}
