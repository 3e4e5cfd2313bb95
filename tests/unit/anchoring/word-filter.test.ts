import { describe, it, expect } from 'vitest';
import { indexWords, stretchesFor } from '../../../anchoring/word-filter';

const FILLER = Array.from({ length: 400 }, (_, i) => `filler${i % 50} text`).join(' ');
const TEXT = `${FILLER} The harbour wall repairs were underfunded again this year. ${FILLER}`;

describe('word filter', () => {
  it('keeps the stretch where the pattern words cluster, and little else', () => {
    const index = indexWords(TEXT);
    const pattern = 'The harbour wall repairs were underfunded';
    const stretches = stretchesFor(index, pattern, 16);
    const at = TEXT.indexOf(pattern);
    expect(stretches).not.toBeNull();
    expect(stretches?.some((s) => s.from <= at && s.to >= at + pattern.length)).toBe(true);
    const covered = (stretches ?? []).reduce((sum, s) => sum + s.to - s.from, 0);
    expect(covered).toBeLessThan(TEXT.length / 10);
  });

  it('still finds a passage with some words edited', () => {
    const index = indexWords(TEXT);
    const stretches = stretchesFor(index, 'The harbor wall repairs had been underfunded', 18);
    const at = TEXT.indexOf('The harbour wall');
    expect(stretches?.some((s) => s.from <= at && s.to > at + 40)).toBe(true);
  });

  it('offers nothing when no word of the pattern is in the text', () => {
    expect(stretchesFor(indexWords(TEXT), 'Zebra crossings in Tokyo', 10)).toEqual([]);
  });

  it('asks for a whole-text search when the pattern has only common or short words', () => {
    const common = Array.from({ length: 100 }, () => 'the council said').join(' ');
    expect(stretchesFor(indexWords(common), 'the council said', 6)).toBeNull();
    expect(stretchesFor(indexWords(TEXT), 'a b c', 2)).toBeNull();
  });
});
