import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '../../../../components/popup/PopupApp';
import { makeAnnotation, makeArticle } from '../../../fixtures/popup-data';
import { emptyStatus, fakeServices } from '../../../support/popup-services';

vi.mock('../../../../components/popup/export-formats', () => ({
  EXPORT_FORMATS: [{ key: 'csv', label: 'CSV' }],
  buildExportFiles: vi.fn(async () => []),
}));

afterEach(cleanup);

async function seeded() {
  const article = makeArticle({ url: 'https://news.example.com/story', title: 'Council approves new budget', publishedAt: '2025-03-05' });
  const late = makeAnnotation(article, { quote: 'later sentence', start: 900, anchor: { quality: 'changed', confidence: 0.8, checkedAt: '2025-03-09T00:00:00Z' } });
  const early = makeAnnotation(article, { quote: 'first sentence', start: 10, note: 'my note' });
  const lost = makeAnnotation(article, { quote: 'vanished words', start: 500, note: 'kept anyway', anchor: { quality: 'orphan', confidence: 0, checkedAt: '2025-03-09T00:00:00Z' } });
  return { article, late, early, lost };
}

describe('This page tab', () => {
  it('shows the article, its notes in reading order, orphans apart, the change warning and the detection summary', async () => {
    const { article, late, early, lost } = await seeded();
    const status = emptyStatus({
      articleId: article.id,
      textChanged: true,
      entities: [{ canonical: 'Jane Minister', type: 'person', count: 3 }],
      claims: [{ text: 'a claim', score: 0.9 }],
    });
    const fake = fakeServices({ tabs: { getStatus: vi.fn(async () => status) } });
    await fake.db.articles.add(article);
    await fake.db.annotations.bulkAdd([late, early, lost]);
    render(<PopupApp services={fake.services} />);

    await screen.findByText('first sentence');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Council approves new budget');
    expect(screen.getByText(/This article changed since you annotated it/)).toBeTruthy();
    expect(screen.getByText(/Jane Minister/).textContent).toContain('×3');
    expect(screen.getByText('1 check-worthy claim marked on the page.')).toBeTruthy();

    const main = [...document.querySelectorAll('.this-page > .annotations .quote')].map((q) => q.textContent);
    expect(main).toEqual(['first sentence', 'later sentence']);
    expect(document.querySelector(`[data-annotation-id="${late.id}"] .badge.warn`)?.textContent).toBe('changed');
    const orphans = screen.getByRole('region', { name: 'Not found on the page' });
    expect(orphans.textContent).toContain('vanished words');
    expect(orphans.textContent).toContain('kept anyway');

    fireEvent.click(screen.getByRole('button', { name: 'Show in page: first sentence' }));
    await waitFor(() => expect(fake.tabs.scrollTo).toHaveBeenCalledWith(7, early.id));
  });

  it('shows what changed under a note and accepts or detaches it', async () => {
    const { article, early } = await seeded();
    const changed = makeAnnotation(article, {
      quote: 'rose by 12% last year',
      start: 300,
      anchor: { quality: 'changed', confidence: 0.8, checkedAt: '2025-03-09T00:00:00Z', found: 'rose by 15% last year' },
    });
    const fake = fakeServices({ tabs: { getStatus: vi.fn(async () => emptyStatus({ articleId: article.id })) } });
    await fake.db.articles.add(article);
    await fake.db.annotations.bulkAdd([early, changed]);
    render(<PopupApp services={fake.services} />);

    const change = await screen.findByTestId('quote-change');
    expect(change.querySelector('del')?.textContent?.trim()).toBe('12%');
    expect(change.querySelector('ins')?.textContent?.trim()).toBe('15%');
    fireEvent.click(screen.getByRole('button', { name: 'Accept the new text: rose by 15% last year' }));
    await waitFor(async () => expect((await fake.db.annotations.get(changed.id))?.target.quote.exact).toBe('rose by 15% last year'));
    expect((await fake.db.annotations.get(changed.id))?.anchor?.quality).toBe('exact');

    await fake.db.annotations.update(changed.id, { anchor: changed.anchor, target: changed.target });
    fireEvent.click(await screen.findByRole('button', { name: 'Detach from the changed text: rose by 12% last year' }));
    await waitFor(async () => expect((await fake.db.annotations.get(changed.id))?.anchor).toMatchObject({ quality: 'orphan', detached: true }));
  });

  it('without a content script offers to annotate now or always on this site, and shows notes saved before', async () => {
    const { article, early } = await seeded();
    let injected = false;
    const fake = fakeServices({
      tabs: {
        getStatus: vi.fn(async () => (injected ? emptyStatus({ articleId: article.id }) : null)),
        injectContentScript: vi.fn(async () => {
          injected = true;
        }),
      },
    });
    await fake.db.articles.add(article);
    await fake.db.annotations.add(early);
    render(<PopupApp services={fake.services} />);

    await screen.findByText('NewsLens is not running on news.example.com.');
    expect(await screen.findByText('first sentence')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Always annotate on news.example.com' }));
    await waitFor(() => expect(fake.services.permissions.request).toHaveBeenCalledWith('https://news.example.com/*'));
    await waitFor(() => expect(fake.tabs.injectContentScript).toHaveBeenCalledWith(7));
    await waitFor(() => expect(screen.queryByText('NewsLens is not running on news.example.com.')).toBeNull());
  });

  it('offers "Annotate anyway" on a page that is not an article', async () => {
    const fake = fakeServices({ tabs: { getStatus: vi.fn(async () => emptyStatus({ isArticle: false })) } });
    render(<PopupApp services={fake.services} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Annotate anyway' }));
    await waitFor(() => expect(fake.tabs.annotateAnyway).toHaveBeenCalledWith(7));
  });

  it('offers the library\'s tags while a note is edited, read only once the editor opens', async () => {
    const { article, early } = await seeded();
    const other = makeArticle({ title: 'Another story' });
    const fake = fakeServices({ tabs: { getStatus: vi.fn(async () => emptyStatus({ articleId: article.id })) } });
    await fake.db.articles.bulkAdd([article, other]);
    await fake.db.annotations.bulkAdd([early, makeAnnotation(other, { tags: ['economy'] })]);
    const tagReads = vi.spyOn(fake.db.annotations, 'orderBy');
    render(<PopupApp services={fake.services} />);
    await screen.findByText('first sentence');
    expect(tagReads).not.toHaveBeenCalledWith('tags');
    fireEvent.click(screen.getByRole('button', { name: /^Edit: first sentence/ }));
    fireEvent.input(screen.getByLabelText('Tags (comma-separated)'), { target: { value: 'eco' } });
    await screen.findByRole('button', { name: '#economy' });
  });

  it('says so when no web page is open', async () => {
    const fake = fakeServices({ tabs: { findTarget: vi.fn(async () => null) } });
    render(<PopupApp services={fake.services} />);
    expect(await screen.findByText(/Open a news article in a tab/)).toBeTruthy();
  });
});
