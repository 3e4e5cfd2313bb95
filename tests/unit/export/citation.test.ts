import { describe, expect, it } from 'vitest';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { escapeTex, formatCitation, toBibtex, toBibtexFile, toCslJson, toCslJsonFile } from '../../../export/citation';
import type { Article } from '../../../storage/types';
import { anonymousArticle, budgetArticle, cyrillicArticle, wireArticle } from '../../fixtures/export/sample-data';
import { warmCiteproc } from './warm-citeproc';
import { expectedApa, expectedBibtex, expectedMla } from '../../fixtures/export/expected-citations';

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

  it('uses the given access date instead of the last visit', () => {
    const cited = formatCitation(budgetArticle, 'mla', new Date(2026, 10, 26, 12));
    expect(cited.endsWith('Accessed 26 Nov. 2026.')).toBe(true);
  });

  it('writes two authors as "Surname, I., & Surname, I." in APA', () => {
    const article = { ...budgetArticle, authors: [{ name: 'Doe, Jane', kind: 'person' as const }, { name: 'By Ann Lee', kind: 'person' as const }] };
    expect(formatCitation(article, 'apa')).toMatch(/^Doe, J., & Lee, A. \(2025, March 5\)\./);
    expect(formatCitation(article, 'mla')).toMatch(/^Doe, Jane, and Ann Lee\. /);
  });

  it('keeps an organisation author whole', () => {
    const article = { ...budgetArticle, authors: [{ name: 'Associated Press', kind: 'organization' as const }] };
    expect(formatCitation(article, 'apa')).toMatch(/^Associated Press\. \(2025, March 5\)\./);
    expect(formatCitation(article, 'mla')).toMatch(/^Associated Press\. “Council/);
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
    expect(bib).toContain('url = {https://e.example/a\\%20b?%7Bx%7D}');
  });

  it('gives the same key on every export', () => {
    expect(toBibtex({ ...budgetArticle })).toBe(toBibtex(budgetArticle));
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
