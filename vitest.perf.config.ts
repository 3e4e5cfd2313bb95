import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Node measurements of long work (npm run perf:transfer): run alone, one file at a time, never part of npm test.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/perf/**/*.perf.ts'],
    environment: 'node',
    setupFiles: ['tests/unit/setup.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
