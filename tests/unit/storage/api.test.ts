import { describe, expect, it } from 'vitest';
import { parseContentMessage } from '../../../storage/api';
import { isQuotaError, toStorageError } from '../../../storage/errors';
import { target } from '../../support/storage';

const page = {
  pageUrl: 'https://news.example.com/2026/01/29/starmer-xi?utm_source=twitter#comments',
  canonical: 'https://news.example.com/2026/01/29/starmer-xi',
  title: 'Starmer meets Xi',
  siteName: 'The Daily Ledger',
  authors: [{ name: 'Helen Marsh', kind: 'person' }],
  isArticle: true,
  textHash: 'abc',
};

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

describe('storage errors', () => {
  it('finds a quota error wrapped by Dexie', () => {
    const wrapped = { name: 'AbortError', message: 'Transaction aborted', inner: { name: 'QuotaExceededError', message: 'full' } };
    expect(isQuotaError(wrapped)).toBe(true);
    expect(toStorageError(wrapped).code).toBe('quota');
    expect(toStorageError(new Error('boom')).code).toBe('unknown');
  });
});
