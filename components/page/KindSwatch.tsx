import type { PaintKind } from '../../storage/types';
import { KIND_WORDS } from '../shared/labels';

/** Colour plus a letter, so the kinds stay distinguishable for readers who don't see the colour. */
export function KindSwatch({ kind }: { kind: PaintKind }) {
  return (
    <span class={`nl-swatch nl-kind-${kind}`} aria-hidden="true">
      {KIND_WORDS[kind].letter}
    </span>
  );
}
