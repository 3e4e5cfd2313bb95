import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_EXTENSION_DIR, CHROMIUM_PATH, FIREFOX_EXTENSION_DIR, FIREFOX_PATH } from './paths';

const NEEDS = {
  chromium: {
    browser: CHROMIUM_PATH,
    install: 'apt-get update && apt-get install -y chromium',
    build: CHROMIUM_EXTENSION_DIR,
    buildCommand: 'npx wxt build --mode e2e',
  },
  firefox: {
    browser: FIREFOX_PATH,
    install: 'apt-get update && apt-get install -y firefox-esr',
    build: FIREFOX_EXTENSION_DIR,
    buildCommand: 'npx wxt build -b firefox --mode e2e',
  },
};

// Fail loudly instead of skipping: an e2e suite that silently runs nothing would hide every regression.
// Runs once per Vitest project (vitest.e2e.config.ts), named after the browser it drives.
export default function setup(project: TestProject): void {
  const need = NEEDS[project.name as keyof typeof NEEDS];
  if (!need) throw new Error(`Unknown e2e project ${project.name}: expected chromium or firefox`);
  if (!existsSync(need.browser)) {
    throw new Error(`${project.name} is not installed at ${need.browser}. Install Debian's package: ${need.install}`);
  }
  if (!existsSync(`${need.build}/manifest.json`)) {
    throw new Error(`No extension build at ${need.build}. Run: ${need.buildCommand} (npm run test:e2e does this).`);
  }
}
