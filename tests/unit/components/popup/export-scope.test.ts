import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { bundleForAnnotations, bundleForEverything } from '../../../../components/popup/export-scope';
import { toBackupJson, toBackupJsonInSlices } from '../../../../export/backup';
import type { ExportBundle } from '../../../../export/bundle';
import { toBibtexFile, toBibtexFileInSlices, toCslJsonFileInSlices } from '../../../../export/citation';
import { toClaimReviewJson, toClaimReviewJsonInSlices } from '../../../../export/claim-review';
import { toCsv, toCsvInSlices } from '../../../../export/csv';
import { toMarkdown, toMarkdownFiles, toMarkdownInSlices, toMarkdownZip, type ReferenceFormatter } from '../../../../export/markdown';
import { referenceEngine } from '../../../../export/reference-engine';
import { isCancelled } from '../../../../export/slices';
import { toWebAnnotationJson, toWebAnnotationJsonInSlices } from '../../../../export/web-annotation';
import { NewsLensDb } from '../../../../storage/db';
import type { Annotation, Article } from '../../../../storage/types';
import { generateCorpus } from '../../../fixtures/popup-data';

const NOW = new Date('2025-04-01T12:00:00.000Z');
const dbs: NewsLensDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

/** 1,300 annotations over 65 articles (more than one page of each kind), some articles and annotations deleted. */
async function seeded(): Promise<{ db: NewsLensDb; articles: Article[]; annotations: Annotation[] }> {
  const corpus = generateCorpus(1300);
  const articles = corpus.articles.map((a, i) => (i % 13 === 5 ? { ...a, deletedAt: '2025-03-01T00:00:00.000Z' } : a));
  // Stored in shuffled order: the database, not insertion order, decides the export's order.
  const annotations = corpus.annotations
    .map((a, i) => (i % 17 === 3 ? { ...a, deletedAt: '2025-03-01T00:00:00.000Z' } : a))
    .sort((a, b) => (a.target.quote.exact < b.target.quote.exact ? -1 : 1));
  const db = new NewsLensDb(`scope-${crypto.randomUUID()}`);
  dbs.push(db);
  await db.articles.bulkAdd([...articles].reverse());
  await db.annotations.bulkAdd(annotations);
  return { db, articles, annotations };
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe('export sources read from the database a page at a time', () => {
  it('everything: each format has the same bytes as the exporter given the whole library at once', async () => {
    const { db, articles, annotations } = await seeded();
    const bundle: ExportBundle = { articles: [...articles].sort(byId), annotations, exportedAt: NOW.toISOString() };
    const source = await bundleForEverything(db, NOW);
    const slices = { budgetMs: 1 };
    expect(await (await toMarkdownInSlices(source, { citationStyle: 'apa' }, slices)).text()).toBe(toMarkdown(bundle, { citationStyle: 'apa' }));
    // References formatted a page at a time by a formatter (the popup's works in a worker) give the same text.
    const pages: number[] = [];
    const references: ReferenceFormatter = async (items, style) => {
      pages.push(items.length);
      return referenceEngine(style).formatAll(items);
    };
    expect(await (await toMarkdownInSlices(source, { citationStyle: 'chicago', references }, slices)).text()).toBe(toMarkdown(bundle, { citationStyle: 'chicago' }));
    expect(pages.length).toBeGreaterThan(1);
    const zipped = unzipSync(new Uint8Array(await (await toMarkdownZip(source, { citationStyle: 'mla', references }, slices)).arrayBuffer()));
    expect(Object.entries(zipped).map(([name, bytes]) => ({ fileName: name, content: strFromU8(bytes) }))).toEqual(toMarkdownFiles(bundle, { citationStyle: 'mla' }));
    expect(await (await toCsvInSlices(source, slices)).text()).toBe(toCsv(bundle));
    expect(await (await toBackupJsonInSlices(source, slices)).text()).toBe(toBackupJson(bundle));
    expect(await (await toWebAnnotationJsonInSlices(source, {}, slices)).text()).toBe(toWebAnnotationJson(bundle));
    expect(await (await toClaimReviewJsonInSlices(source, {}, slices)).text()).toBe(toClaimReviewJson(bundle));
    const cited = { ...bundle, annotations: [] };
    expect(await toBibtexFileInSlices(source, NOW, slices)).toBe(toBibtexFile(cited, NOW));
    expect(JSON.parse(await toCslJsonFileInSlices(source, NOW, slices))).toHaveLength(articles.filter((a) => !a.deletedAt).length);
  }, 60_000);

  it('a selection: its annotations only, articles in the order of their first selected annotation', async () => {
    const { db, articles, annotations } = await seeded();
    const ids = annotations.filter((_, i) => i % 3 === 0).map((a) => a.id);
    const picked = ids.map((id) => annotations.find((a) => a.id === id) as Annotation);
    const order = [...new Set(picked.map((a) => a.articleId))];
    const bundle: ExportBundle = {
      articles: order.map((id) => articles.find((a) => a.id === id) as Article),
      annotations: picked,
      exportedAt: NOW.toISOString(),
    };
    const source = await bundleForAnnotations(db, [...ids, 'not-stored'], NOW);
    expect(await source.counts()).toEqual({ articles: order.length, annotations: ids.length });
    expect(await (await toMarkdownInSlices(source, { citationStyle: 'mla' })).text()).toBe(toMarkdown(bundle, { citationStyle: 'mla' }));
    expect(await (await toCsvInSlices(source)).text()).toBe(toCsv(bundle));
    expect(await (await toBackupJsonInSlices(source)).text()).toBe(toBackupJson(bundle));
  }, 60_000);

  it('reports progress up to every article and stops when cancelled', async () => {
    const { db, articles } = await seeded();
    const source = await bundleForEverything(db, NOW);
    const seen: number[] = [];
    await toCsvInSlices(source, { budgetMs: 0, onProgress: ({ done, total }) => seen.push(done / total) });
    expect(seen.length).toBeGreaterThan(articles.length / 2);
    expect(seen.at(-1)).toBe(1);
    const controller = new AbortController();
    const run = toMarkdownInSlices(source, {}, { budgetMs: 0, signal: controller.signal, onProgress: () => controller.abort() });
    await expect(run).rejects.toSatisfy(isCancelled);
  }, 60_000);
});
