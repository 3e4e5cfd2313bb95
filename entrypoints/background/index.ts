import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { analyzeText } from '../../detect/analyze';
import { sendToTab } from '../../components/shared/send-to-tab';
import { isPageCommand } from '../../storage/api';
import { getDb } from '../../storage/db';
import { realDeps } from '../../storage/deps';
import { handleContentMessage, storageHandlers, type ContentHandlers } from '../../storage/message-handler';
import { syncContentScriptRegistration } from './content-script-registration';
import { receivePagePart } from './reader';
import { sessionBindings } from '../../storage/session-bindings';

export default defineBackground(() => {
  const handlers: ContentHandlers = {
    ...storageHandlers(getDb(), realDeps, sessionBindings),
    // Detection is pure computation on the text the page sent; it needs no storage and no sender binding.
    'detect/run': async ({ text, entities, claims }) => analyzeText(text, { entities, claims }),
    // Readability on the page's markup: pure computation too, in the offscreen document or this background page.
    'article/read': async (part) => receivePagePart(part),
  };

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // Only our own content scripts talk to us this way; extension pages (popup, options) use storage/ directly.
    const url = sender.url ?? sender.tab?.url;
    if (sender.id !== browser.runtime.id || !sender.tab || sender.tab.id === undefined || !url) return false;
    const ownPage = new URL(url).origin === new URL(browser.runtime.getURL('/')).origin;
    void handleContentMessage(message, { key: `${sender.tab.id}:${sender.frameId ?? 0}`, url, ownPage }, handlers).then(sendResponse);
    return true;
  });

  browser.commands.onCommand.addListener(async (command) => {
    if (!isPageCommand(command)) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await sendToTab(tab.id, { type: 'tab/command', command }).catch(() => undefined);
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
