// The content-script session end to end inside happy-dom: real detectors, real storage (fake-indexeddb) behind the
// real message handler, and the fallback painter (happy-dom has no Custom Highlight API).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStore, INITIAL_PAGE_STATE, type PageState } from '../../../components/page/page-state';
import { analyzeText } from '../../../detect/analyze';
import { PageSession } from '../../../page/session';
import type { Ask } from '../../../page/messaging';
import { BackgroundError } from '../../../page/messaging';
import { NewsLensDb } from '../../../storage/db';
import { backgroundFor, senderAt, testHandlers } from '../../support/background';
import { fixedDeps } from '../../support/storage';

const SEED = readFileSync(resolve(process.cwd(), 'tests/fixtures/pages/seed-article.html'), 'utf8');
const PAGE_URL = 'https://news.example.com/content/2026/01/29/starmer-meets-xi-jinping-beijing?utm_source=newsletter';
const windows: Window[] = [];

function page(html = SEED): Document {
  const window = new Window({
    url: PAGE_URL,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  windows.push(window);
  window.document.write(html);
  return window.document as unknown as Document;
}

/** The real background (validation, sender binding, storage, detectors) answering one tab, as `ask` would reach it. */
function backgroundWith(db: NewsLensDb): Ask {
  const send = backgroundFor(testHandlers(db, fixedDeps(), analyzeText), senderAt(PAGE_URL));
  return (async (message) => {
    const reply = await send(message);
    if (!reply.ok) throw new BackgroundError(reply.code, reply.error);
    return reply.value;
  }) as Ask;
}

async function runSession(doc: Document, ask: Ask) {
  const store = createStore<PageState>(INITIAL_PAGE_STATE);
  const session = new PageSession({ doc, store, ask, uiHost: () => null });
  await session.start();
  return { session, store };
}

afterEach(async () => {
  for (const w of windows.splice(0)) await w.happyDOM.close();
});

describe('PageSession', () => {
  it('reads the article, detects entities and claims, and stores the article under its canonical URL', async () => {
    const db = new NewsLensDb(`session-${crypto.randomUUID()}`);
    const { store, session } = await runSession(page(), backgroundWith(db));
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
  }, 15_000);

  it('saves a highlight and paints it again on the next visit, without changing the page text', async () => {
    const db = new NewsLensDb(`session-${crypto.randomUUID()}`);
    const ask = backgroundWith(db);
    const { store, session } = await runSession(page(), ask);
    const text = 'generous coverage';
    const start = session.text.map?.text.indexOf(text) ?? -1;
    store.set({ selection: { start, end: start + text.length, text, rect: { top: 0, left: 0, width: 0, height: 0 } } });
    await session.actions.highlightSelection('green');
    expect(store.get().error).toBeNull();
    const saved = await db.annotations.toArray();
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ kind: 'highlight', color: 'green', target: { quote: { exact: text } } });
    session.dispose();

    const again = page();
    const bodyText = again.querySelector('article')?.textContent;
    const revisit = await runSession(again, ask);
    const placed = revisit.store.get().annotations;
    expect(placed).toHaveLength(1);
    expect(placed[0]).toMatchObject({ quality: 'exact', start });
    // The reader's highlight is painted privately (anchoring/overlay-paint.ts, tested there), never as page-visible marks.
    expect(again.querySelectorAll('newslens-mark[data-layer="hl-green"]')).toHaveLength(0);
    expect(((again as Node).ownerDocument ?? (again as unknown as Document)).querySelector('newslens-marks')).not.toBeNull();
    expect(again.querySelector('article')?.textContent).toBe(bodyText);
    revisit.session.dispose();
  }, 15_000);

  it('shows a storage failure to the reader instead of losing it silently', async () => {
    const db = new NewsLensDb(`session-${crypto.randomUUID()}`);
    const { store, session } = await runSession(page(), backgroundWith(db));
    db.annotations.hook('creating', () => {
      throw Object.assign(new Error('QuotaExceededError'), { name: 'QuotaExceededError' });
    });
    store.set({ selection: { start: 0, end: 10, text: 'Sir Keir S', rect: { top: 0, left: 0, width: 0, height: 0 } } });
    await session.actions.highlightSelection();
    expect(store.get().error).toMatch(/quota/i);
    expect(await db.annotations.count()).toBe(0);
    session.dispose();
  }, 15_000);

  it('re-points the paint when the same words are re-rendered, and detects again only when the words change', async () => {
    const db = new NewsLensDb(`session-${crypto.randomUUID()}`);
    const ask = backgroundWith(db);
    const sent: string[] = [];
    const counting = ((message: { type: string }) => {
      sent.push(message.type);
      return ask(message as never);
    }) as Ask;
    const doc = page();
    const { store, session } = await runSession(doc, counting);
    expect(sent.filter((t) => t === 'detect/run')).toHaveLength(1);
    const inArticle = () => [...doc.querySelectorAll('article p')].find((p) => p.textContent?.includes('generous coverage')) as HTMLElement;
    const paragraph = inArticle();
    paragraph.replaceWith(paragraph.cloneNode(true));
    // The rescan waits for the page to settle (1.2 s), then finds the same text in new nodes.
    await new Promise((done) => setTimeout(done, 1600));
    expect(sent.filter((t) => t === 'detect/run')).toHaveLength(1);
    const moved = session.text.map?.text.indexOf('generous coverage') ?? -1;
    expect(session.text.rangeOf({ start: moved, end: moved + 8 })?.startContainer.isConnected).toBe(true);

    inArticle().append(' Officials said exports rose by 40% last year.');
    await vi.waitFor(() => expect(sent.filter((t) => t === 'detect/run')).toHaveLength(2), { timeout: 10_000, interval: 100 });
    await vi.waitFor(() => expect(store.get().phase).toBe('ready'), { timeout: 10_000, interval: 100 });
    expect(session.text.map?.text).toContain('exports rose by 40%');
    session.dispose();
  }, 30_000);
});
