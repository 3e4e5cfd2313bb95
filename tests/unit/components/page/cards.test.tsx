import { act, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { annotation, CLAIMS, placed, RECT, renderPage } from '../../../support/page-ui';

const trackedFirstClaim = () =>
  placed(
    annotation({
      id: 't1',
      kind: 'claim',
      exact: CLAIMS[0]!.text,
      claim: { status: 'unstarted', verdict: '', evidence: [] },
    }),
    { start: CLAIMS[0]!.start, end: CLAIMS[0]!.end },
  );

describe('entity card', () => {
  it('shows the name, type in words, aliases and mentions, and its buttons call the session', () => {
    const { actions } = renderPage({ card: { kind: 'entity', entityId: 'e1', rect: RECT } });
    const card = screen.getByTestId('nl-entity-card');
    expect(screen.getByRole('dialog', { name: 'Keir Starmer' })).toBeTruthy();
    expect(within(card).getByTestId('nl-entity-type').textContent).toContain('Person');
    expect(within(card).getByTestId('nl-entity-aliases').textContent).toBe('Also called: Starmer, Sir Keir Starmer');
    expect(within(card).getByTestId('nl-entity-mentions').textContent).toBe('Mentioned 5 times');
    fireEvent.click(within(card).getByTestId('nl-highlight-all'));
    expect(actions.highlightAllMentions).toHaveBeenCalledWith('e1');
    const hide = within(card).getByTestId('nl-hide-kind');
    expect(hide.textContent).toBe('Hide people');
    fireEvent.click(hide);
    expect(actions.toggleKind).toHaveBeenCalledWith('person');
    expect(actions.closeCard).toHaveBeenCalled();
  });

  it('names organisations and places in words', () => {
    const { store } = renderPage({ card: { kind: 'entity', entityId: 'e3', rect: RECT } });
    expect(screen.getByTestId('nl-entity-type').textContent).toContain('Organisation');
    expect(screen.queryByTestId('nl-entity-aliases')).toBeNull();
    act(() => store.set({ card: { kind: 'entity', entityId: 'e5', rect: RECT } }));
    expect(screen.getByTestId('nl-entity-type').textContent).toContain('Place');
    expect(screen.getByTestId('nl-entity-mentions').textContent).toBe('Mentioned once');
    expect(screen.getByTestId('nl-hide-kind').textContent).toBe('Hide places');
  });

  it('still opens (and closes) when the entity vanished after a re-scan', () => {
    const { actions } = renderPage({ card: { kind: 'entity', entityId: 'nope', rect: RECT } });
    expect(screen.getByText('This item is no longer on the page.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(actions.closeCard).toHaveBeenCalled();
  });
});

describe('claim card', () => {
  it('explains the claim: score and reasons in words, and the speaker', () => {
    renderPage({ card: { kind: 'claim', claimIndex: 0, rect: RECT } });
    const card = screen.getByTestId('nl-claim-card');
    expect(screen.getByRole('dialog', { name: 'Claim 1 of 3' })).toBeTruthy();
    expect(within(card).getByTestId('nl-claim-text').textContent).toBe(CLAIMS[0]!.text);
    expect(within(card).getByTestId('nl-claim-score').textContent).toBe('Highly check-worthy');
    const reasons = within(within(card).getByTestId('nl-claim-reasons')).getAllByRole('listitem');
    expect(reasons.map((r) => r.textContent)).toEqual(['contains a statistic', 'superlative', 'attributed to Zhao Leji']);
    expect(within(card).getByTestId('nl-claim-speaker').textContent).toBe('Said by Zhao Leji');
  });

  it('truncates a long claim nicely and can show all of it', () => {
    const long = `${'The ministry said that the programme had reached every region of the country '.repeat(5)}by March.`;
    renderPage({
      claims: [{ start: 0, end: long.length, text: long, score: 0.5, band: 'medium', rank: 1, reasons: ['statistic'], quoted: false }],
      card: { kind: 'claim', claimIndex: 0, rect: RECT },
    });
    const text = screen.getByTestId('nl-claim-text');
    expect(text.textContent!.length).toBeLessThanOrEqual(220);
    expect(text.textContent!.endsWith('…')).toBe(true);
    expect(screen.getByTestId('nl-claim-score').textContent).toBe('Check-worthy');
    expect(screen.queryByTestId('nl-claim-speaker')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show the whole claim' }));
    expect(text.textContent).toBe(long);
  });

  it('tracks an untracked claim, then shows the review form with focus on the status', async () => {
    const { actions, store } = renderPage({ card: { kind: 'claim', claimIndex: 0, rect: RECT } });
    expect(screen.queryByTestId('nl-claim-status')).toBeNull();
    fireEvent.click(screen.getByTestId('nl-track-claim'));
    expect(actions.trackClaim).toHaveBeenCalledWith(0);
    act(() => store.set({ annotations: [trackedFirstClaim()] }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('nl-claim-status')));
    expect(screen.queryByTestId('nl-track-claim')).toBeNull();
  });

  it('saves status, verdict, rating, evidence and note, with the claimant from the detector', async () => {
    const user = userEvent.setup();
    const { actions } = renderPage({ card: { kind: 'claim', claimIndex: 0, rect: RECT }, annotations: [trackedFirstClaim()] });
    const status = screen.getByTestId('nl-claim-status') as HTMLSelectElement;
    expect(Array.from(status.options).map((o) => o.textContent)).toEqual([
      'Not started',
      'In progress',
      'Inconclusive',
      'Verified',
      'False',
    ]);
    await user.selectOptions(status, 'false');
    await user.type(screen.getByTestId('nl-claim-verdict'), 'Mostly false');
    await user.selectOptions(screen.getByTestId('nl-claim-rating'), '2');
    await user.type(screen.getByTestId('nl-evidence-url'), 'https://stats.example.gov/trade-2024');
    await user.type(screen.getByTestId('nl-evidence-note'), 'Official trade figures');
    await user.click(screen.getByTestId('nl-evidence-add'));
    const link = within(screen.getByTestId('nl-evidence-list')).getByRole('link');
    expect(link.getAttribute('href')).toBe('https://stats.example.gov/trade-2024');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.getAttribute('target')).toBe('_blank');
    await user.type(screen.getByTestId('nl-claim-note'), 'Rise was 2%, not 12%.');
    await user.click(screen.getByTestId('nl-claim-save'));
    expect(actions.updateAnnotation).toHaveBeenCalledWith('t1', {
      claim: {
        status: 'false',
        verdict: 'Mostly false',
        rating: 2,
        evidence: [{ url: 'https://stats.example.gov/trade-2024', note: 'Official trade figures' }],
        claimant: 'Zhao Leji',
      },
      note: 'Rise was 2%, not 12%.',
      baseUpdatedAt: trackedFirstClaim().annotation.updatedAt,
    });
    expect(await screen.findByText('Saved')).toBeTruthy();
  });

  it('lets the reader name or correct the claimant', async () => {
    const user = userEvent.setup();
    const { actions } = renderPage({ card: { kind: 'claim', claimIndex: 0, rect: RECT }, annotations: [trackedFirstClaim()] });
    const claimant = screen.getByTestId('nl-claim-claimant') as HTMLInputElement;
    expect(claimant.value).toBe('Zhao Leji');
    await user.clear(claimant);
    await user.type(claimant, '  Ministry of  Commerce ');
    await user.click(screen.getByTestId('nl-claim-save'));
    expect(actions.updateAnnotation).toHaveBeenCalledWith('t1', expect.objectContaining({ claim: expect.objectContaining({ claimant: 'Ministry of Commerce' }) }));
  });

  it('rejects javascript: evidence with a clear inline error and never saves it', async () => {
    const user = userEvent.setup();
    const { actions } = renderPage({ card: { kind: 'claim', claimIndex: 0, rect: RECT }, annotations: [trackedFirstClaim()] });
    const url = screen.getByTestId('nl-evidence-url');
    await user.type(url, 'javascript:alert(document.cookie)');
    await user.click(screen.getByTestId('nl-evidence-add'));
    const error = screen.getByTestId('nl-evidence-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain('http');
    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByTestId('nl-evidence-list')).toBeNull();
    await user.click(screen.getByTestId('nl-claim-save'));
    expect(actions.updateAnnotation).not.toHaveBeenCalled();
    expect(screen.queryAllByRole('link')).toHaveLength(0);
  });

  it('reads a bare address as https and adds a link still typed when Save is pressed', async () => {
    const user = userEvent.setup();
    const { actions } = renderPage({ card: { kind: 'claim', claimIndex: 0, rect: RECT }, annotations: [trackedFirstClaim()] });
    await user.type(screen.getByTestId('nl-evidence-url'), 'ons.gov.uk/trade');
    await user.click(screen.getByTestId('nl-claim-save'));
    expect(actions.updateAnnotation).toHaveBeenCalledWith(
      't1',
      expect.objectContaining({
        claim: expect.objectContaining({ evidence: [{ url: 'https://ons.gov.uk/trade', note: '' }] }),
      }),
    );
  });

  it('shows stored non-http evidence as text, never as a link', () => {
    const hostile = trackedFirstClaim();
    hostile.annotation.claim = {
      status: 'in_progress',
      verdict: '',
      evidence: [
        { url: 'javascript:alert(1)', note: 'imported' },
        { url: 'https://ok.example.org/a', note: '' },
      ],
    };
    renderPage({ card: { kind: 'claim', claimIndex: 0, rect: RECT }, annotations: [hostile] });
    const list = screen.getByTestId('nl-evidence-list');
    const links = within(list).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://ok.example.org/a']);
    expect(list.textContent).toContain('javascript:alert(1)');
  });
});

describe('annotation editor', () => {
  const note = () => placed(annotation({ id: 'n1', kind: 'note', note: 'First thought', tags: ['trade'], color: 'blue' }));

  it('focuses the note when asked and saves note, tags and colour', async () => {
    const user = userEvent.setup();
    const { actions } = renderPage({
      annotations: [note()],
      card: { kind: 'annotation', annotationId: 'n1', rect: RECT, focusNote: true },
    });
    const textarea = screen.getByTestId('nl-note-input') as HTMLTextAreaElement;
    expect(document.activeElement).toBe(textarea);
    expect(screen.getByTestId('nl-annotation-quote').textContent).toBe('rose by 12% last year');
    await user.clear(textarea);
    await user.type(textarea, 'Check against **ONS**');
    await user.type(screen.getByTestId('nl-tag-input'), 'needs{ArrowDown}{Enter}');
    await user.type(screen.getByTestId('nl-tag-input'), 'Budget 2025');
    await user.click(screen.getByRole('button', { name: 'Remove tag trade' }));
    await user.click(screen.getByTestId('nl-pick-pink'));
    await user.click(screen.getByTestId('nl-save'));
    expect(actions.updateAnnotation).toHaveBeenCalledWith('n1', {
      note: 'Check against **ONS**',
      tags: ['needs-source', 'Budget 2025'],
      color: 'pink',
      baseUpdatedAt: note().annotation.updatedAt,
    });
  });

  it('saves with Ctrl+Enter from the note', async () => {
    const user = userEvent.setup();
    const { actions } = renderPage({ annotations: [note()], card: { kind: 'annotation', annotationId: 'n1', rect: RECT } });
    await user.click(screen.getByTestId('nl-note-input'));
    await user.keyboard('!{Control>}{Enter}{/Control}');
    // Only what the reader changed is sent, with the version the card was opened on.
    expect(actions.updateAnnotation).toHaveBeenCalledWith('n1', { note: 'First thought!', baseUpdatedAt: note().annotation.updatedAt });
  });

  it('a stale save is told to the reader, keeps their text, and the next Save replaces the other version', async () => {
    const user = userEvent.setup();
    const { actions } = renderPage({ annotations: [note()], card: { kind: 'annotation', annotationId: 'n1', rect: RECT } });
    const conflict = Object.assign(new Error('This note was changed in another tab or window since you opened it.'), { code: 'conflict' });
    actions.updateAnnotation.mockRejectedValueOnce(conflict);
    await user.click(screen.getByTestId('nl-note-input'));
    await user.keyboard(' from tab A');
    await user.click(screen.getByTestId('nl-save'));
    expect(await screen.findByText(/changed in another tab/)).toBeTruthy();
    expect((screen.getByTestId('nl-note-input') as HTMLTextAreaElement).value).toBe('First thought from tab A');
    await user.click(screen.getByTestId('nl-save'));
    expect(actions.updateAnnotation).toHaveBeenLastCalledWith('n1', { note: 'First thought from tab A' });
  });

  it('deletes, and the toast offers an undo that runs', async () => {
    const { actions, store } = renderPage({ annotations: [note()], card: { kind: 'annotation', annotationId: 'n1', rect: RECT } });
    let restored = false;
    actions.deleteAnnotation.mockImplementation(async (id: string) => {
      store.set((s) => ({
        card: null,
        annotations: s.annotations.filter((p) => p.annotation.id !== id),
        toast: { message: 'Note deleted', undo: () => (restored = true) },
      }));
    });
    fireEvent.click(screen.getByTestId('nl-delete'));
    expect(actions.deleteAnnotation).toHaveBeenCalledWith('n1');
    expect(await screen.findByText('Note deleted')).toBeTruthy();
    expect(screen.queryByTestId('nl-card')).toBeNull();
    fireEvent.click(screen.getByTestId('nl-undo'));
    expect(restored).toBe(true);
  });

  it('shows the claim review form for a claim tracked from a selection', () => {
    renderPage({
      annotations: [trackedFirstClaim()],
      card: { kind: 'annotation', annotationId: 't1', rect: RECT },
    });
    expect(screen.getByRole('dialog', { name: 'Tracked claim' })).toBeTruthy();
    expect(screen.getByTestId('nl-claim-status')).toBeTruthy();
    expect(screen.queryByTestId('nl-note-input')).toBeNull();
    expect(screen.getByTestId('nl-delete')).toBeTruthy();
  });

  it('tells the reader when the annotated text changed', () => {
    renderPage({
      annotations: [placed(annotation({ id: 'c' }), { quality: 'changed', confidence: 0.7 })],
      card: { kind: 'annotation', annotationId: 'c', rect: RECT },
    });
    expect(screen.getByTestId('nl-annotation-changed').textContent).toContain('changed');
  });

  it('shows what changed under a note and lets the reader accept or detach it', async () => {
    const changedNote = placed(annotation({ id: 'c', exact: 'rose by 12% last year' }), { quality: 'changed', confidence: 0.8, start: 10, end: 31 });
    const { actions } = renderPage({
      annotations: [{ ...changedNote, found: 'rose by 15% last year' }],
      card: { kind: 'annotation', annotationId: 'c', rect: RECT },
    });
    const change = screen.getByTestId('quote-change');
    expect(change.querySelector('del')?.textContent?.trim()).toBe('12%');
    expect(change.querySelector('ins')?.textContent?.trim()).toBe('15%');
    await userEvent.click(screen.getByTestId('nl-accept-change'));
    expect(actions.acceptChange).toHaveBeenCalledWith('c');
    await userEvent.click(screen.getByTestId('nl-detach'));
    expect(actions.detachAnnotation).toHaveBeenCalledWith('c');
  });
});
