import { useState } from 'preact/hooks';

/**
 * Long lists (a heavily annotated article can hold hundreds of entries) render a page at a time: a 320px toolbar
 * cannot show more anyway, and rendering all of them at once is slow on the page's main thread.
 */
export function useShowMore<T>(items: T[], pageSize: number) {
  const [limit, setLimit] = useState(pageSize);
  const visible = items.length > limit ? items.slice(0, limit) : items;
  const remaining = items.length - visible.length;
  const more =
    remaining > 0 ? (
      <button type="button" class="nl-link-button nl-show-more" onClick={() => setLimit(limit + pageSize)}>
        Show {Math.min(remaining, pageSize)} more ({remaining} not shown)
      </button>
    ) : null;
  return { visible, more };
}
