import { afterAll, beforeAll } from 'vitest';
import { launchWithExtension, startFixtureServer, type ExtensionBrowser, type FixtureServer } from './harness';

export interface ExtensionSuite {
  server: FixtureServer;
  browser: ExtensionBrowser;
}

/** One fixture server and one browser (this project's: Chromium or Firefox) with the extension for a test file, started before and closed after it. */
export function useExtensionSuite(): ExtensionSuite {
  const suite = {} as ExtensionSuite;
  beforeAll(async () => {
    suite.server = await startFixtureServer();
    suite.browser = await launchWithExtension();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}
