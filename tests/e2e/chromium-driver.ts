// Debian's Chromium with the unpacked e2e build, driven by playwright-core (never a downloaded browser).
// Playwright pages already speak the E2EPage vocabulary; only the extension-specific parts are written here.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { E2EPage, ExtensionBrowser, LaunchOptions } from './driver';
import { CHROMIUM_EXTENSION_DIR, CHROMIUM_PATH, waitUntil } from './paths';

/** Chromium with the extension; `context` is Playwright's own, for tools that need more (the benchmark's CDP session). */
export async function launchChromium(options: LaunchOptions = {}): Promise<ExtensionBrowser & { context: BrowserContext }> {
  const extensionDir = options.extensionDir ?? CHROMIUM_EXTENSION_DIR;
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'newslens-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: false,
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    args: [
      ...(options.headed ? [] : ['--headless=new']),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  // Node gives non-special schemes an opaque ("null") origin, so the origin is spelled out.
  const extensionOrigin = `chrome-extension://${new URL(worker.url()).host}`;
  // The background registers the content script for granted sites when it starts; pages opened before that
  // would not be annotated, so wait for it as a reader's browser would have long finished it.
  await waitUntil(
    () => worker.evaluate(`chrome.scripting.getRegisteredContentScripts().then((scripts) => scripts.length > 0)`),
    'the extension to register its content script',
  );
  return {
    name: 'chromium',
    extensionOrigin,
    profileDir,
    context,
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`${extensionOrigin}/${path}`);
      return page;
    },
    // The service worker shares the extension origin (and its IndexedDB) with the extension pages.
    evaluateInExtension: (source) => worker.evaluate(source),
    async captureDownload(page: E2EPage, action) {
      const [download] = await Promise.all([(page as Page).waitForEvent('download'), action()]);
      const path = await download.path();
      return { name: download.suggestedFilename(), path, text: readFileSync(path, 'utf8') };
    },
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
