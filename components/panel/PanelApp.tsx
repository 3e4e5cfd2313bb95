// The side panel: the main place to work while reading. It shows the article in the reader's current tab (at a glance,
// notes in reading order, claims by check-worthiness, entities) next to the page, and all notes with the popup's search.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { claimBand } from '../../detect/claim-bands';
import { listArticleAnnotations } from '../../storage/annotations';
import type { PanelSnapshot } from '../../storage/api';
import { CLAIM_STATUS_LABELS, type Annotation, type DisplayMode } from '../../storage/types';
import { ModeSwitch } from '../page/ModeSwitch';
import { AllNotesTab } from '../popup/AllNotesTab';
import { AnnotationItem } from '../popup/AnnotationItem';
import { FeedbackProvider, useFeedback } from '../popup/Feedback';
import { ServicesContext, useServices, type PopupServices } from '../popup/services';
import { useLiveQuery } from '../shared/use-live-query';
import { Tabs, type TabDef } from '../shared/Tabs';
import { AtAGlance } from './AtAGlance';
import { inReadingOrder } from './glance';
import { moveInList } from './list-keys';
import type { PageLink } from './page-link';
import { ShortcutsSheet } from './ShortcutsSheet';
import { usePage } from './use-page';

type PanelTab = 'notes' | 'claims' | 'entities' | 'all';

const TABS: TabDef<PanelTab>[] = [
  { key: 'notes', label: 'Notes' },
  { key: 'claims', label: 'Claims' },
  { key: 'entities', label: 'Names' },
  { key: 'all', label: 'All notes' },
];

const BAND_LABELS = { high: 'High', medium: 'Medium', low: 'Low' } as const;
const TYPE_LABELS: Record<string, string> = { person: 'People', organization: 'Organisations', place: 'Places' };

export interface PanelServices extends PopupServices {
  page: PageLink;
}

export function PanelApp({ services }: { services: PanelServices }) {
  return (
    <ServicesContext.Provider value={services}>
      <FeedbackProvider>
        <Panel link={services.page} />
      </FeedbackProvider>
    </ServicesContext.Provider>
  );
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

function Panel({ link }: { link: PageLink }) {
  const { db, tabs } = useServices();
  const feedback = useFeedback();
  const { view, send, reconnect } = usePage(link);
  const [tab, setTab] = useState<PanelTab>('notes');
  const [sheet, setSheet] = useState(false);
  const snapshot = view.phase === 'connected' ? view.snapshot : null;
  const articleId = snapshot?.articleId ?? null;
  const annotations = useLiveQuery(async () => (articleId ? listArticleAnnotations(db, articleId) : []), [db, articleId]).value;

  // Edits made here are written straight to the database; the page re-reads its annotations to repaint them.
  const seen = useRef<Annotation[] | undefined>(undefined);
  useEffect(() => {
    if (seen.current && annotations && seen.current !== annotations) send({ type: 'panel/annotations-changed' });
    seen.current = annotations;
  }, [annotations]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === '?') {
        event.preventDefault();
        setSheet(true);
      } else if (event.key === '/') {
        event.preventDefault();
        setTab('all');
        requestAnimationFrame(() => document.getElementById('search-input')?.focus());
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const title = snapshot?.title || (view.phase === 'connected' || view.phase === 'not-running' ? view.tab.title : '') || 'NewsLens';
  const setMode = (mode: DisplayMode) => send({ type: 'panel/set-mode', mode });

  return (
    <main class="panel">
      <header class="panel-head">
        <h1 class="panel-title" data-testid="panel-title">
          {title}
        </h1>
        <button type="button" class="icon" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={() => setSheet(true)} data-testid="panel-shortcuts-open">
          ?
        </button>
      </header>
      {view.phase === 'looking' && <p class="hint">Looking at the current page…</p>}
      {view.phase === 'no-tab' && <p class="empty">Open a news article in a tab to see its notes here.</p>}
      {view.phase === 'not-running' && (
        <div class="callout" data-testid="panel-not-running">
          <p>NewsLens is not running on this page. Click the NewsLens button in the toolbar and choose “Annotate this page”.</p>
          <button
            type="button"
            onClick={() =>
              feedback.run(async () => {
                await tabs.injectContentScript(view.tab.id);
                reconnect();
              })
            }
          >
            Try again on this page
          </button>
        </div>
      )}
      {snapshot && (
        <>
          <ModeSwitch mode={snapshot.mode} onChange={setMode} testIdPrefix="panel-mode" />
          {snapshot.phase === 'ready' && (
            <AtAGlance
              snapshot={snapshot}
              notes={(annotations ?? []).map((a) => ({ id: a.id, quote: a.target.quote.exact }))}
              onShowClaim={(index) => send({ type: 'panel/show-claim', index })}
              onShowNote={(annotationId) => send({ type: 'panel/scroll-to', annotationId })}
            />
          )}
        </>
      )}
      <Tabs id="panel" label="Side panel sections" tabs={TABS} active={tab} onChange={setTab}>
        {tab === 'notes' ? (
          <ArticleNotes
            annotations={annotations ?? []}
            snapshot={snapshot}
            nearestId={view.phase === 'connected' ? view.nearestId : null}
            onOpen={(annotationId) => send({ type: 'panel/scroll-to', annotationId })}
          />
        ) : tab === 'claims' ? (
          <ClaimList snapshot={snapshot} annotations={annotations ?? []} onShow={(index) => send({ type: 'panel/show-claim', index })} />
        ) : tab === 'entities' ? (
          <EntityList snapshot={snapshot} onShow={(entityId) => send({ type: 'panel/show-entity', entityId })} />
        ) : (
          <AllNotesTab />
        )}
      </Tabs>
      <ShortcutsSheet open={sheet} onClose={() => setSheet(false)} />
    </main>
  );
}

function ArticleNotes({
  annotations,
  snapshot,
  nearestId,
  onOpen,
}: {
  annotations: Annotation[];
  snapshot: PanelSnapshot | null;
  nearestId: string | null;
  onOpen(id: string): void;
}) {
  const list = useRef<HTMLUListElement>(null);
  const ordered = useMemo(() => inReadingOrder(annotations, snapshot?.positions ?? {}), [annotations, snapshot?.positions]);
  if (!snapshot) return <p class="empty">Notes on the article in this tab appear here.</p>;
  if (!ordered.length) return <p class="empty">No highlights or notes on this article yet. Select text in the page to start.</p>;
  return (
    <ul class="annotations" ref={list} aria-label="Your notes in reading order" onKeyDown={(e) => moveInList(e, list.current, 'button.quote')}>
      {ordered.map((annotation) => (
        <AnnotationItem
          key={annotation.id}
          annotation={annotation}
          current={annotation.id === nearestId}
          onOpen={snapshot.positions[annotation.id] != null ? (a) => onOpen(a.id) : undefined}
        />
      ))}
    </ul>
  );
}

function ClaimList({ snapshot, annotations, onShow }: { snapshot: PanelSnapshot | null; annotations: Annotation[]; onShow(index: number): void }) {
  const list = useRef<HTMLOListElement>(null);
  if (!snapshot) return <p class="empty">Claims in the article in this tab appear here.</p>;
  const ranked = [...snapshot.claims].sort((a, b) => b.score - a.score || a.start - b.start);
  if (!ranked.length) return <p class="empty">No check-worthy claims found in this article.</p>;
  const byId = new Map(annotations.map((a) => [a.id, a]));
  return (
    <ol class="claims" ref={list} aria-label="Claims, most check-worthy first" onKeyDown={(e) => moveInList(e, list.current, 'button.quote')}>
      {ranked.map((claim) => {
        const band = claimBand(claim.score);
        const status = claim.trackedBy ? byId.get(claim.trackedBy)?.claim?.status : undefined;
        return (
          <li key={claim.index} class={`claim band-${band}`} data-testid="panel-claim">
            <div class="annotation-head">
              <span class={`badge band-${band}`}>{BAND_LABELS[band]}</span>
              {claim.speaker && <span class="speaker">{claim.speaker}</span>}
              <span class={`badge status-${status ?? 'none'}`}>{status ? CLAIM_STATUS_LABELS[status] : 'Not tracked'}</span>
              {!claim.painted && <span class="hint">not shown in this mode</span>}
            </div>
            <button type="button" class="quote" onClick={() => onShow(claim.index)}>
              <span class="visually-hidden">Show in page: </span>
              {claim.text}
            </button>
          </li>
        );
      })}
    </ol>
  );
}

function EntityList({ snapshot, onShow }: { snapshot: PanelSnapshot | null; onShow(entityId: string): void }) {
  const list = useRef<HTMLDivElement>(null);
  if (!snapshot) return <p class="empty">People, organisations and places in the article appear here.</p>;
  if (!snapshot.entities.length) return <p class="empty">No names found in this article.</p>;
  const types = ['person', 'organization', 'place'].filter((t) => snapshot.entities.some((e) => e.type === t));
  return (
    <div ref={list} onKeyDown={(e) => moveInList(e, list.current, 'button.entity')}>
      {types.map((type) => (
        <section key={type} aria-labelledby={`entities-${type}`}>
          <h2 id={`entities-${type}`} class="section-title">
            {TYPE_LABELS[type]}
          </h2>
          <ul class="entity-list">
            {snapshot.entities
              .filter((e) => e.type === type)
              .sort((a, b) => b.count - a.count || a.canonical.localeCompare(b.canonical))
              .map((e) => (
                <li key={e.entityId}>
                  <button type="button" class={`entity entity-${e.type}`} onClick={() => onShow(e.entityId)}>
                    <span>{e.canonical}</span>
                    <span class="count">
                      {e.count}
                      <span class="visually-hidden"> {e.count === 1 ? 'mention' : 'mentions'}: show in page</span>
                    </span>
                  </button>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
