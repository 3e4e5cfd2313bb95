import { useState } from 'preact/hooks';
import type { Claim } from '../../detect/types';
import { ClaimReviewForm } from './ClaimReviewForm';
import { reasonWords, scoreWords, truncate } from '../shared/labels';
import type { PageActions, PlacedAnnotation } from './page-state';
import { usePending } from './use-pending';
import { InlineError } from './InlineError';

interface ClaimCardProps {
  claim: Claim;
  claimIndex: number;
  tracking: PlacedAnnotation | undefined;
  actions: PageActions;
}

const SHORT_CLAIM = 220;

export function ClaimCard({ claim, claimIndex, tracking, actions }: ClaimCardProps) {
  const [expanded, setExpanded] = useState(false);
  // Set when this card started the tracking, so focus follows the button the reader just pressed into the new form.
  const [justTracked, setJustTracked] = useState(false);
  const { busy, failure, run } = usePending();
  const short = truncate(claim.text, SHORT_CLAIM);
  const isLong = short !== claim.text.replace(/\s+/g, ' ').trim();

  return (
    <>
      <blockquote class="nl-quote nl-quote-claim" data-testid="nl-claim-text">
        {expanded ? claim.text : short}
      </blockquote>
      {isLong && (
        <button type="button" class="nl-link-button" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show less' : 'Show the whole claim'}
        </button>
      )}
      <p class="nl-score" data-testid="nl-claim-score">
        <strong>{scoreWords(claim.score)}</strong>
      </p>
      {claim.reasons.length > 0 && (
        <ul class="nl-reasons" aria-label="Why it may need checking" data-testid="nl-claim-reasons">
          {claim.reasons.map((reason) => (
            <li key={reason}>{reasonWords(reason, claim.speaker)}</li>
          ))}
        </ul>
      )}
      {claim.speaker && (
        <p data-testid="nl-claim-speaker">
          <span class="nl-muted">Said by </span>
          <strong>{claim.speaker}</strong>
        </p>
      )}
      {tracking ? (
        <ClaimReviewForm
          key={tracking.annotation.id}
          annotation={tracking.annotation}
          {...(claim.speaker ? { claimant: claim.speaker } : {})}
          autoFocus={justTracked}
          onSave={(patch) => actions.updateAnnotation(tracking.annotation.id, patch)}
        />
      ) : (
        <div class="nl-actions">
          <button
            type="button"
            class="nl-button nl-primary"
            data-testid="nl-track-claim"
            disabled={busy}
            onClick={() => {
              setJustTracked(true);
              void run(() => actions.trackClaim(claimIndex), 'Could not track this claim. Try again.');
            }}
          >
            {busy ? 'Tracking…' : 'Track this claim'}
          </button>
        </div>
      )}
      <InlineError message={failure} />
    </>
  );
}
