import { useEffect, useState } from 'preact/hooks';
import type { Store } from './page-state';

export function useStore<T>(store: Store<T>): T {
  const [state, setState] = useState(() => store.get());
  useEffect(() => {
    const sync = () => setState(() => store.get());
    // The session may have written between the first render and this subscription.
    sync();
    return store.subscribe(sync);
  }, [store]);
  return state;
}
