import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureHtml, openArticle, readDatabase, waitForNewsLens } from './harness';
import { clickText, paintedTexts, selectText } from './page-actions';
import { useExtensionSuite } from './suite';

const suite = useExtensionSuite();
const QUOTE = 'UK teams would work with Chinese authorities to prevent small boat engines';
const PATH = '/notes-article.html';

beforeAll(() => {
  suite.server.override(PATH, fixtureHtml('seed-article.html'));
});

describe('highlights and notes survive', () => {
  it('saves a highlight with a note and puts it back on the same words after a reload', async () => {
    const page = await openArticle(suite.browser, suite.server.url(PATH));
    await selectText(page, QUOTE);
    await page.getByTestId('nl-note').click();
    await page.getByTestId('nl-note-input').fill('Ask the Home Office for the agreement text.');
    await page.getByTestId('nl-tag-input').fill('border-pact');
    await page.getByTestId('nl-tag-input').press('Enter');
    await page.getByTestId('nl-save').click();
    await expect.poll(async () => (await readDatabase(suite.browser)).annotations.find((a) => a.kind === 'note')?.note).toBe(
      'Ask the Home Office for the agreement text.',
    );
    expect((await readDatabase(suite.browser)).annotations.find((a) => a.kind === 'note')?.tags).toEqual(['border-pact']);

    await page.reload();
    await waitForNewsLens(page);
    // The private overlay measures on the next animation frame.
    await expect.poll(() => paintedTexts(page, 'hl-yellow')).toContain(QUOTE);
    await page.close();
  });

  it('finds the highlight with changes when the article is edited, and says the article changed', async () => {
    suite.server.override(PATH, fixtureHtml('seed-article.html').replace('UK teams would work with Chinese', 'British teams would work with Chinese'));
    const page = await openArticle(suite.browser, suite.server.url(PATH));
    await expect
      .poll(async () => (await paintedTexts(page, 'hl-yellow')).some((t) => t.includes('teams would work with Chinese authorities to prevent small boat engines')))
      .toBe(true);
    await expect.poll(() => page.getByTestId('nl-changed').isVisible()).toBe(true);
    const note = (await readDatabase(suite.browser)).annotations.find((a) => a.kind === 'note');
    expect(note.anchor.quality).toBe('changed');
    await page.close();
  });

  it('keeps a note whose paragraph was removed as an orphan, shown with its quote', async () => {
    const html = fixtureHtml('seed-article.html');
    const withoutParagraph = html.replace(/<p[^>]*>\s*Downing Street said that under a border-security pact[\s\S]*?<\/p>/, '');
    expect(withoutParagraph).not.toBe(html);
    suite.server.override(PATH, withoutParagraph);
    const page = await openArticle(suite.browser, suite.server.url(PATH));
    expect(await paintedTexts(page, 'hl-yellow')).toEqual([]);
    const orphans = page.getByTestId('nl-orphans');
    await expect.poll(() => orphans.isVisible()).toBe(true);
    expect(await orphans.textContent()).toMatch(/1 note could not be placed/i);
    await orphans.click();
    await expect.poll(async () => (await page.getByTestId('nl-toolbar').textContent()) ?? '').toContain('Ask the Home Office');
    const db = await readDatabase(suite.browser);
    expect(db.annotations.filter((a) => !a.deletedAt)).toHaveLength(1);
    expect(db.annotations[0].anchor.quality).toBe('orphan');
    await page.close();
  });

  it('deletes with undo', async () => {
    suite.server.override(PATH, fixtureHtml('seed-article.html'));
    const page = await openArticle(suite.browser, suite.server.url(PATH));
    await selectText(page, 'generous coverage');
    await page.getByTestId('nl-color-green').click();
    await expect.poll(() => paintedTexts(page, 'hl-green')).toEqual(['generous coverage']);
    await clickText(page, 'generous coverage');
    await page.getByTestId('nl-delete').click();
    await expect.poll(() => paintedTexts(page, 'hl-green')).toEqual([]);
    await page.getByTestId('nl-undo').click();
    await expect.poll(() => paintedTexts(page, 'hl-green')).toEqual(['generous coverage']);
    const live = (await readDatabase(suite.browser)).annotations.filter((a) => !a.deletedAt && a.color === 'green');
    expect(live).toHaveLength(1);
    await page.close();
  });
});

describe('pages that are not articles', () => {
  it('are left alone until the reader asks, then take highlights like any article', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.server.url('/section-front.html'));
    await waitForNewsLens(page, 'not-article');
    await expect.poll(async () => (await page.getByTestId('nl-toolbar').textContent()) ?? '').toMatch(/doesn.t look like an article/i);
    await page.getByTestId('nl-annotate-anyway').click();
    await waitForNewsLens(page);
    await selectText(page, 'Brussels officials say safeguard quotas could be tightened');
    await page.getByTestId('nl-color-blue').click();
    await expect.poll(() => paintedTexts(page, 'hl-blue')).toEqual(['Brussels officials say safeguard quotas could be tightened']);
    const db = await readDatabase(suite.browser);
    const article = db.articles.find((a) => a.url === suite.server.url('/section-front.html'));
    expect(article?.isArticle).toBe(false);
    expect(db.annotations.filter((a) => a.articleId === article?.id)).toHaveLength(1);
    await page.close();
  });
});
