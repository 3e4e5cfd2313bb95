import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { parse as parseCsv } from 'csv-parse/sync';
import { build } from 'esbuild';
import { strFromU8, unzipSync } from 'fflate';
import matter from 'gray-matter';
// @ts-expect-error jsonld ships no type declarations
import jsonld from 'jsonld';
import MarkdownIt from 'markdown-it';
import { beforeAll, describe, expect, it } from 'vitest';
import type { E2EPage as Page } from './driver';
import { launchWithExtension, openPopup, readDatabase, type ExtensionBrowser } from './harness';
import { annotateTwoArticles, SEED_CLAIM, SEED_NOTE_QUOTE, WIRE_NOTE_QUOTE } from './popup-flows';
import { useExtensionSuite } from './suite';

const suite = useExtensionSuite();

interface Downloaded {
  name: string;
  path: string;
  text: string;
}

async function exportEverything(popup: Page, format: string): Promise<Downloaded> {
  await popup.getByLabel('What').selectOption('all');
  await popup.getByLabel('Format').selectOption(format);
  return suite.browser.captureDownload(popup, () => popup.getByRole('button', { name: 'Export' }).click());
}

async function openAllNotes(target: ExtensionBrowser): Promise<Page> {
  const popup = await openPopup(target);
  await popup.getByRole('tab', { name: 'All notes' }).click();
  return popup;
}

const ANNO_CONTEXT = JSON.parse(readFileSync(join(process.cwd(), 'tests/fixtures/anno.jsonld'), 'utf8'));

/** jsonld.js offline: the W3C context from the local copy, any other remote document is an error. */
async function documentLoader(url: string) {
  if (url !== 'http://www.w3.org/ns/anno.jsonld') throw new Error(`unexpected remote document ${url}`);
  return { contextUrl: null, documentUrl: url, document: ANNO_CONTEXT };
}

/** Apache Annotator's DOM package as one script for the page (it is an ES module with dependencies). */
async function apacheAnnotatorScript(): Promise<string> {
  const entry = createRequire(import.meta.url).resolve('@apache-annotator/dom');
  const result = await build({ entryPoints: [entry], bundle: true, format: 'iife', globalName: 'ApacheAnnotator', write: false, platform: 'browser' });
  return result.outputFiles[0]?.text ?? '';
}

interface Selector {
  type: string;
  exact?: string;
  prefix?: string;
  suffix?: string;
  start?: number;
  end?: number;
}

/** What Apache Annotator finds in the live page for each selector: the text of every match. */
async function matchInPage(page: Page, selectors: Selector[]): Promise<Array<{ type: string; matches: string[] }>> {
  return page.evaluate(async (list) => {
    const api = (window as unknown as { ApacheAnnotator: Record<string, (s: unknown) => (scope: Node) => AsyncIterable<Range>> }).ApacheAnnotator;
    const out: Array<{ type: string; matches: string[] }> = [];
    for (const selector of list) {
      const create = selector.type === 'TextQuoteSelector' ? api.createTextQuoteSelectorMatcher : api.createTextPositionSelectorMatcher;
      const matches: string[] = [];
      for await (const range of create!(selector)(document.body)) matches.push(range.toString());
      out.push({ type: selector.type, matches });
    }
    return out;
  }, selectors);
}

describe('export and import from the popup', () => {
  let annotator = '';
  beforeAll(async () => {
    annotator = await apacheAnnotatorScript();
  });

  it('saves highlights, a note and a tracked claim on two articles through the page UI', async () => {
    await annotateTwoArticles(suite.browser, suite.server);
  });

  let backupPath = '';

  it('names the fact-checking organisation in Settings', async () => {
    const popup = await openPopup(suite.browser);
    await popup.getByRole('tab', { name: 'Settings' }).click();
    await popup.getByLabel('Organisation name').fill('Example Fact Check');
    await popup.getByLabel('Organisation web site').fill('https://factcheck.example.org');
    await popup.getByRole('button', { name: 'Save organisation' }).click();
    await expect.poll(() => popup.getByText('Saved.').count()).toBe(1);
    await popup.close();
  });

  it('exports every format, and each consumer reads it as intended', async () => {
    const popup = await openAllNotes(suite.browser);
    await expect.poll(() => popup.getByRole('status').filter({ hasText: /found/ }).textContent()).toBe('4 found');

    // Markdown, read as Obsidian does: front matter by gray-matter, body by markdown-it.
    const markdown = await exportEverything(popup, 'markdown');
    expect(markdown.name).toMatch(/^newslens-.*\.md$/);
    const notes = matter(markdown.text);
    expect(Object.keys(notes.data)).toEqual(['title', 'exported', 'articles', 'tags']);
    const html = new MarkdownIt({ html: true }).render(notes.content);
    expect(html).toContain('<strong>2021</strong>');
    expect(html).toContain(`<blockquote>\n<p>${SEED_NOTE_QUOTE}`);
    expect(markdown.text).toContain('Ask the Home Office for the agreement text.');
    expect(markdown.text).toContain('#border-pact');

    // One file per article: a single .zip.
    const zipped = await exportEverything(popup, 'markdown-files');
    expect(zipped.name).toMatch(/\.zip$/);
    const files = unzipSync(new Uint8Array(readFileSync(zipped.path)));
    expect(Object.keys(files)).toHaveLength(2);
    for (const bytes of Object.values(files)) {
      const file = matter(strFromU8(bytes));
      expect(file.data.aliases).toEqual([file.data.title]);
    }

    // CSV as Readwise reads it.
    const csv = await exportEverything(popup, 'csv');
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    const rows: string[][] = parseCsv(csv.text, { bom: true });
    expect(rows[0]).toEqual(['Highlight', 'Title', 'Author', 'URL', 'Note', 'Location', 'Date']);
    expect(rows).toHaveLength(5);
    expect(rows.map((row) => row[0])).toContain(WIRE_NOTE_QUOTE);
    expect(rows.find((row) => row[0] === WIRE_NOTE_QUOTE)?.[4]).toBe('.water\nCompare with the **2021** fines.');

    // W3C Web Annotation: expands with the W3C context, then every selector finds its passage in the live page.
    const webAnnotation = await exportEverything(popup, 'web-annotation');
    await jsonld.expand(JSON.parse(webAnnotation.text), { documentLoader, safe: true });
    const items = JSON.parse(webAnnotation.text).first.items as Array<{ target: { source: string; selector: Selector[] }; body?: Array<{ format?: string }> }>;
    expect(items).toHaveLength(4);
    expect(items.every((item) => item.target.selector.length === 2)).toBe(true);
    expect(items.flatMap((item) => item.body ?? []).filter((body) => body.format).every((body) => body.format === 'text/markdown')).toBe(true);
    let matched = 0;
    for (const item of items) {
      const page = await suite.browser.context.newPage();
      await page.goto(item.target.source);
      await page.evaluate((source) => {
        const script = document.createElement('script');
        script.textContent = source;
        document.head.append(script);
      }, annotator);
      const results = await matchInPage(page, item.target.selector);
      const exact = item.target.selector[0]?.exact;
      for (const result of results) {
        expect(result.matches, `${result.type} for “${exact}”`).toEqual([exact]);
        matched += 1;
      }
      await page.close();
    }
    expect(matched).toBe(8);

    // ClaimReview: the finished check, by the organisation from Settings.
    const claimReview = JSON.parse((await exportEverything(popup, 'claim-review')).text);
    expect(claimReview).toHaveLength(1);
    expect(claimReview[0].claimReviewed).toContain(SEED_CLAIM.split(' ')[0]);
    expect(claimReview[0].reviewRating.alternateName).toBe('Accurate quote');
    expect(claimReview[0].author).toEqual({ '@type': 'Organization', name: 'Example Fact Check', url: 'https://factcheck.example.org/' });

    // Citations: a BibTeX parser and citeproc (through citation-js) read them.
    const bib = parseBibtex((await exportEverything(popup, 'bibtex')).text);
    expect(bib.errors).toEqual([]);
    expect(bib.entries).toHaveLength(2);
    expect(new Set(bib.entries.map((entry) => entry.key)).size).toBe(2);
    const csl = JSON.parse((await exportEverything(popup, 'csl-json')).text);
    expect(csl).toHaveLength(2);
    const apa = String(new Cite(csl).format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' }));
    expect(apa).not.toMatch(/127\.0\.0\.1\. http/);
    expect(apa.trim().split('\n')).toHaveLength(2);
    // The Markdown's references, formatted in the popup's reference worker, cite each article with its address.
    // (With several articles there is no front matter per article: the reference is the only place an address appears.)
    for (const item of csl) expect(html).toContain(item.URL);

    const backup = await exportEverything(popup, 'backup');
    expect(JSON.parse(backup.text).annotations).toHaveLength(4);
    backupPath = backup.path;
    await popup.close();
  });

  it('imports the JSON backup into a fresh profile and everything is back', async () => {
    expect(backupPath).not.toBe('');
    const original = await readDatabase(suite.browser);
    const fresh = await launchWithExtension();
    try {
      const popup = await openAllNotes(fresh);
      await popup.getByLabel('Import a NewsLens JSON backup').setInputFiles(backupPath);
      await expect.poll(() => popup.getByText(/^Imported\./).textContent()).toMatch(/Articles: 2 added.*Notes and highlights: 4 added/);
      await expect.poll(() => popup.getByRole('status').filter({ hasText: /found/ }).textContent()).toBe('4 found');
      const restored = await readDatabase(fresh);
      const byId = (rows: { id: string }[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
      expect(byId(restored.annotations)).toEqual(byId(original.annotations));
      expect(byId(restored.articles)).toEqual(byId(original.articles));

      await popup.getByLabel('Search notes').fill('home office');
      await expect.poll(() => popup.locator('.annotation .quote').allTextContents()).toEqual([SEED_NOTE_QUOTE]);
    } finally {
      await fresh.close();
    }
  });
});
