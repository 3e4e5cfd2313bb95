import { describe, expect, it } from 'vitest';
import { addTag, normalizeTag, suggestTags } from '../../../../components/page/tags';

describe('tags', () => {
  it('normalises what the reader types', () => {
    expect(normalizeTag('  #needs   source ')).toBe('needs source');
    expect(normalizeTag('x'.repeat(80))).toHaveLength(50);
  });

  it('adds without duplicates, ignoring case and empties', () => {
    expect(addTag(['Budget'], 'budget')).toEqual(['Budget']);
    expect(addTag(['Budget'], '   ')).toEqual(['Budget']);
    expect(addTag(['Budget'], '#trade')).toEqual(['Budget', 'trade']);
  });

  it('suggests prefix matches before inner matches and skips chosen tags', () => {
    const known = ['needs-source', 'trade', 'free-trade', 'trade-deal', 'budget'];
    expect(suggestTags(known, 'trade', [])).toEqual(['trade', 'trade-deal', 'free-trade']);
    expect(suggestTags(known, 'TRA', ['trade'])).toEqual(['trade-deal', 'free-trade']);
    expect(suggestTags(known, '', [])).toEqual([]);
  });
});
