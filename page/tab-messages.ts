// The page's side of the tab protocol: what the popup, the side panel and the background (keyboard shortcuts) ask
// of the page in a tab. Replies are typed from the protocol map in storage/api.ts.
import { browser } from 'wxt/browser';
import type { PageCommand, TabMessage, TabMessageType, TabReply } from '../storage/api';
import type { PageSession } from './session';

/** What a tab message may reach of the session: its status, its actions, a new visit, and the pointer's selection. */
export type TabTarget = Pick<PageSession, 'status' | 'actions' | 'start' | 'pointer'>;

export type TabHandlers = { [K in TabMessageType]: (message: TabMessage<K>) => TabReply<K> | Promise<TabReply<K>> };

export function tabHandlers(session: TabTarget): TabHandlers {
  return {
    'tab/status': () => session.status(),
    'tab/scroll-to': ({ annotationId }) => {
      session.actions.scrollToAnnotation(annotationId);
      return true;
    },
    'tab/annotate-anyway': async () => {
      await session.start(true);
      return true as const;
    },
    'tab/command': ({ command }) => {
      runCommand(session, command);
      return true;
    },
  };
}

function runCommand(session: TabTarget, command: PageCommand): void {
  // The shortcut may come before the selection debounce has caught up with the page selection, and it is the
  // reader's intent even on a selection they dismissed.
  session.pointer.takeSelection();
  if (command === 'annotate-selection') session.pointer.focusToolbar();
  else if (command === 'highlight-selection') void session.actions.highlightSelection();
  else if (command === 'note-selection') void session.actions.noteSelection();
  else session.actions.stepClaim(1);
}

/** Routes one message to its handler; anything that is not a tab message gets undefined (and no reply is sent). */
export function handleTabMessage(handlers: TabHandlers, message: unknown): Promise<unknown> | undefined {
  const type = (message as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return undefined;
  const handler = handlers[type as TabMessageType] as (m: unknown) => unknown;
  return Promise.resolve(handler(message));
}

/** Answers tab messages (popup, side panel, background) for `session` until the returned function is called. */
export function listenForTabMessages(session: TabTarget): () => void {
  const handlers = tabHandlers(session);
  const listener = (message: unknown, _sender: unknown, sendResponse: (reply: unknown) => void): boolean => {
    const reply = handleTabMessage(handlers, message);
    if (!reply) return false;
    void reply.then(sendResponse);
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
