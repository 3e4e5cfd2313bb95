import { browser } from 'wxt/browser';
import type { ContentMessage, Reply } from '../../storage/api';

export class BackgroundError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'BackgroundError';
  }
}

/** Sends a typed message to the background (which owns the database) and unwraps its reply. */
export async function ask<T>(message: ContentMessage): Promise<T> {
  let reply: Reply<T> | undefined;
  try {
    reply = (await browser.runtime.sendMessage(message)) as Reply<T> | undefined;
  } catch (error) {
    throw new BackgroundError('unreachable', 'NewsLens could not reach its storage (the extension may have been updated). Reload the page to continue.');
  }
  if (!reply) throw new BackgroundError('unreachable', 'NewsLens storage did not answer. Reload the page to continue.');
  if (!reply.ok) throw new BackgroundError(reply.code, reply.error);
  return reply.value;
}
