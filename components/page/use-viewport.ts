import { useEffect, useState } from 'preact/hooks';
import type { Size } from './placement';

function current(): Size {
  return { width: window.innerWidth, height: window.innerHeight };
}

export function useViewport(): Size {
  const [size, setSize] = useState(current);
  useEffect(() => {
    const update = () => setSize(current());
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, []);
  return size;
}
