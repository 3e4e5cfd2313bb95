import type { E2EPage as Page } from './driver';

interface Box {
  left: number;
  top: number;
  right: number;
  height: number;
  width: number;
}

/** Scrolls the first occurrence of `text` into view and returns the boxes of its line fragments. */
async function textBoxes(page: Page, text: string): Promise<Box[]> {
  const boxes = await page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(needle) ?? -1;
      if (at < 0) continue;
      (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      return [...range.getClientRects()].map((r) => ({ left: r.left, top: r.top, right: r.right, height: r.height, width: r.width }));
    }
    return [];
  }, text);
  if (!boxes.length) throw new Error(`Text not found on the page: ${text}`);
  return boxes;
}

/** Selects the first occurrence of `text` in the page like a reader dragging over it, then lets the toolbar appear. */
export async function selectText(page: Page, text: string): Promise<void> {
  const boxes = await textBoxes(page, text);
  const first = boxes[0] as Box;
  const last = boxes[boxes.length - 1] as Box;
  await page.mouse.move(first.left + 1, first.top + first.height / 2);
  await page.mouse.down();
  await page.mouse.move(last.right - 1, last.top + last.height / 2, { steps: 8 });
  await page.mouse.up();
  await page.getByTestId('nl-selection-toolbar').waitFor({ state: 'visible', timeout: 5000 });
}

/** Clicks on the first occurrence of `text` (e.g. a painted entity or claim). */
export async function clickText(page: Page, text: string): Promise<void> {
  const first = (await textBoxes(page, text))[0] as Box;
  await page.mouse.click(first.left + Math.min(first.width / 2, 20), first.top + first.height / 2);
}

/**
 * Rests the pointer on the first occurrence of `text`: it jumps onto the text's start, then moves a little within it.
 * Gliding there from afar would cross other names, and on a slow machine rest on one long enough to preview it.
 */
export async function hoverText(page: Page, text: string): Promise<void> {
  const first = (await textBoxes(page, text))[0] as Box;
  const y = first.top + first.height / 2;
  await page.mouse.move(first.left + 1, y);
  await page.mouse.move(first.left + Math.min(first.width / 2, 20), y, { steps: 4 });
}

/** Layers painted privately, in our own shadow root, never in the page-visible CSS.highlights registry. */
const PRIVATE_LAYER = /^(hl-|flash$)/;

/**
 * The texts currently painted in one of our layers. Detections are read from the page's CSS.highlights registry;
 * the reader's own highlights from the private overlay (open in the e2e build), by asking the page which text lies
 * under the first and last line box of each mark.
 */
export async function paintedTexts(page: Page, layer: string): Promise<string[]> {
  if (!PRIVATE_LAYER.test(layer)) {
    return page.evaluate((name) => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      const highlight = registry.get(`newslens-${name}`);
      return highlight ? [...highlight].map((range) => range.toString()) : [];
    }, layer);
  }
  return page.evaluate((name) => {
    const shadow = document.querySelector('newslens-marks')?.shadowRoot;
    const marks = [...(shadow?.querySelectorAll(`[data-layer="${name}"] .mark`) ?? [])];
    const texts: string[] = [];
    for (const mark of marks) {
      const boxes = [...mark.querySelectorAll<HTMLElement>('.box')];
      const first = boxes[0];
      const last = boxes[boxes.length - 1];
      if (!first || !last) continue;
      // Chromium has caretRangeFromPoint, Firefox the standard caretPositionFromPoint.
      const caretAt = (x: number, y: number): { node: Node; offset: number } | null => {
        const d = document as Document & {
          caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
          caretRangeFromPoint?: (x: number, y: number) => Range | null;
        };
        const position = d.caretPositionFromPoint?.(x, y);
        if (position) return { node: position.offsetNode, offset: position.offset };
        const range = d.caretRangeFromPoint?.(x, y);
        return range ? { node: range.startContainer, offset: range.startOffset } : null;
      };
      first.scrollIntoView({ block: 'center' });
      const a = first.getBoundingClientRect();
      const start = caretAt(a.left + 1, a.top + a.height / 2);
      last.scrollIntoView({ block: 'center' });
      const b = last.getBoundingClientRect();
      const end = caretAt(b.right - 1, b.top + b.height / 2);
      if (!start || !end) continue;
      const range = document.createRange();
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      texts.push(range.toString().replace(/\s+/g, ' '));
    }
    return texts;
  }, layer);
}

/** Switches the page's display mode from its toolbar (remembered for the site) and waits for the repaint. */
export async function setMode(page: Page, mode: 'read' | 'fact-check' | 'study'): Promise<void> {
  const button = page.getByTestId(`nl-mode-${mode}`);
  await button.click();
  await page.waitForFunction(
    (m) => {
      const root = document.querySelector('newslens-ui')?.shadowRoot;
      return root?.querySelector(`[data-testid="nl-mode-${m}"]`)?.getAttribute('aria-pressed') === 'true';
    },
    mode,
  );
}
