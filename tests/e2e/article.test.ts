import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixtureHtml, readDatabase, waitForNewsLens } from './harness';
import { heavyPage } from './heavy-page';
import { useExtensionSuite } from './suite';

const suite = useExtensionSuite();

/** Long tasks (> 50 ms, the browser's own definition) as they happen. */
const OBSERVE_LONG_TASKS = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
`;

/**
 * Durations (ms) of the long tasks that overlap finding the article: from the scan's start (serialising the page,
 * sending it in parts) to the finding on the live page (metadata, mapping Readability's blocks to live text nodes).
 */
async function findingLongTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const mark = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN;
    const start = mark('newslens:scan-start');
    const found = mark('newslens:found');
    const tasks = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks;
    return tasks.filter((t) => t.start + t.duration > start && t.start < found).map((t) => Math.round(t.duration));
  });
}

/** The page's text without our UI host (its content lives in a shadow root, but be exact). */
function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    clone.querySelector('newslens-ui')?.remove();
    return clone.textContent ?? '';
  });
}

interface PaintReport {
  total: number;
  outsideStory: number;
}

/** How many painted ranges there are, and how many start outside the story column (menu, related rail, footer). */
function paintReport(page: Page, storySelector: string): Promise<PaintReport> {
  return page.evaluate((selector) => {
    const story = document.querySelector(selector);
    let total = 0;
    let outsideStory = 0;
    for (const highlight of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.values()) {
      for (const range of highlight) {
        total += 1;
        if (!story?.contains(range.startContainer)) outsideStory += 1;
      }
    }
    return { total, outsideStory };
  }, storySelector);
}

describe('finding the article in real Chromium (Readability in the offscreen document)', () => {
  it('annotates a page over 1 MB with no task over 50 ms while finding the article, paints only the story, leaves the text unchanged', async () => {
    const html = heavyPage(fixtureHtml('long-article.html'));
    expect(html.length).toBeGreaterThan(1_000_000);
    suite.server.override('/heavy-article.html', html);
    // The machine is shared: other processes only ever lengthen a task, so the best of three visits is the measure.
    let page: Page | null = null;
    let best: number[] | null = null;
    for (let visit = 0; visit < 3 && (best === null || best.length > 0); visit += 1) {
      await page?.close();
      page = await suite.browser.context.newPage();
      await page.addInitScript(OBSERVE_LONG_TASKS);
      await page.goto(suite.server.url('/heavy-article.html'));
      await waitForNewsLens(page);
      const tasks = await findingLongTasks(page);
      if (best === null || tasks.length < best.length) best = tasks;
    }
    if (!page) throw new Error('no visit');
    expect(best, `long tasks while finding the article: ${best?.join(', ')} ms`).toEqual([]);

    const paint = await paintReport(page, 'article');
    expect(paint.total).toBeGreaterThan(50);
    // The related rail's linked headings and the mega-menu are left out: Readability's body is the story.
    expect(paint.outsideStory).toBe(0);

    const reference = await suite.browser.context.newPage();
    await reference.setContent(html);
    expect(await pageText(page)).toBe(await pageText(reference));
    await reference.close();

    const db = await readDatabase(suite.browser);
    const stored = db.articles.find((a) => a.url === suite.server.url('/heavy-article.html'));
    expect(stored).toMatchObject({ isArticle: true, authors: [{ name: 'Rebecca Thorne', kind: 'person' }] });
    await page.close();
  });

  it('still leaves a search results page alone', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url('/search-results.html'));
    await waitForNewsLens(page, 'not-article');
    expect((await paintReport(page, 'body')).total).toBe(0);
    await page.close();
  });
});
