import { afterEach, describe, it, expect } from 'vitest';
import { extractMetadata } from '../../../detect/article';
import { type LoadedPage, loadHtml } from './article-pages';

/** Author records for people, as the finder returns them. */
const people = (...names: string[]) => names.map((name) => ({ name, kind: 'person' as const }));

let open: LoadedPage[] = [];
afterEach(async () => {
  await Promise.all(open.map((page) => page.close()));
  open = [];
});

function metadataOf(head: string, body = '', htmlAttributes = '', url?: string) {
  const page = loadHtml(`<!DOCTYPE html><html ${htmlAttributes}><head>${head}</head><body>${body}</body></html>`, url);
  open.push(page);
  return extractMetadata(page.doc);
}

const jsonLd = (value: unknown): string => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe('extractMetadata: JSON-LD', () => {
  it('reads a NewsArticle with Person authors and an Organization publisher', () => {
    const head = jsonLd({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Council approves budget',
      author: [{ '@type': 'Person', name: 'Jane Roe' }, { '@type': 'Person', name: 'John Doe' }],
      publisher: { '@type': 'Organization', name: 'Example Times' },
      datePublished: '2025-03-05T09:00:00+01:00',
      dateModified: '2025-03-05T11:30:00Z',
      url: 'https://news.example.com/2025/03/05/budget',
      description: 'The vote was 9-4.',
    });
    expect(metadataOf(head)).toEqual({
      headline: 'Council approves budget',
      authors: people('Jane Roe', 'John Doe'),
      siteName: 'Example Times',
      publishedAt: '2025-03-05T08:00:00.000Z',
      modifiedAt: '2025-03-05T11:30:00.000Z',
      canonicalUrl: 'https://news.example.com/2025/03/05/budget',
      description: 'The vote was 9-4.',
    });
  });

  it('finds the article inside @graph and resolves @id references', () => {
    const head = jsonLd({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'Organization', '@id': '#org', name: 'Example Media Group' },
        { '@type': 'Person', '@id': '#jane', name: 'Jane Roe' },
        { '@type': ['ReportageNewsArticle'], headline: 'Graph story', author: { '@id': '#jane' }, publisher: { '@id': '#org' } },
      ],
    });
    expect(metadataOf(head)).toMatchObject({ headline: 'Graph story', authors: people('Jane Roe'), siteName: 'Example Media Group' });
  });

  it('takes the article out of a top-level array and skips broken blocks', () => {
    const head = `<script type="application/ld+json">{ broken </script>${jsonLd([
      { '@type': 'BreadcrumbList', itemListElement: [] },
      { '@type': 'Article', headline: 'Array story', author: 'Staff Reporter' },
    ])}`;
    expect(metadataOf(head)).toMatchObject({ headline: 'Array story', authors: [{ name: 'Staff Reporter', kind: 'organization' }] });
  });

  it('accepts an Organization as author and drops empty, URL and non-string names', () => {
    const head = jsonLd({
      '@type': 'NewsArticle',
      headline: 'x',
      author: [{ '@type': 'Organization', name: 'Wire Desk' }, '  ', null, 42, 'https://example.com/staff', { name: 'Wire Desk' }],
    });
    expect(metadataOf(head).authors).toEqual([{ name: 'Wire Desk', kind: 'organization' }]);
  });

  it('turns HTML in values into plain text', () => {
    const head = jsonLd({ '@type': 'NewsArticle', headline: 'Tax &amp; spend: <em>the</em> &#8220;plan&#8221;', author: '<b onclick="x()">Ann Lee</b>' });
    expect(metadataOf(head)).toMatchObject({ headline: 'Tax & spend: the “plan”', authors: people('Ann Lee') });
  });

  it('ignores dates it cannot read and URLs that are not http(s)', () => {
    const head = jsonLd({ '@type': 'NewsArticle', headline: 'x', datePublished: 'yesterday', url: 'javascript:alert(1)' });
    const metadata = metadataOf(head);
    expect(metadata.publishedAt).toBeUndefined();
    expect(metadata.canonicalUrl).toBeUndefined();
  });

  it('ignores JSON-LD of other types', () => {
    const head = `${jsonLd({ '@type': 'WebSite', name: 'Not a headline' })}<title>Real title</title>`;
    expect(metadataOf(head).headline).toBe('Real title');
  });
});

describe('extractMetadata: fallbacks in order', () => {
  const citation =
    '<meta name="citation_title" content="Citation title"><meta name="citation_author" content="A. Author">' +
    '<meta name="citation_author" content="B. Author"><meta name="citation_publication_date" content="2024/3/7">' +
    '<meta name="citation_publisher" content="Citation Press">';
  const og =
    '<meta property="og:title" content="OG title"><meta property="og:site_name" content="OG Site">' +
    '<meta property="article:published_time" content="2024-03-08T10:00:00Z"><meta name="author" content="Meta Author">';

  it('JSON-LD beats citation_*', () => {
    expect(metadataOf(jsonLd({ '@type': 'NewsArticle', headline: 'LD title' }) + citation)).toMatchObject({
      headline: 'LD title',
      authors: people('A. Author', 'B. Author'),
      siteName: 'Citation Press',
    });
  });

  it('citation_* beats OpenGraph and keeps a bare date as a date', () => {
    expect(metadataOf(citation + og)).toMatchObject({
      headline: 'Citation title',
      authors: people('A. Author', 'B. Author'),
      siteName: 'Citation Press',
      publishedAt: '2024-03-07',
    });
  });

  it('OpenGraph beats meta name=author and <title>', () => {
    expect(metadataOf(`${og}<title>Page title</title>`)).toMatchObject({
      headline: 'OG title',
      authors: people('Meta Author'),
      siteName: 'OG Site',
      publishedAt: '2024-03-08T10:00:00.000Z',
    });
  });

  it('splits a meta author list and drops a "By" prefix', () => {
    expect(metadataOf('<meta name="author" content="By Ann Lee, Bo Chan and Cy Diaz">').authors).toEqual(people('Ann Lee', 'Bo Chan', 'Cy Diaz'));
  });

  it('falls back to byline links, the <h1>, then the <title>', () => {
    expect(metadataOf('<title>Title | Site</title>', '<h1>  Headline\n here </h1><a rel="author" href="/p/ann">Ann Lee</a>')).toMatchObject({
      headline: 'Headline here',
      authors: people('Ann Lee'),
    });
    expect(metadataOf('<title>Only a title</title>').headline).toBe('Only a title');
  });

  it('gives an empty headline and no authors for a bare page', () => {
    expect(metadataOf('')).toEqual({ headline: '', authors: [] });
  });
});

describe('extractMetadata: canonical URL and language', () => {
  it('prefers <link rel=canonical> and resolves it against the page', () => {
    const head = `<link rel="canonical" href="/news/story">${jsonLd({ '@type': 'NewsArticle', headline: 'x', url: 'https://other.example.com/ld' })}`;
    expect(metadataOf(head, '', '', 'https://news.example.com/amp/news/story').canonicalUrl).toBe('https://news.example.com/news/story');
  });

  it('skips a javascript: canonical link for the next source', () => {
    const head = '<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="https://news.example.com/og">';
    expect(metadataOf(head).canonicalUrl).toBe('https://news.example.com/og');
  });

  it('uses citation_public_url when there is nothing better', () => {
    expect(metadataOf('<meta name="citation_public_url" content="https://wire.example.com/a/">').canonicalUrl).toBe('https://wire.example.com/a/');
  });

  it('reads the language from <html lang>, then JSON-LD, then og:locale', () => {
    expect(metadataOf('', '', 'lang="fr-CA"').lang).toBe('fr-CA');
    expect(metadataOf(jsonLd({ '@type': 'NewsArticle', headline: 'x', inLanguage: 'de' })).lang).toBe('de');
    expect(metadataOf('<meta property="og:locale" content="en_GB">').lang).toBe('en-GB');
  });
});
