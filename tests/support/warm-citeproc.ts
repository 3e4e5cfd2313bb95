import { beforeAll } from 'vitest';
import { formatCitation } from '../../export/citation';
import { budgetArticle } from '../fixtures/export/sample-data';

/**
 * The first citation in each style builds citeproc's engine (parsing the CSL style and locale): about a second alone,
 * several seconds on a machine shared by many test runs. Doing it once up front keeps per-test timeouts meaningful.
 */
export function warmCiteproc(): void {
  beforeAll(() => {
    for (const style of ['apa', 'mla', 'chicago'] as const) formatCitation(budgetArticle, style);
  }, 60_000);
}
