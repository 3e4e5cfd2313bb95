import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { PageApp } from '../../components/page/PageApp';
// Bundled as text and given to the shadow root directly: no web-accessible stylesheet a page could probe for.
import pageCss from '../../components/page/page-ui.css?inline';
import { createStore, INITIAL_PAGE_STATE } from '../../components/page/page-state';
import type { TabMessage } from '../../storage/api';
import { servePanel } from './panel-port';
import { PageSession, yieldToPage } from './session';
import { installInputGuard } from '../../page/input-guard';
import { guardInstalled, markGuardInstalled, mountedUi, publishUi } from '../../page/guarded-ui';

// Injected either by the registration for sites the reader allowed, or on demand by the popup (activeTab).
// The isolated world keeps this flag invisible to the page, and stops a second injection from running twice.
declare global {
  interface Window {
    __newslensSession?: PageSession;
  }
}

/**
 * Runs NewsLens in a document: reads and paints the article, mounts the in-page UI in a shadow root and answers the popup
 * and side panel. The content script calls it on web pages; the bundled sample article (entrypoints/sample) calls it on itself.
 */
export async function runNewsLens(ctx: ContentScriptContext): Promise<void> {
  if (window.__newslensSession) {
    void window.__newslensSession.start(true);
    return;
  }
  const store = createStore(INITIAL_PAGE_STATE);
  let host: HTMLElement | null = null;
  const session = new PageSession({
    doc: document,
    store,
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
  publishUi({ host: ui.shadowHost, root: ui.shadow });
  // On sites the reader allowed, the guard was installed at document_start, before the page's own listeners. When
  // injected once (toolbar button), it comes after them: listeners the page had already added still see typing.
  if (!guardInstalled()) {
    markGuardInstalled();
    installInputGuard(window, mountedUi);
  }

  const onSelection = () => session.updateSelection();
  let selectionTimer: ReturnType<typeof setTimeout> | undefined;
  ctx.addEventListener(document, 'mouseup', () => setTimeout(onSelection, 0));
  ctx.addEventListener(document, 'keyup', (event) => {
    if ((event as KeyboardEvent).shiftKey) onSelection();
  });
  ctx.addEventListener(document, 'selectionchange', () => {
    clearTimeout(selectionTimer);
    selectionTimer = setTimeout(onSelection, 250);
  });
  ctx.addEventListener(document, 'click', (event) => session.handleClick(event as MouseEvent));
  // Hit-testing costs a caret lookup, so pointer moves are sampled once per frame.
  let pointerFrame = 0;
  ctx.addEventListener(document, 'mousemove', (event) => {
    if (pointerFrame) return;
    pointerFrame = requestAnimationFrame(() => {
      pointerFrame = 0;
      session.handlePointerMove(event as MouseEvent);
    });
  });

  browser.runtime.onMessage.addListener((message: TabMessage | { type: 'tab/command'; command: string }, _sender, sendResponse) => {
    switch (message?.type) {
      case 'tab/status':
        sendResponse(session.status());
        return false;
      case 'tab/scroll-to':
        session.actions.scrollToAnnotation(message.annotationId);
        sendResponse(true);
        return false;
      case 'tab/annotate-anyway':
        void session.start(true).then(() => sendResponse(true));
        return true;
      case 'tab/command':
        runCommand(session, message.command);
        sendResponse(true);
        return false;
      default:
        return false;
    }
  });

  const stopServingPanel = servePanel(session, store, window);

  ctx.onInvalidated(() => {
    publishUi(null);
    stopServingPanel();
    session.dispose();
    delete window.__newslensSession;
  });
  await scanning;
}

function runCommand(session: PageSession, command: string): void {
  session.takeSelection();
  if (command === 'annotate-selection') session.focusToolbar();
  else if (command === 'highlight-selection') void session.actions.highlightSelection();
  else if (command === 'note-selection') void session.actions.noteSelection();
  else if (command === 'next-claim') session.actions.stepClaim(1);
}
