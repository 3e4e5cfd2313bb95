import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension in Debian's Chromium; they share one browser build,
// so files run one after another and each test gets generous time.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['tests/e2e/global-setup.ts'],
  },
});
