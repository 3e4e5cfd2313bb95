// `npm run demo [-- --headed] [-- --browser firefox]`: opens the built-in sample article in Chromium (or Firefox)
// with the extension loaded, highlights a passage, writes a note, tracks a claim, and saves screenshots. In Chromium
// these are the README's, in docs/: the article in Read mode (the default) and in Fact-check mode, the side panel beside
// the annotated article, and the popup; in Firefox they go to demo-output/firefox-*.png. Prints what was stored in the
// extension's database. Installs the browser when missing and it can (see scripts/ensure-*.sh) and builds the e2e
// extension for that browser first.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import type { BrowserName } from '../tests/e2e/driver';
import { launchWithExtension, openArticle, openPopup, readDatabase, startFixtureServer } from '../tests/e2e/harness';
import { selectText, setMode } from '../tests/e2e/page-actions';

const headed = process.argv.includes('--headed');
const browserArg = process.argv[process.argv.indexOf('--browser') + 1];
const browserName: BrowserName = process.argv.includes('--browser') ? (browserArg as BrowserName) : 'chromium';
if (browserName !== 'chromium' && browserName !== 'firefox') {
  console.error(`--browser must be chromium or firefox, not ${browserArg}`);
  process.exit(1);
}
execFileSync('bash', [`scripts/ensure-${browserName}.sh`], { stdio: 'inherit' });
execFileSync('npx', ['wxt', 'build', ...(browserName === 'firefox' ? ['-b', 'firefox'] : []), '--mode', 'e2e'], { stdio: 'inherit' });
const chromium = browserName === 'chromium';
const OUT = chromium ? 'docs' : 'demo-output';
const shot = (name: string) => `${OUT}/${chromium ? '' : 'firefox-'}${name}.png`;
mkdirSync(OUT, { recursive: true });

const server = await startFixtureServer();
const browser = await launchWithExtension({ headed, browser: browserName });
try {
  const page = await openArticle(browser, server.url('/seed-article.html'));
  console.log(`Sample article: ${server.url('/seed-article.html')}`);

  await selectText(page, 'the first UK prime minister to visit China in eight years');
  await page.getByTestId('nl-color-yellow').click();
  await selectText(page, 'intelligence sharing to identify smugglers’ supply routes');
  await page.getByTestId('nl-note').click();
  await page.getByTestId('nl-note-input').fill('Which engine makers? Look for the Home Office figures.');
  await page.getByTestId('nl-save').click();
  await page.getByTestId('nl-card-close').click();

  await page.getByTestId('nl-next-claim').click();
  await page.getByTestId('nl-track-claim').click();
  await page.getByTestId('nl-claim-status').selectOption('in_progress');
  await page.getByTestId('nl-claim-save').click();
  await page.getByTestId('nl-card-close').click();
  // Let the flash that marks the stepped-to claim fade before the screenshots.
  await page.waitForTimeout(1800);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: shot('read-mode') });
  console.log(`Saved ${shot('read-mode')} (Read mode, the default)`);

  await setMode(page, 'fact-check');
  await page.waitForTimeout(300);
  await page.screenshot({ path: shot('fact-check-mode') });
  console.log(`Saved ${shot('fact-check-mode')}`);
  await setMode(page, 'read');

  if (chromium) {
    // Chrome's side panel cannot be screenshotted headless: the same page, opened by URL (it follows the web page used
    // last), is placed beside the article narrowed to leave it room.
    const panel = await browser.openExtensionPage('sidepanel.html');
    await panel.setViewportSize({ width: 400, height: 800 });
    await panel.getByTestId('panel-speakers').waitFor();
    await page.setViewportSize({ width: 879, height: 800 });
    await page.evaluate(() => {
      const p = [...document.querySelectorAll('p')].find((el) => el.textContent?.includes('intelligence sharing'));
      p?.scrollIntoView({ block: 'center' });
    });
    await page.waitForTimeout(800);
    await page.screenshot({ path: 'demo-output/article-narrow.png' });
    await panel.screenshot({ path: 'demo-output/side-panel-alone.png' });
    const img = (file: string) => `<img src="data:image/png;base64,${readFileSync(file).toString('base64')}" style="display:block">`;
    const canvas = await browser.context.newPage();
    await canvas.setViewportSize({ width: 1280, height: 800 });
    await canvas.setContent(
      `<body style="margin:0;display:flex;background:#888;gap:1px">${img('demo-output/article-narrow.png')}${img('demo-output/side-panel-alone.png')}</body>`,
    );
    await canvas.screenshot({ path: shot('side-panel') });
    console.log(`Saved ${shot('side-panel')} (the side panel beside the annotated article)`);
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  const popup = await openPopup(browser);
  await popup.setViewportSize({ width: 420, height: 640 });
  await popup.getByRole('tab', { name: /all notes/i }).click();
  await popup.waitForTimeout(500);
  await popup.screenshot({ path: shot('popup') });
  console.log(`Saved ${shot('popup')}`);

  const db = await readDatabase(browser);
  console.log(`\nStored in the extension's IndexedDB (origin ${browser.extensionOrigin}):`);
  for (const article of db.articles) console.log(`  article: ${article.title} — ${article.url}`);
  for (const a of db.annotations) {
    const claim = a.claim ? ` [claim: ${a.claim.status}${a.claim.claimant ? `, speaker ${a.claim.claimant}` : ''}]` : '';
    console.log(`  ${a.kind}: “${a.target.quote.exact}”${a.note ? ` — note: ${a.note}` : ''}${claim}`);
  }
  if (headed) {
    console.log('\nThe browser stays open; press Ctrl+C to quit.');
    await new Promise(() => undefined);
  }
} finally {
  if (!headed) {
    await browser.close();
    await server.close();
  }
}
