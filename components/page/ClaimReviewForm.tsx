import { useEffect, useRef, useState } from 'preact/hooks';
import { CLAIM_STATUS_LABELS, CLAIM_STATUSES, type Annotation, type AnnotationPatch, type ClaimReview, type ClaimStatus, type Evidence } from '../../storage/types';
import { EvidenceEditor } from './EvidenceEditor';
import { checkEvidenceUrl } from './safe-url';
import { usePending } from './use-pending';
import { editPatch, isEditConflict } from '../shared/edit-patch';
import { InlineError } from './InlineError';

interface ClaimReviewFormProps {
  annotation: Annotation;
  /** Who made the claim, when the detector knows and the annotation doesn't yet. */
  claimant?: string;
  /** Moves focus to the status field, e.g. right after "Track this claim" replaced itself with this form. */
  autoFocus?: boolean;
  onSave(patch: AnnotationPatch): Promise<void>;
}

const RATINGS = [1, 2, 3, 4, 5] as const;
// ClaimReview's scale: worstRating 1, bestRating 5. Naming the ends tells the reader which way round it runs.
const RATING_WORDS: Partial<Record<number, string>> = { 1: '1 (false)', 5: '5 (true)' };

export function ClaimReviewForm({ annotation, claimant, autoFocus, onSave }: ClaimReviewFormProps) {
  const saved = annotation.claim;
  const [status, setStatus] = useState<ClaimStatus>(saved?.status ?? 'unstarted');
  const [verdict, setVerdict] = useState(saved?.verdict ?? '');
  const [rating, setRating] = useState<number | undefined>(saved?.rating);
  const [evidence, setEvidence] = useState<Evidence[]>(saved?.evidence ?? []);
  const [note, setNote] = useState(annotation.note);
  // Who made the claim: the reader's own entry, prefilled with the speaker the detector attributed it to.
  const [who, setWho] = useState(saved?.claimant ?? claimant ?? '');
  const [url, setUrl] = useState('');
  const [urlNote, setUrlNote] = useState('');
  const [urlError, setUrlError] = useState<string | null>(null);
  const [savedOnce, setSavedOnce] = useState(false);
  const [overwrite, setOverwrite] = useState(false);
  const { busy, failure, run } = usePending();
  const statusRef = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    if (autoFocus) statusRef.current?.focus();
  }, []);

  /** Adds the typed link if there is one; false when it was refused, so Save can stop and let the reader fix it. */
  function takeDraftEvidence(list: Evidence[], required: boolean): Evidence[] | null {
    if (!required && !url.trim()) return list;
    const checked = checkEvidenceUrl(url);
    if (!checked.ok) {
      setUrlError(checked.error);
      return null;
    }
    setUrlError(null);
    setUrl('');
    setUrlNote('');
    return [...list, { url: checked.url, note: urlNote.trim() }];
  }

  function addEvidence() {
    const next = takeDraftEvidence(evidence, true);
    if (next) setEvidence(next);
  }

  function save() {
    const finalEvidence = takeDraftEvidence(evidence, false);
    if (!finalEvidence) return;
    setEvidence(finalEvidence);
    const claimantName = who.replace(/\s+/g, ' ').trim();
    const claim: ClaimReview = {
      status,
      verdict: verdict.trim(),
      evidence: finalEvidence,
      ...(rating !== undefined ? { rating } : {}),
      ...(claimantName ? { claimant: claimantName } : {}),
    };
    setSavedOnce(false);
    const patch = editPatch(annotation, { claim, note }, overwrite);
    if (!patch) {
      setSavedOnce(true);
      return;
    }
    void run(
      () => onSave(patch),
      (error) => (isEditConflict(error) ? (setOverwrite(true), (error as Error).message) : 'Could not save the claim. Try again.'),
    ).then((ok) => {
      setSavedOnce(ok);
      if (ok) setOverwrite(false);
    });
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save();
    }
  }

  return (
    <form
      class="nl-form"
      noValidate
      data-testid="nl-claim-form"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      onKeyDown={onKeyDown}
      onInput={() => setSavedOnce(false)}
    >
      <div class="nl-field-row">
        <label class="nl-field">
          <span>Status</span>
          <select
            data-testid="nl-claim-status"
            value={status}
            ref={statusRef}
            onChange={(e) => setStatus(e.currentTarget.value as ClaimStatus)}
          >
            {CLAIM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {CLAIM_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label class="nl-field">
          <span>Rating</span>
          <select
            data-testid="nl-claim-rating"
            value={rating === undefined ? '' : String(rating)}
            onChange={(e) => setRating(e.currentTarget.value ? Number(e.currentTarget.value) : undefined)}
          >
            <option value="">None</option>
            {RATINGS.map((r) => (
              <option key={r} value={String(r)}>
                {RATING_WORDS[r] ?? String(r)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label class="nl-field">
        <span>Verdict</span>
        <input
          type="text"
          placeholder="e.g. Mostly false"
          data-testid="nl-claim-verdict"
          value={verdict}
          onInput={(e) => setVerdict(e.currentTarget.value)}
        />
      </label>
      <label class="nl-field">
        <span>Claimant</span>
        <input
          type="text"
          placeholder="Who made the claim"
          maxLength={500}
          data-testid="nl-claim-claimant"
          value={who}
          onInput={(e) => setWho(e.currentTarget.value)}
        />
      </label>
      <EvidenceEditor
        evidence={evidence}
        url={url}
        note={urlNote}
        error={urlError}
        onUrlChange={(value) => {
          setUrl(value);
          setUrlError(null);
        }}
        onNoteChange={setUrlNote}
        onAdd={addEvidence}
        onRemove={(index) => setEvidence(evidence.filter((_, i) => i !== index))}
      />
      <label class="nl-field">
        <span>Note</span>
        <textarea
          rows={3}
          data-testid="nl-claim-note"
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </label>
      <div class="nl-actions">
        <button type="submit" class="nl-button nl-primary" data-testid="nl-claim-save" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
        <span role="status" class="nl-muted">
          {savedOnce ? 'Saved' : ''}
        </span>
      </div>
      <InlineError message={failure} />
    </form>
  );
}
