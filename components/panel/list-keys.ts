/**
 * Up/Down (and Home/End) move focus between the items of a list that match `selector`, so a long list is walked
 * with the arrow keys instead of tabbing through every item's buttons. Returns whether the key was handled.
 */
export function moveInList(event: KeyboardEvent, list: HTMLElement | null, selector: string): boolean {
  if (!list || !['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return false;
  const items = Array.from(list.querySelectorAll<HTMLElement>(selector));
  const current = items.findIndex((item) => item === event.target);
  if (current < 0) return false;
  const next =
    event.key === 'Home' ? 0
    : event.key === 'End' ? items.length - 1
    : event.key === 'ArrowDown' ? Math.min(items.length - 1, current + 1)
    : Math.max(0, current - 1);
  event.preventDefault();
  items[next]?.focus();
  return true;
}
