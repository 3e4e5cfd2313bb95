import { afterEach, describe, it, expect } from 'vitest';
import { isBoilerplate } from '../../../detect/article';
import { findArticle } from '../../../detect/article-reader';
import type { ArticleMetadata } from '../../../detect/types';
import { type LoadedPage, loadHtml, loadPage, paragraphTexts, readFixture, walkText } from './article-pages';

/** Author records for people, as the finder returns them. */
const people = (...names: string[]) => names.map((name) => ({ name, kind: 'person' as const }));

let open: LoadedPage[] = [];
afterEach(async () => {
  await Promise.all(open.map((page) => page.close()));
  open = [];
});

function page(name: string): Document {
  const loaded = loadPage(name);
  open.push(loaded);
  return loaded.doc;
}

function expectInOrder(text: string, parts: string[]): void {
  expect(parts.length).toBeGreaterThan(0);
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    expect(at, `missing or out of order: ${part.slice(0, 60)}`).toBeGreaterThanOrEqual(0);
    from = at + part.length;
  }
}

function expectAbsent(text: string, parts: string[]): void {
  for (const part of parts) expect(text, `should be left out: ${part}`).not.toContain(part);
}

interface ArticleCase {
  page: string;
  metadata: ArticleMetadata;
  /** Body copy, taken from the fixture by selector (independent of how the finder works). */
  body: (doc: Document) => string[];
  furniture: string[];
}

const cases: ArticleCase[] = [
  {
    page: 'seed-article.html',
    metadata: {
      headline: 'Starmer meets Xi as UK and China seek trade reset',
      authors: people('Helen Marsh', 'David Okafor'),
      siteName: 'The Daily Ledger',
      publishedAt: '2026-01-29T07:04:12.000Z',
      modifiedAt: '2026-01-29T11:36:40.000Z',
      canonicalUrl: 'https://news.example.com/content/2026/01/29/starmer-meets-xi-jinping-beijing',
      lang: 'en',
      description: 'UK prime minister is expected to sign a pact with China on small boat engines used in Channel crossings.',
    },
    body: () => {
      const gold = JSON.parse(readFixture('seed-article.gold.json')) as { boilerplate: string[] };
      return readFixture('seed-article.txt')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '' && !gold.boilerplate.includes(line));
    },
    furniture: [
      'Stay informed with free updates',
      'myFT Digest',
      'Read the full article here',
      '‘We are engaging',
      'Copy link',
      'Related stories',
      'UK and China revive trade talks',
      'Comments (3)',
      'RiverWatcher',
      'Most read',
      'Advertisement',
      'Skip to main content',
    ],
  },
  {
    page: 'wire-story.html',
    metadata: {
      headline: 'UK regulator fines three water firms £168 million over sewage spills',
      authors: people('Priya Raman', 'Oliver Grant'),
      siteName: 'Wire Example',
      publishedAt: '2026-02-11',
      canonicalUrl: 'https://wire.example.com/business/environment/uk-regulator-fines-three-water-firms-168-million-2026-02-11/',
      lang: 'en',
    },
    body: (doc) => paragraphTexts(doc, '[data-testid^="paragraph-"]'),
    furniture: ['Sustainable Switch', 'Sign up here', 'Our Standards', 'Read Next', 'Share on X'],
  },
  {
    page: 'broadsheet.html',
    metadata: {
      headline: 'Bristol’s clean air zone cut roadside pollution by a fifth, study finds',
      authors: people('Fiona Calder'),
      siteName: 'The Northern Courier',
      publishedAt: '2026-03-04T06:00:14.000Z',
      modifiedAt: '2026-03-04T09:21:48.000Z',
      canonicalUrl: 'https://www.courier.example.co.uk/environment/2026/mar/04/bristol-clean-air-zone-pollution-study',
      lang: 'en-GB',
      description: 'Researchers say nitrogen dioxide levels fell fastest near schools, but traders warn of lost footfall',
    },
    body: (doc) => [
      'Traffic on the M32 into Bristol. Drivers of older diesel cars pay £9 a day',
      ...paragraphTexts(doc, '.dcr-body > p').filter((text) => !text.startsWith('Related:')),
    ],
    furniture: [
      'Advertisement',
      'Related:',
      'Ministers order review',
      'Explore more on these topics',
      'Reuse this content',
      'small favour',
      'Comments (128)',
      'Most viewed',
    ],
  },
  {
    page: 'amp-article.html',
    metadata: {
      headline: 'City council approves $2.1bn budget with first property tax cut in a decade',
      authors: people('Marcus Bell'),
      siteName: 'Lakeside Tribune',
      publishedAt: '2026-02-19T05:10:00.000Z',
      modifiedAt: '2026-02-19T14:45:00.000Z',
      canonicalUrl: 'https://www.lakesidetribune.example.com/news/local/2026/02/18/council-approves-budget-property-tax-cut/',
      lang: 'en-US',
    },
    body: (doc) => paragraphTexts(doc, 'article > p'),
    furniture: ['Advertisement', 'More from Local News', 'View full site'],
  },
  {
    page: 'live-blog.html',
    metadata: {
      headline: 'Spring statement 2026 live: Chancellor cuts growth forecast and unveils £4bn infrastructure fund',
      authors: people('Tom Aldridge', 'Sara Lindqvist'),
      siteName: 'Metro Wire',
      publishedAt: '2026-03-25T08:02:00.000Z',
      modifiedAt: '2026-03-25T15:48:00.000Z',
      canonicalUrl: 'https://live.metrowire.example.org/politics/live/2026/mar/25/spring-statement-2026-live-updates',
      lang: 'en-GB',
    },
    body: (doc) => paragraphTexts(doc, '.block > p, .block > time'),
    furniture: ['Key events', 'Older updates', 'Share'],
  },
];

describe('findArticle on article pages', () => {
  for (const testCase of cases) {
    describe(testCase.page, () => {
      it('is an article', () => {
        const finding = findArticle(page(testCase.page));
        expect(finding.isArticle, finding.reasons.join('; ')).toBe(true);
      });

      it('reads the metadata', () => {
        expect(findArticle(page(testCase.page)).metadata).toEqual(testCase.metadata);
      });

      it('roots at an element holding every body paragraph, in order', () => {
        const doc = page(testCase.page);
        const { root } = findArticle(doc);
        expect(root).not.toBeNull();
        expect(root?.ownerDocument).toBe(doc);
        expectInOrder(walkText(root as Element), testCase.body(doc));
      });

      it('leaves promos, related links, comments and ads out of the walked text', () => {
        const { root } = findArticle(page(testCase.page));
        expectAbsent(walkText(root as Element), testCase.furniture);
      });
    });
  }

  it('roots the seed article at its body, not the whole <article> with headline and comments', () => {
    const doc = page('seed-article.html');
    expect(findArticle(doc).root).toBe(doc.getElementById('article-body'));
  });

  it('leaves the page exactly as it found it', () => {
    const doc = page('seed-article.html');
    const before = doc.documentElement.outerHTML;
    findArticle(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('keeps image captions that describe the story', () => {
    const { root } = findArticle(page('seed-article.html'));
    expect(walkText(root as Element)).toContain('Sir Keir Starmer, left, with Zhao Leji');
  });
});

describe('findArticle on pages that are not articles', () => {
  it.each(['section-front.html', 'search-results.html'])('%s is not an article, even with many <article> teasers', (name) => {
    const finding = findArticle(page(name));
    expect(finding.isArticle).toBe(false);
    expect(finding.reasons.some((reason) => reason.startsWith('listing'))).toBe(true);
  });

  it('still offers a root so a reader can annotate anyway', () => {
    const doc = page('section-front.html');
    const { root } = findArticle(doc);
    expect(root?.contains(doc.querySelector('.story-grid'))).toBe(true);
  });

  it('says no for a page with hardly any text, and a null root for an empty one', () => {
    const short = loadHtml('<html><body><h1>Hello</h1><p>Just one short paragraph of text here.</p></body></html>');
    const empty = loadHtml('<html><body><div></div></body></html>');
    open.push(short, empty);
    expect(findArticle(short.doc).isArticle).toBe(false);
    expect(findArticle(empty.doc)).toMatchObject({ isArticle: false, root: null });
  });

  it('recognises an unmarked article by its text alone', () => {
    const paragraph = 'The harbour authority said on Monday that shipping volumes rose sharply in the spring, driven by grain exports and a recovery in container traffic after two difficult years.';
    const html = `<html><body><div class="story">${`<p>${paragraph}</p>`.repeat(8)}</div></body></html>`;
    const loaded = loadHtml(html);
    open.push(loaded);
    expect(findArticle(loaded.doc)).toMatchObject({ isArticle: true, root: loaded.doc.querySelector('.story') });
  });
});

describe('findArticle on a 10,000-word page', () => {
  it('finds all 110 paragraphs', () => {
    const doc = page('long-article.html');
    const finding = findArticle(doc);
    expect(finding.isArticle).toBe(true);
    expect(finding.root).toBe(doc.querySelector('[itemprop="articleBody"]'));
    expectInOrder(walkText(finding.root as Element), paragraphTexts(doc, '.article-body > p'));
  });
});

// hostile.html nests 120 wrappers and 300 spans: Readability's conditional cleaning is quadratic in nesting, about 4 s
// under a DOM emulator (it runs off the page's main thread in the extension, so the page never waits for it).
describe('findArticle on a hostile page', { timeout: 30_000 }, () => {
  it('finds the story and keeps markup-looking text as text', () => {
    const doc = page('hostile.html');
    const finding = findArticle(doc);
    expect(finding.isArticle).toBe(true);
    const root = finding.root as Element;
    expect(root.classList.contains('story-body')).toBe(true);
    expect(root.querySelector('img, script')).toBeNull();
    const text = walkText(root, { computedStyle: false });
    expect(text).toContain('a comment containing the text <img src=x onerror=alert(1)> was rendered');
    expect(text).toContain("<script>fetch('/account')</script>");
    expect(text).toContain('قال الباحثون');
    expect(text).toContain('👨‍👩‍👧‍👦');
    expect(text).toContain('in\u200bvis\u200cible');
    expect(text).toMatch(/x[a-z0-9]{4999}/);
    expect(text).toContain('A reply nested three hundred levels deep');
  });

  it('leaves hidden copies out, whichever way they are hidden', () => {
    const doc = page('hostile.html');
    // Without stylesheets (fast in happy-dom): attribute and inline-style hiding.
    const text = walkText(findArticle(doc).root as Element, { computedStyle: false });
    expectAbsent(text, ['HIDDEN ATTRIBUTE TEXT', 'ARIA HIDDEN TEXT', 'INLINE DISPLAY NONE TEXT']);
    // happy-dom computes styles very slowly under 400 levels of nesting, so the stylesheet case is checked directly.
    expect(isBoilerplate(doc.querySelector('.tracking-pixel') as Element)).toBe(true);
  });

  it('rejects javascript: URLs and markup in metadata', () => {
    const { metadata } = findArticle(page('hostile.html'));
    expect(metadata.canonicalUrl).toBe(
      'https://bytebeat.example.net/security/2026/04/02/comment-plugin-xss-flaw?utm_source=twitter&fbclid=IwAR0abc',
    );
    expect(metadata.authors).toEqual(people('Noor Haddad', 'Eli Ben-David'));
    expect(metadata.publishedAt).toBe('2026-04-02T10:00:00.000Z');
    expect(metadata.modifiedAt).toBeUndefined();
  });

  it('does not mark the share bar with javascript: links as article text', () => {
    const doc = page('hostile.html');
    expect(isBoilerplate(doc.querySelector('.share') as Element)).toBe(true);
  });
});
