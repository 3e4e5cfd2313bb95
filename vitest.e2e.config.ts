import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension in Debian's Chromium (playwright-core) and Debian's Firefox ESR
// (puppeteer-core over WebDriver BiDi): the same test files run once per browser, as two projects. They share
// one build per browser, so files run one after another and each test gets generous time.
// Run one browser with `--project chromium` or `--project firefox`.
export default defineConfig({
  test: {
    fileParallelism: false,
    projects: ['chromium', 'firefox'].map((browser) => ({
      extends: true,
      test: {
        name: browser,
        include: ['tests/e2e/**/*.test.ts'],
        environment: 'node',
        testTimeout: 60_000,
        hookTimeout: 120_000,
        // A real browser on a busy machine: polled expectations get ten seconds, not one.
        expect: { poll: { timeout: 10_000 } },
        env: { NEWSLENS_E2E_BROWSER: browser },
        globalSetup: ['tests/e2e/global-setup.ts'],
      },
    })),
  },
});
