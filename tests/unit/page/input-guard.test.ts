import { afterEach, describe, expect, it } from 'vitest';
import { installInputGuard } from '../../../page/input-guard';

let removeGuard: (() => void) | undefined;
const pageListeners: [string, EventListener][] = [];

afterEach(() => {
  removeGuard?.();
  for (const [type, listener] of pageListeners.splice(0)) window.removeEventListener(type, listener, { capture: true });
  document.body.replaceChildren();
});

function mountUi() {
  const host = document.createElement('newslens-ui');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'closed' });
  const input = document.createElement('textarea');
  root.append(input);
  input.focus();
  return { host, root, input };
}

/** A hostile page logging everything it can hear on window, capture phase. */
function pageSpy(types: string[]) {
  const heard: string[] = [];
  for (const type of types) {
    const listener = (event: Event) => heard.push(`${type}:${(event as KeyboardEvent).key ?? (event as InputEvent).data ?? ''}`);
    window.addEventListener(type, listener, { capture: true });
    pageListeners.push([type, listener]);
  }
  return heard;
}

describe('input guard', () => {
  it('the page hears nothing typed into our UI, and our UI still gets every key and input', () => {
    const ui = mountUi();
    removeGuard = installInputGuard(window, () => ({ host: ui.host, root: ui.root }));
    const heard = pageSpy(['keydown', 'input', 'beforeinput', 'keyup']);
    const ours: string[] = [];
    ui.input.addEventListener('keydown', (event) => ours.push(`keydown:${event.key}`));
    ui.input.addEventListener('input', (event) => ours.push(`input:${(event as InputEvent).data}`));

    ui.input.dispatchEvent(new KeyboardEvent('keydown', { key: 'H', bubbles: true, composed: true, cancelable: true }));
    ui.input.dispatchEvent(new InputEvent('input', { data: 'H', inputType: 'insertText', bubbles: true, composed: true }));

    expect(heard).toEqual([]);
    expect(ours).toEqual(['keydown:H', 'input:H']);
  });

  it('cancelling the copy cancels the original (Escape, Enter handled by our components)', () => {
    const ui = mountUi();
    removeGuard = installInputGuard(window, () => ({ host: ui.host, root: ui.root }));
    ui.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') event.preventDefault();
    });
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true, cancelable: true });
    ui.input.dispatchEvent(enter);
    expect(enter.defaultPrevented).toBe(true);
    const letter = new KeyboardEvent('keydown', { key: 'a', bubbles: true, composed: true, cancelable: true });
    ui.input.dispatchEvent(letter);
    expect(letter.defaultPrevented).toBe(false);
  });

  it('leaves the page its own keyboard: events aimed elsewhere pass untouched', () => {
    const ui = mountUi();
    removeGuard = installInputGuard(window, () => ({ host: ui.host, root: ui.root }));
    const heard = pageSpy(['keydown']);
    const field = document.createElement('input');
    document.body.append(field);
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'x', bubbles: true, composed: true }));
    expect(heard).toEqual(['keydown:x']);
  });

  it('does nothing before the UI is mounted', () => {
    removeGuard = installInputGuard(window, () => null);
    const heard = pageSpy(['keydown']);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'y', bubbles: true, composed: true }));
    expect(heard).toEqual(['keydown:y']);
  });
});
