// The keyboard shortcuts readers can use, in one list for the shortcuts sheets (page and side panel) and the first-run page.
// Browser-wide keys are the manifest's `commands` (wxt.config.ts): they must stay in step with it.

export interface Shortcut {
  keys: string;
  action: string;
}

/**
 * Browser-wide commands. Chrome binds at most four suggested keys per extension and refuses keys the browser owns; these
 * four are checked with `chrome.commands.getAll()` in tests/e2e/keyboard.test.ts. Readers rebind them at chrome://extensions/shortcuts.
 */
export const COMMAND_SHORTCUTS: readonly Shortcut[] = [
  { keys: 'Alt+Shift+E', action: 'Annotate the selected text: move focus into the selection toolbar' },
  { keys: 'Alt+Shift+H', action: 'Highlight the selected text' },
  { keys: 'Alt+Shift+M', action: 'Add a note to the selected text' },
  { keys: 'Alt+Shift+J', action: 'Go to the next check-worthy claim' },
];

/** Keys inside the page's NewsLens toolbar and cards. */
export const PAGE_SHORTCUTS: readonly Shortcut[] = [
  { keys: 'Tab / arrow keys', action: 'Move between the buttons of the selection toolbar' },
  { keys: 'Escape', action: 'Close the toolbar or card without saving an empty note; back to your selection' },
  { keys: '?', action: 'Show these shortcuts' },
];

/** Keys in the side panel. */
export const PANEL_SHORTCUTS: readonly Shortcut[] = [
  { keys: '↑ / ↓', action: 'Move between notes, claims or entities in a list' },
  { keys: 'Enter', action: 'Show the note, claim or entity in the page' },
  { keys: '← / →', action: 'Switch between the panel’s tabs (on a tab)' },
  { keys: '/', action: 'Search all notes' },
  { keys: '?', action: 'Show these shortcuts' },
];
