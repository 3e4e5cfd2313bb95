import { describe, expect, it } from 'vitest';
import { parseContentMessage } from '../../../storage/api';
import { isQuotaError, toStorageError } from '../../../storage/errors';
import { handleContentMessage } from '../../../storage/message-handler';
import { displayModeFor, getSettings } from '../../../storage/settings';
import { fixedDeps, freshDb, target } from './helpers';

const page = {
  pageUrl: 'https://news.example.com/2026/01/29/starmer-xi?utm_source=twitter#comments',
  canonical: 'https://news.example.com/2026/01/29/starmer-xi',
  title: 'Starmer meets Xi',
  siteName: 'The Daily Ledger',
  authors: [{ name: 'Helen Marsh', kind: 'person' }],
  isArticle: true,
  textHash: 'abc',
};
const noAnalyzer = () => ({ entities: [], groups: [], claims: [] });

describe('message validation', () => {
  it('accepts a well-formed visit', () => {
    expect(parseContentMessage({ type: 'page/visit', page, record: true })).toMatchObject({ type: 'page/visit', record: true });
  });

  it.each([
    [{ type: 'db/query', sql: 'SELECT *' }, 'message.type'],
    [{ type: 'page/visit', page: { ...page, pageUrl: 'javascript:alert(1)' }, record: true }, 'page.pageUrl must be an http(s) URL'],
    [{ type: 'annotation/delete', id: '1; drop' }, 'id must be a UUID'],
    [{ type: 'annotation/update', id: '00000000-0000-4000-8000-000000000001', patch: { color: 'red' } }, 'patch.color'],
    [
      {
        type: 'annotation/update',
        id: '00000000-0000-4000-8000-000000000001',
        patch: { claim: { status: 'verified', verdict: 'True', evidence: [{ url: 'javascript:alert(1)', note: '' }] } },
      },
      'patch.claim.evidence[0].url must be an http(s) URL',
    ],
    [{ type: 'page/visit', page: { ...page, authors: ['Helen Marsh'] }, record: true }, 'page.authors[0] must be an object'],
    [{ type: 'page/visit', page: { ...page, authors: [{ name: 'A', kind: 'robot' }] }, record: true }, 'page.authors[0].kind must be one of person, organization'],
    [{ type: 'article/read', id: '00000000-0000-4000-8000-000000000001', index: 0, count: 1, html: 'x'.repeat(200_001) }, 'html is too long'],
    [{ type: 'article/read', id: 'page-1', index: 0, count: 1, html: '<p>x</p>' }, 'id must be a UUID'],
    [{ type: 'annotation/update', id: '00000000-0000-4000-8000-000000000001', patch: { detached: false } }, 'patch.detached must be true'],
    [{ type: 'annotation/update', id: '00000000-0000-4000-8000-000000000001', patch: { target: { quote: 'x' } } }, 'patch.target'],
    [
      {
        type: 'anchors/report',
        articleId: '00000000-0000-4000-8000-000000000001',
        reports: [{ id: '00000000-0000-4000-8000-000000000002', quality: 'changed', confidence: 0.8, found: 42 }],
      },
      'reports[0].found',
    ],
    [{ type: 'settings/site-mode', hostname: 'news.example.com', mode: 'loud' }, 'mode'],
    [{ type: 'settings/site-mode', hostname: 'x'.repeat(300), mode: 'read' }, 'hostname'],
    [null, 'message must be an object'],
    ['page/visit', 'message must be an object'],
  ])('rejects %j', (message, expected) => {
    expect(() => parseContentMessage(message)).toThrow(expected);
  });
});

describe('accepting and detaching a changed note', () => {
  it('accepts a new target, a detach and the text a note was found on', () => {
    const id = '00000000-0000-4000-8000-000000000001';
    expect(parseContentMessage({ type: 'annotation/update', id, patch: { target: target() } })).toMatchObject({ patch: { target: target() } });
    expect(parseContentMessage({ type: 'annotation/update', id, patch: { detached: true } })).toMatchObject({ patch: { detached: true } });
    const report = { id: '00000000-0000-4000-8000-000000000002', quality: 'changed', confidence: 0.8, found: 'new words' };
    expect(parseContentMessage({ type: 'anchors/report', articleId: id, reports: [report] })).toMatchObject({ reports: [report] });
  });
});

describe('message handler', () => {
  it('records a visit under the normalised URL and returns saved annotations', async () => {
    const db = freshDb();
    const deps = fixedDeps();
    const reply = await handleContentMessage(db, { type: 'page/visit', page, record: true }, deps, noAnalyzer);
    expect(reply.ok).toBe(true);
    const value = (reply as { value: { article: { id: string; url: string } } }).value;
    expect(value.article.url).toBe('https://news.example.com/2026/01/29/starmer-xi');
    const created = await handleContentMessage(
      db,
      { type: 'annotation/create', articleId: value.article.id, annotation: { kind: 'highlight', target: target(), color: 'blue' } },
      deps,
      noAnalyzer,
    );
    expect(created).toMatchObject({ ok: true, value: { color: 'blue', kind: 'highlight' } });
    const again = await handleContentMessage(db, { type: 'page/visit', page, record: true }, deps, noAnalyzer);
    expect((again as { value: { annotations: unknown[] } }).value.annotations).toHaveLength(1);
  });

  it('does not store non-article pages the reader has not annotated', async () => {
    const db = freshDb();
    const reply = await handleContentMessage(db, { type: 'page/visit', page: { ...page, isArticle: false }, record: false }, fixedDeps(), noAnalyzer);
    expect(reply).toMatchObject({ ok: true, value: { article: null } });
    expect(await db.articles.count()).toBe(0);
  });

  it('answers an invalid message with an error and changes nothing', async () => {
    const db = freshDb();
    const reply = await handleContentMessage(db, { type: 'annotation/create', articleId: 'x' }, fixedDeps(), noAnalyzer);
    expect(reply).toMatchObject({ ok: false, code: 'invalid' });
    expect(await db.annotations.count()).toBe(0);
  });

  it('reports a quota error as such', async () => {
    const db = freshDb();
    const deps = fixedDeps();
    const reply = await handleContentMessage(db, { type: 'page/visit', page, record: true }, deps, noAnalyzer);
    const articleId = (reply as { value: { article: { id: string } } }).value.article.id;
    const quota = Object.assign(new Error('QuotaExceededError'), { name: 'QuotaExceededError' });
    db.annotations.hook('creating', () => {
      throw quota;
    });
    const failed = await handleContentMessage(
      db,
      { type: 'annotation/create', articleId, annotation: { kind: 'highlight', target: target() } },
      deps,
      noAnalyzer,
    );
    expect(failed).toMatchObject({ ok: false, code: 'quota' });
    expect((failed as { error: string }).error).toMatch(/quota/i);
  });

  it('runs detection through the injected analyzer', async () => {
    const reply = await handleContentMessage(freshDb(), { type: 'detect/run', text: 'Hello', entities: true, claims: false }, fixedDeps(), (text, o) => ({ text, o }));
    expect(reply).toEqual({ ok: true, value: { text: 'Hello', o: { entities: true, claims: false } } });
  });

  it('hands each part of a serialised page to the injected reader, and says so when there is none', async () => {
    const part = { type: 'article/read', id: '00000000-0000-4000-8000-000000000001', index: 1, count: 2, html: '<p>b</p>' };
    const seen: unknown[] = [];
    const reply = await handleContentMessage(freshDb(), part, fixedDeps(), noAnalyzer, (p) => (seen.push(p), 'read'));
    expect(reply).toEqual({ ok: true, value: 'read' });
    expect(seen).toEqual([{ id: part.id, index: 1, count: 2, html: '<p>b</p>', type: 'article/read' }]);
    const without = await handleContentMessage(freshDb(), part, fixedDeps(), noAnalyzer);
    expect(without).toMatchObject({ ok: false });
  });
});

describe('storage errors', () => {
  it('finds a quota error wrapped by Dexie', () => {
    const wrapped = { name: 'AbortError', message: 'Transaction aborted', inner: { name: 'QuotaExceededError', message: 'full' } };
    expect(isQuotaError(wrapped)).toBe(true);
    expect(toStorageError(wrapped).code).toBe('quota');
    expect(toStorageError(new Error('boom')).code).toBe('unknown');
  });
});

describe('display mode per site', () => {
  it('remembers a site’s mode without its www., forgets it on null, and falls back to the global mode', async () => {
    const db = freshDb();
    const reply = await handleContentMessage(db, { type: 'settings/site-mode', hostname: 'www.news.example.com', mode: 'fact-check' }, fixedDeps(), noAnalyzer);
    expect(reply).toMatchObject({ ok: true, value: { siteDisplayModes: { 'news.example.com': 'fact-check' } } });
    const settings = await getSettings(db);
    expect(displayModeFor(settings, 'www.news.example.com')).toBe('fact-check');
    expect(displayModeFor(settings, 'wire.example.org')).toBe('read');
    await handleContentMessage(db, { type: 'settings/site-mode', hostname: 'news.example.com', mode: null }, fixedDeps(), noAnalyzer);
    expect(displayModeFor(await getSettings(db), 'news.example.com')).toBe('read');
  });
});
