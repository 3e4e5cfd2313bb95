// `npm run bench`: detector throughput, re-anchoring and search speed (Node), main-thread cost of annotating
// a 10,000-word article in real Chromium (with and without the extension), the longest task, and bundle sizes; then the
// library benchmark (tests/bench/library.ts: import, "All notes", search, exports with 1k / 10k / 50k notes).
// Numbers are printed and written to bench-output/results.json and bench-output/library.json; nothing asserts a time.
//
// `--only library` runs the library benchmark alone (`npm run bench:library`); `--library-sizes 1000,10000` picks sizes.
// `--browser` measures only the page cost (quicker when working on the content script).
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { launchChromium } from '../tests/e2e/chromium-driver';
import { CHROMIUM_PATH, E2E_EXTENSION_DIR, fixtureHtml, startFixtureServer, waitForNewsLens } from '../tests/e2e/harness';
import { heavyPage } from '../tests/e2e/heavy-page';
import { LIBRARY_SIZES, runLibraryBench } from '../tests/bench/library';
import { traceExtensionTasks } from '../tests/support/extension-tasks';
import { hugePageHtml } from '../tests/support/huge-page';

type Results = Record<string, Record<string, number | string>>;

async function nodeBenchmarks(results: Results): Promise<void> {
  for (const name of ['entities', 'claims', 'anchoring', 'search']) {
    try {
      const module = (await import(`../tests/bench/${name}.ts`)) as { run: () => Promise<Record<string, number | string>> };
      results[name] = await module.run();
    } catch (error) {
      results[name] = { error: String(error) };
    }
  }
}

interface PageCost {
  taskMs: number;
  scriptMs: number;
  longestTaskMs: number;
  longTasks: number;
  /** Longest task that ends after the extension's scan started (tasks of the page's own load left out). */
  longestTaskAfterScanMs: number;
  idleToPaintedMs?: number;
  /** Scan start to the finding on the live page: serialising, sending, Readability off the page, mapping back. */
  findArticleMs?: number;
}

const LONG_TASK_OBSERVER = `
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration }); })
    .observe({ type: 'longtask', buffered: true });
`;

async function measurePage(context: import('playwright-core').BrowserContext, url: string, withExtension: boolean): Promise<PageCost> {
  const page = await context.newPage();
  await page.addInitScript(LONG_TASK_OBSERVER);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  if (withExtension) await waitForNewsLens(page);
  else await page.waitForTimeout(1500);
  // Let anything queued after painting finish before reading the counters.
  await page.waitForTimeout(500);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => (metrics.find((m: { name: string }) => m.name === name)?.value ?? 0) * 1000;
  const tasks = await page.evaluate(() => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks);
  // No helper functions inside: tsx would wrap them in a __name() call the page does not have.
  const marks = await page.evaluate(() => ({
    start: performance.getEntriesByName('newslens:scan-start')[0]?.startTime,
    found: performance.getEntriesByName('newslens:found')[0]?.startTime,
    painted: performance.getEntriesByName('newslens:painted')[0]?.startTime,
  }));
  const durations = tasks.map((t) => t.duration);
  const afterScan = marks.start === undefined ? [] : tasks.filter((t) => t.start + t.duration > (marks.start ?? 0)).map((t) => t.duration);
  await page.close();
  return {
    taskMs: round(metric('TaskDuration')),
    scriptMs: round(metric('ScriptDuration')),
    longestTaskMs: round(Math.max(0, ...durations)),
    longTasks: tasks.length,
    longestTaskAfterScanMs: round(Math.max(0, ...afterScan)),
    ...(marks.start !== undefined && marks.painted !== undefined ? { idleToPaintedMs: round(marks.painted - marks.start) } : {}),
    ...(marks.start !== undefined && marks.found !== undefined ? { findArticleMs: round(marks.found - marks.start) } : {}),
  };
}

async function browserBenchmarks(results: Results): Promise<void> {
  const server = await startFixtureServer();
  const url = server.url('/long-article.html');
  const runs = 5;
  const withExt: PageCost[] = [];
  const without: PageCost[] = [];
  const ext = await launchChromium();
  for (let i = 0; i < runs; i++) withExt.push(await measurePage(ext.context, url, true));
  // A page the size of the heaviest saved news page (yahoo-2, over 1 MB of HTML) around the same article.
  const heavyHtml = heavyPage(fixtureHtml('long-article.html'));
  server.override('/heavy-article.html', heavyHtml);
  const heavy: PageCost[] = [];
  for (let i = 0; i < runs; i++) heavy.push(await measurePage(ext.context, server.url('/heavy-article.html'), true));
  // A page of about 100,000 nodes (the article and 6,000 reader comments): which main-thread tasks ran our code, from a
  // DevTools trace (long-task APIs cannot attribute content-script work).
  server.override('/huge-page.html', hugePageHtml());
  const huge: { longestMs: number; totalMs: number; tasks: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const page = await ext.context.newPage();
    const traced = await traceExtensionTasks(ext.context, page as never, async () => {
      await page.goto(server.url('/huge-page.html'));
      await waitForNewsLens(page);
      await page.waitForTimeout(1000);
    });
    huge.push({ longestMs: traced.longestMs, totalMs: traced.totalMs, tasks: traced.tasksMs.length });
    await page.close();
  }
  await ext.close();
  const plain = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic'],
  });
  const plainContext = await plain.newContext();
  for (let i = 0; i < runs; i++) without.push(await measurePage(plainContext, url, false));
  await plain.close();
  await server.close();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  results.browser = {
    page: 'tests/fixtures/pages/long-article.html (10,000 words)',
    runs,
    mainThreadTaskMsWithExtension: median(withExt.map((r) => r.taskMs)),
    mainThreadTaskMsWithout: median(without.map((r) => r.taskMs)),
    mainThreadCostOfExtensionMs: round(median(withExt.map((r) => r.taskMs)) - median(without.map((r) => r.taskMs))),
    idleToPaintedMs: median(withExt.map((r) => r.idleToPaintedMs ?? 0)),
    longestTaskMsWithExtension: median(withExt.map((r) => r.longestTaskMs)),
    longestTaskMsWithExtensionWorstRun: Math.max(...withExt.map((r) => r.longestTaskMs)),
    longestTaskMsWithout: median(without.map((r) => r.longestTaskMs)),
    longTasksWithExtension: median(withExt.map((r) => r.longTasks)),
    longestTaskAfterScanMs: median(withExt.map((r) => r.longestTaskAfterScanMs)),
    findArticleMs: median(withExt.map((r) => r.findArticleMs ?? 0)),
  };
  results.hugePage = {
    page: '100,000-node page (tests/support/huge-page.ts): tasks that ran extension code, from a DevTools trace',
    runs: huge.length,
    longestExtensionTaskMs: median(huge.map((r) => round(r.longestMs))),
    extensionTaskTotalMs: median(huge.map((r) => round(r.totalMs))),
    extensionTasks: median(huge.map((r) => r.tasks)),
  };
  results.heavyPage = {
    page: `long-article.html inside ${round(heavyHtml.length / 1024)} KB of portal furniture (tests/e2e/heavy-page.ts)`,
    runs,
    longestTaskAfterScanMs: median(heavy.map((r) => r.longestTaskAfterScanMs)),
    longestTaskAfterScanMsWorstRun: Math.max(...heavy.map((r) => r.longestTaskAfterScanMs)),
    findArticleMs: median(heavy.map((r) => r.findArticleMs ?? 0)),
    idleToPaintedMs: median(heavy.map((r) => r.idleToPaintedMs ?? 0)),
  };
}

function bundleSizes(results: Results): void {
  const sizes: Record<string, number> = {};
  const walk = (dir: string, prefix = '') => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path, `${prefix}${name}/`);
      else if (/\.(js|css|html)$/.test(name)) sizes[`${prefix}${name}`] = statSync(path).size;
    }
  };
  walk(E2E_EXTENSION_DIR);
  const kb = Object.fromEntries(Object.entries(sizes).map(([k, v]) => [`${k} (KB)`, round(v / 1024)]));
  results.bundle = { ...kb, 'total (KB)': round(Object.values(sizes).reduce((a, b) => a + b, 0) / 1024) };
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
}

const only = argument('--only');
if (only !== undefined && only !== 'library') throw new Error(`--only takes "library" (got ${only})`);
const librarySizes = argument('--library-sizes')?.split(',').map(Number) ?? [...LIBRARY_SIZES];
if (librarySizes.some((n) => !Number.isInteger(n) || n < 500)) throw new Error('--library-sizes takes whole numbers of notes, each at least 500');

if (only !== 'library') {
  const results: Results = {};
  if (!process.argv.includes('--browser')) await nodeBenchmarks(results);
  await browserBenchmarks(results);
  bundleSizes(results);
  mkdirSync('bench-output', { recursive: true });
  writeFileSync('bench-output/results.json', JSON.stringify(results, null, 2));
  for (const [group, values] of Object.entries(results)) {
    console.log(`\n${group}`);
    for (const [key, value] of Object.entries(values)) console.log(`  ${key}: ${value}`);
  }
}
if (only === 'library' || !process.argv.includes('--browser')) {
  console.log('\nlibrary (bench-output/library.json)');
  const library = await runLibraryBench(librarySizes);
  console.log(`\n${library.table}`);
}
