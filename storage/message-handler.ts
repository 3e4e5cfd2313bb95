// The background's side of the content-script protocol: validate, check that the message is about the sender's own
// page, route to a typed handler, and wrap the result in a Reply. Storage handlers live here; detection has its own
// handler in the background entrypoint, so storage/ never imports the engine.
import { createAnnotation, deleteAnnotation, listArticleAnnotations, listTags, recordAnchors, restoreAnnotation, updateAnnotation } from './annotations';
import { getArticleByUrl, recordVisit } from './articles';
import { normalizeArticleUrl } from './article-identity';
import {
  parseContentMessage,
  type ContentMessage,
  type ContentMessageType,
  type ContentReply,
  type Reply,
  type VisitResponse,
} from './api';
import type { NewsLensDb } from './db';
import type { StorageDeps } from './deps';
import { StorageError, toStorageError } from './errors';
import { getSettings, saveSiteDisplayMode } from './settings';
import { ValidationError } from './validate';

/**
 * Where a message came from, as the browser reports it (`runtime.MessageSender`), never as the page claims:
 * `key` names the tab and frame (`"<tabId>:<frameId>"`), `url` is that frame's document URL.
 */
export interface SenderPage {
  key: string;
  url: string;
  /**
   * True when the sender is one of the extension's own pages (the bundled sample article, entrypoints/sample), which
   * reports the stand-in web address it is the sample of. Only the background sets it, from the sender's origin.
   */
  ownPage?: boolean;
}

/** One handler per message name; the reply type comes from the protocol map, so a wrong shape does not compile. */
export type ContentHandlers = {
  [K in ContentMessageType]: (message: ContentMessage<K>, sender: SenderPage) => Promise<ContentReply<K>>;
};

/** The articles a tab's page may touch: those its own `page/visit` returned, while it stays on the same origin. */
export interface SenderBinding {
  origin: string;
  articleIds: string[];
}

/**
 * Remembers which articles each tab visited. The background's service worker may be stopped at any time, so the
 * real store is `storage.session` (kept for the browser session, never on disk); tests use {@link memoryBindings}.
 */
export interface BindingStore {
  get(key: string): Promise<SenderBinding | undefined>;
  set(key: string, binding: SenderBinding): Promise<void>;
}

export function memoryBindings(): BindingStore {
  const map = new Map<string, SenderBinding>();
  return {
    get: async (key) => map.get(key),
    set: async (key, binding) => void map.set(key, binding),
  };
}

/** A tab keeps at most this many recently visited articles (single-page sites move between articles without a reload). */
const MAX_BOUND_ARTICLES = 20;

function refuse(what: string): never {
  throw new StorageError('forbidden', `Refused: ${what} does not belong to this page.`);
}

/** The same document, ignoring the fragment (a page may scroll to `#comments` after it reported itself). */
function sameDocument(a: string, b: string): boolean {
  try {
    const x = new URL(a);
    const y = new URL(b);
    x.hash = '';
    y.hash = '';
    return x.href === y.href;
  } catch {
    return false;
  }
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'null';
  }
}

/**
 * The storage half of the protocol. Every message is bound to the sender's page (trust, issue 15 item 4): a visit must
 * describe the sender's own URL, and an article or annotation is only reachable from a tab whose page visited it.
 */
export function storageHandlers(
  db: NewsLensDb,
  deps: StorageDeps,
  bindings: BindingStore,
): Omit<ContentHandlers, 'detect/run' | 'article/read'> {
  async function boundArticles(sender: SenderPage): Promise<string[]> {
    const binding = await bindings.get(sender.key);
    return binding && binding.origin === originOf(sender.url) ? binding.articleIds : [];
  }
  async function requireArticle(sender: SenderPage, articleId: string): Promise<void> {
    if (!(await boundArticles(sender)).includes(articleId)) refuse('this article');
  }
  async function requireAnnotation(sender: SenderPage, id: string): Promise<void> {
    const annotation = await db.annotations.get(id);
    if (!annotation) throw new StorageError('not_found', 'This note no longer exists.');
    if (!(await boundArticles(sender)).includes(annotation.articleId)) refuse('this note');
  }
  async function bind(sender: SenderPage, articleId: string): Promise<void> {
    const kept = (await boundArticles(sender)).filter((id) => id !== articleId);
    await bindings.set(sender.key, { origin: originOf(sender.url), articleIds: [articleId, ...kept].slice(0, MAX_BOUND_ARTICLES) });
  }

  return {
    async 'page/visit'(message, sender) {
      const { pageUrl, canonical, ogUrl, ...rest } = message.page;
      if (!sender.ownPage && !sameDocument(pageUrl, sender.url)) refuse('this address');
      const url = normalizeArticleUrl(pageUrl, { canonical, ogUrl });
      const settings = await getSettings(db);
      if (!message.record) {
        const known = await getArticleByUrl(db, url);
        if (!known) return { article: null, annotations: [], textChanged: false, settings } satisfies VisitResponse;
      }
      const { article, textChanged } = await recordVisit(db, { ...rest, url }, deps);
      await bind(sender, article.id);
      return { article, annotations: await listArticleAnnotations(db, article.id), textChanged, settings };
    },
    async 'annotation/create'(message, sender) {
      await requireArticle(sender, message.articleId);
      return createAnnotation(db, message.articleId, message.annotation, deps);
    },
    async 'annotation/update'(message, sender) {
      await requireAnnotation(sender, message.id);
      return updateAnnotation(db, message.id, message.patch, deps);
    },
    async 'annotation/delete'(message, sender) {
      await requireAnnotation(sender, message.id);
      await deleteAnnotation(db, message.id, deps);
      return null;
    },
    async 'annotation/restore'(message, sender) {
      await requireAnnotation(sender, message.id);
      return restoreAnnotation(db, message.id, deps);
    },
    async 'anchors/report'(message, sender) {
      await requireArticle(sender, message.articleId);
      await recordAnchors(db, message.articleId, message.reports, deps);
      return null;
    },
    'tags/list': () => listTags(db),
    // Names no article or note: a display mode is a preference, as the popup's own settings are.
    'settings/site-mode': (message) => saveSiteDisplayMode(db, message.hostname, message.mode),
  };
}

function route<K extends ContentMessageType>(handlers: ContentHandlers, message: ContentMessage<K>, sender: SenderPage) {
  return (handlers[message.type] as ContentHandlers[K])(message, sender);
}

/**
 * Entry point for every message from a content script. Never throws: the reply says what went wrong, with a code
 * the page UI uses to show quota errors as such (`invalid` for a malformed message, `forbidden` for another page's data).
 */
export async function handleContentMessage(raw: unknown, sender: SenderPage, handlers: ContentHandlers): Promise<Reply<unknown>> {
  let message: ContentMessage;
  try {
    message = parseContentMessage(raw);
  } catch (error) {
    const text = error instanceof ValidationError ? error.message : 'malformed message';
    return { ok: false, code: 'invalid', error: `Rejected message: ${text}` };
  }
  try {
    return { ok: true, value: await route(handlers, message, sender) };
  } catch (error) {
    const storageError = toStorageError(error);
    return { ok: false, code: storageError.code, error: storageError.message };
  }
}
