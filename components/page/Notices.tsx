import type { PageActions, PageState } from './page-state';

interface NoticesProps {
  error: PageState['error'];
  toast: PageState['toast'];
  actions: PageActions;
}

export function Notices({ error, toast, actions }: NoticesProps) {
  return (
    <>
      {error && (
        <div class="nl-banner nl-error" role="alert" data-testid="nl-error">
          <p>{error}</p>
          <button type="button" class="nl-button" data-testid="nl-error-dismiss" onClick={() => actions.dismissError()}>
            Dismiss
          </button>
        </div>
      )}
      {/* The live region stays mounted so screen readers announce a toast the moment its text appears. */}
      <div class="nl-toast-region" role="status" aria-live="polite">
        {toast && (
          <div class="nl-banner nl-toast" data-testid="nl-toast">
            <p>{toast.message}</p>
            {toast.undo && (
              <button
                type="button"
                class="nl-button nl-primary"
                data-testid="nl-undo"
                onClick={() => {
                  toast.undo?.();
                  actions.dismissToast();
                }}
              >
                Undo
              </button>
            )}
            <button
              type="button"
              class="nl-icon-button"
              aria-label="Dismiss message"
              data-testid="nl-toast-dismiss"
              onClick={() => actions.dismissToast()}
            >
              ×
            </button>
          </div>
        )}
      </div>
    </>
  );
}
