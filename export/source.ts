// What an export reads, a page at a time. An export of the whole library never holds the library in memory: it reads a
// page of articles and their annotations, turns them into output, and lets them go before reading the next page.
// Sources over the database live with the popup (components/popup/export-scope.ts); bundleSource pages a bundle that is
// already in memory (one article, tests).
import { compareReadingOrder, type Annotation, type Article } from '../storage/types';
import { compareStrings, type ArticleWithAnnotations, type ExportBundle } from './bundle';
import { throwIfCancelled, yieldToEventLoop, SLICE_BUDGET_MS, type SliceOptions } from './slices';

export interface ExportSource {
  /** ISO time of the export; exporters print it rather than reading the clock, so output is reproducible. */
  exportedAt: string;
  /** How many articles `articlePages` and `articlesById` yield and how many annotations `annotationsById` yields. */
  counts(): Promise<{ articles: number; annotations: number }>;
  /**
   * Every article of the export in export order, tombstoned ones included, each with its annotations of the export
   * (tombstones included, in any order).
   */
  articlePages(): AsyncIterable<ArticleWithAnnotations[]>;
  /** Every annotation of the export in id order (code-unit order, as IndexedDB orders string keys). */
  annotationsById(): AsyncIterable<Annotation[]>;
  /** Every article of the export in id order. */
  articlesById(): AsyncIterable<Article[]>;
}

/** Records per page when paging a bundle in memory. */
const BUNDLE_PAGE = 200;

function* pagesOf<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}

/** Pages over a bundle: articles in the bundle's order, annotations whose article is not in the bundle left out. */
export function bundleSource(bundle: ExportBundle): ExportSource {
  const byId = <T extends { id: string }>(a: T, b: T) => compareStrings(a.id, b.id);
  return {
    exportedAt: bundle.exportedAt,
    counts: async () => ({ articles: bundle.articles.length, annotations: bundle.annotations.length }),
    async *articlePages() {
      const byArticle = new Map<string, Annotation[]>();
      for (const annotation of bundle.annotations) {
        const list = byArticle.get(annotation.articleId);
        if (list) list.push(annotation);
        else byArticle.set(annotation.articleId, [annotation]);
      }
      for (const page of pagesOf(bundle.articles, BUNDLE_PAGE)) {
        yield page.map((article) => ({ article, annotations: byArticle.get(article.id) ?? [] }));
      }
    },
    async *annotationsById() {
      yield* pagesOf([...bundle.annotations].sort(byId), BUNDLE_PAGE);
    },
    async *articlesById() {
      yield* pagesOf([...bundle.articles].sort(byId), BUNDLE_PAGE);
    },
  };
}

/** The article with its live annotations in reading order, or undefined when the article itself is deleted. */
export function liveSection({ article, annotations }: ArticleWithAnnotations): ArticleWithAnnotations | undefined {
  if (article.deletedAt != null) return undefined;
  return { article, annotations: annotations.filter((a) => a.deletedAt == null).sort(compareReadingOrder) };
}

/**
 * Runs `work` on every item of every page, in slices of at most `budgetMs` (SLICE_BUDGET_MS by default), yielding to
 * the event loop between slices and reporting progress as items done out of `total`. Throws an AbortError when `signal` is aborted, and whatever `work` throws.
 */
export async function forEachInSlices<T>(
  pages: AsyncIterable<readonly T[]>,
  total: number,
  work: (item: T) => void,
  options: SliceOptions = {},
): Promise<void> {
  const { signal, onProgress, budgetMs = SLICE_BUDGET_MS, now = () => performance.now() } = options;
  let done = 0;
  throwIfCancelled(signal);
  // The clock runs on across pages: a page read from memory resolves as a microtask, which lets nothing else run.
  let sliceStart = now();
  for await (const page of pages) {
    throwIfCancelled(signal);
    for (let i = 0; i < page.length; i++) {
      work(page[i] as T);
      done++;
      if (now() - sliceStart >= budgetMs) {
        onProgress?.({ done, total });
        await yieldToEventLoop();
        throwIfCancelled(signal);
        sliceStart = now();
      }
    }
    onProgress?.({ done, total });
  }
  onProgress?.({ done, total: Math.max(total, done) });
}

/**
 * Pages read ahead of the one being written: each is read and its preparation started (a page of references sent to
 * a worker) while this thread writes, so two workers each have a page to format. A few pages of 50 articles: little
 * memory.
 */
const PAGES_AHEAD = 3;

/**
 * `work` on each live article of the source (see liveSection), in slices, with progress in articles (deleted ones count
 * as done). `beforePage`, when given, runs on each page's live articles and `work` waits for it before starting on that
 * page (to prepare what the page needs, such as its references); up to PAGES_AHEAD pages are read and their
 * preparations started while `work` runs, so preparations done elsewhere (workers) overlap with this thread's work and
 * with each other.
 */
export async function mapLiveSections<R>(
  source: ExportSource,
  work: (section: ArticleWithAnnotations) => R,
  slices: SliceOptions = {},
  beforePage?: (sections: ArticleWithAnnotations[]) => Promise<void>,
): Promise<R[]> {
  const results: R[] = [];
  const { articles } = await source.counts();
  async function* livePages(): AsyncGenerator<Array<ArticleWithAnnotations | undefined>> {
    const pages = source.articlePages()[Symbol.asyncIterator]();
    // Calls to an async generator's next() queue up, so the pages are read one after the other, in order, while the
    // preparations of the pages already read run.
    const load = async () => {
      const next = await pages.next();
      if (next.done) return undefined;
      const live = next.value.map(liveSection);
      if (beforePage) await beforePage(live.filter((section) => section !== undefined));
      return live;
    };
    const ahead: Array<Promise<Array<ArticleWithAnnotations | undefined> | undefined>> = [];
    const readAhead = () => {
      while (ahead.length < PAGES_AHEAD) {
        const page = load();
        // If the export stops (cancelled, or work threw) these are never awaited; their failures must not go unhandled.
        page.catch(() => undefined);
        ahead.push(page);
      }
    };
    readAhead();
    for (;;) {
      const live = await ahead.shift();
      if (!live) return;
      readAhead();
      yield live;
    }
  }
  await forEachInSlices(
    livePages(),
    articles,
    (section) => {
      if (section) results.push(work(section));
    },
    slices,
  );
  return results;
}
