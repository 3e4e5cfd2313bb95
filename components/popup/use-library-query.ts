// "All notes" as the list shows it. The search index of the whole library lives in a worker (PopupServices
// .openLibrarySearch); this page asks it for the ids of one page of results and reads only those rows. Until the index
// is loaded (about 1.5 s for 50,000 notes, off this thread), the unfiltered first page is read through indexes
// (storage/library-first-page.ts), so the list opens as fast on a large library as on a small one.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { NewsLensDb } from '../../storage/db';
import { countLiveNotes, firstLibraryPage } from '../../storage/library-first-page';
import type { LibraryPage, LibraryQuery } from '../../storage/library-search';
import type { ArticleGroup, IdGroup } from '../../storage/search';
import type { Annotation, Article } from '../../storage/types';
import type { LibrarySearchService } from './services';

export interface LibraryView {
  groups: ArticleGroup[];
  /** All matching notes, shown or not; undefined while they are being counted. */
  total: number | undefined;
  /** What the filters offer (empty until the index is loaded). */
  tags: string[];
  sites: string[];
}

export interface LibraryQueryState {
  /** undefined until the first page is read. */
  view: LibraryView | undefined;
  error: unknown;
  /** Ids of every note the current request matches, shown or not; rejects until the search has started or when it fails. */
  matchingIds: () => Promise<string[]>;
}

const isUnfiltered = (request: LibraryQuery) =>
  !request.query.trim() && Object.values(request.filters).every((v) => v === undefined || v === '' || (Array.isArray(v) && !v.length));

/** Rows kept at most: about 1 MB of notes, ten pages of results. */
const CACHED_ROWS = 1000;

/**
 * The rows of the groups shown, read by id and kept until the index reports a write (`clear`), so typing on re-reads
 * only rows not shown before. A row deleted since the index answered is left out.
 */
class ShownRows {
  private readonly articles = new Map<string, Article | undefined>();
  private readonly notes = new Map<string, Annotation | undefined>();

  clear(): void {
    this.articles.clear();
    this.notes.clear();
  }

  async read(db: NewsLensDb, groups: readonly IdGroup[]): Promise<ArticleGroup[]> {
    if (this.notes.size + this.articles.size > CACHED_ROWS) this.clear();
    await Promise.all([
      readMissing(db.articles, this.articles, groups.map((group) => group.articleId)),
      readMissing(db.annotations, this.notes, groups.flatMap((group) => group.annotationIds)),
    ]);
    const read: ArticleGroup[] = [];
    for (const group of groups) {
      const article = this.articles.get(group.articleId);
      const annotations = group.annotationIds.flatMap((id) => this.notes.get(id) ?? []).filter((note) => !note.deletedAt);
      if (article && !article.deletedAt) read.push({ article, annotations });
    }
    return read;
  }
}

/** Reads into `into` the rows of `ids` it does not hold yet. */
async function readMissing<T>(table: { bulkGet(keys: string[]): Promise<(T | undefined)[]> }, into: Map<string, T | undefined>, ids: readonly string[]): Promise<void> {
  const missing = ids.filter((id) => !into.has(id));
  if (!missing.length) return;
  const rows = await table.bulkGet(missing);
  missing.forEach((id, i) => into.set(id, rows[i]));
}

/**
 * The groups, total, tags and sites "All notes" shows for `request`, kept current: the search service reports each
 * write it applied and the page is asked for again. One request is in flight at a time; those made meanwhile collapse
 * into one for the latest query.
 */
export function useLibraryQuery(db: NewsLensDb, openSearch: () => LibrarySearchService, request: LibraryQuery): LibraryQueryState {
  const [state, setState] = useState<Omit<LibraryQueryState, 'matchingIds'>>({ view: undefined, error: undefined });
  const indexAnswered = useRef(false);
  const requestKey = JSON.stringify(request);
  const current = useRef(request);
  current.current = request;

  const search = useRef<LibrarySearchService | undefined>(undefined);
  const rows = useRef(new ShownRows());
  const inFlight = useRef(false);
  const queued = useRef(false);

  /** Asks the index for the current request; while one answer is awaited, later requests collapse into one. */
  const ask = () => {
    const service = search.current;
    if (!service) return;
    if (inFlight.current) {
      queued.current = true;
      return;
    }
    inFlight.current = true;
    service
      .query(current.current)
      .then(async (page: LibraryPage) => ({ page, groups: await rows.current.read(db, page.groups) }))
      .then(
        ({ page, groups }) => {
          indexAnswered.current = true;
          setState({ view: { groups, total: page.total, tags: page.tags, sites: page.sites }, error: undefined });
        },
        (error: unknown) => {
          if (!(error instanceof DOMException && error.name === 'AbortError')) setState((previous) => ({ ...previous, error }));
        },
      )
      .finally(() => {
        inFlight.current = false;
        if (queued.current) {
          queued.current = false;
          ask();
        }
      });
  };

  useEffect(() => {
    let closed = false;
    let unsubscribe = () => {};
    // The first page through indexes comes first, then its count, and only then does the index start loading: their
    // reads would otherwise queue behind its reads of the whole library.
    const showing = () => !closed && !indexAnswered.current && isUnfiltered(current.current);
    firstLibraryPage(db, current.current.limit)
      .then(async (groups) => {
        if (!showing()) return;
        setState({ view: { groups, total: undefined, tags: [], sites: [] }, error: undefined });
        const total = await countLiveNotes(db);
        if (showing()) setState({ view: { groups, total, tags: [], sites: [] }, error: undefined });
      })
      .catch(() => {}) // the index's answer shows any read error
      .finally(() => {
        if (closed) return;
        search.current = openSearch();
        unsubscribe = search.current.onChange(() => {
          rows.current.clear();
          ask();
        });
        ask();
      });
    return () => {
      closed = true;
      unsubscribe();
      search.current?.close();
      search.current = undefined;
    };
  }, [db, openSearch]);

  useEffect(ask, [requestKey]);

  const matchingIds = async () => {
    if (!search.current) throw new Error('Your notes are still loading.');
    return search.current.matchingIds(current.current.query, current.current.filters);
  };
  return { ...state, matchingIds };
}
