// The "All notes" search index, loaded without freezing the popup and kept current without reloading it.
// A large library (50,000 notes) used to be read in one request, built in one task and rebuilt on every write
// anywhere (a page visited in another tab): half-second to second-long freezes. Here the rows are read a page at a
// time with a yield between pages, and each later write is applied by reading only the rows it touched.
import Dexie, { type IntervalTree, type ObservabilitySet, type Table } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { isCancelled, throwIfCancelled, yieldToEventLoop } from '../../export/slices';
import type { NewsLensDb } from '../../storage/db';
import { indexedArticleIds, patchSearchIndex, SearchIndexBuilder, type ChangedRows, type SearchIndex } from '../../storage/search';
import type { Annotation, Article } from '../../storage/types';
import type { LiveQueryState } from '../shared/use-live-query';

/**
 * Rows per read. A page of 1,000 notes (about 1 MB) is deserialised in roughly 10-20 ms in Chromium, well under the
 * 50 ms long-task threshold (W3C Long Tasks API), and 50 pages for 50,000 notes keep the per-request overhead small.
 */
const ROWS_PER_READ = 1000;

/** Writes arriving within this many ms are applied together (a page visit writes its article, then its notes' anchors). */
const SETTLE_MS = 60;

/**
 * Every row of `table` in primary-key order, `ROWS_PER_READ` per request, each page handed to `take` and followed by a
 * yield to the event loop. Throws an AbortError when `signal` is aborted.
 */
// The insert type (third parameter) is irrelevant to reading, and EntityTable makes `id` optional there.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function readInPages<T extends { id: string }>(table: Table<T, string, any>, signal: AbortSignal, take: (page: T[]) => void): Promise<void> {
  let page = await table.orderBy(':id').limit(ROWS_PER_READ).toArray();
  while (page.length) {
    take(page);
    await yieldToEventLoop();
    throwIfCancelled(signal);
    if (page.length < ROWS_PER_READ) break;
    const last = page[page.length - 1] as T;
    page = await table.where(':id').above(last.id).limit(ROWS_PER_READ).toArray();
  }
}

/**
 * Builds the search index from the whole library in slices: no single task reads or folds more than one page of rows.
 * Rows written while it reads may be seen or not; the caller applies writes that arrive meanwhile afterwards.
 * Throws an AbortError when `signal` is aborted.
 */
export async function loadSearchIndexInPages(db: NewsLensDb, signal: AbortSignal): Promise<SearchIndex> {
  const articles: Article[] = [];
  await readInPages(db.articles, signal, (page) => articles.push(...page));
  const builder = new SearchIndexBuilder(articles);
  await readInPages(db.annotations, signal, (page) => builder.add(page));
  return builder.finish();
}

/** What a committed write touched in one table: the primary keys it names, or 'all' for a range (a clear, a bulk delete). */
type TouchedKeys = Set<string> | 'all';

/** Primary keys named by an interval tree of single keys; null when it holds a real range (the keys are unknown). */
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

function merge(into: { articles: TouchedKeys; annotations: TouchedKeys }, articles: TouchedKeys, annotations: TouchedKeys) {
  const union = (a: TouchedKeys, b: TouchedKeys): TouchedKeys => (a === 'all' || b === 'all' ? 'all' : new Set([...a, ...b]));
  into.articles = union(into.articles, articles);
  into.annotations = union(into.annotations, annotations);
}

/** Reads the touched rows again, and every stored note of a touched article the index did not list. */
async function readChanged(db: NewsLensDb, index: SearchIndex, articleIds: Set<string>, annotationIds: Set<string>): Promise<ChangedRows> {
  const articleRows = await db.articles.bulkGet([...articleIds]);
  const articles = new Map<string, Article | undefined>([...articleIds].map((id, i) => [id, articleRows[i]]));
  const annotationRows = await db.annotations.bulkGet([...annotationIds]);
  const annotations = new Map<string, Annotation | undefined>([...annotationIds].map((id, i) => [id, annotationRows[i]]));
  const known = indexedArticleIds(index);
  for (const [id, row] of articles) {
    if (!row || row.deletedAt || known.has(id)) continue;
    for (const note of await db.annotations.where('articleId').equals(id).toArray()) annotations.set(note.id, note);
  }
  return { articles, annotations };
}

/**
 * The search index of the whole library for `db`, loaded in pages on mount and then kept current: each committed write
 * (in this page or, through Dexie's cross-context `storagemutated` event, in the background) is applied by reading the
 * rows it touched (`patchSearchIndex`); only a write over a key range (a table cleared) reloads everything, in pages.
 * `value` is undefined until the first load finishes; `error` holds a failed read.
 */
export function useSearchIndex(db: NewsLensDb): LiveQueryState<SearchIndex> {
  const [state, setState] = useState<LiveQueryState<SearchIndex>>({ value: undefined, error: undefined });
  useEffect(() => {
    const controller = new AbortController();
    let index: SearchIndex | undefined;
    let pending: { articles: TouchedKeys; annotations: TouchedKeys } = { articles: new Set(), annotations: new Set() };
    let timer: ReturnType<typeof setTimeout> | undefined;
    let running: Promise<void> = Promise.resolve();

    const publish = (next: SearchIndex) => {
      index = next;
      if (!controller.signal.aborted) setState({ value: next, error: undefined });
    };
    const fail = (error: unknown) => {
      if (!isCancelled(error) && !controller.signal.aborted) setState((previous) => ({ value: previous.value, error }));
    };
    const apply = async () => {
      const work = pending;
      pending = { articles: new Set(), annotations: new Set() };
      if (!index) return;
      if (work.articles === 'all' || work.annotations === 'all') {
        publish(await loadSearchIndexInPages(db, controller.signal));
        return;
      }
      if (!work.articles.size && !work.annotations.size) return;
      publish(patchSearchIndex(index, await readChanged(db, index, work.articles, work.annotations)));
    };
    // One load or patch at a time, in order: a patch must apply to the index the previous step left.
    const enqueue = (step: () => Promise<void>) => {
      running = running.then(step).catch(fail);
    };
    const onMutated = (parts: ObservabilitySet) => {
      const articles = touched(parts, db.name, 'articles');
      const annotations = touched(parts, db.name, 'annotations');
      if (articles !== 'all' && annotations !== 'all' && !articles.size && !annotations.size) return;
      merge(pending, articles, annotations);
      clearTimeout(timer);
      timer = setTimeout(() => enqueue(apply), SETTLE_MS);
    };
    // Subscribed before the first read, so a write committed while the pages are read is applied after them.
    Dexie.on('storagemutated', onMutated);
    enqueue(async () => {
      publish(await loadSearchIndexInPages(db, controller.signal));
      await apply();
    });
    return () => {
      controller.abort();
      clearTimeout(timer);
      Dexie.on('storagemutated').unsubscribe(onMutated);
    };
  }, [db]);
  return state;
}
