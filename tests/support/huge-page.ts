// A page with about 100,000 DOM nodes: the 10,000-word fixture article followed by thousands of reader comments,
// menus and related links, as big news pages have. Built in memory (it would be megabytes as a fixture file).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const PAGES_DIR = join(import.meta.dirname, '../fixtures/pages');

/** Comments appended after the article; each is about 16 nodes (elements and text), so 6,000 give ~100k nodes in all. */
const COMMENTS = 6_000;

/** The HTML of the huge page. Deterministic: the same bytes on every call. */
export function hugePageHtml(comments = COMMENTS): string {
  const article = readFileSync(join(PAGES_DIR, 'long-article.html'), 'utf8');
  const parts: string[] = ['<section class="comments" aria-label="Reader comments"><h2>Comments</h2><ol>'];
  for (let i = 0; i < comments; i++) {
    parts.push(
      `<li class="comment" id="c${i}"><header><a href="/user/${i % 997}">reader${i % 997}</a> <time datetime="2026-03-01">1 March</time></header>` +
        `<p>Comment number ${i}: I am not sure the figures for ${1990 + (i % 35)} add up, see the link.</p>` +
        `<p><a href="/r/${i}">Reply</a> · <button type="button">Like ${i % 50}</button> · <button type="button">Report</button></p></li>`,
    );
  }
  parts.push('</ol></section>');
  return article.replace('</body>', `${parts.join('')}</body>`);
}
