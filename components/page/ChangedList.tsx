import { QUALITY_WORDS, truncate } from './labels';
import type { PlacedAnnotation } from './page-state';

interface ChangedListProps {
  annotations: PlacedAnnotation[];
  onOpen(id: string): void;
}

/** After the article changed: how each annotation fared, and a way to jump to the ones that were found. */
export function ChangedList({ annotations, onOpen }: ChangedListProps) {
  return (
    <ul class="nl-list nl-compact" data-testid="nl-changed-list">
      {annotations.map(({ annotation, quality }) => {
        const quote = `“${truncate(annotation.target.quote.exact, 60)}”`;
        return (
          <li key={annotation.id} class={`nl-quality nl-quality-${quality}`} data-quality={quality}>
            <span class="nl-quality-label">{QUALITY_WORDS[quality]}</span>
            {quality === 'orphan' ? (
              <span class="nl-quality-quote">{quote}</span>
            ) : (
              <button type="button" class="nl-link-button nl-quality-quote" onClick={() => onOpen(annotation.id)}>
                {quote}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
