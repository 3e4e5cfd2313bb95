import { describe, expect, it } from 'vitest';
import { rangeContainsPoint, spanAt } from '../../../anchoring/hit-test';

describe('spanAt', () => {
  const spans = [
    { start: 0, end: 120, id: 'claim' },
    { start: 10, end: 25, id: 'entity-a' },
    { start: 40, end: 52, id: 'entity-b' },
    { start: 200, end: 230, id: 'later' },
  ];

  it('prefers the innermost span that contains the offset', () => {
    expect(spanAt(spans, 12)?.id).toBe('entity-a');
    expect(spanAt(spans, 30)?.id).toBe('claim');
  });

  it('counts a caret on either edge of a span as inside it', () => {
    expect(spanAt(spans, 40)?.id).toBe('entity-b');
    expect(spanAt(spans, 52)?.id).toBe('entity-b');
  });

  it('finds nothing between spans', () => {
    expect(spanAt(spans, 150)).toBeUndefined();
    expect(spanAt([], 5)).toBeUndefined();
  });
});

describe('rangeContainsPoint', () => {
  // A quote broken over two lines, as getClientRects reports it.
  const range = {
    getClientRects: () => [
      { left: 300, right: 700, top: 100, bottom: 120 },
      { left: 100, right: 250, top: 124, bottom: 144 },
    ],
  } as unknown as Range;

  it('is true inside any line box', () => {
    expect(rangeContainsPoint(range, 500, 110)).toBe(true);
    expect(rangeContainsPoint(range, 120, 130)).toBe(true);
  });

  it('is false in the margin a caret lookup would snap from', () => {
    expect(rangeContainsPoint(range, 150, 110)).toBe(false);
    expect(rangeContainsPoint(range, 600, 140)).toBe(false);
  });
});
