// Merges a parsed JSON backup into the database. The file was fully validated by export/backup.ts parseBackup;
// here we only decide, row by row, which version wins, and write everything in one transaction so an error
// (quota, a constraint) leaves the database exactly as it was.
import type { NewsLensDb } from './db';
import type { Annotation, Article, Synced } from './types';

/** Records written per database request: between chunks the import reports progress and can be cancelled. */
const WRITE_CHUNK = 250;

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
 * Stored rows are looked up `WRITE_CHUNK` at a time (bulkGet by id, one url-index lookup per article) and written with
 * bulkPut in chunks of the same size, so each database request and the work between requests stay short.
 * Throws ImportConflictError when an article in the file has the id of a stored article but an address that another
 * stored article holds (the two cannot both be kept), an AbortError when `options.signal` is aborted, and the
 * browser's QuotaExceededError when the disk is full.
 */
export async function importBackup(db: NewsLensDb, parsed: ParsedBackup, options: ImportOptions = {}): Promise<ImportCounts> {
  return db.transaction('rw', db.articles, db.annotations, async () => {
    const counts: ImportCounts = { articles: emptyCounts(), annotations: emptyCounts() };
    const checkCancelled = () => {
      if (options.signal?.aborted) throw new DOMException('The import was cancelled; nothing was changed.', 'AbortError');
    };
    // The same article saved in another profile has another id but the same normalised URL (a unique index):
    // such articles merge into the stored row, and their annotations follow it.
    const articleIdMap = new Map<string, string>();
    const pendingByUrl = new Map<string, Article>();
    for (const chunk of chunksOf(parsed.articles)) {
      checkCancelled();
      const [byId, byUrl] = await Promise.all([db.articles.bulkGet(chunk.map((a) => a.id)), articlesByUrl(db, chunk.map((a) => a.url))]);
      chunk.forEach((incoming, i) => {
        const stored = pendingByUrl.get(incoming.url) ?? byId[i] ?? byUrl.get(incoming.url);
        if (!stored) {
          pendingByUrl.set(incoming.url, incoming);
          counts.articles.added++;
          return;
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
      });
    }
    const articleWrites = [...pendingByUrl.values()];
    const writtenUrls = new Map(articleWrites.map((article) => [article.id, article.url]));
    for (const chunk of chunksOf(articleWrites)) {
      checkCancelled();
      await refuseUrlClashes(db, chunk, writtenUrls);
    }

    const total = articleWrites.length + parsed.annotations.length;
    let done = 0;
    for (const chunk of chunksOf(articleWrites)) {
      checkCancelled();
      await db.articles.bulkPut(chunk);
      done += chunk.length;
      options.onProgress?.({ done, total });
    }
    for (const chunk of chunksOf(parsed.annotations)) {
      checkCancelled();
      const incoming = chunk.map((a) => {
        const articleId = articleIdMap.get(a.articleId) ?? a.articleId;
        return articleId === a.articleId ? a : { ...a, articleId };
      });
      const stored = await db.annotations.bulkGet(incoming.map((a) => a.id));
      const writes: Annotation[] = [];
      incoming.forEach((annotation, i) => {
        const current = stored[i];
        if (!current) {
          writes.push(annotation);
          counts.annotations.added++;
        } else if (incomingWins(current, annotation)) {
          writes.push(annotation);
          counts.annotations.updated++;
        } else {
          counts.annotations.kept++;
        }
      });
      if (writes.length > 0) await db.annotations.bulkPut(writes);
      done += chunk.length;
      options.onProgress?.({ done, total });
    }
    return counts;
  });
}

function* chunksOf<T>(rows: readonly T[]): Generator<T[]> {
  for (let start = 0; start < rows.length; start += WRITE_CHUNK) yield rows.slice(start, start + WRITE_CHUNK);
}

/**
 * Stored articles holding these addresses, by address. One lookup per address, all in flight at once: IndexedDB
 * answers them in one round, where Dexie's anyOf walks a cursor from key to key.
 */
async function articlesByUrl(db: NewsLensDb, urls: readonly string[]): Promise<Map<string, Article>> {
  const found = await Promise.all([...new Set(urls)].map((url) => db.articles.where('url').equals(url).first()));
  return new Map(found.filter((a): a is Article => a !== undefined).map((a) => [a.url, a]));
}

/**
 * The url index is unique: a row about to be written must not take the address of another stored article (unless that
 * article is itself being moved to another address by this import).
 */
async function refuseUrlClashes(db: NewsLensDb, articles: readonly Article[], writtenUrls: ReadonlyMap<string, string>): Promise<void> {
  const holders = await articlesByUrl(db, articles.map((a) => a.url));
  for (const article of articles) {
    const holder = holders.get(article.url);
    if (!holder || holder.id === article.id) continue;
    const holderMovesTo = writtenUrls.get(holder.id);
    if (holderMovesTo !== undefined && holderMovesTo !== article.url) continue;
    const stored = await db.articles.get(article.id);
    const was = stored ? ` (stored here under ${stored.url})` : '';
    throw new ImportConflictError(
      `Nothing was imported: the backup's article “${article.title || article.url}” has the id of an article you already have${was}, ` +
        `but its address ${article.url} belongs to another stored article, “${holder.title || holder.url}”. ` +
        'Both cannot be kept. Delete one of the two stored articles (and its notes, after exporting them) and import again, ' +
        'or import this backup into a fresh browser profile.',
    );
  }
}
