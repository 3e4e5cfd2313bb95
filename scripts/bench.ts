// `npm run bench`: detector throughput, re-anchoring and search speed (Node), main-thread cost of annotating
// a 10,000-word article in real Chromium (with and without the extension), the longest task, and bundle sizes.
// Numbers are printed and written to bench-output/results.json; nothing here asserts a time.
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { launchChromium } from '../tests/e2e/chromium-driver';
import { CHROMIUM_PATH, E2E_EXTENSION_DIR, startFixtureServer, waitForNewsLens } from '../tests/e2e/harness';

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
  idleToPaintedMs?: number;
}

const LONG_TASK_OBSERVER = `
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
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
  const tasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  const marks = await page.evaluate(() => {
    const start = performance.getEntriesByName('newslens:scan-start')[0]?.startTime;
    const painted = performance.getEntriesByName('newslens:painted')[0]?.startTime;
    return start !== undefined && painted !== undefined ? painted - start : undefined;
  });
  await page.close();
  return {
    taskMs: round(metric('TaskDuration')),
    scriptMs: round(metric('ScriptDuration')),
    longestTaskMs: round(Math.max(0, ...tasks)),
    longTasks: tasks.length,
    ...(marks !== undefined ? { idleToPaintedMs: round(marks) } : {}),
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

const results: Results = {};
// `--browser` measures only the page cost (quicker when working on the content script).
if (!process.argv.includes('--browser')) await nodeBenchmarks(results);
await browserBenchmarks(results);
bundleSizes(results);
mkdirSync('bench-output', { recursive: true });
writeFileSync('bench-output/results.json', JSON.stringify(results, null, 2));
for (const [group, values] of Object.entries(results)) {
  console.log(`\n${group}`);
  for (const [key, value] of Object.entries(values)) console.log(`  ${key}: ${value}`);
}
