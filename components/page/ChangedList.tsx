import { ANCHOR_QUALITIES } from '../../anchoring/types';
import { QUALITY_WORDS, truncate } from '../shared/labels';
import { QuoteChange } from '../shared/QuoteChange';
import type { PlacedAnnotation } from './page-state';
import { useShowMore } from './ShowMore';

interface ChangedListProps {
  annotations: PlacedAnnotation[];
  onOpen(id: string): void;
}

const PAGE_SIZE = 40;

/** After the article changed: how each annotation fared, and a way to jump to the ones that were found. */
export function ChangedList({ annotations, onOpen }: ChangedListProps) {
  const { visible, more } = useShowMore(annotations, PAGE_SIZE);
  const summary = ANCHOR_QUALITIES.map((q) => [q, annotations.filter((p) => p.quality === q).length] as const)
    .filter(([, n]) => n > 0)
    .map(([q, n]) => `${QUALITY_WORDS[q]}: ${n}`)
    .join(' · ');
  return (
    <>
      <p class="nl-quality-summary" data-testid="nl-changed-summary">
        {summary}
      </p>
      <ul class="nl-list nl-compact" data-testid="nl-changed-list">
        {visible.map(({ annotation, quality, found }) => {
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
              {quality === 'changed' && found !== undefined && <QuoteChange before={annotation.target.quote.exact} after={found} />}
            </li>
          );
        })}
      </ul>
      {more}
    </>
  );
}
