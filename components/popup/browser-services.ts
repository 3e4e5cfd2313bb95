// The real browser behind PopupServices (see services.ts).
import { browser } from 'wxt/browser';
import { sendToTab } from '../shared/send-to-tab';
import type { PersistentStorage, SidePanelOpener, SitePermissions, TabBridge } from './services';
import { pickTargetTab } from './target-tab';

export const browserTabs: TabBridge = {
  async findTarget() {
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    if (active?.url && /^https?:/.test(active.url)) return pickTargetTab(active, []);
    return pickTargetTab(undefined, await browser.tabs.query({}));
  },
  async getStatus(tabId) {
    try {
      return await sendToTab(tabId, { type: 'tab/status' });
    } catch {
      // "Receiving end does not exist": no content script in that tab.
      return null;
    }
  },
  async scrollTo(tabId, annotationId) {
    await sendToTab(tabId, { type: 'tab/scroll-to', annotationId });
  },
  async annotateAnyway(tabId) {
    await sendToTab(tabId, { type: 'tab/annotate-anyway' });
  },
  async injectContentScript(tabId) {
    await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/content.js'] });
  },
};

export const browserPermissions: SitePermissions = {
  async list() {
    const { origins = [] } = await browser.permissions.getAll();
    return origins.filter((origin) => /^https?:\/\//.test(origin));
  },
  request: (originPattern) => browser.permissions.request({ origins: [originPattern] }),
  remove: (originPattern) => browser.permissions.remove({ origins: [originPattern] }),
};

export const browserStorage: PersistentStorage = {
  async persist() {
    return navigator.storage?.persist ? navigator.storage.persist() : null;
  },
  async persisted() {
    return navigator.storage?.persisted ? navigator.storage.persisted() : null;
  },
};

/**
 * Chrome's `sidePanel.open` needs the window and must be called synchronously in the click handler (a user gesture), so
 * the window id is looked up when the popup opens. Firefox has `sidebarAction.open()` for the same.
 */
export function browserSidePanel(): SidePanelOpener {
  let windowId: number | undefined;
  void browser.windows.getCurrent().then((w) => (windowId = w.id));
  const firefox = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  return {
    open() {
      if (firefox) return firefox.open();
      if (windowId === undefined) return Promise.reject(new Error('The browser window is not known yet; try again.'));
      return browser.sidePanel.open({ windowId });
    },
  };
}
