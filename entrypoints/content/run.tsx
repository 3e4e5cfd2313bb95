import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { mountPageUi } from '../../components/page/mount';
import { createStore, INITIAL_PAGE_STATE } from '../../components/page/page-state';
import { publishUi } from '../../page/guarded-ui';
import { ask } from '../../page/messaging';
import { yieldToPage } from '../../page/page-text';
import { PageSession } from '../../page/session';
import { listenForTabMessages } from '../../page/tab-messages';
import { servePanel } from '../../page/panel-port';

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
    ask,
    uiHost: () => host,
    onPhase: (phase) => host?.setAttribute('data-state', phase),
  });
  window.__newslensSession = session;
  const scanning = session.start();
  await Promise.race([session.mapped, scanning]);
  await yieldToPage();

  const ui = await mountPageUi(ctx, store, session.actions);
  host = ui.shadowHost;
  publishUi({ host: ui.shadowHost, root: ui.shadow });
  session.pointer.listen((type, handler) => ctx.addEventListener(document, type, handler));

  const stopTabMessages = listenForTabMessages(session);
  const stopServingPanel = servePanel(session, store, window);

  ctx.onInvalidated(() => {
    publishUi(null);
    stopServingPanel();
    stopTabMessages();
    session.dispose();
    delete window.__newslensSession;
  });
  await scanning;
}
