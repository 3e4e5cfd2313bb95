import { describe, expect, it } from 'vitest';
import { diffWords } from '../../../anchoring/quote-diff';

describe('diffWords', () => {
  it('marks a corrected figure as removed and added, the rest as the same', () => {
    expect(diffWords('18 of the 22 cities', '15 of the 22 cities')).toEqual([
      { kind: 'removed', text: '18 ' },
      { kind: 'added', text: '15 ' },
      { kind: 'same', text: 'of the 22 cities' },
    ]);
  });

  it('gives back both texts from its parts', () => {
    const before = 'Plans for Yahoo are still in flux, he said.';
    const after = 'Plans for the company are  still being decided, he said.';
    const parts = diffWords(before, after);
    expect(parts.filter((p) => p.kind !== 'added').map((p) => p.text.trim()).join(' ').replace(/\s+/g, ' ')).toBe(before);
    expect(parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join('')).toBe(after);
    expect(parts.some((p) => p.kind === 'removed' && p.text.includes('Yahoo'))).toBe(true);
  });

  it('returns one same part for identical text and handles empty sides', () => {
    expect(diffWords('no change here', 'no change here')).toEqual([{ kind: 'same', text: 'no change here' }]);
    expect(diffWords('', 'new words')).toEqual([{ kind: 'added', text: 'new words' }]);
    expect(diffWords('old words', '')).toEqual([{ kind: 'removed', text: 'old words' }]);
  });
});
