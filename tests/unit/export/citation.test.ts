import { describe, expect, it } from 'vitest';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import type { Author } from '../../../detect/types';
import { BibtexWriter, escapeTex, formatCitation, toBibtex, toBibtexFile, toCslJson, toCslJsonFile } from '../../../export/citation';
import type { Article } from '../../../storage/types';
import { anonymousArticle, budgetArticle, cyrillicArticle, wireArticle } from '../../fixtures/export/sample-data';
import { warmCiteproc } from '../../support/warm-citeproc';
import { expectedApa, expectedBibtex, expectedChicago, expectedMla } from '../../fixtures/export/expected-citations';

const person = (name: string): Author => ({ name, kind: 'person' });
const organization = (name: string): Author => ({ name, kind: 'organization' });

/** The article of issue 13's report: CJK persons and organisations that used to be split or mistyped. */
const worldArticle: Article = {
  ...budgetArticle,
  id: 'a1b2c3d4-0000-4000-8000-0000000000c1',
  url: 'http://127.0.0.1:8080/world/quake',
  siteName: '127.0.0.1',
  authors: [person('李娜'), person('山田 太郎'), organization('Agence France-Presse'), organization('Al Jazeera'), organization('Geological Survey of the Netherlands')],
};

/** citeproc-js reading our CSL-JSON back, with the APA style citation-js bundles (not ours), as Zotero would. */
function bundledApa(article: Article): string {
  return String(new Cite([toCslJson(article)]).format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' })).trim();
}

const cases: Array<[keyof typeof expectedApa, Article]> = [
  ['budget', budgetArticle],
  ['wire', wireArticle],
  ['cyrillic', cyrillicArticle],
  ['anonymous', anonymousArticle],
];

warmCiteproc();

describe('formatCitation', () => {
  it.each(cases)('APA for the %s article', (name, article) => {
    expect(formatCitation(article, 'apa')).toBe(expectedApa[name]);
  });

  it.each(cases)('MLA for the %s article', (name, article) => {
    expect(formatCitation(article, 'mla')).toBe(expectedMla[name]);
  });

  it.each(cases)('Chicago (author-date) for the %s article', (name, article) => {
    expect(formatCitation(article, 'chicago')).toBe(expectedChicago[name]);
  });

  it('uses the given access date instead of the last visit', () => {
    const cited = formatCitation(anonymousArticle, 'mla', new Date(2026, 10, 26, 12));
    expect(cited.endsWith('Accessed 26 Nov. 2026.')).toBe(true);
  });

  it('writes two authors as "Surname, I., & Surname, I." in APA', () => {
    const article = { ...budgetArticle, authors: [person('Doe, Jane'), person('By Ann Lee')] };
    expect(formatCitation(article, 'apa')).toMatch(/^Doe, J., & Lee, A. \(2025, March 5\)\./);
    expect(formatCitation(article, 'mla')).toMatch(/^Doe, Jane, and Ann Lee\. /);
  });

  it('keeps an organisation author whole', () => {
    const article = { ...budgetArticle, authors: [organization('Associated Press')] };
    expect(formatCitation(article, 'apa')).toMatch(/^Associated Press\. \(2025, March 5\)\./);
    expect(formatCitation(article, 'mla')).toMatch(/^Associated Press\. “Council/);
  });

  it('cites CJK names family name first and organisations whole (issue 13, item 2)', () => {
    const apa = formatCitation(worldArticle, 'apa');
    expect(apa).toMatch(/^李娜, 山田太郎, Agence France-Presse, Al Jazeera, & Geological Survey of the Netherlands\. \(2025, March 5\)\./);
    expect(apa).not.toContain('太郎山田');
    expect(apa).not.toContain('France-Presse, A.');
    // The same CSL-JSON read by the APA style citation-js bundles gives the same names.
    expect(bundledApa(worldArticle)).toMatch(/^李娜, 山田太郎, Agence France-Presse, Al Jazeera, & Geological Survey of the Netherlands\./);
  });

  it('never cites the host name as the publication (issue 13, item 2)', () => {
    expect(toCslJson(worldArticle)['container-title']).toBeUndefined();
    expect(formatCitation(worldArticle, 'apa')).not.toMatch(/\. 127\.0\.0\.1\./);
    expect(toBibtex(worldArticle)).not.toContain('journal');
    expect(toCslJson({ ...worldArticle, siteName: 'The World Desk' })['container-title']).toBe('The World Desk');
  });

  it('prints partial publication dates as far as they go', () => {
    const article = { ...budgetArticle, publishedAt: '2025-03' };
    expect(formatCitation(article, 'apa')).toContain('(2025, March)');
    expect(formatCitation(article, 'mla')).toContain('The Daily Example, Mar. 2025, ');
  });
});

describe('toCslJson', () => {
  it('maps the article to a CSL-JSON newspaper article', () => {
    expect(toCslJson(budgetArticle)).toEqual({
      id: budgetArticle.id,
      type: 'article-newspaper',
      title: 'Council approves “new” budget: what it means',
      URL: 'https://news.example.com/2025/03/05/budget',
      author: [
        { family: 'Doe', given: 'Jane' },
        { family: 'Roe', given: 'Rick Allan' },
      ],
      'container-title': 'The Daily Example',
      issued: { 'date-parts': [[2025, 3, 5]] },
      accessed: { 'date-parts': [[2025, 3, 7]] },
      language: 'en',
    });
  });

  it('leaves out what the article does not have, and gives organisations as literal names', () => {
    expect(toCslJson(anonymousArticle)).toEqual({
      id: anonymousArticle.id,
      type: 'article-newspaper',
      title: 'Who pays?',
      URL: 'https://blog.example.org/who-pays',
      accessed: { 'date-parts': [[2025, 1, 9]] },
    });
    expect(toCslJson(wireArticle).author).toEqual([{ literal: 'Reuters' }]);
  });

  it('is accepted by citation-js as valid CSL input', () => {
    const cite = new Cite([toCslJson(cyrillicArticle)]);
    expect(cite.format('data', { format: 'object' })).toEqual([expect.objectContaining({ title: cyrillicArticle.title })]);
  });

  it('types CJK persons as split names and organisations as literals (issue 13, item 2)', () => {
    expect(toCslJson(worldArticle).author).toEqual([
      { family: '李', given: '娜' },
      { family: '山田', given: '太郎' },
      { literal: 'Agence France-Presse' },
      { literal: 'Al Jazeera' },
      { literal: 'Geological Survey of the Netherlands' },
    ]);
  });
});

describe('toBibtex', () => {
  it.each(cases)('BibTeX for the %s article', (name, article) => {
    expect(toBibtex(article)).toBe(expectedBibtex[name]);
  });

  it('escapes every TeX special character and keeps braces balanced', () => {
    expect(escapeTex('5% & $3 #1 a_b {x} ~ ^ \\')).toBe(
      '5\\% \\& \\$3 \\#1 a\\_b \\{x\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}',
    );
    const bib = toBibtex({ ...budgetArticle, title: 'Unbalanced } brace {', url: 'https://e.example/a%20b?{x}' });
    expect(bib).toContain('title = {{Unbalanced \\} brace \\{}}');
    expect(bib).toContain('url = {https://e.example/a%20b?%7Bx%7D}');
    const [entry] = parseBibtex(bib).entries;
    expect(entry?.fields.title).toBe('Unbalanced } brace {');
    expect(entry?.fields.url).toBe('https://e.example/a%20b?%7Bx%7D');
  });

  it('gives the same key on every export', () => {
    expect(toBibtex({ ...budgetArticle })).toBe(toBibtex(budgetArticle));
  });

  it('is read back by a BibTeX parser with names split as intended (issue 13, item 2)', () => {
    const parsed = parseBibtex([worldArticle, budgetArticle, cyrillicArticle, wireArticle, anonymousArticle].map((a) => toBibtex(a)).join('\n'));
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries[0]?.fields.author).toEqual([
      { lastName: '李', firstName: '娜' },
      { lastName: '山田', firstName: '太郎' },
      { name: 'Agence France-Presse' },
      { name: 'Al Jazeera' },
      { name: 'Geological Survey of the Netherlands' },
    ]);
    expect(parsed.entries[3]?.fields.title).toBe('- Rates: "hold" or cut? #markets');
    expect(parsed.entries[3]?.fields.author).toEqual([{ name: 'Reuters' }]);
  });

  it('keeps keys unique when entries are made one at a time (issue 13, item 2)', () => {
    const writer = new BibtexWriter();
    const twin = { ...budgetArticle, id: 'a1b2c3d4-0000-4000-8000-0000000000bb' };
    const keys = [writer.entry(budgetArticle), writer.entry(twin), writer.entry(budgetArticle)].map((entry) => /^@\w+\{([^,]+),/.exec(entry)?.[1]);
    expect(keys).toEqual(['doe2025council', 'doe2025council2', 'doe2025council3']);
    const parsed = parseBibtex([budgetArticle, twin].map((a) => writer.entry(a)).join('\n'));
    expect(new Set(parsed.entries.map((e) => e.key)).size).toBe(2);
  });
});

describe('whole-export citation files', () => {
  const bundle = {
    articles: [budgetArticle, { ...budgetArticle, id: 'a1b2c3d4-0000-4000-8000-0000000000bb' }, { ...wireArticle, deletedAt: '2025-05-01T00:00:00.000Z' }],
    annotations: [],
    exportedAt: '2025-05-02T00:00:00.000Z',
  };

  it('writes one BibTeX entry per live article with unique keys', () => {
    const bib = toBibtexFile(bundle);
    expect(bib.match(/^@\w+\{[^,]+,/gm)).toEqual(['@article{doe2025council,', '@article{doe2025council2,']);
    expect(bib).not.toContain('reuters');
  });

  it('writes a CSL-JSON list that parses back', () => {
    const items = JSON.parse(toCslJsonFile(bundle));
    expect(items.map((item: { id: string }) => item.id)).toEqual([budgetArticle.id, 'a1b2c3d4-0000-4000-8000-0000000000bb']);
    expect(items[0]).toEqual(toCslJson(budgetArticle));
  });
});
