import { listArticleAnnotations, createAnnotation, deleteAnnotation, listTags, recordAnchors, restoreAnnotation, updateAnnotation } from './annotations';
import { getArticleByUrl, recordVisit } from './articles';
import { normalizeArticleUrl } from './article-identity';
import type { ContentMessage, Reply, VisitResponse } from './api';
import { parseContentMessage } from './api';
import type { NewsLensDb } from './db';
import type { StorageDeps } from './deps';
import { toStorageError } from './errors';
import { getSettings, saveSiteDisplayMode } from './settings';
import { ValidationError } from './validate';

/** The detectors are injected so storage/ does not import the engine (and tests can run without it). */
export type Analyzer = (text: string, options: { entities: boolean; claims: boolean }) => unknown;
/**
 * Reads the article out of serialised page markup sent in parts (see api.ts PAGE_HTML_PART): each call adds a part,
 * the call with the last part answers with detect/article-reader ReaderOutput, earlier ones with null.
 */
export type PageReader = (part: { id: string; index: number; count: number; html: string }) => unknown;

async function dispatch(
  db: NewsLensDb,
  message: ContentMessage,
  deps: StorageDeps,
  analyze: Analyzer,
  read: PageReader | undefined,
): Promise<unknown> {
  switch (message.type) {
    case 'page/visit': {
      const { pageUrl, canonical, ogUrl, ...rest } = message.page;
      const url = normalizeArticleUrl(pageUrl, { canonical, ogUrl });
      const settings = await getSettings(db);
      if (!message.record) {
        const known = await getArticleByUrl(db, url);
        if (!known) return { article: null, annotations: [], textChanged: false, settings } satisfies VisitResponse;
      }
      const { article, textChanged } = await recordVisit(db, { ...rest, url }, deps);
      return {
        article,
        annotations: await listArticleAnnotations(db, article.id),
        textChanged,
        settings,
      } satisfies VisitResponse;
    }
    case 'annotation/create':
      return createAnnotation(db, message.articleId, message.annotation, deps);
    case 'annotation/update':
      return updateAnnotation(db, message.id, message.patch, deps);
    case 'annotation/delete':
      await deleteAnnotation(db, message.id, deps);
      return null;
    case 'annotation/restore':
      return restoreAnnotation(db, message.id, deps);
    case 'anchors/report':
      await recordAnchors(db, message.articleId, message.reports, deps);
      return null;
    case 'tags/list':
      return listTags(db);
    case 'settings/get':
      return getSettings(db);
    case 'settings/site-mode':
      return saveSiteDisplayMode(db, message.hostname, message.mode);
    case 'detect/run':
      return analyze(message.text, { entities: message.entities, claims: message.claims });
    case 'article/read':
      if (!read) throw new Error('This build cannot read pages in the background.');
      return read(message);
  }
}

/**
 * Entry point for every message from a content script. Never throws: the reply says what went wrong,
 * with a code the page UI uses to show quota errors as such.
 */
export async function handleContentMessage(
  db: NewsLensDb,
  raw: unknown,
  deps: StorageDeps,
  analyze: Analyzer,
  read?: PageReader,
): Promise<Reply<unknown>> {
  let message: ContentMessage;
  try {
    message = parseContentMessage(raw);
  } catch (error) {
    const text = error instanceof ValidationError ? error.message : 'malformed message';
    return { ok: false, code: 'invalid', error: `Rejected message: ${text}` };
  }
  try {
    return { ok: true, value: await dispatch(db, message, deps, analyze, read) };
  } catch (error) {
    const storageError = toStorageError(error);
    return { ok: false, code: storageError.code, error: storageError.message };
  }
}
