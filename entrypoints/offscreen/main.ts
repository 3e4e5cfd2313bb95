// The Chromium offscreen document (reason DOM_PARSER): a hidden extension page with a DOM, where Readability parses
// and reads a serialised copy of the page, off the page's main thread. The MV3 service worker has no DOMParser.
// Only the background talks to it (see entrypoints/background/reader.ts); it never touches the reader's page.
import { browser } from 'wxt/browser';
import { readHtml } from '../../detect/article-reader';
import { OFFSCREEN_TARGET, type OffscreenRequest } from '../background/reader';

browser.runtime.onMessage.addListener((message: OffscreenRequest, sender, sendResponse) => {
  if (sender.id !== browser.runtime.id || message?.target !== OFFSCREEN_TARGET || typeof message.html !== 'string') return false;
  try {
    sendResponse({ ok: true, value: readHtml(message.html) });
  } catch (error) {
    sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) });
  }
  return false;
});
