// Import and export of a large library, timed in Node on fake-indexeddb (npm run perf:transfer; SIZES=10000,50000 by
// default). For each step: total time and the longest stretch between two turns of the event loop, in CPU time (what
// would be the longest task in the popup). Work the popup hands to a worker is timed on its own and marked "(worker)": the import's
// parse, checks and writes (backup-import-worker.ts) and the Markdown references (reference-worker.ts). Real-browser figures
// come from `npm run bench`; these are for comparing changes on one machine.
import { expect, it } from 'vitest';
import { bundleForEverything } from '../../components/popup/export-scope';
import { parseBackupInSlices, toBackupJsonInSlices, type ParseResult } from '../../export/backup';
import { toCslJson } from '../../export/citation';
import { toCsvInSlices } from '../../export/csv';
import { toMarkdownInSlices, type ReferenceFormatter } from '../../export/markdown';
import { ReferenceEngine } from '../../export/reference-engine';
import { importBackup } from '../../storage/backup-import';
import { NewsLensDb } from '../../storage/db';
import { generateCorpus } from '../fixtures/popup-data';

/**
 * Runs `work`, timing it in all (wall clock) and the longest stretch between two turns of the event loop (setImmediate
 * ticks) in CPU time of this process: on a shared machine the wall-clock gaps also count the time the process was not
 * running at all, which no task of ours causes.
 */
async function measure<T>(work: () => Promise<T>): Promise<{ result: T; total: number; longest: number }> {
  const cpuMs = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  let last = cpuMs();
  let longest = 0;
  let running = true;
  const tick = () => {
    const now = cpuMs();
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

const SIZES = (process.env.SIZES ?? '10000,50000').split(',').map(Number);
const NOW = new Date('2025-04-01T12:00:00.000Z');

for (const size of SIZES) {
  it(`import and export at ${size} notes`, async () => {
    const corpus = generateCorpus(size);
    const library = new NewsLensDb(`perf-library-${size}`);
    await library.articles.bulkAdd(corpus.articles);
    await library.annotations.bulkAdd(corpus.annotations);
    const rows: string[] = [];
    const report = (step: string, m: { total: number; longest: number }) =>
      rows.push(`${size}\t${step.padEnd(46)}\ttotal ${(m.total / 1000).toFixed(2)} s\tlongest ${m.longest.toFixed(0)} ms CPU`);

    const backup = await measure(async () => toBackupJsonInSlices(await bundleForEverything(library, NOW)));
    report('backup export', backup);
    const csv = await measure(async () => toCsvInSlices(await bundleForEverything(library, NOW)));
    report('csv export', csv);

    // The reference worker's share: building the APA engine, then one reference per article.
    const build = await measure(async () => new ReferenceEngine('apa'));
    report('APA engine build (worker)', build);
    const engine = build.result;
    const references = new Map<string, string>();
    const format = await measure(async () => {
      // As the worker gets them: a page of 50 articles per message.
      for (let start = 0; start < corpus.articles.length; start += 50) {
        const page = corpus.articles.slice(start, start + 50);
        engine.formatAll(page.map((article) => toCslJson(article))).forEach((reference, i) => references.set(page[i]!.id, reference));
      }
    });
    report(`${corpus.articles.length} references (worker)`, format);
    // The popup's share: the worker's answers arrive as messages (here: already made), the popup writes the Markdown.
    const fromWorker: ReferenceFormatter = async (items) => {
      await new Promise((resolve) => setImmediate(resolve));
      return items.map((item) => references.get(item.id) ?? '');
    };
    const markdown = await measure(async () => toMarkdownInSlices(await bundleForEverything(library, NOW), { citationStyle: 'apa', references: fromWorker }));
    report('markdown export (popup, references in worker)', markdown);
    const markdownHere = await measure(async () => toMarkdownInSlices(await bundleForEverything(library, NOW), { citationStyle: 'apa' }));
    report('markdown export (references on this thread)', markdownHere);

    const file = new File([backup.result], 'backup.json', { type: 'application/json' });
    const parse = await measure(async () => JSON.parse(await file.text()) as unknown);
    report(`JSON.parse alone, ${(file.size / 1e6).toFixed(1)} MB (worker)`, parse);
    const checked = await measure(async () => parseBackupInSlices(await file.text()));
    report('parse and check the file (worker)', checked);
    const parsed = checked.result as Extract<ParseResult, { ok: true }>;
    expect(parsed.ok).toBe(true);
    const target = new NewsLensDb(`perf-target-${size}`);
    const merged = await measure(() => importBackup(target, parsed));
    report('import: merge and write (worker)', merged);
    expect(merged.result.annotations.added).toBe(size);
    expect(await target.annotations.count()).toBe(size);
    expect(await (await markdown.result.text()).length).toBe(await (await markdownHere.result.text()).length);

    console.log(rows.join('\n'));
    await library.delete();
    await target.delete();
  });
}
