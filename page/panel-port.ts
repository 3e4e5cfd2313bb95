// The content script's end of the side panel's port: it sends the panel what the page shows (and, as the reader
// scrolls, which note is nearest the middle of the viewport), and carries out what the reader asks from the panel.
import { browser, type Browser } from 'wxt/browser';
import { trackingAnnotation, type PageState, type Store } from '../components/page/page-state';
import { PANEL_PORT, type PageToPanel, type PanelSnapshot, type PanelToPage } from '../storage/api';
import { DISPLAY_MODES } from '../storage/types';
import type { PageSession } from './session';

/** Scrolling fires many events a frame; the nearest note is looked up once the page has been still this long. */
const SCROLL_SETTLE_MS = 120;

export function panelSnapshot(state: PageState, session: PageSession, nearestId: string | null): PanelSnapshot {
  const painted = new Set(state.claimOrder);
  const positions: Record<string, number | null> = {};
  for (const placed of state.annotations) positions[placed.annotation.id] = placed.start ?? null;
  return {
    articleId: session.articleId(),
    title: state.articleTitle,
    phase: state.phase,
    mode: state.mode,
    textLength: session.textLength(),
    claims: state.claims.map((c, index) => {
      const tracking = trackingAnnotation(state, c);
      return {
        index,
        text: c.text,
        start: c.start,
        end: c.end,
        score: c.score,
        painted: painted.has(index),
        ...(c.speaker ? { speaker: c.speaker } : {}),
        ...(tracking ? { trackedBy: tracking.annotation.id } : {}),
      };
    }),
    entities: state.groups.map((g) => ({ entityId: g.entityId, canonical: g.canonical, type: g.type, count: g.count })),
    positions,
    nearestId,
  };
}

/**
 * The placed annotation whose text is nearest the middle of the viewport (only those on screen or just off it count),
 * or null when none is near. Reads one box per annotation: readers keep tens of notes, not thousands.
 */
export function nearestAnnotation(state: PageState, session: PageSession, viewportHeight: number): string | null {
  const middle = viewportHeight / 2;
  let best: { id: string; distance: number } | null = null;
  for (const placed of state.annotations) {
    if (placed.start === undefined || placed.end === undefined || placed.annotation.deletedAt) continue;
    const rect = session.rectOf({ start: placed.start, end: placed.end });
    if (!rect || rect.top + rect.height < -viewportHeight / 2 || rect.top > viewportHeight * 1.5) continue;
    const distance = Math.abs(rect.top + rect.height / 2 - middle);
    if (!best || distance < best.distance) best = { id: placed.annotation.id, distance };
  }
  return best?.id ?? null;
}

/** Listens for side panels connecting to this tab; each connection lives until the panel closes or switches tab. */
export function servePanel(session: PageSession, store: Store<PageState>, win: Window): () => void {
  const onConnect = (port: Browser.runtime.Port) => {
    if (port.name !== PANEL_PORT) return;
    let nearest: string | null = null;
    let settle: ReturnType<typeof setTimeout> | undefined;
    const post = (message: PageToPanel) => {
      try {
        port.postMessage(message);
      } catch {
        // The panel went away between two events; its disconnect handler cleans up.
      }
    };
    const sendSnapshot = () => post({ type: 'panel/snapshot', snapshot: panelSnapshot(store.get(), session, nearest) });
    const updateNearest = () => {
      const id = nearestAnnotation(store.get(), session, win.innerHeight);
      if (id === nearest) return;
      nearest = id;
      post({ type: 'panel/nearest', id });
    };
    const onScroll = () => {
      clearTimeout(settle);
      settle = setTimeout(updateNearest, SCROLL_SETTLE_MS);
    };
    const unsubscribe = store.subscribe(sendSnapshot);
    win.addEventListener('scroll', onScroll, { passive: true });
    port.onMessage.addListener((message: PanelToPage) => {
      switch (message?.type) {
        case 'panel/scroll-to':
          session.actions.scrollToAnnotation(message.annotationId);
          break;
        case 'panel/show-claim':
          session.showClaim(message.index);
          break;
        case 'panel/show-entity':
          session.actions.highlightAllMentions(message.entityId);
          break;
        case 'panel/set-mode':
          if (DISPLAY_MODES.includes(message.mode)) session.actions.setMode?.(message.mode);
          break;
        case 'panel/annotations-changed':
          void session.reloadAnnotations().catch(() => undefined);
          break;
      }
    });
    port.onDisconnect.addListener(() => {
      unsubscribe();
      clearTimeout(settle);
      win.removeEventListener('scroll', onScroll);
    });
    updateNearest();
    sendSnapshot();
  };
  browser.runtime.onConnect.addListener(onConnect);
  return () => browser.runtime.onConnect.removeListener(onConnect);
}
