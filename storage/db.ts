import Dexie, { type EntityTable, type Transaction } from 'dexie';
import { authorFromName } from '../detect/article-authors';
import type { Author } from '../detect/types';
import type { Annotation, Article, Settings } from './types';

const DB_NAME = 'newslens';

export interface SettingsRow {
  key: 'settings';
  value: Settings;
}

/**
 * Schema history. Never edit a released version: add a new one with an upgrade, and a test in
 * tests/unit/storage/db-upgrade.test.ts that opens a database written by the previous version.
 * Tombstoned rows have `deletedAt` set; IndexedDB cannot index null, so the `deletedAt` index (v4) lists tombstones only.
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
function upgradeToV2(tx: Transaction): Promise<unknown> {
  return tx
    .table('annotations')
    .toCollection()
    .modify((annotation: Annotation) => {
      annotation.tags = normalizeTags(annotation.tags ?? []);
      if (!annotation.color) annotation.color = 'yellow';
    });
}

/** v3: the same tables and indexes as v2; article rows change shape (authors become records). */
export const SCHEMA_V3 = SCHEMA_V2;

/**
 * Authors stored before v3 were plain strings. Each becomes an author record, a person unless the name is a known
 * organisation or shaped like one ("Associated Press", "Our Foreign Staff"); records already in the new shape stay.
 */
export function upgradeAuthors(authors: readonly unknown[] | undefined): Author[] {
  const records: Author[] = [];
  for (const author of authors ?? []) {
    if (typeof author === 'string') {
      const name = author.trim();
      if (name) records.push(authorFromName(name));
    } else if (typeof author === 'object' && author !== null && typeof (author as Author).name === 'string') {
      const { name, kind } = author as Author;
      records.push({ name, kind: kind === 'organization' ? 'organization' : 'person' });
    }
  }
  return records;
}

/** v3: Article.authors from string[] to Author[] (see upgradeAuthors). */
export function upgradeToV3(tx: Transaction): Promise<unknown> {
  return tx
    .table('articles')
    .toCollection()
    .modify((article: { authors?: unknown[] }) => {
      article.authors = upgradeAuthors(article.authors);
    });
}

/**
 * v4: indexes for "All notes" without reading the library. `deletedAt` holds only tombstones (IndexedDB leaves null
 * out of an index), so live counts are a count minus a count of tombstones; `lastVisitedAt` orders visited articles
 * that have no notes yet. The notes' `kind` index goes: nothing queries it (kinds are filtered in the search index),
 * and every index entry is written with each note — about 1.5 s of Chromium's database time per index when 50,000
 * notes are imported. No row changes shape, so there is no upgrade function: IndexedDB fills and drops indexes itself.
 */
export const SCHEMA_V4 = {
  articles: 'id, &url, updatedAt, siteName, deletedAt, lastVisitedAt',
  annotations: 'id, articleId, updatedAt, *tags, deletedAt',
  settings: 'key',
};

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
    this.version(3).stores(SCHEMA_V3).upgrade(upgradeToV3);
    this.version(4).stores(SCHEMA_V4);
  }
}

let shared: NewsLensDb | undefined;

/** The one database of the extension origin (background, popup, options). Never call this from a content script. */
export function getDb(): NewsLensDb {
  shared ??= new NewsLensDb();
  return shared;
}
