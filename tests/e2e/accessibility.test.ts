import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeChromium, pw } from './chromium-only';
import { openArticle, openPopup } from './harness';
import { axeViolations } from './axe';
import { clickText, selectText, setMode } from './page-actions';
import { useExtensionSuite } from './suite';

const suite = useExtensionSuite();
const SCHEMES = ['light', 'dark'] as const;

async function check(page: Page, surface: string, include?: string): Promise<void> {
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    // Cards fade in over 120 ms; axe would measure contrast through the fade.
    await page.waitForTimeout(250);
    expect(await axeViolations(page, include), `${surface} (${colorScheme})`).toEqual([]);
  }
}

describeChromium('accessibility (axe-core, moderate impact and above, light and dark)', () => {
  it('in-page surfaces: toolbar, selection toolbar, note editor, entity and claim cards, saved note, shortcuts sheet', async () => {
    const page = pw(await openArticle(suite.browser, suite.server.url('/seed-article.html')));
    await check(page, 'page toolbar', 'newslens-ui');
    await selectText(page, 'generous coverage');
    await check(page, 'selection toolbar', 'newslens-ui');
    await page.getByTestId('nl-note').click();
    await page.getByTestId('nl-note-input').waitFor();
    await check(page, 'note editor', 'newslens-ui');
    await page.getByTestId('nl-note-input').fill('A note.');
    await page.getByTestId('nl-save').click();
    await page.getByTestId('nl-delete').waitFor();
    await check(page, 'saved note card', 'newslens-ui');
    await page.getByTestId('nl-card-close').click();
    await clickText(page, 'Zhao Leji');
    await page.getByTestId('nl-entity-card').waitFor();
    await check(page, 'entity card', 'newslens-ui');
    await page.getByTestId('nl-card-close').click();
    await setMode(page, 'fact-check');
    await page.getByTestId('nl-next-claim').click();
    await page.getByTestId('nl-claim-card').waitFor();
    await check(page, 'claim card', 'newslens-ui');
    await page.getByTestId('nl-card-close').click();
    await page.getByTestId('nl-shortcuts-open').click();
    await page.getByTestId('nl-shortcuts').waitFor();
    await check(page, 'shortcuts sheet', 'newslens-ui');
  });

  it('the side panel, every popup tab, the options page and the first-run page', async () => {
    const panel = pw(await suite.browser.context.newPage());
    await panel.goto(`${suite.browser.extensionOrigin}/sidepanel.html`);
    await panel.getByTestId('panel-speakers').waitFor();
    for (const tab of ['Notes', 'Claims', 'Names', 'All notes']) {
      await panel.getByRole('tab', { name: tab, exact: true }).click();
      await check(panel, `side panel, ${tab}`);
    }
    await panel.keyboard.press('?');
    await check(panel, 'side panel shortcuts');

    const popup = pw(await openPopup(suite.browser));
    await popup.getByRole('heading', { level: 2 }).first().waitFor();
    for (const tab of ['This page', 'All notes', 'Settings']) {
      await popup.getByRole('tab', { name: tab }).click();
      await popup.waitForTimeout(200);
      await check(popup, `popup, ${tab}`);
    }

    const options = pw(await suite.browser.context.newPage());
    await options.goto(`${suite.browser.extensionOrigin}/options.html`);
    await options.getByRole('heading', { level: 1 }).waitFor();
    await options.waitForTimeout(200);
    await check(options, 'options page');

    const welcome = pw(await suite.browser.context.newPage());
    await welcome.goto(`${suite.browser.extensionOrigin}/welcome.html`);
    await welcome.getByRole('heading', { level: 1 }).waitFor();
    await check(welcome, 'first-run page');
  });
});
