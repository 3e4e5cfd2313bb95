// Versioned JSON backup. The file is deterministic (records sorted by id, keys sorted, exportedAt taken from the
// bundle rather than the clock), so export -> wipe -> import -> export with the same exportedAt gives the same bytes.
// Import validates the whole file before returning anything: the caller merges in one transaction, and a bad file
// must change nothing.
import type { Annotation, Article } from '../storage/types';
import { compareStrings, type ExportBundle } from './bundle';
import { canonicalJson } from './canonical-json';
import { BackupError, annotationAt, articleAt, integerAt, isoTimeAt, listAt } from './backup-validate';

export const BACKUP_FORMAT = 'newslens-backup';
/** 2: article authors are `{ name, kind }` records (version 1 files, with plain-string authors, still import). */
export const BACKUP_VERSION = 2;

/** Far above any real reading history; stops a huge file from freezing the popup while it is parsed. */
export const MAX_BACKUP_CHARS = 200_000_000;
const MAX_ARTICLES = 100_000;
const MAX_ANNOTATIONS = 1_000_000;

export type ParseResult =
  | { ok: true; articles: Article[]; annotations: Annotation[]; exportedAt: string }
  | { ok: false; error: string };

export function toBackupJson(bundle: ExportBundle): string {
  const byId = <T extends { id: string }>(a: T, b: T) => compareStrings(a.id, b.id);
  // Header fields first so a person (or a sniffing tool) opening the file sees what it is.
  const header = `{\n  "format": ${JSON.stringify(BACKUP_FORMAT)},\n  "version": ${BACKUP_VERSION},\n  "exportedAt": ${JSON.stringify(bundle.exportedAt)},\n`;
  const body = canonicalJson({
    annotations: [...bundle.annotations].sort(byId),
    articles: [...bundle.articles].sort(byId),
  });
  return `${header}${body.slice(2)}\n`;
}

export function parseBackup(text: string): ParseResult {
  try {
    return { ok: true, ...readBackup(text) };
  } catch (error) {
    if (error instanceof BackupError) return { ok: false, error: error.message };
    throw error;
  }
}

function readBackup(text: string): { articles: Article[]; annotations: Annotation[]; exportedAt: string } {
  if (text.length > MAX_BACKUP_CHARS) {
    throw new BackupError(`The file is too large to be a NewsLens backup (${text.length} characters; the limit is ${MAX_BACKUP_CHARS}).`);
  }
  const json = text.replace(/^\uFEFF/, '');
  if (json.trim() === '') throw new BackupError('The file is empty.');
  const root = objectRoot(parseJson(json));
  checkHeader(root);
  const exportedAt = isoTimeAt(root.exportedAt, 'exportedAt');
  const articles = listAt(root.articles, 'articles', MAX_ARTICLES).map((item, i) => articleAt(item, `articles[${i}]`));
  const annotations = listAt(root.annotations, 'annotations', MAX_ANNOTATIONS).map((item, i) =>
    annotationAt(item, `annotations[${i}]`),
  );
  checkUniqueIds(articles, 'articles');
  checkUniqueIds(annotations, 'annotations');
  const articleIds = new Set(articles.map((article) => article.id));
  annotations.forEach((annotation, i) => {
    if (!articleIds.has(annotation.articleId)) {
      throw new BackupError(`annotations[${i}].articleId points to an article that is not in the file (${annotation.articleId})`);
    }
  });
  return { articles, annotations, exportedAt };
}

function parseJson(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    if (/end of (JSON )?input|unterminated|unexpected end/i.test(detail)) {
      throw new BackupError(`The file is cut off: it ends in the middle of the data (${detail}). Was the download or copy interrupted?`);
    }
    throw new BackupError(`The file is not valid JSON: ${detail}`);
  }
}

function objectRoot(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BackupError('This is not a NewsLens backup: the file should hold one JSON object with "format": "newslens-backup".');
  }
  return value as Record<string, unknown>;
}

function checkHeader(root: Record<string, unknown>): void {
  if (root.format !== BACKUP_FORMAT) {
    const found = root.format === undefined ? 'it has no "format" field' : `its format is ${JSON.stringify(root.format)}`;
    throw new BackupError(`This is not a NewsLens backup: ${found} (expected "${BACKUP_FORMAT}").`);
  }
  const version = integerAt(root.version, 'version', 1, Number.MAX_SAFE_INTEGER);
  if (version > BACKUP_VERSION) {
    throw new BackupError(
      `This backup was made by a newer NewsLens (backup version ${version}); this version reads backups up to version ${BACKUP_VERSION}. Update the extension and try again.`,
    );
  }
}

function checkUniqueIds(records: ReadonlyArray<{ id: string }>, listName: string): void {
  const firstIndex = new Map<string, number>();
  records.forEach((record, i) => {
    const earlier = firstIndex.get(record.id);
    if (earlier !== undefined) throw new BackupError(`${listName}[${i}].id repeats the id of ${listName}[${earlier}] (${record.id})`);
    firstIndex.set(record.id, i);
  });
}
