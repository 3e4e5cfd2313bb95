import { existsSync } from 'node:fs';
import { CHROMIUM_PATH, E2E_EXTENSION_DIR } from './harness';

// Fail loudly instead of skipping: an e2e suite that silently runs nothing would hide every regression.
export default function setup(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}. Install Debian's package: apt-get update && apt-get install -y chromium`,
    );
  }
  if (!existsSync(`${E2E_EXTENSION_DIR}/manifest.json`)) {
    throw new Error(`No extension build at ${E2E_EXTENSION_DIR}. Run: npx wxt build --mode e2e (npm run test:e2e does this).`);
  }
}
