import { browser } from 'wxt/browser';
import type { TabMessage, TabMessageType, TabReply } from '../../storage/api';

/**
 * Sends a tab-protocol message to the content script of a tab; the reply type comes from the protocol map.
 * Rejects when the tab has no content script ("Receiving end does not exist").
 */
export async function sendToTab<K extends TabMessageType>(tabId: number, message: TabMessage<K>): Promise<TabReply<K>> {
  return (await browser.tabs.sendMessage(tabId, message)) as TabReply<K>;
}
