import { afterEach, describe, expect, it } from 'vitest';
import { PageText } from '../../../page/page-text';
import { newsPage, spanOf } from '../../support/page-doc';

afterEach(() => document.body.replaceChildren());

describe('PageText', () => {
  it('reads the text of the page and maps a span to a DOM range and back', async () => {
    const { text } = newsPage();
    expect(text.map?.text).toContain('Sir Keir Starmer met Xi Jinping');
    const span = spanOf(text, 'Xi Jinping');
    const range = text.rangeOf(span);
    expect(range?.toString()).toBe('Xi Jinping');
    expect(range && text.offsetsOf(range)).toEqual(span);
  });

  it('says "same" when nothing changed, and keeps its map', async () => {
    const { text } = newsPage();
    const before = text.map;
    expect(await text.reread()).toBe('same');
    expect(text.map).toBe(before);
  });

  it('adopts a new map when the same words were re-rendered into new nodes', async () => {
    const { text, root } = newsPage();
    const before = text.map;
    const first = root.querySelector('p') as HTMLParagraphElement;
    first.replaceWith(first.cloneNode(true));
    expect(await text.reread()).toBe('moved');
    expect(text.map).not.toBe(before);
    expect(text.map?.text).toBe(before?.text);
    expect(text.rangeOf(spanOf(text, 'Beijing'))?.startContainer.isConnected).toBe(true);
  });

  it('keeps the old map and says "changed" when the words changed', async () => {
    const { text, root } = newsPage();
    const before = text.map;
    (root.querySelector('p') as HTMLParagraphElement).textContent = 'A different opening sentence.';
    expect(await text.reread()).toBe('changed');
    expect(text.map).toBe(before);
  });

  it('maps nothing before the page has been read', async () => {
    const fresh = new PageText(document, async () => null);
    expect(fresh.rangeOf({ start: 0, end: 3 })).toBeNull();
    expect(fresh.rectOf({ start: 0, end: 3 })).toBeNull();
    expect(await fresh.reread()).toBe('changed');
  });
});
