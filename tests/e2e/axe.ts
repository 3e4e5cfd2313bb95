// axe-core run inside a page (extension pages included: evaluate is not subject to their CSP), inside our shadow root too.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SERIOUS = new Set(['moderate', 'serious', 'critical']);

export interface AxeFinding {
  id: string;
  impact: string;
  targets: string[];
}

/**
 * Violations of moderate impact or above, as "rule: targets" findings. `include` limits the check to part of the page
 * (our UI host on a news page, whose own markup is not ours to judge); axe walks into open shadow roots.
 */
export async function axeViolations(page: Page, include?: string): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const results = (await page.evaluate(
    `axe.run(${include ? JSON.stringify({ include: [[include]] }) : 'document'}, { resultTypes: ['violations'] })`,
  )) as { violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] };
  return results.violations
    .filter((v) => SERIOUS.has(v.impact ?? ''))
    .map((v) => ({ id: v.id, impact: v.impact ?? '', targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
}
