// The hand-over between the document_start input guard and the content script that mounts the UI later. Both run in
// the extension's isolated world of the same frame, which page scripts cannot read, so a global is private to us.

import { installInputGuard, type GuardedUi } from './input-guard';

declare global {
  interface Window {
    __newslensGuardedUi?: GuardedUi | null;
    __newslensGuardInstalled?: boolean;
  }
}

/** The mounted in-page UI, or null before it mounts and after it is removed. */
export function mountedUi(): GuardedUi | null {
  return window.__newslensGuardedUi ?? null;
}

/**
 * Called by the content script when the UI mounts (with its host and closed root) and unmounts (null). A mounted UI is
 * guarded: on sites the reader allowed, the guard was installed at document_start, before the page's own listeners;
 * when injected once (toolbar button) it is installed now, after them, so listeners the page had already added still
 * see typing (README, threat model).
 */
export function publishUi(ui: GuardedUi | null): void {
  window.__newslensGuardedUi = ui;
  if (ui) ensureInputGuard();
}

/**
 * Installs the input guard (page/input-guard.ts) in this frame unless it already is: the document_start script installs
 * it first on allowed sites; the content script calls this too, for pages it was injected into once.
 */
export function ensureInputGuard(): void {
  if (window.__newslensGuardInstalled === true) return;
  window.__newslensGuardInstalled = true;
  installInputGuard(window, mountedUi);
}
