import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeChromium, pw } from './chromium-only';
import { COMMAND_SHORTCUTS } from '../../components/shared/shortcuts';
import { openArticle, readDatabase } from './harness';
import { selectText } from './page-actions';
import { useExtensionSuite } from './suite';

const suite = useExtensionSuite();
const QUOTE = 'generous coverage';

/** What has focus inside our shadow root (the page only sees the host element). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.querySelector('newslens-ui')?.shadowRoot?.activeElement as HTMLElement | null | undefined;
    return active ? active.getAttribute('data-testid') ?? active.getAttribute('aria-label') ?? active.tagName : null;
  });

/** Runs a browser command the way the background does when its shortcut is pressed (headless Chromium takes no global keys). */
async function runCommand(page: Page, command: string): Promise<void> {
  await suite.browser.evaluateInExtension(
    `(async () => {
      const [tab] = await chrome.tabs.query({ url: ${JSON.stringify(page.url())} });
      await chrome.tabs.sendMessage(tab.id, { type: 'tab/command', command: ${JSON.stringify(command)} });
    })()`,
  );
}

describeChromium('keyboard first', () => {
  it('Chromium binds every suggested shortcut, and the sheets list the same keys', async () => {
    const commands = (await suite.browser.evaluateInExtension('chrome.commands.getAll()')) as { name: string; shortcut: string }[];
    const bound = commands.filter((c) => c.name !== '_execute_action');
    expect(bound).toHaveLength(4);
    for (const command of bound) expect(command.shortcut, command.name).not.toBe('');
    expect(bound.map((c) => c.shortcut).sort()).toEqual(COMMAND_SHORTCUTS.map((s) => s.keys).sort());
  });

  it('a shortcut moves focus into the selection toolbar; arrows and Tab reach every action', async () => {
    const page = pw(await openArticle(suite.browser, suite.server.url('/seed-article.html')));
    await selectText(page, QUOTE);
    expect(await focused(page)).toBeNull();
    await runCommand(page, 'annotate-selection');
    await expect.poll(() => focused(page)).toBe('nl-color-yellow');
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe('nl-color-green');
    await page.keyboard.press('End');
    expect(await focused(page)).toBe('nl-track-selection');
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('nl-tags');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('nl-tag-selection-input');

    // Escape: the toolbar goes, the words stay selected, and focus is back in the page.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('nl-selection-toolbar').count()).toBe(0);
    expect(await page.evaluate(() => document.getSelection()?.toString())).toBe(QUOTE);
    expect(await focused(page)).toBeNull();
    await page.waitForTimeout(400);
    expect(await page.getByTestId('nl-selection-toolbar').count()).toBe(0);
    await page.close();
  });

  it('Note then Escape saves nothing and gives the selection back', async () => {
    const page = pw(await openArticle(suite.browser, suite.server.url('/seed-article.html')));
    await selectText(page, QUOTE);
    await runCommand(page, 'annotate-selection');
    await expect.poll(() => focused(page)).toBe('nl-color-yellow');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await focused(page)).toBe('nl-note');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('nl-note-input');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('nl-annotation-card').count()).toBe(0);
    expect(await page.evaluate(() => document.getSelection()?.toString())).toBe(QUOTE);
    expect((await readDatabase(suite.browser)).annotations).toEqual([]);

    // The note shortcut on the same selection, this time saved.
    await runCommand(page, 'note-selection');
    await expect.poll(() => focused(page)).toBe('nl-note-input');
    await page.keyboard.type('Kept this time.');
    await page.keyboard.press('Control+Enter');
    await expect.poll(async () => (await readDatabase(suite.browser)).annotations.map((a) => a.note)).toEqual(['Kept this time.']);
    await page.close();
  });

  it('? inside NewsLens opens the shortcuts sheet; Escape closes it', async () => {
    const page = pw(await openArticle(suite.browser, suite.server.url('/seed-article.html')));
    await page.getByTestId('nl-shortcuts-open').click();
    const sheet = page.getByTestId('nl-shortcuts');
    await expect.poll(() => sheet.isVisible()).toBe(true);
    expect(await sheet.textContent()).toMatch(/Alt\+Shift\+E/);
    await page.keyboard.press('Escape');
    await expect.poll(() => sheet.count()).toBe(0);
    await expect.poll(() => focused(page)).toBe('nl-shortcuts-open');
    await page.keyboard.press('?');
    await expect.poll(() => sheet.isVisible()).toBe(true);
    await page.close();
  });
});
