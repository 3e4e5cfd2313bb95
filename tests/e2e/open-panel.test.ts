import { expect, it } from 'vitest';
import { describeChromium, pw } from './chromium-only';
import { openArticle, openPopup } from './harness';
import { useExtensionSuite } from './suite';

const suite = useExtensionSuite();

describeChromium('the popup is the quick launcher', () => {
  it('opens the side panel with a click (a user gesture, as Chrome requires)', async () => {
    pw(await openArticle(suite.browser, suite.server.url('/seed-article.html')));
    const popup = pw(await openPopup(suite.browser));
    const errors: string[] = [];
    popup.on('pageerror', (e) => errors.push(e.message));
    await popup.getByTestId('open-side-panel').click();
    // The side panel is not a tab; the extension's own list of its open contexts shows it.
    const sidePanels = () =>
      suite.browser.evaluateInExtension(`chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] }).then((c) => c.map((x) => x.documentUrl))`);
    await expect.poll(sidePanels, { timeout: 10_000 }).toEqual([expect.stringMatching(/\/sidepanel\.html$/)]);
    expect(errors).toEqual([]);
  });
});
