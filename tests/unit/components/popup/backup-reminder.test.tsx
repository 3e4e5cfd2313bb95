import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PopupApp } from '../../../../components/popup/PopupApp';
import { getSettings } from '../../../../storage/settings';
import { makeAnnotation, makeArticle } from '../../../fixtures/popup-data';
import { FIXED_NOW, fakeServices } from '../../../support/popup-services';

async function library(count: number) {
  const fake = fakeServices();
  const article = makeArticle({ title: 'Council approves new budget' });
  await fake.db.articles.add(article);
  await fake.db.annotations.bulkAdd(
    Array.from({ length: count }, (_, i) => makeAnnotation(article, { quote: `quote ${i}`, start: i * 30, updatedAt: FIXED_NOW.toISOString() })),
  );
  return fake;
}

describe('backup reminder in the popup', () => {
  afterEach(cleanup);

  it('after many unsaved notes, one click saves a full backup, records it and says where to keep it', async () => {
    const fake = await library(30);
    render(<PopupApp services={fake.services} initialTab="settings" />);
    expect((await screen.findByTestId('nl-backup-reminder')).textContent).toMatch(/30 notes and highlights are in no backup yet/);
    fireEvent.click(screen.getByTestId('nl-backup-now'));
    expect((await screen.findByTestId('nl-backup-saved')).textContent).toMatch(/Keep it somewhere outside this browser/);
    expect(fake.downloads).toHaveLength(1);
    const content = fake.downloads[0]?.content;
    const backup = JSON.parse(content instanceof Blob ? await content.text() : String(content));
    expect(backup.annotations).toHaveLength(30);
    expect((await getSettings(fake.db)).lastBackupAt).toBe(FIXED_NOW.toISOString());
  });

  it('says nothing to a reader with a few fresh notes', async () => {
    const fake = await library(3);
    render(<PopupApp services={fake.services} initialTab="settings" />);
    await screen.findByRole('tab', { name: 'Settings' });
    await new Promise((done) => setTimeout(done, 50));
    expect(screen.queryByTestId('nl-backup-reminder')).toBeNull();
  });
});
