import type { Ref } from 'preact';
import { useId, useState } from 'preact/hooks';
import { addTag, suggestTags } from './tags';

interface TagInputProps {
  tags: string[];
  draft: string;
  known: string[];
  label: string;
  testId: string;
  onTagsChange(tags: string[]): void;
  onDraftChange(draft: string): void;
  /**
   * When set, Enter (not on a suggestion) submits instead of only adding a chip: in the selection toolbar "type a tag,
   * press Enter" is the whole task. The parent reads the draft itself.
   */
  onSubmit?(): void;
  inputRef?: Ref<HTMLInputElement>;
}

/** Tag chips plus a combobox (ARIA 1.2 list autocomplete) suggesting the reader's existing tags. */
export function TagInput(props: TagInputProps) {
  const { tags, draft, known, label, testId, onTagsChange, onDraftChange, onSubmit, inputRef } = props;
  const id = useId();
  const [active, setActive] = useState(-1);
  const [closed, setClosed] = useState(false);
  const suggestions = closed ? [] : suggestTags(known, draft, tags);
  const open = suggestions.length > 0;
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-opt-${i}`;

  function commit(value: string) {
    onTagsChange(addTag(tags, value));
    onDraftChange('');
    setActive(-1);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) return;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (!open) return;
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        // -1 (the typed text) is part of the cycle, as in native autocomplete lists.
        const slots = suggestions.length + 1;
        setActive((i) => ((i + 1 + step + slots) % slots) - 1);
        return;
      }
      case 'Enter': {
        event.preventDefault();
        const picked = active >= 0 ? suggestions[active] : undefined;
        if (picked !== undefined) commit(picked);
        else if (onSubmit) onSubmit();
        else if (draft.trim()) commit(draft);
        return;
      }
      case ',':
        event.preventDefault();
        if (draft.trim()) commit(draft);
        return;
      case 'Escape':
        if (!open) return;
        // Closing the list is this Escape's whole job; the card must stay open.
        event.stopPropagation();
        setClosed(true);
        setActive(-1);
        return;
      case 'Backspace': {
        const last = tags[tags.length - 1];
        if (draft === '' && last !== undefined) onTagsChange(tags.filter((t) => t !== last));
        return;
      }
    }
  }

  return (
    <div class="nl-tag-input">
      {tags.length > 0 && (
        <ul class="nl-chips" aria-label="Tags">
          {tags.map((tag) => (
            <li key={tag} class="nl-chip">
              <span>{tag}</span>
              <button
                type="button"
                class="nl-chip-remove"
                aria-label={`Remove tag ${tag}`}
                onClick={() => onTagsChange(tags.filter((t) => t !== tag))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="nl-combo">
        <input
          ref={inputRef}
          type="text"
          role="combobox"
          aria-label={label}
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
          autocomplete="off"
          spellcheck={false}
          placeholder="Add a tag"
          data-testid={testId}
          value={draft}
          onInput={(e) => {
            onDraftChange(e.currentTarget.value);
            setClosed(false);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setActive(-1)}
        />
        <ul id={listId} role="listbox" aria-label="Existing tags" class="nl-suggestions" hidden={!open}>
          {suggestions.map((tag, i) => (
            <li
              key={tag}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              class={i === active ? 'nl-option nl-option-active' : 'nl-option'}
              // Keeps focus in the input, so picking with the mouse doesn't blur it first.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => commit(tag)}
            >
              {tag}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
