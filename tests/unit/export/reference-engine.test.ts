import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { describe, expect, it } from 'vitest';
import { toCslJson } from '../../../export/citation';
import { forIndependentEntries, ReferenceEngine, withoutSortKeys } from '../../../export/reference-engine';
import apaStyle from '../../../export/styles/apa.csl?raw';
import chicagoStyle from '../../../export/styles/chicago-author-date.csl?raw';
import mlaStyle from '../../../export/styles/modern-language-association.csl?raw';
import type { Author } from '../../../detect/types';
import type { Article } from '../../../storage/types';
import { CITATION_STYLES } from '../../../storage/types';
import { makeArticle, seededRandom } from '../../fixtures/popup-data';

const STYLE_XML = { apa: apaStyle, mla: mlaStyle, chicago: chicagoStyle };

/** What export/citation.ts did before the shared engine: citation-js's bibliography plugin, one call per reference. */
function pluginReference(article: Article, style: keyof typeof STYLE_XML, accessed?: Date): string {
  const template = `reference-engine-test-${style}`;
  const styles = plugins.config.get('@csl').styles;
  if (!styles.has(template)) styles.add(template, STYLE_XML[style]);
  const text = plugins.output.format('bibliography', [toCslJson(article, accessed)], { format: 'text', style: template, lang: 'en-US' });
  return String(text).replace(/\s+/g, ' ').trim();
}

const PEOPLE = ['Jane Doe', 'Ann Lee', 'José Ñúñez', 'Li Wei', 'Mary-Kate O’Brien', 'John Smith Jr.', 'van der Berg, Pieter'];
const ORGS = ['Associated Press', 'Reuters', 'Our Foreign Staff'];

/** Varied metadata: zero to 25 authors, people and organisations, full, partial and missing dates, sites and languages. */
function variedArticles(count: number): Article[] {
  const random = seededRandom(7);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  return Array.from({ length: count }, (_, i) => {
    const authorCount = i % 9 === 0 ? 25 : Math.floor(random() * 4);
    const authors: Author[] = Array.from({ length: authorCount }, () =>
      random() < 0.2 ? { name: pick(ORGS), kind: 'organization' } : { name: pick(PEOPLE), kind: 'person' },
    );
    const published = [undefined, '2025', '2025-03', '2025-03-05', '2024-12-31T23:30:00Z'][i % 5];
    return makeArticle({
      title: `${pick(['Budget', 'The “quoted” title', 'Zürich café reopens', 'Why? A question'])} ${i}`,
      url: `https://news${i % 4}.example.com/story/${i}`,
      siteName: i % 3 === 0 ? `news${i % 4}.example.com` : pick(['The Daily Example', 'Le Monde', '']),
      authors,
      ...(published ? { publishedAt: published } : { publishedAt: undefined }),
      ...(i % 7 === 0 ? { lang: 'de' } : {}),
    });
  });
}

describe('ReferenceEngine', () => {
  const articles = variedArticles(60);
  for (const style of CITATION_STYLES) {
    it(`renders every reference exactly as citation-js's bibliography plugin did (${style})`, () => {
      const engine = new ReferenceEngine(style);
      const accessed = new Date(2026, 10, 26, 12);
      for (const [i, article] of articles.entries()) {
        const at = i % 2 === 0 ? accessed : undefined;
        expect(engine.format(toCslJson(article, at)), `${style} ${i}`).toBe(pluginReference(article, style, at));
      }
    }, 60_000);
  }

  // Articles that a bibliography of several entries would print differently from one-entry bibliographies: the same
  // author and year (APA and Chicago add "2025a", "2025b"), the same author one after another (MLA writes "———"), the
  // same surname with other given names (added initials), the same title and site.
  const lookalikes = [
    ...Array.from({ length: 4 }, () =>
      makeArticle({ title: 'Budget passes', url: 'https://a.example.org/budget', siteName: 'The Daily Example', publishedAt: '2025-03-05', authors: [{ name: 'Jane Doe', kind: 'person' }] }),
    ),
    makeArticle({ title: 'Budget passes', url: 'https://a.example.org/x', siteName: 'The Daily Example', publishedAt: '2025-03-05', authors: [{ name: 'John Doe', kind: 'person' }] }),
    makeArticle({ title: 'Budget passes', url: 'https://a.example.org/y', siteName: 'The Daily Example', publishedAt: undefined, authors: [{ name: 'Jane Doe', kind: 'person' }] }),
    makeArticle({ title: 'Budget passes', url: 'https://a.example.org/z', siteName: 'The Daily Example', publishedAt: '2025-03-05', authors: [] }),
    makeArticle({ title: 'Budget passes', url: 'https://a.example.org/w', siteName: 'The Daily Example', publishedAt: '2025-03-05', authors: [] }),
  ];
  for (const style of CITATION_STYLES) {
    it(`formats a page as one bibliography with the text of one-entry bibliographies of the full style (${style})`, () => {
      const page = [...lookalikes, ...articles.slice(0, 30), ...lookalikes];
      const accessed = new Date(2026, 10, 26, 12);
      const references = new ReferenceEngine(style).formatAll(page.map((article) => toCslJson(article, accessed)));
      expect(references).toHaveLength(page.length);
      for (const [i, article] of page.entries()) expect(references[i], `${style} ${i}`).toBe(pluginReference(article, style, accessed));
      expect(new Set(references.slice(0, 4)).size, 'the four identical articles get identical references').toBe(1);
    }, 60_000);
  }

  it('gives an empty list for an empty page and one reference for one item', () => {
    const engine = new ReferenceEngine('apa');
    expect(engine.formatAll([])).toEqual([]);
    const article = articles[1]!;
    expect(engine.formatAll([toCslJson(article)])).toEqual([engine.format(toCslJson(article))]);
  });

  it('keeps the bibliography of the shipped styles and replaces only their citation and the author substitute', () => {
    for (const xml of Object.values(STYLE_XML)) {
      const independent = forIndependentEntries(xml);
      expect(independent).not.toMatch(/<\/?sort\b|disambiguate-add|subsequent-author-substitute/);
      expect(independent.match(/<citation\b[\s\S]*?<\/citation>/)?.[0]).toBe('<citation><layout><text variable="title"/></layout></citation>');
      const bibliography = (text: string) => text.slice(text.indexOf('<bibliography')).replace(/\s+subsequent-author-substitute="[^"]*"/, '');
      expect(bibliography(independent)).toBe(bibliography(withoutSortKeys(xml)));
    }
    expect(() => forIndependentEntries('<style><bibliography/></style>')).toThrow(TypeError);
  });

  it('reads each item afresh: the same article with another access date is cited with that date', () => {
    const engine = new ReferenceEngine('mla');
    const article = makeArticle({ publishedAt: undefined });
    const first = engine.format(toCslJson(article, new Date(2026, 0, 2, 12)));
    const second = engine.format(toCslJson(article, new Date(2026, 10, 26, 12)));
    expect(first).toContain('Accessed 2 Jan. 2026.');
    expect(second).toContain('Accessed 26 Nov. 2026.');
  });

  it('removes every sort element of the shipped styles and nothing else', () => {
    for (const xml of Object.values(STYLE_XML)) {
      const stripped = withoutSortKeys(xml);
      expect(xml).toContain('<sort>');
      expect(stripped).not.toMatch(/<\/?sort\b/);
      expect(stripped.replace(/\s/g, '').length).toBe(xml.replace(/<sort>[\s\S]*?<\/sort>/g, '').replace(/\s/g, '').length);
      expect(stripped).toContain('<bibliography');
    }
  });
});
