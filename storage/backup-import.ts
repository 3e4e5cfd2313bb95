// Merges a parsed JSON backup into the database. The file was fully validated by export/backup.ts parseBackup;
// here we only decide, row by row, which version wins, and write everything in one transaction so an error
// (quota, a constraint) leaves the database exactly as it was.
import type { NewsLensDb } from './db';
import type { Annotation, Article, Synced } from './types';

/** Records written per database request: between chunks the import reports progress and can be cancelled. */
const WRITE_CHUNK = 250;
/**
 * Write requests left in flight while the next chunk is prepared. IndexedDB runs a transaction's requests in order in
 * the browser's database process; with one chunk awaited before the next is sent, that process and this thread take
 * turns and each waits half the time. With three chunks (750 rows) queued, the database process always has the next
 * one while this thread prepares another. (In Chromium the database process is then the slower side: for a
 * 55,000-row import its CPU time was about the whole import's wall-clock time.)
 */
const CHUNKS_IN_FLIGHT = 3;

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
 * The stored primary keys of both tables are read first (one getAllKeys each), so only rows the database holds are
 * looked up: into an empty database, or with a file of new notes, nothing is. Stored articles are then looked up
 * `WRITE_CHUNK` at a time (bulkGet by id, one url-index lookup per address, skipped when no article is stored) and
 * everything is written with bulkPut in chunks of the same size, up to `CHUNKS_IN_FLIGHT` chunks at a time, so each
 * database request and the work between requests stay short.
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
    const [storedArticleIds, storedAnnotationIds] = await Promise.all([
      db.articles.toCollection().primaryKeys(),
      db.annotations.toCollection().primaryKeys(),
    ]);
    const articleIdsStored = new Set<string>(storedArticleIds);
    const annotationIdsStored = new Set<string>(storedAnnotationIds);
    // The same article saved in another profile has another id but the same normalised URL (a unique index):
    // such articles merge into the stored row, and their annotations follow it.
    const articleIdMap = new Map<string, string>();
    const pendingByUrl = new Map<string, Article>();
    // Stored articles by address, as they were before this import wrote anything (every address of the file is looked up).
    const storedByUrl = new Map<string, Article>();
    for (const chunk of chunksOf(parsed.articles)) {
      checkCancelled();
      const [byId, byUrl] = await Promise.all([
        storedRows(db.articles, chunk, articleIdsStored),
        articleIdsStored.size > 0 ? articlesByUrl(db, chunk.map((a) => a.url)) : new Map<string, Article>(),
      ]);
      for (const [url, article] of byUrl) storedByUrl.set(url, article);
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
    await refuseUrlClashes(db, articleWrites, storedByUrl);

    const total = articleWrites.length + parsed.annotations.length;
    let done = 0;
    const writes = new WriteQueue((written) => {
      done += written;
      options.onProgress?.({ done, total });
      checkCancelled();
    });
    for (const chunk of chunksOf(articleWrites)) {
      checkCancelled();
      await writes.add(db.articles.bulkPut(chunk), chunk.length);
    }
    for (const chunk of chunksOf(parsed.annotations)) {
      checkCancelled();
      const incoming = chunk.map((a) => {
        const articleId = articleIdMap.get(a.articleId) ?? a.articleId;
        return articleId === a.articleId ? a : { ...a, articleId };
      });
      const stored = await storedRows(db.annotations, incoming, annotationIdsStored);
      const changed: Annotation[] = [];
      incoming.forEach((annotation, i) => {
        const current = stored[i];
        if (!current) {
          changed.push(annotation);
          counts.annotations.added++;
        } else if (incomingWins(current, annotation)) {
          changed.push(annotation);
          counts.annotations.updated++;
        } else {
          counts.annotations.kept++;
        }
      });
      await writes.add(changed.length > 0 ? db.annotations.bulkPut(changed) : Promise.resolve(), chunk.length);
    }
    await writes.drain();
    return counts;
  });
}

/**
 * Chunks written and not yet confirmed, oldest first. `add` waits for the oldest once `CHUNKS_IN_FLIGHT` are pending;
 * each confirmed chunk is passed to `onWritten` in order (which may throw to stop the import).
 */
class WriteQueue {
  private readonly pending: Array<{ write: Promise<unknown>; rows: number }> = [];

  constructor(private readonly onWritten: (rows: number) => void) {}

  async add(write: Promise<unknown>, rows: number): Promise<void> {
    // A chunk that fails while an older one is awaited still fails the import, when its turn comes; until then its
    // rejection is not "unhandled" (the transaction is aborted by the first failure either way).
    write.catch(() => undefined);
    this.pending.push({ write, rows });
    if (this.pending.length >= CHUNKS_IN_FLIGHT) await this.settleOldest();
  }

  async drain(): Promise<void> {
    while (this.pending.length > 0) await this.settleOldest();
  }

  private async settleOldest(): Promise<void> {
    const oldest = this.pending.shift()!;
    await oldest.write;
    this.onWritten(oldest.rows);
  }
}

/** The stored row for each of `rows` (by id, in order), reading only the ids in `storedIds`; undefined where none is stored. */
async function storedRows<T extends { id: string }>(
  table: { bulkGet(ids: string[]): Promise<Array<T | undefined>> },
  rows: readonly T[],
  storedIds: ReadonlySet<string>,
): Promise<Array<T | undefined>> {
  const positions: number[] = [];
  rows.forEach((row, i) => {
    if (storedIds.has(row.id)) positions.push(i);
  });
  const found: Array<T | undefined> = new Array<T | undefined>(rows.length);
  if (positions.length === 0) return found;
  const stored = await table.bulkGet(positions.map((i) => rows[i]!.id));
  positions.forEach((position, k) => {
    found[position] = stored[k];
  });
  return found;
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
 * article is itself being moved to another address by this import). `storedByUrl` holds the stored articles at every
 * address of the file, read before anything was written.
 */
async function refuseUrlClashes(db: NewsLensDb, articles: readonly Article[], storedByUrl: ReadonlyMap<string, Article>): Promise<void> {
  if (storedByUrl.size === 0) return;
  const writtenUrls = new Map(articles.map((article) => [article.id, article.url]));
  for (const article of articles) {
    const holder = storedByUrl.get(article.url);
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
