import { describe, it, expect } from 'vitest';
import { hashArticleText, normalizeArticleUrl, registrableDomain } from '../../../storage/article-identity';

const ARTICLE = 'https://example.com/news/2026/02/18/budget';

describe('normalizeArticleUrl: which URL wins', () => {
  it('prefers the canonical link over og:url and the page URL', () => {
    expect(
      normalizeArticleUrl('https://amp.example.com/x/amp', { canonical: ARTICLE, ogUrl: 'https://example.com/og' }),
    ).toBe(ARTICLE);
  });

  it('ignores a canonical link or og:url on another site: a page cannot take over another site\'s article', () => {
    expect(normalizeArticleUrl('https://aggregator.example.net/s/123', { canonical: 'https://paper.example.org/story' })).toBe(
      'https://aggregator.example.net/s/123',
    );
    expect(
      normalizeArticleUrl('https://evil.example.net/copy', { canonical: 'https://www.bbc.co.uk/news/world-1', ogUrl: 'https://bbc.co.uk/news/world-1' }),
    ).toBe('https://evil.example.net/copy');
    // The same check after a rejected canonical link: a same-site og:url still counts.
    expect(
      normalizeArticleUrl('https://news.example.net/s/1?utm_source=x', { canonical: 'https://other.example.org/s/1', ogUrl: 'https://www.example.net/story/1' }),
    ).toBe('https://example.net/story/1');
  });

  it('accepts a canonical link elsewhere on the same site (another subdomain of one registrable domain)', () => {
    expect(normalizeArticleUrl('https://edition.cnn.com/2026/01/01/world/x', { canonical: 'https://www.cnn.com/2026/01/01/world/x' })).toBe(
      'https://cnn.com/2026/01/01/world/x',
    );
    expect(normalizeArticleUrl('https://m.heraldsun.com.au/news/a', { canonical: 'https://www.heraldsun.com.au/news/story/a' })).toBe(
      'https://heraldsun.com.au/news/story/a',
    );
  });

  it('accepts the publisher\'s canonical link on a page served from the Google AMP cache', () => {
    expect(
      normalizeArticleUrl('https://www-theguardian-com.cdn.ampproject.org/c/s/www.theguardian.com/world/2026/x', {
        canonical: 'https://www.theguardian.com/world/2026/x-full',
      }),
    ).toBe('https://theguardian.com/world/2026/x-full');
  });

  it('falls back to og:url when the canonical link is not http(s)', () => {
    expect(
      normalizeArticleUrl('https://example.com/page', {
        canonical: 'javascript:alert(document.cookie)',
        ogUrl: 'https://example.com/news/story?utm_source=twitter',
      }),
    ).toBe('https://example.com/news/story');
  });

  it('falls back to the page URL when neither hint is usable', () => {
    expect(normalizeArticleUrl(`${ARTICLE}#comments`, { canonical: 'data:text/html,hi', ogUrl: '   ' })).toBe(ARTICLE);
    expect(normalizeArticleUrl(ARTICLE, { canonical: 'http://[broken' })).toBe(ARTICLE);
  });

  it('resolves a relative canonical link against the page URL', () => {
    expect(normalizeArticleUrl('https://example.com/a/b?x=1', { canonical: '/news/story' })).toBe('https://example.com/news/story');
  });

  it('ignores a canonical link that points at the home page from an article (a common CMS mistake)', () => {
    expect(normalizeArticleUrl(ARTICLE, { canonical: 'https://example.com/' })).toBe(ARTICLE);
    expect(normalizeArticleUrl('https://example.com/', { canonical: 'https://example.com/' })).toBe('https://example.com/');
  });

  it('throws when nothing is an http(s) URL', () => {
    expect(() => normalizeArticleUrl('chrome://settings')).toThrow(TypeError);
    expect(() => normalizeArticleUrl('not a url')).toThrow(TypeError);
  });
});

describe('registrableDomain', () => {
  it.each([
    ['www.bbc.co.uk', 'bbc.co.uk'],
    ['news.bbc.co.uk', 'bbc.co.uk'],
    ['bbc.co.uk', 'bbc.co.uk'],
    ['www.heraldsun.com.au', 'heraldsun.com.au'],
    ['edition.cnn.com', 'cnn.com'],
    ['cnn.com', 'cnn.com'],
    ['WWW.Example.COM.', 'example.com'],
    ['127.0.0.1', '127.0.0.1'],
    ['localhost', 'localhost'],
  ])('%s -> %s', (host, domain) => {
    expect(registrableDomain(host)).toBe(domain);
  });

  it('never makes two sites under a multi-part suffix one site', () => {
    expect(registrableDomain('thetimes.co.uk')).not.toBe(registrableDomain('dailymail.co.uk'));
  });
});

describe('normalizeArticleUrl: tracking parameters', () => {
  it.each([
    ['utm_*', '?utm_source=newsletter&utm_medium=email&UTM_Campaign=x'],
    ['fbclid', '?fbclid=IwAR0abc'],
    ['gclid', '?gclid=Cj0KCQ'],
    ['mc_cid and mc_eid', '?mc_cid=abc&mc_eid=def'],
    ['ref', '?ref=syndication'],
    ['ocid', '?ocid=msedgntp'],
    ['CMP (case-insensitive)', '?CMP=share_btn_tw'],
    ['smid', '?smid=nytcore-ios-share'],
    ['msclkid and _ga', '?msclkid=1&_ga=2.1'],
  ])('strips %s', (_label, query) => {
    expect(normalizeArticleUrl(`${ARTICLE}${query}`)).toBe(ARTICLE);
  });

  it('keeps parameters that identify content and sorts them', () => {
    expect(normalizeArticleUrl('https://example.com/story.php?utm_source=x&page=2&id=991')).toBe(
      'https://example.com/story.php?id=991&page=2',
    );
  });

  it('keeps an empty-valued parameter that is not tracking', () => {
    expect(normalizeArticleUrl('https://example.com/story?print')).toBe('https://example.com/story?print=');
  });
});

describe('normalizeArticleUrl: spelling of the URL', () => {
  it('drops the fragment', () => {
    expect(normalizeArticleUrl(`${ARTICLE}#comment-42`)).toBe(ARTICLE);
  });

  it('drops default ports and keeps others', () => {
    expect(normalizeArticleUrl('https://example.com:443/news/story')).toBe('https://example.com/news/story');
    expect(normalizeArticleUrl('http://example.com:80/news/story')).toBe('http://example.com/news/story');
    expect(normalizeArticleUrl('http://127.0.0.1:8080/news/story')).toBe('http://127.0.0.1:8080/news/story');
  });

  it('drops credentials', () => {
    expect(normalizeArticleUrl('https://user:secret@example.com/news/story')).toBe('https://example.com/news/story');
  });

  it('lowercases the host but not the path', () => {
    expect(normalizeArticleUrl('https://EXAMPLE.com/News/Story')).toBe('https://example.com/News/Story');
  });

  it('drops www. so host variants agree, but never reduces a name to a bare suffix', () => {
    expect(normalizeArticleUrl('https://www.example.co.uk/news/story')).toBe('https://example.co.uk/news/story');
    expect(normalizeArticleUrl('https://www.com/news/story')).toBe('https://www.com/news/story');
  });

  it('drops a mobile host variant', () => {
    expect(normalizeArticleUrl('https://m.example.com/news/story')).toBe('https://example.com/news/story');
    expect(normalizeArticleUrl('https://mobile.example.com/news/story')).toBe('https://example.com/news/story');
  });

  it('treats trailing slashes consistently', () => {
    expect(normalizeArticleUrl('https://example.com/news/story/')).toBe('https://example.com/news/story');
    expect(normalizeArticleUrl('https://example.com/news/story//')).toBe('https://example.com/news/story');
    expect(normalizeArticleUrl('https://example.com')).toBe('https://example.com/');
  });

  it('keeps the scheme', () => {
    expect(normalizeArticleUrl('http://example.com/news/story')).toBe('http://example.com/news/story');
  });
});

describe('normalizeArticleUrl: AMP variants map to the article', () => {
  it.each([
    ['/amp/ path segment', 'https://example.com/news/amp/2026/02/18/budget'],
    ['trailing /amp', 'https://example.com/news/2026/02/18/budget/amp'],
    ['trailing /amp/', 'https://example.com/news/2026/02/18/budget/amp/'],
    ['?amp=1', 'https://example.com/news/2026/02/18/budget?amp=1'],
    ['?amp', 'https://example.com/news/2026/02/18/budget?amp'],
    ['?amp=true', 'https://example.com/news/2026/02/18/budget?amp=true'],
    ['output=amp', 'https://example.com/news/2026/02/18/budget?output=amp'],
    ['outputType=amp', 'https://example.com/news/2026/02/18/budget?outputType=amp'],
    ['amp. subdomain', 'https://amp.example.com/news/2026/02/18/budget'],
    ['Google AMP cache', 'https://example-com.cdn.ampproject.org/c/s/example.com/news/2026/02/18/budget'],
    ['Google AMP viewer', 'https://www.google.com/amp/s/www.example.com/news/2026/02/18/budget'],
  ])('%s', (_label, url) => {
    expect(normalizeArticleUrl(url)).toBe(ARTICLE);
  });

  it('turns .amp.html into .html', () => {
    expect(normalizeArticleUrl('https://example.com/news/budget.amp.html')).toBe('https://example.com/news/budget.html');
  });

  it('leaves an amp value that is not an AMP switch alone', () => {
    expect(normalizeArticleUrl('https://example.com/search?amp=0')).toBe('https://example.com/search?amp=0');
  });

  it('gives the fixture AMP page, its canonical page and a shared link one identity', () => {
    const canonical = 'https://www.lakesidetribune.example.com/news/local/2026/02/18/council-approves-budget-property-tax-cut/';
    const fromAmp = normalizeArticleUrl('https://amp.lakesidetribune.example.com/news/local/2026/02/18/council-approves-budget-property-tax-cut.amp.html', {
      canonical,
      ogUrl: `${canonical}?utm_source=amp&utm_medium=referral`,
    });
    const fromShare = normalizeArticleUrl(`${canonical}?utm_source=amp&fbclid=1#top`);
    expect(fromAmp).toBe('https://lakesidetribune.example.com/news/local/2026/02/18/council-approves-budget-property-tax-cut');
    expect(fromShare).toBe(fromAmp);
  });
});

describe('hashArticleText', () => {
  it('is the SHA-256 hex of the text', async () => {
    expect(await hashArticleText('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('ignores differences in whitespace and zero-width spaces', async () => {
    const a = await hashArticleText('Starmer met Xi\non Thursday.');
    expect(await hashArticleText('  Starmer  met\u00a0Xi on\tThursday.\n\n')).toBe(a);
    expect(await hashArticleText('Star\u200bmer met Xi on Thursday.')).toBe(a);
  });

  it('treats composed and decomposed accents as the same text', async () => {
    expect(await hashArticleText('Caf\u00e9')).toBe(await hashArticleText('Cafe\u0301'));
  });

  it('changes when a word changes', async () => {
    expect(await hashArticleText('unemployment fell to 3.9%')).not.toBe(await hashArticleText('unemployment fell to 4.9%'));
  });
});
