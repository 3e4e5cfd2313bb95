// Loads saved pages into their own happy-dom window (with a real URL and computed styles) for the article tests.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { type BoilerplateOptions } from '../../../detect/article-boilerplate';
import { isBoilerplate } from '../../../detect/article';

// Vitest runs from the project root; import.meta.url is not a file: URL under the happy-dom environment.
const FIXTURES = resolve(process.cwd(), 'tests/fixtures');

export interface LoadedPage {
  doc: Document;
  close: () => Promise<void>;
}

export function loadHtml(html: string, url = 'https://news.example.com/page'): LoadedPage {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
    },
  });
  window.document.write(html);
  return { doc: window.document as unknown as Document, close: () => window.happyDOM.close() };
}

export function loadPage(name: string, url?: string): LoadedPage {
  return loadHtml(readFileSync(resolve(FIXTURES, 'pages', name), 'utf8'), url);
}

export function readFixture(name: string): string {
  return readFileSync(resolve(FIXTURES, name), 'utf8');
}

const NEVER_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * What a text-map builder sees: text under root, leaving out every subtree isBoilerplate rejects.
 * happy-dom's first getComputedStyle on deeply nested markup takes seconds, so tests that do not need
 * stylesheet-hidden elements turn it off.
 */
export function walkText(root: Element, options: BoilerplateOptions = {}): string {
  const parts: string[] = [];
  const walk = (el: Element): void => {
    for (const child of Array.from(el.childNodes)) {
      if (child.nodeType === 3) parts.push(child.nodeValue ?? '');
      else if (child.nodeType === 1) {
        const element = child as Element;
        if (!NEVER_TEXT.has(element.tagName) && !isBoilerplate(element, options)) walk(element);
      }
    }
  };
  walk(root);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** Paragraph texts of the page's body copy as written in the fixture, whitespace collapsed. */
export function paragraphTexts(root: ParentNode, selector = 'p'): string[] {
  return Array.from(root.querySelectorAll(selector), (p) => (p.textContent ?? '').replace(/\s+/g, ' ').trim());
}
