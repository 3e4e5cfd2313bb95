import { act, fireEvent, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { annotation, placed, renderPage } from '../../../support/page-ui';

describe('page toolbar', () => {
  it('summarises the article: distinct entities per kind, claims and tracked claims', () => {
    renderPage({
      annotations: [
        placed(annotation({ id: 'c1', kind: 'claim' })),
        placed(annotation({ id: 'h1' })),
        placed(annotation({ id: 'gone', kind: 'claim', deletedAt: '2025-03-07T00:00:00.000Z' })),
      ],
    });
    const toolbar = screen.getByTestId('nl-toolbar');
    expect(within(toolbar).getByTestId('nl-count-person').textContent).toBe('2');
    expect(within(toolbar).getByTestId('nl-count-organization').textContent).toBe('1');
    expect(within(toolbar).getByTestId('nl-count-place').textContent).toBe('2');
    expect(within(toolbar).getByTestId('nl-count-claim').textContent).toBe('3');
    expect(within(toolbar).getByTestId('nl-tracked-count').textContent).toBe('1 claim tracked');
  });

  it('toggles kinds: pressed means shown, and clicking asks the session to toggle', () => {
    const { actions, store } = renderPage({ hiddenKinds: ['place'] });
    expect(screen.getByTestId('nl-toggle-person').getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('nl-toggle-place').getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(screen.getByTestId('nl-toggle-organization'));
    expect(actions.toggleKind).toHaveBeenCalledWith('organization');
    act(() => store.set({ hiddenKinds: ['place', 'organization'] }));
    expect(screen.getByTestId('nl-toggle-organization').getAttribute('aria-pressed')).toBe('false');
  });

  it('labels every kind with words and a letter, not colour alone', () => {
    renderPage();
    expect(screen.getByTestId('nl-toggle-person').textContent).toContain('People');
    expect(screen.getByTestId('nl-toggle-organization').textContent).toContain('Organisations');
    expect(screen.getByTestId('nl-toggle-place').textContent).toContain('Places');
    expect(screen.getByTestId('nl-toggle-claim').textContent).toContain('Claims');
    expect(['P', 'O', 'L', 'C'].map((l) => screen.getAllByText(l).length)).toEqual([1, 1, 1, 1]);
  });

  it('steps through claims and shows the position', () => {
    const { actions, store } = renderPage();
    expect(screen.getByTestId('nl-claim-position').textContent).toBe('– / 3');
    fireEvent.click(screen.getByTestId('nl-next-claim'));
    expect(actions.stepClaim).toHaveBeenCalledWith(1);
    fireEvent.click(screen.getByTestId('nl-prev-claim'));
    expect(actions.stepClaim).toHaveBeenLastCalledWith(-1);
    act(() => store.set({ currentClaim: 1 }));
    expect(screen.getByTestId('nl-claim-position').textContent).toBe('2 / 3');
    expect(within(screen.getByRole('group', { name: 'Claims in this article' })).getByText('Claim 2 of 3')).toBeTruthy();
  });

  it('cannot step through claims while claims are hidden', () => {
    renderPage({ hiddenKinds: ['claim'] });
    expect((screen.getByTestId('nl-next-claim') as HTMLButtonElement).disabled).toBe(true);
  });

  it('disables claim navigation when there are no claims', () => {
    renderPage({ claims: [] });
    expect((screen.getByTestId('nl-next-claim') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('nl-prev-claim') as HTMLButtonElement).disabled).toBe(true);
  });

  it('offers "Annotate anyway" on pages that are not articles', () => {
    const { actions } = renderPage({ phase: 'not-article', isArticle: false, groups: [], claims: [] });
    expect(screen.getByText("This page doesn't look like an article.")).toBeTruthy();
    expect(screen.queryByTestId('nl-toggle-person')).toBeNull();
    fireEvent.click(screen.getByTestId('nl-annotate-anyway'));
    expect(actions.annotateAnyway).toHaveBeenCalledTimes(1);
  });

  it('lists orphans with their quotes, notes and tags when expanded', () => {
    renderPage({
      annotations: [
        placed(annotation({ id: 'o1', exact: 'the minister resigned on Tuesday', note: 'Check the **date**\nwith [Reuters](javascript:alert(1))', tags: ['dates'] }), {
          quality: 'orphan',
        }),
        placed(annotation({ id: 'o2', exact: 'a 40% rise in exports' }), { quality: 'orphan' }),
        placed(annotation({ id: 'ok' })),
      ],
    });
    const orphans = screen.getByTestId('nl-orphans');
    const toggle = within(orphans).getByRole('button', { name: '2 notes could not be placed' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    const list = screen.getByTestId('nl-orphan-list');
    expect(list.textContent).toContain('the minister resigned on Tuesday');
    expect(list.textContent).toContain('a 40% rise in exports');
    expect(within(list).getByText('date').tagName).toBe('STRONG');
    expect(list.textContent).toContain('Reuters');
    expect(list.querySelector('a')).toBeNull();
    expect(list.textContent).toContain('Tags: dates');
    expect(list.textContent).not.toContain('rose by 12% last year');
  });

  it('tells the reader the article changed and how each annotation fared', () => {
    const { actions } = renderPage({
      textChanged: true,
      annotations: [
        placed(annotation({ id: 'late', exact: 'second quote' }), { start: 500, end: 512 }),
        placed(annotation({ id: 'gone', exact: 'vanished sentence' }), { quality: 'orphan' }),
        placed(annotation({ id: 'early', exact: 'first quote' }), { quality: 'changed', confidence: 0.8, start: 10, end: 21, found: 'first quotes' }),
      ],
    });
    const changed = screen.getByTestId('nl-changed');
    fireEvent.click(within(changed).getByRole('button', { name: 'This article changed since you annotated it' }));
    const items = within(screen.getByTestId('nl-changed-list')).getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('data-quality'))).toEqual(['changed', 'exact', 'orphan']);
    expect(items[0]?.textContent).toContain('Found with changes');
    expect(items[0]?.querySelector('del')?.textContent).toBe('quote');
    expect(items[0]?.querySelector('ins')?.textContent).toBe('quotes');
    expect(items[1]?.textContent).toContain('Found exactly');
    expect(items[2]?.textContent).toContain('Not found');
    expect(within(items[2]!).queryByRole('button')).toBeNull();
    fireEvent.click(within(items[0]!).getByRole('button'));
    expect(actions.scrollToAnnotation).toHaveBeenCalledWith('early');
  });

  it('summarises the outcome and pages through a long list instead of rendering hundreds of rows', () => {
    const annotations = Array.from({ length: 95 }, (_, i) =>
      placed(annotation({ id: `a${i}`, exact: `quote ${i}` }), i % 5 === 0 ? { quality: 'orphan' } : { start: i * 10, end: i * 10 + 5 }),
    );
    renderPage({ textChanged: true, annotations });
    fireEvent.click(screen.getByRole('button', { name: 'This article changed since you annotated it' }));
    expect(screen.getByTestId('nl-changed-summary').textContent).toBe('Found exactly: 76 · Not found: 19');
    const rows = () => within(screen.getByTestId('nl-changed-list')).getAllByRole('listitem').length;
    expect(rows()).toBe(40);
    fireEvent.click(screen.getByRole('button', { name: 'Show 40 more (55 not shown)' }));
    expect(rows()).toBe(80);
    fireEvent.click(screen.getByRole('button', { name: 'Show 15 more (15 not shown)' }));
    expect(rows()).toBe(95);
    expect(screen.queryByRole('button', { name: /more \(/ })).toBeNull();
  });

  it('collapses to a pill and back', () => {
    renderPage();
    fireEvent.click(screen.getByTestId('nl-toolbar-collapse'));
    expect(screen.queryByTestId('nl-toggle-person')).toBeNull();
    const pill = screen.getByTestId('nl-toolbar-expand');
    expect(pill.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(pill);
    expect(screen.getByTestId('nl-toggle-person')).toBeTruthy();
  });
});

describe('error banner and toast', () => {
  it('shows an error as an alert that can be dismissed', () => {
    const { actions } = renderPage({ error: 'Storage is full: free some space to keep saving notes.' });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Storage is full');
    fireEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(actions.dismissError).toHaveBeenCalledTimes(1);
  });

  it('announces a toast politely and its Undo runs the undo', () => {
    const { actions, store } = renderPage();
    const region = screen.getByRole('status');
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.textContent).toBe('');
    let undone = 0;
    act(() => store.set({ toast: { message: 'Note deleted', undo: () => void undone++ } }));
    expect(region.textContent).toContain('Note deleted');
    fireEvent.click(screen.getByTestId('nl-undo'));
    expect(undone).toBe(1);
    expect(actions.dismissToast).toHaveBeenCalled();
  });

  it('has no Undo button for a toast without undo', () => {
    renderPage({ toast: { message: 'Saved' } });
    expect(screen.getByTestId('nl-toast').textContent).toContain('Saved');
    expect(screen.queryByTestId('nl-undo')).toBeNull();
  });
});

describe('display mode switch', () => {
  it('shows the current mode as pressed and asks the session to switch', () => {
    const { actions, store } = renderPage({ mode: 'read' });
    expect(screen.getByTestId('nl-mode-read').getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByTestId('nl-mode-fact-check'));
    expect(actions.setMode).toHaveBeenCalledWith('fact-check');
    act(() => store.set({ mode: 'fact-check', claimOrder: [2, 0, 1] }));
    expect(screen.getByTestId('nl-mode-fact-check').getAttribute('aria-pressed')).toBe('true');
  });

  it('counts and steps through the painted claims only, in rank order', () => {
    const { store } = renderPage({ claimOrder: [2] });
    expect(screen.getByTestId('nl-count-claim').textContent).toBe('1');
    act(() => store.set({ currentClaim: 2 }));
    expect(screen.getByTestId('nl-claim-position').textContent).toBe('1 / 1');
  });
});
