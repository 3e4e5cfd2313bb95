import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '../../../../components/popup/PopupApp';
import { NewsLensDb } from '../../../../storage/db';
import { makeAnnotation, makeArticle } from '../../../fixtures/popup-data';
import { fakeServices } from '../../../support/popup-services';

// Export formats have their own tests (export-panel.test.tsx); here only the list needs them.
vi.mock('../../../../components/popup/export-formats', () => ({
  EXPORT_FORMATS: [{ key: 'csv', label: 'CSV' }],
  buildExportFiles: vi.fn(async () => []),
}));

async function setup() {
  const fake = fakeServices();
  const budget = makeArticle({ title: 'Council approves new budget', siteName: 'news.example.com' });
  const weather = makeArticle({ title: 'Storm hits the coast', siteName: 'wire.example.org' });
  const claim = makeAnnotation(budget, {
    kind: 'claim',
    quote: 'the largest budget in history',
    note: 'Check **1998** figures',
    tags: ['economy'],
    claim: { status: 'in_progress', verdict: '', evidence: [] },
  });
  const highlight = makeAnnotation(budget, { quote: 'unemployment fell to 3.9%', start: 400, tags: ['stats'] });
  const storm = makeAnnotation(weather, { quote: 'winds of 150 km/h', note: 'wow', updatedAt: '2025-03-10T00:00:00.000Z' });
  await fake.db.articles.bulkAdd([budget, weather]);
  await fake.db.annotations.bulkAdd([claim, highlight, storm]);
  render(<PopupApp services={fake.services} initialTab="all" />);
  await screen.findByText('3 found');
  // The tag list is a second live query; wait for it as a reader would see it arrive.
  await screen.findByRole('option', { name: '#stats' });
  return { ...fake, budget, weather, claim, highlight, storm };
}

const quotes = () => [...document.querySelectorAll('.annotation .quote')].map((q) => q.textContent);

describe('All notes tab', () => {
  afterEach(cleanup);

  it('lists every article with its annotations, most recent first, and renders notes as Markdown', async () => {
    await setup();
    expect([...document.querySelectorAll('.article-title')].map((h) => h.textContent)).toEqual([
      'Storm hits the coast',
      'Council approves new budget',
    ]);
    expect(quotes()).toEqual(['winds of 150 km/h', 'the largest budget in history', 'unemployment fell to 3.9%']);
    expect(document.querySelector('.note strong')?.textContent).toBe('1998');
  });

  it('searches as the reader types and filters by tag', async () => {
    await setup();
    fireEvent.input(screen.getByLabelText('Search notes'), { target: { value: 'BUDGET' } });
    await screen.findByText('2 found');
    expect(quotes()).toEqual(['the largest budget in history', 'unemployment fell to 3.9%']);

    fireEvent.change(screen.getByLabelText('Tag'), { target: { value: 'economy' } });
    await screen.findByText('1 found');
    expect(quotes()).toEqual(['the largest budget in history']);

    fireEvent.input(screen.getByLabelText('Search notes'), { target: { value: 'winds' } });
    await screen.findByText('0 found');
    expect(screen.getByText('Nothing matches.')).toBeTruthy();
  });

  it('edits a note and a claim verdict, with tag autocomplete', async () => {
    const { db, claim } = await setup();
    fireEvent.click(screen.getByRole('button', { name: /^Edit: the largest budget/ }));
    const form = screen.getByRole('form', { name: 'Edit annotation' });
    fireEvent.input(within(form).getByLabelText('Note (Markdown)'), { target: { value: 'Checked: *wrong*' } });
    fireEvent.input(within(form).getByLabelText('Tags (comma-separated)'), { target: { value: 'economy, st' } });
    fireEvent.click(within(form).getByRole('button', { name: '#stats' }));
    expect((within(form).getByLabelText('Tags (comma-separated)') as HTMLInputElement).value).toBe('economy, stats, ');
    fireEvent.change(within(form).getByLabelText('Status'), { target: { value: 'false' } });
    fireEvent.input(within(form).getByLabelText('Verdict'), { target: { value: 'Mostly false' } });
    fireEvent.input(within(form).getByLabelText('Evidence link 1'), { target: { value: 'https://stats.example.org/1998' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await db.annotations.get(claim.id))?.note).toBe('Checked: *wrong*'));
    const saved = await db.annotations.get(claim.id);
    expect(saved?.tags).toEqual(['economy', 'stats']);
    expect(saved?.claim).toEqual({ status: 'false', verdict: 'Mostly false', evidence: [{ url: 'https://stats.example.org/1998', note: '' }] });
    await screen.findByText('False · Mostly false');
    expect(document.querySelector('.note em')?.textContent).toBe('wrong');
  });

  it('refuses a non-http evidence link and saves nothing', async () => {
    const { db, claim } = await setup();
    fireEvent.click(screen.getByRole('button', { name: /^Edit: the largest budget/ }));
    fireEvent.input(screen.getByLabelText('Evidence link 1'), { target: { value: 'javascript:alert(1)' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Evidence link 1 must be a web address/);
    expect(await db.annotations.get(claim.id)).toEqual(claim);
  });

  it('deletes one item and brings it back with Undo in the live region', async () => {
    const { db, storm } = await setup();
    fireEvent.click(screen.getByRole('button', { name: 'Delete: winds of 150 km/h' }));
    await screen.findByText('2 found');
    const status = document.querySelector('.undo[role="status"]') as HTMLElement;
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toContain('Deleted “winds of 150 km/h”');
    expect((await db.annotations.get(storm.id))?.deletedAt).not.toBeNull();
    fireEvent.click(within(status).getByRole('button', { name: 'Undo' }));
    await screen.findByText('3 found');
    expect((await db.annotations.get(storm.id))?.deletedAt).toBeNull();
  });

  it('bulk-selects and deletes, then undoes all at once', async () => {
    const { db, claim, highlight, storm } = await setup();
    fireEvent.click(screen.getByRole('checkbox', { name: /Select: the largest budget/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Select: winds/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete selected (2)' }));
    await screen.findByText('1 found');
    expect((await db.annotations.bulkGet([claim.id, highlight.id, storm.id])).map((a) => a?.deletedAt !== null)).toEqual([true, false, true]);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText('3 found');
  });

  it('shows a storage error to the reader instead of swallowing it', async () => {
    const { db } = await setup();
    db.annotations.hook('updating', () => {
      throw Object.assign(new Error('QuotaExceededError'), { name: 'QuotaExceededError' });
    });
    fireEvent.click(screen.getByRole('button', { name: 'Delete: winds of 150 km/h' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/storage quota exceeded/);
  });

  it('follows writes made elsewhere (the background) without reloading: new notes, renamed articles, a cleared table', async () => {
    const { db, budget, weather } = await setup();
    // Another connection to the same database, as the background service worker holds.
    const background = new NewsLensDb(db.name);
    const loads = vi.spyOn(db.annotations, 'orderBy');
    await background.annotations.add(makeAnnotation(weather, { quote: 'roofs blown off', note: 'photos needed' }));
    await screen.findByText('4 found');
    expect(quotes()).toContain('roofs blown off');
    await background.articles.update(budget.id, { title: 'Council rejects the budget' });
    await screen.findByText('Council rejects the budget');
    fireEvent.input(screen.getByLabelText('Search notes'), { target: { value: 'rejects' } });
    await screen.findByText('2 found');
    // Those writes were applied by reading the rows they touched, never the whole table again.
    expect(loads).not.toHaveBeenCalled();
    await background.annotations.clear();
    await screen.findByText('0 found');
    expect(loads).toHaveBeenCalled();
    background.close();
  });

  it('opens with the first page read through indexes while the search index is still loading', async () => {
    const fake = fakeServices();
    const storm = makeArticle({ title: 'Storm hits the coast' });
    await fake.db.articles.add(storm);
    await fake.db.annotations.add(makeAnnotation(storm, { quote: 'winds of 150 km/h' }));
    // An index that never finishes loading (a very large library on a slow machine).
    const never = new Promise<never>(() => {});
    fake.services.openLibrarySearch = () => ({ query: () => never, matchingIds: () => never, onChange: () => () => {}, close: () => {} });
    render(<PopupApp services={fake.services} initialTab="all" />);
    await screen.findByText('1 found');
    expect(quotes()).toEqual(['winds of 150 km/h']);
  });

  it('selects every matching note with Select all, and a new search starts a new selection', async () => {
    await setup();
    fireEvent.input(screen.getByLabelText('Search notes'), { target: { value: 'budget' } });
    await screen.findByText('2 found');
    fireEvent.click(screen.getByRole('button', { name: 'Select all' }));
    await screen.findByRole('button', { name: 'Delete selected (2)' });
    fireEvent.input(screen.getByLabelText('Search notes'), { target: { value: '' } });
    await screen.findByText('3 found');
    expect(screen.queryByRole('button', { name: /Delete selected/ })).toBeNull();
  });
});
