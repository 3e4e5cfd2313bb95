import { useEffect, useRef } from 'preact/hooks';
import { COMMAND_SHORTCUTS, PANEL_SHORTCUTS } from '../shared/shortcuts';
import { ShortcutTable } from '../shared/ShortcutTable';

/** The side panel's shortcuts sheet: a modal dialog (Escape or the button closes it; focus returns where it was). */
export function ShortcutsSheet({ open, onClose }: { open: boolean; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) el.showModal?.();
    if (!open && el.open) el.close();
  }, [open]);
  return (
    <dialog ref={dialog} class="sheet" aria-labelledby="shortcuts-title" onClose={onClose} data-testid="panel-shortcuts">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <ShortcutTable className="shortcuts" caption="In the side panel" shortcuts={PANEL_SHORTCUTS} />
      <ShortcutTable className="shortcuts" caption="Anywhere in the browser (change them at chrome://extensions/shortcuts)" shortcuts={COMMAND_SHORTCUTS} />
      <button type="button" class="primary" onClick={onClose}>
        Close
      </button>
    </dialog>
  );
}
