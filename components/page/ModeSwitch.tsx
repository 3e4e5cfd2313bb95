import type { DisplayMode } from '../../storage/types';
import { moveFocusWithArrows } from './roving-focus';

/** The reader's words for each display mode, with what it shows (used by the page toolbar, side panel and settings). */
export const MODE_WORDS: Record<DisplayMode, { label: string; hint: string }> = {
  read: { label: 'Read', hint: 'Your highlights, quiet names, only the top claims' },
  'fact-check': { label: 'Fact-check', hint: 'Every claim by check-worthiness, every name' },
  study: { label: 'Study', hint: 'Only your highlights and notes' },
};

export const MODE_ORDER: readonly DisplayMode[] = ['read', 'fact-check', 'study'];

interface ModeSwitchProps {
  mode: DisplayMode;
  onChange(mode: DisplayMode): void;
  /** Prefix for test ids, so the page and the side panel can both be driven by tests. */
  testIdPrefix?: string;
}

/** Three pressed/unpressed buttons (arrow keys move between them); the pressed one is the mode the page is in. */
export function ModeSwitch({ mode, onChange, testIdPrefix = 'nl-mode' }: ModeSwitchProps) {
  return (
    <div class="nl-modes" role="group" aria-label="Display mode" onKeyDown={(e) => moveFocusWithArrows(e, e.currentTarget as HTMLElement)}>
      {MODE_ORDER.map((m) => (
        <button
          key={m}
          type="button"
          class="nl-mode"
          aria-pressed={m === mode}
          title={MODE_WORDS[m].hint}
          data-testid={`${testIdPrefix}-${m}`}
          onClick={() => m !== mode && onChange(m)}
        >
          {MODE_WORDS[m].label}
        </button>
      ))}
    </div>
  );
}
