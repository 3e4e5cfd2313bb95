import type { E2EPage as Page } from './driver';
import { describe, expect, it } from 'vitest';
import { openArticle, openPopup, readDatabase } from './harness';
import { selectText } from './page-actions';
import { annotateTwoArticles, SEED_CLAIM, SEED_HIGHLIGHT, SEED_NOTE_QUOTE, WIRE_NOTE_QUOTE, WIRE_PATH } from './popup-flows';
import { useExtensionSuite } from './suite';

const suite = useExtensionSuite();

const quotes = (popup: Page) => popup.locator('.annotation .quote').allTextContents();

async function allNotes(popup: Page): Promise<void> {
  await popup.getByRole('tab', { name: 'All notes' }).click();
  await expect.poll(() => popup.getByRole('status').filter({ hasText: /found/ }).textContent()).toBe('4 found');
}

describe('popup', () => {
  it('saves highlights, a note and a tracked claim on two articles through the page UI', async () => {
    await annotateTwoArticles(suite.browser, suite.server);
  });

  it('"This page" shows the last article used, its note, and scrolls the page to it', async () => {
    const wire = suite.browser.context.pages().find((p) => p.url().includes(WIRE_PATH));
    if (!wire) throw new Error('the wire story tab should still be open');
    await wire.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const quoteTop = () =>
      wire.evaluate((needle) => {
        const paragraph = [...document.querySelectorAll('p')].find((p) => p.textContent?.includes(needle));
        return paragraph ? paragraph.getBoundingClientRect().top : Number.NaN;
      }, WIRE_NOTE_QUOTE);
    expect(await quoteTop()).toBeLessThan(0);
    const popup = await openPopup(suite.browser);
    await expect.poll(() => popup.getByRole('heading', { level: 2 }).textContent()).toMatch(/UK regulator fines three water firms/);
    await expect.poll(() => quotes(popup)).toEqual([WIRE_NOTE_QUOTE]);
    expect(await popup.locator('.note strong').textContent()).toBe('2021');
    await popup.getByRole('button', { name: `Show in page: ${WIRE_NOTE_QUOTE}` }).click();
    await expect.poll(quoteTop).toBeGreaterThanOrEqual(0);
    expect(await popup.getByRole('alert').count()).toBe(0);
    await popup.close();
  });

  it('"All notes" lists both articles, searches across them and filters by tag', async () => {
    const popup = await openPopup(suite.browser);
    await allNotes(popup);
    expect(await popup.locator('.article-title').allTextContents()).toHaveLength(2);

    await popup.getByLabel('Search notes').fill('home office');
    await expect.poll(() => quotes(popup)).toEqual([SEED_NOTE_QUOTE]);
    await popup.getByLabel('Search notes').fill('accurate');
    await expect.poll(() => quotes(popup)).toEqual([expect.stringContaining(SEED_CLAIM)]);
    await popup.getByLabel('Search notes').fill('');

    await popup.locator('summary', { hasText: 'Filters' }).click();
    await popup.getByLabel('Tag', { exact: true }).selectOption('water');
    await expect.poll(() => quotes(popup)).toEqual([WIRE_NOTE_QUOTE]);
    await popup.getByLabel('Tag', { exact: true }).selectOption('');
    await popup.getByLabel('Kind').selectOption('claim');
    await expect.poll(() => popup.locator('summary').textContent()).toBe('Filters (1 on)');
    await expect.poll(() => popup.locator('.annotation .badge').allTextContents()).toEqual(['Verified · Accurate quote']);
    await popup.close();
  });

  it('edits a note from the popup and deletes with undo, keyboard only', async () => {
    const popup = await openPopup(suite.browser);
    await allNotes(popup);
    await popup.getByRole('button', { name: `Edit: ${SEED_HIGHLIGHT}` }).click();
    await popup.getByLabel('Note (Markdown)').fill('Coverage in *People’s Daily*');
    await popup.getByLabel('Note (Markdown)').press('Tab');
    await popup.keyboard.press('Shift+Tab');
    await popup.getByRole('button', { name: 'Save' }).focus();
    await popup.keyboard.press('Enter');
    await expect
      .poll(async () => (await readDatabase(suite.browser)).annotations.find((a) => a.target.quote.exact === SEED_HIGHLIGHT)?.note)
      .toBe('Coverage in *People’s Daily*');

    await popup.getByRole('button', { name: `Delete: ${SEED_HIGHLIGHT}` }).focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.locator('.undo').textContent()).toContain('Deleted');
    await popup.getByRole('button', { name: 'Undo' }).focus();
    await popup.keyboard.press('Enter');
    await expect
      .poll(async () => (await readDatabase(suite.browser)).annotations.find((a) => a.target.quote.exact === SEED_HIGHLIGHT)?.deletedAt)
      .toBeNull();

    await popup.getByRole('tab', { name: 'All notes' }).focus();
    await popup.keyboard.press('ArrowRight');
    await expect.poll(() => popup.getByRole('tab', { name: 'Settings' }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => popup.getByText(/persistent/).count()).toBeGreaterThan(0);
    await popup.close();
  });

  it('"All notes", left open, shows a highlight made on a page meanwhile (written by the background, not reopened)', async () => {
    const popup = await openPopup(suite.browser);
    await allNotes(popup);
    const wire = await openArticle(suite.browser, suite.server.url(WIRE_PATH));
    const quote = 'received the largest share of the penalty';
    await selectText(wire, quote);
    await wire.getByTestId('nl-color-yellow').click();
    await expect.poll(() => popup.getByRole('status').filter({ hasText: /found/ }).textContent()).toBe('5 found');
    expect(await quotes(popup)).toContain(quote);
    await wire.close();
    await popup.close();
  });
});

