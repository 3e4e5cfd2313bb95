// A background for unit tests: the real protocol handlers over a fake-indexeddb database, with senders the test
// chooses (the browser, not the page, says which tab and URL a message comes from).
import type { Analysis } from '../../detect/analyze';
import { receivePagePart } from '../../entrypoints/background/reader';
import type { NewsLensDb } from '../../storage/db';
import type { StorageDeps } from '../../storage/deps';
import {
  handleContentMessage,
  memoryBindings,
  storageHandlers,
  type ContentHandlers,
  type SenderPage,
} from '../../storage/message-handler';

export const NO_ANALYSIS: Analysis = { entities: [], groups: [], claims: [] };

export function testHandlers(
  db: NewsLensDb,
  deps: StorageDeps,
  analyze: (text: string, options: { entities: boolean; claims: boolean }) => Analysis = () => NO_ANALYSIS,
): ContentHandlers {
  return {
    ...storageHandlers(db, deps, memoryBindings()),
    'detect/run': async ({ text, entities, claims }) => analyze(text, { entities, claims }),
    'article/read': async (part) => receivePagePart(part),
  };
}

/** A sender in tab `tab` (frame 0) whose document is at `url`. */
export function senderAt(url: string, tab = 1): SenderPage {
  return { key: `${tab}:0`, url };
}

/** Sends like a content script would: `send(message)` from `sender`, through validation and routing. */
export function backgroundFor(handlers: ContentHandlers, sender: SenderPage) {
  return (message: unknown) => handleContentMessage(message, sender, handlers);
}
