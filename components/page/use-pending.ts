import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * Runs an action that returns a promise, tracking whether it is in flight and whether it failed, so a button can
 * show "Saving…" and a failure is told to the reader instead of becoming an unhandled rejection.
 */
export function usePending() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  /** `failureMessage` may depend on the error (e.g. a conflict explains itself; a network-like failure does not). */
  async function run(task: () => Promise<void>, failureMessage: string | ((error: unknown) => string)): Promise<boolean> {
    setBusy(true);
    setFailure(null);
    try {
      await task();
      return true;
    } catch (error) {
      if (mounted.current) setFailure(typeof failureMessage === 'string' ? failureMessage : failureMessage(error));
      return false;
    } finally {
      if (mounted.current) setBusy(false);
    }
  }
  return { busy, failure, run };
}
