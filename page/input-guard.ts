// Keeps what the reader types into our in-page UI away from the page's scripts.
//
// Our UI lives in a closed shadow root, but composed events (keys, text input, IME composition, clipboard, focus)
// still travel the whole composed path: the page's listeners on `window` and `document` see them first, in the
// capture phase, with `key` and `data` intact — a page that logged `keydown`/`input` got every note as it was typed.
// Stopping them at our shadow host is too late for those listeners. So this guard listens on `window` in the capture
// phase — registered at document_start, before any page script, for sites the reader allowed — and when an event is
// headed into our UI it stops it there and replays a copy that is *not* composed on the element that has focus inside
// the shadow root, so only our own components receive it. Default actions (typing, caret moves, Tab) belong to the
// trusted original and still happen; if our components cancel the copy, the original is cancelled too.

/** Composed events that carry what the reader types, pastes or where their focus is. */
export const GUARDED_EVENTS = [
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'textInput',
  'compositionstart',
  'compositionupdate',
  'compositionend',
  'paste',
  'copy',
  'cut',
  'focusin',
  'focusout',
] as const;

/** Our UI as the guard needs it: the host the page sees as the event target, and the closed root behind it. */
export interface GuardedUi {
  host: Element;
  root: ShadowRoot;
}

/**
 * Installs the guard on `win` (capture phase). `ui()` returns the mounted UI, or null while none is mounted — the
 * guard can be installed before the UI exists. Returns a function that removes the guard.
 * Events whose target is not our host are left alone: the page keeps its own keyboard handling.
 */
export function installInputGuard(win: Window, ui: () => GuardedUi | null): () => void {
  const onEvent = (event: Event) => {
    const mounted = ui();
    if (!mounted || !headedInto(mounted, event.target)) return;
    event.stopImmediatePropagation();
    const inner = focusedElement(mounted.root);
    if (!inner) return;
    const copy = replayable(win, event);
    if (!copy) return;
    inner.dispatchEvent(copy);
    if (copy.defaultPrevented && event.cancelable) event.preventDefault();
  };
  for (const type of GUARDED_EVENTS) win.addEventListener(type, onEvent, { capture: true });
  return () => {
    for (const type of GUARDED_EVENTS) win.removeEventListener(type, onEvent, { capture: true });
  };
}

/** Browsers retarget events from a closed shadow tree to its host; a DOM without retargeting shows the inner node. */
function headedInto(ui: GuardedUi, target: EventTarget | null): boolean {
  return target === ui.host || (target instanceof Node && ui.root.contains(target));
}

/** The element with focus inside `root`, descending through nested shadow roots. */
function focusedElement(root: ShadowRoot): Element | null {
  let active = root.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * A copy of `event` that stays inside the shadow tree (`composed: false`), or null for events our components do not
 * listen to (clipboard and focus events: their default actions need no help from us).
 */
function replayable(win: Window, event: Event): Event | null {
  const base = { bubbles: event.bubbles, cancelable: event.cancelable, composed: false };
  const w = win as Window & typeof globalThis;
  if (event instanceof w.KeyboardEvent) {
    return new w.KeyboardEvent(event.type, {
      ...base,
      key: event.key,
      code: event.code,
      location: event.location,
      repeat: event.repeat,
      isComposing: event.isComposing,
      ctrlKey: event.ctrlKey,
      shiftKey: event.shiftKey,
      altKey: event.altKey,
      metaKey: event.metaKey,
    });
  }
  if (event instanceof w.InputEvent) {
    return new w.InputEvent(event.type, { ...base, data: event.data, inputType: event.inputType, isComposing: event.isComposing });
  }
  if (event instanceof w.CompositionEvent) return new w.CompositionEvent(event.type, { ...base, data: event.data });
  return null;
}
