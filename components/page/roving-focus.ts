/** Arrow-key movement between the buttons of a toolbar row (Tab still reaches each of them too). */
export function moveFocusWithArrows(event: KeyboardEvent, row: HTMLElement | null): void {
  if (!row) return;
  const keys = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'];
  if (!keys.includes(event.key)) return;
  const buttons = Array.from(row.querySelectorAll<HTMLButtonElement>('button:not([disabled])'));
  const current = buttons.findIndex((b) => b === event.target);
  if (current < 0) return;
  event.preventDefault();
  const last = buttons.length - 1;
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? last
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? (current - 1 + buttons.length) % buttons.length
          : (current + 1) % buttons.length;
  buttons[next]?.focus();
}
