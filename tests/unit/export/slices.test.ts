import { describe, expect, it } from 'vitest';
import { isCancelled, mapInSlices } from '../../../export/slices';

describe('mapInSlices', () => {
  it('yields to the event loop once a slice has used its budget, and reports progress', async () => {
    let clock = 0;
    const progress: number[] = [];
    let timerRan = false;
    setTimeout(() => (timerRan = true), 0);
    const seenTimer: boolean[] = [];
    const result = await mapInSlices(
      [1, 2, 3, 4, 5],
      (n) => {
        seenTimer.push(timerRan);
        clock += 5;
        return n * 2;
      },
      { budgetMs: 10, now: () => clock, onProgress: ({ done }) => progress.push(done) },
    );
    expect(result).toEqual([2, 4, 6, 8, 10]);
    expect(progress).toEqual([2, 4, 5]);
    // The timer queued before the work ran between slices: the page got its turn.
    expect(seenTimer).toEqual([false, false, true, true, true]);
  });

  it('stops at the next slice boundary when cancelled', async () => {
    const controller = new AbortController();
    let calls = 0;
    const run = mapInSlices([1, 2, 3, 4], () => {
      calls += 1;
      if (calls === 2) controller.abort();
    }, { budgetMs: 0, signal: controller.signal });
    const error = await run.catch((e: unknown) => e);
    expect(isCancelled(error)).toBe(true);
    expect(calls).toBe(2);
  });
});
