import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { PageApp } from './PageApp';
// Bundled as text and given to the shadow root directly: no web-accessible stylesheet a page could probe for.
import pageCss from './page-ui.css?inline';
import type { PageActions, PageState, Store } from './page-state';

/**
 * Mounts the in-page UI (toolbar, cards, toasts) in a shadow root over the page, rendering `store` with `actions`;
 * it is removed with the content script's context. Resolves once mounted.
 */
export async function mountPageUi(
  ctx: ContentScriptContext,
  store: Store<PageState>,
  actions: PageActions,
): Promise<ShadowRootContentScriptUi<void>> {
  const ui = await createShadowRootUi(ctx, {
    name: 'newslens-ui',
    css: pageCss,
    position: 'overlay',
    zIndex: 2147483000,
    // Closed, so page scripts cannot read the reader's notes out of our UI. The e2e build opens it because
    // Playwright cannot reach into a closed shadow root; the UI code is the same.
    mode: import.meta.env.MODE === 'e2e' ? 'open' : 'closed',
    isolateEvents: true,
    onMount(container) {
      render(<PageApp store={store} actions={actions} />, container);
    },
    onRemove(container) {
      if (container) render(null, container);
    },
  });
  ui.mount();
  return ui;
}
