// The library benchmark (issue 18): how the popup copes with a heavy reader's library of 1,000 / 10,000 / 50,000 notes,
// in real Chromium with the built extension (`npx wxt build --mode e2e`). Each size gets a fresh profile; the library is
// imported from a generated JSON backup (tests/support/library-backup.ts) through the popup, as a reader would.
//
// Every figure is read inside the popup page (opened as a tab, as the e2e tests do): times with performance.now(), the
// longest main-thread task with a PerformanceObserver for 'longtask' entries (tasks over 50 ms; 0 means none), memory
// from CDP after a forced garbage collection. The UI is driven through roles and labels only. Nothing asserts a time.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { launchChromium } from '../e2e/chromium-driver';
import { startFixtureServer, waitForNewsLens, type FixtureServer } from '../e2e/harness';
import { buildLibrary, PAGE_NOTES, type Library } from '../support/library-backup';

/** Notes in the libraries measured by default: the sizes of the issue's table. */
export const LIBRARY_SIZES = [1_000, 10_000, 50_000] as const;

const OUTPUT_DIR = 'bench-output';
const PAGE_PATH = '/library-page.html';
/** Fixture articles visited while "All notes" is open: each visit stores a new article (a background write). */
const VISITED_PAGES = ['/seed-article.html', '/wire-story.html'];
/** After the last DOM change of a keystroke, this long without another one means the search has settled. */
const QUIET_MS = 300;
/** How long after the first results further work still counts as "on open" (tag counts, site list, late renders). */
const SETTLE_MS = 1_500;
const PAGE_VISITS = 3;
const OPENS = 3;
/** Longer than any step should take at 50k notes, short enough that a hung step fails the run instead of the machine. */
const STEP_TIMEOUT_MS = 180_000;

/** One library size's figures. Times in ms (performance.now() in the popup), memory in MB (10^6 bytes). */
export interface LibraryFigures {
  notes: number;
  articles: number;
  /** The count "All notes" showed after opening (live notes; tombstones excluded). */
  shownCount: number;
  backupMB: number;
  /** File chosen (the input's change event) → the status says "Imported". */
  importMs: number;
  importLongestTaskMs: number;
  /** Click on the "All notes" tab of a freshly opened popup → the first note is in the list (median of 3 popups). */
  openMs: number;
  /** The same click → the status shows "N found" (median of 3 popups). */
  openCountMs: number;
  /** The same click → the search index is loaded (in its worker; the tag filter lists tags) (median of 3 popups). */
  openIndexMs: number;
  /** Each of the three openings; the first after an import can be much slower (the database settling after the write). */
  openRunsMs: number[];
  /** Longest task from that click until 1.5 s after the first results (median of 3). */
  openLongestTaskMs: number;
  /** JS heap of the popup with "All notes" open, after CDP HeapProfiler.collectGarbage (Runtime.getHeapUsage usedSize; median of 3). */
  openHeapMB: number;
  /** JS heap of the "All notes" search worker (library-search-worker), after GC, the same moment (median of 3). */
  openWorkerHeapMB: number;
  /** Longest task in the popup, "All notes" open, while two new articles are visited in another tab. */
  openWhileVisitLongestTaskMs: number;
  /** The first Markdown export of the popup's life, which also loads the exporters and citation-js's style engine. */
  markdownFirstMs: number;
  markdownFirstLongestTaskMs: number;
  /** Click on "Export" (everything, Markdown) → the status says "Saved"; the second export, exporters loaded. */
  markdownMs: number;
  markdownLongestTaskMs: number;
  csvMs: number;
  csvLongestTaskMs: number;
  /** "Markdown (one file per article, in a .zip)", then W3C Web Annotation, then ClaimReview: click → "Saved". */
  markdownZipMs: number;
  markdownZipLongestTaskMs: number;
  webAnnotationMs: number;
  webAnnotationLongestTaskMs: number;
  claimReviewMs: number;
  claimReviewLongestTaskMs: number;
  /** Per keystroke while typing queries char by char: input event → the last DOM update it caused (or the next frame). */
  keystrokeMinMs: number;
  keystrokeMedianMs: number;
  keystrokeMaxMs: number;
  keystrokes: number;
  /** The page with 500 notes: DOMContentLoaded → the content script's `newslens:painted` mark (median of 3 visits). */
  pageVisitPaintedMs: number;
  /** Notes of that page found exactly again on the last visit (from the database); 500 when all were placed. */
  pagePlaced: number;
}

export interface LibraryBenchResult {
  sizes: LibraryFigures[];
  /** Each figure divided by the same figure at the smallest size (null when that figure is 0). */
  ratios: Record<string, Record<string, number | null>>;
  table: string;
}

// Installed in the popup before its scripts run. Plain source text: tsx would wrap named functions in a __name() helper
// the page does not have.
const POPUP_PROBE = `
(() => {
  const probe = { longTasks: [], keystrokes: [], fileChosenAt: null };
  window.__nlBench = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, end: e.startTime + e.duration, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  probe.longestBetween = (from, to) =>
    probe.longTasks.filter((t) => t.end > from && t.start < to).reduce((max, t) => Math.max(max, t.duration), 0);
  // Resolves with the time a [role=status] element next changes to text matching the pattern. Only changes count: a
  // status still showing the previous run's outcome ("Saved …") must not end the next run's clock.
  probe.waitForStatus = (source) => new Promise((resolve) => {
    const pattern = new RegExp(source);
    const observer = new MutationObserver(() => {
      for (const el of document.querySelectorAll('[role=status]')) {
        const text = (el.textContent || '').trim();
        if (pattern.test(text)) {
          observer.disconnect();
          resolve({ at: performance.now(), text });
          return;
        }
      }
    });
    observer.observe(document, { subtree: true, childList: true, characterData: true });
  });
  // Resolves with the time an element matching the CSS selector is next in the document.
  probe.waitForElement = (selector) => new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector(selector)) return;
      observer.disconnect();
      resolve({ at: performance.now() });
    });
    observer.observe(document, { subtree: true, childList: true });
  });
  document.addEventListener('change', (e) => {
    if (e.target instanceof HTMLInputElement && e.target.type === 'file') probe.fileChosenAt = performance.now();
  }, true);
  document.addEventListener('input', (e) => {
    // Only the search box is typed into while keystrokes are counted; file inputs fire 'input' too.
    if (!(e.target instanceof HTMLInputElement) || e.target.type === 'file') return;
    const stroke = { input: e.timeStamp, lastChange: null, frame: null };
    probe.keystrokes.push(stroke);
    requestAnimationFrame(() => { stroke.frame = performance.now(); });
  }, true);
  new MutationObserver(() => {
    const stroke = probe.keystrokes[probe.keystrokes.length - 1];
    if (stroke) stroke.lastChange = performance.now();
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
})();
`;

interface Probe {
  longTasks: { start: number; end: number; duration: number }[];
  keystrokes: { input: number; lastChange: number | null; frame: number | null }[];
  fileChosenAt: number | null;
}

async function openPopupTab(context: BrowserContext, origin: string): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(POPUP_PROBE);
  await page.goto(`${origin}/popup.html`);
  await page.getByRole('tab', { name: 'All notes' }).waitFor();
  return page;
}

const now = (page: Page) => page.evaluate(() => performance.now());
const longestBetween = (page: Page, from: number, to: number) =>
  page.evaluate(([a, b]) => (window as unknown as { __nlBench: { longestBetween(a: number, b: number): number } }).__nlBench.longestBetween(a!, b!), [from, to]);

/** Starts watching the status lines for a change to `pattern` (before the action, so a fast update is not missed). */
async function watchStatus(page: Page, pattern: string): Promise<() => Promise<{ at: number; text: string }>> {
  await page.evaluate((source) => {
    const w = window as unknown as { __nlBench: { waitForStatus(s: string): Promise<unknown> }; __nlPending?: Promise<unknown> };
    w.__nlPending = w.__nlBench.waitForStatus(source);
  }, pattern);
  return async () => {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        page.evaluate(() => (window as unknown as { __nlPending: Promise<{ at: number; text: string }> }).__nlPending),
        new Promise<never>((_, fail) => {
          timer = setTimeout(() => fail(new Error(`no status matching /${pattern}/ within ${STEP_TIMEOUT_MS} ms`)), STEP_TIMEOUT_MS);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  };
}

/** Clicks the element in the page itself and returns the page time of the click. */
function clickAt(page: Page, locator: ReturnType<Page['getByRole']>): Promise<number> {
  return locator.evaluate((el) => {
    const at = performance.now();
    (el as HTMLElement).click();
    return at;
  });
}

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1e6;
}

/**
 * JS heap of the extension's dedicated worker whose script URL contains `script`, after a garbage collection (MB), or
 * NaN when no such worker runs. Playwright gives no CDP session for a worker, so the browser session relays messages
 * to it (Target.attachToTarget without flatten, Target.sendMessageToTarget).
 */
async function workerHeapAfterGc(context: BrowserContext, script: string): Promise<number> {
  const browser = context.browser();
  if (!browser) return NaN;
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find((target) => target.type === 'worker' && target.url.includes(script));
    if (!worker) return NaN;
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
    let lastId = 0;
    const call = (method: string) =>
      new Promise<Record<string, unknown>>((resolve) => {
        const id = ++lastId;
        const listen = (event: { sessionId: string; message: string }) => {
          const reply = JSON.parse(event.message) as { id?: number; result?: Record<string, unknown> };
          if (event.sessionId !== sessionId || reply.id !== id) return;
          cdp.off('Target.receivedMessageFromTarget', listen);
          resolve(reply.result ?? {});
        };
        cdp.on('Target.receivedMessageFromTarget', listen);
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
      });
    await call('HeapProfiler.collectGarbage');
    const { usedSize } = await call('Runtime.getHeapUsage');
    return Number(usedSize) / 1e6;
  } finally {
    await cdp.detach();
  }
}

async function importLibrary(popup: Page, file: string, library: Library, log: (line: string) => void): Promise<{ ms: number; longest: number }> {
  const imported = await watchStatus(popup, '^(Imported|This file was not imported|Nothing was imported|Import cancelled)');
  await popup.getByLabel('Import a NewsLens JSON backup', { exact: true }).setInputFiles(file);
  const { at, text } = await imported();
  const chosen = await popup.evaluate(() => (window as unknown as { __nlBench: Probe }).__nlBench.fileChosenAt);
  if (!text.startsWith('Imported')) throw new Error(`import of ${library.annotations} notes did not go through: ${text}`);
  if (!text.replace(/,/g, '').includes(String(library.annotations))) log(`  note: the import message does not give the ${library.annotations} notes: ${text}`);
  if (chosen === null) throw new Error('the file input reported no change event');
  return { ms: at - chosen, longest: await longestBetween(popup, chosen, at) };
}

async function openAllNotes(popup: Page): Promise<{ ms: number; countMs: number; indexMs: number; longest: number; count: number }> {
  // First results: the first note in the list. The count ("48052 found") may follow.
  await popup.evaluate(() => {
    const w = window as unknown as { __nlBench: { waitForElement(s: string): Promise<unknown> }; __nlFirst?: Promise<unknown> };
    w.__nlFirst = w.__nlBench.waitForElement('.all-notes .annotation');
  });
  await popup.evaluate(() => {
    const w = window as unknown as { __nlBench: { waitForElement(s: string): Promise<unknown> }; __nlIndex?: Promise<unknown> };
    // The tag filter's options come from the search index: a second option means it answered.
    w.__nlIndex = w.__nlBench.waitForElement('select[aria-label="Tag"] option:nth-child(2)');
  });
  const found = await watchStatus(popup, '^\\d[\\d,]* found');
  const clicked = await clickAt(popup, popup.getByRole('tab', { name: 'All notes' }));
  const { at, text } = await found();
  const first = await popup.evaluate(() => (window as unknown as { __nlFirst: Promise<{ at: number }> }).__nlFirst);
  const index = await popup.evaluate(() => (window as unknown as { __nlIndex: Promise<{ at: number }> }).__nlIndex);
  await popup.waitForTimeout(SETTLE_MS);
  return {
    ms: first.at - clicked,
    countMs: at - clicked,
    indexMs: index.at - clicked,
    longest: await longestBetween(popup, clicked, Math.max(at, first.at, index.at) + SETTLE_MS),
    count: Number.parseInt(text.replace(/,/g, ''), 10),
  };
}

async function longestWhileVisiting(context: BrowserContext, popup: Page, server: FixtureServer): Promise<number> {
  const from = await now(popup);
  for (const path of VISITED_PAGES) {
    const page = await context.newPage();
    await page.goto(server.url(path));
    await waitForNewsLens(page);
    // The article row is written after the visit is reported; give the popup's live queries time to react.
    await page.waitForTimeout(1_500);
    await page.close();
  }
  return longestBetween(popup, from, await now(popup));
}

async function exportAll(popup: Page, format: 'markdown' | 'csv' | 'markdown-files' | 'web-annotation' | 'claim-review'): Promise<{ ms: number; longest: number }> {
  await popup.getByLabel('What', { exact: true }).selectOption('all');
  await popup.getByLabel('Format', { exact: true }).selectOption(format);
  const saved = await watchStatus(popup, '^Saved ');
  const download = popup.waitForEvent('download', { timeout: STEP_TIMEOUT_MS });
  const clicked = await clickAt(popup, popup.getByRole('button', { name: 'Export', exact: true }));
  const { at } = await saved();
  await (await download).delete();
  return { ms: at - clicked, longest: await longestBetween(popup, clicked, at) };
}

/** Waits until the last keystroke's DOM updates (and a frame) are QUIET_MS old; throws if the popup never settles. */
async function waitForQuiet(popup: Page): Promise<void> {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  for (;;) {
    if (Date.now() > deadline) throw new Error(`the popup kept changing for ${STEP_TIMEOUT_MS} ms after a keystroke`);
    await popup.waitForTimeout(QUIET_MS / 3);
    const quiet = await popup.evaluate((quietMs) => {
      const strokes = (window as unknown as { __nlBench: Probe }).__nlBench.keystrokes;
      const last = strokes[strokes.length - 1];
      if (!last) return true;
      const settledAt = Math.max(last.input, last.lastChange ?? 0, last.frame ?? 0);
      return last.frame !== null && performance.now() - settledAt > quietMs;
    }, QUIET_MS);
    if (quiet) return;
  }
}

/** Types each query one character at a time, waiting for the list to settle after each; returns per-keystroke ms. */
async function typeQueries(popup: Page, queries: readonly string[]): Promise<number[]> {
  const box = popup.getByLabel('Search notes', { exact: true });
  const latencies: number[] = [];
  for (const query of queries) {
    await box.fill('');
    await waitForQuiet(popup);
    await popup.evaluate(() => {
      (window as unknown as { __nlBench: Probe }).__nlBench.keystrokes.length = 0;
    });
    await box.focus();
    for (const char of query) {
      await popup.keyboard.type(char);
      await waitForQuiet(popup);
    }
    const strokes = await popup.evaluate(() => (window as unknown as { __nlBench: Probe }).__nlBench.keystrokes);
    if (strokes.length !== query.length) throw new Error(`typed ${query.length} characters of "${query}" but saw ${strokes.length} input events`);
    for (const s of strokes) latencies.push(Math.max(s.lastChange ?? 0, s.frame ?? 0) - s.input);
  }
  await box.fill('');
  await waitForQuiet(popup);
  return latencies;
}

async function visitNotedPage(context: BrowserContext, server: FixtureServer): Promise<number> {
  const page = await context.newPage();
  await page.goto(server.url(PAGE_PATH));
  await waitForNewsLens(page);
  const marks = await page.evaluate(() => ({
    loaded: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.domContentLoadedEventStart,
    painted: performance.getEntriesByName('newslens:painted')[0]?.startTime,
  }));
  await page.close();
  if (marks.loaded === undefined || marks.painted === undefined) throw new Error('the page with 500 notes has no DOMContentLoaded or newslens:painted time');
  return marks.painted - marks.loaded;
}

/** How many of the page's notes the last visit found exactly again (read from the extension's database). */
async function placedOnPage(evaluateInExtension: (source: string) => Promise<unknown>, url: string): Promise<number> {
  return (await evaluateInExtension(`(async () => {
    const db = await new Promise((ok, fail) => {
      const open = indexedDB.open('newslens');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const get = (store, index, key) => new Promise((ok, fail) => {
      const source = db.transaction(store).objectStore(store);
      const request = (index ? source.index(index) : source).getAll(key);
      request.onsuccess = () => ok(request.result);
      request.onerror = () => fail(request.error);
    });
    const [article] = await get('articles', 'url', ${JSON.stringify(url)});
    const notes = article ? await get('annotations', 'articleId', article.id) : [];
    db.close();
    return notes.filter((n) => !n.deletedAt && n.anchor && n.anchor.quality === 'exact').length;
  })()`)) as number;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const round = (x: number) => Math.round(x * 10) / 10;

/** Queries typed char by char: a tag of the vocabulary's head, a word in many quotes, a two-word phrase. */
function searchQueries(library: Library): string[] {
  return [library.topTag, 'minister', 'million pounds'];
}

async function measureSize(notes: number, server: FixtureServer, print: (line: string) => void): Promise<LibraryFigures> {
  const started = Date.now();
  const log = (line: string) => print(`${line} [${Math.round((Date.now() - started) / 1000)} s]`);
  const library = await buildLibrary(notes, server.url(PAGE_PATH));
  server.override(PAGE_PATH, library.page.html);
  const file = join(OUTPUT_DIR, `library-${notes}.json`);
  writeFileSync(file, library.json);
  log(`${notes} notes: ${library.articles} articles, ${round(library.json.length / 1e6)} MB backup`);
  const browser = await launchChromium();
  try {
    const { context, extensionOrigin } = browser;
    let popup = await openPopupTab(context, extensionOrigin);
    await popup.getByRole('tab', { name: 'All notes' }).click();
    const imported = await importLibrary(popup, file, library, log);
    log(`  import ${round(imported.ms)} ms`);
    await popup.close();

    // Opening is the figure most disturbed by other work on a shared machine: the median of three fresh popups.
    const opens: Array<{ ms: number; countMs: number; indexMs: number; longest: number; count: number; heap: number; workerHeap: number }> = [];
    let cdp: CDPSession | undefined;
    for (let i = 0; i < OPENS; i++) {
      if (i > 0) {
        await cdp?.detach();
        await popup.close();
      }
      popup = await openPopupTab(context, extensionOrigin);
      cdp = await context.newCDPSession(popup);
      const opened = await openAllNotes(popup);
      opens.push({ ...opened, heap: await heapAfterGc(cdp), workerHeap: await workerHeapAfterGc(context, 'library-search-worker') });
    }
    const opened = {
      ms: median(opens.map((o) => o.ms)),
      countMs: median(opens.map((o) => o.countMs)),
      indexMs: median(opens.map((o) => o.indexMs)),
      longest: median(opens.map((o) => o.longest)),
      count: opens[0]!.count,
    };
    const heap = median(opens.map((o) => o.heap));
    if (opened.count !== library.liveAnnotations) log(`  WARNING: "All notes" showed ${opened.count}, the library has ${library.liveAnnotations} live notes`);
    log(`  open ${opens.map((o) => round(o.ms)).join(', ')} ms (counted ${opens.map((o) => round(o.countMs)).join(', ')} ms, index ${opens.map((o) => round(o.indexMs)).join(', ')} ms), ${opened.count} found, heap ${round(heap)} MB`);
    const whileVisiting = await longestWhileVisiting(context, popup, server);
    log(`  longest task while visiting ${round(whileVisiting)} ms`);
    const keystrokes = await typeQueries(popup, searchQueries(library));
    log(`  search ${keystrokes.length} keystrokes, median ${round(median(keystrokes))} ms`);
    const markdownFirst = await exportAll(popup, 'markdown');
    const markdown = await exportAll(popup, 'markdown');
    const csv = await exportAll(popup, 'csv');
    log(`  markdown ${round(markdownFirst.ms)} ms first, ${round(markdown.ms)} ms again, csv ${round(csv.ms)} ms`);
    const markdownZip = await exportAll(popup, 'markdown-files');
    const webAnnotation = await exportAll(popup, 'web-annotation');
    const claimReview = await exportAll(popup, 'claim-review');
    log(`  markdown zip ${round(markdownZip.ms)} ms, web annotation ${round(webAnnotation.ms)} ms, claim review ${round(claimReview.ms)} ms`);
    await cdp?.detach();
    await popup.close();

    const visits: number[] = [];
    for (let i = 0; i < PAGE_VISITS; i++) visits.push(await visitNotedPage(context, server));
    // The anchor reports of the last visit are written after painting: wait for them rather than racing them.
    let placed = 0;
    for (let tries = 0; tries < 20 && placed < PAGE_NOTES; tries++) {
      placed = await placedOnPage(browser.evaluateInExtension, library.page.url);
      if (placed < PAGE_NOTES) await new Promise((done) => setTimeout(done, 250));
    }
    log(`  page with ${PAGE_NOTES} notes painted in ${round(median(visits))} ms (${placed} placed exactly)`);
    return {
      notes,
      articles: library.articles,
      shownCount: opened.count,
      backupMB: round(library.json.length / 1e6),
      importMs: round(imported.ms),
      importLongestTaskMs: round(imported.longest),
      openMs: round(opened.ms),
      openCountMs: round(opened.countMs),
      openIndexMs: round(opened.indexMs),
      openRunsMs: opens.map((o) => round(o.ms)),
      openLongestTaskMs: round(opened.longest),
      openHeapMB: round(heap),
      openWorkerHeapMB: round(median(opens.map((o) => o.workerHeap))),
      openWhileVisitLongestTaskMs: round(whileVisiting),
      markdownFirstMs: round(markdownFirst.ms),
      markdownFirstLongestTaskMs: round(markdownFirst.longest),
      markdownMs: round(markdown.ms),
      markdownLongestTaskMs: round(markdown.longest),
      csvMs: round(csv.ms),
      csvLongestTaskMs: round(csv.longest),
      markdownZipMs: round(markdownZip.ms),
      markdownZipLongestTaskMs: round(markdownZip.longest),
      webAnnotationMs: round(webAnnotation.ms),
      webAnnotationLongestTaskMs: round(webAnnotation.longest),
      claimReviewMs: round(claimReview.ms),
      claimReviewLongestTaskMs: round(claimReview.longest),
      keystrokeMinMs: round(Math.min(...keystrokes)),
      keystrokeMedianMs: round(median(keystrokes)),
      keystrokeMaxMs: round(Math.max(...keystrokes)),
      keystrokes: keystrokes.length,
      pageVisitPaintedMs: round(median(visits)),
      pagePlaced: placed,
    };
  } finally {
    await browser.close();
  }
}

type Figure = { [K in keyof LibraryFigures]: LibraryFigures[K] extends number ? K : never }[keyof LibraryFigures];

/** The issue's table: one row per figure, one column per size, each cell with its ratio to the smallest size. */
const ROWS: ReadonlyArray<[string, ReadonlyArray<Figure>]> = [
  ['import: file chosen → "Imported"', ['importMs']],
  ['import: longest task in the popup', ['importLongestTaskMs']],
  ['"All notes": open → first results', ['openMs']],
  ['"All notes": open → total counted', ['openCountMs']],
  ['"All notes": open → search index loaded (in its worker)', ['openIndexMs']],
  ['"All notes": longest task on open / memory after GC', ['openLongestTaskMs', 'openHeapMB']],
  ['"All notes": memory of its search worker after GC', ['openWorkerHeapMB']],
  ['"All notes" open while a page is visited: longest task', ['openWhileVisitLongestTaskMs']],
  ['export all as Markdown, first in the popup (loads the exporter): total / longest task', ['markdownFirstMs', 'markdownFirstLongestTaskMs']],
  ['export all as Markdown: total / longest task', ['markdownMs', 'markdownLongestTaskMs']],
  ['export all as CSV: total / longest task', ['csvMs', 'csvLongestTaskMs']],
  ['export all as Markdown, one file per article (.zip): total / longest task', ['markdownZipMs', 'markdownZipLongestTaskMs']],
  ['export all as W3C Web Annotation: total / longest task', ['webAnnotationMs', 'webAnnotationLongestTaskMs']],
  ['export all as ClaimReview: total / longest task', ['claimReviewMs', 'claimReviewLongestTaskMs']],
  ['search per keystroke: min / median / max', ['keystrokeMinMs', 'keystrokeMedianMs', 'keystrokeMaxMs']],
  ['visit a page with 500 notes: DOMContentLoaded → painted', ['pageVisitPaintedMs']],
];

function formatValue(key: Figure, value: number): string {
  if (key === 'openHeapMB' || key === 'openWorkerHeapMB') return `${value} MB`;
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`;
}

function ratiosOf(sizes: readonly LibraryFigures[]): LibraryBenchResult['ratios'] {
  const base = sizes[0];
  const ratios: LibraryBenchResult['ratios'] = {};
  if (!base) return ratios;
  for (const figures of sizes) {
    ratios[figures.notes] = Object.fromEntries(
      ROWS.flatMap(([, keys]) => keys).map((key) => [key, base[key] > 0 ? Math.round((figures[key] / base[key]) * 100) / 100 : null]),
    );
  }
  return ratios;
}

function markdownTable(sizes: readonly LibraryFigures[], ratios: LibraryBenchResult['ratios']): string {
  const head = `| | ${sizes.map((s) => `${s.notes.toLocaleString('en')} notes`).join(' | ')} |`;
  const rule = `|---|${sizes.map(() => '---').join('|')}|`;
  const rows = ROWS.map(([label, keys]) => {
    const cells = sizes.map((s) => {
      const values = keys.map((key) => formatValue(key, s[key]));
      const ratio = keys.map((key) => ratios[s.notes]?.[key]).map((r) => (r === null || r === undefined ? '–' : `${r.toFixed(1)}×`));
      return s === sizes[0] ? values.join(' / ') : `${values.join(' / ')} (${ratio.join(' / ')})`;
    });
    return `| ${label} | ${cells.join(' | ')} |`;
  });
  return [head, rule, ...rows].join('\n');
}

/**
 * Runs the library benchmark for each size in `sizes` (notes; each at least 500) and writes bench-output/library.json
 * (figures, ratios against the first size, the Markdown table). Needs Debian's Chromium and the e2e build
 * (`npx wxt build --mode e2e`); `log` receives progress lines.
 */
export async function runLibraryBench(sizes: readonly number[] = LIBRARY_SIZES, log: (line: string) => void = console.log): Promise<LibraryBenchResult> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const server = await startFixtureServer();
  try {
    const figures: LibraryFigures[] = [];
    for (const notes of sizes) figures.push(await measureSize(notes, server, log));
    const ratios = ratiosOf(figures);
    const result = { sizes: figures, ratios, table: markdownTable(figures, ratios) };
    writeFileSync(join(OUTPUT_DIR, 'library.json'), JSON.stringify({ measuredAt: new Date().toISOString(), ...result }, null, 2));
    return result;
  } finally {
    await server.close();
  }
}
