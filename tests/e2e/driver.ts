// The small browser-driving vocabulary the end-to-end tests are written in. It is the subset of Playwright's
// Page/Locator API the tests use, with Playwright's signatures, so one test body runs in both browsers:
// Chromium through playwright-core (its pages satisfy these interfaces as they are) and Firefox through
// puppeteer-core over WebDriver BiDi (firefox-driver.ts implements them). Anything the two browsers do
// differently (extension origin, downloads, extension-page evaluation) lives on ExtensionBrowser.

/** Which browser a test run drives: `NEWSLENS_E2E_BROWSER` (set per Vitest project), Chromium by default. */
export type BrowserName = 'chromium' | 'firefox';

export function e2eBrowserName(): BrowserName {
  const name = process.env.NEWSLENS_E2E_BROWSER ?? 'chromium';
  if (name !== 'chromium' && name !== 'firefox') throw new Error(`NEWSLENS_E2E_BROWSER must be chromium or firefox, not ${name}`);
  return name;
}

/** Text to match: a string matches case-insensitively as a substring (unless `exact`), a RegExp by `test`. */
export type TextMatch = string | RegExp;

/** A lazy query that resolves at each action, waiting (auto-retry) until its element is there and visible. */
export interface E2ELocator {
  click(): Promise<void>;
  /** Replaces an input's or textarea's value as typing would (input events fire). */
  fill(value: string): Promise<void>;
  /** Focuses the element and presses a key, Playwright notation (`Enter`, `Shift+Tab`). */
  press(key: string): Promise<void>;
  /** Chooses the <option> with this value (or, failing that, this label). */
  selectOption(value: string): Promise<unknown>;
  focus(): Promise<void>;
  setInputFiles(path: string): Promise<void>;
  waitFor(options?: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number }): Promise<void>;
  filter(options: { hasText?: TextMatch }): E2ELocator;
  // Reads: immediate (no waiting), except textContent/inputValue/getAttribute, which wait for the element to exist.
  isVisible(): Promise<boolean>;
  count(): Promise<number>;
  textContent(): Promise<string | null>;
  inputValue(): Promise<string>;
  getAttribute(name: string): Promise<string | null>;
  allTextContents(): Promise<string[]>;
}

export interface E2EDialog {
  message(): string;
  dismiss(): Promise<void>;
}

/** One tab. Queries pierce open shadow roots (the e2e build opens the in-page UI's root). */
export interface E2EPage {
  url(): string;
  /** Waits for the load event, or only for DOMContentLoaded with `waitUntil: 'domcontentloaded'`. */
  goto(url: string, options?: { waitUntil?: 'load' | 'domcontentloaded' }): Promise<unknown>;
  reload(): Promise<unknown>;
  close(): Promise<void>;
  setContent(html: string): Promise<void>;
  evaluate<R>(fn: () => R | Promise<R>): Promise<R>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  waitForFunction<A>(fn: (arg: A) => unknown, arg: A, options?: { timeout?: number }): Promise<unknown>;
  waitForTimeout(ms: number): Promise<void>;
  screenshot(options: { path: string }): Promise<unknown>;
  setViewportSize(size: { width: number; height: number }): Promise<void>;
  on(event: 'dialog', listener: (dialog: E2EDialog) => void): unknown;
  readonly mouse: {
    move(x: number, y: number, options?: { steps?: number }): Promise<void>;
    down(): Promise<void>;
    up(): Promise<void>;
    click(x: number, y: number): Promise<void>;
  };
  /** `type` sends one key event sequence per character, as a reader typing (not a value set at once). */
  readonly keyboard: { press(key: string): Promise<void>; type(text: string): Promise<void> };
  getByTestId(testId: string): E2ELocator;
  getByRole(role: string, options?: { name?: TextMatch; exact?: boolean; level?: number }): E2ELocator;
  getByLabel(text: TextMatch, options?: { exact?: boolean }): E2ELocator;
  getByText(text: TextMatch, options?: { exact?: boolean }): E2ELocator;
  locator(selector: string, options?: { hasText?: TextMatch }): E2ELocator;
}

/** A file the browser saved: its suggested name, where it is on disk, and its text. */
export interface SavedDownload {
  name: string;
  path: string;
  text: string;
}

/** A browser with the built extension installed in its own (temporary) profile. */
export interface ExtensionBrowser {
  readonly name: BrowserName;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`: the origin that holds the reader's database. */
  readonly extensionOrigin: string;
  readonly profileDir: string;
  readonly context: { newPage(): Promise<E2EPage>; pages(): E2EPage[] };
  /** Opens an extension page (e.g. `popup.html`) in a new tab. */
  openExtensionPage(path: string): Promise<E2EPage>;
  /** Evaluates JavaScript source (an expression; promises are awaited) in the extension's origin and returns its value. */
  evaluateInExtension<T>(source: string): Promise<T>;
  /** Runs `action` (e.g. clicking Export on `page`) and returns the file it made the browser download. */
  captureDownload(page: E2EPage, action: () => Promise<unknown>): Promise<SavedDownload>;
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

export interface LaunchOptions {
  profileDir?: string;
  extensionDir?: string;
  headed?: boolean;
}
