import { useState } from 'preact/hooks';
import { bulkDeleteAnnotations, bulkRestoreAnnotations } from '../../storage/bulk';
import type { SearchFilters } from '../../storage/search';
import { AnnotationItem } from './AnnotationItem';
import { ArticleHeader } from './ArticleHeader';
import { ExportPanel, type ExportScope } from './ExportPanel';
import { bundleForAnnotations, bundleForEverything } from './export-scope';
import { useFeedback } from './Feedback';
import { ImportPanel } from './ImportPanel';
import { countActiveFilters, SearchFiltersBar } from './SearchFilters';
import { useServices } from './services';
import { useLibraryQuery } from './use-library-query';

/** Rendering thousands of items would make the popup sluggish; more are shown on request. */
const PAGE_SIZE = 100;

export function AllNotesTab() {
  const { db, deps, openLibrarySearch } = useServices();
  const feedback = useFeedback();
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<SearchFilters>({});
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [limit, setLimit] = useState(PAGE_SIZE);
  // The library's index lives in a worker and this page reads only the rows it shows: a large library neither freezes
  // the popup on opening nor on every page visited while it is open.
  const { view, error, matchingIds } = useLibraryQuery(db, openLibrarySearch, { query, filters, limit });
  const tags = view?.tags ?? [];
  const liveSelection = [...selected];
  // A new search or filter starts a new selection: what was ticked may no longer be listed.
  const refine = (next: () => void) => {
    next();
    setLimit(PAGE_SIZE);
    setSelected(new Set());
  };
  const selectAll = async () => {
    const ids = await feedback.run(matchingIds);
    if (ids) setSelected(new Set(ids));
  };

  const toggle = (id: string, on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const deleteSelected = async () => {
    const deleted = await feedback.run(() => bulkDeleteAnnotations(db, liveSelection, deps));
    if (!deleted) return;
    setSelected(new Set());
    feedback.offerUndo(`Deleted ${deleted.length} item${deleted.length === 1 ? '' : 's'}.`, () => bulkRestoreAnnotations(db, deleted, deps));
  };

  const scopes: ExportScope[] = [
    ...(liveSelection.length
      ? [{ key: 'selection', label: `Selected (${liveSelection.length})`, slug: 'selection', load: (now: Date) => bundleForAnnotations(db, liveSelection, now) }]
      : []),
    { key: 'shown', label: `Shown by this search (${view?.total ?? '…'})`, slug: 'search', load: async (now: Date) => bundleForAnnotations(db, await matchingIds(), now) },
    { key: 'all', label: 'Everything', slug: 'all', load: (now: Date) => bundleForEverything(db, now) },
  ];

  const visibleGroups = view?.groups ?? [];

  return (
    <div class="all-notes">
      {/* Article headings below are h3: this keeps the outline in order under the page's h1. */}
      <h2 class="visually-hidden">Search your notes</h2>
      <div class="search">
        <label for="search-input" class="visually-hidden">
          Search notes
        </label>
        <input
          id="search-input"
          type="search"
          placeholder="Search quotes, notes, tags, titles"
          value={query}
          onInput={(e) => {
            const value = e.currentTarget.value;
            refine(() => setQuery(value));
          }}
        />
      </div>
      <SearchFiltersBar filters={filters} tags={tags} sites={view?.sites ?? []} onChange={(f) => refine(() => setFilters(f))} />
      {error !== undefined && (
        <p class="error" role="alert">
          Could not read your notes: {String(error)}
        </p>
      )}
      <div class="bulk-bar">
        <p class="count" role="status" aria-live="polite">
          {!view ? 'Loading…' : view.total === undefined ? 'Counting…' : `${view.total} found`}
        </p>
        <button type="button" onClick={selectAll} disabled={!view?.total}>
          Select all
        </button>
        {liveSelection.length > 0 && (
          <>
            <button type="button" onClick={() => setSelected(new Set())}>
              Clear selection
            </button>
            <button type="button" class="danger" onClick={deleteSelected}>
              Delete selected ({liveSelection.length})
            </button>
          </>
        )}
      </div>
      {view && view.total === 0 && view.groups.length === 0 && <p class="empty">{query.trim() || countActiveFilters(filters) > 0 ? 'Nothing matches.' : 'No notes yet.'}</p>}
      {visibleGroups.map(({ article, annotations }) => (
        <section key={article.id} class="article-group" aria-label={article.title || article.url}>
          <ArticleHeader article={article} />
          {annotations.length === 0 && <p class="empty">No notes on this article yet.</p>}
          <ul class="annotations">
            {annotations.map((annotation) => (
              <AnnotationItem
                key={annotation.id}
                annotation={annotation}
                knownTags={tags}
                selection={{ selected: selected.has(annotation.id), onToggle: toggle }}
              />
            ))}
          </ul>
        </section>
      ))}
      {view?.total !== undefined && view.total > limit && (
        <button type="button" onClick={() => setLimit((l) => l + PAGE_SIZE)}>
          Show more ({view.total - limit} more)
        </button>
      )}
      <section class="transfer" aria-label="Export and import">
        <h2>Export</h2>
        <ExportPanel scopes={scopes} idPrefix="all-export" />
        <h2>Import</h2>
        <ImportPanel />
      </section>
    </div>
  );
}
