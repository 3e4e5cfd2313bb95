// Opening a card is shared by the pointer (clicks, hovers), the reader's annotations (a new note opens its editor) and
// the session (stepping through claims): one function, so every card is placed the same way.
import type { Card, PageState, Store } from '../components/page/page-state';
import type { PageText, Span } from './page-text';

/** A card without its position: the position comes from where its text is drawn. */
export type CardRequest = Card extends infer C ? (C extends Card ? Omit<C, 'rect'> : never) : never;

/** Where a card goes when its text cannot be mapped (it was removed from the page): near the top left, visible. */
const FALLBACK_RECT = { top: 80, left: 80, width: 0, height: 0 };

/** The card placed next to where `span` is drawn now. */
export function placeCard(text: PageText, card: CardRequest, span: Span): Card {
  return { ...card, rect: text.rectOf(span) ?? FALLBACK_RECT } as Card;
}

/** Opens `card` next to `span` and drops the selection (a card and the selection toolbar never show together). */
export function openCard(store: Store<PageState>, text: PageText, card: CardRequest, span: Span): void {
  store.set({ card: placeCard(text, card, span), selection: null });
}

/** A card opened by hovering: it must not take focus, and leaving it closes it. */
export function isPreview(card: Card | null): boolean {
  return !!card && 'preview' in card && card.preview === true;
}

/** Wraps an action so every failure (a full disk above all) is shown to the reader instead of lost. */
export function guarded<A extends unknown[]>(store: Store<PageState>, run: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await run(...args);
    } catch (error) {
      store.set({ error: error instanceof Error ? error.message : String(error) });
    }
  };
}
