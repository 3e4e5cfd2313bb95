// Errors and "Deleted — Undo" for the whole popup. Storage errors (quota above all) must reach the reader,
// so every write goes through `run`, which shows what failed instead of swallowing it.
import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useMemo, useState } from 'preact/hooks';
import { toStorageError } from '../../storage/errors';

interface UndoOffer {
  message: string;
  undo: () => Promise<unknown>;
}

export interface Feedback {
  reportError(error: unknown): void;
  offerUndo(message: string, undo: () => Promise<unknown>): void;
  /** Runs a write; on failure shows the reason and resolves to undefined. */
  run<T>(write: () => Promise<T>): Promise<T | undefined>;
}

const FeedbackContext = createContext<Feedback | null>(null);

export function useFeedback(): Feedback {
  const feedback = useContext(FeedbackContext);
  if (!feedback) throw new Error('Feedback missing: wrap the UI in <FeedbackProvider>.');
  return feedback;
}

export function FeedbackProvider({ children }: { children: ComponentChildren }) {
  const [error, setError] = useState<string | null>(null);
  const [offer, setOffer] = useState<UndoOffer | null>(null);

  const reportError = useCallback((e: unknown) => setError(toStorageError(e).message), []);
  const feedback = useMemo<Feedback>(
    () => ({
      reportError,
      offerUndo: (message, undo) => setOffer({ message, undo }),
      async run(write) {
        try {
          setError(null);
          return await write();
        } catch (e) {
          reportError(e);
          return undefined;
        }
      },
    }),
    [reportError],
  );

  const undo = async () => {
    if (!offer) return;
    setOffer(null);
    await feedback.run(offer.undo);
  };

  return (
    <FeedbackContext.Provider value={feedback}>
      {children}
      <div class="feedback">
        {error && (
          <div class="error" role="alert">
            <span>{error}</span>
            <button type="button" class="link" onClick={() => setError(null)} aria-label="Dismiss error">
              ×
            </button>
          </div>
        )}
        {/* Always rendered: screen readers announce changes only inside a live region that already exists. */}
        <div class="undo" role="status" aria-live="polite">
          {offer && (
            <>
              <span>{offer.message}</span>{' '}
              <button type="button" onClick={undo}>
                Undo
              </button>
              <button type="button" class="link" onClick={() => setOffer(null)} aria-label="Dismiss">
                ×
              </button>
            </>
          )}
        </div>
      </div>
    </FeedbackContext.Provider>
  );
}
