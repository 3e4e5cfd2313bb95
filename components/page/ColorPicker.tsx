import { useId } from 'preact/hooks';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../storage/types';
import { COLOR_WORDS } from '../shared/labels';

/** Native radios: arrow keys, focus and "1 of 5" announcements come for free. */
export function ColorPicker({ value, onChange }: { value: HighlightColor; onChange: (color: HighlightColor) => void }) {
  const name = useId();
  return (
    <fieldset class="nl-color-picker">
      <legend>Colour</legend>
      {HIGHLIGHT_COLORS.map((color) => (
        <label key={color} class="nl-color-option" title={COLOR_WORDS[color]}>
          <input
            type="radio"
            name={name}
            value={color}
            checked={value === color}
            data-testid={`nl-pick-${color}`}
            onChange={() => onChange(color)}
          />
          <span class={`nl-color-dot nl-hl-${color}`} aria-hidden="true" />
          <span class="nl-visually-hidden">{COLOR_WORDS[color]}</span>
        </label>
      ))}
    </fieldset>
  );
}
