import { describe, expect, it } from 'vitest';
import { buildSearchIndex, listIndexTags, searchAnnotations, type SearchIndex } from '../../../storage/search';
import type { Annotation, Article } from '../../../storage/types';
import { makeAnnotation, makeArticle } from '../../fixtures/popup-data';

/** What a reader can observe of an index: every search result and the unannotated articles, order-free. */
function observable(index: SearchIndex) {
  const result = searchAnnotations(index, '');
  return {
    total: result.total,
    groups: result.groups.map((g) => [g.articleId, index.articles.get(g.articleId)?.title, g.annotationIds]).sort(),
    notes: [...index.notes.values()].map(({ textChunk, ...rest }) => rest).sort((a, b) => (a.id < b.id ? -1 : 1)),
    articles: [...index.articles.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
    unannotated: [...index.unannotated()].map((a) => a.id).sort(),
  };
}

function library() {
  const budget = makeArticle({ title: 'Council approves new budget' });
  const storm = makeArticle({ title: 'Storm hits the coast' });
  const empty = makeArticle({ title: 'Visited, no notes yet' });
  const gone = makeArticle({ title: 'Deleted article', deletedAt: '2025-03-07T00:00:00.000Z' });
  const notes = [
    makeAnnotation(budget, { quote: 'the largest budget in history', tags: ['economy'] }),
    makeAnnotation(budget, { quote: 'unemployment fell to 3.9%', start: 400, tags: ['economy', 'stats'] }),
    makeAnnotation(storm, { quote: 'winds of 150 km/h', note: 'wow' }),
    makeAnnotation(gone, { quote: 'a note of a deleted article' }),
  ];
  return { articles: [budget, storm, empty, gone], notes, budget, storm, empty, gone };
}

/** Applies `writes` to the stored rows and checks the patched index equals a fresh build over them. */
function expectPatchEqualsRebuild(start: { articles: Article[]; notes: Annotation[] }, writes: { articles?: Article[]; notes?: Annotation[]; removed?: string[] }) {
  const patched = buildSearchIndex(start.articles, start.notes);
  const articles = new Map(start.articles.map((a) => [a.id, a]));
  const notes = new Map(start.notes.map((n) => [n.id, n]));
  for (const a of writes.articles ?? []) articles.set(a.id, a);
  for (const n of writes.notes ?? []) notes.set(n.id, n);
  for (const id of writes.removed ?? []) notes.delete(id);
  const changedNotes = new Map<string, Annotation | undefined>([...(writes.notes ?? []).map((n) => [n.id, n] as const), ...(writes.removed ?? []).map((id) => [id, undefined] as const)]);
  // The caller's side of the contract: every stored note of an article the index did not know.
  for (const a of writes.articles ?? []) {
    if (!patched.holdsArticle(a.id) && !a.deletedAt) for (const n of notes.values()) if (n.articleId === a.id) changedNotes.set(n.id, n);
  }
  patched.apply({ articles: new Map((writes.articles ?? []).map((a) => [a.id, a])), annotations: changedNotes });
  expect(observable(patched)).toEqual(observable(buildSearchIndex([...articles.values()], [...notes.values()])));
  return patched;
}

describe('SearchIndex.apply gives the index a rebuild would give', () => {
  it('after a note is edited, tombstoned, removed or added', () => {
    const lib = library();
    const [first, second, third] = lib.notes as [Annotation, Annotation, Annotation];
    const patched = expectPatchEqualsRebuild(lib, {
      notes: [
        { ...first, note: 'now with a note', updatedAt: '2025-04-01T00:00:00.000Z' },
        { ...second, deletedAt: '2025-04-01T00:00:00.000Z' },
        makeAnnotation(lib.empty, { quote: 'a first note here' }),
      ],
      removed: [third.id],
    });
    // The storm article lost its only note and is listed as visited; the empty one gained one.
    expect([...patched.unannotated()].map((a) => a.id)).toEqual([lib.storm.id]);
    expect(listIndexTags(patched)).toEqual(['economy']);
  });

  it('after an article is renamed (its notes are found by the new title, not the old)', () => {
    const lib = library();
    const patched = expectPatchEqualsRebuild(lib, { articles: [{ ...lib.budget, title: 'Council rejects the budget' }] });
    expect(searchAnnotations(patched, 'rejects').total).toBe(2);
    expect(searchAnnotations(patched, 'approves').total).toBe(0);
  });

  it('after an article is deleted, and after a deleted article with notes is restored', () => {
    const lib = library();
    expectPatchEqualsRebuild(lib, { articles: [{ ...lib.storm, deletedAt: '2025-04-01T00:00:00.000Z' }] });
    const restored = expectPatchEqualsRebuild(lib, { articles: [{ ...lib.gone, deletedAt: null }] });
    expect(searchAnnotations(restored, 'deleted article').total).toBe(1);
  });

  it('after a new article is visited', () => {
    const lib = library();
    const fresh = makeArticle({ title: 'Brand new page' });
    const patched = expectPatchEqualsRebuild(lib, { articles: [fresh] });
    expect([...patched.unannotated()].map((a) => a.id)).toContain(fresh.id);
  });
});

describe('listIndexTags', () => {
  it('orders tags of live notes by use, then by name', () => {
    const lib = library();
    expect(listIndexTags(buildSearchIndex(lib.articles, lib.notes))).toEqual(['economy', 'stats']);
  });
});
