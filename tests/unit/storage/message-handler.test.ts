import { describe, expect, it } from 'vitest';
import type { Annotation, Article } from '../../../storage/types';
import { backgroundFor, senderAt, testHandlers } from '../../support/background';
import { getSettings } from '../../../storage/settings';
import { displayModeFor } from '../../../storage/site-key';
import { fixedDeps, freshDb, target } from '../../support/storage';

const PAGE_URL = 'https://news.example.com/2026/01/29/starmer-xi?utm_source=twitter#comments';
const page = {
  pageUrl: PAGE_URL,
  canonical: 'https://news.example.com/2026/01/29/starmer-xi',
  title: 'Starmer meets Xi',
  siteName: 'The Daily Ledger',
  authors: [{ name: 'Helen Marsh', kind: 'person' as const }],
  isArticle: true,
  textHash: 'abc',
};

function setup() {
  const db = freshDb();
  const deps = fixedDeps();
  const handlers = testHandlers(db, deps, (text, options) => ({ entities: [], groups: [], claims: [], ...{ text, options } }));
  return { db, deps, handlers, send: backgroundFor(handlers, senderAt(PAGE_URL)) };
}

async function visited(send: ReturnType<typeof setup>['send']): Promise<Article> {
  const reply = await send({ type: 'page/visit', page, record: true });
  if (!reply.ok) throw new Error(reply.error);
  return (reply.value as { article: Article }).article;
}

describe('content message handler', () => {
  it('records a visit under the normalised URL and returns saved annotations', async () => {
    const { send } = setup();
    const article = await visited(send);
    expect(article.url).toBe('https://news.example.com/2026/01/29/starmer-xi');
    const created = await send({ type: 'annotation/create', articleId: article.id, annotation: { kind: 'highlight', target: target(), color: 'blue' } });
    expect(created).toMatchObject({ ok: true, value: { color: 'blue', kind: 'highlight' } });
    const again = await send({ type: 'page/visit', page, record: true });
    expect((again as { value: { annotations: unknown[] } }).value.annotations).toHaveLength(1);
  });

  it('does not store non-article pages the reader has not annotated', async () => {
    const { db, send } = setup();
    const reply = await send({ type: 'page/visit', page: { ...page, isArticle: false }, record: false });
    expect(reply).toMatchObject({ ok: true, value: { article: null } });
    expect(await db.articles.count()).toBe(0);
  });

  it('answers an invalid message with an error and changes nothing', async () => {
    const { db, send } = setup();
    expect(await send({ type: 'annotation/create', articleId: 'x' })).toMatchObject({ ok: false, code: 'invalid' });
    expect(await send({ type: 'settings/get' })).toMatchObject({ ok: false, code: 'invalid' });
    expect(await db.annotations.count()).toBe(0);
  });

  it('reports a quota error as such', async () => {
    const { db, send } = setup();
    const article = await visited(send);
    db.annotations.hook('creating', () => {
      throw Object.assign(new Error('QuotaExceededError'), { name: 'QuotaExceededError' });
    });
    const failed = await send({ type: 'annotation/create', articleId: article.id, annotation: { kind: 'highlight', target: target() } });
    expect(failed).toMatchObject({ ok: false, code: 'quota' });
    expect((failed as { error: string }).error).toMatch(/quota/i);
  });

  it('routes detection to its own handler, not to storage', async () => {
    const { db, send } = setup();
    const reply = await send({ type: 'detect/run', text: 'Hello', entities: true, claims: false });
    expect(reply).toMatchObject({ ok: true, value: { text: 'Hello', options: { entities: true, claims: false } } });
    expect(await db.articles.count()).toBe(0);
  });
});

describe('binding messages to the sender tab', () => {
  it('refuses a visit that describes another page than the sender shows', async () => {
    const { db, handlers } = setup();
    const evil = backgroundFor(handlers, senderAt('https://evil.example.net/post', 2));
    expect(await evil({ type: 'page/visit', page, record: true })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await db.articles.count()).toBe(0);
  });

  it('accepts the sender page with another fragment (the reader scrolled to #comments)', async () => {
    const { handlers } = setup();
    const send = backgroundFor(handlers, senderAt(PAGE_URL.replace('#comments', '#top')));
    expect(await send({ type: 'page/visit', page, record: true })).toMatchObject({ ok: true });
  });

  it("refuses to edit, delete, restore or annotate another tab's article", async () => {
    const { db, handlers, send } = setup();
    const article = await visited(send);
    const created = await send({ type: 'annotation/create', articleId: article.id, annotation: { kind: 'note', target: target(), note: 'mine' } });
    const { id } = (created as { value: Annotation }).value;

    const other = backgroundFor(handlers, senderAt('https://evil.example.net/post', 2));
    await other({ type: 'page/visit', page: { ...page, pageUrl: 'https://evil.example.net/post', canonical: undefined }, record: true });
    for (const message of [
      { type: 'annotation/update', id, patch: { note: 'stolen' } },
      { type: 'annotation/delete', id },
      { type: 'annotation/restore', id },
      { type: 'annotation/create', articleId: article.id, annotation: { kind: 'note', target: target() } },
      { type: 'anchors/report', articleId: article.id, reports: [{ id, quality: 'orphan', confidence: 0 }] },
    ]) {
      expect(await other(message), message.type).toMatchObject({ ok: false, code: 'forbidden' });
    }
    expect(await db.annotations.get(id)).toMatchObject({ note: 'mine', deletedAt: null, anchor: { quality: 'exact' } });
    expect(await db.annotations.count()).toBe(1);
    // The owning tab still can.
    expect(await send({ type: 'annotation/update', id, patch: { note: 'edited' } })).toMatchObject({ ok: true, value: { note: 'edited' } });
  });

  it('forgets the binding when the tab navigates to another origin', async () => {
    const { handlers, send } = setup();
    const article = await visited(send);
    const sameTabElsewhere = backgroundFor(handlers, senderAt('https://evil.example.net/post'));
    const reply = await sameTabElsewhere({ type: 'annotation/create', articleId: article.id, annotation: { kind: 'highlight', target: target() } });
    expect(reply).toMatchObject({ ok: false, code: 'forbidden' });
  });
});

describe('display mode per site', () => {
  it('remembers a site’s mode without its www., forgets it on null, and falls back to the global mode', async () => {
    const { db, send } = setup();
    const reply = await send({ type: 'settings/site-mode', hostname: 'www.news.example.com', mode: 'fact-check' });
    expect(reply).toMatchObject({ ok: true, value: { siteDisplayModes: { 'news.example.com': 'fact-check' } } });
    const settings = await getSettings(db);
    expect(displayModeFor(settings, 'www.news.example.com')).toBe('fact-check');
    expect(displayModeFor(settings, 'wire.example.org')).toBe('read');
    await send({ type: 'settings/site-mode', hostname: 'news.example.com', mode: null });
    expect(displayModeFor(await getSettings(db), 'news.example.com')).toBe('read');
  });
});
