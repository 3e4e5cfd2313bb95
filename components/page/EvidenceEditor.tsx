import { useId } from 'preact/hooks';
import type { Evidence } from '../../storage/types';
import { isHttpUrl } from './safe-url';
import { InlineError } from './InlineError';

interface EvidenceEditorProps {
  evidence: Evidence[];
  url: string;
  note: string;
  error: string | null;
  onUrlChange(url: string): void;
  onNoteChange(note: string): void;
  onAdd(): void;
  onRemove(index: number): void;
}

export function EvidenceEditor(props: EvidenceEditorProps) {
  const { evidence, url, note, error, onUrlChange, onNoteChange, onAdd, onRemove } = props;
  const id = useId();
  const errorId = `${id}-error`;

  function addOnEnter(event: KeyboardEvent) {
    if (event.key !== 'Enter' || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    onAdd();
  }

  return (
    <fieldset class="nl-evidence">
      <legend>Evidence</legend>
      {evidence.length > 0 && (
        <ul class="nl-evidence-list" data-testid="nl-evidence-list">
          {evidence.map((item, index) => (
            <li key={`${index}:${item.url}`}>
              {isHttpUrl(item.url) ? (
                <a href={item.url} target="_blank" rel="noopener noreferrer">
                  {item.url}
                </a>
              ) : (
                <span class="nl-unsafe-url">{item.url}</span>
              )}
              {item.note && <span class="nl-muted"> — {item.note}</span>}
              <button
                type="button"
                class="nl-icon-button"
                aria-label={`Remove evidence ${item.url}`}
                onClick={() => onRemove(index)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <label class="nl-field">
        <span>Link</span>
        <input
          type="url"
          inputMode="url"
          placeholder="https://…"
          data-testid="nl-evidence-url"
          value={url}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onInput={(e) => onUrlChange(e.currentTarget.value)}
          onKeyDown={addOnEnter}
        />
      </label>
      <label class="nl-field">
        <span>What it shows (optional)</span>
        <input
          type="text"
          data-testid="nl-evidence-note"
          value={note}
          onInput={(e) => onNoteChange(e.currentTarget.value)}
          onKeyDown={addOnEnter}
        />
      </label>
      <InlineError message={error} id={errorId} testId="nl-evidence-error" />
      <button type="button" class="nl-button" data-testid="nl-evidence-add" onClick={onAdd}>
        Add evidence
      </button>
    </fieldset>
  );
}
