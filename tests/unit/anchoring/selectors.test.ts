import { describe, it, expect } from 'vitest';
import { describeRange, MAX_CONTEXT, MIN_CONTEXT } from '../../../anchoring/selectors';
import { ARTICLE } from '../../support/council-article';

function spanOf(text: string, exact: string): [number, number] {
  const start = text.indexOf(exact);
  if (start < 0) throw new Error(`missing ${exact}`);
  return [start, start + exact.length];
}

describe('describeRange', () => {
  it('stores the exact text and the position', () => {
    const [start, end] = spanOf(ARTICLE, 'Helen Okafor');
    const { quote, position } = describeRange(ARTICLE, start, end);
    expect(quote.type).toBe('TextQuoteSelector');
    expect(quote.exact).toBe('Helen Okafor');
    expect(position).toEqual({ type: 'TextPositionSelector', start, end });
  });

  it('takes the rest of the sentence as context on both sides', () => {
    const [start, end] = spanOf(ARTICLE, 'fell to 3.9%');
    const { quote } = describeRange(ARTICLE, start, end);
    expect(quote.prefix).toBe('Official figures show unemployment in the district ');
    expect(quote.suffix).toBe(' in the last quarter, down from 4.6% a year earlier. ');
  });

  it('reaches into the neighbouring sentence when the rest of the sentence is too short', () => {
    const [start, end] = spanOf(ARTICLE, 'Opposition members were not convinced.');
    const { quote } = describeRange(ARTICLE, start, end);
    expect(quote.prefix.length).toBeGreaterThanOrEqual(MIN_CONTEXT);
    expect(ARTICLE.slice(start - quote.prefix.length, start)).toBe(quote.prefix);
    expect(quote.suffix.startsWith(' Councillor David Brennan called the budget')).toBe(true);
  });

  it('clamps long sentences to the maximum context', () => {
    const long = `Start. ${'word '.repeat(80)}QUOTE ${'more '.repeat(80)}end.`;
    const [start, end] = spanOf(long, 'QUOTE');
    const { quote } = describeRange(long, start, end);
    expect(quote.prefix).toHaveLength(MAX_CONTEXT);
    expect(quote.suffix).toHaveLength(MAX_CONTEXT);
    expect(long.slice(end, end + MAX_CONTEXT)).toBe(quote.suffix);
  });

  it('handles quotes at the very start and end of the text', () => {
    const first = describeRange(ARTICLE, 0, 7);
    expect(first.quote.prefix).toBe('');
    expect(first.quote.exact).toBe('Council');
    const last = describeRange(ARTICLE, ARTICLE.length - 6, ARTICLE.length);
    expect(last.quote.suffix).toBe('');
    expect(last.quote.prefix.length).toBeGreaterThanOrEqual(MIN_CONTEXT);
  });

  it('clamps out-of-range offsets', () => {
    const { quote, position } = describeRange('short text', -5, 99);
    expect(quote.exact).toBe('short text');
    expect(position).toEqual({ type: 'TextPositionSelector', start: 0, end: 10 });
  });
});
