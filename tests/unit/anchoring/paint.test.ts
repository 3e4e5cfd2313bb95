import { describe, expect, it } from 'vitest';
import { createPainter } from '../../../anchoring/paint';
import { buildTextMap, rangeFromOffsets } from '../../../anchoring/text-map';

const STYLES = { person: { css: 'background-color: rgba(0, 0, 255, 0.2);', priority: 1 } };

function article(): HTMLElement {
  document.body.replaceChildren();
  const root = document.createElement('article');
  const p1 = document.createElement('p');
  p1.append('Sir Keir Starmer met ', Object.assign(document.createElement('a'), { href: 'https://example.com', textContent: 'Xi Jinping' }), ' on Thursday.');
  const p2 = document.createElement('p');
  p2.textContent = 'Starmer told a delegation in Beijing.';
  root.append(p1, p2);
  document.body.append(root);
  return root;
}

describe('painter without the Custom Highlight API (fallback)', () => {
  it('wraps ranges, even across elements, and restores the DOM exactly when cleared', () => {
    const root = article();
    const before = root.innerHTML;
    const painter = createPainter(document, STYLES);
    expect(painter.native).toBe(false);
    const map = buildTextMap(root, { computedStyle: false });
    const across = map.text.indexOf('met Xi');
    const ranges = [
      rangeFromOffsets(map, map.text.indexOf('Starmer'), map.text.indexOf('Starmer') + 7),
      rangeFromOffsets(map, across, across + 'met Xi Jinping'.length),
    ].filter((r): r is Range => r !== null);
    painter.set('person', ranges);
    const marks = [...root.querySelectorAll('newslens-mark')];
    expect(marks.map((m) => m.textContent)).toEqual(['Starmer', 'met ', 'Xi Jinping']);
    expect(marks.every((m) => m.getAttribute('style')?.includes('background-color'))).toBe(true);
    expect(root.textContent).toBe('Sir Keir Starmer met Xi Jinping on Thursday.Starmer told a delegation in Beijing.');
    painter.clear('person');
    expect(root.querySelectorAll('newslens-mark')).toHaveLength(0);
    expect(root.innerHTML).toBe(before);
  });

  it('repainting a layer replaces its marks instead of nesting them', () => {
    const root = article();
    const painter = createPainter(document, STYLES);
    const map = buildTextMap(root, { computedStyle: false });
    const at = map.text.indexOf('Beijing');
    painter.set('person', [rangeFromOffsets(map, at, at + 7) as Range]);
    painter.set('person', []);
    expect(root.querySelectorAll('newslens-mark')).toHaveLength(0);
    painter.dispose();
  });
});

describe('highlight styles adopted once', () => {
  it('reuses the sheet adopted at document_start instead of adding a second one (each addition restyles the page)', async () => {
    const { adoptHighlightStyles } = await import('../../../anchoring/paint');
    const before = document.adoptedStyleSheets.length;
    const early = adoptHighlightStyles(document, STYLES);
    const later = adoptHighlightStyles(document, STYLES);
    expect(later).toBe(early);
    expect(document.adoptedStyleSheets.length).toBe(before + 1);
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== early);
  });
});
