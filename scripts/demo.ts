// `npm run demo [-- --headed] [-- --browser firefox]`: opens the built-in sample article in Chromium (or Firefox)
// with the extension loaded, highlights a passage, writes a note, tracks a claim, opens an entity card, and saves
// screenshots of the page and the popup under demo-output/ (`firefox-` in front of Firefox's). Prints what was
// stored in the extension's database. Installs the browser when missing and it can (see scripts/ensure-*.sh)
// and builds the e2e extension for that browser first.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { BrowserName } from '../tests/e2e/driver';
import { launchWithExtension, openArticle, openPopup, readDatabase, startFixtureServer } from '../tests/e2e/harness';
import { clickText, selectText } from '../tests/e2e/page-actions';

const headed = process.argv.includes('--headed');
const browserArg = process.argv[process.argv.indexOf('--browser') + 1];
const browserName: BrowserName = process.argv.includes('--browser') ? (browserArg as BrowserName) : 'chromium';
if (browserName !== 'chromium' && browserName !== 'firefox') {
  console.error(`--browser must be chromium or firefox, not ${browserArg}`);
  process.exit(1);
}
execFileSync('bash', [`scripts/ensure-${browserName}.sh`], { stdio: 'inherit' });
execFileSync('npx', ['wxt', 'build', ...(browserName === 'firefox' ? ['-b', 'firefox'] : []), '--mode', 'e2e'], { stdio: 'inherit' });
const shot = (name: string) => `demo-output/${browserName === 'firefox' ? 'firefox-' : ''}${name}.png`;
mkdirSync('demo-output', { recursive: true });

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

  // Let the flash that marks the stepped-to claim fade before the screenshot.
  await page.waitForTimeout(1800);
  await clickText(page, 'Zhao Leji');
  await page.waitForTimeout(300);
  await page.screenshot({ path: shot('article') });
  console.log(`Saved ${shot('article')}`);

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
