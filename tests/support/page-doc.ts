// Small pages for the page room's unit tests, built in the test's happy-dom document, plus the stubs happy-dom needs:
// it lays nothing out, so caret lookups and line boxes are supplied by the test.
import { vi } from 'vitest';
import { PageText } from '../../page/page-text';

/** Two paragraphs with names, a statistic and a quote; replaces whatever the document held. */
export function newsPage(): { doc: Document; root: HTMLElement; text: PageText } {
  document.body.replaceChildren();
  const root = document.createElement('article');
  const p1 = document.createElement('p');
  p1.textContent = 'Sir Keir Starmer met Xi Jinping in Beijing on Thursday.';
  const p2 = document.createElement('p');
  p2.textContent = 'Unemployment fell to 3.9% last quarter, the minister said.';
  root.append(p1, p2);
  document.body.append(root);
  // No background to run Readability: the article element is given, as the finder would have chosen it.
  const text = new PageText(document, async () => null);
  text.root = root;
  text.read();
  return { doc: document, root, text };
}

/** The offsets of the first occurrence of `phrase` in the page text. */
export function spanOf(text: PageText, phrase: string): { start: number; end: number } {
  const start = text.map?.text.indexOf(phrase) ?? -1;
  if (start < 0) throw new Error(`"${phrase}" is not in the page text`);
  return { start, end: start + phrase.length };
}

/** Makes `caretPositionFromPoint(x, …)` answer with text offset `x` of the page (y is ignored). */
export function caretAtTextOffset(text: PageText): void {
  Object.assign(document, {
    caretPositionFromPoint: (x: number) => {
      const map = text.map;
      if (!map || x < 0) return null;
      const range = text.rangeOf({ start: x, end: x + 1 });
      return range ? { offsetNode: range.startContainer, offset: range.startOffset } : null;
    },
  });
}

/** Every range has one line box covering the whole viewport, so any point is "on" the text the caret found. */
export function everyRangeUnderPointer(): void {
  vi.spyOn(Range.prototype, 'getClientRects').mockReturnValue([{ left: 0, right: 10_000, top: 0, bottom: 10_000 }] as unknown as DOMRectList);
}
