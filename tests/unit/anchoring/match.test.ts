import { describe, it, expect } from 'vitest';
import { anchor, anchorAll, minConfidence } from '../../../anchoring/match';
import { describeRange } from '../../../anchoring/selectors';
import { ARTICLE } from '../../support/council-article';

function saveQuote(text: string, exact: string, occurrence = 0) {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(exact, start + 1);
  if (start < 0) throw new Error(`missing ${exact}`);
  return describeRange(text, start, start + exact.length);
}

describe('anchor', () => {
  it('accepts the saved position when the text there is the quote', () => {
    const saved = saveQuote(ARTICLE, 'harbour wall', 1);
    expect(anchor(ARTICLE, saved)).toEqual({ start: saved.position.start, end: saved.position.end, quality: 'exact', confidence: 1 });
  });

  it('lowers confidence a little when the quote is in place but its context changed', () => {
    const saved = saveQuote(ARTICLE, 'harbour wall', 1);
    const edited = ARTICLE.slice(0, saved.position.end) + ' (pictured)' + ARTICLE.slice(saved.position.end + 1);
    const found = anchor(edited, saved);
    expect(found?.start).toBe(saved.position.start);
    expect(found?.quality).toBe('exact');
    expect(found?.confidence).toBeLessThan(1);
    expect(found?.confidence).toBeGreaterThan(0.9);
  });

  it('picks the occurrence of a repeated quote whose context matches, wherever the position points', () => {
    const saved = saveQuote(ARTICLE, 'the budget', 1);
    const shifted = `${'Breaking. '.repeat(30)}${ARTICLE}`;
    const found = anchor(shifted, saved);
    expect(found?.start).toBe(saved.position.start + 300);
    expect(found?.quality).toBe('exact');
    const withoutPosition = anchor(shifted, { quote: saved.quote });
    expect(withoutPosition?.start).toBe(saved.position.start + 300);
  });

  it('treats whitespace-only differences as exact', () => {
    const saved = saveQuote(ARTICLE, 'a nine-hour session in which members argued');
    const spaced = ARTICLE.replace('a nine-hour session in which', 'a nine-hour\n   session  in which');
    const found = anchor(spaced, saved);
    expect(found?.quality).toBe('exact');
    expect(spaced.slice(found?.start, found?.end)).toBe('a nine-hour\n   session  in which members argued');
  });

  it('reports an edited quote as changed, with lower confidence', () => {
    const saved = saveQuote(ARTICLE, 'the first increase since 2019');
    const edited = ARTICLE.replace('since 2019', 'since 2018');
    const found = anchor(edited, saved);
    expect(found?.quality).toBe('changed');
    expect(edited.slice(found?.start, found?.end)).toBe('the first increase since 2018');
    expect(found?.confidence).toBeLessThan(1);
    expect(found?.confidence).toBeGreaterThan(minConfidence(29));
  });

  it('finds a long quote by its head and tail when a paragraph in its middle was replaced', () => {
    const paragraphs = ARTICLE.split('\n\n');
    const exact = paragraphs.slice(5, 8).join('\n\n');
    const saved = saveQuote(ARTICLE, exact);
    const replacement = 'Ferry tickets are unaffected this year, officials confirmed, although a consultation on weekend timetables will open in the summer.';
    const rewritten = ARTICLE.replace(paragraphs[6] as string, replacement);
    const found = anchor(rewritten, saved);
    expect(exact.length).toBeGreaterThan(256);
    expect(found?.quality).toBe('changed');
    expect(found?.start).toBe(saved.position.start);
    expect(found?.end).toBe(rewritten.indexOf(paragraphs[7] as string) + (paragraphs[7] as string).length);
  });

  it('orphans an empty quote and a quote with no trace in the text', () => {
    expect(anchor(ARTICLE, { quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' } })).toBeNull();
    expect(anchor(ARTICLE, { quote: { type: 'TextQuoteSelector', exact: 'Zebra crossings in Tokyo', prefix: 'The ', suffix: ' were' } })).toBeNull();
  });

  it('ignores a position that does not fit the text', () => {
    const saved = saveQuote(ARTICLE, 'Priya Raman');
    const found = anchor(ARTICLE, { quote: saved.quote, position: { type: 'TextPositionSelector', start: 10 ** 7, end: 10 ** 7 + 11 } });
    expect(found?.start).toBe(saved.position.start);
  });

  it('demands more context from short quotes than from long ones', () => {
    expect(minConfidence(5)).toBeGreaterThan(minConfidence(30));
    expect(minConfidence(30)).toBeGreaterThan(minConfidence(200));
  });
});

describe('anchorAll', () => {
  it('anchors each item the same way anchor does', () => {
    const items = ['Helen Okafor', 'the council', 'Bus fares will rise'].map((q) => saveQuote(ARTICLE, q));
    const edited = ARTICLE.replace('Bus fares', 'Bus and tram fares');
    expect(anchorAll(edited, items)).toEqual(items.map((item) => anchor(edited, item)));
  });
});
