import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeChromium, pw, pwContext } from './chromium-only';
import { openArticle, openPopup, readDatabase, waitForNewsLens } from './harness';
import { selectText, setMode } from './page-actions';
import { useExtensionSuite } from './suite';

const suite = useExtensionSuite();
const extensionUrl = (path: string) => `${suite.browser.extensionOrigin}/${path}`;

describeChromium('a finished product', () => {
  it('declares icons at 16, 32, 48 and 128 px, light and dark variants, that load as images of that size', async () => {
    const manifest = (await suite.browser.evaluateInExtension('chrome.runtime.getManifest()')) as {
      icons: Record<string, string>;
      action: { default_icon: Record<string, string> };
    };
    expect(Object.keys(manifest.icons)).toEqual(['16', '32', '48', '128']);
    expect(manifest.action.default_icon).toEqual(manifest.icons);
    const page = pw(await suite.browser.context.newPage());
    await page.goto(extensionUrl('popup.html'));
    for (const size of [16, 32, 48, 128]) {
      for (const path of [manifest.icons[String(size)], `icon/dark-${size}.png`]) {
        const natural = await page.evaluate(async (src) => {
          const img = new Image();
          img.src = `/${src}`;
          await img.decode();
          return [img.naturalWidth, img.naturalHeight];
        }, path as string);
        expect(natural, path).toEqual([size, size]);
      }
    }
    await page.close();
  });

  it('opens a first-run page on install, with a sample article NewsLens runs on', async () => {
    const welcome = pwContext(suite.browser).pages().find((p) => p.url().endsWith('/welcome.html'));
    expect(welcome, 'the first-run page opened on install').toBeTruthy();
    const text = (await (welcome as Page).locator('main').textContent()) ?? '';
    for (const part of [/What it does/, /Always annotate on/, /Privacy/, /sends nothing/, /Alt\+Shift\+E/]) expect(text).toMatch(part);
    const [sample] = await Promise.all([pwContext(suite.browser).waitForEvent('page'), (welcome as Page).getByTestId('welcome-sample').click()]);
    await waitForNewsLens(sample);
    await selectText(sample, 'the largest investment in the harbour for a century');
    await sample.getByTestId('nl-color-yellow').click();
    await expect.poll(async () => (await readDatabase(suite.browser)).articles.map((a) => a.url)).toEqual([
      'https://sample.newslens.invalid/2026/harbour-town-sea-wall',
    ]);
    await sample.close();
  });

  it('opens the claim card beside the claim, never over it', async () => {
    const page = pw(await openArticle(suite.browser, suite.server.url('/seed-article.html')));
    await setMode(page, 'fact-check');
    for (let step = 0; step < 4; step++) {
      await page.getByTestId('nl-next-claim').click();
      await page.getByTestId('nl-claim-card').waitFor();
      await page.waitForTimeout(200);
      const overlap = await page.evaluate(() => {
        const card = document.querySelector('newslens-ui')?.shadowRoot?.querySelector('[data-testid="nl-card"]')?.getBoundingClientRect();
        // The flash is private: its boxes are in our overlay's shadow root (open in the e2e build).
        const boxes = document.querySelector('newslens-marks')?.shadowRoot?.querySelectorAll('[data-layer="flash"] .box');
        if (!card || !boxes?.length) return null;
        let area = 0;
        {
          for (const r of [...boxes].map((box) => box.getBoundingClientRect())) {
            const w = Math.min(r.right, card.right) - Math.max(r.left, card.left);
            const h = Math.min(r.bottom, card.bottom) - Math.max(r.top, card.top);
            if (w > 0 && h > 0) area += w * h;
          }
        }
        return area;
      });
      expect(overlap, `claim ${step + 1}`).toBe(0);
    }
    await page.close();
  });

  it('wraps long quotes inside their cards in the popup', async () => {
    const long = 'https://example.com/'.padEnd(300, 'a');
    suite.server.override('/long-quote.html', `<!doctype html><html lang="en"><head><title>Long quote</title></head><body><article><h1>Long quote</h1>
      <p>${'Reporters checked the figures twice before publication. '.repeat(8)}</p><p>Source: ${long}</p>
      <p>${'The council said the budget would balance by next year. '.repeat(8)}</p></article></body></html>`);
    const page = pw(await openArticle(suite.browser, suite.server.url('/long-quote.html')));
    await selectText(page, long.slice(0, 200));
    await page.getByTestId('nl-color-blue').click();
    await expect
      .poll(async () => (await readDatabase(suite.browser)).annotations.filter((a) => a.target.quote.exact.startsWith('https://example.com/')).length, { timeout: 5000 })
      .toBe(1);
    const popup = pw(await openPopup(suite.browser));
    const quote = popup.locator('.annotation .quote').first();
    await quote.waitFor();
    const [scrollWidth, clientWidth] = await quote.evaluate((el) => [el.scrollWidth, el.clientWidth]);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    await popup.close();
    await page.close();
  });
});
