import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PageLink } from '../../../../components/panel/page-link';
import { PanelApp } from '../../../../components/panel/PanelApp';
import type { PageToPanel, PanelSnapshot, PanelToPage } from '../../../../storage/api';
import { makeAnnotation, makeArticle } from '../../../fixtures/popup-data';
import { fakeServices } from '../../../support/popup-services';

vi.mock('../../../../components/popup/export-formats', () => ({
  EXPORT_FORMATS: [{ key: 'csv', label: 'CSV' }],
  buildExportFiles: vi.fn(async () => []),
}));

afterEach(cleanup);

const TAB = { id: 7, url: 'https://news.example.com/story', title: 'Story' };

/** A page that answers the panel's port: `push` plays a message from the page, `sent` records the panel's requests. */
function fakePage(connected = true) {
  const sent: PanelToPage[] = [];
  let deliver: (message: PageToPanel) => void = () => undefined;
  const link: PageLink = {
    findTarget: vi.fn(async () => TAB),
    connect: vi.fn(async (_tab, onMessage) => {
      if (!connected) return null;
      deliver = onMessage;
      return { tab: TAB, send: (m: PanelToPage) => sent.push(m), close: () => undefined };
    }),
    onTargetChange: () => () => undefined,
  };
  return { link, sent, push: (message: PageToPanel) => act(() => deliver(message)) };
}

function snapshot(articleId: string, patch: Partial<PanelSnapshot> = {}): PanelSnapshot {
  return {
    articleId,
    title: 'Council approves new budget',
    phase: 'ready',
    mode: 'read',
    textLength: 1000,
    claims: [
      { index: 0, text: 'Spending rose 4 per cent, the mayor said.', start: 100, end: 140, score: 0.6, speaker: 'Rosa Calloway', painted: false },
      { index: 1, text: 'The largest investment in a century.', start: 600, end: 640, score: 0.9, speaker: 'Rosa Calloway', painted: true },
    ],
    entities: [{ entityId: 'e1', canonical: 'Rosa Calloway', type: 'person', count: 3 }],
    positions: {},
    nearestId: null,
    ...patch,
  };
}

async function seeded() {
  const fake = fakeServices();
  const article = makeArticle({ url: TAB.url, title: 'Council approves new budget' });
  const late = makeAnnotation(article, { quote: 'later sentence', start: 900 });
  const early = makeAnnotation(article, { quote: 'first sentence', start: 10 });
  await fake.db.articles.add(article);
  await fake.db.annotations.bulkAdd([late, early]);
  return { fake, article, late, early };
}

describe('side panel', () => {
  it('lists the notes in the page’s reading order, marks the nearest, and asks the page to show one', async () => {
    const { fake, article, late, early } = await seeded();
    const page = fakePage();
    render(<PanelApp services={{ ...fake.services, page: page.link }} />);
    await waitFor(() => expect(page.link.connect).toHaveBeenCalled());
    page.push({ type: 'panel/snapshot', snapshot: snapshot(article.id, { positions: { [early.id]: 10, [late.id]: 900 } }) });
    await screen.findByText('later sentence');
    const quotes = () => [...document.querySelectorAll('.annotation .quote')].map((q) => q.textContent);
    expect(quotes()).toEqual(['first sentence', 'later sentence']);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Council approves new budget');

    page.push({ type: 'panel/nearest', id: late.id });
    expect(document.querySelector('[aria-current="location"] .quote')?.textContent).toBe('later sentence');

    fireEvent.click(screen.getByRole('button', { name: 'Show in page: first sentence' }));
    expect(page.sent).toContainEqual({ type: 'panel/scroll-to', annotationId: early.id });

    // Arrow keys walk the list.
    const first = screen.getByRole('button', { name: 'Show in page: first sentence' });
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    expect(document.activeElement?.textContent).toBe('later sentence');
  });

  it('ranks claims by check-worthiness, says which the mode hides, and switches the page’s mode', async () => {
    const { fake, article } = await seeded();
    const page = fakePage();
    render(<PanelApp services={{ ...fake.services, page: page.link }} />);
    await waitFor(() => expect(page.link.connect).toHaveBeenCalled());
    page.push({ type: 'panel/snapshot', snapshot: snapshot(article.id) });
    fireEvent.click(await screen.findByRole('tab', { name: 'Claims' }));
    const items = screen.getAllByTestId('panel-claim').map((li) => li.textContent ?? '');
    expect(items[0]).toMatch(/^High.*Not tracked.*largest investment/);
    expect(items[1]).toMatch(/not shown in this mode/);
    expect(screen.getByTestId('panel-speakers').textContent).toMatch(/Rosa Calloway\s*2/);
    fireEvent.click(screen.getByTestId('panel-mode-fact-check'));
    expect(page.sent).toContainEqual({ type: 'panel/set-mode', mode: 'fact-check' });
  });

  it('says when NewsLens is not running on the page', async () => {
    const { fake } = await seeded();
    const page = fakePage(false);
    render(<PanelApp services={{ ...fake.services, page: page.link }} />);
    expect((await screen.findByTestId('panel-not-running')).textContent).toMatch(/not running on this page/);
  });
});
