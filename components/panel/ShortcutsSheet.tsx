import { useEffect, useRef } from 'preact/hooks';
import { COMMAND_SHORTCUTS, PANEL_SHORTCUTS, type Shortcut } from '../shared/shortcuts';

function ShortcutTable({ caption, shortcuts }: { caption: string; shortcuts: readonly Shortcut[] }) {
  return (
    <table class="shortcuts">
      <caption>{caption}</caption>
      <tbody>
        {shortcuts.map((s) => (
          <tr key={s.keys}>
            <th scope="row">
              <kbd>{s.keys}</kbd>
            </th>
            <td>{s.action}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

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
      <ShortcutTable caption="In the side panel" shortcuts={PANEL_SHORTCUTS} />
      <ShortcutTable caption="Anywhere in the browser (change them at chrome://extensions/shortcuts)" shortcuts={COMMAND_SHORTCUTS} />
      <button type="button" class="primary" onClick={onClose}>
        Close
      </button>
    </dialog>
  );
}
