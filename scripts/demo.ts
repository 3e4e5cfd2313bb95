// `npm run demo [-- --headed]`: opens the built-in sample article in Chromium with the extension loaded,
// highlights a passage, writes a note, tracks a claim, opens an entity card, and saves screenshots of the
// page and the popup under demo-output/. Prints what was stored in the extension's database.
import { mkdirSync } from 'node:fs';
import { launchWithExtension, openArticle, openPopup, readDatabase, startFixtureServer } from '../tests/e2e/harness';
import { clickText, selectText } from '../tests/e2e/page-actions';

const headed = process.argv.includes('--headed');
mkdirSync('demo-output', { recursive: true });

const server = await startFixtureServer();
const browser = await launchWithExtension({ headed });
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
  await page.screenshot({ path: 'demo-output/article.png' });
  console.log('Saved demo-output/article.png');

  const popup = await openPopup(browser);
  await popup.setViewportSize({ width: 420, height: 640 });
  await popup.getByRole('tab', { name: /all notes/i }).click();
  await popup.waitForTimeout(500);
  await popup.screenshot({ path: 'demo-output/popup.png' });
  console.log('Saved demo-output/popup.png');

  const db = await readDatabase(browser);
  console.log(`\nStored in the extension's IndexedDB (origin chrome-extension://${browser.extensionId}):`);
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
