import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore, INITIAL_PAGE_STATE, type PageState, type PlacedAnnotation } from '../../../components/page/page-state';
import type { Analysis } from '../../../detect/analyze';
import { claimBand } from '../../../detect/claim-bands';
import type { Claim, EntityMention } from '../../../detect/types';
import { FLASH_MS, Overlay } from '../../../page/overlay';
import type { PageText } from '../../../page/page-text';
import type { Annotation } from '../../../storage/types';
import { everyRangeUnderPointer, newsPage, spanOf } from '../../support/page-doc';

// happy-dom has no Custom Highlight API, so the overlay paints detections with the fallback: <newslens-mark data-layer="…">.
function painted(layer: string): string[] {
  return [...document.querySelectorAll(`newslens-mark[data-layer="${layer}"]`)].map((m) => m.textContent ?? '');
}

/**
 * The reader's highlights and the flash are private: one `.mark` per range in the overlay's shadow root (opened for the
 * test), measured on the next animation frame, and never a page-visible <newslens-mark>.
 */
function privateMarks(layer: string): number {
  vi.advanceTimersByTime(50);
  expect(painted(layer)).toEqual([]);
  const host = document.querySelector('newslens-marks');
  return host?.shadowRoot?.querySelectorAll(`.layer[data-layer="${layer}"] .mark`).length ?? 0;
}

function mention(text: PageText, phrase: string, type: EntityMention['type'], entityId: string): EntityMention {
  return { ...spanOf(text, phrase), text: phrase, type, entityId };
}

function claim(text: PageText, phrase: string, score: number): Claim {
  // The engine ranks by score (1 = most check-worthy); the two claims here are 0.9 and 0.52.
  return { ...spanOf(text, phrase), text: phrase, score, band: claimBand(score), rank: score >= 0.9 ? 1 : 2, reasons: ['statistic'], quoted: false };
}

function placed(text: PageText, phrase: string, color: Annotation['color'], orphan = false): PlacedAnnotation {
  const annotation = { id: `id-${phrase}`, color, kind: 'highlight', createdAt: '2026-01-29T10:00:00.000Z' } as Annotation;
  return orphan ? { annotation, quality: 'orphan', confidence: 0 } : { annotation, quality: 'exact', confidence: 1, ...spanOf(text, phrase) };
}

function setup(state: Partial<PageState> = {}) {
  const { doc, text } = newsPage();
  const store = createStore<PageState>({ ...INITIAL_PAGE_STATE, ...state });
  const ownMutations = vi.fn();
  const overlay = new Overlay({ doc, store, text, onOwnMutation: ownMutations, privateShadowMode: 'open' });
  const analysis: Analysis = {
    entities: [mention(text, 'Keir Starmer', 'person', 'e1'), mention(text, 'Beijing', 'place', 'e2')],
    groups: [],
    claims: [claim(text, 'Unemployment fell to 3.9% last quarter', 0.52), claim(text, 'Sir Keir Starmer met Xi Jinping', 0.9)],
  };
  return { doc, text, store, overlay, analysis, ownMutations };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
  document.querySelectorAll('newslens-marks').forEach((host) => host.remove());
});

describe('Overlay', () => {
  it('paints entities by type and claims by the one band definition (0.52 is medium, as its label says)', () => {
    const { overlay, analysis, ownMutations } = setup();
    overlay.showDetections(analysis, 'fact-check');
    expect(painted('person')).toEqual(['Keir Starmer']);
    expect(painted('place')).toEqual(['Beijing']);
    expect(painted('claim-medium').join('')).toBe('Unemployment fell to 3.9% last quarter');
    expect(painted('claim-high').join('')).toBe('Sir Keir Starmer met Xi Jinping');
    expect(painted('claim-low')).toEqual([]);
    // The fallback painter's own DOM changes are announced so the session's observer can drop them.
    expect(ownMutations).toHaveBeenCalled();
  });

  it('paints what the display mode plans: quiet names and only the top claims to read, nothing detected to study', () => {
    const { overlay, analysis, store } = setup();
    overlay.showDetections(analysis, 'read');
    expect(painted('person')).toEqual([]);
    expect(painted('person-quiet')).toEqual(['Keir Starmer']);
    // Two claims in a 19-word text: Read's budget keeps the most check-worthy one.
    expect(store.get()).toMatchObject({ mode: 'read', claimOrder: [1] });
    expect(painted('claim-high').join('')).toBe('Sir Keir Starmer met Xi Jinping');
    expect(painted('claim-medium')).toEqual([]);
    overlay.applyMode('study');
    overlay.paintDetections();
    expect([...document.querySelectorAll('newslens-mark')]).toHaveLength(0);
    expect(store.get()).toMatchObject({ mode: 'study', claimOrder: [] });
  });

  it('leaves out the kinds the reader hid, and paints them again when shown', () => {
    const { overlay, analysis, store } = setup({ hiddenKinds: ['person', 'claim'] });
    overlay.showDetections(analysis, 'fact-check');
    expect(painted('person')).toEqual([]);
    expect(painted('claim-high')).toEqual([]);
    expect(painted('place')).toEqual(['Beijing']);
    store.set({ hiddenKinds: [] });
    overlay.paintDetections();
    expect(painted('person')).toEqual(['Keir Starmer']);
  });

  it("paints the reader's highlights by colour and skips orphans, keeping the page text", () => {
    const { overlay, text, store, doc } = setup();
    const before = doc.body.textContent;
    store.set({ annotations: [placed(text, 'Xi Jinping', 'green'), placed(text, 'minister', 'pink', true)] });
    overlay.paintAnnotations();
    expect(privateMarks('hl-green')).toBe(1);
    expect(privateMarks('hl-pink')).toBe(0);
    expect(doc.body.textContent).toBe(before);
    // After wrapping, the map was re-read: offsets still point at the same words.
    expect(text.rangeOf(spanOf(text, 'Beijing'))?.toString()).toBe('Beijing');
  });

  it('repaints layers that are already painted, where the fallback must unwrap before it wraps again', () => {
    const { overlay, analysis, text, store } = setup();
    overlay.showDetections(analysis, 'fact-check');
    overlay.showDetections(analysis, 'fact-check');
    store.set({ annotations: [placed(text, 'Keir Starmer met', 'green')] });
    overlay.paintAnnotations();
    overlay.paintAnnotations();
    expect(painted('person')).toEqual(['Keir Starmer']);
    expect(painted('claim-high').join('')).toBe('Sir Keir Starmer met Xi Jinping');
    expect(privateMarks('hl-green')).toBe(1);
  });

  it(`flashes passages for ${FLASH_MS} ms`, () => {
    const { overlay, text } = setup();
    overlay.flash([spanOf(text, 'Thursday')]);
    expect(privateMarks('flash')).toBe(1);
    vi.advanceTimersByTime(FLASH_MS);
    expect(privateMarks('flash')).toBe(0);
  });

  it('finds the entity under a point before the claim around it, and nothing for a hidden kind', () => {
    everyRangeUnderPointer();
    const { overlay, analysis, text, store } = setup();
    overlay.showDetections(analysis, 'fact-check');
    const inName = spanOf(text, 'Starmer').start;
    expect(overlay.detectionAt(inName, 5, 5)).toMatchObject({ kind: 'entity', span: { item: { entityId: 'e1' } } });
    const inClaimOnly = spanOf(text, 'met').start;
    expect(overlay.detectionAt(inClaimOnly, 5, 5)).toMatchObject({ kind: 'claim', span: { item: 1 } });
    store.set({ hiddenKinds: ['person', 'claim'] });
    expect(overlay.detectionAt(inName, 5, 5)).toBeUndefined();
    expect(overlay.mentionsOf('e1').map((m) => m.text)).toEqual(['Keir Starmer']);
  });

  it('does not count a point outside the line boxes of the text (a caret snapped from the margin)', () => {
    vi.spyOn(Range.prototype, 'getClientRects').mockReturnValue([] as unknown as DOMRectList);
    const { overlay, analysis, text } = setup();
    overlay.showDetections(analysis, 'fact-check');
    expect(overlay.detectionAt(spanOf(text, 'Starmer').start, 5, 5)).toBeUndefined();
  });
});
