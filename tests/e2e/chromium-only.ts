// What the Chromium-only suites need: Chrome's side panel, chrome.commands, CSS.highlights read back, axe-core and
// colour-scheme emulation go beyond the shared driver vocabulary (driver.ts), so these suites run in the chromium project
// and drive playwright-core's pages directly (the Chromium driver's pages are playwright-core pages).
import type { BrowserContext, Page } from 'playwright-core';
import { describe } from 'vitest';
import { e2eBrowserName, type E2EPage, type ExtensionBrowser } from './driver';

/** `describe` for the chromium project; the firefox project reports these suites as skipped. */
export const describeChromium = describe.runIf(e2eBrowserName() === 'chromium');

/** A page of the Chromium driver as the playwright-core page it is. */
export function pw(page: E2EPage): Page {
  return page as unknown as Page;
}

/** The Chromium driver's browser context as playwright-core's. */
export function pwContext(browser: ExtensionBrowser): BrowserContext {
  return browser.context as unknown as BrowserContext;
}
