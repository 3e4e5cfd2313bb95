import { describe, expect, it } from 'vitest';
import type { ExportBundle } from '../../../export/bundle';
import { codePointOffset, codePointRange, countCodePoints } from '../../../export/code-points';
import { toWebAnnotationCollection, toWebAnnotationJson, type WebAnnotation } from '../../../export/web-annotation';
import {
  allAnnotations,
  budgetArticle,
  budgetText,
  cyrillicArticle,
  cyrillicText,
  emojiHighlight,
  tokyoHighlight,
  unemploymentClaim,
} from '../../fixtures/export/sample-data';
import { readExportFixture } from './read-fixture';

const bundle: ExportBundle = { articles: [budgetArticle, cyrillicArticle], annotations: allAnnotations, exportedAt: '2025-03-08T12:00:00.000Z' };

function items(json: string): WebAnnotation[] {
  return JSON.parse(json).first.items;
}

describe('toWebAnnotationJson', () => {
  it('matches the hand-written collection', () => {
    expect(toWebAnnotationJson(bundle)).toBe(readExportFixture('expected-web-annotation.json'));
  });

  it('parses back with every field the model requires', () => {
    const collection = JSON.parse(toWebAnnotationJson(bundle));
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.total).toBe(collection.first.items.length);
    expect(collection.first.type).toBe('AnnotationPage');
    for (const item of collection.first.items as WebAnnotation[]) {
      expect(item.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      expect(item.type).toBe('Annotation');
      expect(['highlighting', 'commenting', 'tagging', 'assessing', 'classifying']).toContain(item.motivation);
      expect(item.target.source).toMatch(/^https:\/\//);
      expect(item.target.selector[0]).toMatchObject({ type: 'TextQuoteSelector', exact: expect.any(String) });
      for (const body of item.body ?? []) expect(body.purpose).toBeTruthy();
    }
  });

  it('skips tombstones and links only http(s) evidence', () => {
    const json = toWebAnnotationJson(bundle);
    expect(json).not.toContain('Officials met on Tuesday.');
    expect(json).not.toContain('javascript:');
  });

  it('gives code-point positions for every annotation when the article text is supplied', () => {
    const withText = items(toWebAnnotationJson(bundle, { texts: { [budgetArticle.id]: budgetText } }));
    const claim = withText.find((item) => item.id === `urn:uuid:${unemploymentClaim.id}`);
    expect(claim?.target.selector[1]).toEqual({ type: 'TextPositionSelector', start: 70, end: 115 });
    expect(withText.every((item) => item.target.selector.length === 2)).toBe(true);
  });

  it('classifies entity mentions by their type', () => {
    const entity = { ...tokyoHighlight, kind: 'entity' as const, entityType: 'place' as const };
    const [item] = toWebAnnotationCollection({ ...bundle, annotations: [entity] }).first.items;
    expect(item?.motivation).toBe('classifying');
    expect(item?.body).toEqual([{ type: 'TextualBody', purpose: 'classifying', value: 'place' }]);
  });

  it('uses the given collection id', () => {
    expect(toWebAnnotationCollection(bundle, { id: 'https://notes.example.org/c/1' }).first.id).toBe('https://notes.example.org/c/1:page:1');
  });
});

describe('code points', () => {
  it('counts an astral character as one code point', () => {
    expect(countCodePoints('😀a𝒳')).toBe(3);
    expect(countCodePoints('\uD83D')).toBe(1);
    expect(codePointOffset(cyrillicText, 12)).toBe(11);
  });

  it('refuses offsets that split a surrogate pair or leave the text', () => {
    expect(codePointOffset('😀a', 1)).toBeUndefined();
    expect(codePointOffset('abc', 4)).toBeUndefined();
    expect(codePointOffset('abc', -1)).toBeUndefined();
  });

  it('converts from the article text, the prefix, or not at all', () => {
    expect(codePointRange(emojiHighlight, cyrillicText)).toEqual({ start: 28, end: 46 });
    expect(codePointRange(emojiHighlight)).toEqual({ start: 28, end: 46 });
    expect(codePointRange(unemploymentClaim)).toBeUndefined();
    // The page changed since annotating: the stored offsets no longer hold the quote, and the prefix is too short.
    expect(codePointRange(unemploymentClaim, 'Breaking: ' + budgetText)).toBeUndefined();
  });
});
