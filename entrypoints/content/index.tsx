import { render } from 'preact';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { PageApp } from '../../components/page/PageApp';
// Bundled as text and given to the shadow root directly: no web-accessible stylesheet a page could probe for.
import pageCss from '../../components/page/page-ui.css?inline';
import { createStore, INITIAL_PAGE_STATE } from '../../components/page/page-state';
import { ask } from '../../page/messaging';
import { yieldToPage } from '../../page/page-text';
import { PageSession } from '../../page/session';
import { handleTabMessage, tabHandlers } from '../../page/tab-messages';

// Injected either by the registration for sites the reader allowed, or on demand by the popup (activeTab).
// The isolated world keeps this flag invisible to the page, and stops a second injection from running twice.
declare global {
  interface Window {
    __newslensSession?: PageSession;
  }
}

export default defineContentScript({
  registration: 'runtime',
  cssInjectionMode: 'manual',
  async main(ctx) {
    if (window.__newslensSession) {
      void window.__newslensSession.start(true);
      return;
    }
    const store = createStore(INITIAL_PAGE_STATE);
    let host: HTMLElement | null = null;
    const session = new PageSession({
      doc: document,
      store,
      ask,
      uiHost: () => host,
      onPhase: (phase) => host?.setAttribute('data-state', phase),
    });
    window.__newslensSession = session;
    const scanning = session.start();
    await Promise.race([session.mapped, scanning]);
    await yieldToPage();

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
        render(<PageApp store={store} actions={session.actions} />, container);
      },
      onRemove(container) {
        if (container) render(null, container);
      },
    });
    ui.mount();
    host = ui.shadowHost;

    const { pointer } = session;
    const onSelection = () => pointer.updateSelection();
    let selectionTimer: ReturnType<typeof setTimeout> | undefined;
    ctx.addEventListener(document, 'mouseup', () => setTimeout(onSelection, 0));
    ctx.addEventListener(document, 'keyup', (event) => {
      if ((event as KeyboardEvent).shiftKey) onSelection();
    });
    ctx.addEventListener(document, 'selectionchange', () => {
      clearTimeout(selectionTimer);
      selectionTimer = setTimeout(onSelection, 250);
    });
    ctx.addEventListener(document, 'click', (event) => pointer.handleClick(event as MouseEvent));
    // Hit-testing costs a caret lookup, so pointer moves are sampled once per frame.
    let pointerFrame = 0;
    ctx.addEventListener(document, 'mousemove', (event) => {
      if (pointerFrame) return;
      pointerFrame = requestAnimationFrame(() => {
        pointerFrame = 0;
        pointer.handlePointerMove(event as MouseEvent);
      });
    });

    const handlers = tabHandlers(session);
    browser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
      const reply = handleTabMessage(handlers, message);
      if (!reply) return false;
      void reply.then(sendResponse);
      return true;
    });

    ctx.onInvalidated(() => {
      session.dispose();
      delete window.__newslensSession;
    });
    await scanning;
  },
});
