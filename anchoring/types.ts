// W3C Web Annotation selectors as we store them. Positions here are UTF-16 offsets into the
// article text (what the DOM gives us); export/ converts to code points where the spec asks for them.

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type Selector = TextQuoteSelector | TextPositionSelector;

/**
 * Where an annotation sits in the whole document's text content (the concatenated text nodes of `document.body`, no
 * separators added), which is the text a W3C Web Annotation consumer matches selectors against. Unlike the selectors
 * above, `position` here counts Unicode code points, as the Web Annotation model defines TextPositionSelector.
 */
export interface DocumentSelector {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** How well a saved annotation was found again in the current text. */
export const ANCHOR_QUALITIES = ['exact', 'changed', 'orphan'] as const;
export type AnchorQuality = (typeof ANCHOR_QUALITIES)[number];

export interface Anchor {
  start: number;
  end: number;
  quality: Exclude<AnchorQuality, 'orphan'>;
  /** 0..1: 1 is the saved quote at the saved position with the saved context. */
  confidence: number;
}
