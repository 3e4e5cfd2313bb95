import { strFromU8, unzipSync } from 'fflate';
import matter from 'gray-matter';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import type { ExportBundle } from '../../../export/bundle';
import { toMarkdown, toMarkdownFiles, toMarkdownInSlices, toMarkdownZip } from '../../../export/markdown';
import { blockQuote, escapeMarkdownLine, markdownLink, tagName } from '../../../export/markdown-text';
import { frontMatter, yamlString } from '../../../export/yaml';
import type { Annotation, Article } from '../../../storage/types';
import { allAnnotations, allArticles, budgetArticle, quoteHighlight, wireArticle } from '../../fixtures/export/sample-data';
import { warmCiteproc } from '../../support/warm-citeproc';
import { readExportFixture } from '../../support/read-fixture';
import { bundleSource } from '../../../export/source';

const bundle: ExportBundle = { articles: allArticles, annotations: allAnnotations, exportedAt: '2025-03-08T12:00:00.000Z' };

warmCiteproc();

describe('toMarkdownFiles', () => {
  it('writes one hand-checked note per article, named after its title', () => {
    const files = toMarkdownFiles(bundle);
    expect(files.map((file) => file.fileName)).toEqual([
      'Council approves “new” budget what it means.md',
      'Rates hold or cut markets.md',
      'Москва и 東京 новый план 😀.md',
      'Who pays.md',
    ]);
    expect(files.map((file) => file.content)).toEqual(
      ['budget.md', 'wire.md', 'mir.md', 'anonymous.md'].map((name) => readExportFixture(`markdown/${name}`)),
    );
  });

  it('gives articles with the same title distinct file names', () => {
    const twin = { ...budgetArticle, id: 'a1b2c3d4-0000-4000-8000-0000000000aa', title: 'COUNCIL approves “new” budget: what it means' };
    const names = toMarkdownFiles({ ...bundle, articles: [budgetArticle, twin] }).map((file) => file.fileName);
    expect(names).toEqual(['Council approves “new” budget what it means.md', 'COUNCIL approves “new” budget what it means (2).md']);
  });
});

describe('toMarkdown', () => {
  it('is the article file when there is one article', () => {
    expect(toMarkdown({ ...bundle, articles: [budgetArticle] })).toBe(readExportFixture('markdown/budget.md'));
  });

  it('has one front matter and a section per article when there are several', () => {
    const markdown = toMarkdown({ ...bundle, articles: [budgetArticle, wireArticle] }, { citationStyle: 'mla' });
    expect(markdown).toBe(readExportFixture('markdown/combined-mla.md'));
    expect(markdown.match(/^---$/gm)).toHaveLength(2);
  });

  it('keeps a quote with blank lines inside one block and leaves out deleted annotations', () => {
    const paragraphs: Annotation = { ...quoteHighlight, target: { ...quoteHighlight.target, quote: { ...quoteHighlight.target.quote, exact: 'First.\n\nSecond.' } } };
    const markdown = toMarkdown({ ...bundle, articles: [budgetArticle], annotations: [paragraphs] });
    expect(markdown).toContain('> First.\n>\n> Second.\n');
    expect(toMarkdown(bundle)).not.toContain('Officials met on Tuesday');
  });
});

// Obsidian renders raw HTML in notes, so the reader used here allows it too: escaping must hold without a sanitiser.
const obsidian = new MarkdownIt({ html: true, linkify: false });

const hostileArticle: Article = {
  ...budgetArticle,
  id: 'a1b2c3d4-0000-4000-8000-0000000000d1',
  title: '---\nevil: true\n--- <img src=x onerror=alert(1)> [click](javascript:alert(1)) #tag',
  siteName: '<b>Site</b>',
  authors: [{ name: '"]\nkey: value', kind: 'person' }],
};

const readerNote: Annotation = {
  ...quoteHighlight,
  articleId: hostileArticle.id,
  note: 'Ask the **Home Office** for:\n\n- the agreement text\n- [the press release](https://gov.example/press)',
  target: { ...quoteHighlight.target, quote: { ...quoteHighlight.target.quote, exact: '<script>alert(1)</script> # not a heading [x](https://evil.example) ==mark==' } },
};

describe('Markdown as note apps read it (gray-matter + markdown-it)', () => {
  const file = toMarkdownFiles({ articles: [hostileArticle], annotations: [readerNote], exportedAt: '2025-03-08T12:00:00.000Z' })[0]!.content;
  const parsed = matter(file);
  const html = obsidian.render(parsed.content);

  it('renders the reader\'s own Markdown in notes as written (issue 13, item 1)', () => {
    expect(html).toContain('<strong>Home Office</strong>');
    expect(html).toContain('<li>the agreement text</li>');
    expect(html).toContain('<a href="https://gov.example/press">the press release</a>');
    expect(file).not.toContain('\\*\\*Home Office');
  });

  it('keeps hostile page text out of the front matter keys and reads it back exactly', () => {
    expect(Object.keys(parsed.data)).toEqual(['title', 'aliases', 'authors', 'site', 'published', 'url', 'accessed', 'tags']);
    expect(parsed.data.title).toBe(hostileArticle.title);
    expect(parsed.data.aliases).toEqual([hostileArticle.title.replace(/\s+/g, ' ')]);
    expect(parsed.data.authors).toEqual(['"]\nkey: value']);
    expect(parsed.data.site).toBe('<b>Site</b>');
  });

  it('never turns page text into markup, links or headings', () => {
    expect(html).not.toMatch(/<script|<img|<b>|href="javascript|evil\.example"|<mark/);
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html.match(/<a /g)).toHaveLength(1);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; # not a heading [x](https://evil.example)');
  });
});

describe('toMarkdownZip', () => {
  it('puts one note per article in a single zip, the same notes as toMarkdownFiles (issue 13, item 1)', async () => {
    const zip = await toMarkdownZip(bundleSource(bundle), {}, { budgetMs: 0 });
    expect(zip.type).toBe('application/zip');
    const methods: number[] = [];
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()), { filter: (file) => (methods.push(file.compression), true) });
    // Every note is DEFLATE-compressed (method 8), not stored.
    expect(methods.length).toBeGreaterThan(1);
    expect(new Set(methods)).toEqual(new Set([8]));
    const expected = toMarkdownFiles(bundle);
    expect(Object.keys(files)).toEqual(expected.map((f) => f.fileName));
    expect(Object.values(files).map((bytes) => strFromU8(bytes))).toEqual(expected.map((f) => f.content));
  });

  it('can be cancelled between slices', async () => {
    const controller = new AbortController();
    const run = toMarkdownZip(bundleSource(bundle), {}, { budgetMs: 0, signal: controller.signal, onProgress: () => controller.abort() });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('gives the same single document when built in slices', async () => {
    expect(await (await toMarkdownInSlices(bundleSource(bundle), { citationStyle: 'chicago' }, { budgetMs: 0 })).text()).toBe(toMarkdown(bundle, { citationStyle: 'chicago' }));
  });
});

describe('Markdown escaping', () => {
  it.each([
    ['# Not a heading', '\\# Not a heading'],
    ['- not a list', '\\- not a list'],
    ['1. not a list', '1\\. not a list'],
    ['> not nested', '\\> not nested'],
    ['<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
    ['[link](javascript:x)', '\\[link\\](javascript:x)'],
    ['costs $5 and $6', 'costs \\$5 and \\$6'],
    ['==marked== %%hidden%% &amp;', '\\==marked\\== \\%%hidden\\%% \\&amp;'],
    ['AT&T, 5% = fine!', 'AT&T, 5% = fine!'],
    ['see https://e.example/a_b*c now_', 'see https://e.example/a_b*c now\\_'],
  ])('escapes %j', (input, output) => {
    expect(escapeMarkdownLine(input)).toBe(output);
  });

  it('quotes every line of a multi-line quote', () => {
    expect(blockQuote('a\r\n# b\n\n> c')).toBe('> a\n> \\# b\n>\n> \\> c');
  });

  it('makes links only with an angle-bracketed URL that cannot break out', () => {
    expect(markdownLink('a ] b', 'https://e.example/a b>c')).toBe('[a \\] b](<https://e.example/a%20b%3Ec>)');
  });

  it('turns tags into names note apps accept', () => {
    expect(tagName('needs source')).toBe('needs-source');
    expect(tagName('#Économie/2025')).toBe('Économie/2025');
    expect(tagName('2024')).toBe('_2024');
    expect(tagName('цены!')).toBe('цены');
    expect(tagName('!!!')).toBeUndefined();
  });
});

describe('YAML front matter', () => {
  it.each(['- leading dash', 'Title: with colon', '"quoted" and \'single\'', '#comment', 'back\\slash', 'line\nbreak\ttab', 'null', 'yes', '@at', '😀 Москва'])(
    'writes %j as a double-quoted string that reads back unchanged',
    (value) => {
      const written = yamlString(value);
      expect(written).toMatch(/^".*"$/);
      // Our escapes are the subset YAML and JSON share, so JSON reads them as YAML would.
      expect(JSON.parse(written)).toBe(value);
    },
  );

  it('escapes characters YAML does not allow raw', () => {
    expect(yamlString('a\u0007b\u2028c\uFEFF')).toBe('"a\\u0007b\\u2028c\\uFEFF"');
    expect(yamlString('lone \uD83D end')).toBe('"lone \\uFFFD end"');
  });

  it('writes dates bare, partial dates quoted, and empty lists as []', () => {
    expect(frontMatter([['published', { date: '2025-03-05' }], ['month', { date: '2025-03' }], ['tags', []], ['skipped', undefined]])).toBe(
      '---\npublished: 2025-03-05\nmonth: "2025-03"\ntags: []\n---',
    );
  });
});
