// Debian's firefox-esr with the unpacked Firefox e2e build, driven by puppeteer-core over WebDriver BiDi
// (no browser download). Implements the E2EPage vocabulary of driver.ts on puppeteer's pages.
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type KeyInput, type Page } from 'puppeteer-core';
import type { E2EDialog, E2ELocator, E2EPage, ExtensionBrowser, LaunchOptions, SavedDownload, TextMatch } from './driver';
import { RESOLVE_SOURCE, textSpec, type LocatorSpec } from './firefox-locators';
import { FIREFOX_EXTENSION_DIR, FIREFOX_PATH, waitUntil } from './paths';

/** The add-on id in wxt.config.ts (browser_specific_settings.gecko.id). */
const ADDON_ID = 'newslens@newslens.local';
const ACTION_TIMEOUT_MS = 15_000;

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/**
 * What a locator does to its elements, inside the page: `(resolve, spec, op, arg) => result`. A result of
 * `{ retry: reason }` means "not yet" (no element, or not visible/enabled), and the driver polls again.
 */
const OPERATE_SOURCE = String.raw`(resolve, spec, op, arg) => {
  const found = resolve(spec);
  const visible = (el) => el.checkVisibility({ visibilityProperty: true }) && el.getClientRects().length > 0;
  if (op === 'count') return found.length;
  if (op === 'visible') return found.length > 0 && visible(found[0]);
  if (op === 'texts') return found.map((el) => el.textContent || '');
  const el = found[0];
  if (!el) return { retry: 'no element matches' };
  if (op === 'text') return el.textContent;
  if (op === 'value') return el.value;
  if (op === 'attr') return el.getAttribute(arg);
  if (!visible(el)) return { retry: 'the element is not visible' };
  if (el.disabled) return { retry: 'the element is disabled' };
  if (op === 'focus') { el.focus(); return true; }
  if (op === 'point') {
    // 'nearest' scrolls (every scroll container) only when the element is not in view yet, like Playwright;
    // centring it again on every look would move it between the looks that check it has stopped moving.
    el.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' });
    const box = el.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    // The click must land on the element, not on something over it (a sticky header, a card).
    let hit = document.elementFromPoint(x, y);
    while (hit && hit.shadowRoot) {
      const inner = hit.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === hit) break;
      hit = inner;
    }
    if (!hit || !el.contains(hit)) {
      el.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
      return { retry: 'another element would receive the click' };
    }
    return { x, y };
  }
  if (op === 'fill') {
    el.focus();
    const proto = el.localName === 'textarea' ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, arg);
    el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: arg }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
    return true;
  }
  if (op === 'select') {
    const option = [...el.options].find((o) => o.value === arg) || [...el.options].find((o) => o.label === arg);
    if (!option) return { retry: 'no option ' + arg };
    el.value = option.value;
    el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
    return [option.value];
  }
  throw new Error('unknown locator operation ' + op);
}`;

type Retry = { retry: string };
const isRetry = (value: unknown): value is Retry => typeof value === 'object' && value !== null && 'retry' in value;

class FirefoxLocator implements E2ELocator {
  constructor(
    private readonly page: FirefoxPage,
    private readonly spec: LocatorSpec,
  ) {}

  private run<T>(op: string, arg?: unknown): Promise<T | Retry> {
    return this.page.raw.evaluate(`(${OPERATE_SOURCE})(${RESOLVE_SOURCE}, ${JSON.stringify(this.spec)}, ${JSON.stringify(op)}, ${JSON.stringify(arg ?? null)})`) as Promise<T | Retry>;
  }

  /** Repeats `op` until the page has an element it applies to (Playwright's auto-waiting). */
  private async act<T>(op: string, arg?: unknown): Promise<T> {
    await this.page.activate();
    const until = Date.now() + ACTION_TIMEOUT_MS;
    for (;;) {
      const result = await this.run<T>(op, arg);
      if (!isRetry(result)) return result;
      if (Date.now() > until) throw new Error(`${op} on ${JSON.stringify(this.spec)}: ${result.retry} after ${ACTION_TIMEOUT_MS} ms`);
      await sleep(100);
    }
  }

  /** Clicks the element's centre once it has stopped moving (same place on two looks a frame apart), as Playwright does. */
  async click(): Promise<void> {
    const until = Date.now() + ACTION_TIMEOUT_MS;
    let point = await this.act<{ x: number; y: number }>('point');
    for (;;) {
      await sleep(32);
      const next = await this.act<{ x: number; y: number }>('point');
      if (Math.abs(next.x - point.x) < 1 && Math.abs(next.y - point.y) < 1) break;
      if (Date.now() > until) throw new Error(`click on ${JSON.stringify(this.spec)}: the element kept moving`);
      point = next;
    }
    await this.page.raw.mouse.click(point.x, point.y);
  }
  async fill(value: string): Promise<void> {
    await this.act('fill', value);
  }
  async press(key: string): Promise<void> {
    await this.act('focus');
    await this.page.keyboard.press(key);
  }
  selectOption(value: string): Promise<string[]> {
    return this.act('select', value);
  }
  async focus(): Promise<void> {
    await this.act('focus');
  }
  async setInputFiles(path: string): Promise<void> {
    await this.act('attr', 'type');
    const handle = await this.page.raw.evaluateHandle(`(${RESOLVE_SOURCE})(${JSON.stringify(this.spec)})[0]`);
    await (handle as ElementHandle<HTMLInputElement>).uploadFile(path);
    await handle.dispose();
  }
  async waitFor({ state = 'visible', timeout = 30_000 }: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number } = {}) {
    const met = async () => {
      if (state === 'visible') return this.isVisible();
      if (state === 'hidden') return !(await this.isVisible());
      const count = await this.count();
      return state === 'attached' ? count > 0 : count === 0;
    };
    await waitUntil(met, `${JSON.stringify(this.spec)} to be ${state}`, timeout);
  }
  filter({ hasText }: { hasText?: TextMatch }): E2ELocator {
    return new FirefoxLocator(this.page, { ...this.spec, ...(hasText === undefined ? {} : { hasText: textSpec(hasText) }) });
  }
  isVisible(): Promise<boolean> {
    return this.run<boolean>('visible') as Promise<boolean>;
  }
  count(): Promise<number> {
    return this.run<number>('count') as Promise<number>;
  }
  textContent(): Promise<string | null> {
    return this.act('text');
  }
  inputValue(): Promise<string> {
    return this.act('value');
  }
  getAttribute(name: string): Promise<string | null> {
    return this.act('attr', name);
  }
  allTextContents(): Promise<string[]> {
    return this.run<string[]>('texts') as Promise<string[]>;
  }
}

/** Playwright key notation (`Shift+Tab`) pressed with puppeteer's keyboard. */
async function pressChord(page: Page, chord: string): Promise<void> {
  const keys = chord.split('+') as KeyInput[];
  const key = keys.pop() as KeyInput;
  for (const modifier of keys) await page.keyboard.down(modifier);
  await page.keyboard.press(key);
  for (const modifier of keys.reverse()) await page.keyboard.up(modifier);
}

class FirefoxPage implements E2EPage {
  /** BiDi reports no URL for moz-extension: pages; the driver remembers the one it opened. */
  knownUrl: string | null = null;

  constructor(
    readonly raw: Page,
    private readonly owner: FirefoxBrowser,
  ) {}

  /**
   * Firefox stops animation frames and slows timers in background tabs, which a reader's current tab never is:
   * every action first brings its tab to the front, as a reader switching tabs would.
   */
  async activate(): Promise<void> {
    if (this.owner.front === this) return;
    await this.raw.bringToFront();
    this.owner.front = this;
  }

  url(): string {
    return this.knownUrl ?? this.raw.url();
  }
  async goto(url: string, options: { waitUntil?: 'load' | 'domcontentloaded' } = {}): Promise<void> {
    await this.activate();
    this.knownUrl = null;
    await this.raw.goto(url, { waitUntil: options.waitUntil ?? 'load' });
  }
  reload(): Promise<unknown> {
    return this.raw.reload();
  }
  async close(): Promise<void> {
    this.owner.forget(this);
    await this.raw.close();
  }
  async setContent(html: string): Promise<void> {
    await this.raw.setContent(html);
  }
  evaluate<R>(fn: () => R | Promise<R>): Promise<R>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  evaluate<R, A>(fn: (arg?: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.raw.evaluate(fn as (arg: unknown) => R, arg) as Promise<R>;
  }
  async waitForFunction<A>(fn: (arg: A) => unknown, arg: A, options: { timeout?: number } = {}): Promise<unknown> {
    await this.activate();
    return this.raw.waitForFunction(fn as (arg: unknown) => unknown, { timeout: options.timeout ?? 30_000, polling: 100 }, arg);
  }
  waitForTimeout(ms: number): Promise<void> {
    return sleep(ms);
  }
  async screenshot(options: { path: string }): Promise<unknown> {
    await this.activate();
    return this.raw.screenshot({ path: options.path as `${string}.png` });
  }
  setViewportSize(size: { width: number; height: number }): Promise<void> {
    return this.raw.setViewport(size);
  }
  on(event: 'dialog', listener: (dialog: E2EDialog) => void): this {
    this.raw.on(event, (dialog) => listener({ message: () => dialog.message(), dismiss: () => dialog.dismiss() }));
    return this;
  }
  readonly mouse = {
    move: async (x: number, y: number, options?: { steps?: number }) => {
      await this.activate();
      await this.raw.mouse.move(x, y, options);
    },
    down: async () => {
      await this.activate();
      await this.raw.mouse.down();
    },
    up: async () => {
      await this.activate();
      await this.raw.mouse.up();
    },
    click: async (x: number, y: number) => {
      await this.activate();
      await this.raw.mouse.click(x, y);
    },
  };
  readonly keyboard = {
    press: async (key: string) => {
      await this.activate();
      await pressChord(this.raw, key);
    },
    type: async (text: string) => {
      await this.activate();
      await this.raw.keyboard.type(text);
    },
  };
  getByTestId(value: string): E2ELocator {
    return new FirefoxLocator(this, { by: 'testid', value });
  }
  getByRole(role: string, options: { name?: TextMatch; exact?: boolean; level?: number } = {}): E2ELocator {
    return new FirefoxLocator(this, {
      by: 'role',
      role,
      ...(options.name === undefined ? {} : { name: textSpec(options.name, options.exact) }),
      ...(options.level === undefined ? {} : { level: options.level }),
    });
  }
  getByLabel(text: TextMatch, options: { exact?: boolean } = {}): E2ELocator {
    return new FirefoxLocator(this, { by: 'label', text: textSpec(text, options.exact) });
  }
  getByText(text: TextMatch, options: { exact?: boolean } = {}): E2ELocator {
    return new FirefoxLocator(this, { by: 'text', text: textSpec(text, options.exact) });
  }
  locator(selector: string, options: { hasText?: TextMatch } = {}): E2ELocator {
    return new FirefoxLocator(this, { by: 'css', selector, ...(options.hasText === undefined ? {} : { hasText: textSpec(options.hasText) }) });
  }
}

class FirefoxBrowser implements ExtensionBrowser {
  readonly name = 'firefox';
  front: FirefoxPage | null = null;
  private readonly wrappers = new Map<Page, FirefoxPage>();
  private evaluator: FirefoxPage | null = null;
  private downloads = 0;

  constructor(
    private readonly raw: Browser,
    readonly extensionOrigin: string,
    readonly profileDir: string,
    private readonly downloadDir: string,
  ) {}

  readonly context = {
    newPage: async (): Promise<E2EPage> => {
      const page = this.wrap(await this.raw.newPage());
      this.front = page;
      return page;
    },
    pages: (): E2EPage[] => [...this.wrappers.values()].filter((page) => page !== this.evaluator),
  };

  wrap(raw: Page): FirefoxPage {
    let page = this.wrappers.get(raw);
    if (!page) this.wrappers.set(raw, (page = new FirefoxPage(raw, this)));
    return page;
  }

  forget(page: FirefoxPage): void {
    this.wrappers.delete(page.raw);
    if (this.front === page) this.front = null;
  }

  async openExtensionPage(path: string): Promise<E2EPage> {
    const page = (await this.context.newPage()) as FirefoxPage;
    const url = `${this.extensionOrigin}/${path}`;
    // WebDriver BiDi navigates to moz-extension: pages only with --remote-allow-system-access, and puppeteer
    // never sees that navigation finish; so start it and wait for the document itself instead.
    void page.raw.goto(url, { timeout: 60_000 }).catch(() => undefined);
    const loaded = () => page.raw.evaluate(`location.href === ${JSON.stringify(url)} && document.readyState === 'complete'`) as Promise<boolean>;
    await waitUntil(loaded, `${url} to load`);
    page.knownUrl = url;
    return page;
  }

  async evaluateInExtension<T>(source: string): Promise<T> {
    // One extension page, kept open in a background tab, stands in for Chromium's service worker.
    if (!this.evaluator) {
      const front = this.front;
      this.evaluator = (await this.openExtensionPage('options.html')) as FirefoxPage;
      this.front = front;
      await front?.raw.bringToFront();
    }
    return (await this.evaluator.raw.evaluate(source)) as T;
  }

  /**
   * Firefox saves into the profile's download folder (prefs below), writing `<name>.part` beside an empty `<name>`
   * until it is done; the finished file (no .part left, same size on two looks) is moved out of that folder.
   */
  async captureDownload(_page: E2EPage, action: () => Promise<unknown>): Promise<SavedDownload> {
    const before = new Set(readdirSync(this.downloadDir));
    await action();
    let name = '';
    let lastSize = -1;
    await waitUntil(async () => {
      const files = readdirSync(this.downloadDir).filter((file) => !before.has(file));
      const done = files.find((file) => !file.endsWith('.part') && statSync(join(this.downloadDir, file)).isFile());
      if (!done || files.some((file) => file.endsWith('.part'))) return false;
      const size = statSync(join(this.downloadDir, done)).size;
      const settled = done === name && size === lastSize;
      name = done;
      lastSize = size;
      return settled;
    }, 'a download');
    const keep = join(this.downloadDir, `.saved-${++this.downloads}`);
    mkdirSync(keep);
    const path = join(keep, name);
    renameSync(join(this.downloadDir, name), path);
    return { name, path, text: readFileSync(path, 'utf8') };
  }

  async close({ keepProfile = false }: { keepProfile?: boolean } = {}): Promise<void> {
    await this.raw.close();
    rmSync(this.downloadDir, { recursive: true, force: true });
    if (!keepProfile) rmSync(this.profileDir, { recursive: true, force: true });
  }
}

/** Firefox with the extension installed as a temporary add-on, its content script registered, ready for tests. */
export async function launchFirefox(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const uuid = randomUUID();
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'newslens-firefox-profile-'));
  const downloadDir = mkdtempSync(join(tmpdir(), 'newslens-firefox-downloads-'));
  const raw = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: !options.headed,
    userDataDir: profileDir,
    defaultViewport: { width: 1280, height: 900 },
    // Lets WebDriver BiDi open the extension's own pages (moz-extension:), as the Chromium driver does with chrome-extension:.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      // An unsigned build installed from a folder, as `web-ext run` does.
      'xpinstall.signatures.required': false,
      // MV3 host permissions are opt-in in Firefox; this stands in for the reader's "allow on 127.0.0.1" click,
      // like the e2e build's host permission does in Chromium.
      'extensions.originControls.grantByDefault': true,
      // Fixes the add-on's moz-extension:// UUID (Firefox picks a random one per profile) so tests can address it.
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: uuid }),
      // Save downloads straight into a known folder, without asking.
      'browser.download.folderList': 2,
      'browser.download.dir': downloadDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.download.alwaysOpenPanel': false,
    },
  });
  try {
    await raw.installExtension(options.extensionDir ?? FIREFOX_EXTENSION_DIR);
    const browser = new FirefoxBrowser(raw, `moz-extension://${uuid}`, profileDir, downloadDir);
    for (const page of await raw.pages()) browser.wrap(page);
    await waitUntil(
      () => browser.evaluateInExtension<boolean>('browser.scripting.getRegisteredContentScripts().then((scripts) => scripts.length > 0)'),
      'the extension to register its content script',
    );
    return browser;
  } catch (error) {
    await raw.close();
    throw error;
  }
}
