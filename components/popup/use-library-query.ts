// "All notes" as the list shows it. The search index of the whole library lives in a worker (PopupServices
// .openLibrarySearch); this page asks it for the ids of one page of results and reads only those rows. Until the index
// is loaded (about 1.5 s for 50,000 notes, off this thread), the unfiltered first page is read through indexes
// (storage/library-first-page.ts), so the list opens as fast on a large library as on a small one.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { NewsLensDb } from '../../storage/db';
import { countLiveNotes, firstLibraryPage } from '../../storage/library-first-page';
import type { LibraryPage, LibraryQuery } from '../../storage/library-search';
import type { ArticleGroup, IdGroup } from '../../storage/search';
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

/** The rows of `groups`, read by id; a row deleted since the index answered is left out. */
async function readGroups(db: NewsLensDb, groups: readonly IdGroup[]): Promise<ArticleGroup[]> {
  const [articles, notes] = await Promise.all([
    db.articles.bulkGet(groups.map((group) => group.articleId)),
    db.annotations.bulkGet(groups.flatMap((group) => group.annotationIds)),
  ]);
  let next = 0;
  const read: ArticleGroup[] = [];
  groups.forEach((group, i) => {
    const annotations = notes.slice(next, (next += group.annotationIds.length)).filter((note) => note && !note.deletedAt);
    const article = articles[i];
    if (article && !article.deletedAt) read.push({ article, annotations: annotations as ArticleGroup['annotations'] });
  });
  return read;
}

/**
 * The groups, total, tags and sites "All notes" shows for `request`, kept current: the search service reports each
 * write it applied and the page is asked for again. Requests overtaken by newer ones are dropped.
 */
export function useLibraryQuery(db: NewsLensDb, openSearch: () => LibrarySearchService, request: LibraryQuery): LibraryQueryState {
  const [state, setState] = useState<Omit<LibraryQueryState, 'matchingIds'>>({ view: undefined, error: undefined });
  const latest = useRef(0);
  const indexAnswered = useRef(false);
  const requestKey = JSON.stringify(request);
  const current = useRef(request);
  current.current = request;

  const search = useRef<LibrarySearchService | undefined>(undefined);
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
    const asked = ++latest.current;
    service
      .query(current.current)
      .then(async (page: LibraryPage) => ({ page, groups: await readGroups(db, page.groups) }))
      .then(
        ({ page, groups }) => {
          if (latest.current !== asked) return;
          indexAnswered.current = true;
          setState({ view: { groups, total: page.total, tags: page.tags, sites: page.sites }, error: undefined });
        },
        (error: unknown) => {
          if (latest.current === asked && !(error instanceof DOMException && error.name === 'AbortError')) setState((previous) => ({ ...previous, error }));
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
        unsubscribe = search.current.onChange(ask);
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
