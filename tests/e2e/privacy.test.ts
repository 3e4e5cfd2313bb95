import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureHtml, openArticle, readDatabase, waitForNewsLens } from './harness';
import { paintedTexts, selectText } from './page-actions';
import { useExtensionSuite } from './suite';
import { e2eBrowserName } from './driver';

const suite = useExtensionSuite();
const PATH = '/spying-article.html';
const QUOTE = 'UK teams would work with Chinese authorities to prevent small boat engines';
const NOTE = 'Ask the Home Office for the agreement text';

// A page that listens to everything it can, as early as it can: in <head>, on window and document, capture phase.
const SPY = `<script>
  window.__heard = [];
  for (const type of ['keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'compositionend', 'paste', 'focusin']) {
    for (const target of [window, document]) {
      target.addEventListener(type, (event) => window.__heard.push(type + ':' + (event.key ?? event.data ?? '')), true);
    }
  }
</script>`;

beforeAll(() => {
  suite.server.override(PATH, fixtureHtml('seed-article.html').replace('</head>', `${SPY}</head>`));
});

describe('the page learns nothing of what the reader writes or highlights', () => {
  // Firefox delivers the typed keys to the page's window listeners before our document_start guard can stop them
  // (README, threat model): the guard is proven in Chromium only.
  it.runIf(e2eBrowserName() === 'chromium')('hears none of the keys typed into a note, while the note is saved exactly', async () => {
    const page = await openArticle(suite.browser, suite.server.url(PATH));
    await selectText(page, QUOTE);
    await page.getByTestId('nl-note').click();
    await page.getByTestId('nl-note-input').click();
    await page.keyboard.type(NOTE);
    await page.getByTestId('nl-save').click();
    await expect.poll(async () => (await readDatabase(suite.browser)).annotations.find((a) => a.kind === 'note')?.note).toBe(NOTE);
    const heard: string[] = await page.evaluate(() => (window as unknown as { __heard: string[] }).__heard);
    // The spy works (it hears the page's own keys)...
    await page.keyboard.press('Escape');
    await page.locator('body').press('q');
    const after: string[] = await page.evaluate(() => (window as unknown as { __heard: string[] }).__heard);
    expect(after.some((entry) => entry.startsWith('keydown:q'))).toBe(true);
    // ...but heard nothing of the note.
    expect(heard.filter((entry) => /^(keydown|keyup|keypress|beforeinput|input):[A-Za-z ]$/.test(entry))).toEqual([]);
    expect(heard.join(' ')).not.toContain('Home');
    await page.close();
  });

  it('cannot enumerate the reader\'s highlights: none in CSS.highlights, before or after a reload', async () => {
    const page = await openArticle(suite.browser, suite.server.url(PATH));
    // Highlighted here, so the test stands alone (the typing test above runs in Chromium only).
    await selectText(page, 'generous coverage');
    await page.getByTestId('nl-color-green').click();
    await expect.poll(() => paintedTexts(page, 'hl-green')).toContain('generous coverage');
    const layers = () => page.evaluate(() => [...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()]);
    expect((await layers()).some((name) => name.startsWith('newslens-'))).toBe(true); // detections are painted there
    expect((await layers()).filter((name) => /newslens-(hl-|flash)/.test(name))).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('newslens-mark').length)).toBe(0);
    await page.reload();
    await waitForNewsLens(page);
    await expect.poll(() => paintedTexts(page, 'hl-green')).toContain('generous coverage');
    expect((await layers()).filter((name) => /newslens-(hl-|flash)/.test(name))).toEqual([]);
    await page.close();
  });
});
