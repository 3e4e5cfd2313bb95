import { browser } from 'wxt/browser';
import type { BindingStore, SenderBinding } from './message-handler';

/**
 * Tab-to-article bindings in `storage.session`: they survive the service worker being stopped between messages
 * (which MV3 does after ~30 s idle) but never reach the disk, and vanish with the browser session and its tab ids.
 */
export const sessionBindings: BindingStore = {
  async get(key) {
    const stored = await browser.storage.session.get(`binding:${key}`);
    return stored[`binding:${key}`] as SenderBinding | undefined;
  },
  async set(key, binding) {
    await browser.storage.session.set({ [`binding:${key}`]: binding });
  },
};
