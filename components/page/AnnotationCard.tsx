import { useState } from 'preact/hooks';
import type { HighlightColor } from '../../storage/types';
import { ClaimReviewForm } from './ClaimReviewForm';
import { ColorPicker } from './ColorPicker';
import { truncate } from '../shared/labels';
import type { PageActions, PlacedAnnotation } from './page-state';
import { TagInput } from './TagInput';
import { addTag } from './tags';
import { usePending } from './use-pending';
import { InlineError } from './InlineError';
import { QuoteChange } from '../shared/QuoteChange';
import { editPatch, isEditConflict } from '../shared/edit-patch';

interface AnnotationCardProps {
  placed: PlacedAnnotation;
  focusNote: boolean;
  knownTags: string[];
  actions: PageActions;
  /** Set for a note not stored yet: Save stores it through this, and there is nothing to delete. */
  draft?: (patch: { note: string; tags: string[]; color: HighlightColor }) => Promise<void>;
}

const QUOTE_LENGTH = 280;

export function AnnotationCard({ placed, focusNote, knownTags, actions, draft }: AnnotationCardProps) {
  const { annotation, quality } = placed;
  const [note, setNote] = useState(annotation.note);
  const [tags, setTags] = useState(annotation.tags);
  const [draftTag, setDraftTag] = useState('');
  const [color, setColor] = useState<HighlightColor>(annotation.color);
  const [savedOnce, setSavedOnce] = useState(false);
  const [overwrite, setOverwrite] = useState(false);
  const saving = usePending();
  const deleting = usePending();
  const resolving = usePending();

  function save() {
    const finalTags = addTag(tags, draftTag);
    setTags(finalTags);
    setDraftTag('');
    setSavedOnce(false);
    if (draft) {
      // A new note is a draft until saved: every field goes, and nothing is stored before Save.
      void saving.run(() => draft({ note, tags: finalTags, color }), 'Could not save. Try again.').then((ok) => setSavedOnce(ok));
      return;
    }
    const patch = editPatch(annotation, { note, tags: finalTags, color }, overwrite);
    if (!patch) {
      setSavedOnce(true);
      return;
    }
    void saving
      .run(
        () => actions.updateAnnotation(annotation.id, patch),
        (error) => (isEditConflict(error) ? (setOverwrite(true), (error as Error).message) : 'Could not save. Try again.'),
      )
      .then((ok) => {
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

  const deleteButton = (
    <button
      type="button"
      class="nl-button nl-danger"
      data-testid="nl-delete"
      disabled={deleting.busy}
      onClick={() => void deleting.run(() => actions.deleteAnnotation(annotation.id), 'Could not delete. Try again.')}
    >
      Delete
    </button>
  );

  return (
    <>
      <blockquote
        class={`nl-quote ${annotation.kind === 'claim' ? 'nl-quote-claim' : `nl-quote-${color}`}`}
        data-testid="nl-annotation-quote"
      >
        {truncate(annotation.target.quote.exact, QUOTE_LENGTH)}
      </blockquote>
      {quality === 'changed' && (
        <div class="nl-changed" data-testid="nl-annotation-changed">
          <p class="nl-muted">The text here changed since you annotated it.</p>
          {placed.found !== undefined && <QuoteChange before={annotation.target.quote.exact} after={placed.found} />}
          <div class="nl-actions">
            <button
              type="button"
              class="nl-button"
              data-testid="nl-accept-change"
              disabled={resolving.busy || placed.found === undefined}
              onClick={() => void resolving.run(() => actions.acceptChange(annotation.id), 'Could not update the note. Try again.')}
            >
              Accept
            </button>
            <button
              type="button"
              class="nl-button"
              data-testid="nl-detach"
              disabled={resolving.busy}
              onClick={() => void resolving.run(() => actions.detachAnnotation(annotation.id), 'Could not detach the note. Try again.')}
            >
              Detach
            </button>
          </div>
        </div>
      )}
      {annotation.kind === 'claim' ? (
        <>
          <ClaimReviewForm
            annotation={annotation}
            onSave={(patch) => actions.updateAnnotation(annotation.id, patch)}
          />
          <div class="nl-actions">{deleteButton}</div>
        </>
      ) : (
        <form
          class="nl-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
          onKeyDown={onKeyDown}
          onInput={() => setSavedOnce(false)}
        >
          <label class="nl-field">
            <span>Note</span>
            <textarea
              rows={4}
              data-testid="nl-note-input"
              data-autofocus={focusNote ? '' : undefined}
              value={note}
              onInput={(e) => setNote(e.currentTarget.value)}
            />
          </label>
          <div class="nl-field">
            <span aria-hidden="true">Tags</span>
            <TagInput
              tags={tags}
              draft={draftTag}
              known={knownTags}
              label="Tags"
              testId="nl-tag-input"
              onTagsChange={(next) => {
                setTags(next);
                setSavedOnce(false);
              }}
              onDraftChange={setDraftTag}
            />
          </div>
          <ColorPicker value={color} onChange={setColor} />
          <div class="nl-actions">
            <button type="submit" class="nl-button nl-primary" data-testid="nl-save" disabled={saving.busy}>
              {saving.busy ? 'Saving…' : 'Save'}
            </button>
            {!draft && deleteButton}
            <span role="status" class="nl-muted">
              {savedOnce ? 'Saved' : ''}
            </span>
          </div>
          <p class="nl-help">Ctrl+Enter (⌘+Enter on Mac) saves.</p>
        </form>
      )}
      <InlineError message={saving.failure ?? deleting.failure ?? resolving.failure} />
    </>
  );
}
