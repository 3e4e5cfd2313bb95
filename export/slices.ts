// Long exports and imports run in slices: each slice works until a time budget is spent, then yields to the event
// loop so the page stays responsive (input, painting, the Cancel button), reports progress, and stops when cancelled.
// 50 ms is the long-task threshold (W3C Long Tasks API); a 12 ms budget leaves room for the slice that overruns it.

export const SLICE_BUDGET_MS = 12;

export interface Progress {
  /** Items finished so far. */
  done: number;
  /** Items in all. */
  total: number;
}

export interface SliceOptions {
  /** Cancels the work at the next slice boundary with an AbortError. */
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
  /** Milliseconds of work per slice; tests pass 0 to force a yield after every item. */
  budgetMs?: number;
  /** Injected clock (ms), for tests. */
  now?: () => number;
}

/** Resolves on a later macrotask, so pending input and rendering run first. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Throws the signal's AbortError (a DOMException named "AbortError") if it was aborted. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new DOMException('The export was cancelled.', 'AbortError');
}

/** True for the error a cancelled slice run throws. */
export function isCancelled(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * `items.map(work)` in slices of at most `budgetMs` each, yielding to the event loop between slices.
 * Reports progress after each slice and at the end. Throws an AbortError when `signal` is aborted, and whatever
 * `work` throws.
 */
export async function mapInSlices<T, R>(items: readonly T[], work: (item: T, index: number) => R, options: SliceOptions = {}): Promise<R[]> {
  const { signal, onProgress, budgetMs = SLICE_BUDGET_MS, now = () => performance.now() } = options;
  const results: R[] = [];
  let sliceStart = now();
  throwIfCancelled(signal);
  for (let i = 0; i < items.length; i++) {
    results.push(work(items[i] as T, i));
    if (now() - sliceStart >= budgetMs && i < items.length - 1) {
      onProgress?.({ done: i + 1, total: items.length });
      await yieldToEventLoop();
      throwIfCancelled(signal);
      sliceStart = now();
    }
  }
  onProgress?.({ done: items.length, total: items.length });
  return results;
}
