import { useEffect, useRef, useState } from 'preact/hooks';
import type { PanelSnapshot, PanelToPage } from '../../storage/api';
import type { TargetTab } from '../popup/services';
import type { PageLink } from './page-link';

export type PageView =
  | { phase: 'looking' }
  | { phase: 'no-tab' }
  | { phase: 'not-running'; tab: TargetTab }
  | { phase: 'connected'; tab: TargetTab; snapshot: PanelSnapshot | null; nearestId: string | null };

/** A content script injected a moment ago needs time to read the page before it answers. */
const CONNECT_TRIES = 12;
const CONNECT_RETRY_MS = 400;

/**
 * Keeps the panel connected to the page in the reader's current tab, reconnecting when they switch tab or the page
 * reloads. `send` carries a request to that page (a no-op while not connected).
 */
export function usePage(link: PageLink, wait = (ms: number) => new Promise<void>((done) => setTimeout(done, ms))) {
  const [view, setView] = useState<PageView>({ phase: 'looking' });
  const [generation, setGeneration] = useState(0);
  const sendRef = useRef<(message: PanelToPage) => void>(() => undefined);

  useEffect(() => {
    let cancelled = false;
    let close = () => undefined as void;
    void (async () => {
      const tab = await link.findTarget();
      if (cancelled) return;
      if (!tab) return setView({ phase: 'no-tab' });
      for (let attempt = 0; attempt < CONNECT_TRIES && !cancelled; attempt++) {
        const connection = await link.connect(
          tab,
          (message) => {
            if (cancelled) return;
            setView((previous) => {
              const base = previous.phase === 'connected' ? previous : { phase: 'connected' as const, tab, snapshot: null, nearestId: null };
              return message.type === 'panel/snapshot'
                ? { ...base, snapshot: message.snapshot, nearestId: message.snapshot.nearestId }
                : { ...base, nearestId: message.id };
            });
          },
          () => !cancelled && setGeneration((g) => g + 1),
        );
        if (cancelled) return connection?.close();
        if (connection) {
          sendRef.current = connection.send;
          close = connection.close;
          setView((previous) => (previous.phase === 'connected' && previous.tab.id === tab.id ? previous : { phase: 'connected', tab, snapshot: null, nearestId: null }));
          return;
        }
        if (attempt === 0) setView({ phase: 'not-running', tab });
        await wait(CONNECT_RETRY_MS);
      }
    })();
    const unsubscribe = link.onTargetChange(() => setGeneration((g) => g + 1));
    return () => {
      cancelled = true;
      sendRef.current = () => undefined;
      unsubscribe();
      close();
    };
  }, [link, generation]);

  return { view, send: (message: PanelToPage) => sendRef.current(message), reconnect: () => setGeneration((g) => g + 1) };
}
