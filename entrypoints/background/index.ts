import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { analyzeText } from '../../detect/analyze';
import { getDb } from '../../storage/db';
import { realDeps } from '../../storage/deps';
import { handleContentMessage } from '../../storage/message-handler';
import { syncContentScriptRegistration } from './content-script-registration';
import { receivePagePart } from './reader';

export default defineBackground(() => {
  const db = getDb();

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // Only our own content scripts talk to us this way; extension pages (popup, options) use storage/ directly.
    if (sender.id !== browser.runtime.id || !sender.tab) return false;
    void handleContentMessage(db, message, realDeps, analyzeText, receivePagePart).then(sendResponse);
    return true;
  });

  browser.commands.onCommand.addListener(async (command) => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await browser.tabs.sendMessage(tab.id, { type: 'tab/command', command }).catch(() => undefined);
  });

  browser.runtime.onInstalled.addListener(({ reason }) => {
    void syncContentScriptRegistration();
    // A first-run page says what NewsLens does, how to allow a site and what stays private, with a sample to try.
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
  browser.runtime.onStartup.addListener(() => void syncContentScriptRegistration());
  browser.permissions.onAdded.addListener(() => void syncContentScriptRegistration());
  browser.permissions.onRemoved.addListener(() => void syncContentScriptRegistration());
  void syncContentScriptRegistration();
});
