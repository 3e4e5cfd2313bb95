import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore, INITIAL_PAGE_STATE, type PageState, type PlacedAnnotation } from '../../../components/page/page-state';
import type { Claim } from '../../../detect/types';
import { HOVER_OPEN_MS } from '../../../page/hover-preview';
import type { DetectionHit } from '../../../page/overlay';
import type { PageText, Span } from '../../../page/page-text';
import { Pointer, type PaintedTargets } from '../../../page/pointer';
import type { Annotation } from '../../../storage/types';
import { caretAtTextOffset, newsPage, spanOf } from '../../support/page-doc';

/** Paint as the pointer sees it: Starmer is a person (e1), the first sentence a claim (index 0), all under any point. */
function fakeTargets(text: PageText): PaintedTargets {
  const person = { ...spanOf(text, 'Keir Starmer'), item: { ...spanOf(text, 'Keir Starmer'), text: 'Keir Starmer', type: 'person' as const, entityId: 'e1' } };
  const claim = { ...spanOf(text, 'Sir Keir Starmer met Xi Jinping'), item: 0 };
  return {
    detectionAt(offset): DetectionHit | undefined {
      if (offset >= person.start && offset <= person.end) return { kind: 'entity', span: person };
      if (offset >= claim.start && offset <= claim.end) return { kind: 'claim', span: claim };
      return undefined;
    },
    isUnderPoint: () => true,
  };
}

function setup(state: Partial<PageState> = {}) {
  const { doc, text } = newsPage();
  caretAtTextOffset(text);
  const store = createStore<PageState>({ ...INITIAL_PAGE_STATE, ...state });
  const host = document.createElement('newslens-ui');
  document.body.append(host);
  const pointer = new Pointer({ doc, store, text, targets: fakeTargets(text), uiHost: () => host });
  return { doc, text, store, pointer, host };
}

/** A mouse event at text offset `x` (see caretAtTextOffset). */
function at(x: number, init: MouseEventInit = {}): MouseEvent {
  return new MouseEvent('click', { clientX: x, clientY: 0, bubbles: true, composed: true, ...init });
}

function placedAt(span: Span, kind: Annotation['kind'] = 'note'): PlacedAnnotation {
  return { annotation: { id: 'a1', kind } as Annotation, quality: 'exact', confidence: 1, ...span };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  document.getSelection()?.removeAllRanges();
  document.body.replaceChildren();
});

describe('Pointer: selection', () => {
  it('turns the page selection into offsets in the article text', () => {
    const { doc, text, store, pointer } = setup();
    const range = text.rangeOf(spanOf(text, 'Xi Jinping')) as Range;
    doc.getSelection()?.removeAllRanges();
    doc.getSelection()?.addRange(range);
    pointer.updateSelection();
    expect(store.get().selection).toMatchObject({ ...spanOf(text, 'Xi Jinping'), text: 'Xi Jinping' });
  });

  it('drops it when the selection collapses', () => {
    const { doc, text, store, pointer } = setup();
    doc.getSelection()?.removeAllRanges();
    doc.getSelection()?.addRange(text.rangeOf(spanOf(text, 'Beijing')) as Range);
    pointer.updateSelection();
    expect(store.get().selection).not.toBeNull();
    doc.getSelection()?.removeAllRanges();
    pointer.updateSelection();
    expect(store.get().selection).toBeNull();
  });

  it('on dismiss keeps the words selected in the page without reopening the toolbar, until a shortcut asks for it', () => {
    const { doc, text, store, pointer } = setup();
    doc.getSelection()?.removeAllRanges();
    doc.getSelection()?.addRange(text.rangeOf(spanOf(text, 'Beijing')) as Range);
    pointer.updateSelection();
    pointer.dismissSelection();
    expect(store.get().selection).toBeNull();
    expect(doc.getSelection()?.toString()).toBe('Beijing');
    pointer.updateSelection();
    expect(store.get().selection).toBeNull();
    pointer.focusToolbar();
    expect(store.get()).toMatchObject({ selection: { text: 'Beijing' }, toolbarFocus: true });
  });
});

describe('Pointer: clicks', () => {
  it("opens the reader's own annotation first, then an entity, then a claim; elsewhere closes the card", () => {
    const { text, store, pointer } = setup();
    store.set({ annotations: [placedAt(spanOf(text, 'Beijing'))] });
    pointer.handleClick(at(spanOf(text, 'Beijing').start + 2));
    expect(store.get().card).toMatchObject({ kind: 'annotation', annotationId: 'a1' });

    pointer.handleClick(at(spanOf(text, 'Starmer').start));
    expect(store.get().card).toMatchObject({ kind: 'entity', entityId: 'e1' });

    pointer.handleClick(at(spanOf(text, 'met').start));
    expect(store.get().card).toMatchObject({ kind: 'claim', claimIndex: 0 });
    expect(store.get().currentClaim).toBe(0);

    pointer.handleClick(at(spanOf(text, 'minister').start));
    expect(store.get().card).toBeNull();
  });

  it('opens the claim card for an annotation that tracks a detected claim', () => {
    const { text, store, pointer } = setup();
    const sentence = spanOf(text, 'Sir Keir Starmer met Xi Jinping');
    const claim: Claim = { ...sentence, text: 'Sir Keir Starmer met Xi Jinping', score: 0.9, band: 'high', rank: 1, reasons: [], quoted: false };
    store.set({ claims: [claim], annotations: [placedAt(sentence, 'claim')] });
    pointer.handleClick(at(spanOf(text, 'met').start));
    expect(store.get().card).toMatchObject({ kind: 'claim', claimIndex: 0 });
  });

  it('ignores clicks inside our own UI', () => {
    const { text, store, pointer, host } = setup();
    const click = at(spanOf(text, 'Starmer').start);
    host.addEventListener('click', (event) => pointer.handleClick(event as MouseEvent));
    host.dispatchEvent(click);
    expect(store.get().card).toBeNull();
  });
});

describe('Pointer: hover previews', () => {
  it('previews the card under a resting pointer, without opening it for real', () => {
    const { text, store, pointer } = setup();
    pointer.handlePointerMove(at(spanOf(text, 'Starmer').start));
    expect(store.get().card).toBeNull();
    vi.advanceTimersByTime(HOVER_OPEN_MS);
    expect(store.get().card).toMatchObject({ kind: 'entity', entityId: 'e1', preview: true });
  });

  it('does not preview while a button is pressed (the reader is selecting)', () => {
    const { text, store, pointer } = setup();
    pointer.handlePointerMove(at(spanOf(text, 'Starmer').start, { buttons: 1 }));
    vi.advanceTimersByTime(HOVER_OPEN_MS * 2);
    expect(store.get().card).toBeNull();
  });
});
