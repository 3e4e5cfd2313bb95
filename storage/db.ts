import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { Annotation, Article, Settings } from './types';

export const DB_NAME = 'newslens';

export interface SettingsRow {
  key: 'settings';
  value: Settings;
}

/**
 * Schema history. Never edit a released version: add a new one with an upgrade, and a test in
 * tests/unit/storage/db-upgrade.test.ts that opens a database written by the previous version.
 * Tombstoned rows have `deletedAt` set; IndexedDB cannot index null, so "live" filtering is done in code.
 */
export const SCHEMA_V1 = {
  articles: 'id, &url, updatedAt',
  annotations: 'id, articleId, updatedAt',
};

export const SCHEMA_V2 = {
  articles: 'id, &url, updatedAt, siteName',
  annotations: 'id, articleId, updatedAt, kind, *tags',
  settings: 'key',
};

/** v2: tags become a multi-entry index, so they must be normalised first or "#Climate " and "climate" would be two tags. */
export function upgradeToV2(tx: Transaction): Promise<unknown> {
  return tx
    .table('annotations')
    .toCollection()
    .modify((annotation: Annotation) => {
      annotation.tags = normalizeTags(annotation.tags ?? []);
      if (!annotation.color) annotation.color = 'yellow';
    });
}

export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const raw of tags) {
    const tag = raw.trim().replace(/^#+/, '').replace(/\s+/g, '-').toLowerCase();
    if (tag) seen.add(tag);
  }
  return [...seen];
}

export class NewsLensDb extends Dexie {
  articles!: EntityTable<Article, 'id'>;
  annotations!: EntityTable<Annotation, 'id'>;
  settings!: EntityTable<SettingsRow, 'key'>;

  constructor(name: string = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
  }
}

let shared: NewsLensDb | undefined;

/** The one database of the extension origin (background, popup, options). Never call this from a content script. */
export function getDb(): NewsLensDb {
  shared ??= new NewsLensDb();
  return shared;
}
