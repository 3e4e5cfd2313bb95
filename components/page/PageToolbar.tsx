import { useState } from 'preact/hooks';
import { PAINT_KINDS } from '../../storage/types';
import { ChangedList } from './ChangedList';
import { KindSwatch } from './KindSwatch';
import { countWords, KIND_WORDS } from '../shared/labels';
import type { PageActions, PageState } from './page-state';
import { claimRank, inReadingOrder, kindCounts, liveAnnotations, orphanAnnotations, trackedClaimCount } from './page-selectors';
import { ModeSwitch } from './ModeSwitch';
import { OrphanList } from './OrphanList';

interface PageToolbarProps {
  state: PageState;
  actions: PageActions;
}

export function PageToolbar({ state, actions }: PageToolbarProps) {
  const [collapsed, setCollapsed] = useState(false);
  const [showOrphans, setShowOrphans] = useState(false);
  const [showChanges, setShowChanges] = useState(false);
  const orphans = orphanAnnotations(state);

  if (collapsed) {
    return (
      <div class="nl-toolbar nl-pill" data-testid="nl-toolbar">
        <button
          type="button"
          class="nl-button"
          aria-expanded="false"
          aria-label="Open the NewsLens toolbar"
          data-testid="nl-toolbar-expand"
          onClick={() => setCollapsed(false)}
        >
          NewsLens
          {orphans.length > 0 || state.textChanged ? <span class="nl-dot" aria-hidden="true" /> : null}
        </button>
      </div>
    );
  }

  const counts = kindCounts(state);
  const total = state.claimOrder.length;
  const position = claimRank(state, state.currentClaim);
  // Stepping to a claim the reader chose to hide would open cards for invisible text.
  const claimsHidden = state.hiddenKinds.includes('claim');
  const canStep = total > 0 && !claimsHidden;

  return (
    <section class="nl-toolbar nl-surface" aria-label="NewsLens" data-testid="nl-toolbar">
      <div class="nl-toolbar-header">
        <h2 class="nl-toolbar-title">NewsLens</h2>
        {actions.toggleShortcuts && (
          <button
            type="button"
            class="nl-icon-button"
            aria-label="Keyboard shortcuts"
            title="Keyboard shortcuts (?)"
            data-testid="nl-shortcuts-open"
            onClick={() => actions.toggleShortcuts?.(true)}
          >
            ?
          </button>
        )}
        <button
          type="button"
          class="nl-icon-button"
          aria-expanded="true"
          aria-label="Collapse the NewsLens toolbar"
          data-testid="nl-toolbar-collapse"
          onClick={() => setCollapsed(true)}
        >
          –
        </button>
      </div>

      {state.phase === 'scanning' && <p class="nl-muted">Reading the article…</p>}
      {state.phase === 'error' && <p class="nl-muted">NewsLens could not read this page.</p>}
      {state.phase === 'not-article' && (
        <div class="nl-section" data-testid="nl-not-article">
          <p>This page doesn't look like an article.</p>
          <button
            type="button"
            class="nl-button nl-primary"
            data-testid="nl-annotate-anyway"
            onClick={() => actions.annotateAnyway()}
          >
            Annotate anyway
          </button>
        </div>
      )}

      {state.phase === 'ready' && (
        <>
          {actions.setMode && <ModeSwitch mode={state.mode} onChange={actions.setMode} />}
          <div class="nl-toggles" role="group" aria-label="Show on the page">
            {PAINT_KINDS.map((kind) => {
              const shown = !state.hiddenKinds.includes(kind);
              return (
                <button
                  key={kind}
                  type="button"
                  class="nl-toggle"
                  aria-pressed={shown}
                  title={`${shown ? 'Hide' : 'Show'} ${KIND_WORDS[kind].plural.toLowerCase()} on the page`}
                  data-testid={`nl-toggle-${kind}`}
                  onClick={() => actions.toggleKind(kind)}
                >
                  <KindSwatch kind={kind} />
                  <span>{KIND_WORDS[kind].plural}</span>
                  <span class="nl-count" data-testid={`nl-count-${kind}`}>
                    {counts[kind]}
                  </span>
                </button>
              );
            })}
          </div>
          <p class="nl-muted" data-testid="nl-tracked-count">
            {countWords(trackedClaimCount(state), 'claim', 'claims')} tracked
          </p>
          <div class="nl-claim-nav" role="group" aria-label="Claims in this article">
            <button
              type="button"
              class="nl-button"
              data-testid="nl-prev-claim"
              disabled={!canStep}
              onClick={() => actions.stepClaim(-1)}
            >
              Previous claim
            </button>
            <span class="nl-position">
              <span aria-hidden="true" data-testid="nl-claim-position">
                {position ?? '–'} / {total}
              </span>
              <span class="nl-visually-hidden">
                {position === null ? countWords(total, 'claim', 'claims') : `Claim ${position} of ${total}`}
              </span>
            </span>
            <button
              type="button"
              class="nl-button"
              data-testid="nl-next-claim"
              disabled={!canStep}
              onClick={() => actions.stepClaim(1)}
            >
              Next claim
            </button>
          </div>
        </>
      )}

      {state.textChanged && (
        <div class="nl-section nl-warning" data-testid="nl-changed">
          <button
            type="button"
            class="nl-link-button"
            aria-expanded={showChanges}
            onClick={() => setShowChanges(!showChanges)}
          >
            This article changed since you annotated it
          </button>
          {showChanges && (
            <ChangedList
              annotations={inReadingOrder(liveAnnotations(state))}
              onOpen={(id) => actions.scrollToAnnotation(id)}
            />
          )}
        </div>
      )}

      {orphans.length > 0 && (
        <div class="nl-section nl-warning" data-testid="nl-orphans">
          <button
            type="button"
            class="nl-link-button"
            aria-expanded={showOrphans}
            onClick={() => setShowOrphans(!showOrphans)}
          >
            {countWords(orphans.length, 'note', 'notes')} could not be placed
          </button>
          {showOrphans && <OrphanList orphans={orphans} />}
        </div>
      )}
    </section>
  );
}
