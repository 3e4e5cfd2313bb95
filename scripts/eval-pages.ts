// `npm run eval:pages`: the article finder on the saved real news pages in ../shared/data/pages/ (Readability's own
// regression pages: source.html, Readability's expected.html and expected-metadata.json). For each page and overall:
// recognised as an article, recall (share of expected.html's words in the text we annotate), precision (share of our
// words that are expected's), byline right (our authors against expected-metadata.json's byline, normalised).
// Pages are parsed with jsdom, the DOM Readability's own test suite uses (happy-dom's parser loses cnet's body).
// With --chromium, each page is also opened in real Chromium with the built extension (`npx wxt build --mode e2e`
// first): painted or not, page text unchanged, longest main-thread task after the scan started.
// Usage: npm run eval:pages [-- --verbose] [-- --chromium]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { buildTextMap } from '../anchoring/text-map';
import { findArticle } from '../detect/article-reader';

/** ../shared/data/pages from the project checkout (a worktree sits one level deeper, so look a little further up). */
const PAGES =
  ['../shared/data/pages', '../../shared/data/pages'].map((path) => resolve(process.cwd(), path)).find(existsSync) ??
  resolve(process.cwd(), '../shared/data/pages');
/** The URL Readability's test suite gives every page (relative links resolve against it). */
const PAGE_URL = 'http://fakehost/test/page.html';

interface Expected {
  byline: string | null;
}

/** Words as lower-case letter/digit runs (Unicode), counted: recall and precision are over word occurrences. */
function wordBag(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) bag.set(word, (bag.get(word) ?? 0) + 1);
  return bag;
}

function size(bag: Map<string, number>): number {
  let total = 0;
  for (const count of bag.values()) total += count;
  return total;
}

function shared(a: Map<string, number>, b: Map<string, number>): number {
  let total = 0;
  for (const [word, count] of a) total += Math.min(count, b.get(word) ?? 0);
  return total;
}

/** A byline for comparison: no leading "By", case and punctuation folded, people sorted. */
function normaliseByline(names: string[]): string {
  return names
    .map((name) => name.replace(/^by\s+/i, '').toLowerCase().replace(/[^\p{L}\p{N} ]+/gu, ' ').replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .sort()
    .join(' | ');
}

function splitExpected(byline: string): string[] {
  return byline.replace(/^by\s+/i, '').split(/\s*(?:,|;|&|\band\b)\s*/i);
}

function dom(html: string): JSDOM {
  // Saved pages carry CSS jsdom cannot parse; its complaints are noise here.
  return new JSDOM(html, { url: PAGE_URL, virtualConsole: new VirtualConsole() });
}

interface ChromiumResult {
  phase: string;
  painted: number;
  textUnchanged: boolean;
  longestTaskMs: number;
}

/** Opens every page in Chromium with the extension; requests to other hosts are refused (the pages are offline). */
async function inChromium(names: string[]): Promise<Map<string, ChromiumResult>> {
  const { startFixtureServer } = await import('../tests/e2e/harness');
  const { launchChromium } = await import('../tests/e2e/chromium-driver');
  const server = await startFixtureServer();
  const browser = await launchChromium();
  const results = new Map<string, ChromiumResult>();
  const textOf = (page: import('playwright-core').Page) =>
    page.evaluate(() => {
      // Reading text only: script, style and raw-text bodies (iframe fallbacks) differ between two loads of pages whose
      // scripts write time stamps into them.
      const clone = document.body.cloneNode(true) as HTMLElement;
      for (const el of Array.from(clone.querySelectorAll('newslens-ui, script, style, noscript, template, iframe, textarea'))) el.remove();
      return clone.textContent ?? '';
    });
  try {
    for (const name of names) {
      const html = readFileSync(join(PAGES, name, 'source.html'), 'utf8');
      server.override(`/pages/${name}.html`, html);
      const page = await (browser.context as import('playwright-core').BrowserContext).newPage();
      await page.route('**/*', (route) => (route.request().url().startsWith(server.origin) ? route.continue() : route.abort()));
      await page.addInitScript(`window.__longTasks = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });`);
      await page.goto(server.url(`/pages/${name}.html`), { waitUntil: 'load', timeout: 60_000 }).catch(() => undefined);
      await page
        .waitForFunction(() => ['ready', 'not-article', 'error'].includes(document.querySelector('newslens-ui')?.getAttribute('data-state') ?? ''), null, { timeout: 60_000 })
        .catch(() => undefined);
      await page.waitForTimeout(300);
      const report = await page.evaluate(() => {
        const start = performance.getEntriesByName('newslens:scan-start')[0]?.startTime ?? 0;
        const tasks = (window as unknown as { __longTasks: [number, number][] }).__longTasks;
        let painted = 0;
        for (const highlight of (CSS as unknown as { highlights: Map<string, { size: number }> }).highlights.values()) painted += highlight.size;
        return {
          phase: document.querySelector('newslens-ui')?.getAttribute('data-state') ?? 'none',
          painted,
          longestTaskMs: Math.round(Math.max(0, ...tasks.filter(([s, d]) => s + d > start).map(([, d]) => d))),
        };
      });
      // The same markup where the extension does not run (about:blank), scripts and other hosts refused alike.
      const reference = await (browser.context as import('playwright-core').BrowserContext).newPage();
      await reference.route('**/*', (route) => route.abort());
      await reference.setContent(html, { waitUntil: 'domcontentloaded' }).catch(() => undefined);
      const unchanged = (await textOf(page)) === (await textOf(reference));
      results.set(name, { ...report, textUnchanged: unchanged });
      await reference.close();
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return results;
}

async function main(): Promise<void> {
  if (!existsSync(PAGES)) {
    console.error(`eval:pages needs the saved pages in ${PAGES} (source.html, expected.html, expected-metadata.json per page).`);
    process.exit(1);
  }
  const verbose = process.argv.includes('--verbose');
  const names = readdirSync(PAGES).filter((name) => existsSync(join(PAGES, name, 'source.html'))).sort();
  const chromium = process.argv.includes('--chromium') ? await inChromium(names) : null;
  let recognised = 0;
  let recallSum = 0;
  let precisionSum = 0;
  let bylines = 0;
  let bylinesRight = 0;
  console.log('page                 article  recall  precision  byline');
  for (const name of names) {
    const source = readFileSync(join(PAGES, name, 'source.html'), 'utf8');
    const expectedHtml = readFileSync(join(PAGES, name, 'expected.html'), 'utf8');
    const expected = JSON.parse(readFileSync(join(PAGES, name, 'expected-metadata.json'), 'utf8')) as Expected;
    const page = dom(source);
    const doc = page.window.document as unknown as Document;
    const before = doc.documentElement.outerHTML;
    const started = performance.now();
    const finding = findArticle(doc);
    const ms = performance.now() - started;
    if (doc.documentElement.outerHTML !== before) throw new Error(`${name}: the finder changed the page`);
    const ours =
      finding.isArticle && finding.root
        ? buildTextMap(finding.root, { skip: finding.skip, computedStyle: false, maxChars: 600_000 }).text
        : '';
    const want = wordBag(dom(expectedHtml).window.document.body.textContent ?? '');
    const got = wordBag(ours);
    const overlap = shared(want, got);
    const recall = size(want) ? overlap / size(want) : 1;
    const precision = size(got) ? overlap / size(got) : 0;
    if (finding.isArticle) recognised += 1;
    recallSum += recall;
    precisionSum += precision;
    let bylineCell = '-';
    if (expected.byline) {
      bylines += 1;
      const right = normaliseByline(finding.metadata.authors.map((a) => a.name)) === normaliseByline(splitExpected(expected.byline));
      if (right) bylinesRight += 1;
      bylineCell = right ? 'right' : `WRONG: ${JSON.stringify(finding.metadata.authors.map((a) => a.name))} vs ${JSON.stringify(expected.byline)}`;
    }
    console.log(
      `${name.padEnd(20)} ${(finding.isArticle ? 'yes' : 'NO').padEnd(8)} ${recall.toFixed(3).padStart(6)}  ${precision.toFixed(3).padStart(9)}  ${bylineCell}`,
    );
    if (verbose || !finding.isArticle) console.log(`    ${Math.round(ms)} ms; ${finding.reasons.join('; ')}`);
    const live = chromium?.get(name);
    if (live) {
      console.log(
        `    chromium: ${live.phase}, ${live.painted} painted ranges, text ${live.textUnchanged ? 'unchanged' : 'CHANGED'}, longest task after scan ${live.longestTaskMs} ms`,
      );
    }
    page.window.close();
  }
  const n = names.length;
  console.log(
    `\noverall: recognised ${recognised}/${n}, mean recall ${(recallSum / n).toFixed(3)}, mean precision ${(precisionSum / n).toFixed(3)}, bylines right ${bylinesRight}/${bylines}`,
  );
  if (chromium) {
    const all = [...chromium.values()];
    console.log(
      `chromium: painted ${all.filter((r) => r.phase === 'ready' && r.painted > 0).length}/${n}, text unchanged ${all.filter((r) => r.textUnchanged).length}/${n}, longest task after scan start ${Math.max(0, ...all.map((r) => r.longestTaskMs))} ms (median ${[...all.map((r) => r.longestTaskMs)].sort((a, b) => a - b)[Math.floor(n / 2)] ?? 0} ms)`,
    );
  }
}

await main();
