// Layout tricks seen on real news pages (the saved pages in ../shared are not read here: these are written from scratch).
import { afterEach, describe, expect, it } from 'vitest';
import { buildTextMap } from '../../../anchoring/text-map';
import { mapReaderToLive } from '../../../detect/article-live';
import { findArticle } from '../../../detect/article-reader';
import type { ArticleFinding } from '../../../detect/article';
import { type LoadedPage, loadHtml } from './article-pages';

let open: LoadedPage[] = [];
afterEach(async () => {
  await Promise.all(open.map((page) => page.close()));
  open = [];
});

function load(html: string): Document {
  const page = loadHtml(html);
  open.push(page);
  return page.doc;
}

/** The text the extension would annotate for this finding (what the text map reads under the root). */
function annotated(finding: ArticleFinding): string {
  if (!finding.isArticle || !finding.root) return '';
  return buildTextMap(finding.root, { skip: finding.skip, computedStyle: false }).text;
}

const SENTENCES = [
  'The regional water authority said on Tuesday that it would fine three utilities for missing leak reduction targets set in 2021.',
  'Officials estimated that almost a fifth of treated water was lost before it reached homes, a figure unchanged for five years.',
  'Consumer groups welcomed the penalties but said bills had risen faster than investment in pipes and pumping stations.',
  'The utilities have 28 days to appeal, and one of them said it would contest the way the losses had been measured.',
  'Ministers are expected to publish a wider review of the sector before the summer recess, according to two people briefed on it.',
  'The authority also asked the companies to publish monthly figures so customers can see whether the repairs are working.',
];
const body = (count = SENTENCES.length) => SENTENCES.slice(0, count).map((s) => `<p>${s}</p>`).join('\n');
const head = (extra = '') => `<head><title>Water firms fined over leaks | The Ledger</title><meta property="og:type" content="article">${extra}</head>`;

function related(count: number, cls = 'more-stories'): string {
  const items = Array.from(
    { length: count },
    (_, i) => `<div class="card"><h3><a href="/news/story-${i}">Related headline number ${i} about the budget</a></h3><p>Teaser ${i}: a short blurb.</p></div>`,
  ).join('');
  return `<section class="${cls}"><h2>More stories</h2>${items}</section>`;
}

describe('article pages with traps around the story', () => {
  it('a related-stories list with many linked headings inside the same <main> does not make the page a listing', () => {
    const doc = load(`<html>${head()}<body><main><article class="story"><h1>Water firms fined over leaks</h1>
      <div class="story-body">${body()}</div></article>${related(10)}</main>${related(8, 'rail')}</body></html>`);
    const finding = findArticle(doc);
    expect(finding.isArticle, finding.reasons.join('; ')).toBe(true);
    const text = annotated(finding);
    for (const sentence of SENTENCES) expect(text).toContain(sentence);
    expect(text).not.toContain('Related headline');
    expect(text).not.toContain('Teaser');
  });

  it('reads every entry of a live blog, each in its own wrapper with a time heading', () => {
    const entries = SENTENCES.map(
      (sentence, i) =>
        `<div class="live-post" id="post-${i}"><div class="live-post__meta"><time datetime="2026-03-0${i + 1}T10:00:00Z">10:0${i}</time></div><div class="live-post__body"><p>${sentence}</p><p>${sentence.replace('The', 'Later, the')}</p></div></div>`,
    ).join('');
    const jsonLd = `<script type="application/ld+json">${JSON.stringify({ '@type': 'LiveBlogPosting', headline: 'Water live', author: { '@type': 'Organization', name: 'Ledger Live Desk' } })}</script>`;
    const doc = load(`<html>${head(jsonLd)}<body><div class="liveblog"><h1>Water live</h1><div class="live-feed">${entries}</div></div>${related(6)}</body></html>`);
    const finding = findArticle(doc);
    expect(finding.isArticle, finding.reasons.join('; ')).toBe(true);
    const text = annotated(finding);
    for (const sentence of SENTENCES) expect(text).toContain(sentence);
    expect(finding.metadata.authors).toEqual([{ name: 'Ledger Live Desk', kind: 'organization' }]);
  });

  it('takes the name from a byline widget that also carries a feed link and the author bio', () => {
    const doc = load(`<html>${head()}<body><article><h1>Water firms fined over leaks</h1>
      <div class="byline-widget"><span class="author"><a href="/by/sarah-archer">Sarah Archer</a> <a href="/feed/sarah-archer">Feed</a></span>
      <p class="bio">Sarah Archer is the author of The Mid-Century Kitchen.</p></div>
      <div class="body">${body()}</div></article></body></html>`);
    const finding = findArticle(doc);
    expect(finding.metadata.authors).toEqual([{ name: 'Sarah Archer', kind: 'person' }]);
  });

  it('reads JSON-LD authors with nested name objects, @id references and an Organization', () => {
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@id': '#a1', '@type': 'Person', name: { '@value': 'Helen Marsh' } },
        { '@type': 'NewsArticle', headline: 'Water firms fined', author: [{ '@id': '#a1' }, { '@type': 'Person', name: ['David Okafor'] }, { '@type': 'NewsMediaOrganization', name: 'Agence France-Presse' }] },
      ],
    };
    const doc = load(`<html>${head(`<script type="application/ld+json">//<![CDATA[\n${JSON.stringify(graph)}\n//]]></script>`)}<body><article>${body()}</article></body></html>`);
    expect(findArticle(doc).metadata.authors).toEqual([
      { name: 'Helen Marsh', kind: 'person' },
      { name: 'David Okafor', kind: 'person' },
      { name: 'Agence France-Presse', kind: 'organization' },
    ]);
  });

  it('recognises a short story that says it is an article (a brief with two paragraphs)', () => {
    const doc = load(`<html>${head(`<script type="application/ld+json">{"@type":"NewsArticle","headline":"Brief"}</script>`)}<body><nav><a href="/">Home</a></nav><article><h1>Brief</h1>${body(2)}</article></body></html>`);
    const finding = findArticle(doc);
    expect(finding.isArticle, finding.reasons.join('; ')).toBe(true);
    expect(annotated(finding)).toContain(SENTENCES[1]);
  });

  it('does not take the same short text without any article statement', () => {
    const doc = load(`<html><head><title>x</title></head><body><div>${body(1)}</div></body></html>`);
    expect(findArticle(doc).isArticle).toBe(false);
  });

  it('leaves the page exactly as it was', () => {
    const doc = load(`<html>${head()}<body><main><article>${body()}</article>${related(10)}</main></body></html>`);
    const before = doc.documentElement.outerHTML;
    findArticle(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('mapReaderToLive', () => {
  it('maps a block to its place in the story, not to an earlier copy of the same line in the navigation', () => {
    const doc = load(`<html><body><nav><p>${SENTENCES[0]}</p></nav><div id="story"><p>${SENTENCES[0]}</p><p>${SENTENCES[1]}</p></div></body></html>`);
    const live = mapReaderToLive(doc, { blocks: [[SENTENCES[1]!]] });
    expect(live?.root).toBe(doc.querySelector('#story p:nth-child(2)'));
    const both = mapReaderToLive(doc, { blocks: [[SENTENCES[1]!], [SENTENCES[0]!]] });
    // Out of order (a lead moved by the reader): found anyway, and the root holds both.
    expect(both?.matched).toBe(1);
    expect(both?.root.tagName).toBe('BODY');
  });

  it('matches a block split over several text nodes (links, emphasis) and reports how much it found', () => {
    const doc = load(`<html><body><div id="story"><p>The <a href="/a">authority</a> said <em>on Tuesday</em> it would act.</p></div></body></html>`);
    const live = mapReaderToLive(doc, { blocks: [['The', 'authority', 'said', 'on Tuesday', 'it would act.'], ['Not on the page at all.']] });
    expect(live?.root).toBe(doc.querySelector('#story p'));
    expect(live?.matched).toBeGreaterThan(0.5);
    expect(live?.matched).toBeLessThan(1);
  });

  it('finds nothing when no reader text is on the page', () => {
    const doc = load('<html><body><p>Something else entirely.</p></body></html>');
    expect(mapReaderToLive(doc, { blocks: [['A sentence that is not there.']] })).toBeNull();
  });
});
