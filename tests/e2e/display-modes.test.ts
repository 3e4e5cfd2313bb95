import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeChromium, pw } from './chromium-only';
import { openArticle, readDatabase, waitForNewsLens } from './harness';
import { paintedTexts, selectText, setMode } from './page-actions';
import { useExtensionSuite } from './suite';

const suite = useExtensionSuite();

const claimTexts = async (page: Page) =>
  [...(await paintedTexts(page, 'claim-high')), ...(await paintedTexts(page, 'claim-medium')), ...(await paintedTexts(page, 'claim-low'))];

const articleWords = (page: Page) =>
  page.evaluate(() => (document.querySelector('article')?.textContent ?? document.body.textContent ?? '').split(/\s+/).filter(Boolean).length);

/** The page's claim marks as drawn: the CSS the highlight registry's claim layers use. */
const claimStyles = (page: Page) =>
  page.evaluate(() => {
    const css: string[] = [];
    for (const sheet of [...document.styleSheets, ...document.adoptedStyleSheets]) {
      for (const rule of [...sheet.cssRules]) if (rule.cssText.includes('::highlight(newslens-claim')) css.push(rule.cssText);
    }
    return css.join('\n');
  });

describeChromium('display modes', () => {
  it('Read mode is the default: the top claims only (about 3 per 1,000 words), names only quietly underlined', async () => {
    const page = pw(await openArticle(suite.browser, suite.server.url('/long-article.html')));
    expect(await page.getByTestId('nl-mode-read').getAttribute('aria-pressed')).toBe('true');
    const words = await articleWords(page);
    const painted = await claimTexts(page);
    expect(painted.length).toBeGreaterThan(0);
    expect((painted.length * 1000) / words).toBeLessThanOrEqual(4);
    expect(await paintedTexts(page, 'person')).toEqual([]);
    expect((await paintedTexts(page, 'person-quiet')).length).toBeGreaterThan(0);
    // Not a spell-checker's mark: no wavy line, no orange.
    const styles = await claimStyles(page);
    expect(styles).toMatch(/newslens-claim-high/);
    expect(styles).not.toMatch(/wavy/);
    expect(styles).not.toMatch(/188, 76, 0/);

    await setMode(page, 'fact-check');
    const all = await claimTexts(page);
    expect(all.length).toBeGreaterThan(painted.length);
    expect((await paintedTexts(page, 'person')).length).toBeGreaterThan(0);
    expect(await page.getByTestId('nl-claim-position').textContent()).toMatch(new RegExp(`/ ${all.length}$`));
    await page.close();
  });

  it('Fact-check steps through claims most check-worthy first, and the choice is remembered for the site', async () => {
    const page = pw(await openArticle(suite.browser, suite.server.url('/long-article.html')));
    expect(await page.getByTestId('nl-mode-fact-check').getAttribute('aria-pressed')).toBe('true');
    const db = await suite.browser.evaluateInExtension(`(async () => {
      const open = indexedDB.open('newslens');
      const db = await new Promise((ok) => (open.onsuccess = () => ok(open.result)));
      const row = await new Promise((ok) => { const r = db.transaction('settings').objectStore('settings').get('settings'); r.onsuccess = () => ok(r.result); });
      db.close();
      return row.value.siteDisplayModes;
    })()`);
    expect(db).toEqual({ '127.0.0.1': 'fact-check' });
    await page.getByTestId('nl-next-claim').click();
    await expect.poll(() => page.getByTestId('nl-claim-card').isVisible()).toBe(true);
    expect(await page.getByTestId('nl-card').getAttribute('aria-labelledby')).toBeTruthy();
    await expect.poll(() => page.getByTestId('nl-card').textContent()).toMatch(/Claim 1 of \d+/);
    await page.close();
  });

  it('Study mode paints no detections and keeps the reader’s highlights', async () => {
    const page = pw(await openArticle(suite.browser, suite.server.url('/seed-article.html')));
    await selectText(page, 'generous coverage');
    await page.getByTestId('nl-color-green').click();
    await expect.poll(async () => (await readDatabase(suite.browser)).annotations.length).toBe(1);
    await setMode(page, 'study');
    expect(await claimTexts(page)).toEqual([]);
    expect(await paintedTexts(page, 'person')).toEqual([]);
    expect(await paintedTexts(page, 'person-quiet')).toEqual([]);
    expect(await paintedTexts(page, 'hl-green')).toEqual(['generous coverage']);
    await page.reload();
    await waitForNewsLens(page);
    expect(await page.getByTestId('nl-mode-study').getAttribute('aria-pressed')).toBe('true');
    expect(await claimTexts(page)).toEqual([]);
    await page.close();
  });
});
