import { expect, it } from 'vitest';
import { describeChromium, pw } from './chromium-only';
import { waitForNewsLens } from './harness';
import { paintedTexts } from './page-actions';
import { useExtensionSuite } from './suite';

const suite = useExtensionSuite();

describeChromium('pages whose article appears late', () => {
  it('rescans an AMP page whose runtime failed, once the boilerplate reveals the body', async () => {
    const page = pw(await suite.browser.context.newPage());
    // The AMP runtime (cdn.ampproject.org) is unreachable here, as on a flaky network: the body stays hidden for 8 s.
    await page.goto(suite.server.url('/amp-article.html'));
    const hiddenAtFirst = await page.evaluate(() => getComputedStyle(document.body).visibility);
    expect(hiddenAtFirst).toBe('hidden');
    await waitForNewsLens(page);
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).visibility), { timeout: 15_000 }).toBe('visible');
    await expect
      .poll(async () => (await paintedTexts(page, 'person-quiet')).length + (await paintedTexts(page, 'claim-high')).length, { timeout: 20_000 })
      .toBeGreaterThan(0);
    await page.close();
  });
});
