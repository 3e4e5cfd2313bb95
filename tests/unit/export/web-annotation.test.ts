import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error jsonld ships no type declarations
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import type { ExportBundle } from '../../../export/bundle';
import { toWebAnnotationCollection, toWebAnnotationJson, toWebAnnotationJsonInSlices, type WebAnnotation } from '../../../export/web-annotation';
import type { Annotation } from '../../../storage/types';
import { allAnnotations, budgetArticle, cyrillicArticle, quoteHighlight, tokyoHighlight, unemploymentClaim } from '../../fixtures/export/sample-data';
import { readExportFixture } from '../../support/read-fixture';
import { bundleSource } from '../../../export/source';

const bundle: ExportBundle = { articles: [budgetArticle, cyrillicArticle], annotations: allAnnotations, exportedAt: '2025-03-08T12:00:00.000Z' };

const ANNO_CONTEXT_URL = 'http://www.w3.org/ns/anno.jsonld';
const annoContext = JSON.parse(readFileSync(join(process.cwd(), 'tests/fixtures/anno.jsonld'), 'utf8'));

/** jsonld.js reading offline: the only remote document it may load is the W3C context, from the local copy. */
async function documentLoader(url: string) {
  if (url !== ANNO_CONTEXT_URL) throw new Error(`unexpected remote document ${url}`);
  return { contextUrl: null, documentUrl: url, document: annoContext };
}

/** Expands in safe mode, which throws when any term is not defined by the context (a field a consumer would drop). */
function expand(json: string): Promise<unknown[]> {
  return jsonld.expand(JSON.parse(json), { documentLoader, safe: true });
}

function items(json: string): WebAnnotation[] {
  return JSON.parse(json).first.items;
}

/** The page as a W3C consumer sees it: text nodes concatenated, no separators between blocks. */
const documentText = 'Budget day\n      Officials met on Tuesday. Unemployment fell to 3.9% in the last quarter, the minister said.\n    ';

const recorded: Annotation = {
  ...unemploymentClaim,
  target: {
    ...unemploymentClaim.target,
    source: 'https://www.news.example.com/2025/03/05/budget',
    document: {
      quote: { type: 'TextQuoteSelector', exact: 'Unemployment fell to 3.9% in the last quarter', prefix: 'Officials met on Tuesday. ', suffix: ', the minister said.' },
      position: { type: 'TextPositionSelector', start: 43, end: 88 },
    },
  },
};

describe('toWebAnnotationJson', () => {
  it('matches the hand-checked collection', () => {
    expect(toWebAnnotationJson(bundle)).toBe(readExportFixture('expected-web-annotation.json'));
  });

  it('expands with the W3C context without dropping a single field (jsonld safe mode)', async () => {
    const json = toWebAnnotationJson({ ...bundle, annotations: [...allAnnotations.filter((a) => a.id !== unemploymentClaim.id), recorded] });
    const expanded = await expand(json);
    const text = JSON.stringify(expanded);
    const oa = 'http://www.w3.org/ns/oa#';
    for (const iri of [`${oa}hasSelector`, `${oa}hasPurpose`, `${oa}TextQuoteSelector`, `${oa}TextPositionSelector`, `${oa}assessing`, 'http://purl.org/dc/terms/creator', 'http://www.w3.org/ns/activitystreams#generator', 'http://purl.org/dc/elements/1.1/format']) {
      expect(text, iri).toContain(iri);
    }
    // Every IRI is absolute: a word the context does not define ("assessing") would expand to a relative one.
    const ids = [...text.matchAll(/"@id":"([^"]+)"/g)].map((match) => match[1]);
    expect(ids.filter((id) => !/^(https?|urn):/.test(id ?? ''))).toEqual([]);
  });

  it('exports the selectors recorded against the document text, with code-point positions (issue 13, item 3)', () => {
    const [item] = items(toWebAnnotationJson({ ...bundle, annotations: [recorded] }));
    const [quote, position] = item!.target.selector;
    expect(quote).toEqual({ type: 'TextQuoteSelector', exact: 'Unemployment fell to 3.9% in the last quarter', prefix: 'Officials met on Tuesday. ', suffix: ', the minister said.' });
    expect(position).toEqual({ type: 'TextPositionSelector', start: 43, end: 88 });
    expect(documentText.slice(43, 88)).toBe('Unemployment fell to 3.9% in the last quarter');
  });

  it('keeps the page’s real URL as the source, www. included (issue 13, item 3)', () => {
    expect(items(toWebAnnotationJson({ ...bundle, annotations: [recorded] }))[0]?.target.source).toBe('https://www.news.example.com/2025/03/05/budget');
  });

  it('gives older annotations only a quote whose context holds no paragraph break, and no position (issue 13, item 3)', () => {
    const old: Annotation = {
      ...quoteHighlight,
      target: { ...quoteHighlight.target, quote: { ...quoteHighlight.target.quote, prefix: 'Budget day\n\nOfficials met. He said, ', suffix: ' and left.\n\nNext paragraph' } },
    };
    const [item] = items(toWebAnnotationJson({ ...bundle, annotations: [old] }));
    expect(item?.target.selector).toEqual([{ type: 'TextQuoteSelector', exact: quoteHighlight.target.quote.exact, prefix: 'Officials met. He said, ', suffix: ' and left.' }]);
  });

  it('labels notes as Markdown, names creator and generator, and keeps evidence notes (issue 13, item 3)', () => {
    const [item] = items(toWebAnnotationJson({ ...bundle, annotations: [recorded] }));
    expect(item?.creator).toEqual({ type: 'Person' });
    expect(item?.generator).toEqual({ type: 'Software', name: 'NewsLens' });
    expect(item?.body).toContainEqual({ type: 'TextualBody', purpose: 'commenting', value: recorded.note, format: 'text/markdown' });
    expect(item?.body).toContainEqual({ type: 'SpecificResource', purpose: 'linking', source: { id: 'https://stats.example.gov/release?q=3', label: 'Official release' } });
    expect(JSON.stringify(item)).not.toContain('javascript:');
  });

  it('escapes <, > and & so the file cannot break out of a <script> element (issue 15, item 6)', async () => {
    const hostile: Annotation = { ...recorded, note: '</script><script>alert(1)</script> & more' };
    const json = toWebAnnotationJson({ ...bundle, annotations: [hostile] });
    expect(json).not.toMatch(/[<>&]/);
    expect(items(json)[0]?.body).toContainEqual(expect.objectContaining({ value: hostile.note }));
    await expect(expand(json)).resolves.toBeTruthy();
  });

  it('skips tombstones', () => {
    expect(toWebAnnotationJson(bundle)).not.toContain('Officials met on Tuesday.');
  });

  it('classifies entity mentions by their type', () => {
    const entity = { ...tokyoHighlight, kind: 'entity' as const, entityType: 'place' as const };
    const [item] = toWebAnnotationCollection({ ...bundle, annotations: [entity] }).first.items;
    expect(item?.motivation).toBe('classifying');
    expect(item?.body).toEqual([{ type: 'TextualBody', purpose: 'classifying', value: 'place' }]);
  });

  it('uses the given collection id and gives the same file when built in slices', async () => {
    expect(toWebAnnotationCollection(bundle, { id: 'https://notes.example.org/c/1' }).first.id).toBe('https://notes.example.org/c/1:page:1');
    expect(await (await toWebAnnotationJsonInSlices(bundleSource(bundle), {}, { budgetMs: 0 })).text()).toBe(toWebAnnotationJson(bundle));
  });
});
