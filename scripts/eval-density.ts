// `npm run eval:density`: how many claims the page paints per 1,000 words on the saved real news pages in
// ../shared/data/pages (not part of the repo, so never read by `npm test`). "Before" is what every mode painted before
// display modes existed (every detected claim; the same as Fact-check mode now), "after" is the default Read mode.
// Issue 14's target: median painted claims per 1,000 words in the default mode <= 4.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Window } from 'happy-dom';
import { analyzeText } from '../detect/analyze';
import { isBoilerplate } from '../detect/article';
import { findArticle } from '../detect/article-reader';
import { claimDensity, countWords, planDisplay } from '../page/display-mode';
import { DEFAULT_SETTINGS } from '../storage/types';

const PAGES = resolve(process.cwd(), '../shared/data/pages');
const FALLBACK = '/work/shared/data/pages';
const dir = existsSync(PAGES) ? PAGES : existsSync(FALLBACK) ? FALLBACK : null;
if (!dir) {
  console.error(`No saved pages at ${PAGES}: this evaluation needs the shared data set (see /work/shared/data/README.md).`);
  process.exit(1);
}

const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** The article text as the session reads it: under the article root, boilerplate left out (computed styles off, as in the session). */
function articleText(html: string): { text: string; isArticle: boolean } {
  const window = new Window({
    url: 'https://news.example.com/article',
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true },
  });
  window.document.write(html);
  const doc = window.document as unknown as Document;
  const finding = findArticle(doc);
  const root = (finding.isArticle && finding.root) || doc.body;
  const parts: string[] = [];
  const walk = (el: Element): void => {
    for (const child of Array.from(el.childNodes)) {
      if (child.nodeType === 3) parts.push(child.nodeValue ?? '');
      else if (child.nodeType === 1) {
        const element = child as Element;
        if (SKIP_TAGS.has(element.tagName)) continue;
        if (finding.isArticle && isBoilerplate(element, { computedStyle: false })) continue;
        walk(element);
        parts.push(' ');
      }
    }
  };
  if (root) walk(root);
  void window.happyDOM.close();
  return { text: parts.join('').replace(/\s+/g, ' ').trim(), isArticle: finding.isArticle };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const rows: { page: string; words: number; before: number; after: number }[] = [];
for (const name of readdirSync(dir).sort()) {
  const file = join(dir, name, 'source.html');
  if (!existsSync(file)) continue;
  const { text, isArticle } = articleText(readFileSync(file, 'utf8'));
  if (!isArticle) {
    console.log(`${name.padEnd(20)} not detected as an article: nothing painted by default`);
    continue;
  }
  const words = countWords(text);
  const { claims } = analyzeText(text, { entities: true, claims: true });
  const before = planDisplay({ mode: 'fact-check', claims, words }).claimOrder.length;
  const after = planDisplay({ mode: DEFAULT_SETTINGS.displayMode, claims, words }).claimOrder.length;
  rows.push({ page: name, words, before, after });
}

console.log('\npage                  words  claims before (per 1k)  after, default mode (per 1k)');
for (const r of rows) {
  const b = claimDensity(r.before, r.words).toFixed(2);
  const a = claimDensity(r.after, r.words).toFixed(2);
  console.log(`${r.page.padEnd(20)} ${String(r.words).padStart(6)}  ${String(r.before).padStart(6)} (${b.padStart(5)})  ${String(r.after).padStart(14)} (${a.padStart(5)})`);
}
const before = median(rows.map((r) => claimDensity(r.before, r.words)));
const after = median(rows.map((r) => claimDensity(r.after, r.words)));
console.log(`\nMedian painted claims per 1,000 words over ${rows.length} article pages: before ${before.toFixed(2)}, after (${DEFAULT_SETTINGS.displayMode} mode) ${after.toFixed(2)}; target <= 4.`);
process.exit(after <= 4 ? 0 : 1);
