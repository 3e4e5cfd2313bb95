// Shared pieces of the end-to-end tests: a 127.0.0.1 server for fixture pages, and the browser under test
// (Debian's Chromium or Firefox ESR, never a downloaded browser) with the built extension installed.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join, resolve } from 'node:path';
import { launchChromium } from './chromium-driver';
import { e2eBrowserName, type BrowserName, type E2EPage, type ExtensionBrowser, type LaunchOptions } from './driver';
import { launchFirefox } from './firefox-driver';
import { PAGES_DIR } from './paths';

export type { E2EPage, ExtensionBrowser } from './driver';
export { CHROMIUM_EXTENSION_DIR as E2E_EXTENSION_DIR, CHROMIUM_PATH } from './paths';

export interface FixtureServer {
  origin: string;
  url(path: string): string;
  /** Serve `html` at `path` instead of (or in addition to) the fixture files: lets a test edit an article between visits. */
  override(path: string, html: string | null): void;
  close(): Promise<void>;
}

/**
 * Requests under this path are answered with headers and then nothing until the server closes: a sub-resource
 * (an advert, a tracker) that keeps a page from finishing its load, as real news pages often do.
 */
export const STALLED_PATH = '/stalled/';

export async function startFixtureServer(): Promise<FixtureServer> {
  const overrides = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    if (path.startsWith(STALLED_PATH)) {
      res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' }).flushHeaders();
      return;
    }
    const body = overrides.get(path) ?? readFixture(path);
    if (body === null) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server did not get a port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: (path) => origin + path,
    override: (path, html) => (html === null ? overrides.delete(path) : overrides.set(path, html)),
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

function readFixture(path: string): string | null {
  const file = resolve(PAGES_DIR, `.${path}`);
  if (!file.startsWith(PAGES_DIR)) return null;
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

export function fixtureHtml(name: string): string {
  return readFileSync(join(PAGES_DIR, name), 'utf8');
}

/**
 * The browser this run tests (`NEWSLENS_E2E_BROWSER`, set per Vitest project) with the built extension in a fresh
 * profile (or `profileDir`): Chromium through playwright-core, Firefox through puppeteer-core.
 */
export async function launchWithExtension(options: LaunchOptions & { browser?: BrowserName } = {}): Promise<ExtensionBrowser> {
  return (options.browser ?? e2eBrowserName()) === 'firefox' ? launchFirefox(options) : launchChromium(options);
}

/** Opens a fixture page and waits until the content script has finished its first pass. */
export async function openArticle(browser: ExtensionBrowser, url: string): Promise<E2EPage> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await waitForNewsLens(page);
  return page;
}

/** The content script's UI host (<newslens-ui>, its only element in the page) carries the session phase in data-state. */
export async function waitForNewsLens(page: E2EPage, state: 'ready' | 'not-article' = 'ready'): Promise<void> {
  await page.waitForFunction((s) => document.querySelector('newslens-ui')?.getAttribute('data-state') === s, state, {
    timeout: 30_000,
  });
}

export function openPopup(browser: ExtensionBrowser): Promise<E2EPage> {
  return browser.openExtensionPage('popup.html');
}

/** Reads the extension-origin database (the only place our data lives). */
export async function readDatabase(browser: ExtensionBrowser): Promise<{ articles: any[]; annotations: any[] }> {
  // Passed as source text: tools that run this file through esbuild (tsx) would otherwise inject helpers the
  // extension's context does not have.
  return browser.evaluateInExtension(`(async () => {
    const db = await new Promise((ok, fail) => {
      const open = indexedDB.open('newslens');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const read = (store) => new Promise((ok, fail) => {
      const request = db.transaction(store).objectStore(store).getAll();
      request.onsuccess = () => ok(request.result);
      request.onerror = () => fail(request.error);
    });
    const result = { articles: await read('articles'), annotations: await read('annotations') };
    db.close();
    return result;
  })()`);
}
