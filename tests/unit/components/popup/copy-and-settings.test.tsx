import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { AnnotationItem } from '../../../../components/popup/AnnotationItem';
import { CopyCitation } from '../../../../components/popup/CopyCitation';
import { FeedbackProvider } from '../../../../components/popup/Feedback';
import { ServicesContext, type PopupServices } from '../../../../components/popup/services';
import { SettingsPanel } from '../../../../components/popup/SettingsPanel';
import { getSettings } from '../../../../storage/settings';
import { makeAnnotation, makeArticle } from '../../../fixtures/popup-data';
import { fakeServices } from '../../../support/popup-services';

afterEach(cleanup);

// The citation engine loads on first use and builds its style, which takes a while in a cold test worker.
const LOADING = { timeout: 20_000 };

function Providers({ services, children }: { services: PopupServices; children: ComponentChildren }) {
  return (
    <ServicesContext.Provider value={services}>
      <FeedbackProvider>{children}</FeedbackProvider>
    </ServicesContext.Provider>
  );
}

describe('copy to clipboard', () => {
  it('copies a note as Markdown: the quote escaped, the reader\'s Markdown as written', async () => {
    const fake = fakeServices();
    const article = makeArticle();
    const annotation = makeAnnotation(article, { quote: '# not a heading', note: 'Ask the **Home Office**', tags: ['border pact'] });
    render(
      <Providers services={fake.services}>
        <AnnotationItem annotation={annotation} knownTags={[]} />
      </Providers>,
    );
    fireEvent.click(screen.getByRole('button', { name: /^Copy as Markdown/ }));
    await waitFor(() => expect(fake.copied).toEqual(['> \\# not a heading\n\nAsk the **Home Office**\n\n#border-pact\n']), LOADING);
    expect(screen.getByRole('button', { name: /^Copy as Markdown/ }).textContent).toBe('Copied');
  });

  it('copies the article\'s citation in the chosen style and remembers the choice', async () => {
    const fake = fakeServices();
    const article = makeArticle({ title: 'Council approves new budget', siteName: 'The Daily Example', authors: [{ name: 'Jane Reporter', kind: 'person' }] });
    render(
      <Providers services={fake.services}>
        <CopyCitation article={article} idPrefix="t" />
      </Providers>,
    );
    fireEvent.change(await screen.findByLabelText('Citation style'), { target: { value: 'mla' } });
    await waitFor(async () => expect((await getSettings(fake.db)).citationStyle).toBe('mla'));
    await waitFor(() => expect((screen.getByLabelText('Citation style') as HTMLSelectElement).value).toBe('mla'));
    fireEvent.click(screen.getByRole('button', { name: 'Copy citation' }));
    await waitFor(() => expect(fake.copied).toHaveLength(1), LOADING);
    expect(fake.copied[0]).toMatch(/^Reporter, Jane\. “Council Approves New Budget\.” The Daily Example, 5 Mar\. 2025, https:\/\/news\.example\.com\//);
  }, 30_000);
});

describe('Settings: fact-checking organisation', () => {
  it('saves a valid organisation and refuses a non-web address', async () => {
    const fake = fakeServices();
    render(
      <Providers services={fake.services}>
        <SettingsPanel />
      </Providers>,
    );
    fireEvent.input(await screen.findByLabelText('Organisation name'), { target: { value: 'Example Fact Check' } });
    fireEvent.input(screen.getByLabelText('Organisation web site'), { target: { value: 'javascript:alert(1)' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save organisation' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/https:\/\//);
    expect((await getSettings(fake.db)).reviewer).toEqual({ name: '', url: '' });
    fireEvent.input(screen.getByLabelText('Organisation web site'), { target: { value: 'https://factcheck.example.org' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save organisation' }));
    await waitFor(async () => expect((await getSettings(fake.db)).reviewer).toEqual({ name: 'Example Fact Check', url: 'https://factcheck.example.org/' }));
  });
});
