import { NewsLensDb } from '../../storage/db';
import type { StorageDeps } from '../../storage/deps';
import type { PageVisit } from '../../storage/articles';

let counter = 0;

/** A fresh database per test (fake-indexeddb) and deterministic time and ids. */
export function freshDb(): NewsLensDb {
  counter += 1;
  return new NewsLensDb(`test-${counter}-${Math.random().toString(36).slice(2)}`);
}

export function fixedDeps(start = Date.parse('2026-01-29T10:00:00Z')): StorageDeps & { tick(ms?: number): void } {
  let now = start;
  let id = 0;
  return {
    now: () => new Date(now),
    uuid: () => `00000000-0000-4000-8000-${String(++id).padStart(12, '0')}`,
    tick(ms = 1000) {
      now += ms;
    },
  };
}

export function visit(overrides: Partial<PageVisit> = {}): PageVisit {
  return {
    url: 'https://news.example.com/2026/01/29/starmer-xi',
    title: 'Starmer meets Xi',
    siteName: 'The Daily Ledger',
    authors: [{ name: 'Helen Marsh', kind: 'person' }],
    publishedAt: '2026-01-29T07:04:12.000Z',
    isArticle: true,
    textHash: 'hash-1',
    ...overrides,
  };
}

export function target(exact = 'the first UK prime minister to visit China in eight years', start = 120) {
  return {
    source: 'https://news.example.com/2026/01/29/starmer-xi',
    quote: { type: 'TextQuoteSelector' as const, exact, prefix: 'Starmer, ', suffix: ', is expected to sign' },
    position: { type: 'TextPositionSelector' as const, start, end: start + exact.length },
  };
}
