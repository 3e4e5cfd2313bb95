// The "All notes" search index of the whole library, loaded from Dexie and kept current. It runs in a worker in the
// extension (components/popup/library-search-worker.ts), so neither loading 50,000 notes nor searching them takes the
// popup's main thread, and the popup holds only the rows it shows. Unit tests run it in-process.
import Dexie, { type IntervalTree, type ObservabilitySet, type Table } from 'dexie';
import { isCancelled, throwIfCancelled } from '../export/slices';
import type { NewsLensDb } from './db';
import {
  listIndexTags,
  listSites,
  searchAnnotations,
  SearchIndex,
  searchPage,
  type ChangedRows,
  type IdGroup,
  type SearchFilters,
} from './search';
import type { Annotation, Article } from './types';

/**
 * Rows per read: about 1 MB of notes, deserialised in 10-20 ms. Pages are read one ahead of the one being folded, so
 * the database and the folding overlap.
 */
const ROWS_PER_READ = 1000;

/**
 * Above this many rows touched at once (an import), reading the library again in pages is cheaper than one bulk read
 * of every touched row and its patch, and keeps each read small.
 */
const RELOAD_ABOVE_ROWS = 5000;

/** Writes arriving within this many ms are applied together (a page visit writes its article, then its notes' anchors). */
const SETTLE_MS = 60;

/** One page of "All notes" as the list shows it, with what the filters offer. */
export interface LibraryPage {
  /** The groups shown for `limit` notes (see `searchPage`). */
  groups: IdGroup[];
  /** All matching notes, shown or not. */
  total: number;
  /** Tags of live notes, most used first. */
  tags: string[];
  /** Sites with live notes, by name. */
  sites: string[];
}

export interface LibraryQuery {
  query: string;
  filters: SearchFilters;
  /** How many notes the list shows (a positive integer). */
  limit: number;
}

/**
 * Every row of `table` in primary-key order, `ROWS_PER_READ` per request, each page handed to `take` while the next
 * one is read. Throws an AbortError when `signal` is aborted.
 */
// The insert type (third parameter) is irrelevant to reading, and EntityTable makes `id` optional there.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function readInPages<T extends { id: string }>(table: Table<T, string, any>, signal: AbortSignal, take: (page: T[]) => void): Promise<void> {
  let page = await table.orderBy(':id').limit(ROWS_PER_READ).toArray();
  while (page.length) {
    throwIfCancelled(signal);
    const last = page[page.length - 1] as T;
    const next = page.length < ROWS_PER_READ ? Promise.resolve([]) : table.where(':id').above(last.id).limit(ROWS_PER_READ).toArray();
    take(page);
    page = await next;
  }
  throwIfCancelled(signal);
}

/**
 * Builds the search index of the whole library a page of rows at a time (see `readInPages`). Rows written while it
 * reads may be seen or not; `LibrarySearch` applies writes that arrive meanwhile afterwards.
 * Throws an AbortError when `signal` is aborted.
 */
export async function loadSearchIndexInPages(db: NewsLensDb, signal: AbortSignal): Promise<SearchIndex> {
  const index = new SearchIndex();
  await readInPages(db.articles, signal, (page) => index.addArticles(page));
  await readInPages(db.annotations, signal, (page) => index.addNotes(page));
  return index;
}

/** What a committed write touched in one table: the primary keys it names, or 'all' for a range (a clear, a bulk delete). */
type TouchedKeys = Set<string> | 'all';

/** Primary keys named by an interval tree of single keys; false when it holds a real range (the keys are unknown). */
function singleKeys(tree: IntervalTree, into: Set<string>): boolean {
  const stack: IntervalTree[] = [tree];
  while (stack.length) {
    const node = stack.pop() as IntervalTree & { from?: unknown; to?: unknown; l?: IntervalTree | null; r?: IntervalTree | null };
    if (!node || node.d === 0) continue;
    if (typeof node.from !== 'string' || node.from !== node.to) return false;
    into.add(node.from);
    if (node.l) stack.push(node.l);
    if (node.r) stack.push(node.r);
  }
  return true;
}

/** The keys of `table` that a `storagemutated` notification says were written (Dexie part `idb://db/table/`). */
function touched(parts: ObservabilitySet, dbName: string, table: string): TouchedKeys {
  const keys = new Set<string>();
  const prefix = `idb://${dbName}/${table}/`;
  for (const [part, tree] of Object.entries(parts)) {
    // '' is the primary key of put rows, ':dels' of deleted ones; index parts repeat the same writes.
    if (part !== prefix && part !== `${prefix}:dels`) continue;
    if (!singleKeys(tree, keys)) return 'all';
  }
  return keys;
}

function union(a: TouchedKeys, b: TouchedKeys): TouchedKeys {
  if (a === 'all' || b === 'all' || a.size + b.size > RELOAD_ABOVE_ROWS) return 'all';
  return new Set([...a, ...b]);
}

/** Reads the touched rows again, and every stored note of a touched article the index did not hold. */
async function readChanged(db: NewsLensDb, index: SearchIndex, articleIds: Set<string>, annotationIds: Set<string>): Promise<ChangedRows> {
  const articleRows = await db.articles.bulkGet([...articleIds]);
  const articles = new Map<string, Article | undefined>([...articleIds].map((id, i) => [id, articleRows[i]]));
  const annotationRows = await db.annotations.bulkGet([...annotationIds]);
  const annotations = new Map<string, Annotation | undefined>([...annotationIds].map((id, i) => [id, annotationRows[i]]));
  for (const [id, row] of articles) {
    if (!row || row.deletedAt || index.holdsArticle(id)) continue;
    for (const note of await db.annotations.where('articleId').equals(id).toArray()) annotations.set(note.id, note);
  }
  return { articles, annotations };
}

/**
 * The search index of `db`'s whole library: loaded in pages when constructed, then kept current: each committed write
 * (in this context or, through Dexie's cross-context `storagemutated` event, in the popup, side panel or background) is
 * applied by reading only the rows it touched; a write over a key range (a table cleared) reloads everything, in pages.
 * `onChange` is called after each applied write. Call `close` when done.
 */
export class LibrarySearch {
  private index: SearchIndex | undefined;
  private readonly controller = new AbortController();
  private pending: { articles: TouchedKeys; annotations: TouchedKeys } = { articles: new Set(), annotations: new Set() };
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> = Promise.resolve();
  private failure: unknown;
  /** Tags and sites of the current index, counted once per change rather than on every keystroke. */
  private facets: { tags: string[]; sites: string[] } | undefined;
  private readonly onMutated = (parts: ObservabilitySet) => this.noteWrite(parts);

  constructor(
    private readonly db: NewsLensDb,
    private readonly onChange: () => void = () => {},
  ) {
    // Subscribed before the first read, so a write committed while the pages are read is applied after them.
    Dexie.on('storagemutated', this.onMutated);
    void this.step(async () => {
      this.index = await loadSearchIndexInPages(db, this.controller.signal);
      await this.applyPending();
    });
  }

  /**
   * The page of results for `request`, once the index is loaded and every write noticed so far is applied.
   * Rejects with the error that stopped loading or applying a write (a failed read).
   */
  async query(request: LibraryQuery): Promise<LibraryPage> {
    const index = await this.current();
    const { groups, total } = searchPage(index, request.query, request.filters, request.limit);
    this.facets ??= { tags: listIndexTags(index), sites: listSites(index) };
    return { groups, total, ...this.facets };
  }

  /** Ids of every note matching `query` and `filters` (for "Select all" and "export what this search shows"). */
  async matchingIds(query: string, filters: SearchFilters): Promise<string[]> {
    const result = searchAnnotations(await this.current(), query, filters);
    return result.groups.flatMap((group) => group.annotationIds);
  }

  close(): void {
    this.controller.abort();
    clearTimeout(this.timer);
    Dexie.on('storagemutated').unsubscribe(this.onMutated);
  }

  private async current(): Promise<SearchIndex> {
    await this.running;
    if (this.failure !== undefined) throw this.failure;
    return this.index as SearchIndex;
  }

  /** One load or patch at a time, in order: a patch must apply to the index the previous step left. */
  private step(work: () => Promise<void>): Promise<void> {
    this.running = this.running.then(work).then(
      () => {
        this.failure = undefined;
      },
      (error: unknown) => {
        if (!isCancelled(error)) this.failure = error;
      },
    );
    return this.running;
  }

  private noteWrite(parts: ObservabilitySet): void {
    const articles = touched(parts, this.db.name, 'articles');
    const annotations = touched(parts, this.db.name, 'annotations');
    if (articles !== 'all' && annotations !== 'all' && !articles.size && !annotations.size) return;
    this.pending = { articles: union(this.pending.articles, articles), annotations: union(this.pending.annotations, annotations) };
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.step(() => this.applyPending()).then(() => this.onChange());
    }, SETTLE_MS);
  }

  /** Applies the writes noticed so far; the index may change, so the tags and sites are counted again when asked. */
  private async applyPending(): Promise<void> {
    this.facets = undefined;
    const work = this.pending;
    this.pending = { articles: new Set(), annotations: new Set() };
    if (!this.index) return;
    if (work.articles === 'all' || work.annotations === 'all') {
      this.index = await loadSearchIndexInPages(this.db, this.controller.signal);
      return;
    }
    if (!work.articles.size && !work.annotations.size) return;
    this.index.apply(await readChanged(this.db, this.index, work.articles, work.annotations));
  }
}
