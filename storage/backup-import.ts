// Merges a parsed JSON backup into the database. The file was fully validated by export/backup.ts parseBackup;
// here we only decide, row by row, which version wins, and write everything in one transaction so an error
// (quota, a constraint) leaves the database exactly as it was.
import type { NewsLensDb } from './db';
import type { Annotation, Article, Synced } from './types';

/** Records written per database request: between chunks the import reports progress and can be cancelled. */
const WRITE_CHUNK = 500;

export interface ImportOptions {
  /** Cancels before the next chunk; the transaction is aborted, so nothing of the file is kept. */
  signal?: AbortSignal;
  /** Records written so far out of all records to write. */
  onProgress?: (progress: { done: number; total: number }) => void;
}

/** A backup that cannot be merged as it is; the message says what clashed and what the reader can do. */
export class ImportConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportConflictError';
  }
}

export interface ParsedBackup {
  articles: readonly Article[];
  annotations: readonly Annotation[];
}

export interface MergeCounts {
  added: number;
  updated: number;
  /** The stored row was as new or newer, so it was kept. */
  kept: number;
}

export interface ImportCounts {
  articles: MergeCounts;
  annotations: MergeCounts;
}

function emptyCounts(): MergeCounts {
  return { added: 0, updated: 0, kept: 0 };
}

/** Newer `updatedAt` wins; on a tie the stored row stays, so importing the same file twice changes nothing. */
function incomingWins(stored: Synced, incoming: Synced): boolean {
  return Date.parse(incoming.updatedAt) > Date.parse(stored.updatedAt);
}

/**
 * Merges `parsed` into the database in one transaction: all of it or, on any error or cancellation, none of it.
 * Throws ImportConflictError when an article in the file has the id of a stored article but an address that another
 * stored article holds (the two cannot both be kept), and an AbortError when `options.signal` is aborted.
 */
export async function importBackup(db: NewsLensDb, parsed: ParsedBackup, options: ImportOptions = {}): Promise<ImportCounts> {
  return db.transaction('rw', db.articles, db.annotations, async () => {
    const counts: ImportCounts = { articles: emptyCounts(), annotations: emptyCounts() };
    // The same article saved in another profile has another id but the same normalised URL (a unique index):
    // such articles merge into the stored row, and their annotations follow it.
    const articleIdMap = new Map<string, string>();
    const pendingByUrl = new Map<string, Article>();
    for (const incoming of parsed.articles) {
      const stored =
        pendingByUrl.get(incoming.url) ??
        (await db.articles.get(incoming.id)) ??
        (await db.articles.where('url').equals(incoming.url).first());
      if (!stored) {
        pendingByUrl.set(incoming.url, incoming);
        counts.articles.added++;
        continue;
      }
      if (stored.id !== incoming.id) articleIdMap.set(incoming.id, stored.id);
      if (incomingWins(stored, incoming)) {
        const wasPending = pendingByUrl.has(stored.url);
        pendingByUrl.delete(stored.url);
        pendingByUrl.set(incoming.url, { ...incoming, id: stored.id });
        if (!wasPending) counts.articles.updated++;
      } else {
        counts.articles.kept++;
      }
    }
    const articleWrites = [...pendingByUrl.values()];
    const writtenUrls = new Map(articleWrites.map((article) => [article.id, article.url]));
    for (const article of articleWrites) await refuseUrlClash(db, article, writtenUrls);

    const annotations = parsed.annotations.map((a) => {
      const articleId = articleIdMap.get(a.articleId) ?? a.articleId;
      return articleId === a.articleId ? a : { ...a, articleId };
    });
    const storedAnnotations = await db.annotations.bulkGet(annotations.map((a) => a.id));
    const annotationWrites: Annotation[] = [];
    annotations.forEach((incoming, i) => {
      const stored = storedAnnotations[i];
      if (!stored) {
        annotationWrites.push(incoming);
        counts.annotations.added++;
      } else if (incomingWins(stored, incoming)) {
        annotationWrites.push(incoming);
        counts.annotations.updated++;
      } else {
        counts.annotations.kept++;
      }
    });
    const total = articleWrites.length + annotationWrites.length;
    let done = 0;
    const writeInChunks = async <T>(rows: T[], put: (chunk: T[]) => Promise<unknown>) => {
      for (let start = 0; start < rows.length; start += WRITE_CHUNK) {
        if (options.signal?.aborted) throw new DOMException('The import was cancelled; nothing was changed.', 'AbortError');
        const chunk = rows.slice(start, start + WRITE_CHUNK);
        await put(chunk);
        done += chunk.length;
        options.onProgress?.({ done, total });
      }
    };
    await writeInChunks(articleWrites, (chunk) => db.articles.bulkPut(chunk));
    await writeInChunks(annotationWrites, (chunk) => db.annotations.bulkPut(chunk));
    return counts;
  });
}

/**
 * The url index is unique: a row about to be written must not take the address of another stored article (unless that
 * article is itself being moved to another address by this import).
 */
async function refuseUrlClash(db: NewsLensDb, article: Article, writtenUrls: ReadonlyMap<string, string>): Promise<void> {
  const holder = await db.articles.where('url').equals(article.url).first();
  if (!holder || holder.id === article.id) return;
  const holderMovesTo = writtenUrls.get(holder.id);
  if (holderMovesTo !== undefined && holderMovesTo !== article.url) return;
  const stored = await db.articles.get(article.id);
  const was = stored ? ` (stored here under ${stored.url})` : '';
  throw new ImportConflictError(
    `Nothing was imported: the backup's article “${article.title || article.url}” has the id of an article you already have${was}, ` +
      `but its address ${article.url} belongs to another stored article, “${holder.title || holder.url}”. ` +
      'Both cannot be kept. Delete one of the two stored articles (and its notes, after exporting them) and import again, ' +
      'or import this backup into a fresh browser profile.',
  );
}
