import { describe, expect, it } from 'vitest';
import { countCodePoints, describeDocumentRange } from '../../../anchoring/document-text';
import { buildTextMap, rangeFromOffsets } from '../../../anchoring/text-map';

/** The test window's own document: happy-dom's Range only works on it, not on documents made with createHTMLDocument. */
function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

describe('describeDocumentRange', () => {
  it('counts from the document text content, not the article text with its paragraph breaks', () => {
    const doc = page('<h1>Budget 😀 day</h1>\n  <p>Officials met.</p>\n  <p>Unemployment   fell to 3.9%.</p>');
    const map = buildTextMap(doc.body, { computedStyle: false });
    const start = map.text.indexOf('Unemployment');
    const range = rangeFromOffsets(map, start, start + 'Unemployment   fell'.replace(/\s+/g, ' ').length)!;
    const selector = describeDocumentRange(range)!;
    const text = doc.body.textContent ?? '';
    expect(selector.quote.exact).toBe('Unemployment   fell');
    // Code points: the emoji before the quote counts once.
    expect(selector.position.start).toBe(countCodePoints(text.slice(0, text.indexOf('Unemployment'))));
    expect([...text].slice(selector.position.start, selector.position.end).join('')).toBe('Unemployment   fell');
    expect(text).toContain(selector.quote.prefix + selector.quote.exact + selector.quote.suffix);
    expect(selector.quote.prefix).not.toContain('\n\n');
  });

  it('keeps context within 32 characters and never splits a surrogate pair', () => {
    const doc = page(`<p>${'😀'.repeat(40)}quote${'😀'.repeat(40)}</p>`);
    const textNode = doc.body.querySelector('p')!.firstChild!;
    const range = doc.createRange();
    range.setStart(textNode, 80);
    range.setEnd(textNode, 85);
    const selector = describeDocumentRange(range)!;
    expect(selector.quote.exact).toBe('quote');
    expect(selector.quote.prefix).toBe('😀'.repeat(16));
    expect(selector.quote.suffix).toBe('😀'.repeat(16));
    expect(selector.position).toEqual({ type: 'TextPositionSelector', start: 40, end: 45 });
  });

  it('returns null for a collapsed range', () => {
    const doc = page('<p>text</p>');
    const range = doc.createRange();
    range.setStart(doc.body.querySelector('p')!.firstChild!, 1);
    expect(describeDocumentRange(range)).toBeNull();
  });
});
