import { AnnotationCard } from './AnnotationCard';
import { CardFrame } from './CardFrame';
import { ClaimCard } from './ClaimCard';
import { EntityCard } from './EntityCard';
import { KindSwatch } from './KindSwatch';
import { KIND_WORDS } from '../shared/labels';
import { trackingAnnotation, type Card, type PageActions, type PageState, type PlacedAnnotation } from './page-state';
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
    case 'draft':
      return <DraftCard card={card} state={state} actions={actions} />;
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

/** The unsaved note being written on a selection: the same form as a saved note, without Delete. */
function DraftCard({ card, state, actions }: { card: Extract<Card, { kind: 'draft' }>; state: PageState; actions: PageActions }) {
  const placed: PlacedAnnotation = {
    annotation: {
      id: 'draft',
      articleId: '',
      kind: 'note',
      target: {
        source: '',
        quote: { type: 'TextQuoteSelector', exact: card.text, prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: card.start, end: card.end },
      },
      color: state.defaultColor,
      note: '',
      tags: [],
      createdAt: '',
      updatedAt: '',
      deletedAt: null,
    },
    quality: 'exact',
    confidence: 1,
    start: card.start,
    end: card.end,
  };
  return (
    <CardFrame rect={card.rect} title="New note" testId="nl-annotation-card" onClose={() => actions.closeCard()}>
      <AnnotationCard
        placed={placed}
        focusNote
        knownTags={state.knownTags}
        actions={actions}
        draft={(patch) => actions.saveDraft?.(card, patch) ?? Promise.resolve()}
      />
    </CardFrame>
  );
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
    case 'draft':
      return `draft:${card.start}:${card.end}`;
  }
}
