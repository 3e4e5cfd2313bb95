import { useLayoutEffect, useRef } from 'preact/hooks';
import { COMMAND_SHORTCUTS, PAGE_SHORTCUTS } from '../shared/shortcuts';
import { ShortcutTable } from '../shared/ShortcutTable';

/** The in-page shortcuts sheet (opened with `?` inside our UI or the toolbar's ? button); Escape closes it. */
export function ShortcutsCard({ onClose }: { onClose(): void }) {
  const ref = useRef<HTMLElement>(null);
  // A layout effect: focus moves in (and the opener is remembered) before any further key press can arrive.
  useLayoutEffect(() => {
    const root = ref.current?.getRootNode() as Document | ShadowRoot | undefined;
    const opener = root?.activeElement instanceof HTMLElement ? root.activeElement : null;
    ref.current?.focus({ preventScroll: true });
    return () => opener?.isConnected && opener.focus({ preventScroll: true });
  }, []);
  return (
    <section
      ref={ref}
      class="nl-sheet nl-surface"
      role="dialog"
      aria-labelledby="nl-shortcuts-title"
      tabIndex={-1}
      data-testid="nl-shortcuts"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        onClose();
      }}
    >
      <div class="nl-card-header">
        <h2 id="nl-shortcuts-title" class="nl-card-title">
          Keyboard shortcuts
        </h2>
        <button type="button" class="nl-icon-button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <ShortcutTable className="nl-shortcuts" caption="Anywhere in the browser" shortcuts={COMMAND_SHORTCUTS} />
      <ShortcutTable className="nl-shortcuts" caption="In NewsLens on the page" shortcuts={PAGE_SHORTCUTS} />
    </section>
  );
}
