import { act, fireEvent, screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { annotation, placed, RECT, renderPage } from '../../../support/page-ui';

const HOSTILE = '<img src=x onerror="window.__pwned=1">';

describe('keyboard', () => {
  it('moves focus into a card when it opens and Escape closes it', async () => {
    const user = userEvent.setup();
    const { actions, store } = renderPage();
    act(() => store.set({ card: { kind: 'entity', entityId: 'e2', rect: RECT } }));
    const card = screen.getByTestId('nl-card');
    expect(card.contains(document.activeElement)).toBe(true);
    await user.keyboard('{Escape}');
    expect(actions.closeCard).toHaveBeenCalledTimes(1);
  });

  it('gives focus back to the toolbar button that opened a card when the card closes', async () => {
    const user = userEvent.setup();
    const { actions, store } = renderPage();
    actions.stepClaim.mockImplementation(() => store.set({ currentClaim: 0, card: { kind: 'claim', claimIndex: 0, rect: RECT } }));
    actions.closeCard.mockImplementation(() => store.set({ card: null }));
    const next = screen.getByTestId('nl-next-claim');
    await user.click(next);
    expect(screen.getByTestId('nl-card').contains(document.activeElement)).toBe(true);
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('nl-card')).toBeNull();
    expect(document.activeElement).toBe(next);
  });

  it('leaves focus alone when the reader clicked away from the card', async () => {
    const { store } = renderPage({ card: { kind: 'entity', entityId: 'e1', rect: RECT } });
    const outside = document.createElement('input');
    document.body.append(outside);
    outside.focus();
    act(() => store.set({ card: null }));
    expect(document.activeElement).toBe(outside);
    outside.remove();
  });

  it('reaches every control of a card with Tab, in order', async () => {
    const user = userEvent.setup();
    renderPage({ card: { kind: 'entity', entityId: 'e1', rect: RECT } });
    const card = screen.getByTestId('nl-card');
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      await user.tab();
      if (!card.contains(document.activeElement)) break;
      seen.push(document.activeElement?.getAttribute('data-testid') ?? '');
    }
    expect(seen).toEqual(['nl-card-close', 'nl-highlight-all', 'nl-hide-kind']);
  });

  it('reaches the selection toolbar buttons with Tab', async () => {
    const user = userEvent.setup();
    renderPage({ selection: { start: 0, end: 5, text: 'Trade', rect: RECT } });
    screen.getByTestId('nl-color-yellow').focus();
    const seen = ['nl-color-yellow'];
    for (let i = 0; i < 7; i++) {
      await user.tab();
      seen.push(document.activeElement?.getAttribute('data-testid') ?? '');
    }
    expect(seen).toEqual([
      'nl-color-yellow',
      'nl-color-green',
      'nl-color-blue',
      'nl-color-pink',
      'nl-color-purple',
      'nl-note',
      'nl-tags',
      'nl-track-selection',
    ]);
  });

  it('Escape in an open tag list closes the list, not the card', async () => {
    const user = userEvent.setup();
    const { actions } = renderPage({
      annotations: [placed(annotation({ id: 'h1' }))],
      card: { kind: 'annotation', annotationId: 'h1', rect: RECT },
    });
    await user.type(screen.getByTestId('nl-tag-input'), 'bud');
    expect(screen.getByRole('listbox', { hidden: true }).hidden).toBe(false);
    await user.keyboard('{Escape}');
    expect(screen.getByRole('listbox', { hidden: true }).hidden).toBe(true);
    expect(actions.closeCard).not.toHaveBeenCalled();
    await user.keyboard('{Escape}');
    expect(actions.closeCard).toHaveBeenCalledTimes(1);
  });

  it('buttons in the page toolbar are real, enabled buttons', () => {
    renderPage();
    const toolbar = screen.getByTestId('nl-toolbar');
    const buttons = Array.from(toolbar.querySelectorAll('button'));
    expect(buttons.length).toBeGreaterThanOrEqual(7);
    for (const b of buttons) {
      expect(b.getAttribute('type')).toBe('button');
      expect(b.tabIndex).toBe(0);
    }
  });
});

describe('hostile page text', () => {
  it('renders markup from the page and from notes as literal text everywhere', () => {
    const { store, container } = renderPage({
      groups: [{ entityId: 'x', canonical: HOSTILE, type: 'person', aliases: [HOSTILE + '2'], count: 1 }],
      claims: [{ start: 0, end: 10, text: HOSTILE, score: 0.9, band: 'high', rank: 1, reasons: ['attribution'], speaker: HOSTILE, quoted: false }],
      annotations: [
        placed(annotation({ id: 'o', exact: HOSTILE, note: HOSTILE, tags: [HOSTILE] }), { quality: 'orphan' }),
        placed(annotation({ id: 'h', exact: HOSTILE, note: HOSTILE, tags: [HOSTILE] })),
      ],
      error: HOSTILE,
      toast: { message: HOSTILE },
      textChanged: true,
      card: { kind: 'entity', entityId: 'x', rect: RECT },
    });
    fireEvent.click(screen.getByRole('button', { name: /could not be placed/ }));
    fireEvent.click(screen.getByRole('button', { name: /article changed/ }));
    const check = () => {
      expect(container.querySelector('img')).toBeNull();
      expect(container.querySelector('[onerror]')).toBeNull();
    };
    check();
    expect(screen.getByRole('dialog').textContent).toContain(HOSTILE);
    expect(screen.getByTestId('nl-orphan-list').textContent).toContain(HOSTILE);
    expect(screen.getByTestId('nl-error').textContent).toContain(HOSTILE);
    act(() => store.set({ card: { kind: 'claim', claimIndex: 0, rect: RECT } }));
    check();
    expect(screen.getByTestId('nl-claim-text').textContent).toBe(HOSTILE);
    expect(screen.getByTestId('nl-claim-speaker').textContent).toContain(HOSTILE);
    act(() => store.set({ card: { kind: 'annotation', annotationId: 'h', rect: RECT } }));
    check();
    expect((screen.getByTestId('nl-note-input') as HTMLTextAreaElement).value).toBe(HOSTILE);
    expect(screen.getByRole('list', { name: 'Tags' }).textContent).toContain(HOSTILE);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
