import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export interface LiveQueryState<T> {
  value: T | undefined;
  error: unknown;
}

/**
 * Re-runs `query` whenever the Dexie tables it read change (in this page or, through Dexie's
 * cross-context notifications, in the background), like dexie-react-hooks but without preact/compat.
 */
export function useLiveQuery<T>(query: () => Promise<T> | T, deps: readonly unknown[]): LiveQueryState<T> {
  const [state, setState] = useState<LiveQueryState<T>>({ value: undefined, error: undefined });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ value, error: undefined }),
      error: (error: unknown) => setState((previous) => ({ value: previous.value, error })),
    });
    return () => subscription.unsubscribe();
    // The caller lists what the query depends on, exactly as with useEffect.
  }, deps);
  return state;
}
