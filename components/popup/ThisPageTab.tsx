import { useCallback, useEffect, useState } from 'preact/hooks';
import type { TabStatus } from '../../storage/api';
import { listArticleAnnotations } from '../../storage/annotations';
import { normalizeArticleUrl } from '../../storage/article-identity';
import { getArticleByUrl } from '../../storage/articles';
import { siteKey } from '../../storage/site-key';
import type { Annotation, Article } from '../../storage/types';
import { useLiveQuery } from '../shared/use-live-query';
import { AnnotationItem } from './AnnotationItem';
import { ArticleHeader } from './ArticleHeader';
import { CopyCitation } from './CopyCitation';
import { ExportPanel } from './ExportPanel';
import { bundleForArticle } from './export-scope';
import { useFeedback } from './Feedback';
import { useServices, type TargetTab } from './services';
import { originPattern } from './target-tab';

type PageState =
  | { phase: 'loading' }
  | { phase: 'no-tab' }
  | { phase: 'ready'; tab: TargetTab; status: TabStatus | null };

/** A freshly injected content script needs a moment to analyse the page before it can answer. */
const STATUS_RETRIES = 20;
const STATUS_RETRY_MS = 250;

function siteOf(url: string): string {
  try {
    return siteKey(new URL(url).hostname);
  } catch {
    return url;
  }
}

async function findArticle(db: Parameters<typeof getArticleByUrl>[0], tab: TargetTab, status: TabStatus | null): Promise<Article | undefined> {
  if (status?.articleId) return db.articles.get(status.articleId);
  // Without a content script we still know the article if the reader annotated it before.
  try {
    return await getArticleByUrl(db, normalizeArticleUrl(tab.url));
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

export function ThisPageTab({ wait = sleep }: { wait?: (ms: number) => Promise<void> }) {
  const { db, tabs, permissions } = useServices();
  const feedback = useFeedback();
  const [state, setState] = useState<PageState>({ phase: 'loading' });

  const refresh = useCallback(
    async (retries = 0) => {
      const tab = await tabs.findTarget();
      if (!tab) return setState({ phase: 'no-tab' });
      let status = await tabs.getStatus(tab.id);
      for (let i = 0; !status && i < retries; i++) {
        await wait(STATUS_RETRY_MS);
        status = await tabs.getStatus(tab.id);
      }
      setState({ phase: 'ready', tab, status });
    },
    [tabs, wait],
  );

  useEffect(() => {
    void feedback.run(() => refresh());
  }, [refresh]);

  const tab = state.phase === 'ready' ? state.tab : null;
  const status = state.phase === 'ready' ? state.status : null;
  const article = useLiveQuery(async () => (tab ? ((await findArticle(db, tab, status)) ?? null) : null), [db, tab, status]).value;
  const annotations = useLiveQuery(async () => (article ? listArticleAnnotations(db, article.id) : []), [db, article?.id]).value ?? [];

  if (state.phase === 'loading') return <p class="hint">Looking at the current page…</p>;
  if (state.phase === 'no-tab' || !tab) return <p class="empty">Open a news article in a tab, then open NewsLens again.</p>;

  const site = siteOf(tab.url);
  const pattern = originPattern(tab.url);

  const annotateNow = () =>
    feedback.run(async () => {
      await tabs.injectContentScript(tab.id);
      await refresh(STATUS_RETRIES);
    });
  const alwaysAnnotate = () =>
    feedback.run(async () => {
      if (!pattern || !(await permissions.request(pattern))) return;
      await tabs.injectContentScript(tab.id);
      await refresh(STATUS_RETRIES);
    });
  const annotateAnyway = () =>
    feedback.run(async () => {
      await tabs.annotateAnyway(tab.id);
      await refresh(STATUS_RETRIES);
    });
  const open = (annotation: Annotation) => void feedback.run(() => tabs.scrollTo(tab.id, annotation.id));

  const orphans = annotations.filter((a) => a.anchor?.quality === 'orphan');
  const placed = annotations.filter((a) => a.anchor?.quality !== 'orphan');

  return (
    <div class="this-page">
      {article ? <ArticleHeader article={article} level={2} /> : <h2 class="article-title">{tab.title || site}</h2>}

      {!status && (
        <div class="callout">
          <p>NewsLens is not running on {site}.</p>
          <div class="actions">
            <button type="button" class="primary" onClick={annotateNow}>
              Annotate this page
            </button>
            {pattern && (
              <button type="button" onClick={alwaysAnnotate}>
                Always annotate on {site}
              </button>
            )}
          </div>
        </div>
      )}
      {status && !status.isArticle && (
        <div class="callout">
          <p>This page does not look like a news article.</p>
          <button type="button" onClick={annotateAnyway}>
            Annotate anyway
          </button>
        </div>
      )}
      {status?.textChanged && (
        <p class="callout warn" role="note">
          This article changed since you annotated it. Some notes may sit on different words, or could not be found.
        </p>
      )}

      {status && (status.entities.length > 0 || status.claims.length > 0) && <Summary status={status} />}

      <h3>Your notes</h3>
      {placed.length === 0 && orphans.length === 0 && <p class="empty">No highlights or notes on this page yet.</p>}
      <ul class="annotations">
        {placed.map((annotation) => (
          <AnnotationItem key={annotation.id} annotation={annotation} onOpen={status ? open : undefined} />
        ))}
      </ul>
      {orphans.length > 0 && (
        <section class="orphans" aria-label="Not found on the page">
          <h3>Not found on the page ({orphans.length})</h3>
          <p class="hint">The text these notes were attached to is no longer in the article. They are kept here.</p>
          <ul class="annotations">
            {orphans.map((annotation) => (
              <AnnotationItem key={annotation.id} annotation={annotation} />
            ))}
          </ul>
        </section>
      )}
      {article && (
        <section class="transfer" aria-label="Export this page">
          <h3>Export this page</h3>
          <CopyCitation article={article} idPrefix="page" />
          <ExportPanel
            idPrefix="page-export"
            scopes={[{ key: 'page', label: 'This page', slug: article.title || site, load: (now) => bundleForArticle(db, article.id, now) }]}
          />
        </section>
      )}
    </div>
  );
}

function Summary({ status }: { status: TabStatus }) {
  const entities = [...status.entities].sort((a, b) => b.count - a.count).slice(0, 8);
  return (
    <section class="summary" aria-label="What NewsLens found">
      {entities.length > 0 && (
        <>
          <h3>People, organisations, places</h3>
          <ul class="entities">
            {entities.map((e) => (
              <li key={`${e.type}:${e.canonical}`} class={`chip entity-${e.type}`}>
                {e.canonical} <span class="count">×{e.count}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {status.claims.length > 0 && (
        <p>
          {status.claims.length} check-worthy claim{status.claims.length === 1 ? '' : 's'} marked on the page.
        </p>
      )}
    </section>
  );
}
