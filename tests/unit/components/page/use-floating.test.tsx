import { act, cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { placeNear } from '../../../../components/page/placement';
import { useFloating } from '../../../../components/page/use-floating';

class FakeResizeObserver {
  static instances: FakeResizeObserver[] = [];
  readonly targets: Element[] = [];
  constructor(readonly callback: () => void) {
    FakeResizeObserver.instances.push(this);
  }
  observe(target: Element) {
    this.targets.push(target);
  }
  disconnect() {}
}

function Floating() {
  const { ref, style } = useFloating<HTMLDivElement>({ top: 176, left: 100, width: 80, height: 20 }, { width: 360, height: 200 }, placeNear);
  return <div ref={ref} data-testid="floating" style={style} />;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('useFloating', () => {
  it('moves the element back inside the viewport when its content grows without a re-render', () => {
    vi.stubGlobal('ResizeObserver', FakeResizeObserver);
    vi.stubGlobal('innerHeight', 900);
    vi.stubGlobal('innerWidth', 1280);
    let height = 300;
    const spy = vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(
      () => ({ width: 360, height, top: 0, left: 0, right: 360, bottom: height, x: 0, y: 0, toJSON: () => ({}) }) as DOMRect,
    );
    render(<Floating />);
    const el = screen.getByTestId('floating');
    expect(el.style.top).toBe('204px');
    height = 770;
    const observer = FakeResizeObserver.instances.find((o) => o.targets.includes(el));
    expect(observer).toBeDefined();
    act(() => observer!.callback());
    expect(el.style.top).toBe(`${900 - 770 - 8}px`);
    spy.mockRestore();
  });
});
