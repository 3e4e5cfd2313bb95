import { describe, expect, it } from 'vitest';
import { buildSearchIndex, foldText, listSites, searchAnnotations, searchPage, tokenizeQuery } from '../../../storage/search';
import type { Annotation, Article } from '../../../storage/types';
import { generateCorpus, makeAnnotation, makeArticle } from '../../fixtures/popup-data';

function fixture() {
  const budget = makeArticle({ title: 'Council approves new budget', siteName: 'news.example.com' });
  const zurich = makeArticle({ title: 'Zürich café prices soar', siteName: 'wire.example.org' });
  const gone = makeArticle({ title: 'Deleted article', deletedAt: '2025-03-07T00:00:00.000Z' });
  const a1 = makeAnnotation(budget, { quote: 'unemployment fell to 3.9%', start: 500, tags: ['economy'], updatedAt: '2025-03-06T10:00:00.000Z' });
  const a2 = makeAnnotation(budget, {
    kind: 'claim',
    quote: 'the largest budget in history',
    start: 20,
    note: 'Check the 1998 figure',
    tags: ['economy', 'needs-source'],
    claim: { status: 'false', verdict: 'Mostly false', evidence: [], claimant: 'Jane Minister' },
    createdAt: '2025-03-08T09:00:00.000Z',
    updatedAt: '2025-03-08T09:00:00.000Z',
  });
  const a3 = makeAnnotation(zurich, { kind: 'note', quote: 'coffee costs 7 francs', note: 'Ask the CAFÉ owners', createdAt: '2025-03-01T00:00:00.000Z', updatedAt: '2025-03-09T00:00:00.000Z' });
  const tomb = makeAnnotation(budget, { quote: 'removed words', deletedAt: '2025-03-07T00:00:00.000Z' });
  const orphanedByArticle = makeAnnotation(gone, { quote: 'budget of a gone article' });
  const index = buildSearchIndex([budget, zurich, gone], [a1, a2, a3, tomb, orphanedByArticle]);
  return { budget, zurich, a1, a2, a3, tomb, index };
}

const ids = (result: ReturnType<typeof searchAnnotations>) => result.groups.flatMap((g) => g.annotationIds);

describe('foldText and tokenizeQuery', () => {
  it('fold case and accents', () => {
    expect(foldText('Zürich CAFÉ Ångström')).toBe('zurich cafe angstrom');
  });
  it('split on spaces but keep quoted phrases together', () => {
    expect(tokenizeQuery('  Budget  "Fell TO"  3.9% ')).toEqual(['budget', 'fell to', '3.9%']);
    expect(tokenizeQuery('""   ')).toEqual([]);
  });
});

describe('searchAnnotations', () => {
  it('with an empty query lists live annotations of live articles, most recently changed article first, reading order inside', () => {
    const { index, a1, a2, a3, zurich, budget } = fixture();
    const result = searchAnnotations(index, '');
    expect(result.total).toBe(3);
    expect(result.groups.map((g) => g.articleId)).toEqual([zurich.id, budget.id]);
    expect(ids(result)).toEqual([a3.id, a2.id, a1.id]);
  });

  it('finds words in quotes, notes, tags, verdicts, claimants and article titles, ignoring case and accents', () => {
    const { index, a1, a2, a3 } = fixture();
    expect(ids(searchAnnotations(index, 'UNEMPLOYMENT'))).toEqual([a1.id]);
    expect(ids(searchAnnotations(index, '1998'))).toEqual([a2.id]);
    expect(ids(searchAnnotations(index, 'needs-source'))).toEqual([a2.id]);
    expect(ids(searchAnnotations(index, 'mostly false'))).toEqual([a2.id]);
    expect(ids(searchAnnotations(index, 'minister'))).toEqual([a2.id]);
    expect(ids(searchAnnotations(index, 'zurich'))).toEqual([a3.id]);
    expect(ids(searchAnnotations(index, 'café'))).toEqual([a3.id]);
    expect(ids(searchAnnotations(index, 'council')).sort()).toEqual([a1.id, a2.id].sort());
  });

  it('AND-s tokens, possibly across fields, and never finds tombstones', () => {
    const { index, a2 } = fixture();
    expect(ids(searchAnnotations(index, 'council largest'))).toEqual([a2.id]);
    expect(ids(searchAnnotations(index, 'council coffee'))).toEqual([]);
    expect(ids(searchAnnotations(index, 'removed'))).toEqual([]);
    expect(ids(searchAnnotations(index, 'gone'))).toEqual([]);
  });

  it('a quoted phrase must appear as written', () => {
    const { index, a1 } = fixture();
    expect(ids(searchAnnotations(index, '"fell to 3.9"'))).toEqual([a1.id]);
    expect(ids(searchAnnotations(index, '"to fell"'))).toEqual([]);
  });

  it('filters by tag (all listed tags), kind, claim status, verdict, site, article and date range', () => {
    const { index, a1, a2, a3, budget } = fixture();
    expect(ids(searchAnnotations(index, '', { tags: ['economy'] }))).toEqual([a2.id, a1.id]);
    expect(ids(searchAnnotations(index, '', { tags: ['economy', 'needs-source'] }))).toEqual([a2.id]);
    expect(ids(searchAnnotations(index, '', { kinds: ['note'] }))).toEqual([a3.id]);
    expect(ids(searchAnnotations(index, '', { kinds: ['highlight', 'claim'] }))).toEqual([a2.id, a1.id]);
    expect(ids(searchAnnotations(index, '', { claimStatuses: ['false'] }))).toEqual([a2.id]);
    expect(ids(searchAnnotations(index, '', { claimStatuses: ['verified'] }))).toEqual([]);
    expect(ids(searchAnnotations(index, '', { verdict: 'MOSTLY' }))).toEqual([a2.id]);
    expect(ids(searchAnnotations(index, '', { sites: ['wire.example.org'] }))).toEqual([a3.id]);
    expect(ids(searchAnnotations(index, '', { articleId: budget.id }))).toEqual([a2.id, a1.id]);
    expect(ids(searchAnnotations(index, '', { from: '2025-03-06', to: '2025-03-07' }))).toEqual([a1.id]);
    expect(ids(searchAnnotations(index, '', { from: '2025-03-08' }))).toEqual([a2.id]);
    expect(ids(searchAnnotations(index, 'budget', { tags: ['needs-source'], kinds: ['claim'] }))).toEqual([a2.id]);
  });

  it('lists the sites that have live annotations', () => {
    expect(listSites(fixture().index)).toEqual(['news.example.com', 'wire.example.org']);
  });

  // Speed is measured by `npm run bench` (tests/bench/search.ts), not asserted here.
  it('searches 10,000 annotations with a tag filter', () => {
    const { articles, annotations } = generateCorpus(10_000);
    const index = buildSearchIndex(articles, annotations);
    const result = searchAnnotations(index, 'zurich budget', { tags: ['economy'] });
    expect(result.total).toBeGreaterThan(0);
    expect(result.total).toBeLessThan(10_000);
  });
});

describe('searchPage', () => {
  it('shows whole groups until the limit, cuts the last one short, and keeps articles without notes while the budget lasts', () => {
    const { index, a1, a2, a3, budget, zurich } = fixture();
    const visited = makeArticle({ title: 'Visited', lastVisitedAt: '2025-03-08T12:00:00.000Z' });
    index.addArticles([visited]);
    // Order: zurich (a3, 03-09), visited (03-08 12:00), budget (a2 03-08 09:00, a1).
    expect(searchPage(index, '', {}, 2)).toMatchObject({
      groups: [
        { articleId: zurich.id, annotationIds: [a3.id] },
        { articleId: visited.id, annotationIds: [] },
        { articleId: budget.id, annotationIds: [a2.id] },
      ],
      total: 3,
    });
    expect(searchPage(index, '', {}, 1).groups.map((g) => g.articleId)).toEqual([zurich.id]);
    expect(searchPage(index, '', {}, 100).groups).toEqual(searchAnnotations(index, '').groups);
    expect(searchPage(index, '', {}, 100).groups.flatMap((g) => g.annotationIds)).toEqual([a3.id, a2.id, a1.id]);
  });
});

describe('searching the notes\' text in chunks', () => {
  /** What testing each note on its own gives: every token in the note's folded text or its article's title. */
  function naive(articles: Article[], notes: Annotation[], query: string): string[] {
    const tokens = tokenizeQuery(query);
    const live = new Map(articles.filter((a) => !a.deletedAt).map((a) => [a.id, a]));
    return notes
      .filter((n) => !n.deletedAt && live.has(n.articleId))
      .filter((n) => {
        const text = foldText([n.target.quote.exact, n.note, n.tags.join(' '), n.claim?.verdict ?? '', n.claim?.claimant ?? ''].join(' ').replace(/\s+/g, ' '));
        const title = foldText((live.get(n.articleId) as Article).title);
        return tokens.every((t) => text.includes(t) || title.includes(t));
      })
      .map((n) => n.id)
      .sort();
  }
  const found = (index: ReturnType<typeof buildSearchIndex>, query: string) => ids(searchAnnotations(index, query)).sort();
  const QUERIES = ['', 'b', 'budget', 'zurich cafe', 'cafe zurich', '"housing climate"', 'economy 7', 'no-such-word', 'budget budget'];

  it('finds what testing each note finds, over many chunks, and again after notes are edited, removed and added', () => {
    const { articles, annotations } = generateCorpus(3000);
    const index = buildSearchIndex(articles, annotations);
    for (const query of QUERIES) expect(found(index, query)).toEqual(naive(articles, annotations, query));

    const notes = new Map(annotations.map((n) => [n.id, n]));
    const changed = new Map<string, Annotation | undefined>();
    annotations.slice(0, 600).forEach((n, i) => {
      const next = i % 3 === 0 ? { ...n, note: `${n.note} budget zurich cafe` } : i % 3 === 1 ? { ...n, deletedAt: '2025-04-01T00:00:00.000Z' } : undefined;
      changed.set(n.id, next);
      if (next) notes.set(n.id, next);
      else notes.delete(n.id);
    });
    const fresh = makeAnnotation(articles[0] as Article, { quote: 'a brand new housing climate note' });
    changed.set(fresh.id, fresh);
    notes.set(fresh.id, fresh);
    index.apply({ articles: new Map(), annotations: changed });
    for (const query of QUERIES) expect(found(index, query)).toEqual(naive(articles, [...notes.values()], query));
  });

  it('never matches across two notes, nor a separator typed in the query', () => {
    const article = makeArticle({ title: 'Title' });
    const index = buildSearchIndex([article], [makeAnnotation(article, { quote: 'ends with alpha' }), makeAnnotation(article, { quote: 'beta starts here', start: 900 })]);
    expect(searchAnnotations(index, '"alpha beta"').total).toBe(0);
    expect(searchAnnotations(index, 'alpha\u0000beta').total).toBe(0);
    expect(searchAnnotations(index, 'alpha').total).toBe(1);
  });
});

describe('articles without notes', () => {
  it('are listed when nothing narrows the search to notes, and found by their title', () => {
    const visited = makeArticle({ title: 'Starmer meets Xi in Beijing', siteName: 'news.example.com' });
    const annotatedArticle = makeArticle({ title: 'Council approves new budget' });
    const note = makeAnnotation(annotatedArticle, { quote: 'the budget rose' });
    const index = buildSearchIndex([visited, annotatedArticle], [note]);
    expect(searchAnnotations(index, '').groups.map((g) => g.articleId)).toContain(visited.id);
    expect(searchAnnotations(index, 'beijing').groups.map((g) => g.articleId)).toEqual([visited.id]);
    expect(searchAnnotations(index, 'beijing').groups[0]?.annotationIds).toEqual([]);
    expect(searchAnnotations(index, '', { kinds: ['note'] }).groups.map((g) => g.articleId)).not.toContain(visited.id);
    expect(searchAnnotations(index, 'budget').groups.map((g) => g.articleId)).toEqual([annotatedArticle.id]);
  });
});
