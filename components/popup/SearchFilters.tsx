import { ANNOTATION_KINDS, CLAIM_STATUS_LABELS, CLAIM_STATUSES, type AnnotationKind, type ClaimStatus } from '../../storage/types';
import type { SearchFilters } from '../../storage/search';
import { ANNOTATION_KIND_WORDS } from '../shared/labels';

interface FiltersProps {
  filters: SearchFilters;
  tags: readonly string[];
  sites: readonly string[];
  onChange: (filters: SearchFilters) => void;
}

export function countActiveFilters(filters: SearchFilters): number {
  return Object.values(filters).filter((v) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)).length;
}

// aria-label names each control by its label word alone: a wrapping label would also read out the selected option.
/** Single-choice selects: a popup is too small for multi-select widgets, and search words narrow further. */
export function SearchFiltersBar({ filters, tags, sites, onChange }: FiltersProps) {
  const set = (patch: Partial<SearchFilters>) => onChange({ ...filters, ...patch });
  const one = <T extends string>(value: string): T[] | undefined => (value ? [value as T] : undefined);

  const active = countActiveFilters(filters);

  // Collapsed by default: in a 600-pixel popup the results matter more than seven controls.
  return (
    <details class="filters-box">
      <summary>Filters{active ? ` (${active} on)` : ''}</summary>
      <fieldset class="filters">
        <legend class="visually-hidden">Filters</legend>
        <label>
          Tag
          <select aria-label="Tag" value={filters.tags?.[0] ?? ''} onChange={(e) => set({ tags: one(e.currentTarget.value) })}>
            <option value="">Any tag</option>
            {tags.map((tag) => (
              <option key={tag} value={tag}>
                #{tag}
              </option>
            ))}
          </select>
        </label>
        <label>
          Kind
          <select aria-label="Kind" value={filters.kinds?.[0] ?? ''} onChange={(e) => set({ kinds: one<AnnotationKind>(e.currentTarget.value) })}>
            <option value="">Any kind</option>
            {ANNOTATION_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {ANNOTATION_KIND_WORDS[kind]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Claim status
          <select
            aria-label="Claim status"
            value={filters.claimStatuses?.[0] ?? ''}
            onChange={(e) => set({ claimStatuses: one<ClaimStatus>(e.currentTarget.value) })}
          >
            <option value="">Any status</option>
            {CLAIM_STATUSES.map((status) => (
              <option key={status} value={status}>
                {CLAIM_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Verdict
          <input aria-label="Verdict" type="text" value={filters.verdict ?? ''} onInput={(e) => set({ verdict: e.currentTarget.value || undefined })} />
        </label>
        <label>
          Site
          <select aria-label="Site" value={filters.sites?.[0] ?? ''} onChange={(e) => set({ sites: one(e.currentTarget.value) })}>
            <option value="">Any site</option>
            {sites.map((site) => (
              <option key={site} value={site}>
                {site}
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input aria-label="From" type="date" value={filters.from ?? ''} onInput={(e) => set({ from: e.currentTarget.value || undefined })} />
        </label>
        <label>
          To
          <input aria-label="To" type="date" value={filters.to ?? ''} onInput={(e) => set({ to: e.currentTarget.value || undefined })} />
        </label>
        <button type="button" class="link" onClick={() => onChange({})}>
          Clear filters
        </button>
      </fieldset>
    </details>
  );
}
