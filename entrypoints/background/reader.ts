// Where Readability runs for a content script: it needs a DOM parser, and the page's main thread has a 50 ms budget.
// - Firefox (MV3 background is an event page, with a DOM): right here, with DOMParser.
// - Chromium (MV3 background is a service worker, no DOM): in an offscreen document (reason DOM_PARSER) that this
//   module creates once and keeps.
import { browser } from 'wxt/browser';
import { readHtml, type ReaderOutput } from '../../detect/article-reader';

export const OFFSCREEN_TARGET = 'newslens-offscreen-reader';
const OFFSCREEN_PATH = '/offscreen.html';

export interface OffscreenRequest {
  target: typeof OFFSCREEN_TARGET;
  html: string;
}

type OffscreenReply = { ok: true; value: ReaderOutput | null } | { ok: false; error: string };

let creating: Promise<void> | null = null;

async function ensureOffscreenDocument(): Promise<void> {
  if (await browser.offscreen.hasDocument()) return;
  creating ??= browser.offscreen
    .createDocument({
      url: OFFSCREEN_PATH,
      reasons: ['DOM_PARSER'],
      justification: 'Parse a copy of the page to find the article body (Readability) without blocking the page.',
    })
    .finally(() => {
      creating = null;
    });
  await creating;
}

/** Pages being received part by part, by message id; only a few at once (one per tab scanning right now). */
const pending = new Map<string, string[]>();
const MAX_PENDING = 8;

/**
 * Takes one part of a page's serialised markup (content script read-page.ts). Answers null until the last part has
 * arrived, then Readability's findings on the whole page (null when it finds no body). Throws on parts out of order
 * and when the offscreen document cannot be created or answers with an error.
 */
export async function receivePagePart(part: { id: string; index: number; count: number; html: string }): Promise<ReaderOutput | null> {
  const parts = pending.get(part.id) ?? [];
  if (parts.length !== part.index) {
    pending.delete(part.id);
    throw new Error(`Page part ${part.index} arrived out of order.`);
  }
  parts.push(part.html);
  if (parts.length < part.count) {
    pending.set(part.id, parts);
    // A tab closed mid-send leaves its parts behind: keep only the most recent pages.
    while (pending.size > MAX_PENDING) pending.delete(pending.keys().next().value as string);
    return null;
  }
  pending.delete(part.id);
  return readPageMarkup(parts.join(''));
}

/**
 * Readability's findings on serialised page markup (see detect/article-reader.ts ReaderOutput), or null when it
 * finds no body. Throws when the offscreen document cannot be created or answers with an error.
 */
export async function readPageMarkup(html: string): Promise<ReaderOutput | null> {
  if (typeof DOMParser !== 'undefined') return readHtml(html);
  await ensureOffscreenDocument();
  const request: OffscreenRequest = { target: OFFSCREEN_TARGET, html };
  const reply = (await browser.runtime.sendMessage(request)) as OffscreenReply | undefined;
  if (!reply) throw new Error('The offscreen reader did not answer.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
