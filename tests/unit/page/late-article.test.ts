import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { articleShown, LATE_ARTICLE_CHECKS_MS, LATE_ARTICLE_MIN_CHARS, LateArticleWatch } from '../../../page/late-article';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup() {
  let found = false;
  const recheck = vi.fn();
  const watch = new LateArticleWatch({ doc: document, found: () => found, recheck });
  return { watch, recheck, show: () => (found = true) };
}

describe('looking again for an article shown late', () => {
  it('counts an article as shown only with more than a headline of text', () => {
    expect(articleShown(true, 'x'.repeat(LATE_ARTICLE_MIN_CHARS))).toBe(true);
    expect(articleShown(true, `  ${'x'.repeat(LATE_ARTICLE_MIN_CHARS - 1)}  `)).toBe(false);
    expect(articleShown(false, 'x'.repeat(5000))).toBe(false);
  });

  it('re-reads at each settle time and when an animation ends, and stops once the article is there', () => {
    const { watch, recheck, show } = setup();
    watch.update(true);
    watch.update(true); // already watching: no second set of timers
    vi.advanceTimersByTime(LATE_ARTICLE_CHECKS_MS[0] ?? 0);
    expect(recheck).toHaveBeenCalledTimes(1);
    document.dispatchEvent(new Event('animationend'));
    expect(recheck).toHaveBeenCalledTimes(2);
    show();
    document.dispatchEvent(new Event('transitionend'));
    vi.advanceTimersByTime(60_000);
    expect(recheck).toHaveBeenCalledTimes(2);
  });

  it('does nothing when the article was found at once, and stop() removes every timer and listener', () => {
    const { watch, recheck } = setup();
    watch.update(false);
    vi.advanceTimersByTime(60_000);
    expect(recheck).not.toHaveBeenCalled();
    watch.update(true);
    watch.stop();
    document.dispatchEvent(new Event('animationend'));
    vi.advanceTimersByTime(60_000);
    expect(recheck).not.toHaveBeenCalled();
  });
});
