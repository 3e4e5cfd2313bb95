import type { E2EPage as Page } from './driver';
import { describe, expect, it } from 'vitest';
import { launchWithExtension, openPopup, readDatabase, type ExtensionBrowser } from './harness';
import { annotateTwoArticles, SEED_CLAIM, SEED_NOTE_QUOTE, WIRE_NOTE_QUOTE } from './popup-flows';
import { useExtensionSuite } from './suite';

const suite = useExtensionSuite();

async function exportEverything(popup: Page, format: string): Promise<{ name: string; path: string; text: string }> {
  await popup.getByLabel('What').selectOption('all');
  await popup.getByLabel('Format').selectOption(format);
  return suite.browser.captureDownload(popup, () => popup.getByRole('button', { name: 'Export' }).click());
}

async function openAllNotes(target: ExtensionBrowser): Promise<Page> {
  const popup = await openPopup(target);
  await popup.getByRole('tab', { name: 'All notes' }).click();
  return popup;
}

describe('export and import from the popup', () => {
  it('saves highlights, a note and a tracked claim on two articles through the page UI', async () => {
    await annotateTwoArticles(suite.browser, suite.server);
  });

  let backupPath = '';

  it('exports everything in each format', async () => {
    const popup = await openAllNotes(suite.browser);
    await expect.poll(() => popup.getByRole('status').filter({ hasText: /found/ }).textContent()).toBe('4 found');

    const markdown = await exportEverything(popup, 'markdown');
    expect(markdown.name).toMatch(/^newslens-.*\.md$/);
    expect(markdown.text).toContain(`> ${SEED_NOTE_QUOTE}`);
    expect(markdown.text).toContain('Ask the Home Office for the agreement text.');
    expect(markdown.text).toContain('#border-pact');

    const csv = await exportEverything(popup, 'csv');
    expect(csv.name).toMatch(/\.csv$/);
    expect(csv.text.split('\r\n')[0]).toBe('Highlight,Title,Author,URL,Note,Tags,Location,Date');
    expect(csv.text).toContain(WIRE_NOTE_QUOTE);

    const webAnnotation = JSON.parse((await exportEverything(popup, 'web-annotation')).text);
    expect(webAnnotation.type).toBe('AnnotationCollection');
    expect(webAnnotation.items ?? webAnnotation.first?.items).toHaveLength(4);

    const claimReview = JSON.parse((await exportEverything(popup, 'claim-review')).text);
    const reviews = Array.isArray(claimReview) ? claimReview : [claimReview];
    expect(reviews).toHaveLength(1);
    expect(reviews[0].claimReviewed).toContain(SEED_CLAIM.split(' ')[0]);
    expect(reviews[0].reviewRating.alternateName).toBe('Accurate quote');

    expect((await exportEverything(popup, 'bibtex')).text.match(/^@\w+\{/gm)).toHaveLength(2);
    expect(JSON.parse((await exportEverything(popup, 'csl-json')).text)).toHaveLength(2);

    const backup = await exportEverything(popup, 'backup');
    expect(JSON.parse(backup.text).annotations).toHaveLength(4);
    backupPath = backup.path;
    await popup.close();
  });

  it('imports the JSON backup into a fresh profile and everything is back', async () => {
    expect(backupPath).not.toBe('');
    const original = await readDatabase(suite.browser);
    const fresh = await launchWithExtension();
    try {
      const popup = await openAllNotes(fresh);
      await popup.getByLabel('Import a NewsLens JSON backup').setInputFiles(backupPath);
      await expect.poll(() => popup.getByText(/^Imported\./).textContent()).toMatch(/Articles: 2 added.*Notes and highlights: 4 added/);
      await expect.poll(() => popup.getByRole('status').filter({ hasText: /found/ }).textContent()).toBe('4 found');
      const restored = await readDatabase(fresh);
      const byId = (rows: { id: string }[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
      expect(byId(restored.annotations)).toEqual(byId(original.annotations));
      expect(byId(restored.articles)).toEqual(byId(original.articles));

      await popup.getByLabel('Search notes').fill('home office');
      await expect.poll(() => popup.locator('.annotation .quote').allTextContents()).toEqual([SEED_NOTE_QUOTE]);
    } finally {
      await fresh.close();
    }
  });
});
