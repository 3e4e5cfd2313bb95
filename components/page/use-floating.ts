import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Rect } from './page-state';
import type { Point, Size } from './placement';
import { useViewport } from './use-viewport';

type Place = (anchor: Rect, box: Size, viewport: Size) => Point;

/**
 * Positions a floating element against an anchor rect, measuring the element after each render so the final
 * position accounts for its real size (the first frame uses `estimate`).
 */
export function useFloating<E extends HTMLElement>(anchor: Rect, estimate: Size, place: Place) {
  const ref = useRef<E>(null);
  const viewport = useViewport();
  const [measured, setMeasured] = useState<Size | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const { width, height } = el.getBoundingClientRect();
    if (width === 0 && height === 0) return;
    if (!measured || Math.abs(measured.width - width) > 0.5 || Math.abs(measured.height - height) > 0.5) {
      setMeasured({ width, height });
    }
  });
  const point = place(anchor, measured ?? estimate, viewport);
  return { ref, style: { top: `${Math.round(point.top)}px`, left: `${Math.round(point.left)}px` } };
}
