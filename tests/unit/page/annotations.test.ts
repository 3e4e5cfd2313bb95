import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStore, INITIAL_PAGE_STATE, type PageState } from '../../../components/page/page-state';
import { ReaderAnnotations } from '../../../page/annotations';
import { BackgroundError, type Ask } from '../../../page/messaging';
import type { ContentMessage } from '../../../storage/api';
import { pageAddress } from '../../../storage/article-identity';
import type { Annotation, Article } from '../../../storage/types';
import { newsPage, spanOf } from '../../support/page-doc';

const ARTICLE = { id: 'art-1', url: 'https://news.example.com/starmer-xi' } as Article;

function saved(id: string, exact: string, start: number, extra: Partial<Annotation> = {}): Annotation {
  return {
    id,
    articleId: ARTICLE.id,
    kind: 'highlight',
    color: 'yellow',
    note: '',
    tags: [],
    target: {
      source: ARTICLE.url,
      quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start, end: start + exact.length },
    },
    anchor: { quality: 'exact', confidence: 1, checkedAt: '2026-01-29T10:00:00.000Z' },
    createdAt: '2026-01-29T10:00:00.000Z',
    updatedAt: '2026-01-29T10:00:00.000Z',
    deletedAt: null,
    ...extra,
  };
}

/** A background that records every message and answers like storage would. */
function fakeBackground() {
  const sent: ContentMessage[] = [];
  let next = 0;
  const ask = (async (message: ContentMessage) => {
    sent.push(message);
    switch (message.type) {
      case 'annotation/create':
        return saved(`new-${++next}`, message.annotation.target.quote.exact, message.annotation.target.position.start, {
          kind: message.annotation.kind,
          color: message.annotation.color ?? 'yellow',
          tags: message.annotation.tags ?? [],
          note: message.annotation.note ?? '',
          ...(message.annotation.claim ? { claim: message.annotation.claim } : {}),
        });
      case 'annotation/restore':
        return saved(message.id, 'Beijing', 0);
      case 'annotation/update': {
        const { target, detached } = message.patch;
        const before = saved(message.id, 'Beijing', 0);
        return {
          ...before,
          ...(target ? { target } : {}),
          ...(detached ? { anchor: { quality: 'orphan' as const, confidence: 0, checkedAt: before.updatedAt, detached } } : {}),
        };
      }
      case 'tags/list':
        return ['budget'];
      default:
        return null;
    }
  }) as Ask;
  return { sent, ask };
}

function setup(background = fakeBackground()) {
  const { doc, text } = newsPage();
  const store = createStore<PageState>({ ...INITIAL_PAGE_STATE, phase: 'not-article' });
  const paint = { paintAnnotations: vi.fn() };
  const annotated = vi.fn();
  const annotations = new ReaderAnnotations({
    doc,
    store,
    text,
    ask: background.ask,
    paint,
    article: { ensureArticle: async () => ARTICLE, defaultColor: () => 'blue', annotated },
  });
  return { ...background, text, store, paint, annotated, annotations };
}

afterEach(() => document.body.replaceChildren());

describe('ReaderAnnotations: placing saved annotations', () => {
  it('re-anchors them in reading order, keeps what cannot be found as orphans, and reports only what changed', async () => {
    const { text, store, paint, annotations, sent } = setup();
    const beijing = spanOf(text, 'Beijing');
    await annotations.place(
      [
        saved('late', 'the minister said', 999),
        saved('gone', 'a sentence the page no longer has', 5),
        saved('here', 'Beijing', beijing.start),
      ],
      ARTICLE.id,
    );
    const placed = store.get().annotations;
    expect(placed.map((p) => [p.annotation.id, p.quality])).toEqual([
      ['here', 'exact'],
      ['late', 'exact'],
      ['gone', 'orphan'],
    ]);
    expect(paint.paintAnnotations).toHaveBeenCalled();
    const report = sent.find((m) => m.type === 'anchors/report');
    expect(report).toMatchObject({ articleId: ARTICLE.id });
    const reported = (report as ContentMessage<'anchors/report'>).reports.map((r) => r.id);
    expect(reported).toContain('gone');
    expect(reported).not.toContain('here');
  });
});

describe('ReaderAnnotations: notes on changed text', () => {
  /** A saved note on "4.1%" where the page now says "3.9%", with the context it was saved with. */
  function editedFigure(text: ReturnType<typeof setup>['text'], id = 'edit'): Annotation {
    const now = spanOf(text, '3.9%');
    const all = text.map?.text ?? '';
    const note = saved(id, '4.1%', now.start);
    note.target.quote.prefix = all.slice(Math.max(0, now.start - 32), now.start);
    note.target.quote.suffix = all.slice(now.end, now.end + 32);
    return note;
  }

  it('reports the text a changed note was found on, and does not look for a note the reader detached', async () => {
    const { text, store, annotations, sent } = setup();
    const detached = saved('away', 'Beijing', spanOf(text, 'Beijing').start, {
      anchor: { quality: 'orphan', confidence: 0, checkedAt: '2026-01-29T10:00:00.000Z', detached: true },
    });
    await annotations.place([editedFigure(text), detached], ARTICLE.id);
    const byId = new Map(store.get().annotations.map((p) => [p.annotation.id, p]));
    expect(byId.get('edit')).toMatchObject({ quality: 'changed', found: '3.9%' });
    expect(byId.get('away')).toMatchObject({ quality: 'orphan' });
    const report = sent.find((m): m is ContentMessage<'anchors/report'> => m.type === 'anchors/report');
    expect(report?.reports).toEqual([expect.objectContaining({ id: 'edit', quality: 'changed', found: '3.9%' })]);
  });

  it('accepts the change (the note now quotes the new text) or detaches the note (an orphan from then on)', async () => {
    const { text, store, annotations, sent } = setup();
    await annotations.place([editedFigure(text, 'one'), editedFigure(text, 'two')], ARTICLE.id);
    await annotations.actions.acceptChange('one');
    const accept = sent.find((m): m is ContentMessage<'annotation/update'> => m.type === 'annotation/update' && m.id === 'one');
    expect(accept?.patch.target?.quote.exact).toBe('3.9%');
    expect(store.get().annotations.find((p) => p.annotation.id === 'one')).toMatchObject({ quality: 'exact', confidence: 1 });
    await annotations.actions.detachAnnotation('two');
    expect(sent.find((m) => m.type === 'annotation/update' && m.id === 'two')).toMatchObject({ patch: { detached: true } });
    const two = store.get().annotations.find((p) => p.annotation.id === 'two');
    expect(two).toMatchObject({ quality: 'orphan' });
    expect(two?.start).toBeUndefined();
  });
});

describe('ReaderAnnotations: the reader acting', () => {
  it("highlights the selection in the reader's default colour, with a quote from the page's own text", async () => {
    const { text, store, annotations, sent, annotated } = setup();
    store.set({ selection: { ...spanOf(text, 'Xi Jinping'), text: 'Xi Jinping', rect: { top: 0, left: 0, width: 0, height: 0 } } });
    await annotations.actions.highlightSelection();
    const create = sent.find((m): m is ContentMessage<'annotation/create'> => m.type === 'annotation/create');
    expect(create).toMatchObject({
      articleId: ARTICLE.id,
      annotation: {
        kind: 'highlight',
        color: 'blue',
        // The page's own address (what W3C consumers open), not the article's normalised identity.
        target: { source: pageAddress(document.location.href), quote: { exact: 'Xi Jinping', prefix: 'Sir Keir Starmer met ' } },
      },
    });
    expect(store.get().selection).toBeNull();
    expect(store.get().annotations).toHaveLength(1);
    expect(annotated).toHaveBeenCalled();
    await vi.waitFor(() => expect(store.get().knownTags).toEqual(['budget']));
  });

  it('tracks a detected claim once, naming its speaker as the claimant, and opens its card', async () => {
    const { text, store, annotations, sent } = setup();
    const span = spanOf(text, 'Unemployment fell to 3.9% last quarter');
    store.set({ claims: [{ ...span, text: 'Unemployment fell to 3.9% last quarter', score: 0.8, band: 'high', rank: 1, reasons: ['statistic'], speaker: 'Rachel Reeves', quoted: false }] });
    await annotations.actions.trackClaim(0);
    await annotations.actions.trackClaim(0);
    const creates = sent.filter((m): m is ContentMessage<'annotation/create'> => m.type === 'annotation/create');
    expect(creates).toHaveLength(1);
    expect(creates[0]?.annotation.claim).toEqual({ status: 'unstarted', verdict: '', evidence: [], claimant: 'Rachel Reeves' });
    expect(store.get().card).toMatchObject({ kind: 'claim', claimIndex: 0 });
  });

  it('deletes with an undo that restores the annotation where it was', async () => {
    const { text, store, annotations, sent } = setup();
    await annotations.place([saved('a1', 'Beijing', spanOf(text, 'Beijing').start, { kind: 'note' })], ARTICLE.id);
    await annotations.actions.deleteAnnotation('a1');
    expect(sent.at(-1)).toEqual({ type: 'annotation/delete', id: 'a1' });
    expect(store.get().annotations).toEqual([]);
    expect(store.get().toast?.message).toBe('Note deleted.');
    store.get().toast?.undo?.();
    await vi.waitFor(() => expect(store.get().annotations.map((p) => [p.annotation.id, p.start])).toEqual([['a1', spanOf(text, 'Beijing').start]]));
    expect(store.get().toast).toBeNull();
  });

  it('shows a failed save to the reader instead of losing it', async () => {
    const background = fakeBackground();
    const failing = (async (message: ContentMessage) => {
      if (message.type === 'annotation/create') throw new BackgroundError('quota', 'Your browser refused to store more data.');
      return background.ask(message as never);
    }) as Ask;
    const { text, store, annotations } = setup({ ...background, ask: failing });
    store.set({ selection: { ...spanOf(text, 'Beijing'), text: 'Beijing', rect: { top: 0, left: 0, width: 0, height: 0 } } });
    await annotations.actions.highlightSelection();
    expect(store.get().error).toMatch(/refused to store/);
    expect(store.get().annotations).toEqual([]);
  });

  it('opens a note as a draft that stores nothing until it is saved', async () => {
    const background = fakeBackground();
    const { text, store, annotations } = setup(background);
    const span = spanOf(text, 'Beijing');
    store.set({ selection: { ...span, text: 'Beijing', rect: { top: 0, left: 0, width: 0, height: 0 } } });
    await annotations.actions.noteSelection();
    expect(store.get().card).toMatchObject({ kind: 'draft', ...span, text: 'Beijing' });
    expect(store.get().annotations).toEqual([]);
    await annotations.actions.saveDraft?.(span, { note: 'Where they met' });
    expect(store.get().annotations).toHaveLength(1);
    expect(store.get().annotations[0]?.annotation).toMatchObject({ kind: 'note', note: 'Where they met' });
    expect(store.get().card).toMatchObject({ kind: 'annotation', annotationId: store.get().annotations[0]?.annotation.id });
  });
});
