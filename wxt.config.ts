import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The `e2e` mode (`wxt build --mode e2e`, output in `.output/chrome-mv3-e2e`) is the production
// build with two differences a headless test needs: a host permission for 127.0.0.1, standing in for
// the reader's "allow on this site" click, and an open (not closed) shadow root for the in-page UI, so
// Playwright can click it. Everything else is the same code.
/** Toolbar and store icons, rendered from assets/icons/*.svg by `npm run icons` (scripts/render-icons.ts). */
const ICON_SIZES = [16, 32, 48, 128] as const;
const icons = (prefix = '') => Object.fromEntries(ICON_SIZES.map((size) => [size, `icon/${prefix}${size}.png`]));

export default defineConfig({
  // Explicit imports everywhere: a reader of any file can see where each name comes from.
  imports: false,
  // Manifest V3 for Firefox too: the same permission model (optional host permissions, scripting) on both browsers.
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
    // citeproc-js with the CSL styles and locale is ~705 kB minified (the citation chunk, and the popup's reference
    // worker). It loads lazily, only in the popup and only when a citation is made, so it never weighs on page loads;
    // the limit is raised to say that is expected.
    build: { chunkSizeWarningLimit: 720 },
  }),
  manifest: ({ mode, browser }) => ({
    name: 'NewsLens',
    description:
      'Read the news closely: see people, organisations, places and check-worthy claims; keep highlights, notes and fact-check verdicts on your own machine.',
    // offscreen: Chromium's MV3 service worker has no DOM parser; the article finder parses a copy of the page in an
    // offscreen document instead of on the page's main thread. Firefox's background page has a DOM and needs none.
    permissions: ['activeTab', 'scripting', 'storage', 'unlimitedStorage', ...(browser === 'firefox' ? [] : ['offscreen'])],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    ...(mode === 'e2e' ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
    icons: icons(),
    action: {
      default_title: 'NewsLens',
      default_icon: icons(),
      // Firefox picks the variant for the toolbar's theme: `light` is the light-coloured icon for dark toolbars. Chrome
      // has no such key; the extension's pages switch the icon with action.setIcon (components/shared/toolbar-icon.ts).
      ...(browser === 'firefox'
        ? { theme_icons: ICON_SIZES.map((size) => ({ light: `icon/dark-${size}.png`, dark: `icon/${size}.png`, size })) }
        : {}),
    },
    // Readers can rebind these at chrome://extensions/shortcuts (about:addons in Firefox). Chrome binds at most four
    // suggested keys and silently leaves a command unbound when the browser owns its key (Alt+Shift+A and Alt+Shift+N
    // are refused in Chromium), so these four are checked with commands.getAll() in tests/e2e/keyboard.test.ts and
    // listed for readers in components/shared/shortcuts.ts.
    commands: {
      'annotate-selection': { suggested_key: { default: 'Alt+Shift+E' }, description: 'Annotate the selected text (focus the selection toolbar)' },
      'highlight-selection': { suggested_key: { default: 'Alt+Shift+H' }, description: 'Highlight the selected text' },
      'note-selection': { suggested_key: { default: 'Alt+Shift+M' }, description: 'Add a note to the selected text' },
      'next-claim': { suggested_key: { default: 'Alt+Shift+J' }, description: 'Go to the next check-worthy claim' },
    },
    browser_specific_settings: {
      // Firefox asks extensions to declare what they collect: nothing leaves the reader's machine.
      gecko: { id: 'newslens@newslens.local', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
      // That declaration arrived in Firefox 140 on desktop (ESR 140 included) but only in 142 on Android.
      gecko_android: { strict_min_version: '142.0' },
    },
  }),
});
