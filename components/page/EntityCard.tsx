import type { EntityRecord } from '../../detect/types';
import { KindSwatch } from './KindSwatch';
import { KIND_WORDS, mentionWords } from '../shared/labels';
import type { PageActions } from './page-state';

interface EntityCardProps {
  entity: EntityRecord;
  hidden: boolean;
  actions: PageActions;
}

export function EntityCard({ entity, hidden, actions }: EntityCardProps) {
  const words = KIND_WORDS[entity.type];
  const aliases = entity.aliases.filter((a) => a !== entity.canonical);
  return (
    <>
      <p class="nl-kind-line" data-testid="nl-entity-type">
        <KindSwatch kind={entity.type} />
        <span>{words.singular}</span>
      </p>
      {aliases.length > 0 && (
        <p class="nl-muted" data-testid="nl-entity-aliases">
          Also called: {aliases.join(', ')}
        </p>
      )}
      <p data-testid="nl-entity-mentions">{mentionWords(entity.count)}</p>
      <div class="nl-actions">
        <button
          type="button"
          class="nl-button nl-primary"
          data-testid="nl-highlight-all"
          onClick={() => actions.highlightAllMentions(entity.entityId)}
        >
          Highlight all mentions
        </button>
        <button
          type="button"
          class="nl-button"
          data-testid="nl-hide-kind"
          onClick={() => {
            actions.toggleKind(entity.type);
            if (!hidden) actions.closeCard();
          }}
        >
          {hidden ? `Show ${words.plural.toLowerCase()}` : `Hide ${words.plural.toLowerCase()}`}
        </button>
      </div>
    </>
  );
}
