// Where the e2e tests find the browsers, the extension builds and the fixture pages.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Debian's packages (`chromium`, `firefox-esr`); never a downloaded browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** `wxt build --mode e2e` and `wxt build -b firefox --mode e2e`. */
export const CHROMIUM_EXTENSION_DIR = join(ROOT, '.output/chrome-mv3-e2e');
export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output/firefox-mv3-e2e');
export const PAGES_DIR = join(ROOT, 'tests/fixtures/pages');

/** Polls `check` every 100 ms until it returns true; throws naming `what` after `timeoutMs`. */
export async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}
