import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Rect } from './page-state';
import type { Point, Size } from './placement';
import { useViewport } from './use-viewport';

type Place = (anchor: Rect, box: Size, viewport: Size) => Point & { maxHeight?: number };

/**
 * Positions a floating element against an anchor rect using its real size (the first frame uses `estimate`).
 * The size is watched with a ResizeObserver because the content grows on its own (an evidence link added, an inline
 * error shown) without this component re-rendering, and a card that grew past the viewport edge would be cut off.
 */
export function useFloating<E extends HTMLElement>(anchor: Rect, estimate: Size, place: Place) {
  const ref = useRef<E>(null);
  const viewport = useViewport();
  const [measured, setMeasured] = useState<Size | null>(null);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const { width, height } = el.getBoundingClientRect();
      if (width === 0 && height === 0) return;
      setMeasured((prev) =>
        prev && Math.abs(prev.width - width) <= 0.5 && Math.abs(prev.height - height) <= 0.5 ? prev : { width, height },
      );
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const point = place(anchor, measured ?? estimate, viewport);
  return {
    ref,
    style: {
      top: `${Math.round(point.top)}px`,
      left: `${Math.round(point.left)}px`,
      ...(point.maxHeight !== undefined ? { maxHeight: `${Math.floor(point.maxHeight)}px` } : {}),
    },
  };
}
