export interface TabLike {
  id?: number;
  url?: string;
  title?: string;
  lastAccessed?: number;
}

function isWebPage(tab: TabLike): tab is TabLike & { id: number; url: string } {
  return tab.id !== undefined && !!tab.url && /^https?:\/\//.test(tab.url);
}

/**
 * The tab the popup is about. Opened from the toolbar, that is the active tab. Opened in a tab of its own
 * (readers pin it, the e2e tests open it so), the active tab is the popup itself: use the web page used last.
 */
export function pickTargetTab(active: TabLike | undefined, all: readonly TabLike[]): { id: number; url: string; title: string } | null {
  const candidates = active && isWebPage(active) ? [active] : all.filter(isWebPage);
  const best = candidates.reduce<(TabLike & { id: number; url: string }) | null>(
    (winner, tab) => (!winner || (tab.lastAccessed ?? 0) > (winner.lastAccessed ?? 0) ? tab : winner),
    null,
  );
  return best ? { id: best.id, url: best.url, title: best.title ?? '' } : null;
}

export function originPattern(url: string): string | null {
  try {
    const { protocol, host } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? `${protocol}//${host}/*` : null;
  } catch {
    return null;
  }
}
