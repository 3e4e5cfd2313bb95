// "All notes" over 10,000 annotations: building and searching the index, loading it from the database, and the first
// page read through indexes before the index is loaded.
// Run: npx tsx tests/bench/search.ts   (uses fake-indexeddb for the database part, so absolute numbers are
// pessimistic compared with Chromium's IndexedDB, but comparable from run to run).
import 'fake-indexeddb/auto';
import { fileURLToPath } from 'node:url';
import { NewsLensDb } from '../../storage/db';
import { loadSearchIndexInPages } from '../../storage/library-search';
import { firstLibraryPage } from '../../storage/library-first-page';
import { buildSearchIndex, searchAnnotations } from '../../storage/search';
import { generateCorpus } from '../fixtures/popup-data';

const ANNOTATIONS = 10_000;
const QUERIES = ['budget', 'zurich cafe', '"housing climate"', 'minister', 'nothing-matches-this'];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function time<T>(fn: () => T): [T, number] {
  const started = performance.now();
  const value = fn();
  return [value, performance.now() - started];
}

export async function run(): Promise<Record<string, number>> {
  const { articles, annotations } = generateCorpus(ANNOTATIONS);

  const builds: number[] = [];
  let index = buildSearchIndex(articles, annotations);
  for (let i = 0; i < 5; i++) [index, builds[i]] = time(() => buildSearchIndex(articles, annotations));

  const searches: number[] = [];
  for (let round = 0; round < 10; round++) {
    for (const query of QUERIES) searches.push(time(() => searchAnnotations(index, query))[1]);
  }
  const filtered = time(() => searchAnnotations(index, 'budget', { tags: ['economy'], kinds: ['claim', 'note'] }))[1];

  const db = new NewsLensDb(`bench-${Date.now()}`);
  await db.articles.bulkAdd(articles);
  await db.annotations.bulkAdd(annotations);
  const loads: number[] = [];
  const firstPages: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    await firstLibraryPage(db, 100);
    firstPages.push(performance.now() - started);
  }
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const loaded = await loadSearchIndexInPages(db, new AbortController().signal);
    searchAnnotations(loaded, 'budget');
    loads.push(performance.now() - started);
  }
  db.close();

  return {
    annotations: ANNOTATIONS,
    buildIndexMs: median(builds),
    searchMedianMs: median(searches),
    searchMaxMs: Math.max(...searches),
    filteredSearchMs: filtered,
    loadIndexFromDatabaseMs: median(loads),
    firstPageFromIndexesMs: median(firstPages),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const results = await run();
  for (const [name, value] of Object.entries(results)) console.log(`${name.padEnd(28)} ${value.toFixed(1)}`);
}
