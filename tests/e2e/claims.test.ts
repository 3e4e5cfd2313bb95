import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openArticle, readDatabase, waitForNewsLens } from './harness';
import { clickText, paintedTexts, setMode } from './page-actions';
import { useExtensionSuite } from './suite';

const gold = JSON.parse(readFileSync(new URL('../fixtures/seed-article.gold.json', import.meta.url), 'utf8')) as {
  claims: { quote: string; speaker?: string }[];
};

const suite = useExtensionSuite();

const claimLayers = async (page: import('./driver').E2EPage) =>
  [...(await paintedTexts(page, 'claim-high')), ...(await paintedTexts(page, 'claim-medium')), ...(await paintedTexts(page, 'claim-low'))];

describe('claims on the seed article', () => {
  it('underlines every labelled claim in Fact-check mode (and the mode stays for the site)', async () => {
    const page = await openArticle(suite.browser, suite.server.url('/seed-article.html'));
    await setMode(page, 'fact-check');
    const painted = await claimLayers(page);
    for (const claim of gold.claims) {
      const quote = claim.quote.replace(/^“|”$/g, '');
      expect(painted.some((text) => text.includes(quote)), quote).toBe(true);
    }
    await page.close();
  });

  it('shows the speaker, tracks the claim, and keeps its status after a reload', async () => {
    const url = suite.server.url('/seed-article.html');
    const page = await openArticle(suite.browser, url);
    await clickText(page, 'correct track to improvement');
    const card = page.getByTestId('nl-claim-card');
    await expect.poll(() => card.isVisible()).toBe(true);
    expect(await page.getByTestId('nl-claim-speaker').textContent()).toMatch(/Zhao Leji/);
    await page.getByTestId('nl-track-claim').click();
    await page.getByTestId('nl-claim-status').selectOption('verified');
    await page.getByTestId('nl-claim-verdict').fill('Accurate quote');
    await page.getByTestId('nl-evidence-url').fill('javascript:alert(1)');
    await page.getByTestId('nl-evidence-add').click();
    await expect.poll(async () => (await card.textContent()) ?? '').toMatch(/http/i);
    await page.getByTestId('nl-evidence-url').fill('https://www.gov.uk/government/news/uk-china-border-security');
    await page.getByTestId('nl-evidence-add').click();
    await page.getByTestId('nl-claim-save').click();
    await expect
      .poll(async () => (await readDatabase(suite.browser)).annotations.find((a) => a.kind === 'claim')?.claim?.status)
      .toBe('verified');
    const stored = (await readDatabase(suite.browser)).annotations.find((a) => a.kind === 'claim');
    expect(stored.claim.claimant).toBe('Zhao Leji');
    expect(stored.claim.evidence).toEqual([{ url: 'https://www.gov.uk/government/news/uk-china-border-security', note: '' }]);

    await page.reload();
    await waitForNewsLens(page);
    await clickText(page, 'correct track to improvement');
    await expect.poll(() => page.getByTestId('nl-claim-status').inputValue()).toBe('verified');
    expect(await page.getByTestId('nl-claim-verdict').inputValue()).toBe('Accurate quote');
    await page.close();
  });

  it('steps through claims from the toolbar', async () => {
    const page = await openArticle(suite.browser, suite.server.url('/seed-article.html'));
    await page.getByTestId('nl-next-claim').click();
    await expect.poll(() => page.getByTestId('nl-claim-card').isVisible()).toBe(true);
    const first = await page.getByTestId('nl-claim-card').textContent();
    await page.getByTestId('nl-next-claim').click();
    await expect.poll(async () => page.getByTestId('nl-claim-card').textContent()).not.toBe(first);
    expect(await page.getByTestId('nl-toolbar').textContent()).toMatch(/2\s*\/\s*\d+/);
    await page.close();
  });
});
