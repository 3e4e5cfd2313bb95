import { act, fireEvent, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_COLORS } from '../../../../storage/types';
import { RECT, renderPage } from '../../../support/page-ui';

const selection = { start: 120, end: 152, text: 'rose by 12% last year', rect: RECT };

describe('selection toolbar', () => {
  it('appears only while there is a selection', () => {
    const { store } = renderPage();
    expect(screen.queryByTestId('nl-selection-toolbar')).toBeNull();
    act(() => store.set({ selection }));
    expect(screen.getByTestId('nl-selection-toolbar').getAttribute('role')).toBe('toolbar');
    act(() => store.set({ selection: null }));
    expect(screen.queryByTestId('nl-selection-toolbar')).toBeNull();
  });

  it('highlights in each of the five colours', async () => {
    const { actions } = renderPage({ selection });
    for (const color of HIGHLIGHT_COLORS) {
      const button = screen.getByTestId(`nl-color-${color}`) as HTMLButtonElement;
      expect(button.getAttribute('aria-label')).toBe(`Highlight ${color}`);
      await waitFor(() => expect(button.disabled).toBe(false));
      fireEvent.click(button);
      expect(actions.highlightSelection).toHaveBeenLastCalledWith(color);
    }
    expect(actions.highlightSelection).toHaveBeenCalledTimes(5);
  });

  it('creates a note and tracks a claim from the selection', async () => {
    const { actions } = renderPage({ selection });
    fireEvent.click(screen.getByTestId('nl-note'));
    await waitFor(() => expect(actions.noteSelection).toHaveBeenCalledTimes(1));
    fireEvent.click(screen.getByTestId('nl-track-selection'));
    await waitFor(() => expect(actions.trackSelectionAsClaim).toHaveBeenCalledTimes(1));
  });

  it('tags the selection: type, pick a suggestion, press Enter', async () => {
    const user = userEvent.setup();
    const { actions } = renderPage({ selection });
    await user.click(screen.getByTestId('nl-tags'));
    const input = screen.getByTestId('nl-tag-selection-input');
    expect(document.activeElement).toBe(input);
    await user.type(input, 'tra');
    const options = screen.getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['trade', 'trade-deal']);
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(screen.getByRole('list', { name: 'Tags' }).textContent).toContain('trade-deal');
    await user.type(input, 'fact check{Enter}');
    expect(actions.tagSelection).toHaveBeenCalledWith(['trade-deal', 'fact check']);
  });

  it('ignores a second click while the first highlight is still being saved', () => {
    const { actions } = renderPage({ selection });
    fireEvent.click(screen.getByTestId('nl-color-yellow'));
    fireEvent.click(screen.getByTestId('nl-color-yellow'));
    expect(actions.highlightSelection).toHaveBeenCalledTimes(1);
  });

  it('reports a failed action instead of failing silently', async () => {
    const { actions } = renderPage({ selection });
    actions.highlightSelection.mockRejectedValueOnce(new Error('background unreachable'));
    fireEvent.click(screen.getByTestId('nl-color-green'));
    expect(await screen.findByText('Could not save the highlight.')).toBeTruthy();
  });

  it('is keyboard operable: Tab and arrow keys move between buttons, Escape closes', async () => {
    const user = userEvent.setup();
    const { store } = renderPage({ selection });
    const toolbar = screen.getByTestId('nl-selection-toolbar');
    screen.getByTestId('nl-color-yellow').focus();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByTestId('nl-color-green'));
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(screen.getByTestId('nl-color-blue'));
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(screen.getByTestId('nl-track-selection'));
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(screen.getByTestId('nl-color-yellow'));
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(screen.getByTestId('nl-track-selection'));
    expect(toolbar.isConnected).toBe(true);
    await user.keyboard('{Escape}');
    expect(store.get().selection).toBeNull();
    expect(screen.queryByTestId('nl-selection-toolbar')).toBeNull();
  });

  it('leaves Escape to the session (which also clears the page selection)', () => {
    const { actions, store } = renderPage({ selection });
    actions.dismissSelection.mockImplementation(() => {});
    fireEvent.keyDown(screen.getByTestId('nl-note'), { key: 'Escape' });
    expect(actions.dismissSelection).toHaveBeenCalledTimes(1);
    expect(store.get().selection).toEqual(selection);
  });

  it('keeps the page selection when a button is pressed with the mouse', () => {
    renderPage({ selection });
    const pressed = fireEvent.mouseDown(screen.getByTestId('nl-color-pink'));
    expect(pressed).toBe(false);
  });

  it('sits inside the viewport even for a selection at the top-left corner', () => {
    renderPage({ selection: { ...selection, rect: { top: 2, left: -40, width: 30, height: 18 } } });
    const style = screen.getByTestId('nl-selection-toolbar').style;
    expect(Number.parseInt(style.top, 10)).toBeGreaterThanOrEqual(8);
    expect(Number.parseInt(style.left, 10)).toBeGreaterThanOrEqual(8);
  });
});
