import { useMemo, useState } from 'preact/hooks';
import { bulkDeleteAnnotations, bulkRestoreAnnotations } from '../../storage/bulk';
import { listIndexTags, listSites, searchAnnotations, type SearchFilters } from '../../storage/search';
import { AnnotationItem } from './AnnotationItem';
import { ArticleHeader } from './ArticleHeader';
import { ExportPanel, type ExportScope } from './ExportPanel';
import { bundleForAnnotations, bundleForEverything } from './export-scope';
import { useFeedback } from './Feedback';
import { ImportPanel } from './ImportPanel';
import { countActiveFilters, SearchFiltersBar } from './SearchFilters';
import { useServices } from './services';
import { useSearchIndex } from './use-search-index';

/** Rendering thousands of items would make the popup sluggish; more are shown on request. */
const PAGE_SIZE = 100;

export function AllNotesTab() {
  const { db, deps } = useServices();
  const feedback = useFeedback();
  // Loaded in pages and patched on each write: a large library neither freezes the popup on opening nor on every
  // page visited while it is open. Tags come from the same index rather than a second walk over every note.
  const index = useSearchIndex(db);
  const tags = useMemo(() => (index.value ? listIndexTags(index.value) : []), [index.value]);
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<SearchFilters>({});
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [limit, setLimit] = useState(PAGE_SIZE);

  const result = useMemo(() => (index.value ? searchAnnotations(index.value, query, filters) : null), [index.value, query, filters]);
  const sites = useMemo(() => (index.value ? listSites(index.value) : []), [index.value]);
  const shownIds = useMemo(() => result?.groups.flatMap((g) => g.annotations.map((a) => a.id)) ?? [], [result]);
  const liveSelection = shownIds.filter((id) => selected.has(id));

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
    { key: 'shown', label: `Shown by this search (${shownIds.length})`, slug: 'search', load: (now: Date) => bundleForAnnotations(db, shownIds, now) },
    { key: 'all', label: 'Everything', slug: 'all', load: (now: Date) => bundleForEverything(db, now) },
  ];

  let budget = limit;
  const visibleGroups = (result?.groups ?? []).flatMap((group) => {
    if (budget <= 0) return [];
    const annotations = group.annotations.slice(0, budget);
    budget -= annotations.length;
    return [{ ...group, annotations }];
  });

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
            setQuery(e.currentTarget.value);
            setLimit(PAGE_SIZE);
          }}
        />
      </div>
      <SearchFiltersBar filters={filters} tags={tags} sites={sites} onChange={(f) => (setFilters(f), setLimit(PAGE_SIZE))} />
      {index.error !== undefined && (
        <p class="error" role="alert">
          Could not read your notes: {String(index.error)}
        </p>
      )}
      <div class="bulk-bar">
        <p class="count" role="status" aria-live="polite">
          {result ? `${result.total} found` : 'Loading…'}
        </p>
        <button type="button" onClick={() => setSelected(new Set(shownIds))} disabled={!shownIds.length}>
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
      {result && result.total === 0 && result.groups.length === 0 && <p class="empty">{query.trim() || countActiveFilters(filters) > 0 ? 'Nothing matches.' : 'No notes yet.'}</p>}
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
      {result && result.total > limit && (
        <button type="button" onClick={() => setLimit((l) => l + PAGE_SIZE)}>
          Show more ({result.total - limit} more)
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
