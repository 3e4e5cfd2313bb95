// Versioned JSON backup. The file is deterministic (records sorted by id, keys sorted, exportedAt taken from the
// bundle rather than the clock), so export -> wipe -> import -> export with the same exportedAt gives the same bytes.
// Import validates the whole file before returning anything: the caller merges in one transaction, and a bad file
// must change nothing.
import type { Annotation, Article } from '../storage/types';
import { compareStrings, type ExportBundle } from './bundle';
import { canonicalJson } from './canonical-json';
import { BackupError, annotationAt, articleAt, integerAt, isoTimeAt, listAt } from './backup-validate';
import { mapInSlices, type SliceOptions } from './slices';
import { TextBlobWriter } from './output';
import { forEachInSlices, type ExportSource } from './source';

export const BACKUP_FORMAT = 'newslens-backup';
/** 2: authors are `{ name, kind }` records and targets may carry a document selector; version 1 files still import. */
export const BACKUP_VERSION = 2;

/** Far above any real reading history; stops a huge file from freezing the popup while it is parsed. */
export const MAX_BACKUP_CHARS = 200_000_000;
const MAX_ARTICLES = 100_000;
const MAX_ANNOTATIONS = 1_000_000;

export type ParseResult =
  | { ok: true; articles: Article[]; annotations: Annotation[]; exportedAt: string }
  | { ok: false; error: string };

export function toBackupJson(bundle: ExportBundle): string {
  const sorted = sortedRecords(bundle);
  return assembleBackup(bundle.exportedAt, sorted.annotations.map(recordJson), sorted.articles.map(recordJson));
}

/**
 * toBackupJson read from `source` a page at a time (annotations, then articles, each in id order), in slices that yield
 * to the event loop, with progress (records) and cancellation; the same bytes as toBackupJson of the same records.
 */
export async function toBackupJsonInSlices(source: ExportSource, slices: SliceOptions = {}): Promise<Blob> {
  const counts = await source.counts();
  const total = counts.annotations + counts.articles;
  const onProgress = slices.onProgress;
  const out = new TextBlobWriter();
  const frame = backupFrame(source.exportedAt);
  out.write(frame.head);
  let annotations = 0;
  await forEachInSlices(source.annotationsById(), total, (record) => out.write(listItem(annotations++, recordJson(record))), {
    ...slices,
    ...(onProgress ? { onProgress: ({ done }) => onProgress({ done, total }) } : {}),
  });
  out.write(listEnd(annotations) + frame.between);
  let articles = 0;
  await forEachInSlices(source.articlesById(), total, (record) => out.write(listItem(articles++, recordJson(record))), {
    ...slices,
    ...(onProgress ? { onProgress: ({ done }) => onProgress({ done: annotations + done, total: Math.max(total, annotations + done) }) } : {}),
  });
  out.write(listEnd(articles) + frame.end);
  return out.toBlob('application/json');
}

function sortedRecords(bundle: ExportBundle): { annotations: Annotation[]; articles: Article[] } {
  const byId = <T extends { id: string }>(a: T, b: T) => compareStrings(a.id, b.id);
  return { annotations: [...bundle.annotations].sort(byId), articles: [...bundle.articles].sort(byId) };
}

/** One record as canonical JSON, indented to sit inside its list (two levels down). */
function recordJson(record: Annotation | Article): string {
  return canonicalJson(record).replace(/^/gm, '    ');
}

function assembleBackup(exportedAt: string, annotations: string[], articles: string[]): string {
  const list = (items: string[]) => items.map((item, i) => listItem(i, item)).join('') + listEnd(items.length);
  const frame = backupFrame(exportedAt);
  return `${frame.head}${list(annotations)}${frame.between}${list(articles)}${frame.end}`;
}

/**
 * The file around its two lists. Header fields first so a person (or a sniffing tool) opening the file sees what it
 * is; then the lists in key order, as canonical JSON would write them.
 */
function backupFrame(exportedAt: string): { head: string; between: string; end: string } {
  const head = ['{', `  "format": ${JSON.stringify(BACKUP_FORMAT)},`, `  "version": ${BACKUP_VERSION},`, `  "exportedAt": ${JSON.stringify(exportedAt)},`, '  "annotations": '];
  return { head: head.join('\n'), between: ',\n  "articles": ', end: '\n}\n' };
}

/** The `index`th record of a list, with what comes before it: the list's opening bracket or a comma. */
function listItem(index: number, recordJson: string): string {
  return `${index === 0 ? '[\n' : ',\n'}${recordJson}`;
}

/** The end of a list of `count` records ("[]" when there were none). */
function listEnd(count: number): string {
  return count === 0 ? '[]' : '\n  ]';
}

export function parseBackup(text: string): ParseResult {
  try {
    const root = readRoot(text);
    const articles = listAt(root.articles, 'articles', MAX_ARTICLES).map((item, i) => articleAt(item, `articles[${i}]`));
    const annotations = listAt(root.annotations, 'annotations', MAX_ANNOTATIONS).map((item, i) => annotationAt(item, `annotations[${i}]`));
    return { ok: true, ...checkRecords(root, articles, annotations) };
  } catch (error) {
    if (error instanceof BackupError) return { ok: false, error: error.message };
    throw error;
  }
}

/**
 * parseBackup with the per-record checks done in slices that yield to the event loop, with progress (records) and
 * cancellation (AbortError). JSON.parse itself is one step: the file must be read whole to know it is complete.
 */
export async function parseBackupInSlices(text: string, slices: SliceOptions = {}): Promise<ParseResult> {
  try {
    const root = readRoot(text);
    const articlesIn = listAt(root.articles, 'articles', MAX_ARTICLES);
    const annotationsIn = listAt(root.annotations, 'annotations', MAX_ANNOTATIONS);
    const total = articlesIn.length + annotationsIn.length;
    const onProgress = slices.onProgress;
    const articles = await mapInSlices(articlesIn, (item, i) => articleAt(item, `articles[${i}]`), {
      ...slices,
      ...(onProgress ? { onProgress: ({ done }) => onProgress({ done, total }) } : {}),
    });
    const annotations = await mapInSlices(annotationsIn, (item, i) => annotationAt(item, `annotations[${i}]`), {
      ...slices,
      ...(onProgress ? { onProgress: ({ done }) => onProgress({ done: articlesIn.length + done, total }) } : {}),
    });
    return { ok: true, ...checkRecords(root, articles, annotations) };
  } catch (error) {
    if (error instanceof BackupError) return { ok: false, error: error.message };
    throw error;
  }
}

function readRoot(text: string): Record<string, unknown> {
  if (text.length > MAX_BACKUP_CHARS) {
    throw new BackupError(`The file is too large to be a NewsLens backup (${text.length} characters; the limit is ${MAX_BACKUP_CHARS}).`);
  }
  const json = text.replace(/^\uFEFF/, '');
  if (json.trim() === '') throw new BackupError('The file is empty.');
  const root = objectRoot(parseJson(json));
  checkHeader(root);
  return root;
}

function checkRecords(
  root: Record<string, unknown>,
  articles: Article[],
  annotations: Annotation[],
): { articles: Article[]; annotations: Annotation[]; exportedAt: string } {
  const exportedAt = isoTimeAt(root.exportedAt, 'exportedAt');
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
