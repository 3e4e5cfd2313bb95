import { describe, expect, it } from 'vitest';
import { fixtureHtml, openArticle, openPopup, readDatabase, STALLED_PATH, waitForNewsLens } from './harness';
import { useExtensionSuite } from './suite';

const suite = useExtensionSuite();

describe('the extension in a real browser', () => {
  it('reads the article, stores it in the extension origin and never in the page origin', async () => {
    const page = await openArticle(suite.browser, suite.server.url('/seed-article.html'));
    const db = await readDatabase(suite.browser);
    expect(db.articles).toHaveLength(1);
    expect(db.articles[0]).toMatchObject({
      // The fixture's canonical link names news.example.com, another site than the server's: it is not trusted.
      url: suite.server.url('/seed-article.html'),
      title: 'Starmer meets Xi as UK and China seek trade reset',
      isArticle: true,
    });
    expect(db.articles[0].authors).toContainEqual({ name: 'Helen Marsh', kind: 'person' });
    // The page's own origin must have no database of ours: the site could read the reader's notes there.
    const pageDatabases = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(pageDatabases).not.toContain('newslens');
    expect(pageDatabases).toEqual([]);
    await page.close();
  });

  it('paints without changing the page text or adding elements to the article', async () => {
    const url = suite.server.url('/seed-article.html');
    const plain = await suite.browser.context.newPage();
    await plain.goto(url);
    await waitForNewsLens(plain);
    const after = await plain.evaluate(() => ({
      text: document.querySelector('article')?.textContent,
      elements: document.querySelector('article')?.querySelectorAll('*').length,
      highlights: [...(CSS as unknown as { highlights: Map<string, { size: number }> }).highlights.entries()].map(([k, v]) => [k, v.size]),
    }));
    // The same HTML in a blank page, where the extension does not run, is the reference.
    const reference = await suite.browser.context.newPage();
    await reference.setContent(await (await fetch(url)).text());
    const before = await reference.evaluate(() => ({
      text: document.querySelector('article')?.textContent,
      elements: document.querySelector('article')?.querySelectorAll('*').length,
    }));
    expect(after.text).toBe(before.text);
    expect(after.elements).toBe(before.elements);
    const sizes = Object.fromEntries(after.highlights as [string, number][]);
    // Read mode, the default, underlines names quietly (layers *-quiet).
    expect(sizes['newslens-person-quiet']).toBeGreaterThan(5);
    expect(sizes['newslens-place-quiet']).toBeGreaterThan(3);
    await plain.close();
    await reference.close();
  });

  it('annotates an article while a slow advert still keeps the page from finishing its load', async () => {
    // Real news pages keep loading adverts and trackers long after their text is there; readers should not wait
    // for them. (Both browsers run our document_idle script after DOMContentLoaded, before the load event.)
    const path = '/slow-advert-article.html';
    suite.server.override(path, fixtureHtml('seed-article.html').replace('</body>', `<img src="${STALLED_PATH}advert.png" alt=""></body>`));
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url(path), { waitUntil: 'domcontentloaded' });
    await waitForNewsLens(page);
    expect(await page.evaluate(() => document.readyState)).toBe('interactive');
    const painted = await page.evaluate(() => (CSS as unknown as { highlights: Map<string, { size: number }> }).highlights.get('newslens-person-quiet')?.size ?? 0);
    // Read mode, the default, underlines names quietly.
    expect(painted).toBeGreaterThan(5);
    await page.close();
  });

  it('does not annotate a section front automatically', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url('/section-front.html'));
    await waitForNewsLens(page, 'not-article');
    const db = await readDatabase(suite.browser);
    expect(db.articles.some((a) => String(a.url).endsWith('/section-front.html'))).toBe(false);
    const painted = await page.evaluate(() =>
      [...(CSS as unknown as { highlights: Map<string, { size: number }> }).highlights.values()].reduce((n, h) => n + h.size, 0),
    );
    expect(painted).toBe(0);
    await page.close();
  });

  it('lists the stored article in the popup', async () => {
    const popup = await openPopup(suite.browser);
    await popup.getByRole('tab', { name: /all notes/i }).click();
    await expect.poll(() => popup.getByText('Starmer meets Xi as UK and China seek trade reset').count()).toBeGreaterThan(0);
    await popup.close();
  });
});
