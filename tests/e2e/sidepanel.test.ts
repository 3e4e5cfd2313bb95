import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeChromium, pw } from './chromium-only';
import { openArticle, readDatabase, type ExtensionBrowser } from './harness';
import { paintedTexts, selectText } from './page-actions';
import { useExtensionSuite } from './suite';

const suite = useExtensionSuite();

const FIRST = 'the first UK prime minister to visit China in eight years';
const LAST = 'intelligence sharing to identify smugglers’ supply routes';

/** The side panel page, opened by URL in a tab: it follows the web page used last, as it does beside a tab. */
async function openPanel(browser: ExtensionBrowser): Promise<Page> {
  const panel = pw(await browser.context.newPage());
  await panel.setViewportSize({ width: 400, height: 900 });
  await panel.goto(`${browser.extensionOrigin}/sidepanel.html`);
  return panel;
}

const quoteTop = (page: Page, needle: string) =>
  page.evaluate((text) => {
    const p = [...document.querySelectorAll('p')].find((el) => el.textContent?.includes(text));
    return p ? p.getBoundingClientRect().top : Number.NaN;
  }, needle);

describeChromium('side panel', () => {
  let page: Page;
  let panel: Page;

  it('lists this article’s notes in reading order and jumps to one in the page', async () => {
    page = pw(await openArticle(suite.browser, suite.server.url('/seed-article.html')));
    // Made in reverse order: the panel must still list them as they appear in the article.
    await selectText(page, LAST);
    await page.getByTestId('nl-color-blue').click();
    await selectText(page, FIRST);
    await page.getByTestId('nl-color-yellow').click();
    await expect.poll(async () => (await readDatabase(suite.browser)).annotations.length).toBe(2);

    panel = await openPanel(suite.browser);
    await expect.poll(() => panel.getByTestId('panel-title').textContent()).toMatch(/Starmer|China/);
    await expect.poll(() => panel.locator('.annotation .quote').allTextContents()).toEqual([FIRST, LAST]);
    expect(await panel.getByRole('heading', { level: 1 }).count()).toBe(1);

    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await quoteTop(page, LAST)).toBeGreaterThan(900);
    await panel.getByRole('button', { name: `Show in page: ${LAST}` }).click();
    await expect.poll(() => quoteTop(page, LAST)).toBeLessThan(900);
    await expect.poll(() => paintedTexts(page, 'flash')).toEqual([LAST]);
  });

  it('marks the note nearest the reader’s place as the page scrolls', async () => {
    const current = () => panel.locator('.annotation[aria-current="location"] .quote').textContent();
    await expect.poll(current).toBe(LAST);
    await page.evaluate((text) => {
      const p = [...document.querySelectorAll('p')].find((el) => el.textContent?.includes(text));
      p?.scrollIntoView({ block: 'center' });
    }, FIRST);
    await expect.poll(current, { timeout: 10_000 }).toBe(FIRST);
  });

  it('shows the article at a glance: speakers with their claim counts, and a map whose marks jump to the text', async () => {
    const speakers = panel.getByTestId('panel-speakers');
    await expect.poll(() => speakers.textContent()).toMatch(/Zhao Leji\s*\d/);
    const map = panel.getByTestId('panel-map');
    expect(await map.locator('.mark.note').count()).toBe(2);
    expect(await map.locator('.mark.claim').count()).toBeGreaterThan(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await map.locator('.mark.note').last().click();
    await expect.poll(() => quoteTop(page, LAST)).toBeLessThan(900);
  });

  it('ranks claims by check-worthiness with their status, lists names with counts, and switches the page’s mode', async () => {
    await panel.getByRole('tab', { name: 'Claims' }).click();
    const claims = panel.getByTestId('panel-claim');
    await expect.poll(() => claims.count()).toBeGreaterThan(2);
    const bands = await claims.locator('.badge[class*="band-"]').allTextContents();
    const order = { High: 0, Medium: 1, Low: 2 } as Record<string, number>;
    expect(bands.map((b) => order[b])).toEqual([...bands.map((b) => order[b])].sort());
    expect(await claims.first().textContent()).toMatch(/Not tracked/);
    const shownBefore = await panel.locator('text=not shown in this mode').count();
    expect(shownBefore).toBeGreaterThan(0);

    await panel.getByTestId('panel-mode-fact-check').click();
    await expect.poll(() => page.getByTestId('nl-mode-fact-check').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => panel.locator('text=not shown in this mode').count()).toBe(0);

    await panel.getByRole('tab', { name: 'Names' }).click();
    await expect.poll(() => panel.getByRole('button', { name: /^Zhao Leji\s*\d+ mentions: show in page/ }).count()).toBe(1);
  });

  it('edits a note in place, and the page repaints it', async () => {
    await panel.getByRole('tab', { name: 'Notes', exact: true }).click();
    await panel.getByRole('button', { name: `Edit: ${FIRST}` }).click();
    await panel.getByLabel('Note (Markdown)').fill('Check the eight-year claim.');
    await panel.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(async () => (await readDatabase(suite.browser)).annotations.find((a) => a.target.quote.exact === FIRST)?.note)
      .toBe('Check the eight-year claim.');
    await panel.getByRole('button', { name: `Delete: ${LAST}` }).click();
    await expect.poll(() => paintedTexts(page, 'hl-blue')).toEqual([]);
  });

  it('has All notes with the popup’s search, and a shortcuts sheet on ?', async () => {
    await panel.keyboard.press('/');
    await expect.poll(() => panel.getByRole('tab', { name: 'All notes' }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => panel.evaluate(() => document.activeElement?.id)).toBe('search-input');
    await panel.keyboard.type('eight-year');
    await expect.poll(() => panel.locator('.annotation .quote').allTextContents()).toEqual([FIRST]);
    await panel.locator('body').click({ position: { x: 5, y: 5 } });
    await panel.keyboard.press('?');
    await expect.poll(() => panel.getByTestId('panel-shortcuts').isVisible()).toBe(true);
    expect(await panel.getByTestId('panel-shortcuts').textContent()).toMatch(/Alt\+Shift\+E/);
    await panel.keyboard.press('Escape');
    await expect.poll(() => panel.getByTestId('panel-shortcuts').isVisible()).toBe(false);
  });
});
