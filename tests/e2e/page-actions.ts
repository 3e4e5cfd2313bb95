import type { Page } from 'playwright-core';

/** Selects the first occurrence of `text` in the page like a reader dragging over it, then lets the toolbar appear. */
export async function selectText(page: Page, text: string): Promise<void> {
  const box = await page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(needle) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const rects = range.getClientRects();
      const first = rects[0];
      const last = rects[rects.length - 1];
      if (!first || !last) return null;
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    }
    return null;
  }, text);
  if (!box) throw new Error(`Text not found on the page: ${text}`);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 8 });
  await page.mouse.up();
  await page.getByTestId('nl-selection-toolbar').waitFor({ state: 'visible', timeout: 5000 });
}

/** Clicks on the middle of the first occurrence of `text` (e.g. a painted entity or claim). */
export async function clickText(page: Page, text: string): Promise<void> {
  const point = await page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(needle) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0];
      return rect ? { x: rect.left + Math.min(rect.width / 2, 20), y: rect.top + rect.height / 2 } : null;
    }
    return null;
  }, text);
  if (!point) throw new Error(`Text not found on the page: ${text}`);
  await page.mouse.click(point.x, point.y);
}

/** The texts currently painted in one of our highlight layers (read from the page's CSS.highlights registry). */
export async function paintedTexts(page: Page, layer: string): Promise<string[]> {
  return page.evaluate((name) => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    const highlight = registry.get(`newslens-${name}`);
    return highlight ? [...highlight].map((range) => range.toString()) : [];
  }, layer);
}
