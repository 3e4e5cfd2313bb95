// The content-script session end to end inside happy-dom: real detectors, real storage (fake-indexeddb) behind the
// real message handler, and the fallback painter (happy-dom has no Custom Highlight API).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createStore, INITIAL_PAGE_STATE, type PageState } from '../../../components/page/page-state';
import { analyzeText } from '../../../detect/analyze';
import { receivePagePart } from '../../../entrypoints/background/reader';
import { PageSession } from '../../../entrypoints/content/session';
import { NewsLensDb } from '../../../storage/db';
import { handleContentMessage } from '../../../storage/message-handler';
import { fixedDeps } from '../storage/helpers';

const SEED = readFileSync(resolve(process.cwd(), 'tests/fixtures/pages/seed-article.html'), 'utf8');
const windows: Window[] = [];

function page(html = SEED): Document {
  const window = new Window({
    url: 'https://news.example.com/content/2026/01/29/starmer-meets-xi-jinping-beijing?utm_source=newsletter',
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  windows.push(window);
  window.document.write(html);
  return window.document as unknown as Document;
}

function backgroundWith(db: NewsLensDb) {
  const deps = fixedDeps();
  fakeBrowser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    void handleContentMessage(db, message, deps, analyzeText, receivePagePart).then(sendResponse);
    return true;
  });
}

async function runSession(doc: Document) {
  const store = createStore<PageState>(INITIAL_PAGE_STATE);
  const session = new PageSession({ doc, store, uiHost: () => null });
  await session.start();
  return { session, store };
}

afterEach(async () => {
  for (const w of windows.splice(0)) await w.happyDOM.close();
});

describe('PageSession', () => {
  it('reads the article, detects entities and claims, and stores the article under its canonical URL', async () => {
    const db = new NewsLensDb(`session-${crypto.randomUUID()}`);
    backgroundWith(db);
    const { store, session } = await runSession(page());
    const state = store.get();
    expect(state.phase).toBe('ready');
    expect(state.isArticle).toBe(true);
    expect(state.groups.map((g) => g.canonical)).toEqual(expect.arrayContaining(['Keir Starmer', 'Xi Jinping', 'Zhao Leji', 'Xinhua']));
    expect(state.claims.length).toBeGreaterThanOrEqual(8);
    expect(state.claims.some((c) => c.speaker === 'Zhao Leji')).toBe(true);
    const [article] = await db.articles.toArray();
    expect(article?.url).toBe('https://news.example.com/content/2026/01/29/starmer-meets-xi-jinping-beijing');
    expect(session.status()).toMatchObject({ articleId: article?.id, isArticle: true, orphans: 0 });
    session.dispose();
  });

  it('saves a highlight and paints it again on the next visit, without changing the page text', async () => {
    const db = new NewsLensDb(`session-${crypto.randomUUID()}`);
    backgroundWith(db);
    const first = page();
    const { store, session } = await runSession(first);
    const text = 'generous coverage';
    const map = (session as unknown as { map: { text: string } }).map;
    const start = map.text.indexOf(text);
    store.set({ selection: { start, end: start + text.length, text, rect: { top: 0, left: 0, width: 0, height: 0 } } });
    await session.actions.highlightSelection('green');
    expect(store.get().error).toBeNull();
    const saved = await db.annotations.toArray();
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ kind: 'highlight', color: 'green', target: { quote: { exact: text } } });
    session.dispose();

    const again = page();
    const bodyText = again.querySelector('article')?.textContent;
    const revisit = await runSession(again);
    const placed = revisit.store.get().annotations;
    expect(placed).toHaveLength(1);
    expect(placed[0]).toMatchObject({ quality: 'exact', start });
    // The reader's highlight is painted privately (anchoring/overlay-paint.ts, tested there), never as page-visible marks.
    expect(again.querySelectorAll('newslens-mark[data-layer="hl-green"]')).toHaveLength(0);
    expect(((again as Node).ownerDocument ?? (again as unknown as Document)).querySelector('newslens-marks')).not.toBeNull();
    expect(again.querySelector('article')?.textContent).toBe(bodyText);
    revisit.session.dispose();
  });

  it('shows a storage failure to the reader instead of losing it silently', async () => {
    const db = new NewsLensDb(`session-${crypto.randomUUID()}`);
    backgroundWith(db);
    const { store, session } = await runSession(page());
    db.annotations.hook('creating', () => {
      throw Object.assign(new Error('QuotaExceededError'), { name: 'QuotaExceededError' });
    });
    store.set({ selection: { start: 0, end: 10, text: 'Sir Keir S', rect: { top: 0, left: 0, width: 0, height: 0 } } });
    await session.actions.highlightSelection();
    expect(store.get().error).toMatch(/quota/i);
    expect(await db.annotations.count()).toBe(0);
    session.dispose();
  });
});
