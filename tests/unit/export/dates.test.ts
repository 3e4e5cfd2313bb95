import { describe, expect, it } from 'vitest';
import { dateParts, isoDateOf } from '../../../export/dates';

describe('dateParts', () => {
  it.each([
    ['2025-03-05', [2025, 3, 5]],
    ['2025-03-05T23:30:00-05:00', [2025, 3, 5]],
    ['2025-03', [2025, 3]],
    ['2025', [2025]],
    ['March 5, 2025 12:00 UTC', [2025, 3, 5]],
    ['2025-13-01', undefined],
    ['soon', undefined],
    [undefined, undefined],
  ])('reads %j as the publisher wrote it', (value, parts) => {
    expect(dateParts(value)).toEqual(parts);
  });

  it('pads ISO dates', () => {
    expect(isoDateOf('2025-3-5')).toBe('2025-03-05');
    expect(isoDateOf('2024-12')).toBe('2024-12');
  });
});
