import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixtureHtml, openArticle } from './harness';
import { clickText, hoverText, paintedTexts, setMode } from './page-actions';
import { useExtensionSuite } from './suite';

const gold = JSON.parse(readFileSync(new URL('../fixtures/seed-article.gold.json', import.meta.url), 'utf8')) as {
  entities: { canonical: string; type: 'person' | 'organization' | 'place'; mentions: string[] }[];
};

const suite = useExtensionSuite();

describe('entities on the seed article', () => {
  it('highlights the labelled people, organisations and places, and nothing in the promo lines', async () => {
    const page = await openArticle(suite.browser, suite.server.url('/seed-article.html'));
    // Fact-check mode tints every kind (Read mode only underlines names quietly); it is remembered for the site.
    await setMode(page, 'fact-check');
    const painted = {
      person: await paintedTexts(page, 'person'),
      organization: await paintedTexts(page, 'organization'),
      place: await paintedTexts(page, 'place'),
    };
    // Named mentions must be painted with their type (descriptions like "UK prime minister" are optional).
    const named = gold.entities.flatMap((e) => e.mentions.filter((m) => /^[A-Z]/.test(m) && m !== 'UK prime minister').map((m) => [e.type, m] as const));
    const missing = named.filter(([type, mention]) => !painted[type].some((t) => t === mention || t.includes(mention)));
    expect(missing.length / named.length).toBeLessThanOrEqual(0.1);
    const inBoilerplate = await page.evaluate(() => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      const boilerplate = [...document.querySelectorAll('.n-content-promo, .article-cta, nav, footer, .related-content, .comments')];
      let count = 0;
      for (const [, highlight] of registry) for (const range of highlight) if (boilerplate.some((b) => range.intersectsNode(b))) count++;
      return count;
    });
    expect(inBoilerplate).toBe(0);
    await page.close();
  });

  it('opens an entity card with type, aliases and mention count, and hides a kind', async () => {
    const page = await openArticle(suite.browser, suite.server.url('/seed-article.html'));
    await clickText(page, 'Zhao Leji');
    const card = page.getByTestId('nl-card');
    await expect.poll(() => card.isVisible()).toBe(true);
    await expect.poll(async () => (await card.textContent()) ?? '').toMatch(/Zhao Leji/);
    expect(await card.textContent()).toMatch(/Person/);
    expect(await card.textContent()).toMatch(/Mentioned [2-9] times/i);
    await page.getByTestId('nl-toggle-person').click();
    await expect.poll(() => paintedTexts(page, 'person')).toEqual([]);
    await page.getByTestId('nl-toggle-person').click();
    await expect.poll(async () => (await paintedTexts(page, 'person')).length).toBeGreaterThan(3);
    await page.close();
  });

  it('previews a card when the pointer rests on a name, without taking focus from the page', async () => {
    const page = await openArticle(suite.browser, suite.server.url('/seed-article.html'));
    await hoverText(page, 'Li Qiang');
    await expect.poll(async () => (await page.getByTestId('nl-card').textContent()) ?? '', { timeout: 5000 }).toMatch(/Li Qiang/);
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await page.mouse.move(5, 5);
    await expect.poll(() => page.getByTestId('nl-card').count(), { timeout: 5000 }).toBe(0);
    await page.close();
  });

  it('re-scans a page whose article text changes later (live updates)', async () => {
    const page = await openArticle(suite.browser, suite.server.url('/seed-article.html'));
    await page.evaluate(() => {
      const body = document.querySelector('.article-body') ?? document.querySelector('article');
      const p = document.createElement('p');
      p.textContent = 'Later on Thursday, Angela Merkel arrived in Lisbon for talks with the European Commission.';
      body?.appendChild(p);
    });
    await expect.poll(() => paintedTexts(page, 'person'), { timeout: 15_000 }).toContain('Angela Merkel');
    expect(await paintedTexts(page, 'place')).toContain('Lisbon');
    await page.close();
  });

  it('does not freeze on a hostile page and never runs its text as code', async () => {
    const page = await suite.browser.context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(suite.server.url('/hostile.html'));
    await page.waitForFunction(() => ['ready', 'not-article'].includes(document.querySelector('newslens-ui')?.getAttribute('data-state') ?? ''), null, { timeout: 30_000 });
    expect(dialogs).toEqual([]);
    expect(fixtureHtml('hostile.html').length).toBeGreaterThan(1000);
    await page.close();
  });
});
