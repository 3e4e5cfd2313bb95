// How the side panel reaches the page it describes: a port to the content script of the tab the reader is on.
import { browser } from 'wxt/browser';
import { PANEL_PORT, type PageToPanel, type PanelToPage } from '../../storage/api';
import { browserTabs } from '../popup/browser-services';
import type { TargetTab } from '../popup/services';

export interface PageConnection {
  tab: TargetTab;
  send(message: PanelToPage): void;
  close(): void;
}

export interface PageLink {
  /** The tab the panel is about (the active web page of its window), or null when there is none. */
  findTarget(): Promise<TargetTab | null>;
  /**
   * Connects to NewsLens in `tab`. Resolves to null when the tab has no content script (NewsLens was not allowed there);
   * `onClose` runs when the page goes away (reload, navigation).
   */
  connect(tab: TargetTab, onMessage: (message: PageToPanel) => void, onClose: () => void): Promise<PageConnection | null>;
  /** Calls `listener` when the reader switches tab or the tab loads a new page; returns the unsubscribe function. */
  onTargetChange(listener: () => void): () => void;
}

export const browserPageLink: PageLink = {
  findTarget: () => browserTabs.findTarget(),
  async connect(tab, onMessage, onClose) {
    // Asking first tells "no content script" apart from a page that is still loading.
    if (!(await browserTabs.getStatus(tab.id))) return null;
    const port = browser.tabs.connect(tab.id, { name: PANEL_PORT });
    let open = true;
    port.onMessage.addListener((message: PageToPanel) => onMessage(message));
    port.onDisconnect.addListener(() => {
      open = false;
      onClose();
    });
    return {
      tab,
      send: (message) => {
        if (open) port.postMessage(message);
      },
      close: () => {
        open = false;
        port.disconnect();
      },
    };
  },
  onTargetChange(listener) {
    const onActivated = () => listener();
    const onUpdated = (_id: number, info: { status?: string }, tab: { active?: boolean }) => {
      if (tab.active && info.status === 'complete') listener();
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  },
};
