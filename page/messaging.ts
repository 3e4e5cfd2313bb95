import { browser } from 'wxt/browser';
import type { ContentMessage, ContentMessageType, ContentReply, Reply } from '../storage/api';

export class BackgroundError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'BackgroundError';
  }
}

/**
 * Sends one protocol message to the background and resolves with its typed reply. Page collaborators take this as a
 * parameter, so their unit tests answer with a fake background instead of a browser.
 */
export type Ask = <K extends ContentMessageType>(message: ContentMessage<K>) => Promise<ContentReply<K>>;

/**
 * The real {@link Ask}: sends to the background (which owns the database) and unwraps its reply.
 * Throws BackgroundError: `unreachable` when the extension was reloaded under the page, else the background's code
 * (`quota`, `invalid`, `forbidden`, `not_found`, `unknown`) with a message meant for the reader.
 */
export const ask: Ask = async <K extends ContentMessageType>(message: ContentMessage<K>) => {
  let reply: Reply<ContentReply<K>> | undefined;
  try {
    reply = (await browser.runtime.sendMessage(message)) as Reply<ContentReply<K>> | undefined;
  } catch {
    throw new BackgroundError('unreachable', 'NewsLens could not reach its storage (the extension may have been updated). Reload the page to continue.');
  }
  if (!reply) throw new BackgroundError('unreachable', 'NewsLens storage did not answer. Reload the page to continue.');
  if (!reply.ok) throw new BackgroundError(reply.code, reply.error);
  return reply.value;
};
