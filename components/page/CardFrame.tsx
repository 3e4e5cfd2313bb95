import type { ComponentChildren } from 'preact';
import { useEffect, useId } from 'preact/hooks';
import type { Rect } from './page-state';
import { placeNear } from './placement';
import { useFloating } from './use-floating';

interface CardFrameProps {
  rect: Rect;
  title: ComponentChildren;
  testId: string;
  /** A hover preview: shown without moving focus, so reading and scrolling are not interrupted. */
  preview?: boolean;
  onHold?(held: boolean): void;
  onClose(): void;
  children: ComponentChildren;
}

const ESTIMATED_SIZE = { width: 360, height: 260 };

/**
 * A non-modal dialog next to what was clicked. Focus moves into it on open (to an element marked data-autofocus, or the
 * card itself) so keyboard and screen-reader users land where the content is; Escape closes it.
 */
export function CardFrame({ rect, title, testId, preview = false, onHold, onClose, children }: CardFrameProps) {
  const { ref, style } = useFloating<HTMLElement>(rect, ESTIMATED_SIZE, placeNear);
  const titleId = useId();

  useEffect(() => {
    const card = ref.current;
    if (!card || preview) return;
    const root = card.getRootNode() as Document | ShadowRoot;
    // Only a control of our own UI (e.g. "Next claim") gets focus back; a page element is the page's business.
    const opener = root.activeElement instanceof HTMLElement && root.activeElement !== card ? root.activeElement : null;
    const target = card.querySelector<HTMLElement>('[data-autofocus]') ?? card;
    target.focus({ preventScroll: true });
    return () => {
      const active = root.activeElement;
      // If the reader clicked away into the page, focus is already where they want it.
      const focusWasInCard = active === null || active === card.ownerDocument.body || card.contains(active);
      if (opener?.isConnected && focusWasInCard) opener.focus({ preventScroll: true });
    };
  }, [preview]);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    onClose();
  }

  return (
    <section
      ref={ref}
      class="nl-card nl-surface"
      role="dialog"
      aria-labelledby={titleId}
      tabIndex={-1}
      data-testid="nl-card"
      style={style}
      onKeyDown={onKeyDown}
      onMouseEnter={preview ? () => onHold?.(true) : undefined}
      onMouseLeave={preview ? () => onHold?.(false) : undefined}
    >
      <div class="nl-card-header">
        <h2 id={titleId} class="nl-card-title">
          {title}
        </h2>
        <button type="button" class="nl-icon-button" aria-label="Close" data-testid="nl-card-close" onClick={onClose}>
          ×
        </button>
      </div>
      <div class="nl-card-body" data-testid={testId}>
        {children}
      </div>
    </section>
  );
}
