import { strFromU8, unzipSync } from 'fflate';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ExportPanel } from '../../../../components/popup/ExportPanel';
import { EXPORT_FORMATS } from '../../../../components/popup/export-formats';
import { bundleForEverything } from '../../../../components/popup/export-scope';
import { FeedbackProvider } from '../../../../components/popup/Feedback';
import { ImportPanel } from '../../../../components/popup/ImportPanel';
import { ServicesContext, type PopupServices } from '../../../../components/popup/services';
import { toBackupJson } from '../../../../export/backup';
import type { NewsLensDb } from '../../../../storage/db';
import { makeAnnotation, makeArticle } from '../../../fixtures/popup-data';
import { fakeServices, FIXED_NOW } from '../../../support/popup-services';

afterEach(cleanup);

// Exporters load on first use (dynamic import), which takes a while the first time in a cold test worker.
const LOADING = { timeout: 10_000 };

function Providers({ services, children }: { services: PopupServices; children: ComponentChildren }) {
  return (
    <ServicesContext.Provider value={services}>
      <FeedbackProvider>{children}</FeedbackProvider>
    </ServicesContext.Provider>
  );
}

function sampleData() {
  const article = makeArticle({ title: 'Council approves new budget', url: 'https://news.example.com/budget' });
  const claim = makeAnnotation(article, {
    kind: 'claim',
    quote: 'the largest budget in history',
    note: 'Needs a source',
    tags: ['economy'],
    claim: { status: 'false', verdict: 'Mostly false', rating: 2, evidence: [{ url: 'https://stats.example.org', note: 'table 3' }] },
  });
  const highlight = makeAnnotation(article, { quote: 'unemployment fell to 3.9%', start: 400 });
  const deleted = makeAnnotation(article, { quote: 'a deleted highlight', start: 800, deletedAt: '2025-03-07T00:00:00.000Z' });
  return { article, annotations: [claim, highlight, deleted] };
}

async function snapshot(db: NewsLensDb) {
  return { articles: await db.articles.orderBy('id').toArray(), annotations: await db.annotations.orderBy('id').toArray() };
}

function chooseFile(content: string) {
  const input = screen.getByLabelText('Import a NewsLens JSON backup');
  fireEvent.change(input, { target: { files: [new File([content], 'backup.json', { type: 'application/json' })] } });
}

describe('Export panel', () => {
  it('downloads every format with a dated file name and real content', async () => {
    const fake = fakeServices();
    const { article, annotations } = sampleData();
    await fake.db.articles.add(article);
    await fake.db.annotations.bulkAdd(annotations);
    const scope = { key: 'all', label: 'Everything', slug: 'all', load: (now: Date) => bundleForEverything(fake.db, now) };
    render(
      <Providers services={fake.services}>
        <ExportPanel scopes={[scope]} idPrefix="t" />
      </Providers>,
    );
    for (const { key } of EXPORT_FORMATS) {
      fireEvent.change(screen.getByLabelText('Format'), { target: { value: key } });
      fireEvent.click(screen.getByRole('button', { name: 'Export' }));
      await waitFor(() => expect(fake.downloads.length).toBeGreaterThan(0), LOADING);
      const [download] = fake.downloads.splice(0);
      expect(fake.downloads, key).toHaveLength(0);
      expect(download?.fileName, key).toMatch(/2025-04-01/);
      if (key === 'markdown-files') {
        expect(download?.content, key).toBeInstanceOf(Blob);
        const files = unzipSync(new Uint8Array(await (download?.content as Blob).arrayBuffer()));
        expect(Object.keys(files), key).toEqual(['Council approves new budget.md']);
        expect(strFromU8(files['Council approves new budget.md'] as Uint8Array)).toContain('the largest budget in history');
        continue;
      }
      const content = download?.content;
      const file = { ...download, content: content instanceof Blob ? await content.text() : (content as string) };
      expect(file?.content.length, key).toBeGreaterThan(20);
      if (key === 'backup') expect(file?.content).toContain('a deleted highlight');
      if (key === 'markdown' || key === 'csv') {
        expect(file?.content).toContain('the largest budget in history');
        expect(file?.content).not.toContain('a deleted highlight');
      }
      if (key === 'claim-review') expect(JSON.parse(file?.content ?? '')).toEqual(expect.anything());
      if (key === 'bibtex') expect(file?.content).toMatch(/^@/);
    }
    expect(screen.getByText(/^Saved newslens-citations-all-2025-04-01\.json\.$/)).toBeTruthy();
  }, 30_000);
});

describe('Import panel', () => {
  it('imports a backup and reports counts', async () => {
    const source = sampleData();
    const backup = toBackupJson({ articles: [source.article], annotations: source.annotations, exportedAt: FIXED_NOW.toISOString() });
    const fake = fakeServices();
    render(
      <Providers services={fake.services}>
        <ImportPanel />
      </Providers>,
    );
    chooseFile(backup);
    expect((await screen.findByText(/^Imported\./, {}, LOADING)).textContent).toBe(
      'Imported. Articles: 1 added, 0 updated, 0 already up to date. Notes and highlights: 3 added, 0 updated, 0 already up to date.',
    );
    const stored = await snapshot(fake.db);
    expect(stored.articles).toEqual([source.article]);
    expect(stored.annotations).toHaveLength(3);
    expect(stored.annotations.filter((a) => a.deletedAt)).toHaveLength(1);
  });

  it('a rejected file shows why and changes nothing', async () => {
    const fake = fakeServices();
    const { article, annotations } = sampleData();
    await fake.db.articles.add(article);
    await fake.db.annotations.bulkAdd(annotations);
    const before = await snapshot(fake.db);
    render(
      <Providers services={fake.services}>
        <ImportPanel />
      </Providers>,
    );
    const valid = JSON.parse(toBackupJson({ articles: [makeArticle()], annotations: [], exportedAt: FIXED_NOW.toISOString() }));
    for (const bad of ['{"truncated": ', JSON.stringify({ hello: 'world' }), JSON.stringify({ ...valid, articles: [{ id: 5 }] })]) {
      chooseFile(bad);
      expect((await screen.findByText(/^This file was not imported: .+/, {}, LOADING)).textContent).not.toBe('This file was not imported: ');
      expect(await snapshot(fake.db)).toEqual(before);
    }
  });
  it('Cancel stops an import part-way and nothing of the file is kept', async () => {
    const fake = fakeServices();
    const { article, annotations } = sampleData();
    await fake.db.articles.add(article);
    await fake.db.annotations.bulkAdd(annotations);
    const before = await snapshot(fake.db);
    const big = makeArticle({ url: 'https://news.example.com/big' });
    const notes = Array.from({ length: 3000 }, (_, i) => makeAnnotation(big, { start: i * 10 }));
    render(
      <Providers services={fake.services}>
        <ImportPanel />
      </Providers>,
    );
    chooseFile(toBackupJson({ articles: [big], annotations: notes, exportedAt: FIXED_NOW.toISOString() }));
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel import' }));
    expect((await screen.findByText('Import cancelled: nothing was changed.', {}, LOADING)).textContent).toBeTruthy();
    expect(await snapshot(fake.db)).toEqual(before);
  });

  it('a full disk is reported as such and nothing of the file is kept', async () => {
    const fake = fakeServices();
    const before = await snapshot(fake.db);
    fake.db.annotations.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    render(
      <Providers services={fake.services}>
        <ImportPanel />
      </Providers>,
    );
    const source = sampleData();
    chooseFile(toBackupJson({ articles: [source.article], annotations: source.annotations, exportedAt: FIXED_NOW.toISOString() }));
    expect((await screen.findByText(/storage quota exceeded/, {}, LOADING)).textContent).toMatch(/Nothing was saved/);
    expect(await snapshot(fake.db)).toEqual(before);
  });
});
