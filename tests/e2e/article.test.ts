import { describe, expect, it } from 'vitest';
import type { E2EPage as Page } from './driver';
import { fixtureHtml, readDatabase, waitForNewsLens } from './harness';
import { heavyPage } from './heavy-page';
import { useExtensionSuite } from './suite';

const suite = useExtensionSuite();

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

describe('finding the article in a real browser (Readability off the page: Chromium offscreen document, Firefox background page)', () => {
  // How long our tasks take on this page is measured by `npm run bench` (speed is never asserted in a test).
  it('annotates a page over 1 MB, paints only the story, leaves the text unchanged', async () => {
    const html = heavyPage(fixtureHtml('long-article.html'));
    expect(html.length).toBeGreaterThan(1_000_000);
    suite.server.override('/heavy-article.html', html);
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url('/heavy-article.html'));
    await waitForNewsLens(page);

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
