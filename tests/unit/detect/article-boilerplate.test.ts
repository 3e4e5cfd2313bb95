import { afterEach, describe, it, expect } from 'vitest';
import { isBoilerplate } from '../../../detect/article';
import { type LoadedPage, loadHtml } from './article-pages';

let open: LoadedPage[] = [];
afterEach(async () => {
  await Promise.all(open.map((page) => page.close()));
  open = [];
});

/** The element with id="t" in a small page. */
function target(bodyHtml: string, css = ''): Element {
  const page = loadHtml(`<html><head><style>${css}</style></head><body>${bodyHtml}</body></html>`);
  open.push(page);
  const el = page.doc.getElementById('t');
  if (!el) throw new Error('fixture needs id="t"');
  return el;
}

const SENTENCE = 'The council said the new budget would add 60 police officers and extend library opening hours on Sundays.';

describe('isBoilerplate: furniture by tag and role', () => {
  it.each([
    ['<nav id="t"><a href="/world">World</a></nav>'],
    ['<aside id="t"><p>Fact box</p></aside>'],
    ['<footer id="t"><p>© 2026</p></footer>'],
    ['<form id="t"><input name="q"></form>'],
    ['<div id="t" role="complementary"><p>Most read today</p></div>'],
    ['<div id="t" role="navigation"><a href="/a">A</a></div>'],
  ])('%s', (html) => {
    expect(isBoilerplate(target(html))).toBe(true);
  });

  it('does not drop a main landmark that holds the headline, whatever its role', () => {
    expect(isBoilerplate(target(`<div id="t" role="complementary"><h1>Story</h1><p>${SENTENCE}</p></div>`))).toBe(false);
  });
});

describe('isBoilerplate: hidden elements', () => {
  it.each([
    ['hidden attribute', `<p id="t" hidden>${SENTENCE}</p>`, ''],
    ['inline display:none', `<p id="t" style="display:none">${SENTENCE}</p>`, ''],
    ['inline visibility:hidden', `<p id="t" style="visibility: hidden">${SENTENCE}</p>`, ''],
    ['small aria-hidden copy', `<blockquote id="t" aria-hidden="true">‘${SENTENCE}’</blockquote>`, ''],
    ['stylesheet display:none', `<div id="t" class="x">${SENTENCE}</div>`, '.x { display: none }'],
  ])('%s', (_label, html, css) => {
    expect(isBoilerplate(target(html, css))).toBe(true);
  });

  it('keeps a whole page wrapper that is aria-hidden while a dialog is open', () => {
    expect(isBoilerplate(target(`<div id="t" aria-hidden="true">${`<p>${SENTENCE}</p>`.repeat(12)}</div>`))).toBe(false);
  });

  it('skips the stylesheet check when asked (for speed outside browsers)', () => {
    expect(isBoilerplate(target(`<div id="t" class="x">${SENTENCE}</div>`, '.x { display: none }'), { computedStyle: false })).toBe(false);
  });
});

describe('isBoilerplate: class, id, aria and data words', () => {
  it.each([
    ['newsletter class', `<div id="t" class="o-newsletter-box"><p>${SENTENCE}</p></div>`],
    ['camelCase data value', `<div id="t" data-component="NewsletterPromo"><p>${SENTENCE}</p></div>`],
    ['share bar', `<div id="t" class="article-share-tools"><p>${SENTENCE}</p></div>`],
    ['related links', `<section id="t" class="related-content"><p>${SENTENCE}</p></section>`],
    ['comments class', `<section id="t" class="c-comments"><p>${SENTENCE}</p></section>`],
    ['ad slot', `<div id="t" class="ad-slot ad-slot--inline"></div>`],
    ['ad data attribute name', `<div id="t" data-ad-unit="/1234/news"><p>${SENTENCE}</p></div>`],
    ['aria-label Advertisement', `<div id="t" aria-label="Advertisement"><p>${SENTENCE}</p></div>`],
    ['pull quote', `<blockquote id="t" class="n-content-pullquote"><p>${SENTENCE}</p></blockquote>`],
    ['most read', `<div id="t" class="mostRead"><p>${SENTENCE}</p></div>`],
    ['sponsored', `<div id="t" class="sponsored-links"><p>${SENTENCE}</p></div>`],
  ])('%s', (_label, html) => {
    expect(isBoilerplate(target(html))).toBe(true);
  });

  it.each([
    ['header', `<div id="t" class="article-header"><p>${SENTENCE}</p></div>`],
    ['download', `<div id="t" class="download-box"><p>${SENTENCE}</p></div>`],
    ['badge', `<div id="t" class="badge shadow"><p>${SENTENCE}</p></div>`],
    ['article body', `<div id="t" itemprop="articleBody" class="body"><p>${SENTENCE}</p></div>`],
  ])('does not read "ad" into "%s"', (_label, html) => {
    expect(isBoilerplate(target(html))).toBe(false);
  });

  it('does not let a wrapper class hide the story it wraps', () => {
    expect(isBoilerplate(target(`<div id="t" class="layout has-sidebar"><h1>Story</h1><p>${SENTENCE}</p></div>`))).toBe(false);
    expect(isBoilerplate(target(`<article id="t" class="content--comment"><p>${SENTENCE}</p></article>`))).toBe(false);
  });
});

describe('isBoilerplate: blocks judged by their text', () => {
  it('catches a link-only call to action', () => {
    expect(isBoilerplate(target('<p id="t"><a href="https://example.com/full">Read the full article here</a></p>'))).toBe(true);
  });

  it('catches a "Related:" line in the middle of the body', () => {
    expect(isBoilerplate(target('<p id="t"><strong>Related:</strong> <a href="https://example.com/r">Ministers order review of clean air zones</a></p>'))).toBe(true);
  });

  it('catches a promo whose link is the call to action', () => {
    expect(
      isBoilerplate(target('<p id="t">The Morning Briefing newsletter gives you the news that matters before breakfast. <a href="https://example.com/n">Sign up here.</a></p>')),
    ).toBe(true);
  });

  it('catches a sign-up box by its words and its button, without any telling class', () => {
    expect(
      isBoilerplate(target('<div id="t"><h2>Stay informed</h2><p>Simply sign up to the Markets Digest — delivered directly to your inbox.</p><button>Sign up</button></div>')),
    ).toBe(true);
  });

  it.each(['Advertisement', 'Story continues below advertisement', 'Sponsored'])('catches the ad label "%s"', (label) => {
    expect(isBoilerplate(target(`<div id="t">${label}</div>`))).toBe(true);
  });

  it('keeps a body paragraph with a source link', () => {
    expect(isBoilerplate(target(`<p id="t">${SENTENCE} The <a href="https://example.com/report">full report</a> runs to 80 pages.</p>`))).toBe(false);
  });

  it('keeps a paragraph that mentions a newsletter but offers no link', () => {
    expect(isBoilerplate(target('<p id="t">The company said in its newsletter that subscribers fell by 4% in the year.</p>'))).toBe(false);
  });

  it('never cuts an inline link out of a sentence', () => {
    expect(isBoilerplate(target('<p>Officials said you can <a id="t" href="https://example.com/more">read more about the plan</a> online.</p>'))).toBe(false);
  });

  it('keeps an ordinary image caption', () => {
    expect(isBoilerplate(target('<figure><figcaption id="t">Traffic on the M32 into Bristol. Photograph: Sam Whitlock</figcaption></figure>'))).toBe(false);
  });
});
