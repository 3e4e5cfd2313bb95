import { browser } from 'wxt/browser';

const SIZES = [16, 32, 48, 128] as const;

/**
 * Chrome has no manifest key for a dark-toolbar icon (Firefox's `theme_icons`), and its service worker cannot read the
 * colour scheme; the extension's own pages can, so they set the toolbar icon to match it whenever one is open.
 */
export function matchToolbarIcon(win: Window = window): void {
  const query = win.matchMedia?.('(prefers-color-scheme: dark)');
  if (!query || !browser.action?.setIcon) return;
  const apply = () => {
    const prefix = query.matches ? 'dark-' : '';
    void browser.action.setIcon({ path: Object.fromEntries(SIZES.map((size) => [size, `/icon/${prefix}${size}.png`])) }).catch(() => undefined);
  };
  apply();
  query.addEventListener('change', apply);
}
