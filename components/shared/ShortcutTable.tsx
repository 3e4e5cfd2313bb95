import type { Shortcut } from './shortcuts';

/** One table of shortcuts (keys in `<kbd>`, row headers for screen readers); used by every shortcuts sheet. */
export function ShortcutTable({ caption, shortcuts, className }: { caption: string; shortcuts: readonly Shortcut[]; className: string }) {
  return (
    <table class={className}>
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
