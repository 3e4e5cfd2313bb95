// Shared pieces of the end-to-end tests: a 127.0.0.1 server for fixture pages and Debian's Chromium with the
// built extension loaded, driven by playwright-core (never a downloaded browser).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const E2E_EXTENSION_DIR = join(ROOT, '.output/chrome-mv3-e2e');
export const PAGES_DIR = join(ROOT, 'tests/fixtures/pages');

export interface FixtureServer {
  origin: string;
  url(path: string): string;
  /** Serve `html` at `path` instead of (or in addition to) the fixture files: lets a test edit an article between visits. */
  override(path: string, html: string | null): void;
  close(): Promise<void>;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const overrides = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
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
    close: () => new Promise((done) => server.close(() => done())),
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

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  profileDir: string;
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

export async function launchWithExtension(
  options: { profileDir?: string; extensionDir?: string; headed?: boolean } = {},
): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? E2E_EXTENSION_DIR;
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
  const extensionId = new URL(worker.url()).host;
  // The background registers the content script for granted sites when it starts; pages opened before that
  // would not be annotated, so wait for it as a reader's browser would have long finished it.
  await waitFor(() =>
    worker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<unknown[]> } } }).chrome;
      return (await api.scripting.getRegisteredContentScripts()).length > 0;
    }),
  );
  return {
    context,
    extensionId,
    worker,
    profileDir,
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** Opens a fixture page and waits until the content script has finished its first pass. */
export async function openArticle(browser: ExtensionBrowser, url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await waitForNewsLens(page);
  return page;
}

/** The content script's UI host (<newslens-ui>, its only element in the page) carries the session phase in data-state. */
export async function waitForNewsLens(page: Page, state: 'ready' | 'not-article' = 'ready'): Promise<void> {
  await page.waitForFunction((s) => document.querySelector('newslens-ui')?.getAttribute('data-state') === s, state, {
    timeout: 30_000,
  });
}

export async function openPopup(browser: ExtensionBrowser): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  return popup;
}

/** Reads the extension-origin database from the service worker (the only place our data lives). */
export async function readDatabase(browser: ExtensionBrowser): Promise<{ articles: any[]; annotations: any[] }> {
  // Passed as source text: tools that run this file through esbuild (tsx) would otherwise inject helpers the
  // service worker does not have.
  return browser.worker.evaluate(`(async () => {
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

async function waitFor(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('Timed out waiting for the extension to start');
    await new Promise((done) => setTimeout(done, 100));
  }
}
