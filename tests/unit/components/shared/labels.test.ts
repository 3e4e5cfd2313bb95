import { describe, expect, it } from 'vitest';
import { CLAIM_BAND_FLOORS } from '../../../../detect/claim-bands';
import type { ClaimReason } from '../../../../detect/types';
import { countWords, mentionWords, reasonWords, scoreWords, truncate } from '../../../../components/shared/labels';

describe('reasonWords', () => {
  it('says every reason in plain words', () => {
    const expected: Record<ClaimReason, string> = {
      statistic: 'contains a statistic',
      comparison: 'makes a comparison',
      trend: 'describes a rise or fall',
      superlative: 'superlative',
      attribution: 'attributed to Zhao Leji',
      quotation: 'direct quotation',
      causal: 'cause and effect',
      prediction: 'prediction',
      policy: 'about a law or agreement',
      event: 'reports a dated event or action',
      wording: 'worded like claims fact-checkers check',
    };
    for (const [reason, words] of Object.entries(expected)) {
      expect(reasonWords(reason as ClaimReason, 'Zhao Leji')).toBe(words);
    }
  });

  it('does not invent a speaker for an attribution without one', () => {
    expect(reasonWords('attribution')).toBe('attributed to someone');
  });
});

describe('scoreWords', () => {
  it('puts scores into the bands of detect/claim-bands.ts, floors included', () => {
    expect(scoreWords(0.95)).toBe('Highly check-worthy');
    expect(scoreWords(CLAIM_BAND_FLOORS.high)).toBe('Highly check-worthy');
    expect(scoreWords(CLAIM_BAND_FLOORS.high - 0.01)).toBe('Check-worthy');
    expect(scoreWords(CLAIM_BAND_FLOORS.medium)).toBe('Check-worthy');
    expect(scoreWords(CLAIM_BAND_FLOORS.medium - 0.01)).toBe('Unlikely to need checking');
    // A 0.52 claim is painted medium by the page, and its words agree.
    expect(scoreWords(0.52)).toBe('Check-worthy');
    expect(scoreWords(0.1)).toBe('Unlikely to need checking');
  });
});

describe('truncate', () => {
  it('leaves short text alone but tidies whitespace', () => {
    expect(truncate('  Unemployment  fell\nto 3.9%. ', 80)).toBe('Unemployment fell to 3.9%.');
  });

  it('cuts at a word boundary and adds an ellipsis', () => {
    const text = 'The government said unemployment fell to 3.9% in the last quarter, the lowest level since 1975.';
    const short = truncate(text, 40);
    expect(short.length).toBeLessThanOrEqual(40);
    expect(short).toBe('The government said unemployment fell…');
  });

  it('drops trailing punctuation before the ellipsis', () => {
    expect(truncate('Prices rose, sharply, again and again and again', 14)).toBe('Prices rose…');
  });

  it('hard-cuts a single very long word', () => {
    const url = 'https://example.com/' + 'a'.repeat(100);
    const short = truncate(url, 30);
    expect(short).toHaveLength(30);
    expect(short.endsWith('…')).toBe(true);
  });
});

describe('counts', () => {
  it('uses singular and plural', () => {
    expect(countWords(1, 'note', 'notes')).toBe('1 note');
    expect(countWords(0, 'note', 'notes')).toBe('0 notes');
    expect(mentionWords(1)).toBe('Mentioned once');
    expect(mentionWords(2)).toBe('Mentioned 2 times');
    expect(mentionWords(7)).toBe('Mentioned 7 times');
  });
});
