import { AnnotationCard } from './AnnotationCard';
import { CardFrame } from './CardFrame';
import { ClaimCard } from './ClaimCard';
import { EntityCard } from './EntityCard';
import { KindSwatch } from './KindSwatch';
import { KIND_WORDS } from './labels';
import { trackingAnnotation, type Card, type PageActions, type PageState } from './page-state';
import { annotationKindWords, claimRank, findPlaced } from './page-selectors';

interface CardViewProps {
  card: Card;
  state: PageState;
  actions: PageActions;
}

/** Picks the card for what was clicked; a card whose subject vanished (re-scan) still opens, so it can be closed. */
export function CardView({ card, state, actions }: CardViewProps) {
  const close = () => actions.closeCard();
  switch (card.kind) {
    case 'entity': {
      const entity = state.groups.find((g) => g.entityId === card.entityId);
      if (!entity) return <GoneCard rect={card.rect} onClose={close} />;
      return (
        <CardFrame rect={card.rect} title={entity.canonical} testId="nl-entity-card" preview={card.preview} onHold={actions.holdPreview} onClose={close}>
          <EntityCard entity={entity} hidden={state.hiddenKinds.includes(entity.type)} actions={actions} />
        </CardFrame>
      );
    }
    case 'claim': {
      const claim = state.claims[card.claimIndex];
      if (!claim) return <GoneCard rect={card.rect} onClose={close} />;
      const title = (
        <>
          <KindSwatch kind="claim" /> {KIND_WORDS.claim.singular} {claimRank(state, card.claimIndex) ?? card.claimIndex + 1} of{' '}
          {state.claimOrder.length || state.claims.length}
        </>
      );
      return (
        <CardFrame rect={card.rect} title={title} testId="nl-claim-card" preview={card.preview} onHold={actions.holdPreview} onClose={close}>
          <ClaimCard
            claim={claim}
            claimIndex={card.claimIndex}
            tracking={trackingAnnotation(state, claim)}
            actions={actions}
          />
        </CardFrame>
      );
    }
    case 'annotation': {
      const placed = findPlaced(state, card.annotationId);
      if (!placed) return <GoneCard rect={card.rect} onClose={close} />;
      return (
        <CardFrame rect={card.rect} title={annotationKindWords(placed.annotation)} testId="nl-annotation-card" onClose={close}>
          <AnnotationCard
            placed={placed}
            focusNote={card.focusNote ?? false}
            knownTags={state.knownTags}
            actions={actions}
          />
        </CardFrame>
      );
    }
  }
}

function GoneCard({ rect, onClose }: { rect: Card['rect']; onClose(): void }) {
  return (
    <CardFrame rect={rect} title="Not on the page any more" testId="nl-gone-card" onClose={onClose}>
      <p>This item is no longer on the page.</p>
    </CardFrame>
  );
}

export function cardKey(card: Card): string {
  switch (card.kind) {
    case 'entity':
      return `entity:${card.entityId}`;
    case 'claim':
      return `claim:${card.claimIndex}`;
    case 'annotation':
      return `annotation:${card.annotationId}`;
  }
}
