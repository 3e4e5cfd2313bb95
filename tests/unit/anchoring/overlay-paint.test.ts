import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOverlayPainter } from '../../../anchoring/overlay-paint';
import { createPainter } from '../../../anchoring/paint';

function paragraph(text: string): Text {
  document.body.replaceChildren();
  const p = document.createElement('p');
  p.textContent = text;
  document.body.append(p);
  return p.firstChild as Text;
}

function rangeOf(node: Text, start: number, end: number): Range {
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, end);
  return range;
}

/** happy-dom does no layout: give each range a line box derived from its offsets, and the host a fixed origin. */
function fakeLayout(origin = { left: 10, top: 100 }) {
  vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
    const rect = new DOMRect(this.startOffset * 8, 200, (this.endOffset - this.startOffset) * 8, 18);
    return [rect] as unknown as DOMRectList;
  });
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(() => new DOMRect(origin.left, origin.top, 0, 0));
}

function manualFrames() {
  const queue: (() => void)[] = [];
  return {
    requestFrame: (callback: () => void) => queue.push(callback),
    run() {
      const now = queue.splice(0);
      for (const callback of now) callback();
      return now.length;
    },
  };
}

const STYLES = { 'hl-yellow': { fill: 'rgba(255, 214, 0, 0.45)', priority: 5 }, flash: { fill: 'orange', priority: 10 } };

afterEach(() => document.documentElement.querySelectorAll('newslens-marks').forEach((host) => host.remove()));

describe('private overlay painter', () => {
  it('draws boxes inside its own shadow root, placed relative to the host, and leaves the page DOM alone', () => {
    const text = paragraph('Unemployment fell to 3.9% in the last quarter.');
    const before = document.body.innerHTML;
    fakeLayout();
    const frames = manualFrames();
    const painter = createOverlayPainter(document, STYLES, { shadowMode: 'open', requestFrame: frames.requestFrame });
    painter.set('hl-yellow', [rangeOf(text, 0, 12)]);
    const host = document.querySelector('newslens-marks') as HTMLElement;
    expect(host.shadowRoot?.querySelectorAll('.box')).toHaveLength(0); // measured on the next frame, never synchronously
    frames.run();
    const boxes = [...(host.shadowRoot?.querySelectorAll<HTMLElement>('.box') ?? [])];
    expect(boxes).toHaveLength(1);
    expect(boxes[0]?.style.left).toBe('-10px');
    expect(boxes[0]?.style.top).toBe('100px');
    expect(boxes[0]?.style.width).toBe('96px');
    expect(document.body.innerHTML).toBe(before);
    painter.dispose();
    expect(document.querySelector('newslens-marks')).toBeNull();
  });

  it('a closed host shows the page nothing', () => {
    const text = paragraph('A private passage.');
    fakeLayout();
    const frames = manualFrames();
    const painter = createOverlayPainter(document, STYLES, { requestFrame: frames.requestFrame });
    painter.set('hl-yellow', [rangeOf(text, 2, 9)]);
    frames.run();
    const host = document.querySelector('newslens-marks') as HTMLElement;
    expect(host.shadowRoot).toBeNull();
    expect(host.childNodes).toHaveLength(0);
    painter.dispose();
  });

  it('bounds the ranges measured per frame and finishes the rest on later frames', () => {
    const text = paragraph('one two three four five six seven eight');
    fakeLayout();
    const frames = manualFrames();
    const painter = createOverlayPainter(document, STYLES, { shadowMode: 'open', rangesPerFrame: 2, requestFrame: frames.requestFrame });
    painter.set('hl-yellow', [rangeOf(text, 0, 3), rangeOf(text, 4, 7)]);
    painter.set('flash', [rangeOf(text, 8, 13), rangeOf(text, 14, 18)]);
    const shadow = (document.querySelector('newslens-marks') as HTMLElement).shadowRoot as ShadowRoot;
    expect(frames.run()).toBe(1);
    expect(shadow.querySelectorAll('.box')).toHaveLength(2);
    expect(frames.run()).toBe(1);
    expect(shadow.querySelectorAll('.box')).toHaveLength(4);
    expect(frames.run()).toBe(0);
    painter.clear('flash');
    expect(shadow.querySelectorAll('.box')).toHaveLength(2);
    painter.dispose();
  });

  it('re-measures when the window is resized', () => {
    const text = paragraph('Some words that wrap.');
    fakeLayout();
    const frames = manualFrames();
    const painter = createOverlayPainter(document, STYLES, { shadowMode: 'open', requestFrame: frames.requestFrame });
    painter.set('hl-yellow', [rangeOf(text, 0, 4)]);
    frames.run();
    fakeLayout({ left: 0, top: 0 });
    window.dispatchEvent(new Event('resize'));
    frames.run();
    const box = (document.querySelector('newslens-marks') as HTMLElement).shadowRoot?.querySelector<HTMLElement>('.box');
    expect(box?.style.top).toBe('200px');
    painter.dispose();
  });
});

describe('createPainter with private layers', () => {
  it('routes private layers to the overlay: no page-visible marks for them, detections still painted', () => {
    const text = paragraph('Keir Starmer said unemployment fell.');
    const painter = createPainter(document, { person: { css: 'background-color: blue;', priority: 1 } }, {
      privateLayers: STYLES,
      shadowMode: 'open',
    });
    painter.set('hl-yellow', [rangeOf(text, 18, 30)]);
    expect(document.querySelectorAll('newslens-mark')).toHaveLength(0);
    painter.set('person', [rangeOf(text, 0, 12)]);
    expect([...document.querySelectorAll('newslens-mark')].map((mark) => mark.textContent)).toEqual(['Keir Starmer']);
    painter.dispose();
    expect(document.querySelectorAll('newslens-mark')).toHaveLength(0);
    expect(document.querySelector('newslens-marks')).toBeNull();
  });
});
