// What changed in the text under a note since it was made: the saved quote against the text the note was found
// on, word by word (anchoring/quote-diff). Used by the in-page card and the popup's note item. Page text is only
// ever rendered as text nodes here.
import { diffWords } from '../../anchoring/quote-diff';

interface QuoteChangeProps {
  /** The note's saved quote. */
  before: string;
  /** The text at the note's place now. */
  after: string;
  class?: string;
}

export function QuoteChange({ before, after, class: className }: QuoteChangeProps) {
  const parts = diffWords(before, after);
  return (
    <p class={`quote-change ${className ?? ''}`.trim()} data-testid="quote-change">
      <span class="quote-change-label">What changed: </span>
      {parts.map((part, i) =>
        part.kind === 'same' ? (
          part.text
        ) : part.kind === 'removed' ? (
          <del key={i} aria-label={`removed: ${part.text.trim()}`}>
            {part.text}
          </del>
        ) : (
          <ins key={i} aria-label={`added: ${part.text.trim()}`}>
            {part.text}
          </ins>
        ),
      )}
    </p>
  );
}
