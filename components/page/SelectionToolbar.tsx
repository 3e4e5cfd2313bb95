import { useEffect, useRef, useState } from 'preact/hooks';
import { HIGHLIGHT_COLORS } from '../../storage/types';
import { COLOR_WORDS } from '../shared/labels';
import type { PageActions, SelectionInfo } from './page-state';
import { placeAbove } from './placement';
import { moveFocusWithArrows } from './roving-focus';
import { TagInput } from './TagInput';
import { addTag } from './tags';
import { useFloating } from './use-floating';
import { usePending } from './use-pending';
import { InlineError } from './InlineError';

interface SelectionToolbarProps {
  selection: SelectionInfo;
  /** The reader asked (by shortcut) to move focus into the toolbar. */
  focusRequest?: boolean;
  knownTags: string[];
  actions: PageActions;
  onDismiss(): void;
}

const ESTIMATED_SIZE = { width: 330, height: 44 };

export function SelectionToolbar({ selection, focusRequest = false, knownTags, actions, onDismiss }: SelectionToolbarProps) {
  const { ref, style } = useFloating<HTMLDivElement>(selection.rect, ESTIMATED_SIZE, placeAbove);
  const rowRef = useRef<HTMLDivElement>(null);
  const tagInputRef = useRef<HTMLInputElement>(null);
  const [tagging, setTagging] = useState(false);
  const [tags, setTags] = useState<string[]>([]);
  const [draft, setDraft] = useState('');
  const { busy, failure, run } = usePending();

  useEffect(() => {
    if (tagging) tagInputRef.current?.focus();
  }, [tagging]);

  useEffect(() => {
    if (focusRequest) rowRef.current?.querySelector<HTMLButtonElement>('button:not([disabled])')?.focus({ preventScroll: true });
  }, [focusRequest]);

  function applyTags() {
    const all = addTag(tags, draft);
    if (all.length === 0) return;
    void run(() => actions.tagSelection(all), 'Could not tag the selection.');
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onDismiss();
      return;
    }
    moveFocusWithArrows(event, rowRef.current);
  }

  // A mouse press on a button would otherwise move focus and can collapse the reader's selection in the page.
  function keepSelection(event: MouseEvent) {
    if (event.target instanceof Element && event.target.closest('button')) event.preventDefault();
  }

  return (
    <div
      ref={ref}
      class="nl-selection-toolbar nl-surface"
      role="toolbar"
      aria-label="Annotate selection"
      aria-busy={busy}
      data-testid="nl-selection-toolbar"
      style={style}
      onKeyDown={onKeyDown}
      onMouseDown={keepSelection}
    >
      <div class="nl-button-row" ref={rowRef}>
        {HIGHLIGHT_COLORS.map((color) => (
          <button
            key={color}
            type="button"
            class={`nl-color-button nl-hl-${color}`}
            aria-label={`Highlight ${COLOR_WORDS[color]}`}
            title={`Highlight ${COLOR_WORDS[color]}`}
            data-testid={`nl-color-${color}`}
            disabled={busy}
            onClick={() => void run(() => actions.highlightSelection(color), 'Could not save the highlight.')}
          />
        ))}
        <button
          type="button"
          class="nl-button"
          data-testid="nl-note"
          disabled={busy}
          onClick={() => void run(() => actions.noteSelection(), 'Could not create the note.')}
        >
          Note
        </button>
        <button
          type="button"
          class="nl-button"
          data-testid="nl-tags"
          aria-expanded={tagging}
          onClick={() => setTagging((t) => !t)}
        >
          Tags
        </button>
        <button
          type="button"
          class="nl-button"
          data-testid="nl-track-selection"
          disabled={busy}
          onClick={() => void run(() => actions.trackSelectionAsClaim(), 'Could not track the claim.')}
        >
          Track as claim
        </button>
      </div>
      {tagging && (
        <div class="nl-tag-row">
          <TagInput
            tags={tags}
            draft={draft}
            known={knownTags}
            label="Tags for the selection"
            testId="nl-tag-selection-input"
            inputRef={tagInputRef}
            onTagsChange={setTags}
            onDraftChange={setDraft}
            onSubmit={applyTags}
          />
          <button
            type="button"
            class="nl-button nl-primary"
            data-testid="nl-tags-apply"
            disabled={busy || (tags.length === 0 && !draft.trim())}
            onClick={applyTags}
          >
            Add tags
          </button>
        </div>
      )}
      <InlineError message={failure} />
    </div>
  );
}
