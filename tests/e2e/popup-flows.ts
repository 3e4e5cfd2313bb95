// Reader actions shared by the popup and export e2e suites: annotate two fixture articles through the page UI.
import { expect } from 'vitest';
import type { E2EPage as Page } from './driver';
import { openArticle, readDatabase, type ExtensionBrowser, type FixtureServer } from './harness';
import { clickText, selectText, setMode } from './page-actions';

export const SEED_PATH = '/seed-article.html';
export const WIRE_PATH = '/wire-story.html';
export const SEED_NOTE_QUOTE = 'UK teams would work with Chinese authorities to prevent small boat engines';
export const SEED_HIGHLIGHT = 'generous coverage';
export const SEED_CLAIM = 'correct track to improvement';
export const WIRE_NOTE_QUOTE = 'fined Severnside Water, Southdown Water and Pennine Water';

async function noteOn(page: Page, quote: string, note: string, tag: string): Promise<void> {
  await selectText(page, quote);
  await page.getByTestId('nl-note').click();
  await page.getByTestId('nl-note-input').fill(note);
  await page.getByTestId('nl-tag-input').fill(tag);
  await page.getByTestId('nl-tag-input').press('Enter');
  await page.getByTestId('nl-save').click();
}

async function liveCount(browser: ExtensionBrowser): Promise<number> {
  return (await readDatabase(browser)).annotations.filter((a) => !a.deletedAt).length;
}

/** A highlight, a tagged note and a tracked claim with a verdict on the seed article; a tagged note on the wire story. */
export async function annotateTwoArticles(browser: ExtensionBrowser, server: FixtureServer): Promise<void> {
  const seed = await openArticle(browser, server.url(SEED_PATH));
  // Fact-check mode paints every claim (Read mode only the top few); it is remembered for the site.
  await setMode(seed, 'fact-check');
  await selectText(seed, SEED_HIGHLIGHT);
  await seed.getByTestId('nl-color-yellow').click();
  await expect.poll(() => liveCount(browser)).toBe(1);
  await noteOn(seed, SEED_NOTE_QUOTE, 'Ask the Home Office for the agreement text.', 'border-pact');
  await expect.poll(() => liveCount(browser)).toBe(2);
  await clickText(seed, SEED_CLAIM);
  await expect.poll(() => seed.getByTestId('nl-claim-card').isVisible()).toBe(true);
  await seed.getByTestId('nl-track-claim').click();
  await seed.getByTestId('nl-claim-status').selectOption('verified');
  await seed.getByTestId('nl-claim-verdict').fill('Accurate quote');
  await seed.getByTestId('nl-claim-save').click();
  await expect
    .poll(async () => (await readDatabase(browser)).annotations.find((a) => a.kind === 'claim')?.claim?.verdict)
    .toBe('Accurate quote');
  await seed.close();

  const wire = await openArticle(browser, server.url(WIRE_PATH));
  await noteOn(wire, WIRE_NOTE_QUOTE, 'Compare with the **2021** fines.', 'water');
  await expect.poll(() => liveCount(browser)).toBe(4);
  // Stays open: the popup's "This page" tab looks at the most recently used web page.
}
