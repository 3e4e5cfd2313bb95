import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** happy-dom replaces the global URL, so fixtures are found from the project root that Vitest runs in. */
export function readExportFixture(name: string): string {
  return readFileSync(join(process.cwd(), 'tests/fixtures/export', name), 'utf8');
}
