import { describe, it, expect } from 'vitest';
import { hasDirectQuote, hasOpenQuote, quoteSpans } from '../../../detect/claim-quotes';

describe('quoteSpans', () => {
  it('finds curly, straight and British single quotes', () => {
    const s = 'He said “we won” and "they lost" and ‘nobody cared’.';
    expect(quoteSpans(s).map((q) => s.slice(q.start, q.end))).toEqual(['“we won”', '"they lost"', '‘nobody cared’']);
  });

  it('does not close a single quote at an apostrophe', () => {
    const s = '‘We don’t accept the council’s figures,’ she said.';
    const spans = quoteSpans(s);
    expect(spans).toHaveLength(1);
    expect(s.slice(spans[0]!.start, spans[0]!.end)).toBe('‘We don’t accept the council’s figures,’');
  });

  it('reports a quote left open for the next paragraph', () => {
    expect(hasOpenQuote('“Borrowing fell by £3bn in March.')).toBe(true);
    expect(hasOpenQuote('“Borrowing fell,” she said.')).toBe(false);
  });

  it('treats a single quoted word as a scare quote, not a direct quote', () => {
    expect(hasDirectQuote('The so-called “rubber-stamp” parliament met.')).toBe(false);
    expect(hasDirectQuote('They were “making history”.')).toBe(true);
    expect(hasDirectQuote('The players’ union met.')).toBe(false);
  });
});
