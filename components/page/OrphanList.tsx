import { NotePreview } from './NotePreview';
import { truncate } from '../shared/labels';
import type { PlacedAnnotation } from './page-state';
import { useShowMore } from './ShowMore';

const PAGE_SIZE = 25;

/** Annotations whose text is gone from the page: shown in full so nothing the reader wrote is ever lost from view. */
export function OrphanList({ orphans }: { orphans: PlacedAnnotation[] }) {
  const { visible, more } = useShowMore(orphans, PAGE_SIZE);
  return (
    <>
      <ul class="nl-list" data-testid="nl-orphan-list">
        {visible.map(({ annotation }) => (
          <li key={annotation.id} class="nl-list-item">
            <blockquote class={`nl-quote nl-quote-${annotation.color}`}>{truncate(annotation.target.quote.exact, 400)}</blockquote>
            {annotation.note && <NotePreview text={annotation.note} />}
            {annotation.tags.length > 0 && <p class="nl-muted">Tags: {annotation.tags.join(', ')}</p>}
          </li>
        ))}
      </ul>
      {more}
    </>
  );
}
