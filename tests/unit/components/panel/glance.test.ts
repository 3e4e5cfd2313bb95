import { describe, expect, it } from 'vitest';
import { inReadingOrder, mapMarks, speakerCounts } from '../../../../components/panel/glance';

const claim = (index: number, start: number, score: number, speaker?: string, painted = true) => ({
  index,
  text: `claim ${index}`,
  start,
  end: start + 40,
  score,
  painted,
  ...(speaker ? { speaker } : {}),
});

describe('the article at a glance', () => {
  it('counts claims per speaker, most first, ties by name, unattributed left out', () => {
    const claims = [claim(0, 0, 0.8, 'Rosa Calloway'), claim(1, 100, 0.6, 'Miriam Osei'), claim(2, 200, 0.9), claim(3, 300, 0.7, 'Rosa Calloway'), claim(4, 400, 0.6, 'Daniel Reyes')];
    expect(speakerCounts(claims)).toEqual([
      { speaker: 'Rosa Calloway', claims: 2 },
      { speaker: 'Daniel Reyes', claims: 1 },
      { speaker: 'Miriam Osei', claims: 1 },
    ]);
  });

  it('puts painted claims and placed notes on the map as fractions of the text, in reading order', () => {
    const marks = mapMarks(
      { claims: [claim(0, 500, 0.8), claim(1, 100, 0.55, undefined, false), claim(2, 900, 0.6)], positions: { a: 250, b: null }, textLength: 1000 },
      [
        { id: 'a', quote: 'first note' },
        { id: 'b', quote: 'orphan' },
        { id: 'c', quote: 'unknown to the page' },
      ],
    );
    expect(marks.map((m) => [m.kind, m.at])).toEqual([
      ['note', 0.25],
      ['claim', 0.5],
      ['claim', 0.9],
    ]);
    expect(marks[1]).toMatchObject({ kind: 'claim', index: 0, band: 'high' });
    expect(marks[2]).toMatchObject({ band: 'medium' });
  });

  it('orders notes by their place in the text, unplaced ones last and newest first', () => {
    const notes = [
      { id: 'late', createdAt: '2026-01-01T00:00:00Z' },
      { id: 'orphan-old', createdAt: '2025-01-01T00:00:00Z' },
      { id: 'early', createdAt: '2026-02-01T00:00:00Z' },
      { id: 'orphan-new', createdAt: '2025-06-01T00:00:00Z' },
    ];
    expect(inReadingOrder(notes, { late: 900, early: 10, 'orphan-old': null }).map((n) => n.id)).toEqual(['early', 'late', 'orphan-new', 'orphan-old']);
  });
});
